"""The training programme in the Wagtail admin.

Requirements (helper "admin"): national administrators manage every requirement, a coordinator
those of the agencies in their scope, and changes only to audiences inside it. Saving re-assigns
in the worker (``programme.tasks.apply_requirement``); "Preview" shows what saving would do. A
requirement with assignments is withdrawn, never deleted; every create, change and withdrawal
is in the audit trail (``wagtail.log_actions``)."""

import copy

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models import Count, OuterRef, Q, Subquery
from django.db.models.functions import Coalesce
from django.shortcuts import get_object_or_404, redirect
from django.urls import path, reverse
from django.utils import formats
from django.utils.functional import cached_property
from django.utils.html import format_html
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from django.views.generic import TemplateView
from wagtail.admin.auth import permission_denied
from wagtail.admin.ui.menus import MenuItem
from wagtail.admin.ui.tables import Column, TitleColumn
from wagtail.admin.views import generic
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.views.generic.history import HistoryView
from wagtail.admin.views.generic.permissions import PermissionCheckedMixin
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.admin.widgets.button import Button
from wagtail.log_actions import log
from wagtail.models import Locale, Page
from wagtail.permission_policies import ModelPermissionPolicy

from programme import tasks
from programme.forms import RequirementForm, audience_in_scope, scope_of
from programme.models import Requirement
from programme.preview import requirement_preview
from programme.selectors import requirement_audience

# --- admin ---

# Django's form views answer PUT as POST; these answer only what a browser sends (others: 405).
READ_METHODS = ["get", "head"]
FORM_METHODS = ["get", "head", "post"]
PREVIEW_REGIONS = 5  # regions named in the preview; the rest are summed up

ACTION_CREATE = "frontline.requirement.create"
ACTION_CHANGE = "frontline.requirement.change"
ACTION_WITHDRAW = "frontline.requirement.withdraw"


def visible_requirements(user):
    """The requirements a user sees: every one for a national administrator, those of the
    agencies of a coordinator's scope."""
    if user.is_superuser:
        return Requirement.objects.all()
    scope = scope_of(user)
    if scope.is_empty:
        return Requirement.objects.none()
    return Requirement.objects.filter(agency__in=scope.agencies().values("pk"))


class RequirementPermissionPolicy(ModelPermissionPolicy):
    """Django's model permissions (groups give them), narrowed by the coordinator's scope: they
    see the requirements of the agencies in it and change or withdraw only those whose audience
    lies inside it. A withdrawn requirement is history: it is not changed any more."""

    def user_has_permission_for_instance(self, user, action, instance):
        if not self.user_has_permission(user, action):
            return False
        if action == "change" and not instance.is_active:
            return False
        if user.is_superuser:
            return True
        scope = scope_of(user)
        if action == "view":
            return any(a is None or a == instance.agency_id for a, _r in scope.pairs)
        region_ids = [region.pk for region in instance.regions.all()]
        return audience_in_scope(scope, agency_id=instance.agency_id, region_ids=region_ids)

    def user_has_any_permission_for_instance(self, user, actions, instance):
        return any(self.user_has_permission_for_instance(user, action, instance) for action in actions)

    def instances_user_has_any_permission_for(self, user, actions):
        if not self.user_has_any_permission(user, actions):
            return Requirement.objects.none()
        return visible_requirements(user)


def due_rule_in_words(requirement: Requirement) -> str:
    days = requirement.due_days or 0
    match requirement.due_rule:
        case Requirement.DueRule.FIXED_DATE:
            return _("by %(date)s") % {"date": formats.date_format(requirement.due_date, "DATE_FORMAT")}
        case Requirement.DueRule.AFTER_START:
            return ngettext(
                "within %(days)s day of %(date)s",
                "within %(days)s days of %(date)s",
                days,
            ) % {"days": days, "date": formats.date_format(requirement.starts_on, "DATE_FORMAT")}
    return ngettext("within %(days)s day of joining", "within %(days)s days of joining", days) % {"days": days}


def recertification_in_words(requirement: Requirement) -> str:
    if not requirement.recurs:
        return _("No")
    days = requirement.recertify_within_days
    return ngettext(
        "Yes: due %(days)s day after the certificate expires",
        "Yes: due %(days)s days after the certificate expires",
        days,
    ) % {"days": days}


def audience_in_words(requirement: Requirement) -> str:
    regions = [region.display_name for region in requirement.regions.all()]
    parts = [requirement.agency.display_name, ", ".join(regions) if regions else _("every region")]
    if requirement.positions:
        parts.append(
            ngettext("position: %(positions)s", "positions: %(positions)s", len(requirement.positions))
            % {"positions": ", ".join(requirement.positions)}
        )
    return " · ".join(parts)


