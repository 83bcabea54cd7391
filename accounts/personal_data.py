"""Personal data, part one: how apps contribute to a user's export and erasure, and the
account's own part (profile, addresses, second factors, sessions, coordinator scopes).

Every app holding personal data has a ``personal_data`` module with some of:

* ``export(*, user) -> dict``: its sections of the export, plain JSON-serialisable data;
* ``erase(*, user, erasure: Erasure) -> dict``: erase its part (inside the erasure's
  transaction); what it returns is added to the erasure's audit-log entry;
* ``audited_objects(*, user) -> list[AuditedObject]``: the objects of the user's that the audit
  log speaks about, so that their entries are exported, and redacted and relabelled on erasure.

``accounts.services`` finds these modules through the app registry and never imports the apps.
"""

import re
from dataclasses import dataclass

from allauth.account.models import EmailAddress
from allauth.mfa.models import Authenticator
from allauth.usersessions.models import UserSession
from django.db.models import Model
from django.db.models.functions import Lower
from wagtail.users.models import UserProfile

from accounts.models import CoordinatorScope, User

ERASED_MARKER = "[erased]"


def when(value) -> str | None:
    return value.isoformat() if value is not None else None


def title(page) -> str | None:
    return page.title if page is not None else None


def name(reference) -> str | None:
    return reference.display_name if reference is not None else None


def redacted(value, pattern: re.Pattern):
    """``value`` with every mention replaced, inside lists and dicts too (keys are left alone)."""
    if isinstance(value, str):
        return pattern.sub(ERASED_MARKER, value)
    if isinstance(value, list):
        return [redacted(child, pattern) for child in value]
    if isinstance(value, dict):
        return {key: redacted(child, pattern) for key, child in value.items()}
    return value


@dataclass(frozen=True)
class Erasure:
    """What every part of an erasure needs to know, taken before the account is blanked."""

    by: User
    emails: frozenset[str]  # every address the person had, as stored
    mentions: re.Pattern | None  # the person's name and addresses as whole words

    def redact(self, value):
        return value if self.mentions is None else redacted(value, self.mentions)


@dataclass(frozen=True)
class AuditedObject:
    """An object of the user's that audit-log entries are about."""

    model: type[Model]
    object_id: str
    about: str  # how the export names it ("account", "certificate 7K2M…")
    label: str  # what the log calls it from now on (after erasure: no name)


def export(*, user) -> dict:
    user = User.objects.select_related("agency", "region").get(pk=user.pk)
    return {
        "profile": {
            "email": user.email,
            "full_name": user.full_name,
            "first_name": user.first_name,
            "last_name": user.last_name,
            "agency": name(user.agency),
            "agency_code": user.agency.code if user.agency else None,
            "region": name(user.region),
            "region_code": user.region.code if user.region else None,
            "position": user.position,
            "preferred_language": user.preferred_language,
            "date_joined": when(user.date_joined),
            "last_login": when(user.last_login),
            "is_active": user.is_active,
            "is_staff": user.is_staff,
            "groups": sorted(user.groups.values_list("name", flat=True)),
            "erased_at": when(user.erased_at),
        },
        "email_addresses": [
            {"email": address.email, "verified": address.verified, "primary": address.primary}
            for address in EmailAddress.objects.filter(user=user).order_by("-primary", "email")
        ],
        "two_factor_authenticators": [
            {
                "type": authenticator.type,
                "created_at": when(authenticator.created_at),
                "last_used_at": when(authenticator.last_used_at),
            }
            for authenticator in Authenticator.objects.filter(user=user).order_by("created_at", "pk")
        ],
        "coordinator_scopes": [
            {"agency": name(scope.agency) or "*", "region": name(scope.region) or "*"}
            for scope in CoordinatorScope.objects.filter(user=user).select_related("agency", "region").order_by("pk")
        ],
    }


def erase(*, user, erasure: Erasure) -> dict:
    EmailAddress.objects.filter(user=user).delete()
    Authenticator.objects.filter(user=user).delete()
    _end_sessions(user)
    _delete_avatar(user)
    _delete_unverified_copies(erasure.emails, user)
    return {}


def audited_objects(*, user) -> list[AuditedObject]:
    return [AuditedObject(model=User, object_id=str(user.pk), about="account", label=str(user))]


def _end_sessions(user) -> None:
    """End every session of the user's that allauth recorded at sign-in (``allauth.usersessions``).
    A session it did not record still ends on its next request: the unusable password changes the
    session's authentication hash."""
    for session in UserSession.objects.filter(user=user):
        session.end()


def _delete_avatar(user) -> None:
    """Wagtail's user profile may hold a photo of the person."""
    profile = UserProfile.objects.filter(user=user).first()
    if profile is not None and profile.avatar:
        profile.avatar.delete(save=False)
        UserProfile.objects.filter(pk=profile.pk).update(avatar="")


def _delete_unverified_copies(emails, user) -> None:
    """Another account's unconfirmed request to change to one of the person's addresses
    would keep the address (and show it in that account's export)."""
    lowered = {email.lower() for email in emails if email}
    copies = (
        EmailAddress.objects.annotate(lower=Lower("email"))
        .filter(lower__in=lowered, verified=False)
        .exclude(user=user)
        .select_related("user")
    )
    # An account that logs in with the address has it as its own, not as a copy.
    EmailAddress.objects.filter(
        pk__in=[copy.pk for copy in copies if copy.user.email.lower() != copy.email.lower()]
    ).delete()
