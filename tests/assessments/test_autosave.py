"""No answer lost in an assessment: answers saved as the trainee goes (the "Save and continue
later" button, every submission, the page's script), restored on coming back, graded when
the time runs out; blanks confirmed before grading."""

import re
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from assessments import grading as q
from assessments import services
from assessments.models import Attempt, ItemResponse
from certificates.models import Certificate
from tests.assessments.builders import answers_post, as_querydict, build_assessment

pytestmark = pytest.mark.django_db

JSON = {"HTTP_ACCEPT": "application/json"}


def save(client, attempt, data, **headers):
    return client.post(reverse("attempt_save", args=[attempt.pk]), data, **headers)


def submit(client, attempt, data, follow=False):
    return client.post(reverse("attempt_submit", args=[attempt.pk]), data, follow=follow)


def detail(client, attempt, query=""):
    return client.get(reverse("attempt_detail", args=[attempt.pk]) + query)


def checked(response) -> dict[str, set[str]]:
    """The answers the page shows ticked, by question id."""
    ticked: dict[str, set[str]] = {}
    for name, value in re.findall(r'<input [^>]*name="q-([^"]+)" value="([^"]+)" checked', response.content.decode()):
        ticked.setdefault(name, set()).add(value)
    return ticked


def some_answers(attempt, question_ids) -> dict[str, list[str]]:
    everything = answers_post(attempt.questions)
    return {f"{q.ANSWER_PREFIX}{qid}": everything[f"{q.ANSWER_PREFIX}{qid}"] for qid in question_ids}


def overdue(attempt, by) -> None:
    Attempt.objects.filter(pk=attempt.pk).update(deadline_at=timezone.now() - by)
    attempt.refresh_from_db()


@pytest.fixture
def attempt(ready_trainee, assessment):
    return services.attempt_start(user=ready_trainee, assessment=assessment)


@pytest.fixture
def timed(ready_trainee, course_with_lessons):
    """An open attempt at an assessment with a 30-minute limit and a 1-hour cool-down."""
    assessment = build_assessment(course_with_lessons, time_limit_minutes=30, cooldown_hours=1)
    return services.attempt_start(user=ready_trainee, assessment=assessment)


# --- saving without a script, and coming back ---------------------------------------------------


def test_saved_answers_are_restored_after_leaving(client_ready, attempt, assessment):
    response = save(client_ready, attempt, {**some_answers(attempt, ["sc", "mc"]), "save": "1"})

    assert response.status_code == 302
    assert response["Location"] == reverse("attempt_detail", args=[attempt.pk])
    attempt.refresh_from_db()
    assert attempt.is_open
    assert attempt.answers == {"sc": ["sc-a"], "mc": ["mc-a", "mc-b"]}
    assert attempt.answers_saved_at is not None

    overview = client_ready.get(assessment.url)  # the trainee left; the assessment page offers to continue
    assert "Answers saved: 2 of 5." in overview.content.decode()
    back = detail(client_ready, attempt)
    assert back.status_code == 200
    assert checked(back) == {"sc": {"sc-a"}, "mc": {"mc-a", "mc-b"}}


def test_saving_says_so_and_until_when_the_attempt_can_be_continued(client_ready, timed):
    response = save(client_ready, timed, some_answers(timed, ["tf"]), follow=True)

    text = response.content.decode()
    assert "Your answers are saved (" in text
    assert "the time limit keeps running" in text
    assert "Answered: 1 of 5." in text


def test_a_save_replaces_the_answers_saved_before(client_ready, attempt):
    save(client_ready, attempt, some_answers(attempt, ["sc", "tf"]))
    save(client_ready, attempt, {**some_answers(attempt, ["tf"]), "q-case-sc": ["case-sc-c"]})

    attempt.refresh_from_db()
    assert attempt.answers == {"tf": ["true"], "case-sc": ["case-sc-c"]}  # "sc" was unticked


