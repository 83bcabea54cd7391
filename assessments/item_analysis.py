"""Item analysis of an assessment: plain functions over graded attempts.

Each attempt contributes, per question it drew, the points grading gave it (0 to 1, stored in
``Attempt.results`` by ``grading.grade``: how a right answer is judged is grading's rule, never
restated here) and the options the trainee chose.

- facility: the mean points of a question, i.e. the share of trainees answering it right
  (a partial-credit question counts its partial points);
- discrimination: the Pearson correlation between the question's points and the *rest score*
  (the attempt's points without this question, as a share of the other questions' maximum),
  the corrected point-biserial. The rest score is used rather than the total so that a question
  is not correlated with itself, which inflates the figure on short assessments.
- option counts, the number of responses, and all of it again per attempt language.

Sums are accumulated row by row, so 300,000 attempts need no more memory than 30.
"""

import math
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

from assessments import grading as q

# Below this many responses a correlation says nothing: discrimination is left unknown (None).
MIN_RESPONSES_FOR_DISCRIMINATION = 10
LOW_DISCRIMINATION = 0.2
TOO_EASY = 0.95
TOO_HARD = 0.2
# A mistranslated question shows as a facility gap between languages with enough responses.
LANGUAGE_GAP = 0.15
MIN_RESPONSES_PER_LANGUAGE = 30

FLAG_LOW_DISCRIMINATION = "low_discrimination"
FLAG_TOO_EASY = "too_easy"
FLAG_TOO_HARD = "too_hard"
FLAG_LANGUAGE_GAP = "language_gap"


@dataclass(frozen=True)
class AttemptRow:
    """What item analysis needs of one graded attempt."""

    language: str
    points: float
    max_points: int
    results: list[dict]


@dataclass
class Sums:
    """Running sums for the facility, the rest-score correlation and the option counts, of one
    question in one language. The database can add them up as well (selectors, on PostgreSQL)."""

    n: int = 0
    points: float = 0.0
    pairs: int = 0  # responses with a rest score (the attempt had another question)
    sx: float = 0.0
    sy: float = 0.0
    sxx: float = 0.0
    syy: float = 0.0
    sxy: float = 0.0
    options: Counter = field(default_factory=Counter)

    def add(self, x: float, rest: float | None, chosen: Iterable[str]) -> None:
        self.n += 1
        self.points += x
        self.options.update(chosen)
        if rest is not None:
            self.pairs += 1
            self.sx += x
            self.sy += rest
            self.sxx += x * x
            self.syy += rest * rest
            self.sxy += x * rest

    def merge(self, other: "Sums") -> None:
        for name in ("n", "points", "pairs", "sx", "sy", "sxx", "syy", "sxy"):
            setattr(self, name, getattr(self, name) + getattr(other, name))
        self.options.update(other.options)

    def facility(self) -> float | None:
        return self.points / self.n if self.n else None

    def discrimination(self) -> float | None:
        if self.pairs < MIN_RESPONSES_FOR_DISCRIMINATION:
            return None
        n = self.pairs
        var_x = n * self.sxx - self.sx * self.sx
        var_y = n * self.syy - self.sy * self.sy
        if var_x <= 1e-9 or var_y <= 1e-9:  # everyone alike: no correlation to speak of
            return None
        return (n * self.sxy - self.sx * self.sy) / math.sqrt(var_x * var_y)


@dataclass(frozen=True)
class Figures:
    n: int
    facility: float | None
    discrimination: float | None
    options: dict[str, int]


@dataclass(frozen=True)
class ItemStats:
    question_id: str
    overall: Figures
    by_language: dict[str, Figures]
    flags: tuple[str, ...]
    language_gap: tuple[str, str, float] | None  # the two languages furthest apart, and by how much


def _figures(sums: Sums) -> Figures:
    return Figures(n=sums.n, facility=sums.facility(), discrimination=sums.discrimination(), options=dict(sums.options))


