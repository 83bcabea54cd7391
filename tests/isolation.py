"""Autouse fixtures for test packages whose requests switch language or store files; a
package's conftest imports them to opt in."""

import pytest
from django.utils import translation


@pytest.fixture(autouse=True)
def _english():
    """A request under /ru/ or /tg/ leaves its language active; every test starts in English."""
    with translation.override("en"):
        yield


@pytest.fixture(autouse=True)
def _media_in_tmp(settings, tmp_path):
    """Nothing a test's requests store (uploads, rendered PDFs) lands in the shared media directory."""
    settings.MEDIA_ROOT = tmp_path / "media"