@pytest.mark.parametrize(
    ("tamper", "kept"),
    [
        pytest.param({"q-not-a-question": ["sc-a"]}, {}, id="unknown-question"),
        pytest.param({"q-sc": ["mc-a"]}, {}, id="choice-of-another-question"),
        pytest.param({"q-sc": ["sc-a", "sc-b"]}, {}, id="two-answers-to-single-choice"),
        pytest.param({"q-tf": ["maybe"]}, {}, id="true-false-not-true-or-false"),
        pytest.param({"q-mc": ["mc-a", "mc-z", "sc-b"]}, {"mc": ["mc-a"]}, id="unknown-choices-among-known"),
        pytest.param({"q-sc": ["sc-b", "sc-b"]}, {"sc": ["sc-b"]}, id="the-same-choice-twice"),
    ],
)
def test_tampered_option_ids_are_ignored_and_the_rest_saved(client_ready, attempt, tamper, kept):
    response = save(client_ready, attempt, {"q-case-tf": ["false"], **tamper})

    assert response.status_code == 302
    attempt.refresh_from_db()
    assert attempt.answers == {"case-tf": ["false"], **kept}


def test_the_script_gets_what_was_saved_as_json(client_ready, timed):
    response = save(client_ready, timed, some_answers(timed, ["sc", "case-tf"]), **JSON)

    assert response.status_code == 200
    data = response.json()
    assert (data["saved"], data["answered"], data["total"]) == (True, 2, 5)
    assert data["message"].startswith("Answers saved at ")
    assert 29 * 60 <= data["seconds_left"] <= 30 * 60


def test_another_users_attempt_cannot_be_saved(client, other_user, attempt):
    client.force_login(other_user)

    responses = [save(client, attempt, some_answers(attempt, ["sc"])), save(client, attempt, {}, **JSON)]

    assert [response.status_code for response in responses] == [404, 404]
    attempt.refresh_from_db()
    assert (attempt.answers, attempt.answers_saved_at) == ({}, None)


def test_saving_needs_a_post(client_ready, attempt):
    assert client_ready.get(reverse("attempt_save", args=[attempt.pk])).status_code == 405


# --- the time limit -------------------------------------------------------------------------------


def test_a_save_after_the_deadline_is_refused_and_the_saved_answers_are_graded(client_ready, timed):
    save(client_ready, timed, answers_post(timed.questions, right=4))  # four of five right, saved in time
    overdue(timed, by=timedelta(minutes=2))

    response = save(client_ready, timed, answers_post(timed.questions), **JSON)  # all right, but too late

    assert response.status_code == 409
    assert response.json() == {
        "closed": True,
        "message": "The time limit had passed: the answers saved before it were graded.",
        "url": reverse("attempt_detail", args=[timed.pk]),
    }
    timed.refresh_from_db()
    assert (timed.status, timed.score, timed.passed) == (Attempt.Status.TIMED_OUT, 80, True)
    assert timed.answers == q.answers_from_post(as_querydict(answers_post(timed.questions, right=4)), timed.questions)
    assert timed.submitted_at == timed.deadline_at  # the attempt ended when its time did


def test_a_save_after_the_deadline_without_a_script_shows_the_result(client_ready, timed):
    save(client_ready, timed, some_answers(timed, ["sc"]))
    overdue(timed, by=timedelta(minutes=2))

    response = save(client_ready, timed, answers_post(timed.questions), follow=True)

    assert response.redirect_chain[-1][0] == reverse("attempt_detail", args=[timed.pk])
    assert "The time limit had passed: the answers saved before it were graded." in response.content.decode()
    timed.refresh_from_db()
    assert (timed.status, timed.score, timed.answers) == (Attempt.Status.TIMED_OUT, 20, {"sc": ["sc-a"]})


def test_a_save_within_the_grace_after_the_deadline_still_counts(client_ready, timed):
    overdue(timed, by=timedelta(seconds=30))  # the grace a submission has (services.SUBMISSION_GRACE)

    response = save(client_ready, timed, some_answers(timed, ["tf"]), **JSON)

    assert response.status_code == 200
    assert response.json()["seconds_left"] == 0
    timed.refresh_from_db()
    assert timed.is_open and timed.answers == {"tf": ["true"]}


def test_opening_an_expired_attempt_grades_the_saved_answers(client_ready, ready_trainee, timed):
    save(client_ready, timed, answers_post(timed.questions))
    overdue(timed, by=timedelta(minutes=10))

    response = detail(client_ready, timed)

    assert response.status_code == 200
    timed.refresh_from_db()
    assert (timed.status, timed.score, timed.passed) == (Attempt.Status.TIMED_OUT, 100, True)
    assert "The time limit had passed: the answers saved before it were graded." in response.content.decode()
    assert Certificate.objects.filter(user=ready_trainee, attempt=timed).exists()
    # Blanks at the end of a timed-out attempt say nothing about the questions: kept out of the analysis.
    assert not ItemResponse.objects.filter(attempt=timed).exists()


