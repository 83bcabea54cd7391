from wagtail import hooks

# --- remind ---
from programme.viewsets import ReminderViewSet


@hooks.register("register_admin_viewset")
def register_reminder_viewset():
    return ReminderViewSet()


# --- end remind ---
