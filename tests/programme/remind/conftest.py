from datetime import date, datetime, time

import pytest
from django.utils import timezone

from certificates.services import certificate_issue
from programme import services
from programme.models import Assignment, ProgrammeSettings
from tests.factories import AssignmentFactory, PassedAttemptFactory, RequirementFactory, build_course


def local(day: date, hour: int = 6) -> datetime:
    return timezone.make_aware(datetime.combine(day, time(hour)))


@pytest.fixture
def course(catalogue):
    course = build_course(title="Identifying victims", lessons=1, catalogue=catalogue)
    course.validity_months = 12
    course.save(update_fields=["validity_months"])
    return course


@pytest.fixture
def programme_settings(db):
    return ProgrammeSettings.load()


def assign(*, user, course, due_on: date, requirement=None, **fields) -> Assignment:
    """The trainee's assignment (the factory, until the "assign" helper's services make it)."""
    requirement = requirement or RequirementFactory(course=course, agency=user.agency)
    return AssignmentFactory(user=user, course=course, requirement=requirement, due_on=due_on, **fields)


def complete(*, user, course):
    """The trainee passes: a certificate, and the open assignment completed with it."""
    certificate = certificate_issue(attempt=PassedAttemptFactory(user=user, course=course))
    if hasattr(services, "assignment_complete_from_certificate"):
        services.assignment_complete_from_certificate(certificate=certificate)
    else:
        Assignment.objects.filter(user=user, course=course, ended_at__isnull=True).update(
            completed_at=timezone.now(), certificate=certificate
        )
    return certificate
