from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class InvitationsConfig(AppConfig):
    name = "invitations"
    verbose_name = _("Invitations")

    def ready(self):
        from accounts.selectors import email_reservation_register
        from invitations.selectors import email_invited

        # An address on a list a coordinator is about to send must not be claimed by another account.
        email_reservation_register(email_invited)
