"""Personal data: what is stored about a user (export) and erasure at their request.

Erasure removes what identifies a person (name, e-mail address, sign-in details) and keeps
what the coverage reports count: the user row with its agency and region, enrolments,
completions, attempts and certificates. Reports count active users with an agency and a
region, so the erased user stays active; signing in becomes impossible because the password
is unusable and the e-mail address is a non-deliverable placeholder.
"""

import json
import logging
import re
from importlib import import_module

from allauth.account.models import EmailAddress
from allauth.mfa.models import Authenticator
from django.conf import settings
from django.contrib.admin.models import LogEntry
from django.contrib.contenttypes.models import ContentType
from django.contrib.sessions.models import Session
from django.db import transaction
from django.db.models import Q
from django.db.models.functions import Lower
from django.utils import timezone
from wagtail.log_actions import log, registry
from wagtail.models import ModelLogEntry

from accounts.models import CoordinatorScope, User

logger = logging.getLogger(__name__)

EXPORT_ACTION = "frontline.personal_data.export"
ERASE_ACTION = "frontline.personal_data.erase"
SCOPE_CHANGE_ACTION = "frontline.scope.change"
ROLE_CHANGE_ACTION = "frontline.role.change"

ERASED_EMAIL_DOMAIN = "erased.invalid"


def erased_email(user) -> str:
    """A unique address that can never receive mail (.invalid is reserved, RFC 2606)."""
    return f"erased-{user.pk}@{ERASED_EMAIL_DOMAIN}"


def _when(value) -> str | None:
    return value.isoformat() if value is not None else None


def _title(page) -> str | None:
    return page.title if page is not None else None


def _name(reference) -> str | None:
    return reference.display_name if reference is not None else None


def _action_label(action: str) -> str:
    return str(registry.get_action_label(action)) if registry.action_exists(action) else action


def _log_entries(user) -> list[dict]:
    """Audit-log entries about the user's account and their certificates; who acted is
    stated only as "you", "staff" or "system", never by name."""
    from certificates.models import Certificate

    user_type = ContentType.objects.get_for_model(User, for_concrete_model=False)
    certificate_type = ContentType.objects.get_for_model(Certificate, for_concrete_model=False)
    codes = {str(pk): code for pk, code in Certificate.objects.filter(user=user).values_list("pk", "code")}
    entries = ModelLogEntry.objects.filter(
        content_type=user_type, object_id=str(user.pk)
    ) | ModelLogEntry.objects.filter(content_type=certificate_type, object_id__in=list(codes))
    rows = []
    for entry in entries.order_by("timestamp", "pk"):
        if entry.user_id is None:
            by = "system"
        elif entry.user_id == user.pk:
            by = "you"
        else:
            by = "staff"
        about = "account" if entry.content_type_id == user_type.pk else f"certificate {codes.get(entry.object_id, '')}"
        rows.append(
            {
                "timestamp": _when(entry.timestamp),
                "action": entry.action,
                "description": _action_label(entry.action),
                "about": about.strip(),
                "by": by,
                "data": entry.data,
            }
        )
    return rows


def _attempt_entry(attempt) -> dict:
    """An attempt as its holder sees it on the attempt pages (assessments.selectors.attempt_as_shown):
    never the stored snapshot, which holds the answer key."""
    from assessments.selectors import attempt_as_shown

    shown = attempt_as_shown(attempt=attempt)
    return {
        "course": _title(attempt.course),
        "language": attempt.language,
        "status": attempt.status,
        "started_at": _when(attempt.started_at),
        "deadline_at": _when(attempt.deadline_at),
        "submitted_at": _when(attempt.submitted_at),
        "score": attempt.score,
        "points": str(attempt.points) if attempt.points is not None else None,
        "max_points": attempt.max_points,
        "pass_mark": attempt.pass_mark,
        "passed": attempt.passed,
        "questions": shown.items,
        "answers": attempt.answers,
        "results": shown.results,
    }


