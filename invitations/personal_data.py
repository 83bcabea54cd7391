"""Invitation lists: a coordinator's batches are summarised in their export (the rows describe
other people); erasing a person blanks their rows in every batch, found by the address index."""

from accounts.personal_data import Erasure, when
from invitations.models import InvitationBatch, InvitedAddress


def export(*, user) -> dict:
    return {
        "invitation_batches_created": [
            {
                "created_at": when(batch.created_at),
                "filename": batch.filename,
                "status": batch.status,
                "sent_at": when(batch.sent_at),
                "rows": len(batch.rows),
            }
            for batch in InvitationBatch.objects.filter(created_by=user).order_by("created_at", "pk")
        ]
    }


def erase(*, user, erasure: Erasure) -> dict:
    emails = {email.lower() for email in erasure.emails if email}
    if not emails:
        return {}
    addresses = InvitedAddress.objects.filter(email__in=emails)
    for batch in InvitationBatch.objects.filter(pk__in=addresses.values("batch_id")).only("pk", "rows"):
        for row in batch.rows:
            if isinstance(row, dict) and str(row.get("email", "")).lower() in emails:
                row["email"], row["full_name"], row["position"] = "", "", ""
        InvitationBatch.objects.filter(pk=batch.pk).update(rows=batch.rows)
    addresses.delete()
    return {}
