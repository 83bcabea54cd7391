"""The responses item analysis reads (assessments.models.ItemResponse): written with the grading,
backfilled for the attempts that predate them, added up in one query."""

import importlib
from datetime import timedelta
from types import SimpleNamespace

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.utils import timezone, translation

from assessments import grading as q
from assessments import item_analysis as ia
from assessments import services
from assessments.models import Attempt, ItemResponse
from assessments.selectors import item_analysis_rows, item_statistics
from cms.i18n import default_locale
from tests.assessments.builders import (
    answers_post,
    as_querydict,
    build_assessment,
    graded_attempt,
    single_choice,
    true_false,
)

pytestmark = pytest.mark.django_db

MIGRATION = ("assessments", "0004_item_responses")


def responses_of(attempt) -> dict[str, tuple]:
    rows = ItemResponse.objects.filter(attempt=attempt).values_list(
        "question_id", "assessment_id", "language", "points", "rest", "chosen"
    )
    # The options chosen in the order of the answer's form: compared as sets.
    return {question_id: [*rest, sorted(chosen)] for question_id, *rest, chosen in rows}


def submit(attempt, post) -> tuple[Attempt, bool]:
    return services.attempt_submit(attempt=attempt, post=as_querydict(post))


def test_grading_writes_one_response_per_question(ready_trainee, assessment):
    with translation.override("ru"):
        attempt = services.attempt_start(user=ready_trainee, assessment=assessment)
    post = answers_post(attempt.questions, right=3)

    attempt, graded = submit(attempt, post)

    assert graded and attempt.points == 3 and attempt.max_points == 5
    expected = {}
    for index, question in enumerate(q.iter_questions(attempt.questions)):
        right = index < 3
        # The rest score: the other four questions' points as a share of their maximum.
        rest = (3 - 1) / 4 if right else 3 / 4
        chosen = sorted(post[f"{q.ANSWER_PREFIX}{question['id']}"])
        expected[question["id"]] = [assessment.pk, "ru", 1.0 if right else 0.0, rest, chosen]
    assert responses_of(attempt) == expected


def test_a_blank_answer_is_a_response_with_nothing_chosen(ready_trainee, course_with_lessons):
    assessment = build_assessment(course_with_lessons, stream=[single_choice("sc", correct="a"), true_false("tf")])
    attempt = services.attempt_start(user=ready_trainee, assessment=assessment)

    attempt, _graded = submit(attempt, {f"{q.ANSWER_PREFIX}sc": ["sc-a"]})

    assert responses_of(attempt) == {
        "sc": [assessment.pk, "en", 1.0, 0.0, ["sc-a"]],
        "tf": [assessment.pk, "en", 0.0, 1.0, []],
    }


def test_a_single_question_attempt_has_no_rest_score(ready_trainee, course_with_lessons):
    assessment = build_assessment(course_with_lessons, stream=[single_choice("sc", correct="a")])
    attempt = services.attempt_start(user=ready_trainee, assessment=assessment)

    attempt, _graded = submit(attempt, {f"{q.ANSWER_PREFIX}sc": ["sc-b"]})

    assert responses_of(attempt) == {"sc": [assessment.pk, "en", 0.0, None, ["sc-b"]]}


def test_a_timed_out_attempt_writes_none(ready_trainee, course_with_lessons):
    assessment = build_assessment(course_with_lessons, time_limit_minutes=5)
    attempt = services.attempt_start(user=ready_trainee, assessment=assessment)
    Attempt.objects.filter(pk=attempt.pk).update(deadline_at=timezone.now() - timedelta(minutes=2))

    attempt, graded = submit(attempt, answers_post(attempt.questions))

    assert graded and attempt.status == Attempt.Status.TIMED_OUT
    assert not ItemResponse.objects.exists()


def test_an_attempt_closed_when_it_expired_writes_none(ready_trainee, course_with_lessons):
    assessment = build_assessment(course_with_lessons, time_limit_minutes=5)
    attempt = services.attempt_start(user=ready_trainee, assessment=assessment)
    Attempt.objects.filter(pk=attempt.pk).update(deadline_at=timezone.now() - timedelta(minutes=2))
    attempt.refresh_from_db()

    assert services.attempt_close_if_expired(attempt=attempt).status == Attempt.Status.TIMED_OUT
    assert not ItemResponse.objects.exists()


def test_a_second_submission_writes_nothing(ready_trainee, assessment):
    attempt = services.attempt_start(user=ready_trainee, assessment=assessment)
    first, _graded = submit(attempt, answers_post(attempt.questions, right=3))
    written = responses_of(first)

    second, graded = submit(attempt, answers_post(attempt.questions))

    assert not graded
    assert ItemResponse.objects.count() == len(written) == 5
    assert responses_of(second) == written


