"""Grading plain question snapshots (assessments.grading) and the pass rule."""

from decimal import Decimal

import pytest

from assessments import grading as q
from assessments import services
from assessments.models import Attempt
from tests.assessments.builders import as_querydict


def choices(correct: str, letters: str) -> list[dict]:
    return [{"id": x, "text": x, "correct": x in correct} for x in letters]


SINGLE = {"id": "single", "type": "single_choice", "choices": choices("a", "abc")}
TRUE_STATEMENT = {"id": "tf-true", "type": "true_false", "answer": True}
FALSE_STATEMENT = {"id": "tf-false", "type": "true_false", "answer": False}
ALL_OR_NOTHING = {
    "id": "mc-aon",
    "type": "multiple_choice",
    "scoring": "all_or_nothing",
    "choices": choices("abc", "abcde"),
}
PARTIAL = {"id": "mc-partial", "type": "multiple_choice", "scoring": "partial", "choices": choices("abc", "abcde")}


@pytest.mark.parametrize(
    ("question", "chosen", "points"),
    [
        pytest.param(SINGLE, ["a"], "1.000", id="single-right"),
        pytest.param(SINGLE, ["b"], "0.000", id="single-wrong"),
        pytest.param(SINGLE, [], "0.000", id="single-unanswered"),
        pytest.param(TRUE_STATEMENT, [q.TRUE], "1.000", id="true-false-true-right"),
        pytest.param(TRUE_STATEMENT, [q.FALSE], "0.000", id="true-false-true-wrong"),
        pytest.param(FALSE_STATEMENT, [q.FALSE], "1.000", id="true-false-false-right"),
        pytest.param(FALSE_STATEMENT, [q.TRUE], "0.000", id="true-false-false-wrong"),
        pytest.param(TRUE_STATEMENT, [], "0.000", id="true-false-unanswered"),
        pytest.param(ALL_OR_NOTHING, ["a", "b", "c"], "1.000", id="all-or-nothing-exact"),
        pytest.param(ALL_OR_NOTHING, ["c", "a", "b"], "1.000", id="all-or-nothing-exact-any-order"),
        pytest.param(ALL_OR_NOTHING, ["a", "b"], "0.000", id="all-or-nothing-subset"),
        pytest.param(ALL_OR_NOTHING, ["a", "b", "c", "d"], "0.000", id="all-or-nothing-superset"),
        pytest.param(ALL_OR_NOTHING, [], "0.000", id="all-or-nothing-unanswered"),
        pytest.param(PARTIAL, ["a", "b", "c"], "1.000", id="partial-3-of-3"),
        pytest.param(PARTIAL, ["a", "b"], "0.667", id="partial-2-of-3"),
        pytest.param(PARTIAL, ["a"], "0.333", id="partial-1-of-3"),
        pytest.param(PARTIAL, ["a", "b", "d"], "0.333", id="partial-2-right-1-wrong"),
        pytest.param(PARTIAL, ["a", "b", "c", "d"], "0.667", id="partial-3-right-1-wrong"),
        pytest.param(PARTIAL, ["a", "d", "e"], "0.000", id="partial-never-below-zero"),
        pytest.param(PARTIAL, ["d", "e"], "0.000", id="partial-only-wrong"),
        pytest.param(PARTIAL, [], "0.000", id="partial-unanswered"),
    ],
)
def test_grading_table(question, chosen, points):
    answers = {question["id"]: chosen} if chosen else {}

    results, total, max_points = q.grade([question], answers)

    assert max_points == 1
    assert total == Decimal(points)
    assert results == [
        {"id": question["id"], "points": points, "chosen": chosen, "correct": q.correct_values(question)}
    ]


def test_partial_credit_is_never_negative_before_rounding():
    assert q.grade_question(PARTIAL, ["a", "d", "e"]) == Decimal(0)


SCENARIO = {
    "id": "case",
    "type": "scenario",
    "case": "<p>Case</p>",
    "questions": [
        {"id": "case-1", "type": "single_choice", "choices": choices("a", "ab")},
        {"id": "case-2", "type": "true_false", "answer": False},
        {"id": "case-3", "type": "multiple_choice", "scoring": "all_or_nothing", "choices": choices("ab", "abc")},
    ],
}


@pytest.mark.parametrize(
    ("answers", "total"),
    [
        ({"case-1": ["a"], "case-2": [q.FALSE], "case-3": ["a", "b"]}, "3"),
        ({"case-1": ["a"], "case-2": [q.FALSE], "case-3": ["a"]}, "2"),
        ({"case-1": ["b"], "case-2": [q.TRUE]}, "0"),
    ],
)
def test_scenario_questions_are_worth_one_point_each(answers, total):
    results, points, max_points = q.grade([SCENARIO, SINGLE], {**answers, "single": ["a"]})

    assert max_points == 4
    assert [result["id"] for result in results] == ["case-1", "case-2", "case-3", "single"]
    assert points == Decimal(total) + 1


@pytest.mark.parametrize(
    ("points", "max_points", "expected"),
    [
        ("79.5", 100, 79),
        ("7.95", 10, 79),
        ("7.999", 10, 79),
        ("8", 10, 80),
        ("0.667", 1, 66),
        ("2", 3, 66),
        ("3", 3, 100),
        ("0", 5, 0),
        ("0", 0, 0),
    ],
)
def test_percent_rounds_down(points, max_points, expected):
    assert q.percent(Decimal(points), max_points) == expected


def twenty_questions() -> list[dict]:
    """19 true/false statements and one partial-credit question with 10 correct choices."""
    items = [{"id": f"tf{i}", "type": "true_false", "answer": True} for i in range(19)]
    items.append(
        {
            "id": "partial",
            "type": "multiple_choice",
            "scoring": "partial",
            "choices": [{"id": f"c{i}", "text": str(i), "correct": i < 10} for i in range(12)],
        }
    )
    return items


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("right_statements", "partial_choices", "pass_mark", "score", "passed"),
    [
        pytest.param(15, 9, 80, 79, False, id="79.5-percent-fails-80"),
        pytest.param(15, 10, 80, 80, True, id="exactly-80-percent-passes-80"),
        pytest.param(15, 9, 79, 79, True, id="79.5-percent-passes-79"),
        pytest.param(19, 10, 100, 100, True, id="all-right-passes-100"),
        pytest.param(19, 9, 100, 99, False, id="99.5-percent-fails-100"),
    ],
)
def test_pass_compares_exact_points_with_the_pass_mark(
    trainee, right_statements, partial_choices, pass_mark, score, passed
):
    items = twenty_questions()
    attempt = Attempt.objects.create(user=trainee, language="en", questions=items, pass_mark=pass_mark)
    post = {f"q-tf{i}": [q.TRUE if i < right_statements else q.FALSE] for i in range(19)}
    post["q-partial"] = [f"c{i}" for i in range(partial_choices)]

    attempt, graded = services.attempt_submit(attempt=attempt, post=as_querydict(post))

    assert graded is True
    assert (attempt.score, attempt.passed, attempt.max_points) == (score, passed, 20)
