"""The sweep: what it queues on a given day, once, whatever else runs."""

from datetime import date, timedelta

import pytest
import time_machine

from certificates.models import Certificate
from programme import reminders
from programme.models import Assignment, Reminder
from tests.factories import UserFactory, make_coordinator
from tests.programme.remind.conftest import assign, complete, local

TODAY = date(2027, 3, 1)


def kinds(**filters):
    return sorted(Reminder.objects.filter(**filters).values_list("kind", "step"))


@pytest.fixture
def trainee(db, agency, region):
    return UserFactory(agency=agency, region=region)


def test_a_second_sweep_the_same_day_queues_nothing(course, trainee, programme_settings):
    assign(user=trainee, course=course, due_on=TODAY + timedelta(days=3))
    make_coordinator()
    other = UserFactory(agency=trainee.agency, region=trainee.region)
    assign(user=other, course=course, due_on=TODAY - timedelta(days=20))

    first = reminders.sweep(today=TODAY)
    rows = Reminder.objects.count()
    second = reminders.sweep(today=TODAY)

    assert first.queued["due_soon"] == 1 and first.queued["overdue"] == 1 and first.queued["escalation"] == 1
    assert second.total == 0 and second.recertified == 0
    assert Reminder.objects.count() == rows == 3


def test_the_constraint_not_the_check_makes_it_once(course, trainee, programme_settings):
    """A sweep that does not see the row another sweep just inserted still inserts it once."""
    assignment = assign(user=trainee, course=course, due_on=TODAY + timedelta(days=3))
    reminders._insert([(assignment.pk, trainee.pk)], kind="due_soon", step=3)
    reminders._insert([(assignment.pk, trainee.pk)], kind="due_soon", step=3)
    assert kinds() == [("due_soon", 3)]


def test_a_missed_day_still_sends_the_smallest_reached_offset_and_never_a_larger_one_later(
    course, trainee, programme_settings
):
    assignment = assign(user=trainee, course=course, due_on=TODAY + timedelta(days=2))
    # The sweep did not run on the 3-days-before day (nor the 14): today sends the 3-day one.
    reminders.sweep(today=TODAY)
    assert kinds(assignment=assignment) == [("due_soon", 3)]
    # Moved later, the 14-day reminder is not sent after the 3-day one.
    Assignment.objects.filter(pk=assignment.pk).update(due_on=TODAY + timedelta(days=10))
    reminders.sweep(today=TODAY + timedelta(days=1))
    assert kinds(assignment=assignment) == [("due_soon", 3)]


def test_nothing_for_completed_ended_or_inactive(course, trainee, programme_settings):
    ended = assign(user=trainee, course=course, due_on=TODAY + timedelta(days=3))
    Assignment.objects.filter(pk=ended.pk).update(ended_at=local(TODAY), end_reason="left_audience")
    inactive = UserFactory(agency=trainee.agency, region=trainee.region, is_active=False)
    assign(user=inactive, course=course, due_on=TODAY + timedelta(days=3))
    done = UserFactory(agency=trainee.agency, region=trainee.region)
    assign(user=done, course=course, due_on=TODAY + timedelta(days=3))
    with time_machine.travel(local(TODAY - timedelta(days=1)), tick=False):
        complete(user=done, course=course)
    assert reminders.sweep(today=TODAY).total == 0


def test_overdue_settings_are_read(course, trainee, programme_settings):
    programme_settings.overdue_every_days = 2
    programme_settings.overdue_at_most = 2
    programme_settings.save()
    assignment = assign(user=trainee, course=course, due_on=TODAY - timedelta(days=1))
    for offset in range(10):
        reminders.sweep(today=TODAY + timedelta(days=offset))
    steps = list(
        Reminder.objects.filter(assignment=assignment, kind="overdue")
        .order_by("step")
        .values_list("step", "created_at")
    )
    assert [step for step, _ in steps] == [1, 2]


