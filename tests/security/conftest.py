"""Fixtures for the security tests: English, throw-away media, and no real PDF rendering."""

import pytest

from tests.isolation import _english, _media_in_tmp  # noqa: F401 (autouse fixtures)

FAKE_PDF = b"%PDF-1.4 test"


@pytest.fixture(autouse=True)
def _no_pdf_rendering(monkeypatch):
    """WeasyPrint is slow and not under test here; every import site of render_pdf is replaced."""
    for target in ("certificates.pdf.render_pdf", "certificates.views.render_pdf"):
        monkeypatch.setattr(target, lambda *args, **kwargs: FAKE_PDF)
