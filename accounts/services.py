"""Personal data: what is stored about a user (export) and erasure at their request, and the
account writes other apps ask for (an invited trainee's account).

Erasure removes what identifies a person (name, e-mail address, sign-in details) and keeps
what the coverage reports count: the user row with its agency and region, enrolments,
completions, attempts and certificates. Reports count active users with an agency and a
region, so the erased user stays active; signing in becomes impossible because the password
is unusable and the e-mail address is a non-deliverable placeholder.

Each app contributes its part through its ``personal_data`` module (the protocol is described in
``accounts/personal_data.py``); they are found through the app registry, in INSTALLED_APPS order.
"""

import functools
import json
import re
from importlib import import_module
from types import ModuleType

from allauth.account.models import EmailAddress
from allauth.mfa.models import Authenticator
from allauth.usersessions.models import UserSession
from django.apps import apps
from django.contrib.admin.models import LogEntry
from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.db.models import Q
from django.db.models.functions import Lower
from django.utils import timezone
from django.utils.module_loading import module_has_submodule
from wagtail.log_actions import log, registry
from wagtail.models import ModelLogEntry

from accounts.models import User
from accounts.personal_data import AuditedObject, Erasure, redacted, when

EXPORT_ACTION = "frontline.personal_data.export"
ERASE_ACTION = "frontline.personal_data.erase"
SCOPE_CHANGE_ACTION = "frontline.scope.change"
ROLE_CHANGE_ACTION = "frontline.role.change"
TWO_FACTOR_RESET_ACTION = "frontline.two_factor.reset"

ERASED_EMAIL_DOMAIN = "erased.invalid"
EXPORT_FORMAT = "frontline-personal-data/1"
# The export's sections in the order the format has always had; a section an app adds later
# follows these, and the audit log comes last.
EXPORT_SECTIONS = (
    "profile",
    "email_addresses",
    "two_factor_authenticators",
    "enrolments",
    "lesson_completions",
    "attempts",
    "certificates",
    "coordinator_scopes",
    "invitation_batches_created",
)


def erased_email(user) -> str:
    """A unique address that can never receive mail (.invalid is reserved, RFC 2606)."""
    return f"erased-{user.pk}@{ERASED_EMAIL_DOMAIN}"


@functools.cache
def personal_data_parts() -> tuple[ModuleType, ...]:
    """Every installed app's ``personal_data`` module, in INSTALLED_APPS order."""
    return tuple(
        import_module(f"{config.name}.personal_data")
        for config in apps.get_app_configs()
        if module_has_submodule(config.module, "personal_data")
    )


def _audited_objects(user) -> list[AuditedObject]:
    return [
        audited
        for part in personal_data_parts()
        if hasattr(part, "audited_objects")
        for audited in part.audited_objects(user=user)
    ]


def _about(audited: list[AuditedObject]) -> Q:
    """The audit-log entries (Wagtail's or the Django admin's) about these objects."""
    ids: dict[int, list[str]] = {}
    for item in audited:
        content_type = ContentType.objects.get_for_model(item.model, for_concrete_model=False)
        ids.setdefault(content_type.pk, []).append(item.object_id)
    condition = Q(pk__in=[])
    for content_type_id, object_ids in ids.items():
        condition |= Q(content_type_id=content_type_id, object_id__in=object_ids)
    return condition


def _action_label(action: str) -> str:
    return str(registry.get_action_label(action)) if registry.action_exists(action) else action


def _log_entries(user, audited: list[AuditedObject]) -> list[dict]:
    """Audit-log entries about the user's account and their objects; who acted is stated only
    as "you", "staff" or "system", never by name."""
    about = {
        (ContentType.objects.get_for_model(item.model, for_concrete_model=False).pk, item.object_id): item.about
        for item in audited
    }
    rows = []
    for entry in ModelLogEntry.objects.filter(_about(audited)).order_by("timestamp", "pk"):
        if entry.user_id is None:
            by = "system"
        elif entry.user_id == user.pk:
            by = "you"
        else:
            by = "staff"
        rows.append(
            {
                "timestamp": when(entry.timestamp),
                "action": entry.action,
                "description": _action_label(entry.action),
                "about": about.get((entry.content_type_id, entry.object_id), "").strip(),
                "by": by,
                "data": entry.data,
            }
        )
    return rows


def personal_data_export(*, user) -> dict:
    """Everything stored about ``user``, as plain JSON-serialisable data.

    Sign-in secrets (password hash, two-factor keys, recovery codes) are never included.
    Invitation batches are summarised: their rows describe other people.
    """
    sections: dict = {}
    for part in personal_data_parts():
        if hasattr(part, "export"):
            sections.update(part.export(user=user))
    export = {"format": EXPORT_FORMAT, "exported_at": when(timezone.now())}
    export.update({key: sections.pop(key) for key in EXPORT_SECTIONS if key in sections})
    export.update(sections)
    export["audit_log"] = _log_entries(user, _audited_objects(user))
    return export


def user_language_set(*, user, language: str) -> None:
    """The user's one language preference: the site, their e-mails and certificates, and the
    admin (Wagtail's own profile field mirrors it: accounts.signals)."""
    if user.preferred_language != language:
        user.preferred_language = language
        user.save(update_fields=["preferred_language"])


def trainee_create(
    *,
    email: str,
    full_name: str,
    agency_id: int,
    region_id: int,
    position: str,
    preferred_language: str,
) -> User:
    """An account for an invited trainee: the address verified (the invitation goes to it), no
    password until they set one through the link in the invitation."""
    user = User(
        email=email,
        full_name=full_name,
        agency_id=agency_id,
        region_id=region_id,
        position=position,
        preferred_language=preferred_language,
        is_active=True,
    )
    user.set_unusable_password()
    user.save()
    EmailAddress.objects.create(user=user, email=user.email, verified=True, primary=True)
    return user


