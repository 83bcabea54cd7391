"""Wagtail's user views with Frontline's profile fields, coordinator scopes and erasure.

Installed through ``accounts.apps.FrontlineUsersAppConfig.user_viewset``, the documented way
to customise the user views ("Customizing the user views" in Wagtail's documentation).
"""

import django_filters
from django.contrib import messages
from django.db.models import ProtectedError
from django.shortcuts import get_object_or_404, redirect
from django.urls import path, reverse
from django.utils.functional import cached_property
from django.utils.text import capfirst
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from django.views.generic import TemplateView
from wagtail.admin.auth import permission_denied
from wagtail.admin.ui.menus import MenuItem
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.views.generic.permissions import PermissionCheckedMixin
from wagtail.admin.widgets.button import Button
from wagtail.permissions import policy_registry
from wagtail.users.views import users as wagtail_users

from accounts import two_factor
from accounts.models import Agency, Region, User
from accounts.selectors import user_erasable_by, users_erasable_by
from accounts.services import two_factor_reset, user_erase
from accounts.user_forms import CoordinatorScopeFormSet, UserCreationForm, UserEditForm

# Django's form views answer PUT as POST; these answer only what a browser sends (others: 405).
READ_METHODS = ["get", "head"]
FORM_METHODS = ["get", "head", "post"]


def _erase_url(user) -> str:
    return reverse("wagtailusers_users:erase", args=[user.pk])


def _two_factor_reset_url(user) -> str:
    return reverse("wagtailusers_users:two_factor_reset", args=[user.pk])


class UserFilterSet(wagtail_users.UserFilterSet):
    agency = django_filters.ModelChoiceFilter(label=gettext_lazy("Agency"), queryset=Agency.objects.all())
    region = django_filters.ModelChoiceFilter(
        label=gettext_lazy("Region or duty station"), queryset=Region.objects.all()
    )

    class Meta(wagtail_users.UserFilterSet.Meta):
        model = User


class IndexView(wagtail_users.IndexView):
    # Full names, not first and last, are what people are known by here.
    search_fields = ["email", "full_name"]
    http_method_names = READ_METHODS

    def get_list_more_buttons(self, instance):
        buttons = super().get_list_more_buttons(instance)
        if user_erasable_by(instance, self.request.user):
            buttons.append(MenuItem(_("Erase personal data"), url=_erase_url(instance), icon_name="bin", priority=40))
        return buttons


class CreateView(wagtail_users.CreateView):
    http_method_names = FORM_METHODS


class EditView(wagtail_users.EditView):
    """Wagtail's edit view plus the user's coordinator scopes, saved in the same transaction."""

    http_method_names = FORM_METHODS

    @cached_property
    def scope_formset(self):
        data = self.request.POST if self.request.method == "POST" else None
        return CoordinatorScopeFormSet(data, instance=self.object, prefix="coordinator_scopes")

    def is_valid(self, form):
        # Both are validated, so that every error shows at once.
        form_valid = super().is_valid(form)
        if not self.scope_formset.is_valid():
            self.produced_error_code = "validation_error"
            self.produced_error_message = self.get_error_message()
            return False
        return form_valid

    def save_instance(self):
        instance = super().save_instance()
        self.scope_formset.instance = instance
        self.scope_formset.save()
        return instance

    def get_context_data(self, **kwargs):
        return super().get_context_data(scope_formset=self.scope_formset, **kwargs)

    def get_header_more_buttons(self):
        buttons = list(super().get_header_more_buttons())
        if user_erasable_by(self.object, self.request.user):
            buttons.append(Button(_("Erase personal data"), url=_erase_url(self.object), icon_name="bin", priority=40))
            if two_factor.has_authenticator(self.object):
                buttons.append(
                    Button(
                        _("Reset two-factor authentication"),
                        url=_two_factor_reset_url(self.object),
                        icon_name="key",
                        priority=50,
                    )
                )
        return buttons


class DeleteView(wagtail_users.DeleteView):
    """A user with training records cannot be deleted (certificates protect them); say so and
    point to erasure, which keeps the records without the name."""

    http_method_names = FORM_METHODS

    def form_valid(self, form):
        try:
            return super().form_valid(form)
        except ProtectedError:
            messages.error(
                self.request,
                _(
                    "%(user)s has training records, so the account cannot be deleted. Erase their personal data "
                    "instead: the records are kept without the name."
                )
                % {"user": self.object},
            )
            return redirect("wagtailusers_users:edit", self.object.pk)


