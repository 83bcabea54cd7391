"""Security review #10: a certificate that is no longer valid is never handed out as a normal one.

Revoked and superseded certificates are refused (410, a page saying why, in the reader's
language); an expired one is still handed out, since its holder may need proof of the training
they did, but with "Expired" printed across it, as the verification page says. The stored
original PDF is never changed: it is the record of what was issued.
"""

import io
from datetime import timedelta

import pytest
from django.core.files.base import ContentFile
from django.urls import reverse
from django.utils import dateformat, timezone, translation
from django.utils.formats import get_format
from django.utils.translation import gettext
from pypdf import PdfReader

from certificates.models import Certificate
from certificates.pdf import render_pdf as real_render_pdf  # imported before the autouse fake replaces it
from certificates.services import certificate_revoke
from tests.assessments.builders import issue_certificate
from tests.factories import UserFactory, build_course, make_coordinator, sign_in_with_second_factor

pytestmark = pytest.mark.django_db

STORED = b"%PDF-1.7 the original as issued"


@pytest.fixture
def renders(monkeypatch):
    """Every PDF rendered on request, with the options it was rendered with."""
    calls = []

    def render(certificate, **options):
        calls.append(options)
        return b"%PDF-1.7 rendered " + repr(sorted(options.items())).encode()

    for target in ("certificates.pdf.render_pdf", "certificates.views.render_pdf"):
        monkeypatch.setattr(target, render)
    return calls


@pytest.fixture
def course(catalogue):
    return build_course(title="Identifying victims", lessons=1, catalogue=catalogue)


@pytest.fixture
def certificate(trainee, course):
    certificate = issue_certificate(trainee, course)
    certificate.pdf.save(f"{certificate.code}.pdf", ContentFile(STORED), save=True)
    return certificate


@pytest.fixture
def revoked(certificate):
    admin = UserFactory(is_staff=True, is_superuser=True, agency=None, region=None)
    return certificate_revoke(certificate=certificate, reason="Obtained by fraud", by=admin)


@pytest.fixture
def coordinator_client(client, trainee):
    coordinator = make_coordinator(scopes=[(trainee.agency, trainee.region)], agency=None, region=None)
    sign_in_with_second_factor(client, coordinator)
    return client


def download(client, certificate, query="", language="en"):
    with translation.override(language):
        url = reverse("certificate_download", args=[certificate.pk])
    return client.get(url + query)


def local_date(value, language="en") -> str:
    with translation.override(language):
        return dateformat.format(timezone.localtime(value), get_format("DATE_FORMAT", language))


def stored_bytes(certificate) -> bytes:
    certificate.refresh_from_db()
    with certificate.pdf.open("rb") as handle:
        return handle.read()


@pytest.mark.parametrize("query", ["", "?second=ru", "?second=tg"])
def test_revoked_certificate_is_refused_to_its_holder_with_the_date_and_the_verification_link(
    client_trainee, revoked, renders, query
):
    response = download(client_trainee, revoked, query)

    assert response.status_code == 410
    assert response["Content-Type"].startswith("text/html")
    body = response.content.decode()
    assert f"This certificate was revoked on {local_date(revoked.revoked_at)}." in body
    assert reverse("certificate_verify", args=[revoked.display_code]) in body
    assert "%PDF" not in body
    assert renders == []
    assert stored_bytes(revoked) == STORED


def test_revoked_certificate_is_refused_to_a_coordinator_in_scope(coordinator_client, revoked, renders):
    for query in ("", "?second=ru"):
        response = download(coordinator_client, revoked, query)

        assert response.status_code == 410
        assert "%PDF" not in response.content.decode()
    assert renders == []


def test_revoked_refusal_is_in_the_readers_language(client_trainee, revoked, renders):
    response = download(client_trainee, revoked, language="tg")

    body = response.content.decode()
    assert response.status_code == 410
    assert '<html lang="tg"' in body
    with translation.override("tg"):
        expected = gettext("This certificate was revoked on %(date)s.") % {"date": local_date(revoked.revoked_at, "tg")}
    assert expected in body
    assert "This certificate was revoked" not in body


def test_superseded_certificate_is_refused_and_points_to_the_renewal(
    client_trainee, trainee, course, certificate, renders
):
    renewal = issue_certificate(trainee, course)

    for query in ("", "?second=tg"):
        response = download(client_trainee, certificate, query)

        assert response.status_code == 410
        body = response.content.decode()
        assert "This certificate was replaced by a renewed one." in body
        assert reverse("certificate_download", args=[renewal.pk]) in body
    assert renders == []
    assert stored_bytes(certificate) == STORED
    assert download(client_trainee, renewal).status_code == 200


def test_expired_certificate_is_served_stamped_and_the_stored_original_is_kept(client_trainee, certificate, renders):
    Certificate.objects.filter(pk=certificate.pk).update(expires_on=timezone.localdate() - timedelta(days=1))

    stored = download(client_trainee, certificate)
    bilingual = download(client_trainee, certificate, "?second=ru")

    assert stored.status_code == bilingual.status_code == 200
    assert stored.content != STORED
    assert renders == [{"stamped": True}, {"second_language": "ru", "stamped": True}]
    assert stored_bytes(certificate) == STORED


def test_valid_certificate_is_the_stored_original_and_unstamped_copies(client_trainee, certificate, renders):
    """Positive control: the refusals and stamps above concern invalid certificates only."""
    assert download(client_trainee, certificate).content == STORED
    assert download(client_trainee, certificate, "?second=tg").status_code == 200
    assert renders == [{"second_language": "tg", "stamped": False}]


def test_my_certificates_offers_no_download_that_would_be_refused(client_trainee, trainee, course, certificate):
    other_course = build_course(title="Interviewing victims", lessons=1)
    revoked = certificate_revoke(
        certificate=issue_certificate(trainee, other_course), reason="Obtained by fraud", by=trainee
    )
    renewal = issue_certificate(trainee, course)

    body = client_trainee.get(reverse("my_certificates")).content.decode()

    for withdrawn in (certificate, revoked):
        assert reverse("certificate_download", args=[withdrawn.pk]) not in body
        assert reverse("certificate_verify", args=[withdrawn.display_code]) in body
    assert reverse("certificate_download", args=[renewal.pk]) in body


def test_the_stamp_is_printed_on_the_pdf_in_both_languages(certificate):
    Certificate.objects.filter(pk=certificate.pk).update(expires_on=timezone.localdate() - timedelta(days=1))
    certificate.refresh_from_db()

    pdf = PdfReader(io.BytesIO(real_render_pdf(certificate, second_language="ru", stamped=True)))
    unstamped = PdfReader(io.BytesIO(real_render_pdf(certificate)))

    text = " ".join(" ".join(page.extract_text().split()) for page in pdf.pages)
    with translation.override("ru"):
        russian = gettext("This certificate has expired.")
    assert len(pdf.pages) == 1
    assert "EXPIRED" in text.upper() and "This certificate has expired." in text
    assert russian in text
    assert "This certificate has expired." not in " ".join(unstamped.pages[0].extract_text().split())