def test_responses_go_with_their_attempt(ready_trainee, assessment):
    attempt = services.attempt_start(user=ready_trainee, assessment=assessment)
    attempt, _graded = submit(attempt, answers_post(attempt.questions, right=0))  # no certificate holds it
    attempt.delete()
    assert not ItemResponse.objects.exists()


# --- The backfill (migration 0004) ---------------------------------------------------------


def old_attempt(assessment, user, *, status=Attempt.Status.SUBMITTED, language="en", right=1) -> Attempt:
    """An attempt graded before responses were written: its results only."""
    items = q.draw(assessment.questions, per_attempt=0)
    ids = sorted(question["id"] for question in q.iter_questions(items))  # the draw shuffles them
    answers = {
        question_id: [f"{question_id}-a" if index < right else f"{question_id}-b"]
        for index, question_id in enumerate(ids)
    }
    return graded_attempt(assessment, user, answers, language=language, status=status)


def run_backfill() -> None:
    migration = importlib.import_module("assessments.migrations." + MIGRATION[1])
    historical = MigrationExecutor(connection).loader.project_state(MIGRATION).apps
    # The backfill only asks the schema editor for its connection; SQLite's real one refuses to
    # open inside the test's transaction.
    migration.backfill(historical, SimpleNamespace(connection=connection))


STREAM = [single_choice("sc", correct="a"), single_choice("sc2", correct="a"), single_choice("sc3", correct="a")]


def test_the_backfill_writes_what_grading_writes_for_submitted_attempts_only(trainee, course_with_lessons):
    assessment = build_assessment(course_with_lessons, stream=STREAM)
    attempts = [old_attempt(assessment, trainee, language=("en", "tg")[n % 2], right=n % 4) for n in range(12)]
    timed_out = old_attempt(assessment, trainee, status=Attempt.Status.TIMED_OUT)
    Attempt.objects.create(
        user=trainee, assessment=assessment, language="en", questions=[], pass_mark=80, results=[{"id": "x"}]
    )
    assert not ItemResponse.objects.exists()

    run_backfill()

    assert ItemResponse.objects.count() == 12 * 3
    assert not ItemResponse.objects.filter(attempt=timed_out).exists()
    for attempt in attempts:
        built = {
            r.question_id: [r.assessment_id, r.language, r.points, r.rest, sorted(r.chosen)]
            for r in services.item_responses(attempt)
        }
        assert responses_of(attempt) == built
    # One attempt by hand: right in "sc" only, of three.
    assert responses_of(attempts[1])["sc"] == [assessment.pk, "tg", 1.0, 0.0, ["sc-a"]]
    assert responses_of(attempts[1])["sc2"] == [assessment.pk, "tg", 0.0, 0.5, ["sc2-b"]]

    stats, expected = item_statistics(assessment=assessment), ia.analyse(item_analysis_rows(assessment=assessment))
    assert stats.keys() == expected.keys() == {"sc", "sc2", "sc3"}
    for question_id, figures in expected.items():
        assert stats[question_id].overall.n == figures.overall.n == 12
        assert stats[question_id].overall.options == figures.overall.options
        assert stats[question_id].overall.facility == pytest.approx(figures.overall.facility)
        assert stats[question_id].overall.discrimination == pytest.approx(figures.overall.discrimination)


# --- Reading them --------------------------------------------------------------------------


def test_the_analysis_is_one_query_however_many_attempts(trainee, course_with_lessons, django_assert_num_queries):
    assessment = build_assessment(course_with_lessons, stream=STREAM)
    default_locale()  # remembered for the request, as every page view has it
    for n in range(5):
        ItemResponse.objects.bulk_create(services.item_responses(old_attempt(assessment, trainee, right=n % 4)))
    with django_assert_num_queries(1):
        assert item_statistics(assessment=assessment)["sc"].overall.n == 5
    for n in range(45):
        ItemResponse.objects.bulk_create(
            services.item_responses(old_attempt(assessment, trainee, language=("ru", "en")[n % 2], right=n % 4))
        )
    with django_assert_num_queries(1):
        assert item_statistics(assessment=assessment)["sc"].overall.n == 50


def test_the_analysis_reads_the_responses_not_the_attempts(trainee, course_with_lessons):
    assessment = build_assessment(course_with_lessons, stream=STREAM)
    old_attempt(assessment, trainee)  # no responses: not counted
    assert item_statistics(assessment=assessment) == {}
