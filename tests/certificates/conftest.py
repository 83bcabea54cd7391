"""Fixtures for certificate tests: a course, an issued certificate, and storage in a temp dir."""

import pytest
from django.core.cache import cache

from tests.assessments.builders import issue_certificate
from tests.factories import AgencyFactory, UserFactory, build_course


@pytest.fixture(autouse=True)
def _media_in_tmp(settings, tmp_path):
    """Stored PDFs go to a throw-away directory."""
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture
def fresh_cache():
    """Rate-limit counters live in the cache: start (and end) with none."""
    cache.clear()
    yield cache
    cache.clear()


@pytest.fixture
def course(catalogue):
    """A published course with one lesson (certificates are about the course, not its lessons)."""
    return build_course(title="Identifying victims", lessons=1, catalogue=catalogue)


@pytest.fixture
def certificate(trainee, course):
    return issue_certificate(trainee, course)


@pytest.fixture
def other_user(db, region):
    return UserFactory(
        agency=AgencyFactory(name="Other agency"), region=region, full_name="Other Holder", email="other@example.org"
    )


@pytest.fixture
def fake_render(monkeypatch):
    """Stand in for WeasyPrint where the PDF itself is not under test; counts the renders."""
    calls = []

    def render(certificate):
        calls.append(certificate.pk)
        return b"%PDF-1.7\n% stand-in for " + certificate.code.encode() + b"\n%%EOF\n"

    monkeypatch.setattr("certificates.pdf.render_pdf", render)
    return calls
