from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem


@hooks.register("register_log_actions")
def register_certificate_actions(actions):
    actions.register_action("frontline.certificate.issue", _("Issue certificate"), _("Certificate issued"))
    actions.register_action("frontline.certificate.revoke", _("Revoke certificate"), _("Certificate revoked"))


class StaffMenuItem(MenuItem):
    def __init__(self, *args, permission: str, **kwargs):
        super().__init__(*args, **kwargs)
        self.permission = permission

    def is_shown(self, request):
        return request.user.has_perm(self.permission)


@hooks.register("register_admin_menu_item")
def certificates_menu_item():
    return StaffMenuItem(
        _("Certificates"),
        reverse("admin:certificates_certificate_changelist"),
        icon_name="doc-full-inverse",
        order=400,
        permission="certificates.view_certificate",
    )
