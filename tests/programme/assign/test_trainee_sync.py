"""trainee_sync and the receivers: a trainee who joins, is invited or moves gets the
assignments the requirements want of them, synced by the worker once the change commits."""

from datetime import timedelta

import pytest
from django.utils import timezone

from accounts.services import trainee_create, user_erase
from certificates.services import certificate_issue, certificate_revoke
from programme import services
from programme.models import Assignment
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


@pytest.fixture
def requirement(course, agency):
    return RequirementFactory(course=course, agency=agency, due_days=90)


def open_of(user, course):
    return Assignment.objects.filter(user=user, course=course, ended_at=None).first()


def test_a_new_trainee_is_assigned_on_commit_due_from_the_day_they_joined(
    requirement, course, agency, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        trainee = UserFactory(agency=agency)
    assert len(callbacks) == 1
    assignment = open_of(trainee, course)
    assert assignment.requirement == requirement
    assert assignment.due_on == timezone.localtime(trainee.date_joined).date() + timedelta(days=90)


def test_nothing_is_assigned_inside_the_transaction(requirement, course, agency, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=False):
        trainee = UserFactory(agency=agency)
    assert open_of(trainee, course) is None


def test_changing_agency_moves_the_assignments(
    catalogue, course, requirement, agency, django_capture_on_commit_callbacks
):
    other_agency = AgencyFactory()
    other_course = build_course(title="Non-punishment", lessons=1, catalogue=catalogue)
    RequirementFactory(course=other_course, agency=other_agency, due_days=30)
    with django_capture_on_commit_callbacks(execute=True):
        trainee = UserFactory(agency=agency)
    assert open_of(trainee, course) is not None

    with django_capture_on_commit_callbacks(execute=True):
        trainee.agency = other_agency
        trainee.save()

    left = Assignment.objects.get(user=trainee, course=course)
    assert left.ended_at is not None and left.end_reason == Assignment.EndReason.LEFT_AUDIENCE
    moved_in = open_of(trainee, other_course)
    assert moved_in.due_on == timezone.localdate() + timedelta(days=30)  # from the day they moved in


def test_a_region_change_inside_the_audience_keeps_the_assignment(
    requirement, course, agency, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        trainee = UserFactory(agency=agency)
    before = open_of(trainee, course)
    with django_capture_on_commit_callbacks(execute=True):
        trainee.region = RegionFactory()
        trainee.save()
    assert open_of(trainee, course) == before and open_of(trainee, course).due_on == before.due_on


def test_saves_that_do_not_change_the_audience_enqueue_nothing(requirement, agency, django_capture_on_commit_callbacks):
    trainee = UserFactory(agency=agency)
    with django_capture_on_commit_callbacks() as callbacks:
        trainee.last_login = timezone.now()
        trainee.save(update_fields=["last_login"])
        trainee.full_name = "Another name"
        trainee.save()
    assert callbacks == []


def test_deactivating_ends_the_assignments(requirement, course, agency, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        trainee = UserFactory(agency=agency)
    with django_capture_on_commit_callbacks(execute=True):
        trainee.is_active = False
        trainee.save()
    assert open_of(trainee, course) is None


def test_a_bulk_invitation_is_synced_in_one_task_per_few_hundred(
    requirement, course, agency, region, django_capture_on_commit_callbacks, monkeypatch
):
    from programme import tasks

    enqueued = []
    real = tasks.sync_trainees

    class Recording:
        def enqueue(self, *args):
            enqueued.append(args)
            return real.enqueue(*args)

    monkeypatch.setattr(tasks, "sync_trainees", Recording())
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        invited = [
            trainee_create(
                email=f"invitee{n}@example.org",
                full_name=f"Invitee {n}",
                agency_id=agency.pk,
                region_id=region.pk,
                position="",
                preferred_language="tg",
            )
            for n in range(12)
        ]
        assert not Assignment.objects.exists()  # nothing in the request's transaction
    assert len(callbacks) == 1
    assert len(enqueued) == 1 and enqueued[0] == (sorted(user.pk for user in invited), True)
    assert Assignment.objects.filter(course=course, ended_at=None).count() == 12


def test_trainees_sync_is_batched(catalogue, agency, django_assert_max_num_queries):
    courses = [build_course(title=f"Course {n}", lessons=1, catalogue=catalogue) for n in range(2)]
    for course in courses:
        RequirementFactory(course=course, agency=agency)
    people = [UserFactory(agency=agency) for _ in range(30)]
    # Rules (2), users, open assignments; per course: certificates, cycles, insert; savepoint.
    with django_assert_max_num_queries(14):
        services.trainees_sync(user_ids=[person.pk for person in people], new=True)
    assert Assignment.objects.count() == 60


def test_sync_is_idempotent(requirement, course, agency):
    trainee = UserFactory(agency=agency)
    first = services.trainee_sync(user=trainee)
    assert first.created == 1
    assert services.trainee_sync(user=trainee).total == 0


def test_an_erased_trainee_is_not_synced_and_keeps_the_assignments(
    requirement, course, agency, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        trainee = UserFactory(agency=agency)
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        user_erase(user=trainee, by=UserFactory(is_superuser=True))
    assert callbacks == [] or open_of(trainee, course) is not None
    assert open_of(trainee, course) is not None
    assert services.trainee_sync(user=trainee).total == 0


class TestCertificates:
    def test_passing_completes_the_open_assignment(self, requirement, course, agency):
        trainee = UserFactory(agency=agency)
        services.trainee_sync(user=trainee)
        certificate = certificate_issue(attempt=PassedAttemptFactory(user=trainee, course=course))
        assignment = open_of(trainee, course)
        assert assignment.certificate == certificate and assignment.completed_at == certificate.issued_at

    def test_a_renewal_moves_the_assignment_to_the_new_certificate(self, requirement, course, agency):
        trainee = UserFactory(agency=agency)
        services.trainee_sync(user=trainee)
        first = certificate_issue(attempt=PassedAttemptFactory(user=trainee, course=course))
        completed_at = open_of(trainee, course).completed_at
        renewal = certificate_issue(attempt=PassedAttemptFactory(user=trainee, course=course))
        assignment = open_of(trainee, course)
        assert renewal != first and assignment.certificate == renewal
        assert assignment.completed_at == completed_at

    def test_a_revoked_certificate_reopens_the_assignment(self, requirement, course, agency):
        trainee = UserFactory(agency=agency)
        services.trainee_sync(user=trainee)
        certificate = certificate_issue(attempt=PassedAttemptFactory(user=trainee, course=course))
        certificate_revoke(certificate=certificate, reason="Issued in error", by=UserFactory())
        assignment = open_of(trainee, course)
        assert assignment.certificate is None and assignment.completed_at is None

    def test_a_certificate_without_an_assignment_changes_nothing(self, course):
        trainee = UserFactory()
        certificate_issue(attempt=PassedAttemptFactory(user=trainee, course=course))
        assert not Assignment.objects.exists()

    def test_saving_the_certificate_again_changes_nothing(self, requirement, course, agency, django_assert_num_queries):
        trainee = UserFactory(agency=agency)
        services.trainee_sync(user=trainee)
        certificate = certificate_issue(attempt=PassedAttemptFactory(user=trainee, course=course))
        with django_assert_num_queries(2):  # the save itself, and one look for an assignment to move
            certificate.save(update_fields=["pdf"])
