"""Shared fixtures: a published site tree, a trainee and a logged-in client."""

from contextlib import ExitStack
from io import StringIO

import pytest
from django.core.cache import cache, caches
from django.core.management import call_command
from django.db import transaction
from django.test import TestCase

from tests.factories import AgencyFactory, RegionFactory, UserFactory, build_catalogue, build_course, lessons_of


@pytest.fixture(autouse=True)
def _clear_cache():
    """allauth keeps rate-limit counters in the cache; no test may inherit another's (nor a
    rendered fragment or remembered page that had the same id in another test's rolled-back
    database)."""
    from cms import published

    cache.clear()
    caches["fragments"].clear()
    published.forget()
    yield
    cache.clear()
    caches["fragments"].clear()
    published.forget()


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
# most of a minute, so the session seeds once, inside one transaction that is rolled back
# as soon as the last test using it has run. Those tests are run together, after the other
# database tests and before the transactional ones (which flush the database); every module
# gets its own savepoint and every test another one inside it, so tests and module fixtures
# may change the seeded data freely.

SEEDED = "seeded_site"


def _is_transactional(item) -> bool:
    marker = item.get_closest_marker("django_db")
    if marker and (marker.kwargs.get("transaction") or marker.kwargs.get("reset_sequences")):
        return True
    fixtures = getattr(item, "fixturenames", ())
    return any(name in fixtures for name in ("transactional_db", "live_server", "django_db_reset_sequences"))


@pytest.hookimpl(trylast=True)  # after pytest-django has put transactional tests last
def pytest_collection_modifyitems(config, items):
    def group(item):
        if item.get_closest_marker("e2e"):
            # Last: Playwright's sync API keeps an event loop running in this thread until the
            # session ends, and Django refuses database work from a thread with a running loop.
            return 3
        if SEEDED in getattr(item, "fixturenames", ()):
            # The seeded site lives in the test database: without the mark, a run of only
            # such tests would find pytest-django had never set that database up.
            if not item.get_closest_marker("django_db"):
                item.add_marker(pytest.mark.django_db)
            return 1
        return 2 if _is_transactional(item) else 0

    items.sort(key=group)


class _SeededDatabase:
    """The open transaction holding the seeded site, closed (rolled back) exactly once."""

    def __init__(self):
        self._stack = None
        self.output = ""

    @property
    def is_open(self) -> bool:
        return self._stack is not None

    def open(self, django_db_blocker) -> str:
        stack = ExitStack()
        stack.enter_context(django_db_blocker.unblock())
        stack.enter_context(transaction.atomic())
        self._stack = stack
        out = StringIO()
        # wagtail-localize publishes translations on commit; run those callbacks as a real
        # commit would.
        with TestCase.captureOnCommitCallbacks(execute=True):
            call_command("seed_demo", stdout=out)
        self.output = out.getvalue()
        return self.output

    def close(self) -> None:
        if self._stack is not None:
            transaction.set_rollback(True)
            stack, self._stack = self._stack, None
            stack.close()


_seeded_database_state = _SeededDatabase()


@pytest.fixture(scope="session")
def _seeded_database(django_db_setup, django_db_blocker):
    yield _seeded_database_state.open(django_db_blocker)
    _seeded_database_state.close()


@pytest.fixture(scope="module")
def seeded_site(_seeded_database, django_db_blocker):
    """The site after ``seed_demo`` (returns the command's output); module changes roll back."""
    with django_db_blocker.unblock(), transaction.atomic():
        yield _seeded_database
        transaction.set_rollback(True)


@pytest.hookimpl(wrapper=True)
def pytest_runtest_teardown(item, nextitem):
    """Roll the seeded site back after the last test that uses it, before any test that
    does not (transactional tests in particular must start from a committed, clean state)."""
    result = yield
    if _seeded_database_state.is_open and (nextitem is None or SEEDED not in nextitem.fixturenames):
        _seeded_database_state.close()
    return result