def progress_in_words(requirement: Requirement) -> str:
    if requirement.is_active:
        return _apply_state_in_words(requirement)
    if requirement.apply_state == Requirement.ApplyState.DONE:
        return _("Withdrawn")
    return f"{_('Withdrawn')} · {_apply_state_in_words(requirement)}"


def _apply_state_in_words(requirement: Requirement) -> str:
    if requirement.apply_state == Requirement.ApplyState.RUNNING:
        return _("Assigning: %(done)s of %(total)s") % {
            "done": formats.number_format(requirement.apply_done, force_grouping=True),
            "total": formats.number_format(requirement.apply_total, force_grouping=True),
        }
    if requirement.apply_state == Requirement.ApplyState.PENDING:
        return _("Waiting for the worker")
    if requirement.applied_at:
        return _("Assigned on %(date)s") % {"date": formats.date_format(requirement.applied_at, "DATE_FORMAT")}
    return str(Requirement.ApplyState.DONE.label)


def _number(value) -> str:
    return formats.number_format(value, force_grouping=True)


class RequirementIndexView(generic.IndexView):
    http_method_names = READ_METHODS
    search_fields = ["course__title"]  # searched by search_queryset below, in every language

    @cached_property
    def columns(self):
        return [
            TitleColumn(
                "course",
                label=gettext_lazy("Course"),
                accessor="course_title",
                sort_key="course__title",
                get_url=self.get_edit_url,
            ),
            Column("audience", label=gettext_lazy("Audience"), accessor=audience_in_words),
            # One column for both dates keeps the table readable at phone width.
            Column(
                "due",
                label=gettext_lazy("Due and recertification"),
                accessor=lambda r: format_html("{}<br>{}", due_rule_in_words(r), recertification_in_words(r)),
            ),
            Column(
                "assigned",
                label=gettext_lazy("Trainees assigned"),
                accessor=lambda r: _number(r.open_assignments),
                sort_key="open_assignments",
            ),
            Column("progress", label=gettext_lazy("Progress"), accessor=progress_in_words),
        ]

    def get_base_queryset(self):
        localized_title = Page.objects.filter(
            translation_key=OuterRef("course__translation_key"), locale=Locale.get_active()
        ).values("title")[:1]
        return (
            visible_requirements(self.request.user)
            .select_related("course", "agency")
            .prefetch_related("regions")
            .annotate(
                course_title=Coalesce(Subquery(localized_title), "course__title"),
                open_assignments=Count("assignments", filter=Q(assignments__ended_at__isnull=True)),
                all_assignments=Count("assignments"),
            )
        )

    def search_queryset(self, queryset):
        """By the course's title in any of its languages, or the agency's name."""
        if not self.search_query:
            return queryset
        query = self.search_query
        titled = Page.objects.filter(title__icontains=query).values("translation_key")
        return queryset.filter(
            Q(course__translation_key__in=titled)
            | Q(agency__name__icontains=query)
            | Q(agency__name_ru__icontains=query)
            | Q(agency__name_tg__icontains=query)
        )

    def get_edit_url(self, instance):
        if self.permission_policy.user_has_permission_for_instance(self.request.user, "change", instance):
            return reverse(self.edit_url_name, args=[instance.pk])

    def get_delete_url(self, instance):
        if instance.all_assignments or not self.permission_policy.user_has_permission_for_instance(
            self.request.user, "delete", instance
        ):
            return None
        return reverse(self.delete_url_name, args=[instance.pk])

    def get_list_more_buttons(self, instance):
        buttons = super().get_list_more_buttons(instance)
        if instance.is_active and instance.all_assignments and self.can_withdraw(instance):
            buttons.append(MenuItem(_("Withdraw"), url=withdraw_url(instance), icon_name="cross", priority=30))
        history = reverse("requirements:history", args=[instance.pk])
        buttons.append(MenuItem(_("History"), url=history, icon_name="history", priority=40))
        return buttons

    def can_withdraw(self, instance):
        return self.permission_policy.user_has_permission_for_instance(self.request.user, "delete", instance)


def withdraw_url(requirement) -> str:
    return reverse("requirements:withdraw", args=[requirement.pk])


def _enqueue_apply(requirement_id: int) -> None:
    transaction.on_commit(lambda: tasks.apply_requirement.enqueue(requirement_id))


