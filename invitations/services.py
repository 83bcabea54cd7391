"""Writes of the invitation flow: a checked file kept as a batch, and sending it.

Sending is all or nothing: the valid rows are checked again and, in one transaction, an account
is created for each (``accounts.services.trainee_create``), the batch is marked sent and the
audit log says so. The e-mails go only once that transaction has committed.
"""

import enum
import logging
from dataclasses import dataclass
from datetime import datetime

from django.db import IntegrityError, transaction
from django.utils import timezone
from wagtail.log_actions import log

from accounts.scope import Scope
from accounts.services import trainee_create
from invitations.checks import recheck
from invitations.models import InvitationBatch, InvitedAddress
from invitations.tasks import send_later

logger = logging.getLogger(__name__)

LOG_ACTION = "frontline.invitations.send"


def invitation_batch_create(*, created_by, filename: str, rows: list[dict]) -> InvitationBatch:
    """Keep checked rows for preview, with their addresses indexed (``InvitedAddress``)."""
    with transaction.atomic():
        batch = InvitationBatch.objects.create(created_by=created_by, filename=filename[:255], rows=rows)
        emails = {str(row.get("email", "")).lower() for row in rows if row.get("email")}
        InvitedAddress.objects.bulk_create([InvitedAddress(batch=batch, email=email) for email in sorted(emails)])
    return batch


class Outcome(enum.Enum):
    SENT = "sent"
    ALREADY_SENT = "already_sent"
    NOTHING_VALID = "nothing_valid"
    ROWS_CHANGED = "rows_changed"  # some rows failed the second check; nothing was sent
    ACCOUNT_RACE = "account_race"  # an account with one of the addresses appeared meanwhile


@dataclass(frozen=True)
class SendResult:
    outcome: Outcome
    count: int = 0  # invited, or rows that failed the second check
    sent_at: datetime | None = None


def invitation_batch_send(*, batch_id: int, by, scope: Scope, site_url: str) -> SendResult:
    """Invite every valid row of the creator's batch, or nobody."""
    try:
        with transaction.atomic():
            batch = InvitationBatch.objects.select_for_update().get(pk=batch_id, created_by=by)
            if batch.status == InvitationBatch.Status.SENT:
                return SendResult(Outcome.ALREADY_SENT, sent_at=batch.sent_at)
            rows = batch.valid_rows  # the same dicts as in batch.rows, so errors added below are kept
            if not rows:
                return SendResult(Outcome.NOTHING_VALID)
            failed = recheck(rows, scope=scope)
            if failed:
                batch.save(update_fields=["rows"])
                return SendResult(Outcome.ROWS_CHANGED, count=failed)
            users = [
                trainee_create(
                    email=row["email"],
                    full_name=row["full_name"],
                    agency_id=row["agency_id"],
                    region_id=row["region_id"],
                    position=row["position"],
                    preferred_language=row["language"],
                )
                for row in rows
            ]
            batch.status = InvitationBatch.Status.SENT
            batch.sent_at = timezone.now()
            batch.save(update_fields=["status", "sent_at"])
            log(instance=by, action=LOG_ACTION, user=by, data={"batch": batch.pk, "invited": len(users)})
            transaction.on_commit(send_later([user.pk for user in users], site_url, by.get_full_name()))
    except IntegrityError:
        logger.warning("Invitation batch %s: an account was created while sending", batch_id, exc_info=True)
        return SendResult(Outcome.ACCOUNT_RACE)
    return SendResult(Outcome.SENT, count=len(users), sent_at=batch.sent_at)
