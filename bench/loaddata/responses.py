"""The answers a generated attempt stores, so that item analysis has something to find.

An attempt's items are drawn by ``grading.draw`` from the trainee's language version of the
real assessment (block ids are shared by the translations, so the ids are the default page's),
answered by the response model below, and graded by ``grading.grade``: the stored results,
points, score and pass are exactly what grading the stored answers gives.

The response model (a Rasch model, seeded):

* every question gets a difficulty ``d``: per assessment, ``HARD_QUESTIONS`` are hard
  (``HARD_DIFFICULTY``, among the questions scored all or nothing), ``EASY_QUESTIONS`` very easy
  (``EASY_DIFFICULTY``), the others normal around ``DIFFICULTY_MEAN``;
* every trainee an ability ``a`` (normal, ``ABILITY_MEAN``, ``ABILITY_SD``), growing by
  ``LEARNING`` with each earlier attempt at the same course;
* a question is answered right with probability ``1 / (1 + exp(SLOPE * (d - a)))``. A wrong answer is
  blank now and then (``BLANK``), else a distractor picked by its popularity (uneven, drawn once
  per question); a wrong multiple-choice answer is a set that misses a right option or adds a
  distractor (or both), so partial scoring has partial answers to score.
* the plan decided beforehand whether an attempt passes (certificates hang on that): answers
  that grade to the other side of the pass mark are drawn again with the ability nudged towards
  it (``NUDGE``), the way a trainee who passed did know more on the day.

The planted mistranslation: in Tajik, one question (``planted_question``: the second choice
question, outside case studies, of the first course's assessment in the editor's order) is
answered right ``PLANTED_GAP`` less often than the model says (those trainees choose its most
popular distractor), which is what the item analysis's language-gap flag should catch.
"""

import math
import random
from dataclasses import dataclass, field

from assessments import grading

SLOPE = 1.7  # the logistic's steepness: questions tell trainees apart about as well as a good test's
ABILITY_MEAN = 0.6
ABILITY_SD = 1.0
LEARNING = 0.2
DIFFICULTY_MEAN = -0.6
DIFFICULTY_SD = 0.6
HARD_QUESTIONS = 2
HARD_DIFFICULTY = (1.9, 2.3)  # about one trainee in ten answers right
EASY_QUESTIONS = 2
EASY_DIFFICULTY = (-3.4, -2.9)  # nearly everyone answers right
BLANK = 0.03  # of wrong answers
NUDGE = 0.3
MAX_DRAWS = 40
PLANTED_LANGUAGE = "tg"
PLANTED_GAP = 0.30
PLANTED_DIFFICULTY = -0.9  # a middling question, so that the gap is not hidden by a floor of zero


@dataclass(frozen=True)
class Planted:
    course_title: str
    question_id: str
    text: str
    language: str = PLANTED_LANGUAGE
    gap: float = PLANTED_GAP


@dataclass
class Quiz:
    """One assessment as the generator answers it."""

    streams: dict  # language -> the questions stream of that language's page
    default_language: str
    per_attempt: int
    shuffle_choices: bool
    difficulty: dict = field(default_factory=dict)  # question id -> difficulty
    popularity: dict = field(default_factory=dict)  # question id -> {distractor id: weight}
    planted: str | None = None  # the question id mistranslated in PLANTED_LANGUAGE

    def draw(self, language: str, rng: random.Random) -> list[dict]:
        stream = self.streams.get(language) or self.streams[self.default_language]
        return grading.draw(stream, per_attempt=self.per_attempt, rng=rng, shuffle_choices=self.shuffle_choices)

    @property
    def hard(self) -> list[str]:
        return [qid for qid, d in self.difficulty.items() if d >= HARD_DIFFICULTY[0]]

    @property
    def easy(self) -> list[str]:
        return [qid for qid, d in self.difficulty.items() if d <= EASY_DIFFICULTY[1]]


def questions_in_order(stream) -> list[dict]:
    """Every gradable question of a stream in the editor's order (pools and case studies
    opened), as grading snapshots them; case-study questions are marked ``in_case``."""
    questions = []
    for block in stream:
        members = block.value["questions"] if block.block_type == "pool" else [block]
        for member in members:
            item = grading.snapshot_question(member.block_type, member.id, member.value)
            if item["type"] == "scenario":
                questions += [dict(question, in_case=True) for question in item["questions"]]
            else:
                questions.append(item)
    return questions


def planted_question(stream) -> dict | None:
    choices = [q for q in questions_in_order(stream) if q["type"] in grading.CHOICE_TYPES and not q.get("in_case")]
    return choices[1] if len(choices) > 1 else (choices[0] if choices else None)