class ScopedObjectMixin:
    """A requirement outside what the user sees is not found; one they see but may not act on
    (``permission_required``) is refused."""

    def get_base_object_queryset(self):  # the history view's object
        return visible_requirements(self.request.user)

    def get_queryset(self):  # the edit and delete views' object
        if isinstance(self, HistoryView):
            return super().get_queryset()  # the log entries listed
        return visible_requirements(self.request.user)

    def get_object(self, *args, **kwargs):
        # The object is looked up in setup(), before the view's own permission check: check first,
        # so that whoever may not act on requirements at all learns nothing about which exist.
        user, policy = self.request.user, self.permission_policy
        actions = [self.permission_required] if self.permission_required else ["view", "change", "delete"]
        if not policy.user_has_any_permission(user, actions):
            raise PermissionDenied
        requirement = super().get_object(*args, **kwargs)
        if not policy.user_has_any_permission_for_instance(user, actions, requirement):
            raise PermissionDenied
        return requirement


class RequirementHistoryView(ScopedObjectMixin, HistoryView):
    http_method_names = READ_METHODS


class RequirementFormMixin:
    """Create and edit: the form gets the user (for the scope), "Preview" shows what saving
    would do without saving, and saving logs the change and queues the assigning."""

    http_method_names = FORM_METHODS
    preview = None

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "user": self.request.user}

    def post(self, request, *args, **kwargs):
        if "preview" not in request.POST:
            return super().post(request, *args, **kwargs)
        if not hasattr(self, "object"):
            self.object = self.get_object() if self.kwargs.get("pk") else None
        form = self.get_form()
        if not self.is_valid(form):
            return self.form_invalid(form)
        self.form = form
        requirement = form.instance  # the form's values, not saved
        self.preview = requirement_preview(
            requirement=requirement,
            region_ids=[region.pk for region in form.cleaned_data["regions"]],
            positions=form.cleaned_data["positions"],
        )
        return self.render_to_response(self.get_context_data(form=form))

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        if self.preview is not None:
            context["preview"] = self.preview
            context["preview_regions"] = self.preview.by_region[:PREVIEW_REGIONS]
            rest = self.preview.by_region[PREVIEW_REGIONS:]
            context["preview_rest_regions"] = len(rest)
            context["preview_rest_trainees"] = sum(row.count for row in rest)
        return context

    def get_success_message(self, instance=None):
        instance = instance or self.object
        count = requirement_audience(instance).count()
        return ngettext(
            "Requirement saved. Assigning the course to %(count)s trainee in the background.",
            "Requirement saved. Assigning the course to %(count)s trainees in the background.",
            count,
        ) % {"count": _number(count)}


class RequirementCreateView(RequirementFormMixin, generic.CreateView):
    template_name = "programme/admin/requirement_form.html"

    def save_instance(self):
        requirement = self.form.save(commit=False)
        requirement.created_by = requirement.updated_by = self.request.user
        requirement.apply_state = Requirement.ApplyState.PENDING
        requirement.save()
        self.form.save_m2m()
        log(instance=requirement, action=ACTION_CREATE, user=self.request.user, content_changed=True)
        _enqueue_apply(requirement.pk)
        return requirement


class RequirementEditView(RequirementFormMixin, ScopedObjectMixin, generic.EditView):
    template_name = "programme/admin/requirement_form.html"

    def save_instance(self):
        changes = self.form.changes()
        requirement = self.form.save(commit=False)
        requirement.updated_by = self.request.user
        if changes:
            requirement.apply_state = Requirement.ApplyState.PENDING
        requirement.save()
        self.form.save_m2m()
        if changes:
            log(
                instance=requirement,
                action=ACTION_CHANGE,
                user=self.request.user,
                data={"changes": changes},
                content_changed=True,
            )
            _enqueue_apply(requirement.pk)
        return requirement

    def get_success_message(self, instance=None):
        if not self.form.changed_data:
            return _("Requirement saved; nothing was changed.")
        return super().get_success_message(instance)

    def get_delete_url(self):
        return None  # replaced by the header buttons below

    @cached_property
    def header_more_buttons(self):
        buttons = [b for b in super().header_more_buttons if b.label != self.delete_item_label]
        policy = self.permission_policy
        if policy.user_has_permission_for_instance(self.request.user, "delete", self.object):
            if self.object.assignments.exists():
                buttons.append(Button(_("Withdraw"), url=withdraw_url(self.object), icon_name="cross", priority=20))
            else:
                buttons.append(
                    Button(
                        _("Delete"),
                        url=reverse("requirements:delete", args=[self.object.pk]),
                        icon_name="bin",
                        priority=20,
                    )
                )
        return buttons


