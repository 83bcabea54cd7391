"""requirement_apply and requirement_withdraw: a requirement's audience gets its assignments,
with the earliest due date among the requirements that want them, in batches."""

from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from certificates.models import Certificate
from certificates.services import certificate_issue
from programme import services
from programme.models import Assignment, Requirement
from tests.factories import (
    AgencyFactory,
    PassedAttemptFactory,
    RegionFactory,
    RequirementFactory,
    UserFactory,
    build_course,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def course(catalogue):
    return build_course(title="Identifying victims", lessons=1, catalogue=catalogue)


def joined(days_ago: int, **kwargs):
    return UserFactory(date_joined=timezone.now() - timedelta(days=days_ago), **kwargs)


def open_of(user, course):
    return Assignment.objects.filter(user=user, course=course, ended_at=None).first()


def test_every_trainee_of_the_audience_is_assigned_with_the_due_date_of_the_rule(course, agency):
    today = timezone.localdate()
    recent, old = joined(10, agency=agency), joined(400, agency=agency)
    elsewhere = joined(10, agency=AgencyFactory())
    inactive = joined(10, agency=agency, is_active=False)
    requirement = RequirementFactory(course=course, agency=agency, due_days=90, starts_on=today - timedelta(days=30))
    seen = []

    changed = services.requirement_apply(
        requirement=requirement, progress=lambda done, total: seen.append((done, total))
    )

    assert changed == 2
    assert open_of(recent, course).due_on == today - timedelta(days=10) + timedelta(days=90)
    # Joined before the requirement started: counted from its start.
    assert open_of(old, course).due_on == today - timedelta(days=30) + timedelta(days=90)
    assert open_of(elsewhere, course) is None and open_of(inactive, course) is None
    requirement.refresh_from_db()
    assert (requirement.apply_state, requirement.apply_total, requirement.apply_done) == ("done", 2, 2)
    assert requirement.applied_at is not None
    assert seen == [(2, 2)]


def test_a_late_assignment_is_due_today_at_the_earliest(course, agency):
    trainee = joined(200, agency=agency)
    requirement = RequirementFactory(
        course=course, agency=agency, due_days=30, starts_on=timezone.localdate() - timedelta(days=100)
    )
    services.requirement_apply(requirement=requirement)
    assert open_of(trainee, course).due_on == timezone.localdate()


def test_applying_twice_changes_nothing(course, agency):
    trainees = [joined(5, agency=agency) for _ in range(3)]
    requirement = RequirementFactory(course=course, agency=agency)
    services.requirement_apply(requirement=requirement)
    before = list(Assignment.objects.order_by("pk").values())

    assert services.requirement_apply(requirement=requirement) == 0
    assert list(Assignment.objects.order_by("pk").values()) == before
    assert Assignment.objects.count() == len(trainees)


def test_regions_and_positions_narrow_the_audience(course, agency):
    north, south = RegionFactory(), RegionFactory()
    wanted = joined(5, agency=agency, region=north, position="  Border   GUARD ")
    wrong_region = joined(5, agency=agency, region=south, position="Border guard")
    wrong_position = joined(5, agency=agency, region=north, position="Clerk")
    requirement = RequirementFactory(course=course, agency=agency, positions=["border guard"])
    requirement.regions.set([north])

    services.requirement_apply(requirement=requirement)

    assert open_of(wanted, course) is not None
    assert open_of(wrong_region, course) is None and open_of(wrong_position, course) is None


def test_the_earliest_due_date_wins_and_the_trainee_has_one_assignment(course, agency):
    trainee = joined(0, agency=agency)
    slow = RequirementFactory(course=course, agency=agency, due_days=90)
    services.requirement_apply(requirement=slow)
    fast = RequirementFactory(course=course, agency=agency, due_days=30)
    # The faster requirement takes the assignment over: the change is newer than the assignment.
    services.requirement_apply(requirement=fast)

    assignment = Assignment.objects.get(user=trainee, course=course)
    assert assignment.requirement == fast
    assert assignment.due_on == timezone.localdate() + timedelta(days=30)
    # Applying the slower one again does not take it back.
    services.requirement_apply(requirement=slow)
    assert Assignment.objects.get(user=trainee, course=course).requirement == fast


def test_a_fixed_date_moves_when_the_requirement_is_changed(course, agency):
    trainee = joined(0, agency=agency)
    today = timezone.localdate()
    requirement = RequirementFactory(
        course=course,
        agency=agency,
        due_rule=Requirement.DueRule.FIXED_DATE,
        due_days=None,
        due_date=today + timedelta(days=20),
    )
    services.requirement_apply(requirement=requirement)
    assert open_of(trainee, course).due_on == today + timedelta(days=20)

    requirement.due_date = today + timedelta(days=60)
    requirement.save()
    services.requirement_apply(requirement=requirement)
    assert open_of(trainee, course).due_on == today + timedelta(days=60)

    # Shortened to a date already past: due today, not overdue on the spot.
    requirement.due_date = today - timedelta(days=5)
    requirement.save()
    services.requirement_apply(requirement=requirement)
    assert open_of(trainee, course).due_on == today


def test_a_trainee_already_certified_is_assigned_the_course_completed(course, agency):
    certified = joined(5, agency=agency)
    certificate = certificate_issue(attempt=PassedAttemptFactory(user=certified, course=course))
    expired = joined(5, agency=agency)
    old = certificate_issue(attempt=PassedAttemptFactory(user=expired, course=course))
    Certificate.objects.filter(pk=old.pk).update(expires_on=timezone.localdate() - timedelta(days=1))

    services.requirement_apply(requirement=RequirementFactory(course=course, agency=agency))

    done = open_of(certified, course)
    assert done.certificate == certificate and done.completed_at == certificate.issued_at
    # An expired certificate does not meet a new requirement.
    assert open_of(expired, course).completed_at is None


def test_those_who_left_the_audience_have_their_assignment_ended(course, agency):
    stays, leaves = joined(5, agency=agency), joined(5, agency=agency)
    requirement = RequirementFactory(course=course, agency=agency)
    services.requirement_apply(requirement=requirement)
    # Moved without a signal reaching the programme (a bulk update): the next apply sees it.
    type(leaves).objects.filter(pk=leaves.pk).update(agency=AgencyFactory())

    services.requirement_apply(requirement=requirement)

    ended = Assignment.objects.get(user=leaves, course=course)
    assert ended.ended_at is not None and ended.end_reason == Assignment.EndReason.LEFT_AUDIENCE
    assert open_of(stays, course) is not None


def test_withdrawing_ends_the_assignments_unless_another_requirement_takes_them_over(course, agency):
    north = RegionFactory()
    in_north = joined(5, agency=agency, region=north)
    elsewhere = joined(5, agency=agency)
    everyone = RequirementFactory(course=course, agency=agency, due_days=30)
    northern = RequirementFactory(course=course, agency=agency, due_days=90)
    northern.regions.set([north])
    services.requirement_apply(requirement=everyone)
    services.requirement_apply(requirement=northern)
    by = UserFactory()

    services.requirement_withdraw(requirement=everyone, by=by)

    everyone.refresh_from_db()
    assert not everyone.is_active and everyone.updated_by == by
    ended = Assignment.objects.get(user=elsewhere, course=course)
    assert ended.end_reason == Assignment.EndReason.REQUIREMENT_ENDED
    taken_over = open_of(in_north, course)
    assert taken_over.requirement == northern
    # Never earlier than it was: the northern rule is slower.
    assert taken_over.due_on == timezone.localdate() + timedelta(days=90)


def test_a_completed_assignment_ends_as_history_and_a_return_opens_the_next_cycle(course, agency):
    trainee = joined(5, agency=agency)
    requirement = RequirementFactory(course=course, agency=agency)
    services.requirement_apply(requirement=requirement)
    certificate_issue(attempt=PassedAttemptFactory(user=trainee, course=course))
    type(trainee).objects.filter(pk=trainee.pk).update(agency=AgencyFactory())
    services.requirement_apply(requirement=requirement)
    first = Assignment.objects.get(user=trainee, course=course)
    assert first.ended_at is not None and first.completed_at is not None  # history, kept

    type(trainee).objects.filter(pk=trainee.pk).update(agency=agency)
    services.requirement_apply(requirement=requirement)
    second = open_of(trainee, course)
    assert second.cycle == 2 and second.completed_at is not None  # the certificate still counts


def test_an_erased_trainee_keeps_the_assignments_as_they_were(course, agency):
    trainee = joined(5, agency=agency)
    requirement = RequirementFactory(course=course, agency=agency)
    services.requirement_apply(requirement=requirement)
    type(trainee).objects.filter(pk=trainee.pk).update(erased_at=timezone.now())

    services.requirement_withdraw(requirement=requirement, by=None)

    assert open_of(trainee, course) is not None


def test_queries_do_not_grow_with_the_audience(catalogue, agency, django_assert_max_num_queries):
    """Batched: a fixed number of queries per batch of trainees, none per trainee."""

    def apply_to(count: int) -> int:
        course = build_course(title=f"Course for {count}", lessons=1, catalogue=catalogue)
        people = [joined(5, agency=agency) for _ in range(count)]
        certificate_issue(attempt=PassedAttemptFactory(user=people[0], course=course))
        requirement = RequirementFactory(course=course, agency=agency)
        with CaptureQueriesContext(connection) as queries:
            services.requirement_apply(requirement=requirement)
        assert Assignment.objects.filter(course=course, completed_at__isnull=False).count() == 1
        return len(queries)

    few, many = apply_to(3), apply_to(60)
    assert few == many <= 16


def test_big_audiences_go_in_batches_with_progress(course, agency, monkeypatch):
    monkeypatch.setattr(services, "BATCH_SIZE", 4)
    for _ in range(10):
        joined(5, agency=agency)
    seen = []
    services.requirement_apply(
        requirement=RequirementFactory(course=course, agency=agency), progress=lambda *args: seen.append(args)
    )
    assert seen == [(4, 10), (8, 10), (10, 10)]
    assert Assignment.objects.filter(course=course).count() == 10