def item_points(result: dict) -> float:
    """The points grading stored for one question of an attempt."""
    return float(result.get("points") or 0)


def _rest_score(total: float, max_points: int, x: float) -> float | None:
    if max_points <= 1:
        return None
    return (total - x) / (max_points - 1)


def language_gap(by_language: dict[str, Figures]) -> tuple[str, str, float] | None:
    """The widest facility gap between two languages that each have enough responses."""
    counted = sorted(
        (figures.facility, language)
        for language, figures in by_language.items()
        if figures.n >= MIN_RESPONSES_PER_LANGUAGE and figures.facility is not None
    )
    if len(counted) < 2:
        return None
    (low, low_language), (high, high_language) = counted[0], counted[-1]
    return (high_language, low_language, high - low)


def flags_for(overall: Figures, gap: tuple[str, str, float] | None) -> tuple[str, ...]:
    flags = []
    if overall.discrimination is not None and overall.discrimination < LOW_DISCRIMINATION:
        flags.append(FLAG_LOW_DISCRIMINATION)
    if overall.facility is not None and overall.facility > TOO_EASY:
        flags.append(FLAG_TOO_EASY)
    if overall.facility is not None and overall.facility < TOO_HARD:
        flags.append(FLAG_TOO_HARD)
    if gap is not None and gap[2] > LANGUAGE_GAP:
        flags.append(FLAG_LANGUAGE_GAP)
    return tuple(flags)


@dataclass(frozen=True)
class Response:
    """One question of one graded attempt, as the sums count it (stored as an
    assessments.models.ItemResponse when the attempt is submitted)."""

    question_id: str
    points: float
    rest: float | None
    chosen: list[str]


def responses(row: AttemptRow) -> Iterator[Response]:
    """The responses of one graded attempt, one per question it drew."""
    total = float(row.points)
    for result in row.results:
        x = item_points(result)
        chosen = result.get("chosen")
        yield Response(
            question_id=result["id"],
            points=x,
            rest=_rest_score(total, row.max_points, x),
            chosen=list(chosen) if isinstance(chosen, list) else [],
        )


def sums_by_question_and_language(rows: Iterable[AttemptRow]) -> dict[tuple[str, str], Sums]:
    """The sums of every (question id, language) over graded attempts."""
    sums: dict[tuple[str, str], Sums] = {}
    for row in rows:
        for response in responses(row):
            key = (response.question_id, row.language)
            if key not in sums:
                sums[key] = Sums()
            sums[key].add(response.points, response.rest, response.chosen)
    return sums


def statistics(sums: dict[tuple[str, str], Sums]) -> dict[str, ItemStats]:
    """Item statistics per question id from the sums per (question id, language)."""
    overall: dict[str, Sums] = {}
    by_language: dict[str, dict[str, Figures]] = {}
    for (question_id, language), language_sums in sorted(sums.items()):
        overall.setdefault(question_id, Sums()).merge(language_sums)
        by_language.setdefault(question_id, {})[language] = _figures(language_sums)
    stats = {}
    for question_id, question_sums in overall.items():
        figures = _figures(question_sums)
        gap = language_gap(by_language[question_id])
        stats[question_id] = ItemStats(
            question_id=question_id,
            overall=figures,
            by_language=by_language[question_id],
            flags=flags_for(figures, gap),
            language_gap=gap,
        )
    return stats


def analyse(rows: Iterable[AttemptRow]) -> dict[str, ItemStats]:
    """Item statistics per question id, over graded attempts in every language."""
    return statistics(sums_by_question_and_language(rows))


# --- The questions an assessment asks today, for their texts and options ------------------------


@dataclass(frozen=True)
class Option:
    id: str
    text: str
    correct: bool


@dataclass(frozen=True)
class Question:
    id: str
    text: str
    options: tuple[Option, ...]