def test_escalation_goes_to_each_coordinator_covering_the_trainee_once(
    course, trainee, agency, region, programme_settings
):
    from tests.factories import AgencyFactory, RegionFactory

    national = make_coordinator(email="n@example.org")
    agency_wide = make_coordinator(scopes=[(agency, None)], email="a@example.org")
    regional = make_coordinator(scopes=[(None, region)], email="r@example.org")
    two_scopes = make_coordinator(scopes=[(agency, region), (agency, None)], email="two@example.org")
    make_coordinator(scopes=[(AgencyFactory(), None)], email="other-agency@example.org")
    make_coordinator(scopes=[(agency, RegionFactory())], email="other-region@example.org")
    assignment = assign(user=trainee, course=course, due_on=TODAY - timedelta(days=14))
    reminders.sweep(today=TODAY)  # overdue by 14 days: not yet
    assert not Reminder.objects.filter(kind="escalation").exists()
    reminders.sweep(today=TODAY + timedelta(days=1))
    reminders.sweep(today=TODAY + timedelta(days=2))
    recipients = sorted(
        Reminder.objects.filter(kind="escalation", assignment=assignment).values_list("recipient__email", flat=True)
    )
    assert recipients == sorted([national.email, agency_wide.email, regional.email, two_scopes.email])


def test_expiry_reminders_and_recertification(course, trainee, programme_settings):
    assign(user=trainee, course=course, due_on=TODAY + timedelta(days=100))
    with time_machine.travel(local(TODAY), tick=False):
        certificate = complete(user=trainee, course=course)
    expires = certificate.expires_on
    reminders.sweep(today=expires - timedelta(days=45))  # between 60 and 30: the 60-day one, late
    reminders.sweep(today=expires - timedelta(days=3))  # the 7-day one, late; the 30-day one is skipped
    reminders.sweep(today=expires)  # the last valid day: nothing new
    assert kinds(kind="expiring") == [("expiring", 7), ("expiring", 60)]
    assert not Assignment.objects.filter(cycle=2).exists()

    result = reminders.sweep(today=expires + timedelta(days=1))
    assert result.recertified == 1 and result.queued["expired"] == 1
    again = reminders.sweep(today=expires + timedelta(days=1))
    assert again.recertified == 0 and again.total == 0
    new = Assignment.objects.get(cycle=2)
    assert new.due_on == expires + timedelta(days=30) and new.ended_at is None


def test_a_revoked_certificate_is_not_reminded_of(course, trainee, programme_settings):
    assign(user=trainee, course=course, due_on=TODAY + timedelta(days=100))
    with time_machine.travel(local(TODAY), tick=False):
        certificate = complete(user=trainee, course=course)
    Certificate.objects.filter(pk=certificate.pk).update(status="revoked", revoked_at=local(TODAY))
    assert reminders.sweep(today=certificate.expires_on - timedelta(days=7)).queued["expiring"] == 0


def test_a_requirement_that_does_not_recur_opens_no_new_cycle(course, trainee, programme_settings):
    assignment = assign(user=trainee, course=course, due_on=TODAY + timedelta(days=100))
    assignment.requirement.recurs = False
    assignment.requirement.save()
    with time_machine.travel(local(TODAY), tick=False):
        certificate = complete(user=trainee, course=course)
    result = reminders.sweep(today=certificate.expires_on + timedelta(days=1))
    assert result.recertified == 0 and result.queued["expired"] == 1


def test_the_sweep_reads_in_a_fixed_number_of_queries(
    course, programme_settings, agency, region, django_assert_max_num_queries
):
    """Not one query per trainee: 30 trainees in every state cost what 3 do."""
    make_coordinator()
    make_coordinator(scopes=[(agency, region)])

    def population(n):
        for _ in range(n):
            for days in (-40, -20, -8, -1, 0, 2, 10, 13):
                user = UserFactory(agency=agency, region=region)
                assign(user=user, course=course, due_on=TODAY + timedelta(days=days))

    population(1)
    with django_assert_max_num_queries(40) as small:
        reminders.sweep(today=TODAY)
    Reminder.objects.all().delete()
    population(5)
    with django_assert_max_num_queries(len(small.captured_queries)):
        reminders.sweep(today=TODAY)


def test_a_renewed_certificate_opens_no_recertification(course, trainee, programme_settings):
    assign(user=trainee, course=course, due_on=TODAY + timedelta(days=100))
    with time_machine.travel(local(TODAY), tick=False):
        certificate = complete(user=trainee, course=course)
    Certificate.objects.filter(pk=certificate.pk).update(status="superseded")
    result = reminders.sweep(today=certificate.expires_on + timedelta(days=1))
    assert result.recertified == 0 and result.queued["expired"] == 0
