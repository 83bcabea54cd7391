"""The certificate PDF: Tajik text, A4 landscape, embedded fonts, and a fetcher that only
serves the site's static files. Rendering is slow-ish, so this module renders twice."""

import io
from datetime import date, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from django.conf import settings
from django.core.files.base import ContentFile
from django.urls import reverse
from django.utils import timezone
from django_tasks_db.models import DBTaskResult
from pypdf import PdfReader

from assessments.models import Attempt
from certificates import codes
from certificates.models import Certificate
from certificates.pdf import StaticFilesOnlyFetcher, render_pdf
from certificates.tasks import render_certificate

HOLDER = "Ҷамшед Қодирӣ Ғафуров"
AGENCY = "Қӯшунҳои сарҳадӣ"
COURSE = "Ҳуқуқҳои ҷабрдидагон ва ғамхорӣ"
TAJIK_LETTERS = set("ғӣқӯҳҷ")
BODY = "7K2M9QXD4HTAPZ3N"
CODE = BODY + codes.check_character(BODY)


@pytest.fixture(scope="module")
def tajik_pdf() -> PdfReader:
    """One render of an (unsaved) certificate for a Tajik-speaking holder."""
    certificate = Certificate(
        code=CODE,
        holder_name=HOLDER,
        agency_name=AGENCY,
        course_title=COURSE,
        language="tg",
        issued_at=datetime(2025, 1, 31, 10, tzinfo=ZoneInfo("Asia/Dushanbe")),
        expires_on=date(2027, 1, 31),
        attempt=Attempt(score=93),
    )
    pdf = render_pdf(certificate)
    assert pdf.startswith(b"%PDF-")
    return PdfReader(io.BytesIO(pdf))


@pytest.fixture(scope="module")
def tajik_text(tajik_pdf) -> str:
    return "\n".join(page.extract_text() for page in tajik_pdf.pages)


def test_pdf_is_one_page(tajik_pdf):
    assert len(tajik_pdf.pages) == 1


def test_pdf_contains_the_tajik_name_agency_and_course(tajik_text):
    assert HOLDER in tajik_text
    assert AGENCY in tajik_text
    assert COURSE in tajik_text
    assert TAJIK_LETTERS <= set(tajik_text)


def test_pdf_contains_the_display_code_and_score(tajik_text):
    assert codes.display(CODE) in tajik_text.replace(" ", "")
    assert "93%" in tajik_text


def test_first_page_is_a4_landscape(tajik_pdf):
    box = tajik_pdf.pages[0].mediabox

    assert float(box.width) > float(box.height)
    assert float(box.width) == pytest.approx(841.89, abs=1)
    assert float(box.height) == pytest.approx(595.28, abs=1)


def test_every_font_is_embedded(tajik_pdf):
    fonts = tajik_pdf.pages[0]["/Resources"]["/Font"]
    assert len(fonts) >= 2
    for name, ref in fonts.items():
        font = ref.get_object()
        if font["/Subtype"] == "/Type0":
            font = font["/DescendantFonts"][0].get_object()
        assert "/FontFile2" in font["/FontDescriptor"].get_object(), name


@pytest.mark.parametrize(
    "url",
    [
        "http://example.org/style.css",
        "https://example.org/font.ttf",
        "file:///etc/passwd",
        "ftp://example.org/x",
        "frontline-static:/../config/settings.py",
        "frontline-static:/fonts/../../config/settings.py",
        "frontline-static:/%2e%2e/config/settings.py",
        "frontline-static:/fonts/no-such-font.ttf",
        "frontline-static:/",
    ],
)
def test_fetcher_refuses_anything_but_the_sites_static_files(url):
    with pytest.raises(ValueError):
        StaticFilesOnlyFetcher().fetch(url)


def test_fetcher_serves_a_static_font():
    response = StaticFilesOnlyFetcher().fetch("frontline-static:/fonts/DejaVuSans.ttf")

    expected = (Path(settings.BASE_DIR) / "static" / "fonts" / "DejaVuSans.ttf").read_bytes()
    assert response.read() == expected
    assert response.headers.get_content_type() == "font/ttf"


@pytest.mark.django_db
def test_a_stored_file_that_is_gone_is_rendered_again_by_the_worker_not_the_request(
    client, trainee, certificate, django_capture_on_commit_callbacks, settings
):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    certificate.pdf.save(f"{certificate.code}.pdf", ContentFile(b"%PDF-1.7 old"), save=True)
    Certificate.objects.filter(pk=certificate.pk).update(issued_at=timezone.now() - timedelta(hours=1))
    missing, storage = certificate.pdf.name, certificate.pdf.storage
    storage.delete(missing)
    client.force_login(trainee)

    response = client.get(reverse("certificate_download", args=[certificate.pk]))

    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/html")
    assert "Your certificate is being prepared" in response.content.decode()
    queued = DBTaskResult.objects.get()
    assert queued.task_path == "certificates.tasks.render_certificate"
    assert queued.args_kwargs["args"] == [certificate.pk]

    assert render_certificate.call(certificate.pk) is True
    response = client.get(reverse("certificate_download", args=[certificate.pk]))

    assert response["Content-Type"] == "application/pdf"
    reader = PdfReader(io.BytesIO(response.content))
    assert trainee.full_name in reader.pages[0].extract_text()
    certificate.refresh_from_db()
    assert storage.open(certificate.pdf.name).read() == response.content


@pytest.mark.django_db
def test_stored_pdfs_are_kept_outside_the_public_media_folder(certificate, settings):
    """The web server publishes MEDIA_ROOT; a PDF there could be fetched without any check."""
    from django.core.files.storage import storages

    certificate.pdf.save(f"{certificate.code}.pdf", ContentFile(b"%PDF-1.7 test"), save=True)
    # Compared by location: a settings override earlier in the run may have rebuilt the handler's instances.
    assert certificate.pdf.storage.location == storages["private"].location
    assert certificate.pdf.storage.location != str(settings.MEDIA_ROOT)
