from allauth.account.adapter import DefaultAccountAdapter
from allauth.core.internal import ratelimit

from accounts import services


class AccountAdapter(DefaultAccountAdapter):
    def save_user(self, request, user, form, commit=True):
        user = super().save_user(request, user, form, commit=False)
        form.apply_to(user)
        if commit:
            user.save()
            # Another trainee's pending change to this address must neither keep the new
            # account from getting it (allauth skips addresses that have a row) nor be
            # confirmable later through the link mailed to its owner.
            if services.email_release_pending_claims(email=user.email, keep_user=user):
                # The confirmation mailed for that request used up the address's allowance
                # ("confirm_email", 1 per 3 minutes): the owner's own would not be sent.
                ratelimit.clear(request, app="allauth.account", action="confirm_email", key=user.email.lower())
        return user

    def confirm_email(self, request, email_address):
        confirmed = super().confirm_email(request, email_address)
        if confirmed:
            services.email_release_pending_claims(email=email_address.email, keep_user=email_address.user)
        return confirmed
