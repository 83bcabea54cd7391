"""A trainee's assignments and reminders in "Your data"; erasure deletes the reminders (to them
or about them) and keeps the assignments, so the programme's figures do not change."""

import pytest

from accounts.services import personal_data_export, user_erase
from programme import services
from programme.models import Assignment, Reminder
from tests.factories import RequirementFactory, UserFactory, build_course

pytestmark = pytest.mark.django_db


@pytest.fixture
def assigned(catalogue, agency):
    course = build_course(title="Identifying victims", lessons=1, catalogue=catalogue)
    trainee = UserFactory(agency=agency)
    services.requirement_apply(requirement=RequirementFactory(course=course, agency=agency))
    return trainee, Assignment.objects.get(user=trainee)


def test_the_export_lists_assignments_and_reminders(assigned):
    trainee, assignment = assigned
    Reminder.objects.create(assignment=assignment, recipient=trainee, kind=Reminder.Kind.DUE_SOON, step=14)
    data = personal_data_export(user=trainee)
    (exported,) = data["assignments"]
    assert exported["course"] == "Identifying victims"
    assert exported["due_on"] == assignment.due_on.isoformat()
    assert exported["status"] == "not_started" and exported["completed_at"] is None
    (reminder,) = data["reminders"]
    assert reminder["kind"] == "due_soon" and reminder["sent_at"] is None


def test_erasure_deletes_the_reminders_and_keeps_the_assignments(assigned):
    trainee, assignment = assigned
    coordinator = UserFactory()
    Reminder.objects.create(assignment=assignment, recipient=trainee, kind=Reminder.Kind.OVERDUE, step=1)
    Reminder.objects.create(assignment=assignment, recipient=coordinator, kind=Reminder.Kind.ESCALATION, step=1)
    other = Reminder.objects.create(
        assignment=Assignment.objects.create(user=coordinator, course=assignment.course, due_on=assignment.due_on),
        recipient=coordinator,
        kind=Reminder.Kind.OVERDUE,
        step=1,
    )

    user_erase(user=trainee, by=UserFactory(is_superuser=True))

    assert list(Reminder.objects.all()) == [other]
    kept = Assignment.objects.get(pk=assignment.pk)
    assert (kept.user_id, kept.due_on, kept.ended_at) == (trainee.pk, assignment.due_on, None)
