"""Who must use a second factor, and whether this session has passed one.

Personal data of other people (reports, exports, invitations, another trainee's certificate,
the user, scope and certificate admin) is shown only to a session that passed a second factor
itself. An account that merely *has* an authenticator is not enough: a session signed in with
the password alone, or from before the authenticator was added, must not inherit it.

allauth records every authentication step of a session in the session
(``account_authentication_methods``); a TOTP or recovery-code step is recorded as ``mfa``.
"""

from urllib.parse import urlencode

from allauth.account.authentication import get_authentication_records
from allauth.mfa.models import Authenticator
from django.contrib import messages
from django.http import HttpResponseRedirect
from django.urls import reverse
from django.utils.translation import gettext as _

# Staff holding any of these see or change other people's personal data (accounts, addresses,
# authenticators, sessions, certificates) or who may see it (scopes, groups).
PERSONAL_DATA_PERMISSIONS = frozenset(
    f"{app}.{action}_{model}"
    for app, model in (
        ("accounts", "user"),
        ("accounts", "coordinatorscope"),
        ("auth", "group"),
        ("certificates", "certificate"),
        ("account", "emailaddress"),
        ("mfa", "authenticator"),
        ("usersessions", "usersession"),
    )
    for action in ("view", "add", "change", "delete")
) | {"certificates.revoke_certificate"}


def session_passed_two_factor(request) -> bool:
    """Whether this session (not merely the account) completed a second-factor step."""
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return False
    return any(record.get("method") == "mfa" for record in get_authentication_records(request, user))


def has_authenticator(user) -> bool:
    return Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).exists()


def handles_personal_data_in_admin(user) -> bool:
    """Superusers, and anyone with any of PERSONAL_DATA_PERMISSIONS. Not only ``is_staff``: the
    Wagtail admin admits by its access_admin permission, which a group gives without the flag."""
    if not (user.is_authenticated and user.is_active):
        return False
    return user.is_superuser or bool(PERSONAL_DATA_PERMISSIONS & user.get_all_permissions())


def second_factor_redirect(request, message: str) -> HttpResponseRedirect:
    """Send the user to set up an authenticator, or to pass the one they have, then back."""
    messages.warning(request, message)
    name = "mfa_reauthenticate" if has_authenticator(request.user) else "mfa_activate_totp"
    return HttpResponseRedirect(f"{reverse(name)}?{urlencode({'next': request.get_full_path()})}")


def personal_data_message() -> str:
    return _(
        "This page shows other people's personal data, so it needs two-factor authentication in this session. "
        "Set up an authenticator app, or enter a code from the one you have, to continue."
    )


def admin_message() -> str:
    return _(
        "Your account can see other people's personal data in the administration, so it needs two-factor "
        "authentication in this session. Set up an authenticator app, or enter a code from the one you have, "
        "to continue."
    )