def test_a_late_submission_grades_the_answers_saved_in_time_not_the_late_ones(client_ready, timed):
    save(client_ready, timed, answers_post(timed.questions, right=1))
    overdue(timed, by=timedelta(minutes=5))

    submit(client_ready, timed, answers_post(timed.questions))

    timed.refresh_from_db()
    assert (timed.status, timed.score) == (Attempt.Status.TIMED_OUT, 20)


def test_the_cool_down_counts_from_the_deadline_of_an_attempt_closed_late(client_ready, ready_trainee, timed):
    overdue(timed, by=timedelta(hours=1, minutes=5))  # the trainee never came back within the hour

    detail(client_ready, timed)  # closed now, an hour after its time ran out
    response = client_ready.post(reverse("attempt_start", args=[timed.assessment_id]))

    assert response.status_code == 302
    new = Attempt.objects.get(user=ready_trainee, status=Attempt.Status.IN_PROGRESS)
    assert new.pk != timed.pk
    assert Attempt.objects.filter(user=ready_trainee).exclude(status=Attempt.Status.IN_PROGRESS).count() == 1


def test_the_page_gives_the_script_the_seconds_left(client_ready, timed):
    Attempt.objects.filter(pk=timed.pk).update(deadline_at=timezone.now() + timedelta(minutes=7, seconds=30))

    text = detail(client_ready, timed).content.decode()

    seconds = int(re.search(r'data-seconds-left="(\d+)"', text).group(1))
    assert 7 * 60 + 25 <= seconds <= 7 * 60 + 30
    assert "about 7 minutes left." in text  # what a browser without scripts shows
    assert "js/attempt.js" in text


# --- submitting with blanks -----------------------------------------------------------------------


def test_submitting_with_blanks_asks_first_and_lists_them(client_ready, attempt):
    response = submit(client_ready, attempt, some_answers(attempt, ["sc", "case-sc"]))

    assert response.status_code == 302
    assert response["Location"] == reverse("attempt_detail", args=[attempt.pk]) + "?confirm=unanswered#unanswered"
    attempt.refresh_from_db()
    assert attempt.is_open, "nothing is graded before the trainee confirms"
    assert attempt.answers == {"sc": ["sc-a"], "case-sc": ["case-sc-b"]}, "the answers given are saved"

    page = client_ready.get(response["Location"])
    text = page.content.decode()
    numbers = {question["id"]: number for number, question in q.numbered_questions(attempt.questions)}
    assert "You have not answered 3 questions:" in text
    listed = re.findall(r'<a href="#question-([^"]+)">Question ([\d.]+)</a>', text)
    assert listed == [(qid, numbers[qid]) for qid in numbers if qid in {"tf", "mc", "case-tf"}]
    for qid, number in listed:  # each link names the question by the number its card shows
        card = re.search(rf'id="question-{qid}">\s*<legend><span class="question-number">([\d.]+)\.</span>', text)
        assert card.group(1) == number
    assert text.count("Not answered yet") == 3
    assert 'name="confirm"' in text
    assert checked(page) == {"sc": {"sc-a"}, "case-sc": {"case-sc-b"}}


def test_submit_anyway_grades_the_answers_given(client_ready, attempt):
    submit(client_ready, attempt, some_answers(attempt, ["sc"]))

    response = submit(client_ready, attempt, {**some_answers(attempt, ["sc", "tf"]), "confirm": "1"})

    assert response.status_code == 302
    attempt.refresh_from_db()
    assert (attempt.status, attempt.score, attempt.answers) == (
        Attempt.Status.SUBMITTED,
        40,
        {"sc": ["sc-a"], "tf": ["true"]},
    )


def test_the_question_is_not_asked_once_every_question_is_answered(client_ready, attempt):
    save(client_ready, attempt, answers_post(attempt.questions))

    text = detail(client_ready, attempt, "?confirm=unanswered").content.decode()

    assert "You have not answered" not in text
    assert 'name="confirm"' not in text


def test_every_question_answered_is_graded_at_once(client_ready, attempt):
    submit(client_ready, attempt, answers_post(attempt.questions))

    attempt.refresh_from_db()
    assert (attempt.status, attempt.score) == (Attempt.Status.SUBMITTED, 100)


