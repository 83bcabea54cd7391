from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from accounts.selectors import is_coordinator


@hooks.register("register_log_actions")
def register_report_actions(actions):
    actions.register_action("frontline.report.export", _("Export report"), _("Report exported"))
    actions.register_action("frontline.headcount.update", _("Update staff numbers"), _("Staff numbers updated"))


class ReportsMenuItem(MenuItem):
    def is_shown(self, request):
        return is_coordinator(request.user)


@hooks.register("register_admin_menu_item")
def reports_menu_item():
    return ReportsMenuItem(_("Coverage reports"), reverse("reports_dashboard"), icon_name="table", order=500)
