from allauth.account.adapter import DefaultAccountAdapter
from allauth.core.internal import ratelimit
from django.conf import settings
from django.urls import reverse

from accounts import services
from accounts.selectors import is_coordinator

# Set on every sign-in and kept after signing out, so the header offers a returning visitor
# "Log in" rather than "Sign up" (templates/base.html reads it by this name). It says only that
# someone signed in on this browser before, not who.
RETURNING_COOKIE = "frontline_returning"
RETURNING_COOKIE_AGE = 2 * 365 * 24 * 60 * 60
# What the invitation page, and a password reset for an account that never had a password, link to.
SET_PASSWORD_URL_NAME = "invitation_set_password"
WELCOME_URL_NAME = "welcome"


def is_trainee(user) -> bool:
    """Not staff, an editor or a coordinator: the people the welcome page is written for."""
    return not (user.is_staff or user.has_perm("wagtailadmin.access_admin") or is_coordinator(user))


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

    def login(self, request, user):
        # Signing in stamps last_login, so whether this is the account's first sign-in is
        # known only before it.
        request.frontline_first_sign_in = user.last_login is None
        super().login(request, user)

    def get_login_redirect_url(self, request):
        """A trainee's first sign-in (from an invitation, or confirming the address they signed
        up with) opens the welcome page, once; later ones open My learning."""
        if getattr(request, "frontline_first_sign_in", False) and is_trainee(request.user):
            return reverse(WELCOME_URL_NAME)
        return super().get_login_redirect_url(request)

    def get_signup_redirect_url(self, request):
        return self.get_login_redirect_url(request)

    def post_login(self, request, user, **kwargs):
        response = super().post_login(request, user, **kwargs)
        response.set_cookie(
            RETURNING_COOKIE,
            "1",
            max_age=RETURNING_COOKIE_AGE,
            secure=settings.SESSION_COOKIE_SECURE,
            httponly=True,
            samesite="Lax",
        )
        return response

    def send_password_reset_mail(self, user, email, context):
        """An invited trainee who asks for a new link (theirs expired) has never had a password:
        the link opens the invitation's "Set your password" page, not "Change password"."""
        if not user.has_usable_password():
            path = reverse(SET_PASSWORD_URL_NAME, kwargs={"uidb36": context["uid"], "key": context["key"]})
            context = context | {"password_reset_url": context["request"].build_absolute_uri(path)}
        return super().send_password_reset_mail(user, email, context)
