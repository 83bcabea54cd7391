"""Fixtures for the requirements admin: two agencies and regions, trainees in them, a course
with an assessment, administrators and coordinators signed in with a second factor, and the
apply task replaced by a recorder (the assigning itself is helper "assign"'s, tested there)."""

from types import SimpleNamespace

import pytest
from django.contrib.auth.models import Permission
from django.test import Client

from programme.models import Requirement
from tests.assessments.builders import build_assessment
from tests.factories import (
    AgencyFactory,
    RegionFactory,
    RequirementFactory,
    UserFactory,
    build_catalogue,
    build_course,
    make_coordinator,
    sign_in_with_second_factor,
    with_totp,
)
from tests.isolation import _english, _media_in_tmp  # noqa: F401 (autouse fixtures)

REQUIREMENT_PERMISSIONS = ("add_requirement", "change_requirement", "delete_requirement", "view_requirement")


def grant_requirement_admin(user):
    """What an administrator gives coordinators who define requirements: the admin, and the
    requirement permissions (their scope narrows them)."""
    user.user_permissions.add(
        Permission.objects.get(codename="access_admin", content_type__app_label="wagtailadmin"),
        *Permission.objects.filter(content_type__app_label="programme", codename__in=REQUIREMENT_PERMISSIONS),
    )
    return user


@pytest.fixture
def world(db):
    agency_a = AgencyFactory(code="amudarya", name="Amudarya Border Agency", name_ru="Амударьинская погранслужба")
    agency_b = AgencyFactory(code="bactria", name="Bactria Customs Office")
    r1 = RegionFactory(code="zeravshan", name="Zeravshan Valley", name_ru="Долина Зеравшана")
    r2 = RegionFactory(code="pamir", name="Pamir Highlands")
    r3 = RegionFactory(code="vakhsh", name="Vakhsh Lowlands")
    catalogue = build_catalogue()
    course = build_course(title="Identifying victims", lessons=1, catalogue=catalogue)
    build_assessment(course)
    other_course = build_course(title="Interviewing survivors", lessons=1, catalogue=catalogue)
    build_assessment(other_course)
    no_assessment = build_course(title="Reading list only", lessons=1, catalogue=catalogue)
    trainees = {
        "a1": [UserFactory(agency=agency_a, region=r1, position="Border guard") for _ in range(3)],
        "a2": [UserFactory(agency=agency_a, region=r2, position="Inspector") for _ in range(2)],
        "b1": [UserFactory(agency=agency_b, region=r1)],
    }
    UserFactory(agency=agency_a, region=r1, is_active=False)  # never counted
    return SimpleNamespace(
        agency_a=agency_a,
        agency_b=agency_b,
        r1=r1,
        r2=r2,
        r3=r3,
        course=course,
        other_course=other_course,
        no_assessment=no_assessment,
        trainees=trainees,
    )


def signed_in(user) -> Client:
    client = Client()
    sign_in_with_second_factor(client, user)
    return client


@pytest.fixture
def superuser(db):
    return with_totp(
        UserFactory(
            email="root@example.org", full_name="Root", is_staff=True, is_superuser=True, agency=None, region=None
        )
    )


@pytest.fixture
def admin_client(superuser):
    return signed_in(superuser)


@pytest.fixture
def coordinator_a(world):
    """Coordinates all of agency A."""
    return grant_requirement_admin(
        make_coordinator(email="coord.a@example.org", scopes=[(world.agency_a, None)], agency=None, region=None)
    )


@pytest.fixture
def coordinator_a1(world):
    """Coordinates agency A in region 1 only."""
    return grant_requirement_admin(
        make_coordinator(email="coord.a1@example.org", scopes=[(world.agency_a, world.r1)], agency=None, region=None)
    )


@pytest.fixture
def coordinator_b(world):
    return grant_requirement_admin(
        make_coordinator(email="coord.b@example.org", scopes=[(world.agency_b, None)], agency=None, region=None)
    )


@pytest.fixture
def enqueued(monkeypatch):
    """The ids the admin queued ``programme.tasks.apply_requirement`` for (not run)."""
    calls = []
    monkeypatch.setattr("programme.tasks.apply_requirement", SimpleNamespace(enqueue=calls.append))
    return calls


def form_data(world, **overrides):
    data = {
        "course": world.course.pk,
        "agency": world.agency_a.pk,
        "positions": "",
        "due_rule": Requirement.DueRule.AFTER_JOINING,
        "due_days": "90",
        "due_date": "",
        "starts_on": "2026-01-01",
        "recurs": "on",
        "recertify_within_days": "30",
    }
    data.update(overrides)
    return {key: value for key, value in data.items() if value is not None}


def requirement(world, *, agency=None, regions=(), course=None, **fields) -> Requirement:
    made = RequirementFactory(course=course or world.course, agency=agency or world.agency_a, **fields)
    made.regions.set(regions)
    return made
