"""allauth's e-mail and password-reset forms, narrowed to the addresses an account holds
(``accounts.selectors.email_holders``); ``ACCOUNT_FORMS`` points here.

They live apart from ``accounts.forms`` because allauth imports that module (for
``ACCOUNT_SIGNUP_FORM_CLASS``) while it is still defining the classes these derive from.
"""

from allauth.account import forms as allauth_forms
from django import forms
from django.utils.translation import gettext_lazy as _

from accounts import selectors


class AddEmailForm(allauth_forms.AddEmailForm):
    """Changing one's address: never to an address another account holds or that a
    coordinator is about to invite. (allauth, preventing enumeration, accepted any address and
    mailed a confirmation link for it; a trainee could so claim other people's addresses.)"""

    def clean_email(self):
        email = super().clean_email()
        if selectors.email_holders(email).exclude(pk=self.user.pk).exists() or selectors.email_reserved(email):
            raise forms.ValidationError(
                _("This e-mail address is already used by another account. Enter an address that only you use."),
                code="email_taken",
            )
        return email


class ResetPasswordForm(allauth_forms.ResetPasswordForm):
    """A reset link goes only to an account that holds the address: never to one that merely
    asked to change to it (that would hand its owner's mailbox the other account)."""

    def clean_email(self):
        email = super().clean_email()
        holders = set(selectors.email_holders(email).values_list("pk", flat=True))
        self.users = [user for user in self.users if user.pk in holders]
        return email
