"""``generate_load_data`` makes the programme too: requirements for the courses' audiences and
each trainee's assignments, completed with their certificate; ``--clear`` removes them; the
sweep runs over them once a day, creating nothing the second time."""

from io import StringIO

import pytest
from django.core.management import call_command
from django.db import transaction
from django.utils import timezone

from bench.loaddata import bulk, country
from certificates.models import Certificate
from programme import reminders
from programme.models import Assignment, Reminder, Requirement

TRAINEES = 150


@pytest.fixture(scope="module")
def generated(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock():
        with transaction.atomic():
            out = StringIO()
            call_command(
                "generate_load_data", "--trainees", str(TRAINEES), "--seed", "5", "--batch-size", "60", stdout=out
            )
            yield out.getvalue()
            transaction.set_rollback(True)


@pytest.fixture
def load(generated, db):
    return generated


def test_requirements_and_assignments_are_generated(load):
    assert "requirements" in load and "assignments" in load
    requirements = Requirement.objects.all()
    assert requirements.exists()
    assignments = Assignment.objects.filter(user__in=bulk.generated_users())
    assert assignments.count() > TRAINEES // 2
    for assignment in assignments.select_related("requirement", "user", "certificate")[:200]:
        assert assignment.requirement.agency_id == assignment.user.agency_id
        assert assignment.requirement.course_id == assignment.course_id
        if assignment.certificate_id:
            assert assignment.certificate.user_id == assignment.user_id
            assert assignment.certificate.status == Certificate.Status.VALID
            assert assignment.completed_at is not None
    assert assignments.filter(completed_at__isnull=False).exists()
    assert assignments.filter(completed_at__isnull=True).exists()


def test_the_sweep_over_load_data_creates_nothing_the_second_time(load):
    today = timezone.localdate()
    first = reminders.sweep(today=today)
    assert first.total > 0
    rows = Reminder.objects.count()
    second = reminders.sweep(today=today)
    assert second.total == 0 and second.recertified == 0 and Reminder.objects.count() == rows


def test_clear_removes_the_programme_rows(load):
    reminders.sweep(today=timezone.localdate())
    kept = Requirement.objects.exclude(created_by__email=country.GENERATOR_EMAIL).count()
    call_command("generate_load_data", "--clear-only", stdout=StringIO())
    assert not Assignment.objects.exists() and not Reminder.objects.exists()
    assert Requirement.objects.count() == kept
