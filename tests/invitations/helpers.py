"""Helpers of the invitation tests: building an upload and reading a batch."""

from urllib.parse import urlparse

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from invitations.models import InvitationBatch

HEADER = "full_name,email,agency,region,position,language\n"


def csv_file(text: str | bytes, name: str = "trainees.csv") -> SimpleUploadedFile:
    data = text.encode("utf-8") if isinstance(text, str) else text
    return SimpleUploadedFile(name, data, content_type="text/csv")


def upload(client, content, name="trainees.csv"):
    return client.post(reverse("reports_invite"), {"file": csv_file(content, name)})


def preview_url(batch) -> str:
    return reverse("reports_invite_preview", kwargs={"batch_id": batch.pk})


def rows_by_number(batch) -> dict:
    return {row["row"]: row for row in batch.rows}


def errors_of(batch, number: int) -> str:
    return " ".join(rows_by_number(batch)[number]["errors"])


def link_path(message) -> str:
    """The path of the set-password link in an invitation e-mail."""
    line = next(line for line in message.body.splitlines() if "/accounts/invitation/" in line)
    return urlparse(line.strip()).path


def upload_and_get_batch(client, content):
    upload(client, content)
    return InvitationBatch.objects.latest("pk")