def email_release_pending_claims(*, email: str, keep_user) -> int:
    """Once an account holds ``email`` (signed up with it, or verified it), other accounts'
    unverified requests to change to it fail: their rows go, and with them the confirmation
    links sent for them. Returns how many were removed."""
    pending = (
        EmailAddress.objects.annotate(lower=Lower("email"))
        .filter(lower=email.lower(), verified=False, primary=False)
        .exclude(user=keep_user)
        # An account that logs in with the address holds it, whatever its rows say.
        .exclude(user__email__iexact=email)
    )
    pks = list(pending.values_list("pk", flat=True))
    EmailAddress.objects.filter(pk__in=pks).delete()
    return len(pks)


def personal_data_export_record(*, user) -> None:
    """Record in the audit log that the user downloaded their data."""
    log(instance=user, action=EXPORT_ACTION, user=user, data={"user": user.pk})


@transaction.atomic
def user_erase(*, user, by) -> User:
    """Erase the user's name and e-mail address everywhere, keeping what reports count."""
    user = User.objects.select_for_update().get(pk=user.pk)
    if user.erased_at is not None:
        return user
    emails = {user.email} | set(EmailAddress.objects.filter(user=user).values_list("email", flat=True))
    erasure = Erasure(by=by, emails=frozenset(emails), mentions=_mentions_pattern(user, emails))

    user.full_name = ""
    user.first_name = ""
    user.last_name = ""
    user.position = ""
    user.email = erased_email(user)
    user.set_unusable_password()
    user.erased_at = timezone.now()
    user.save(update_fields=["full_name", "first_name", "last_name", "position", "email", "password", "erased_at"])

    data = {"user": user.pk}
    for part in personal_data_parts():
        if hasattr(part, "erase"):
            data.update(part.erase(user=user, erasure=erasure) or {})
    audited = _audited_objects(user)
    _redact_log_entries(audited, erasure.mentions)
    _relabel_log_entries(audited)
    log(instance=user, action=ERASE_ACTION, user=by, data=data)
    return user


@transaction.atomic
def two_factor_reset(*, user, by) -> int:
    """Remove every authenticator of a user who lost theirs (an administrator's act, audited),
    and end all their sessions: they sign in again with their password and set up a new
    authenticator before they see anyone's personal data. Returns how many were removed."""
    removed, _by_type = Authenticator.objects.filter(user=user).delete()
    for session in UserSession.objects.filter(user=user):
        session.end()
    log(instance=user, action=TWO_FACTOR_RESET_ACTION, user=by, data={"user": user.pk, "removed": removed})
    return removed


def _mentions_pattern(user, emails: set[str]) -> re.Pattern | None:
    """Matches the person's name (whole, each part of three letters or more, first and last
    name) and e-mail addresses as whole words, whatever the case: a short name inside a
    longer word ("Al" in "Alert") is not the name, nor is an address a part of another."""
    terms = {user.full_name, user.first_name, user.last_name, *emails}
    terms |= {part for part in user.full_name.split() if len(part) >= 3}
    terms = sorted({term.strip() for term in terms if term and term.strip()}, key=len, reverse=True)
    if not terms:
        return None
    words = "|".join(re.escape(term) for term in terms)
    return re.compile(rf"(?<![\w.+\-])(?:{words})(?![\w\-]|\.\w)", re.IGNORECASE)


def _redacted_change_message(message: str, pattern: re.Pattern) -> str:
    """The Django admin stores its own change messages as JSON, which escapes non-ASCII
    letters: a Cyrillic name is only found in the decoded text."""
    try:
        decoded = json.loads(message)
    except ValueError:
        return redacted(message, pattern)
    if not isinstance(decoded, (list, dict)):
        return redacted(message, pattern)
    changed = redacted(decoded, pattern)
    return message if changed == decoded else json.dumps(changed)


def _redact_log_entries(audited: list[AuditedObject], pattern: re.Pattern | None) -> None:
    """Staff type the person's name or address into notes; those stay in the audit entries
    about the person and their objects."""
    if pattern is None:
        return
    about_them = _about(audited)
    for entry in ModelLogEntry.objects.filter(about_them).only("pk", "label", "data"):
        label, data = redacted(entry.label, pattern), redacted(entry.data, pattern)
        if (label, data) != (entry.label, entry.data):
            ModelLogEntry.objects.filter(pk=entry.pk).update(label=label, data=data)
    for entry in LogEntry.objects.filter(about_them).only("pk", "object_repr", "change_message"):
        object_repr = redacted(entry.object_repr, pattern)[:200]
        change_message = _redacted_change_message(entry.change_message, pattern)
        if (object_repr, change_message) != (entry.object_repr, entry.change_message):
            LogEntry.objects.filter(pk=entry.pk).update(object_repr=object_repr, change_message=change_message)


def _relabel_log_entries(audited: list[AuditedObject]) -> None:
    """Audit-log entries store the object's name as it was; replace it for the erased user and
    their objects (both Wagtail's log and the Django admin's history)."""
    for item in audited:
        content_type = ContentType.objects.get_for_model(item.model, for_concrete_model=False)
        ModelLogEntry.objects.filter(content_type=content_type, object_id=item.object_id).update(label=item.label)
        LogEntry.objects.filter(content_type=content_type, object_id=item.object_id).update(
            object_repr=item.label[:200]
        )