def personal_data_export(*, user) -> dict:
    """Everything stored about ``user``, as plain JSON-serialisable data.

    Sign-in secrets (password hash, two-factor keys, recovery codes) are never included.
    Invitation batches are summarised: their rows describe other people.
    """
    from assessments.models import Attempt
    from certificates.models import Certificate
    from courses.models import Enrolment, LessonCompletion
    from invitations.models import InvitationBatch

    user = User.objects.select_related("agency", "region").get(pk=user.pk)
    return {
        "format": "frontline-personal-data/1",
        "exported_at": _when(timezone.now()),
        "profile": {
            "email": user.email,
            "full_name": user.full_name,
            "first_name": user.first_name,
            "last_name": user.last_name,
            "agency": _name(user.agency),
            "agency_code": user.agency.code if user.agency else None,
            "region": _name(user.region),
            "region_code": user.region.code if user.region else None,
            "position": user.position,
            "preferred_language": user.preferred_language,
            "date_joined": _when(user.date_joined),
            "last_login": _when(user.last_login),
            "is_active": user.is_active,
            "is_staff": user.is_staff,
            "groups": sorted(user.groups.values_list("name", flat=True)),
            "erased_at": _when(user.erased_at),
        },
        "email_addresses": [
            {"email": address.email, "verified": address.verified, "primary": address.primary}
            for address in EmailAddress.objects.filter(user=user).order_by("-primary", "email")
        ],
        "two_factor_authenticators": [
            {
                "type": authenticator.type,
                "created_at": _when(authenticator.created_at),
                "last_used_at": _when(authenticator.last_used_at),
            }
            for authenticator in Authenticator.objects.filter(user=user).order_by("created_at", "pk")
        ],
        "enrolments": [
            {
                "course": _title(enrolment.course),
                "started_at": _when(enrolment.started_at),
                "completed_at": _when(enrolment.completed_at),
                "last_activity_at": _when(enrolment.last_activity_at),
            }
            for enrolment in Enrolment.objects.filter(user=user).select_related("course").order_by("started_at", "pk")
        ],
        "lesson_completions": [
            {
                "course": _title(completion.course),
                "lesson": _title(completion.lesson),
                "completed_at": _when(completion.completed_at),
            }
            for completion in LessonCompletion.objects.filter(user=user)
            .select_related("course", "lesson")
            .order_by("completed_at", "pk")
        ],
        "attempts": [
            _attempt_entry(attempt)
            for attempt in Attempt.objects.filter(user=user).select_related("course").order_by("started_at", "pk")
        ],
        "certificates": [
            {
                "code": certificate.display_code,
                "course": certificate.course_title,
                "holder_name": certificate.holder_name,
                "agency": certificate.agency_name,
                "language": certificate.language,
                "issued_at": _when(certificate.issued_at),
                "expires_on": _when(certificate.expires_on),
                "status": certificate.public_status,
                "revoked_at": _when(certificate.revoked_at),
                "revocation_reason": certificate.revocation_reason,
            }
            for certificate in Certificate.objects.filter(user=user).order_by("issued_at", "pk")
        ],
        "coordinator_scopes": [
            {"agency": _name(scope.agency) or "*", "region": _name(scope.region) or "*"}
            for scope in CoordinatorScope.objects.filter(user=user).select_related("agency", "region").order_by("pk")
        ],
        "invitation_batches_created": [
            {
                "created_at": _when(batch.created_at),
                "filename": batch.filename,
                "status": batch.status,
                "sent_at": _when(batch.sent_at),
                "rows": len(batch.rows),
            }
            for batch in InvitationBatch.objects.filter(created_by=user).order_by("created_at", "pk")
        ],
        "audit_log": _log_entries(user),
    }


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


def _delete_sessions(user) -> int:
    """End the user's sessions. Database-backed sessions are found and deleted; with any
    other engine the unusable password already invalidates them (the session auth hash)."""
    if settings.SESSION_ENGINE not in {
        "django.contrib.sessions.backends.db",
        "django.contrib.sessions.backends.cached_db",
    }:
        return 0
    store = import_module(settings.SESSION_ENGINE).SessionStore
    keys = []
    for session in Session.objects.filter(expire_date__gt=timezone.now()).iterator():
        try:
            data = session.get_decoded()
        except Exception:  # noqa: BLE001 - a corrupt session is simply not this user's
            continue
        if str(data.get("_auth_user_id")) == str(user.pk):
            keys.append(session.session_key)
    for key in keys:
        store(session_key=key).delete()
    return len(keys)


def _scrub_invitation_rows(emails: set[str]) -> None:
    """Invitation batches keep the uploaded rows; blank the erased person's name and address."""
    from invitations.models import InvitationBatch

    emails = {email.lower() for email in emails if email}
    if not emails:
        return
    for batch in InvitationBatch.objects.only("pk", "rows").iterator():
        changed = False
        for row in batch.rows:
            if isinstance(row, dict) and str(row.get("email", "")).lower() in emails:
                row["email"], row["full_name"], row["position"] = "", "", ""
                changed = True
        if changed:
            InvitationBatch.objects.filter(pk=batch.pk).update(rows=batch.rows)


