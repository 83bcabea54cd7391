from django.contrib import admin, messages
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import path
from django.utils.translation import gettext_lazy as _

from certificates.forms import RevokeForm
from certificates.models import Certificate
from certificates.services import certificate_revoke
from web.http_methods import require_GET_or_POST


@admin.register(Certificate)
class CertificateAdmin(admin.ModelAdmin):
    """Certificates are read-only records; staff may only revoke them, with a reason."""

    list_display = ["display_code", "holder_name", "course_title", "issued_at", "expires_on", "status"]
    list_filter = ["status", "course_title"]
    search_fields = ["code", "holder_name", "user__email"]
    date_hierarchy = "issued_at"
    list_select_related = ["user"]
    readonly_fields = [field.name for field in Certificate._meta.fields]
    change_form_template = "admin/certificates/certificate/change_form.html"

    def has_add_permission(self, request):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def get_urls(self):
        return [
            path(
                "<int:certificate_id>/revoke/",
                self.admin_site.admin_view(require_GET_or_POST(self.revoke_view)),
                name="certificates_certificate_revoke",
            )
        ] + super().get_urls()

    def revoke_view(self, request, certificate_id: int):
        certificate = Certificate.objects.filter(pk=certificate_id).first()
        if certificate is None or not request.user.has_perm("certificates.revoke_certificate"):
            messages.error(request, _("You cannot revoke this certificate."))
            return redirect("admin:certificates_certificate_changelist")
        form = RevokeForm(request.POST or None)
        if request.method == "POST" and form.is_valid():
            certificate_revoke(certificate=certificate, reason=form.cleaned_data["reason"], by=request.user)
            messages.success(request, _("Certificate %(code)s revoked.") % {"code": certificate.display_code})
            return redirect("admin:certificates_certificate_change", certificate.pk)
        context = {
            **self.admin_site.each_context(request),
            "title": _("Revoke certificate %(code)s") % {"code": certificate.display_code},
            "certificate": certificate,
            "form": form,
            "opts": self.model._meta,
        }
        return TemplateResponse(request, "admin/certificates/certificate/revoke.html", context)
