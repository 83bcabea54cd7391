from django.utils.translation import gettext_lazy as _
from wagtail import hooks


@hooks.register("register_log_actions")
def register_invitation_actions(actions):
    actions.register_action("frontline.invitations.send", _("Invite trainees"), _("Trainees invited"))
