"""Building assessments, attempts and certificates for the assessment and certificate tests.

Question and choice ids are fixed strings so tests can name the answers they submit.
"""

import copy

from django.http import QueryDict
from django.utils import timezone

from assessments import grading as q
from assessments.models import AssessmentPage, Attempt
from courses.services import lesson_mark_complete
from tests.factories import PassedAttemptFactory, lessons_of, publish


def choice(choice_id: str, text: str, correct: bool = False) -> dict:
    return {"type": "item", "id": choice_id, "value": {"text": text, "is_correct": correct}}


def single_choice(block_id: str, correct: str = "a", letters: str = "abc") -> dict:
    """Choices ``{block_id}-a``, ``-b``...; the letters in ``correct`` are marked correct."""
    return {
        "type": "single_choice",
        "id": block_id,
        "value": {
            "question": f"Single choice question {block_id}?",
            "choices": [choice(f"{block_id}-{x}", f"Answer {x}", x in correct) for x in letters],
            "explanation": "Because.",
        },
    }


def multiple_choice(block_id: str, correct: str = "ab", letters: str = "abcd", scoring="all_or_nothing") -> dict:
    return {
        "type": "multiple_choice",
        "id": block_id,
        "value": {
            "question": f"Multiple choice question {block_id}?",
            "choices": [choice(f"{block_id}-{x}", f"Answer {x}", x in correct) for x in letters],
            "scoring": scoring,
            "explanation": "Because.",
        },
    }


def true_false(block_id: str, is_true: bool = True) -> dict:
    return {
        "type": "true_false",
        "id": block_id,
        "value": {"statement": f"Statement {block_id}.", "is_true": is_true, "explanation": "Because."},
    }


def scenario(block_id: str, questions: list[dict]) -> dict:
    return {"type": "scenario", "id": block_id, "value": {"case": "<p>A case.</p>", "questions": questions}}


def pool(block_id: str, draw: int, questions: list[dict]) -> dict:
    return {"type": "pool", "id": block_id, "value": {"title": block_id, "draw": draw, "questions": questions}}


def default_stream() -> list[dict]:
    """Five gradable questions (one point each): with pass mark 80, four right pass."""
    return [
        single_choice("sc"),
        true_false("tf", is_true=True),
        multiple_choice("mc", correct="ab"),
        scenario("case", [single_choice("case-sc", correct="b"), true_false("case-tf", is_true=False)]),
    ]


QUESTION_IDS = {"sc", "tf", "mc", "case-sc", "case-tf"}


def build_assessment(course, *, stream=None, **rules) -> AssessmentPage:
    """A published AssessmentPage below ``course``; every question shown unless told otherwise."""
    fields = {
        "pass_mark": 80,
        "questions_per_attempt": 0,
        "attempts_allowed": 0,
        "cooldown_hours": 0,
        "time_limit_minutes": None,
        **rules,
    }
    page = course.add_child(
        instance=AssessmentPage(
            title="Final assessment",
            slug="assessment",
            questions=copy.deepcopy(stream if stream is not None else default_stream()),
            **fields,
        )
    )
    return publish(page)


def publish_stream(assessment: AssessmentPage, stream: list[dict]) -> AssessmentPage:
    """Publish a new revision of an assessment with a different question stream."""
    page = AssessmentPage.objects.get(pk=assessment.pk)
    page.questions = copy.deepcopy(stream)
    return publish(page)


def complete_lessons(user, course) -> None:
    for lesson in lessons_of(course):
        lesson_mark_complete(user=user, lesson=lesson)


def answers_post(items: list[dict], *, right: int | None = None) -> dict[str, list[str]]:
    """A form submission for an attempt's questions: the first ``right`` answered correctly
    (all when None), the rest wrongly."""
    data = {}
    for index, question in enumerate(q.iter_questions(items)):
        correct = q.correct_values(question)
        if right is None or index < right:
            data[f"{q.ANSWER_PREFIX}{question['id']}"] = correct
        elif question["type"] == "true_false":
            data[f"{q.ANSWER_PREFIX}{question['id']}"] = [q.FALSE if correct == [q.TRUE] else q.TRUE]
        else:
            wrong = next(c["id"] for c in question["choices"] if not c["correct"])
            data[f"{q.ANSWER_PREFIX}{question['id']}"] = [wrong]
    return data


def as_querydict(data: dict[str, list[str]]) -> QueryDict:
    post = QueryDict(mutable=True)
    for key, values in data.items():
        post.setlist(key, list(values))
    return post


def passed_attempt(user, course, *, score: int = 100) -> Attempt:
    """A graded, passed attempt created directly (no questions), as certificate_issue receives it."""
    return PassedAttemptFactory(user=user, course=course, score=score)


def issue_certificate(user, course, *, score: int = 100):
    from certificates.services import certificate_issue

    return certificate_issue(attempt=passed_attempt(user, course, score=score))


def graded_attempt(assessment, user, answers: dict, *, language="en", status=Attempt.Status.SUBMITTED) -> Attempt:
    """A closed attempt of all of ``assessment``'s questions with ``answers``, graded by
    grading.grade and stored directly: no responses are written (the caller decides)."""
    items = q.draw(assessment.questions, per_attempt=0)
    results, points, max_points = q.grade(items, answers)
    return Attempt.objects.create(
        user=user,
        assessment=assessment,
        course=assessment.get_parent().specific,
        language=language,
        questions=items,
        pass_mark=80,
        status=status,
        submitted_at=timezone.now(),
        answers=answers,
        results=results,
        points=points,
        max_points=max_points,
        score=q.percent(points, max_points),
        passed=points == max_points,
    )
