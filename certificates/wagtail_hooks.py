from django.utils.translation import gettext_lazy as _
from wagtail import hooks

from certificates.viewsets import CertificateViewSet


@hooks.register("register_log_actions")
def register_certificate_actions(actions):
    actions.register_action("frontline.certificate.issue", _("Issue certificate"), _("Certificate issued"))
    actions.register_action("frontline.certificate.revoke", _("Revoke certificate"), _("Certificate revoked"))


@hooks.register("register_admin_viewset")
def register_certificate_viewset():
    return CertificateViewSet()