def assessment_questions(stream, *, true_label: str, false_label: str) -> Iterator[Question]:
    """Every gradable question of an assessment's stream in the editor's order, pools and
    scenarios opened, read through grading's snapshot so texts and answer keys are grading's."""
    blocks = []
    for block in stream:
        blocks.extend(block.value["questions"] if block.block_type == "pool" else [block])
    items = [q.snapshot_question(block.block_type, block.id, block.value) for block in blocks]
    for question in q.iter_questions(items):
        correct = set(q.correct_values(question))
        if question["type"] == "true_false":
            labels = [(q.TRUE, true_label), (q.FALSE, false_label)]
        else:
            labels = [(choice["id"], choice["text"]) for choice in question["choices"]]
        options = tuple(Option(id=value, text=text, correct=value in correct) for value, text in labels)
        yield Question(id=question["id"], text=question["text"], options=options)


# --- The table an editor reads ------------------------------------------------------------------


@dataclass(frozen=True)
class ItemRow:
    """One question of the table: where the assessment asks it (None once it left the
    assessment but old attempts still hold it), its text and options, and its figures."""

    position: int | None
    question_id: str
    question: Question | None
    stats: ItemStats | None

    @property
    def figures(self) -> Figures:
        return self.stats.overall if self.stats else Figures(n=0, facility=None, discrimination=None, options={})

    @property
    def flags(self) -> tuple[str, ...]:
        return self.stats.flags if self.stats else ()

    def language(self, language: str) -> Figures:
        if self.stats and language in self.stats.by_language:
            return self.stats.by_language[language]
        return Figures(n=0, facility=None, discrimination=None, options={})

    def options(self) -> list[tuple[Option, int]]:
        """The options with how often each was chosen; ids chosen in old attempts that the
        question no longer offers are listed after them, by id."""
        counts = self.figures.options
        known = list(self.question.options) if self.question else []
        listed = [(option, counts.get(option.id, 0)) for option in known]
        known_ids = {option.id for option in known}
        listed += [
            (Option(id=option_id, text=option_id, correct=False), count)
            for option_id, count in sorted(counts.items())
            if option_id not in known_ids
        ]
        return listed


def item_rows(questions: Iterable[Question], stats: dict[str, ItemStats]) -> list[ItemRow]:
    """The assessment's questions in order, then the ones only old attempts hold."""
    rows = []
    for position, question in enumerate(questions, start=1):
        rows.append(
            ItemRow(position=position, question_id=question.id, question=question, stats=stats.get(question.id))
        )
    asked = {row.question_id for row in rows}
    rows += [ItemRow(None, qid, None, stats[qid]) for qid in sorted(stats) if qid not in asked]
    return rows


def _figure_key(value: float | None, *, descending: bool):
    # Unknown figures (no responses, too few for a correlation) sort last either way.
    if value is None:
        return (1, 0.0)
    return (0, -value if descending else value)


SORTS = {
    "position": lambda row: (row.position is None, row.position or 0, row.question_id),
    "facility": lambda row: _figure_key(row.figures.facility, descending=False),
    "-facility": lambda row: _figure_key(row.figures.facility, descending=True),
    "discrimination": lambda row: _figure_key(row.figures.discrimination, descending=False),
    "-discrimination": lambda row: _figure_key(row.figures.discrimination, descending=True),
    "responses": lambda row: row.figures.n,
    "-responses": lambda row: -row.figures.n,
    "flags": lambda row: -len(row.flags),
}
DEFAULT_SORT = "position"


def sort_key(requested: str | None) -> str:
    """The sort asked for, or the default for anything else (never an error)."""
    return requested if requested in SORTS else DEFAULT_SORT


def sorted_rows(rows: list[ItemRow], sort: str) -> list[ItemRow]:
    # Ties keep the assessment's order.
    by_position = sorted(rows, key=SORTS[DEFAULT_SORT])
    return sorted(by_position, key=SORTS[sort_key(sort)])