def test_blanks_after_the_deadline_are_graded_without_asking(client_ready, timed):
    overdue(timed, by=timedelta(seconds=20))  # within the grace: there is no time left to ask

    submit(client_ready, timed, some_answers(timed, ["sc"]))

    timed.refresh_from_db()
    assert (timed.status, timed.score) == (Attempt.Status.SUBMITTED, 20)


def test_tampered_submission_is_refused_and_keeps_the_saved_answers(client_ready, attempt):
    save(client_ready, attempt, some_answers(attempt, ["tf"]))

    response = submit(client_ready, attempt, {**some_answers(attempt, ["sc"]), "q-sc": ["mc-a"], "confirm": "1"})

    assert response.status_code == 400
    attempt.refresh_from_db()
    assert attempt.is_open and attempt.answers == {"tf": ["true"]}


# --- replays ---------------------------------------------------------------------------------------


def test_a_save_replayed_after_submission_changes_nothing(client_ready, attempt):
    submit(client_ready, attempt, answers_post(attempt.questions))
    attempt.refresh_from_db()
    graded = (attempt.status, attempt.answers, attempt.results, attempt.score, attempt.submitted_at)

    as_script = save(client_ready, attempt, answers_post(attempt.questions, right=0), **JSON)
    as_form = save(client_ready, attempt, answers_post(attempt.questions, right=0), follow=True)

    assert as_script.status_code == 409
    assert as_script.json()["message"] == "This attempt was already submitted; here is its result."
    assert "This attempt was already submitted; here is its result." in as_form.content.decode()
    attempt.refresh_from_db()
    assert (attempt.status, attempt.answers, attempt.results, attempt.score, attempt.submitted_at) == graded
    assert Certificate.objects.filter(attempt=attempt).count() == 1


def test_a_replayed_confirmation_grades_once(client_ready, attempt):
    post = {**some_answers(attempt, ["sc"]), "confirm": "1"}
    submit(client_ready, attempt, post)
    attempt.refresh_from_db()
    first = (attempt.score, attempt.results, attempt.submitted_at)

    response = submit(client_ready, attempt, {**answers_post(attempt.questions), "confirm": "1"}, follow=True)

    attempt.refresh_from_db()
    assert (attempt.score, attempt.results, attempt.submitted_at) == first
    assert "This attempt was already submitted; here is its result." in response.content.decode()


def test_service_refuses_to_save_a_closed_attempt(ready_trainee, attempt):
    services.attempt_submit(attempt=attempt, post=as_querydict(answers_post(attempt.questions)))

    with pytest.raises(services.AttemptClosed) as refused:
        services.attempt_save(attempt=attempt, post=as_querydict({"q-sc": ["sc-b"]}))

    assert refused.value.attempt.status == Attempt.Status.SUBMITTED
    assert refused.value.attempt.answers["sc"] == ["sc-a"]


# --- cost -----------------------------------------------------------------------------------------


def test_the_attempt_page_reads_a_fixed_number_of_queries(client_ready, timed, django_assert_max_num_queries):
    save(client_ready, timed, some_answers(timed, ["sc", "mc"]))

    # The session's user, the attempt, its assessment in the reader's language (2), and the
    # layout's own (site, helpline, catalogue, reports link, the unread-notices count, cached per
    # user but cold in a test): saved answers and progress cost none.
    with django_assert_max_num_queries(11):
        response = detail(client_ready, timed, "?confirm=unanswered")

    assert response.status_code == 200


def test_saving_reads_and_writes_a_fixed_number_of_queries(client_ready, timed, django_assert_max_num_queries):
    # The user, the attempt as its owner's, then locked, updated (with savepoints), and the session.
    with django_assert_max_num_queries(9):
        response = save(client_ready, timed, answers_post(timed.questions), **JSON)

    assert response.status_code == 200


def test_questions_are_numbered_as_the_page_shows_them():
    items = [
        {"id": "first", "type": "true_false"},
        {"id": "case", "type": "scenario", "questions": [{"id": "c1", "type": "true_false"}, {"id": "c2"}]},
        {"id": "last", "type": "single_choice"},
    ]

    assert [(number, question["id"]) for number, question in q.numbered_questions(items)] == [
        ("1", "first"),
        ("2.1", "c1"),
        ("2.2", "c2"),
        ("3", "last"),
    ]
    assert q.unanswered(items, {"first": ["true"], "c2": ["x"], "last": []}) == [("2.1", "c1"), ("3", "last")]
