"""Certificates in the Wagtail admin: a read-only list and record, and revocation with a reason.

Certificates are issued by the assessments only and never edited or deleted (revocation and
supersession are states), so the viewset has no create, edit, copy or delete view.
"""

import django_filters
from django.contrib import messages
from django.db.models import Q
from django.shortcuts import get_object_or_404, redirect
from django.urls import path, reverse
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import FormView
from wagtail.admin.filters import DateRangePickerWidget, WagtailFilterSet
from wagtail.admin.ui.tables import Column, DateColumn, TitleColumn
from wagtail.admin.views import generic
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.views.generic.permissions import PermissionCheckedMixin
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.admin.widgets.button import HeaderButton
from wagtail.permissions import ModelPermissionPolicy

from accounts.models import Agency, Region
from certificates import codes
from certificates.forms import RevokeForm
from certificates.models import Certificate
from certificates.services import certificate_revoke

# Reading the records: who may see certificates; revoking needs the "revoke" permission itself.
READ_ACTIONS = ["view", "change", "revoke"]
# Django's form views answer PUT as POST; these answer only what a browser sends (others: 405).
READ_METHODS = ["get", "head"]
FORM_METHODS = ["get", "head", "post"]

STATUS_CHOICES = [
    ("valid", gettext_lazy("Valid")),
    ("expired", gettext_lazy("Expired")),
    (Certificate.Status.REVOKED, Certificate.Status.REVOKED.label),
    (Certificate.Status.SUPERSEDED, Certificate.Status.SUPERSEDED.label),
]
STATUS_LABELS = dict(STATUS_CHOICES)


def _courses_with_certificates(request):
    # The course model is the foreign key's: certificates store it but do not import courses.
    course_model = Certificate._meta.get_field("course").related_model
    return course_model.objects.filter(certificates__isnull=False).distinct().order_by("title")


class CertificateFilterSet(WagtailFilterSet):
    status = django_filters.ChoiceFilter(label=gettext_lazy("Status"), choices=STATUS_CHOICES, method="filter_status")
    course = django_filters.ModelChoiceFilter(label=gettext_lazy("Course"), queryset=_courses_with_certificates)
    agency = django_filters.ModelChoiceFilter(label=gettext_lazy("Agency"), queryset=Agency.objects.all())
    region = django_filters.ModelChoiceFilter(
        label=gettext_lazy("Region or duty station"), queryset=Region.objects.all()
    )
    issued_at = django_filters.DateFromToRangeFilter(label=gettext_lazy("Issued"), widget=DateRangePickerWidget)

    class Meta:
        model = Certificate
        fields = []

    def filter_status(self, queryset, name, value):
        """Expired is not stored: a valid certificate whose expiry date has passed."""
        today = timezone.localdate()
        expired = Q(status=Certificate.Status.VALID, expires_on__lt=today)
        if value == "valid":
            return queryset.filter(status=Certificate.Status.VALID).exclude(expired)
        if value == "expired":
            return queryset.filter(expired)
        return queryset.filter(status=value)


class CertificateIndexView(generic.IndexView):
    any_permission_required = READ_ACTIONS
    http_method_names = READ_METHODS

    @cached_property
    def columns(self):
        return [
            TitleColumn(
                "code",
                label=gettext_lazy("Verification code"),
                accessor="display_code",
                sort_key="code",
                get_url=self.get_inspect_url,
            ),
            Column("holder_name", label=gettext_lazy("Holder"), sort_key="holder_name"),
            Column("course_title", label=gettext_lazy("Course"), sort_key="course_title"),
            Column("agency", label=gettext_lazy("Agency")),
            Column("region", label=gettext_lazy("Region or duty station")),
            DateColumn("issued_at", label=gettext_lazy("Issued"), sort_key="issued_at"),
            DateColumn("expires_on", label=gettext_lazy("Expires"), sort_key="expires_on"),
            Column("status", label=gettext_lazy("Status"), accessor=lambda c: STATUS_LABELS[c.public_status]),
        ]

    def get_inspect_url(self, instance):
        if self.user_has_any_permission(READ_ACTIONS):
            return reverse(self.inspect_url_name, args=[instance.pk])

    def get_base_queryset(self):
        return super().get_base_queryset().select_related("agency", "region")

    def search_queryset(self, queryset):
        """Codes are stored without dashes; staff paste them as printed, with dashes."""
        if not self.search_query:
            return queryset
        query = self.search_query
        matches = Q(holder_name__icontains=query) | Q(user__email__icontains=query) | Q(code__icontains=query)
        compact = codes.normalise(query)
        if compact:
            matches |= Q(code__icontains=compact)
        return queryset.filter(matches)