class UserActionView(PermissionCheckedMixin, WagtailAdminTemplateMixin, TemplateView):
    """A confirmation page, then an act on one user's account, for those who may manage it
    (``user_erasable_by``: never one's own account, a superuser's only by a superuser)."""

    permission_required = "change"
    http_method_names = FORM_METHODS

    @cached_property
    def permission_policy(self):
        return policy_registry.get_by_type(User)

    @cached_property
    def subject(self) -> User:
        # Looked up after the permission check, so nobody else learns which ids exist.
        return get_object_or_404(User, pk=self.kwargs["pk"])

    def get(self, request, *args, **kwargs):
        return self._refusal() or super().get(request, *args, **kwargs)

    def post(self, request, *args, **kwargs):
        refusal = self._refusal()
        if refusal:
            return refusal
        user = get_object_or_404(users_erasable_by(request.user), pk=self.subject.pk)
        return self.act(request, user)

    def _refusal(self):
        if self.subject.pk == self.request.user.pk:
            messages.warning(self.request, self.own_account_message)
            return redirect("wagtailusers_users:edit", self.subject.pk)
        if self.subject.erased_at is not None:
            messages.warning(self.request, _("This user's personal data was already erased."))
            return redirect("wagtailusers_users:index")
        if not user_erasable_by(self.subject, self.request.user):
            return permission_denied(self.request)
        return self.nothing_to_do()

    def nothing_to_do(self):
        return None

    def get_page_subtitle(self):
        return str(self.subject)

    def get_breadcrumbs_items(self):
        return [
            *super().get_breadcrumbs_items(),
            {"url": reverse("wagtailusers_users:index"), "label": capfirst(User._meta.verbose_name_plural)},
            {"url": reverse("wagtailusers_users:edit", args=[self.subject.pk]), "label": str(self.subject)},
            {"url": "", "label": self.get_page_title()},
        ]

    def get_context_data(self, **kwargs):
        return super().get_context_data(subject=self.subject, **kwargs)


class EraseView(UserActionView):
    """Erase one user's name and e-mail address (after a confirmation page); their training
    records stay, without the name, for the reports."""

    template_name = "accounts/admin/user_erase.html"
    header_icon = "bin"
    page_title = gettext_lazy("Erase personal data")
    own_account_message = gettext_lazy("You cannot erase your own data here; use the “Your data” page.")

    def act(self, request, user):
        user_erase(user=user, by=request.user)
        messages.success(
            request,
            ngettext(
                "The personal data of %(count)d user was erased.",
                "The personal data of %(count)d users was erased.",
                1,
            )
            % {"count": 1},
        )
        return redirect("wagtailusers_users:index")


class TwoFactorResetView(UserActionView):
    """For a user who lost their authenticator: remove it and end their sessions, so they
    set up a new one at their next sign-in (audited)."""

    template_name = "accounts/admin/user_two_factor_reset.html"
    header_icon = "key"
    page_title = gettext_lazy("Reset two-factor authentication")
    own_account_message = gettext_lazy(
        "You cannot reset your own two-factor authentication here; use your account's two-factor page."
    )

    def nothing_to_do(self):
        if two_factor.has_authenticator(self.subject):
            return None
        messages.info(self.request, _("%(user)s has no two-factor authentication to reset.") % {"user": self.subject})
        return redirect("wagtailusers_users:edit", self.subject.pk)

    def act(self, request, user):
        two_factor_reset(user=user, by=request.user)
        messages.success(
            request,
            _(
                "The two-factor authentication of %(user)s was reset; they set up a new authenticator "
                "at their next sign-in."
            )
            % {"user": user},
        )
        return redirect("wagtailusers_users:edit", user.pk)


class UserViewSet(wagtail_users.UserViewSet):
    filterset_class = UserFilterSet
    index_view_class = IndexView
    add_view_class = CreateView
    edit_view_class = EditView
    delete_view_class = DeleteView
    copy_view_enabled = False  # a copy would carry someone's profile and scopes to another person
    create_template_name = "accounts/admin/user_create.html"
    edit_template_name = "accounts/admin/user_edit.html"

    def get_form_class(self, for_update=False):
        return UserEditForm if for_update else UserCreationForm

    def get_urlpatterns(self):
        return [
            *super().get_urlpatterns(),
            path("erase/<int:pk>/", EraseView.as_view(), name="erase"),
            path("two-factor-reset/<int:pk>/", TwoFactorResetView.as_view(), name="two_factor_reset"),
        ]
