import pytest


@pytest.fixture
def seeded(seeded_site, db):
    """The site after ``seed_demo`` (tests/conftest.py), for one test; returns its output."""
    return seeded_site
