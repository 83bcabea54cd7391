"""Attempts record the format of their question snapshot, and grading follows that format."""

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from assessments import grading as q
from assessments import services
from assessments.models import Attempt
from tests.assessments.builders import answers_post, as_querydict, true_false
from tests.factories import UserFactory


def test_grading_dispatches_on_the_snapshot_version():
    items = [q.snapshot_question("true_false", "tf", {"statement": "S.", "is_true": True, "explanation": ""})]

    results, points, max_points = q.grade(items, {"tf": [q.TRUE]}, version=1)

    assert (points, max_points) == (1, 1)
    assert results[0]["correct"] == [q.TRUE]
    assert q.grade(items, {"tf": [q.TRUE]}) == (results, points, max_points)


def test_an_unknown_snapshot_version_is_never_graded_by_guesswork():
    with pytest.raises(q.UnknownSnapshotVersion):
        q.grade([], {}, version=q.SNAPSHOT_VERSION + 1)


@pytest.mark.django_db
def test_a_new_attempt_records_the_current_snapshot_version(ready_trainee, assessment):
    attempt = services.attempt_start(user=ready_trainee, assessment=assessment)

    assert attempt.snapshot_version == q.SNAPSHOT_VERSION


@pytest.mark.django_db
def test_an_attempt_in_an_unknown_format_is_left_open_rather_than_misgraded(ready_trainee, assessment):
    attempt = services.attempt_start(user=ready_trainee, assessment=assessment)
    Attempt.objects.filter(pk=attempt.pk).update(snapshot_version=q.SNAPSHOT_VERSION + 1)
    attempt.refresh_from_db()

    with pytest.raises(q.UnknownSnapshotVersion):
        services.attempt_submit(attempt=attempt, post=as_querydict(answers_post(attempt.questions)))

    attempt.refresh_from_db()
    assert attempt.is_open


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_attempts_stored_before_the_version_existed_are_version_1():
    executor = MigrationExecutor(connection)
    executor.migrate([("assessments", "0001_initial")])
    old_apps = executor.loader.project_state([("assessments", "0001_initial")]).apps
    OldAttempt = old_apps.get_model("assessments", "Attempt")
    user = UserFactory()
    snapshot = [q.snapshot_question("true_false", "tf", true_false("tf")["value"])]
    old = OldAttempt.objects.create(user_id=user.pk, language="en", questions=snapshot, pass_mark=80)

    executor = MigrationExecutor(connection)
    executor.migrate(executor.loader.graph.leaf_nodes())

    attempt = Attempt.objects.get(pk=old.pk)
    assert attempt.snapshot_version == 1
    assert attempt.questions == snapshot