class RequirementDeleteView(ScopedObjectMixin, generic.DeleteView):
    """Only a requirement nobody was ever assigned by is deleted; the others are withdrawn."""

    http_method_names = FORM_METHODS

    def _withdraw_instead(self):
        if not self.object.assignments.exists():
            return None
        messages.warning(
            self.request,
            _("This requirement has assignments, so it is withdrawn rather than deleted: its history stays."),
        )
        return redirect(withdraw_url(self.object))

    def get(self, request, *args, **kwargs):
        return self._withdraw_instead() or super().get(request, *args, **kwargs)

    def post(self, request, *args, **kwargs):
        return self._withdraw_instead() or super().post(request, *args, **kwargs)


class RequirementWithdrawView(PermissionCheckedMixin, WagtailAdminTemplateMixin, TemplateView):
    """Withdraw a requirement: it stays, inactive, and the worker ends its open assignments
    (another requirement of the course takes over those it also covers)."""

    model = Requirement
    permission_required = "delete"
    template_name = "programme/admin/requirement_withdraw.html"
    header_icon = "cross"
    http_method_names = FORM_METHODS
    page_title = gettext_lazy("Withdraw requirement")

    @cached_property
    def requirement(self) -> Requirement:
        # Looked up after the permission check, among those this user sees only.
        visible = visible_requirements(self.request.user).select_related("course", "agency")
        return get_object_or_404(visible, pk=self.kwargs["pk"])

    def _refusal(self):
        if not self.permission_policy.user_has_permission_for_instance(self.request.user, "delete", self.requirement):
            return permission_denied(self.request)
        if not self.requirement.is_active:
            messages.info(self.request, _("This requirement was already withdrawn."))
            return redirect("requirements:index")
        return None

    def get(self, request, *args, **kwargs):
        return self._refusal() or super().get(request, *args, **kwargs)

    def post(self, request, *args, **kwargs):
        refusal = self._refusal()
        if refusal:
            return refusal
        requirement = self.requirement
        with transaction.atomic():
            requirement.is_active = False
            requirement.updated_by = request.user
            requirement.apply_state = Requirement.ApplyState.PENDING
            requirement.save(update_fields=["is_active", "updated_by", "apply_state", "updated_at"])
            log(instance=requirement, action=ACTION_WITHDRAW, user=request.user, content_changed=True)
            _enqueue_apply(requirement.pk)
        count = requirement.assignments.filter(ended_at__isnull=True).count()
        messages.success(
            request,
            ngettext(
                "Requirement withdrawn. Ending %(count)s assignment in the background.",
                "Requirement withdrawn. Ending %(count)s assignments in the background.",
                count,
            )
            % {"count": _number(count)},
        )
        return redirect("requirements:index")

    def get_page_subtitle(self):
        return str(self.requirement)

    def get_breadcrumbs_items(self):
        return [
            *super().get_breadcrumbs_items(),
            {"url": reverse("requirements:index"), "label": Requirement._meta.verbose_name_plural.capitalize()},
            {"url": "", "label": _("Withdraw")},
        ]

    def get_context_data(self, **kwargs):
        requirement = self.requirement
        withdrawn = copy.copy(requirement)
        withdrawn.is_active = False
        preview = requirement_preview(requirement=withdrawn, region_ids=[], positions=[])
        return super().get_context_data(requirement=requirement, preview=preview, **kwargs)


class RequirementViewSet(ModelViewSet):
    model = Requirement
    name = "requirements"
    icon = "tasks"
    menu_label = gettext_lazy("Requirements")
    add_to_admin_menu = False
    add_to_reference_index = False
    copy_view_enabled = False
    inspect_view_enabled = False
    index_view_class = RequirementIndexView
    add_view_class = RequirementCreateView
    edit_view_class = RequirementEditView
    delete_view_class = RequirementDeleteView
    history_view_class = RequirementHistoryView
    form_class = RequirementForm
    list_per_page = 20

    def get_form_class(self, for_update=False):
        return RequirementForm

    def get_common_view_kwargs(self, **kwargs):
        return super().get_common_view_kwargs(usage_url_name=None, **kwargs)

    def get_urlpatterns(self):
        return [
            *[pattern for pattern in super().get_urlpatterns() if pattern.name != "usage"],
            path("withdraw/<int:pk>/", RequirementWithdrawView.as_view(), name="withdraw"),
        ]