class CertificateInspectView(generic.InspectView):
    any_permission_required = READ_ACTIONS
    http_method_names = READ_METHODS

    def get_header_buttons(self):
        buttons = super().get_header_buttons()
        if self.permission_policy.user_has_permission(self.request.user, "revoke"):
            if self.object.status != Certificate.Status.REVOKED:
                buttons.append(
                    HeaderButton(
                        _("Revoke…"), url=reverse("certificates:revoke", args=[self.object.pk]), icon_name="cross"
                    )
                )
        return buttons


class CertificateRevokeView(PermissionCheckedMixin, WagtailAdminTemplateMixin, FormView):
    """Revoke one certificate, with the reason shown on its verification record."""

    permission_policy = ModelPermissionPolicy(Certificate)
    permission_required = "revoke"
    form_class = RevokeForm
    template_name = "certificates/admin/revoke.html"
    header_icon = "doc-full-inverse"
    http_method_names = FORM_METHODS

    @cached_property
    def certificate(self) -> Certificate:
        # Looked up after the permission check, so nobody else learns which ids exist.
        return get_object_or_404(Certificate, pk=self.kwargs["pk"])

    def get(self, request, *args, **kwargs):
        if self.certificate.status == Certificate.Status.REVOKED:
            return self._already_revoked()
        return super().get(request, *args, **kwargs)

    def post(self, request, *args, **kwargs):
        if self.certificate.status == Certificate.Status.REVOKED:
            return self._already_revoked()
        return super().post(request, *args, **kwargs)

    def _already_revoked(self):
        messages.warning(
            self.request,
            _("Certificate %(code)s was already revoked; nothing was changed.")
            % {"code": self.certificate.display_code},
        )
        return redirect("certificates:inspect", self.certificate.pk)

    def get_page_title(self):
        return _("Revoke certificate %(code)s") % {"code": self.certificate.display_code}

    def get_breadcrumbs_items(self):
        return [
            *super().get_breadcrumbs_items(),
            {"url": reverse("certificates:index"), "label": Certificate._meta.verbose_name_plural.capitalize()},
            {"url": reverse("certificates:inspect", args=[self.certificate.pk]), "label": str(self.certificate)},
            {"url": "", "label": _("Revoke")},
        ]

    def get_context_data(self, **kwargs):
        return super().get_context_data(certificate=self.certificate, **kwargs)

    def form_valid(self, form):
        certificate_revoke(certificate=self.certificate, reason=form.cleaned_data["reason"], by=self.request.user)
        messages.success(self.request, _("Certificate %(code)s revoked.") % {"code": self.certificate.display_code})
        return redirect("certificates:inspect", self.certificate.pk)


class CertificateViewSet(ModelViewSet):
    model = Certificate
    name = "certificates"
    icon = "doc-full-inverse"
    menu_order = 400
    add_to_admin_menu = True
    add_to_reference_index = False
    copy_view_enabled = False
    inspect_view_enabled = True
    filterset_class = CertificateFilterSet
    index_view_class = CertificateIndexView
    inspect_view_class = CertificateInspectView
    search_fields = ["code", "holder_name", "user__email"]
    ordering = ["-issued_at"]
    inspect_view_fields = [
        "code",
        "holder_name",
        "agency_name",
        "region",
        "course_title",
        "language",
        "issued_at",
        "expires_on",
        "status",
        "revoked_at",
        "revocation_reason",
        "revoked_by",
        "superseded_by",
    ]

    def get_common_view_kwargs(self, **kwargs):
        # No add, edit, delete or usage view exists, so no view may link to one.
        return super().get_common_view_kwargs(
            add_url_name=None, edit_url_name=None, delete_url_name=None, usage_url_name=None, **kwargs
        )

    def get_urlpatterns(self):
        # Listing and the record only: certificates are never added, edited, copied or deleted here.
        return [
            path("", self.index_view, name="index"),
            path("results/", self.index_results_view, name="index_results"),
            path("inspect/<int:pk>/", self.inspect_view, name="inspect"),
            path("history/<int:pk>/", self.history_view, name="history"),
            path("history-results/<int:pk>/", self.history_results_view, name="history_results"),
            path("revoke/<int:pk>/", CertificateRevokeView.as_view(), name="revoke"),
        ]

    def get_permissions_to_register(self):
        return super().get_permissions_to_register().filter(codename__in=["view_certificate", "revoke_certificate"])