@transaction.atomic
def user_erase(*, user, by) -> User:
    """Erase the user's name and e-mail address everywhere, keeping what reports count.

    The certificates stay valid on their verification pages, which then say that the
    holder's personal data was erased; their stored PDFs (which print the name) are deleted.
    """
    from certificates.models import Certificate

    user = User.objects.select_for_update().get(pk=user.pk)
    if user.erased_at is not None:
        return user
    emails = {user.email} | set(EmailAddress.objects.filter(user=user).values_list("email", flat=True))
    mentions = _mentions_pattern(user, emails)

    user.full_name = ""
    user.first_name = ""
    user.last_name = ""
    user.position = ""
    user.email = erased_email(user)
    user.set_unusable_password()
    user.erased_at = timezone.now()
    user.save(update_fields=["full_name", "first_name", "last_name", "position", "email", "password", "erased_at"])

    EmailAddress.objects.filter(user=user).delete()
    Authenticator.objects.filter(user=user).delete()
    _delete_sessions(user)
    _delete_avatar(user)

    certificates = Certificate.objects.filter(user=user)
    pdfs = [name for name in certificates.exclude(pdf="").values_list("pdf", flat=True)]
    certificates.update(holder_name="", pdf="")
    if pdfs:
        storage = Certificate._meta.get_field("pdf").storage

        def delete_files():
            for name in pdfs:
                try:
                    storage.delete(name)
                except OSError:
                    logger.warning("Could not delete the PDF %s of an erased user", name, exc_info=True)

        transaction.on_commit(delete_files)

    _scrub_invitation_rows(emails)
    _delete_unverified_copies(emails, user)
    _redact_mentions(user, mentions)
    _scrub_log_labels(user)
    log(instance=user, action=ERASE_ACTION, user=by, data={"user": user.pk, "certificates": len(pdfs)})
    return user


ERASED_MARKER = "[erased]"


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


def _redacted(value, pattern: re.Pattern):
    """``value`` with every mention replaced, inside lists and dicts too (keys are left alone)."""
    if isinstance(value, str):
        return pattern.sub(ERASED_MARKER, value)
    if isinstance(value, list):
        return [_redacted(child, pattern) for child in value]
    if isinstance(value, dict):
        return {key: _redacted(child, pattern) for key, child in value.items()}
    return value


def _redacted_change_message(message: str, pattern: re.Pattern) -> str:
    """The Django admin stores its own change messages as JSON, which escapes non-ASCII
    letters: a Cyrillic name is only found in the decoded text."""
    try:
        decoded = json.loads(message)
    except ValueError:
        return _redacted(message, pattern)
    if not isinstance(decoded, (list, dict)):
        return _redacted(message, pattern)
    redacted = _redacted(decoded, pattern)
    return message if redacted == decoded else json.dumps(redacted)


def _delete_unverified_copies(emails: set[str], user) -> None:
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


def _redact_mentions(user, pattern: re.Pattern | None) -> None:
    """Staff type the person's name or address into revocation reasons and notes; those stay
    in the certificates and in the audit entries about the person and their certificates."""
    from certificates.models import Certificate

    if pattern is None:
        return
    certificates = list(Certificate.objects.filter(user=user).only("pk", "revocation_reason"))
    for certificate in certificates:
        reason = _redacted(certificate.revocation_reason, pattern)
        if reason != certificate.revocation_reason:
            Certificate.objects.filter(pk=certificate.pk).update(revocation_reason=reason)

    user_type = ContentType.objects.get_for_model(User, for_concrete_model=False)
    certificate_type = ContentType.objects.get_for_model(Certificate, for_concrete_model=False)
    certificate_ids = [str(certificate.pk) for certificate in certificates]
    about_them = Q(content_type=user_type, object_id=str(user.pk)) | Q(
        content_type=certificate_type, object_id__in=certificate_ids
    )
    for entry in ModelLogEntry.objects.filter(about_them).only("pk", "label", "data"):
        label, data = _redacted(entry.label, pattern), _redacted(entry.data, pattern)
        if (label, data) != (entry.label, entry.data):
            ModelLogEntry.objects.filter(pk=entry.pk).update(label=label, data=data)
    for entry in LogEntry.objects.filter(about_them).only("pk", "object_repr", "change_message"):
        object_repr = _redacted(entry.object_repr, pattern)[:200]
        change_message = _redacted_change_message(entry.change_message, pattern)
        if (object_repr, change_message) != (entry.object_repr, entry.change_message):
            LogEntry.objects.filter(pk=entry.pk).update(object_repr=object_repr, change_message=change_message)


def _delete_avatar(user) -> None:
    """Wagtail's user profile may hold a photo of the person."""
    from wagtail.users.models import UserProfile

    profile = UserProfile.objects.filter(user=user).first()
    if profile is not None and profile.avatar:
        profile.avatar.delete(save=False)
        UserProfile.objects.filter(pk=profile.pk).update(avatar="")


def _scrub_log_labels(user) -> None:
    """Audit-log entries store the object's name as it was; replace it for the erased user
    and their certificates (both Wagtail's log and the Django admin's history)."""
    from certificates.models import Certificate

    user_type = ContentType.objects.get_for_model(User, for_concrete_model=False)
    certificate_type = ContentType.objects.get_for_model(Certificate, for_concrete_model=False)
    label = str(user)
    ModelLogEntry.objects.filter(content_type=user_type, object_id=str(user.pk)).update(label=label)
    LogEntry.objects.filter(content_type=user_type, object_id=str(user.pk)).update(object_repr=label[:200])
    for certificate in Certificate.objects.filter(user=user):
        ModelLogEntry.objects.filter(content_type=certificate_type, object_id=str(certificate.pk)).update(
            label=str(certificate)
        )
        LogEntry.objects.filter(content_type=certificate_type, object_id=str(certificate.pk)).update(
            object_repr=str(certificate)[:200]
        )