def build_quiz(streams: dict, *, default_language: str, per_attempt: int, shuffle_choices: bool, rng, plant: bool):
    quiz = Quiz(streams, default_language, per_attempt, shuffle_choices)
    questions = questions_in_order(streams[default_language])
    planted = planted_question(streams[default_language]) if plant else None
    others = [q for q in questions if planted is None or q["id"] != planted["id"]]
    rng.shuffle(others)
    # Partial credit for half-right sets would lift a hard question's facility out of sight: the
    # hard ones are scored all or nothing.
    others.sort(key=lambda q: q.get("scoring") == "partial")
    for n, question in enumerate(others):
        if n < HARD_QUESTIONS:
            quiz.difficulty[question["id"]] = rng.uniform(*HARD_DIFFICULTY)
        elif n < HARD_QUESTIONS + EASY_QUESTIONS:
            quiz.difficulty[question["id"]] = rng.uniform(*EASY_DIFFICULTY)
        else:
            quiz.difficulty[question["id"]] = rng.gauss(DIFFICULTY_MEAN, DIFFICULTY_SD)
    if planted is not None:
        quiz.planted = planted["id"]
        quiz.difficulty[planted["id"]] = PLANTED_DIFFICULTY
    for question in questions:
        if question["type"] in grading.CHOICE_TYPES:
            # Squared uniforms: one distractor tempts many, another almost nobody.
            quiz.popularity[question["id"]] = {
                choice["id"]: 0.02 + rng.random() ** 2 for choice in question["choices"] if not choice["correct"]
            }
    return quiz, planted


def _distractor(question: dict, quiz: Quiz, rng: random.Random, exclude=()) -> str | None:
    weights = quiz.popularity.get(question["id"]) or {c["id"]: 1.0 for c in question["choices"] if not c["correct"]}
    ids = [c["id"] for c in question["choices"] if c["id"] in weights and c["id"] not in exclude]
    if not ids:
        return None
    return rng.choices(ids, [weights[i] for i in ids])[0]


def _misleading(question: dict, quiz: Quiz) -> list[str]:
    weights = quiz.popularity.get(question["id"]) or {}
    if question["type"] == "true_false" or not weights:
        return [grading.FALSE if question.get("answer") else grading.TRUE] if question["type"] == "true_false" else []
    return [max(weights, key=weights.get)]


def _wrong(question: dict, quiz: Quiz, rng: random.Random) -> list[str]:
    if rng.random() < BLANK:
        return []
    if question["type"] == "true_false":
        return [grading.FALSE if question["answer"] else grading.TRUE]
    if question["type"] == "single_choice":
        chosen = _distractor(question, quiz, rng)
        return [chosen] if chosen else []
    correct = grading.correct_values(question)
    chosen = set(correct)
    if len(correct) > 1 and rng.random() < 0.6:
        chosen.discard(rng.choice(correct))
    if chosen == set(correct) or rng.random() < 0.5:
        extra = _distractor(question, quiz, rng, exclude=chosen)
        if extra:
            chosen.add(extra)
    return sorted(chosen)


def answer(items: list[dict], *, ability: float, language: str, quiz: Quiz, rng: random.Random) -> dict:
    """Answers to an attempt's items, as ``grading.answers_from_post`` would store them."""
    answers = {}
    for question in grading.iter_questions(items):
        qid = question["id"]
        right = 1 / (1 + math.exp(SLOPE * (quiz.difficulty.get(qid, DIFFICULTY_MEAN) - ability)))
        draw = rng.random()
        if qid == quiz.planted and language == PLANTED_LANGUAGE and draw < right:
            # The translation makes the most popular distractor read as the answer; as a whole
            # answer, so partial scoring gives it nothing either.
            chosen = grading.correct_values(question) if draw < right - PLANTED_GAP else _misleading(question, quiz)
        elif draw < right:
            chosen = grading.correct_values(question)
        else:
            chosen = _wrong(question, quiz, rng)
        if chosen:
            answers[qid] = sorted(chosen)
    return answers


def answered_attempt(
    items: list[dict], *, ability: float, language: str, quiz: Quiz, passed: bool, pass_mark: int, rng
):
    """Answers on the planned side of the pass mark, graded: (answers, results, points, max_points)."""
    for _draw in range(MAX_DRAWS):
        answers = answer(items, ability=ability, language=language, quiz=quiz, rng=rng)
        results, points, max_points = grading.grade(items, answers)
        if grading.passes(points, max_points, pass_mark) == passed:
            return answers, results, points, max_points
        ability += NUDGE if passed else -NUDGE
    # Not reached in practice (forty nudges make every answer right or wrong); kept so that the
    # plan is honoured whatever the assessment.
    answers = {q["id"]: grading.correct_values(q) for q in grading.iter_questions(items)} if passed else {}
    results, points, max_points = grading.grade(items, answers)
    return answers, results, points, max_points


class Responses:
    """The quizzes of a generation run and the abilities of its trainees, seeded."""

    def __init__(self, quizzes: dict, planted: Planted | None, seed: int):
        self.quizzes = quizzes  # assessment id -> Quiz
        self.planted = planted
        self.rng = random.Random(f"answers-{seed}")

    def ability(self) -> float:
        return self.rng.gauss(ABILITY_MEAN, ABILITY_SD)

    def attempt(self, assessment_id: int, *, language: str, ability: float, passed: bool, pass_mark: int):
        """Items, answers, results, points and max points of one attempt."""
        quiz = self.quizzes[assessment_id]
        items = quiz.draw(language, self.rng)
        answers, results, points, max_points = answered_attempt(
            items, ability=ability, language=language, quiz=quiz, passed=passed, pass_mark=pass_mark, rng=self.rng
        )
        return items, answers, results, points, max_points
