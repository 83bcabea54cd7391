"""Drawing, snapshotting and grading questions: plain functions on plain data.

An attempt stores its questions as a snapshot (a list of dicts) taken from the page revision
it was started on; grading reads only that snapshot and the submitted answer ids. The
attempt records which snapshot format it holds (``Attempt.snapshot_version``), so the format
can change without breaking the grading of attempts taken before the change.
"""

import functools
import random
from collections.abc import Collection, Sequence
from decimal import ROUND_DOWN, ROUND_HALF_UP, Decimal

ANSWER_PREFIX = "q-"
TRUE, FALSE = "true", "false"

# The format ``draw`` writes. A new format gets a new number and its own grader in ``_GRADERS``;
# the old grader stays for the attempts stored in the old format.
# 1: choices in the order written. 2: choices in the order drawn for the attempt (shuffled unless
# the assessment or the question keeps the written order); the order is the list's order.
SNAPSHOT_VERSION = 2

CHOICE_TYPES = ("single_choice", "multiple_choice")


class InvalidAnswers(ValueError):
    """The submission names a question or an answer that is not part of the attempt."""


class UnknownSnapshotVersion(ValueError):
    """An attempt stored in a snapshot format this code cannot grade."""


def _choices(list_value) -> list[dict]:
    return [
        {"id": str(child.id), "text": child.value["text"], "correct": bool(child.value["is_correct"])}
        for child in list_value.bound_blocks
    ]


def snapshot_question(block_type: str, block_id: str, value, *, rng: random.Random | None = None) -> dict:
    """A question block as plain data, keeping the ids that answers refer to.

    With ``rng``, a choice question's choices are stored in an order drawn from it, unless the
    question keeps its written order. Choices are identified by block id, which every
    translation shares, so the drawn order is the same in every language."""
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
            "questions": [
                snapshot_question(child.block_type, child.id, child.value, rng=rng) for child in value["questions"]
            ],
        }
    choices = _choices(value["choices"])
    if rng is not None and not value.get("keep_order"):
        rng.shuffle(choices)
    return {
        "id": str(block_id),
        "type": block_type,
        "text": value["question"],
        "choices": choices,
        "scoring": value.get("scoring", "all_or_nothing"),
        "explanation": value["explanation"],
    }


def draw(
    stream,
    *,
    per_attempt: int,
    rng: random.Random | None = None,
    shuffle_choices: bool = True,
    earlier: Sequence[Collection[str]] = (),
) -> list[dict]:
    """Draw an attempt's items: each pool contributes its `draw` count, then at most
    `per_attempt` items are kept (0 keeps all). Returns snapshots in the order shown, each
    choice question's choices shuffled (``shuffle_choices``) unless it keeps its order.

    ``earlier`` holds the item ids of the trainee's earlier attempts: items they have not met
    come first, so where a pool holds twice what it draws a retake shares none of the last
    attempt's items, and never more than half of any earlier attempt's."""
    rng = rng or random.SystemRandom()
    choose = functools.partial(_fresh_first, earlier=earlier) if earlier else _plain_sample
    candidates = []
    for block in stream:
        if block.block_type == "pool":
            members = list(block.value["questions"])
            candidates.extend(choose(members, min(block.value["draw"], len(members)), rng))
        else:
            candidates.append(block)
    if per_attempt and len(candidates) > per_attempt:
        candidates = choose(candidates, per_attempt, rng)
    else:
        rng.shuffle(candidates)
    choice_rng = rng if shuffle_choices else None
    return [snapshot_question(block.block_type, block.id, block.value, rng=choice_rng) for block in candidates]


def _plain_sample(blocks: list, count: int, rng: random.Random) -> list:
    return rng.sample(blocks, count)


def _fresh_first(blocks: list, count: int, rng: random.Random, *, earlier: Sequence[Collection[str]]) -> list:
    """``count`` of ``blocks``, one at a time: the least met in earlier attempts, then the one
    adding least to the biggest overlap with any earlier attempt, at random among equals."""
    remaining = rng.sample(blocks, len(blocks))  # a random order breaks the ties
    overlap = [0] * len(earlier)
    chosen = []
    for _slot in range(count):
        best = min(remaining, key=functools.partial(_repeat_cost, earlier=earlier, overlap=overlap))
        remaining.remove(best)
        chosen.append(best)
        overlap = [shared + (str(best.id) in attempt) for shared, attempt in zip(overlap, earlier, strict=True)]
    return rng.sample(chosen, len(chosen))  # shown in a random order, not the fresh ones first


def _repeat_cost(block, *, earlier: Sequence[Collection[str]], overlap: list[int]) -> tuple[int, int]:
    met = [str(block.id) in attempt for attempt in earlier]
    return sum(met), max(shared + was_met for shared, was_met in zip(overlap, met, strict=True))


