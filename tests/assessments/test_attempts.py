"""Taking an assessment through the views: unlocking, starting, rules, submitting, grading."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import formats, timezone, translation
from wagtail.models import ModelLogEntry

from assessments import services
from assessments.models import Attempt
from certificates.models import Certificate
from courses.services import lesson_mark_complete
from tests.assessments.builders import (
    QUESTION_IDS,
    answers_post,
    as_querydict,
    build_assessment,
    complete_lessons,
    default_stream,
    publish_stream,
    single_choice,
)
from tests.factories import lessons_of

pytestmark = pytest.mark.django_db


def start(client, assessment, follow=False):
    return client.post(reverse("attempt_start", args=[assessment.pk]), follow=follow)


def submit(client, attempt, data, follow=False):
    return client.post(reverse("attempt_submit", args=[attempt.pk]), data, follow=follow)


def start_attempt(client, assessment) -> Attempt:
    response = start(client, assessment)
    assert response.status_code == 302
    return Attempt.objects.get(pk=int(response["Location"].rstrip("/").split("/")[-1]))


def take(client, assessment, *, right=None) -> Attempt:
    """Start an attempt and submit it with ``right`` correct answers (all when None)."""
    attempt = start_attempt(client, assessment)
    submit(client, attempt, answers_post(attempt.questions, right=right))
    attempt.refresh_from_db()
    assert not attempt.is_open
    return attempt


def page_text(response) -> str:
    return response.content.decode()


# --- unlocking and starting -------------------------------------------------------------------


def test_assessment_is_locked_until_every_lesson_is_complete(client_trainee, trainee, course_with_lessons, assessment):
    for lesson in lessons_of(course_with_lessons)[:-1]:
        lesson_mark_complete(user=trainee, lesson=lesson)

    response = start(client_trainee, assessment, follow=True)

    assert response.redirect_chain[-1][0] == assessment.url
    assert "Complete every lesson of the course to unlock the assessment." in page_text(response)
    assert not Attempt.objects.filter(user=trainee).exists()


def test_locked_assessment_page_explains_why(client_trainee, assessment):
    response = client_trainee.get(assessment.url)

    assert response.status_code == 200
    assert "Complete every lesson of the course to unlock the assessment." in page_text(response)
    assert "Start the assessment" not in page_text(response)


def test_assessment_page_requires_login(client, assessment):
    response = client.get(assessment.url)

    assert response.status_code == 302
    assert reverse("account_login") in response["Location"]


def test_starting_stores_the_drawn_questions_and_the_revision(client_ready, ready_trainee, assessment):
    attempt = start_attempt(client_ready, assessment)

    assessment.refresh_from_db()
    assert attempt.user == ready_trainee
    assert attempt.status == Attempt.Status.IN_PROGRESS
    assert attempt.assessment_id == assessment.pk
    assert assessment.live_revision_id is not None
    assert attempt.revision_id == assessment.live_revision_id
    assert {item["id"] for item in attempt.questions} == {"sc", "tf", "mc", "case"}
    assert (attempt.pass_mark, attempt.language, attempt.deadline_at) == (80, "en", None)
    response = client_ready.get(reverse("attempt_detail", args=[attempt.pk]))
    assert response.status_code == 200
    assert "Single choice question sc?" in page_text(response)
    assert 'name="q-case-tf"' in page_text(response)


def test_starting_again_continues_the_open_attempt(client_ready, ready_trainee, assessment):
    first = start_attempt(client_ready, assessment)
    second = start_attempt(client_ready, assessment)

    assert first.pk == second.pk
    assert Attempt.objects.filter(user=ready_trainee).count() == 1


def test_time_limit_sets_a_deadline(client_ready, course_with_lessons):
    assessment = build_assessment(course_with_lessons, time_limit_minutes=30)
    before = timezone.now()

    attempt = start_attempt(client_ready, assessment)

    assert before + timedelta(minutes=30) <= attempt.deadline_at <= timezone.now() + timedelta(minutes=30)


# --- attempt limit and cool-down --------------------------------------------------------------


def test_third_start_is_refused_when_two_attempts_are_allowed(client_ready, ready_trainee, course_with_lessons):
    assessment = build_assessment(course_with_lessons, attempts_allowed=2)
    take(client_ready, assessment, right=0)
    take(client_ready, assessment, right=1)

    response = start(client_ready, assessment, follow=True)

    assert "You have used all 2 attempts." in page_text(response)
    assert Attempt.objects.filter(user=ready_trainee).count() == 2
    assert not Attempt.objects.filter(user=ready_trainee, status=Attempt.Status.IN_PROGRESS).exists()


def test_cool_down_refuses_a_new_attempt_and_says_when_it_is_possible(client_ready, ready_trainee, course_with_lessons):
    assessment = build_assessment(course_with_lessons, cooldown_hours=2)
    failed = take(client_ready, assessment, right=0)

    response = start(client_ready, assessment, follow=True)

    with translation.override("en"):
        when = formats.date_format(timezone.localtime(failed.submitted_at + timedelta(hours=2)), "DATETIME_FORMAT")
    assert f"You can try again from {when}." in page_text(response)
    assert Attempt.objects.filter(user=ready_trainee).count() == 1


def test_new_attempt_is_possible_once_the_cool_down_has_passed(client_ready, ready_trainee, course_with_lessons):
    assessment = build_assessment(course_with_lessons, cooldown_hours=2)
    failed = take(client_ready, assessment, right=0)
    Attempt.objects.filter(pk=failed.pk).update(submitted_at=timezone.now() - timedelta(hours=2, minutes=1))

    attempt = start_attempt(client_ready, assessment)

    assert attempt.pk != failed.pk
    assert attempt.is_open


# --- submitting and grading -------------------------------------------------------------------


@pytest.mark.parametrize(("right", "score", "passed"), [(5, 100, True), (4, 80, True), (3, 60, False), (0, 0, False)])
def test_submission_is_graded_on_the_server(client_ready, assessment, right, score, passed):
    attempt = take(client_ready, assessment, right=right)

    assert (attempt.status, attempt.score, attempt.passed) == (Attempt.Status.SUBMITTED, score, passed)
    assert attempt.max_points == 5
    assert {result["id"] for result in attempt.results} == QUESTION_IDS
    assert Certificate.objects.filter(attempt=attempt).exists() is passed


def test_result_page_shows_the_score(client_ready, assessment):
    attempt = take(client_ready, assessment, right=4)

    response = client_ready.get(reverse("attempt_detail", args=[attempt.pk]))

    assert response.status_code == 200
    assert "80%" in page_text(response)
    assert "Passed" in page_text(response)


@pytest.mark.parametrize(
    ("overdue", "status", "score", "passed"),
    [
        pytest.param(timedelta(seconds=61), Attempt.Status.TIMED_OUT, 0, False, id="beyond-grace"),
        pytest.param(timedelta(minutes=10), Attempt.Status.TIMED_OUT, 0, False, id="long-after"),
        pytest.param(timedelta(seconds=30), Attempt.Status.SUBMITTED, 100, True, id="within-grace"),
    ],
)
def test_time_limit_is_enforced_on_the_server(client_ready, course_with_lessons, overdue, status, score, passed):
    assessment = build_assessment(course_with_lessons, time_limit_minutes=5)
    attempt = start_attempt(client_ready, assessment)
    Attempt.objects.filter(pk=attempt.pk).update(deadline_at=timezone.now() - overdue)

    response = submit(client_ready, attempt, answers_post(attempt.questions), follow=True)

    attempt.refresh_from_db()
    assert (attempt.status, attempt.score, attempt.passed) == (status, score, passed)
    assert Certificate.objects.filter(attempt=attempt).exists() is passed
    if status == Attempt.Status.TIMED_OUT:
        assert attempt.answers == {}  # nothing was saved before the deadline; the late answers do not count
        assert "The time limit had passed: the answers saved before it were graded." in page_text(response)


def test_opening_an_expired_attempt_closes_it_as_timed_out(client_ready, course_with_lessons):
    assessment = build_assessment(course_with_lessons, time_limit_minutes=5)
    attempt = start_attempt(client_ready, assessment)
    Attempt.objects.filter(pk=attempt.pk).update(deadline_at=timezone.now() - timedelta(minutes=2))

    response = client_ready.get(reverse("attempt_detail", args=[attempt.pk]))

    attempt.refresh_from_db()
    assert response.status_code == 200
    assert (attempt.status, attempt.score, attempt.passed) == (Attempt.Status.TIMED_OUT, 0, False)


def test_double_submission_is_graded_once(client_ready, ready_trainee, assessment):
    attempt = start_attempt(client_ready, assessment)
    submit(client_ready, attempt, answers_post(attempt.questions))
    attempt.refresh_from_db()
    first = (attempt.status, attempt.score, attempt.passed, attempt.results, attempt.answers, attempt.submitted_at)

    response = submit(client_ready, attempt, answers_post(attempt.questions, right=0), follow=True)

    attempt.refresh_from_db()
    assert (
        attempt.status,
        attempt.score,
        attempt.passed,
        attempt.results,
        attempt.answers,
        attempt.submitted_at,
    ) == first
    assert attempt.score == 100
    assert "This attempt was already submitted; here is its result." in page_text(response)
    assert Certificate.objects.filter(user=ready_trainee).count() == 1
    assert ModelLogEntry.objects.filter(action="frontline.certificate.issue").count() == 1


def test_second_service_submission_reports_not_graded_and_the_same_score(ready_trainee, assessment):
    attempt = services.attempt_start(user=ready_trainee, assessment=assessment)

    first, graded_first = services.attempt_submit(
        attempt=attempt, post=as_querydict(answers_post(attempt.questions, right=3))
    )
    second, graded_second = services.attempt_submit(attempt=attempt, post=as_querydict(answers_post(attempt.questions)))

    assert (graded_first, graded_second) == (True, False)
    assert first.score == second.score == 60
    assert second.results == first.results
    assert second.submitted_at == first.submitted_at


@pytest.mark.parametrize(
    "tamper",
    [
        pytest.param({"q-not-a-question": ["sc-a"]}, id="unknown-question"),
        pytest.param({"q-sc": ["mc-a"]}, id="choice-of-another-question"),
        pytest.param({"q-sc": ["sc-a", "sc-b"]}, id="two-answers-to-single-choice"),
        pytest.param({"q-tf": ["true", "false"]}, id="two-answers-to-true-false"),
        pytest.param({"q-tf": ["maybe"]}, id="true-false-not-true-or-false"),
        pytest.param({"q-case-sc": ["case-sc-z"]}, id="unknown-choice-in-scenario"),
    ],
)
def test_tampered_answers_are_refused_and_nothing_is_written(client_ready, ready_trainee, assessment, tamper):
    attempt = start_attempt(client_ready, assessment)

    response = submit(client_ready, attempt, {**answers_post(attempt.questions), **tamper})

    assert response.status_code == 400
    assert "Your answers could not be accepted" in page_text(response)
    attempt.refresh_from_db()
    assert attempt.status == Attempt.Status.IN_PROGRESS
    assert (attempt.answers, attempt.results, attempt.score, attempt.submitted_at) == ({}, [], None, None)
    assert not Certificate.objects.filter(user=ready_trainee).exists()


def test_another_users_attempt_is_not_found(client, ready_trainee, other_user, assessment):
    attempt = services.attempt_start(user=ready_trainee, assessment=assessment)
    client.force_login(other_user)

    viewed = client.get(reverse("attempt_detail", args=[attempt.pk]))
    submitted = submit(client, attempt, answers_post(attempt.questions))

    assert (viewed.status_code, submitted.status_code) == (404, 404)
    attempt.refresh_from_db()
    assert attempt.is_open


def test_attempt_pages_require_login(client, ready_trainee, assessment):
    attempt = services.attempt_start(user=ready_trainee, assessment=assessment)

    response = client.get(reverse("attempt_detail", args=[attempt.pk]))

    assert response.status_code == 302
    assert reverse("account_login") in response["Location"]


# --- later edits to the assessment ------------------------------------------------------------


def edited_stream() -> list[dict]:
    """The same questions, but "sc" now has "b" as its correct answer and "tf" is gone."""
    stream = [block for block in default_stream() if block["id"] != "tf"]
    stream[0] = single_choice("sc", correct="b")
    return stream


def test_editing_the_assessment_does_not_change_a_past_attempt(client_ready, assessment):
    attempt = take(client_ready, assessment)
    before = (attempt.questions, attempt.results, attempt.points, attempt.score, attempt.passed, attempt.revision_id)

    publish_stream(assessment, edited_stream())
    response = client_ready.get(reverse("attempt_detail", args=[attempt.pk]))

    attempt.refresh_from_db()
    assert (
        attempt.questions,
        attempt.results,
        attempt.points,
        attempt.score,
        attempt.passed,
        attempt.revision_id,
    ) == before
    assert attempt.score == 100
    assert response.status_code == 200
    assert "100%" in page_text(response)


def test_attempt_started_before_an_edit_is_graded_on_its_own_questions(client_ready, ready_trainee, assessment):
    attempt = start_attempt(client_ready, assessment)
    old_answers = answers_post(attempt.questions)

    publish_stream(assessment, edited_stream())
    submit(client_ready, attempt, old_answers)

    attempt.refresh_from_db()
    assert (attempt.score, attempt.passed, attempt.max_points) == (100, True, 5)
    sc = next(item for item in attempt.questions if item["id"] == "sc")
    assert [c["id"] for c in sc["choices"] if c["correct"]] == ["sc-a"]


def test_attempt_started_after_an_edit_uses_the_new_revision(
    ready_trainee, other_user, course_with_lessons, assessment
):
    first = services.attempt_start(user=ready_trainee, assessment=assessment)
    edited = publish_stream(assessment, edited_stream())
    complete_lessons(other_user, course_with_lessons)
    later = services.attempt_start(user=other_user, assessment=edited)

    assert later.revision_id == edited.live_revision_id != first.revision_id
    assert {item["id"] for item in later.questions} == {"sc", "mc", "case"}
    sc = next(item for item in later.questions if item["id"] == "sc")
    assert [c["id"] for c in sc["choices"] if c["correct"]] == ["sc-b"]
