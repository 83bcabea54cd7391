"""Drawing, snapshotting and grading questions: plain functions on plain data.

An attempt stores its questions as a snapshot (a list of dicts) taken from the page revision
it was started on; grading reads only that snapshot and the submitted answer ids. The
attempt records which snapshot format it holds (``Attempt.snapshot_version``), so the format
can change without breaking the grading of attempts taken before the change.
"""

import random
from decimal import ROUND_DOWN, ROUND_HALF_UP, Decimal

ANSWER_PREFIX = "q-"
TRUE, FALSE = "true", "false"

# The format ``draw`` writes. A new format gets a new number and its own grader in ``_GRADERS``;
# the old grader stays for the attempts stored in the old format.
SNAPSHOT_VERSION = 1


class InvalidAnswers(ValueError):
    """The submission names a question or an answer that is not part of the attempt."""


class UnknownSnapshotVersion(ValueError):
    """An attempt stored in a snapshot format this code cannot grade."""


def _choices(list_value) -> list[dict]:
    return [
        {"id": str(child.id), "text": child.value["text"], "correct": bool(child.value["is_correct"])}
        for child in list_value.bound_blocks
    ]


def snapshot_question(block_type: str, block_id: str, value) -> dict:
    """A question block as plain data, keeping the ids that answers refer to."""
    if block_type == "true_false":
        return {
            "id": str(block_id),
            "type": block_type,
            "text": value["statement"],
            "answer": bool(value["is_true"]),
            "explanation": value["explanation"],
        }
    if block_type == "scenario":
        return {
            "id": str(block_id),
            "type": block_type,
            "case": value["case"].source,
            "questions": [snapshot_question(child.block_type, child.id, child.value) for child in value["questions"]],
        }
    return {
        "id": str(block_id),
        "type": block_type,
        "text": value["question"],
        "choices": _choices(value["choices"]),
        "scoring": value.get("scoring", "all_or_nothing"),
        "explanation": value["explanation"],
    }


def draw(stream, *, per_attempt: int, rng: random.Random | None = None) -> list[dict]:
    """Draw an attempt's items: each pool contributes its `draw` count, then at most
    `per_attempt` items are kept (0 keeps all). Returns snapshots in the order shown."""
    rng = rng or random.SystemRandom()
    candidates = []
    for block in stream:
        if block.block_type == "pool":
            members = list(block.value["questions"])
            candidates.extend(rng.sample(members, min(block.value["draw"], len(members))))
        else:
            candidates.append(block)
    if per_attempt and len(candidates) > per_attempt:
        candidates = rng.sample(candidates, per_attempt)
    else:
        rng.shuffle(candidates)
    return [snapshot_question(block.block_type, block.id, block.value) for block in candidates]


def iter_questions(items: list[dict]):
    """Every gradable question of an attempt, scenario questions included (one point each)."""
    for item in items:
        if item["type"] == "scenario":
            yield from item["questions"]
        else:
            yield item


def allowed_values(question: dict) -> set[str]:
    if question["type"] == "true_false":
        return {TRUE, FALSE}
    return {choice["id"] for choice in question["choices"]}


def answers_from_post(post, items: list[dict]) -> dict[str, list[str]]:
    """Extract and check answers from a form submission.

    Raises InvalidAnswers if it names a question outside the attempt, an answer that is not
    one of the question's choices, or several answers to a single-answer question.
    """
    questions = {question["id"]: question for question in iter_questions(items)}
    answers: dict[str, list[str]] = {}
    for key in post:
        if not key.startswith(ANSWER_PREFIX):
            continue
        question_id = key[len(ANSWER_PREFIX) :]
        question = questions.get(question_id)
        if question is None:
            raise InvalidAnswers(f"unknown question {question_id!r}")
        values = [value for value in post.getlist(key) if value != ""]
        if not set(values) <= allowed_values(question):
            raise InvalidAnswers(f"unknown answer for question {question_id!r}")
        if question["type"] != "multiple_choice" and len(values) > 1:
            raise InvalidAnswers(f"several answers for single-answer question {question_id!r}")
        if values:
            answers[question_id] = sorted(set(values))
    return answers


def correct_values(question: dict) -> list[str]:
    if question["type"] == "true_false":
        return [TRUE if question["answer"] else FALSE]
    return [choice["id"] for choice in question["choices"] if choice["correct"]]


def grade_question(question: dict, chosen: list[str]) -> Decimal:
    """Points (0 to 1) for one question."""
    correct = set(correct_values(question))
    chosen_set = set(chosen)
    if question["type"] == "multiple_choice" and question.get("scoring") == "partial":
        right = len(chosen_set & correct)
        wrong = len(chosen_set - correct)
        return max(Decimal(0), Decimal(right - wrong) / Decimal(len(correct)))
    return Decimal(1) if chosen_set == correct else Decimal(0)


def grade(
    items: list[dict], answers: dict[str, list[str]], *, version: int = SNAPSHOT_VERSION
) -> tuple[list[dict], Decimal, int]:
    """Grade an attempt stored in snapshot format ``version``: per-question results, total
    points and maximum points."""
    grader = _GRADERS.get(version)
    if grader is None:
        raise UnknownSnapshotVersion(f"no grader for snapshot version {version!r}")
    return grader(items, answers)


def _grade_v1(items: list[dict], answers: dict[str, list[str]]) -> tuple[list[dict], Decimal, int]:
    results = []
    total = Decimal(0)
    for question in iter_questions(items):
        chosen = answers.get(question["id"], [])
        points = grade_question(question, chosen).quantize(Decimal("0.001"), rounding=ROUND_HALF_UP)
        total += points
        results.append(
            {"id": question["id"], "points": str(points), "chosen": chosen, "correct": correct_values(question)}
        )
    return results, total, len(results)


_GRADERS = {1: _grade_v1}


def passes(points: Decimal, max_points: int, pass_mark: int) -> bool:
    """Whether a graded attempt reaches the pass mark (%), compared unrounded."""
    return max_points > 0 and points * 100 >= pass_mark * max_points


def percent(points: Decimal, max_points: int) -> int:
    if not max_points:
        return 0
    # Rounded down, so a score shown as 80 % never hides 79.5 %.
    return int((Decimal(100) * points / Decimal(max_points)).quantize(Decimal(1), rounding=ROUND_DOWN))
