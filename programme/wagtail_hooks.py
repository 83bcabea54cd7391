"""The "Training programme" menu of the Wagtail admin, and the programme's audit-log actions."""

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail import hooks
from wagtail.admin.viewsets.base import ViewSetGroup
from wagtail.log_actions import LogFormatter
from wagtail.permissions import register_permission_policy

from programme.models import Requirement
from programme.reminder_log import ReminderViewSet
from programme.viewsets import (
    ACTION_CHANGE,
    ACTION_CREATE,
    ACTION_WITHDRAW,
    RequirementPermissionPolicy,
    RequirementViewSet,
)

# Every viewset of the menu, in order; each helper's block adds its own.
PROGRAMME_MENU_ITEMS: list = []

# --- admin ---
# Registered before any view asks for it (Wagtail would otherwise create a plain model policy).
register_permission_policy(Requirement, RequirementPermissionPolicy(Requirement))
PROGRAMME_MENU_ITEMS.append(RequirementViewSet)

# Field labels of the audit trail's "changed" entries (stored by field name).
CHANGE_LABELS = {
    "agency": gettext_lazy("agency"),
    "regions": gettext_lazy("regions"),
    "positions": gettext_lazy("positions"),
    "due_rule": gettext_lazy("due"),
    "due_days": gettext_lazy("days to complete"),
    "due_date": gettext_lazy("due date"),
    "starts_on": gettext_lazy("starts on"),
    "recurs": gettext_lazy("recertification"),
    "recertify_within_days": gettext_lazy("days to recertify"),
}


class RequirementChangeFormatter(LogFormatter):
    label = gettext_lazy("Change requirement")

    def format_message(self, log_entry):
        changes = (log_entry.data or {}).get("changes") or {}
        if not changes:
            return _("Requirement changed")
        parts = "; ".join(f"{CHANGE_LABELS.get(name, name)}: {old} → {new}" for name, (old, new) in changes.items())
        return _("Requirement changed: %(changes)s") % {"changes": parts}


@hooks.register("register_log_actions")
def register_requirement_actions(actions):
    actions.register_action(ACTION_CREATE, gettext_lazy("Create requirement"), gettext_lazy("Requirement created"))
    actions.register_action(ACTION_CHANGE)(RequirementChangeFormatter)
    actions.register_action(
        ACTION_WITHDRAW, gettext_lazy("Withdraw requirement"), gettext_lazy("Requirement withdrawn")
    )


# --- end admin ---

PROGRAMME_MENU_ITEMS.append(ReminderViewSet)


class ProgrammeMenu(ViewSetGroup):
    menu_label = gettext_lazy("Training programme")
    menu_icon = "tasks"
    menu_order = 350
    items = PROGRAMME_MENU_ITEMS


@hooks.register("register_admin_viewset")
def register_programme_menu():
    return ProgrammeMenu()
