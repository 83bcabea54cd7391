"""Shared fixtures: a published site tree, a trainee and a logged-in client."""

from io import StringIO

import pytest
from django.core.cache import cache
from django.core.management import call_command
from django.db import transaction
from django.test import TestCase

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



# --- The demo site built by ``seed_demo`` -------------------------------------------------
#
# Seeding (four courses, their assessments and their Russian and Tajik translations) takes
# most of a minute, so the whole session seeds once. Tests that use ``seeded_site`` run
# last (see pytest_collection_modifyitems), inside one transaction that is rolled back at
# the end; every module gets its own savepoint and every test another one inside it, so
# tests and module fixtures may change the seeded data freely.


@pytest.hookimpl(trylast=True)  # after pytest-django's own ordering
def pytest_collection_modifyitems(config, items):
    """Run the tests on the seeded site after all others, so no other test sees its data.

    They are also marked ``django_db``: pytest-django creates the test database only when a
    collected test asks for one, and without it a module run alone would seed the real one.
    """
    for item in items:
        if "seeded_site" in getattr(item, "fixturenames", ()):
            item.add_marker(pytest.mark.django_db)
    items.sort(key=lambda item: "seeded_site" in getattr(item, "fixturenames", ()))


@pytest.fixture(scope="session")
def _seeded_database(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock(), transaction.atomic():
        out = StringIO()
        # wagtail-localize publishes translations on commit; run those callbacks as a
        # real commit would.
        with TestCase.captureOnCommitCallbacks(execute=True):
            call_command("seed_demo", stdout=out)
        yield out.getvalue()
        transaction.set_rollback(True)


@pytest.fixture(scope="module")
def seeded_site(_seeded_database, django_db_blocker):
    """The site after ``seed_demo`` (returns the command's output); module changes roll back."""
    with django_db_blocker.unblock(), transaction.atomic():
        yield _seeded_database
        transaction.set_rollback(True)
