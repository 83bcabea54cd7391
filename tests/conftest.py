"""Shared fixtures: a published site tree, a trainee and a logged-in client."""

import pytest
from django.core.cache import cache

from tests.factories import AgencyFactory, RegionFactory, UserFactory, build_catalogue, build_course, lessons_of


@pytest.fixture(autouse=True)
def _clear_cache():
    """allauth keeps rate-limit counters in the cache; no test may inherit another's."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def agency(db):
    return AgencyFactory()


@pytest.fixture
def region(db):
    return RegionFactory()


@pytest.fixture
def trainee(db, agency, region):
    return UserFactory(agency=agency, region=region, full_name="Test Trainee")


@pytest.fixture
def client_trainee(client, trainee):
    client.force_login(trainee)
    return client


@pytest.fixture
def catalogue(db):
    return build_catalogue()


@pytest.fixture
def course_with_lessons(catalogue):
    return build_course(title="Identifying victims", lessons=3, catalogue=catalogue)


@pytest.fixture
def lessons(course_with_lessons):
    return lessons_of(course_with_lessons)

