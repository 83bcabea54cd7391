"""Fixtures for the security tests: English, throw-away media, and no real PDF rendering."""

import pytest
from django.utils import translation

FAKE_PDF = b"%PDF-1.4 test"


@pytest.fixture(autouse=True)
def _english():
    """A request under /ru/ or /tg/ leaves its language active; each test starts in English."""
    with translation.override("en"):
        yield


@pytest.fixture(autouse=True)
def _media_in_tmp(settings, tmp_path):
    """PDFs rendered on download are stored in a throw-away directory."""
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture(autouse=True)
def _no_pdf_rendering(monkeypatch):
    """WeasyPrint is slow and not under test here; every import site of render_pdf is replaced."""
    for target in ("certificates.pdf.render_pdf", "certificates.services.render_pdf", "certificates.views.render_pdf"):
        monkeypatch.setattr(target, lambda *args, **kwargs: FAKE_PDF)
