"""Security review #17: a visitor who is not signed in cannot make the site spool a large body.

A body above ANONYMOUS_MAX_BODY_BYTES from an anonymous visitor gets a short 413 page in the
reader's language before anything reads it (no temporary upload file, not one byte taken from
the request stream); signed-in users keep Django's limits (the coordinator's CSV upload).
"""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.files.uploadhandler import MemoryFileUploadHandler, TemporaryFileUploadHandler
from django.test import Client
from django.test.client import FakePayload
from django.urls import reverse

from invitations.models import InvitationBatch
from tests.factories import AgencyFactory, RegionFactory, make_coordinator, sign_in_with_second_factor

pytestmark = pytest.mark.django_db

BOUNDARY = "frontline-limit"
FIVE_MB = 5 * 1024 * 1024


def multipart(size: int) -> bytes:
    """A sign-in form with a file part of ``size`` bytes, as a script would send it."""
    return (
        (
            f"--{BOUNDARY}\r\n"
            'Content-Disposition: form-data; name="login"\r\n\r\n'
            "someone@example.org\r\n"
            f"--{BOUNDARY}\r\n"
            'Content-Disposition: form-data; name="upload"; filename="big.bin"\r\n'
            "Content-Type: application/octet-stream\r\n\r\n"
        ).encode()
        + b"x" * size
        + f"\r\n--{BOUNDARY}--\r\n".encode()
    )


@pytest.fixture
def reads(monkeypatch):
    """What the site took from request bodies: bytes read from the stream, upload files opened."""
    seen = {"bytes": 0, "files": 0}
    read = FakePayload.read

    def counting_read(self, size=-1, /):
        data = read(self, size)
        seen["bytes"] += len(data)
        return data

    def new_file(self, *args, **kwargs):
        seen["files"] += 1
        raise AssertionError("an upload file was opened for an anonymous oversized body")

    monkeypatch.setattr(FakePayload, "read", counting_read)
    monkeypatch.setattr(TemporaryFileUploadHandler, "new_file", new_file)
    monkeypatch.setattr(MemoryFileUploadHandler, "new_file", new_file)
    return seen


def post(client, path, body, **extra):
    return client.generic("POST", path, body, content_type=f"multipart/form-data; boundary={BOUNDARY}", **extra)


def test_anonymous_five_megabyte_post_is_refused_before_it_is_read(reads):
    client = Client(enforce_csrf_checks=True)  # CSRF reads the form first in real requests

    response = post(client, "/en/accounts/login/", multipart(FIVE_MB))

    assert response.status_code == 413
    assert "Too much data was sent" in response.content.decode()
    assert reads == {"bytes": 0, "files": 0}


def test_anonymous_body_without_a_length_is_refused(client, reads):
    response = post(client, "/en/accounts/login/", multipart(10), CONTENT_LENGTH="", HTTP_TRANSFER_ENCODING="chunked")

    assert response.status_code == 413
    assert reads["bytes"] == 0


def test_anonymous_form_below_the_limit_still_reaches_the_view(client):
    """Positive control: the limit is about size, not about anonymous posts."""
    response = client.post(reverse("account_login"), {"login": "nobody@example.org", "password": "wrong"})

    assert response.status_code == 200
    assert "Too much data was sent" not in response.content.decode()


def test_signed_in_coordinator_uploads_a_csv_above_the_anonymous_limit(client, settings):
    settings.ANONYMOUS_MAX_BODY_BYTES = 200
    agency, region = AgencyFactory(code="frontier"), RegionFactory(code="east")
    coordinator = make_coordinator(scopes=[(agency, region)], agency=agency, region=region)
    rows = "".join(f"Trainee Number{n},trainee{n}@example.org,frontier,east,Inspector,en\n" for n in range(10))
    csv = ("full_name,email,agency,region,position,language\n" + rows).encode()
    assert len(csv) > settings.ANONYMOUS_MAX_BODY_BYTES

    anonymous = client.post(reverse("reports_invite"), {"file": SimpleUploadedFile("trainees.csv", csv)})
    sign_in_with_second_factor(client, coordinator)
    signed_in = client.post(reverse("reports_invite"), {"file": SimpleUploadedFile("trainees.csv", csv)})

    assert anonymous.status_code == 413
    assert signed_in.status_code == 302
    batch = InvitationBatch.objects.get(created_by=coordinator)
    assert signed_in["Location"] == reverse("reports_invite_preview", kwargs={"batch_id": batch.pk})
    assert len(batch.rows) == 10


@pytest.mark.parametrize(
    ("language", "heading"),
    [
        ("en", "Too much data was sent"),
        ("ru", "Отправлено слишком много данных"),
        ("tg", "Маълумоти аз ҳад зиёд фиристода шуд"),
    ],
)
def test_the_refusal_is_in_the_readers_language(client, language, heading):
    response = post(client, f"/{language}/accounts/login/", multipart(2 * 1024 * 1024))

    body = response.content.decode()
    assert response.status_code == 413
    assert f'<html lang="{language}">' in body
    assert heading in body