def most_drawn(stream) -> int:
    """How many items an attempt can draw from ``stream`` at most: one per question or
    scenario, a pool's ``draw`` (never more than it holds)."""
    total = 0
    for block in stream:
        if block.block_type == "pool":
            total += min(block.value["draw"] or 0, len(block.value["questions"]))
        else:
            total += 1
    return total


def questions_asked(stream, *, per_attempt: int) -> tuple[int, int]:
    """The fewest and the most graded questions an attempt can hold: a case study brings its
    own questions, so ten items drawn may be eleven or twelve questions."""
    slots = []  # per item an attempt may draw, the questions it brings; with how many are drawn
    drawn = 0
    for block in stream:
        members = list(block.value["questions"]) if block.block_type == "pool" else [block]
        count = min(block.value["draw"] or 0, len(members)) if block.block_type == "pool" else 1
        sizes = sorted(len(m.value["questions"]) if m.block_type == "scenario" else 1 for m in members)
        slots.append((sizes, count))
        drawn += count
    if per_attempt and drawn > per_attempt:
        # The cut keeps any ``per_attempt`` of the drawn items: bound by the smallest and largest.
        every = sorted(size for sizes, _count in slots for size in sizes)
        return sum(every[:per_attempt]), sum(every[-per_attempt:])
    return sum(sum(sizes[:count]) for sizes, count in slots), sum(
        sum(sizes[len(sizes) - count :]) for sizes, count in slots
    )


def iter_choice_blocks(stream):
    """Every choice question block of a stream (values), inside scenarios and pools too."""
    for block in stream:
        if block.block_type in CHOICE_TYPES:
            yield block.value
        elif block.block_type in ("scenario", "pool"):
            yield from iter_choice_blocks(block.value["questions"])


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
    return _read_answers(post, items, strict=True)


def answers_kept(post, items: list[dict]) -> dict[str, list[str]]:
    """The answers of a form submission that belong to the attempt, for saving as the trainee
    goes: unknown questions and choices are dropped, and so is a single-answer question given
    several answers (which of them was meant cannot be told). Never raises."""
    return _read_answers(post, items, strict=False)


def _read_answers(post, items: list[dict], *, strict: bool) -> dict[str, list[str]]:
    questions = {question["id"]: question for question in iter_questions(items)}
    answers: dict[str, list[str]] = {}
    for key in post:
        if not key.startswith(ANSWER_PREFIX):
            continue
        question_id = key[len(ANSWER_PREFIX) :]
        question = questions.get(question_id)
        if question is None:
            if strict:
                raise InvalidAnswers(f"unknown question {question_id!r}")
            continue
        values = [value for value in post.getlist(key) if value != ""]
        allowed = allowed_values(question)
        if not set(values) <= allowed:
            if strict:
                raise InvalidAnswers(f"unknown answer for question {question_id!r}")
            values = [value for value in values if value in allowed]
        if question["type"] != "multiple_choice" and len(values if strict else set(values)) > 1:
            if strict:
                raise InvalidAnswers(f"several answers for single-answer question {question_id!r}")
            continue
        if values:
            answers[question_id] = sorted(set(values))
    return answers


def numbered_questions(items: list[dict]):
    """Every gradable question with the number the attempt page shows it under: "3" for the
    third item, "4.2" for the second question of the case study shown fourth."""
    for number, item in enumerate(items, start=1):
        if item["type"] == "scenario":
            for sub, question in enumerate(item["questions"], start=1):
                yield f"{number}.{sub}", question
        else:
            yield str(number), item


def unanswered(items: list[dict], answers: dict[str, list[str]]) -> list[tuple[str, str]]:
    """(number shown, question id) of each question ``answers`` leaves blank, in page order."""
    return [
        (number, question["id"]) for number, question in numbered_questions(items) if not answers.get(question["id"])
    ]


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


def _grade_v2(items: list[dict], answers: dict[str, list[str]]) -> tuple[list[dict], Decimal, int]:
    # Version 2 only reorders the stored choices; answers name choices by id, so the points are
    # exactly version 1's (the ``correct`` lists follow the order shown).
    return _grade_v1(items, answers)


_GRADERS = {1: _grade_v1, 2: _grade_v2}


def passes(points: Decimal, max_points: int, pass_mark: int) -> bool:
    """Whether a graded attempt reaches the pass mark (%), compared unrounded."""
    return max_points > 0 and points * 100 >= pass_mark * max_points


def percent(points: Decimal, max_points: int) -> int:
    if not max_points:
        return 0
    # Rounded down, so a score shown as 80 % never hides 79.5 %.
    return int((Decimal(100) * points / Decimal(max_points)).quantize(Decimal(1), rounding=ROUND_DOWN))
