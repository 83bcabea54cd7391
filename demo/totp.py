"""The one place the demo touches allauth's internal TOTP helpers.

allauth offers no public API to give a user a known authenticator secret or to compute the
current code for it, which the demo accounts need (their secret is printed by ``seed_demo``).
These names come from ``allauth.mfa.totp.internal.auth`` as of django-allauth 65.22 (pinned
``>=65.21.1,<66`` in pyproject.toml); if an upgrade moves them, only this module changes.
"""

import time

from allauth.mfa import app_settings
from allauth.mfa.totp.internal.auth import TOTP, format_hotp_value, hotp_value
from django.contrib.auth.base_user import AbstractBaseUser


def activate_totp(*, user: AbstractBaseUser, secret: str) -> None:
    """Give ``user`` a TOTP authenticator with ``secret`` (base32)."""
    TOTP.activate(user, secret)


def current_code(*, secret: str) -> str:
    """The six-digit code an authenticator app shows for ``secret`` now."""
    return format_hotp_value(hotp_value(secret, int(time.time()) // app_settings.TOTP_PERIOD))
