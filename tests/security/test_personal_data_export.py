"""Finding #2: the personal-data export showed the answer key of every attempt, the open one
included. It must show an attempt exactly as the attempt pages show it to its holder."""

import json
import re

import pytest
from django.urls import reverse

from assessments import grading as q
from assessments.models import Attempt
from tests.assessments.builders import answers_post, build_assessment, complete_lessons
from tests.factories import build_course

pytestmark = pytest.mark.django_db

# What gives the key away: a choice's "correct" flag, a true/false statement's "answer", the
# explanation (shown only after submission) and the results' correct answers.
KEY_FIELDS = {"correct", "answer", "explanation", "is_correct"}


def _keys(value) -> set[str]:
    if isinstance(value, dict):
        return set(value) | {key for child in value.values() for key in _keys(child)}
    if isinstance(value, list):
        return {key for child in value for key in _keys(child)}
    return set()


@pytest.fixture
def course(catalogue, trainee):
    course = build_course(title="Identifying victims", lessons=1, catalogue=catalogue)
    complete_lessons(trainee, course)
    return course


def _start(client, assessment) -> Attempt:
    client.post(reverse("attempt_start", args=[assessment.pk]))
    return Attempt.objects.get(assessment=assessment, status=Attempt.Status.IN_PROGRESS)


def _submit(client, attempt: Attempt, *, right: int) -> Attempt:
    response = client.post(reverse("attempt_submit", args=[attempt.pk]), answers_post(attempt.questions, right=right))
    assert response.status_code == 302
    attempt.refresh_from_db()
    assert not attempt.is_open
    return attempt


def _exported_attempt(client, attempt: Attempt) -> dict:
    response = client.get(reverse("my_data_export"))
    assert response.status_code == 200
    entries = json.loads(response.content)["attempts"]
    (entry,) = [entry for entry in entries if entry["started_at"] == attempt.started_at.isoformat()]
    return entry


def test_open_attempt_export_has_no_answer_key(client_trainee, course):
    assessment = build_assessment(course, show_correct_answers=True)
    attempt = _start(client_trainee, assessment)

    entry = _exported_attempt(client_trainee, attempt)

    assert entry["status"] == "in_progress"
    assert not _keys(entry["questions"]) & KEY_FIELDS
    assert entry["results"] == []
    # What the question form shows is all there: every question's text and its choices' ids.
    exported = {question["id"]: question for question in q.iter_questions(entry["questions"])}
    for question in q.iter_questions(attempt.questions):
        assert exported[question["id"]]["text"] == question["text"]
        if question["type"] != "true_false":
            assert [c["id"] for c in exported[question["id"]]["choices"]] == [c["id"] for c in question["choices"]]
            assert [c["text"] for c in exported[question["id"]]["choices"]] == [c["text"] for c in question["choices"]]


def test_closed_attempt_export_hides_the_correct_answers_when_the_assessment_does(client_trainee, course):
    assessment = build_assessment(course, show_correct_answers=False)
    attempt = _submit(client_trainee, _start(client_trainee, assessment), right=2)

    entry = _exported_attempt(client_trainee, attempt)
    result_page = client_trainee.get(reverse("attempt_detail", args=[attempt.pk])).content.decode()

    assert "tag-ok" not in result_page  # the result page marks no correct answer either
    assert entry["score"] == attempt.score
    assert not _keys(entry["questions"]) & {"correct", "answer", "is_correct"}
    assert not _keys(entry["results"]) & {"correct"}
    # The trainee's own answers and points per question are theirs to keep.
    assert {r["id"]: (r["points"], r["chosen"]) for r in entry["results"]} == {
        r["id"]: (r["points"], r["chosen"]) for r in attempt.results
    }


def test_closed_attempt_export_shows_the_correct_answers_the_result_page_shows(client_trainee, course):
    assessment = build_assessment(course, show_correct_answers=True)
    attempt = _submit(client_trainee, _start(client_trainee, assessment), right=2)

    entry = _exported_attempt(client_trainee, attempt)
    result_page = client_trainee.get(reverse("attempt_detail", args=[attempt.pk])).content.decode()

    expected = {question["id"]: q.correct_values(question) for question in q.iter_questions(attempt.questions)}
    assert {r["id"]: r["correct"] for r in entry["results"]} == expected
    assert len(re.findall(r'class="tag tag-ok"', result_page)) == sum(len(values) for values in expected.values())
    # The key stays in the results: the questions carry no second copy of it.
    assert not _keys(entry["questions"]) & {"correct", "answer", "is_correct"}
