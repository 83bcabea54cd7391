"""Guessing bench: naive strategies against every assessment in every language.

    DJANGO_DEBUG=1 [DATABASE_URL=…] .venv/bin/python -m bench.guessing [--draws 2000] [--seed 13]
        [--written-order]

The database must hold the seed content in every language (``manage.py seed_demo`` then
``manage.py seed_translations import``): the bench reads the live assessment pages, so each
language is played with its own texts (the "longest" option differs between languages).

Each strategy answers an attempt drawn exactly as a trainee's is (``grading.draw`` with the
page's questions per attempt) and the attempt is graded by ``grading.grade`` against the
page's pass mark, ``--draws`` times per (strategy, course, language), from a seeded RNG, so
the table is the same on every run. ``--written-order`` plays every page as if its options
were not shuffled (as before issue 13): what the items themselves give away. Strategies see the
options in the order the attempt presents them (the snapshot's order), so they keep measuring
what a trainee would see if the options are shuffled per attempt.

Targets, for every cell: the mean score below the pass mark and fewer than 5 % of the
attempts passed. Exit status 0 when every cell meets them, 1 when one is missed.
"""

import argparse
import os
import random
import sys
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from decimal import Decimal

import django
from django.utils import translation
from django.utils.translation import gettext

from assessments import grading as q

MAX_PASS_RATE = 0.05

Option = tuple[str, str]  # (answer value, label the trainee reads)
Strategy = Callable[[list[Option], bool, random.Random], list[str]]


def options(question: dict) -> list[Option]:
    """A question's answers in the order the attempt page shows them (true/false as the view
    labels them, in the active language)."""
    if question["type"] == "true_false":
        return [(q.TRUE, gettext("True")), (q.FALSE, gettext("False"))]
    return [(choice["id"], choice["text"]) for choice in question["choices"]]


def _one_at_random(opts: list[Option], rng: random.Random) -> list[str]:
    return [rng.choice(opts)[0]]


def longest(opts, multiple, rng):
    return [max(opts, key=lambda option: len(option[1].strip()))[0]]


def first(opts, multiple, rng):
    return [opts[0][0]]


def last(opts, multiple, rng):
    return [opts[-1][0]]


# A single-answer question takes one answer only: the two set strategies guess at random
# there, so they measure the multiple-choice pattern on top of chance elsewhere.
def all_but_last(opts, multiple, rng):
    return [value for value, _label in opts[:-1]] if multiple else _one_at_random(opts, rng)


def all_options(opts, multiple, rng):
    return [value for value, _label in opts] if multiple else _one_at_random(opts, rng)


def random_choice(opts, multiple, rng):
    if not multiple:
        return _one_at_random(opts, rng)
    return [value for value, _label in rng.sample(opts, rng.randint(1, len(opts)))]


def pattern(opts, multiple, rng):
    """The review's cynical trainee: the longest single answer, every option but the last
    where several are asked for, and "False" for a statement (most of the old keys)."""
    if multiple:
        return all_but_last(opts, multiple, rng)
    if [value for value, _label in opts] == [q.TRUE, q.FALSE]:
        return [q.FALSE]
    return longest(opts, multiple, rng)


STRATEGIES: dict[str, Strategy] = {
    "longest": longest,
    "first": first,
    "last": last,
    "all-but-last": all_but_last,
    "all": all_options,
    "random": random_choice,
    "pattern": pattern,
}


@dataclass(frozen=True)
class Assessment:
    """One assessment in one language, as a trainee meets it."""

    course: str
    language: str
    questions: object  # the page's StreamValue (pools and questions)
    per_attempt: int
    pass_mark: int
    shuffle_choices: bool = True  # the page's setting: options in a drawn order, as attempts show them


@dataclass(frozen=True)
class Cell:
    strategy: str
    course: str
    language: str
    pass_mark: int
    mean_score: float  # %, unrounded
    pass_rate: float  # share of draws passed, 0 to 1

    @property
    def meets_targets(self) -> bool:
        return self.mean_score < self.pass_mark and self.pass_rate < MAX_PASS_RATE

    @property
    def key(self) -> tuple[str, str, str]:
        return (self.strategy, self.course, self.language)


def answer(items: list[dict], strategy: Strategy, rng: random.Random) -> dict[str, list[str]]:
    return {
        question["id"]: sorted(set(strategy(options(question), question["type"] == "multiple_choice", rng)))
        for question in q.iter_questions(items)
    }


def play(assessment: Assessment, strategy_name: str, *, draws: int, seed: int = 13) -> Cell:
    """``draws`` attempts answered by one strategy; the RNG is seeded by the cell, so one cell
    gives the same figures whichever others are played."""
    strategy = STRATEGIES[strategy_name]
    rng = random.Random(f"{seed}/{assessment.course}/{assessment.language}/{strategy_name}")
    total_score = Decimal(0)
    passed = 0
    with translation.override(assessment.language):
        for _draw in range(draws):
            items = q.draw(
                assessment.questions,
                per_attempt=assessment.per_attempt,
                rng=rng,
                shuffle_choices=assessment.shuffle_choices,
            )
            _results, points, max_points = q.grade(items, answer(items, strategy, rng))
            total_score += Decimal(100) * points / max_points
            passed += q.passes(points, max_points, assessment.pass_mark)
    return Cell(
        strategy=strategy_name,
        course=assessment.course,
        language=assessment.language,
        pass_mark=assessment.pass_mark,
        mean_score=float(total_score / draws),
        pass_rate=passed / draws,
    )


def measure(assessments: Iterable[Assessment], *, draws: int, seed: int = 13) -> list[Cell]:
    return [
        play(assessment, name, draws=draws, seed=seed)
        for name in STRATEGIES
        for assessment in sorted(assessments, key=lambda a: (a.course, a.language))
    ]


def format_table(cells: list[Cell]) -> str:
    lines = [
        f"{'strategy':13} {'course':30} {'lang':4} {'pass mark':>9} {'mean score':>10} {'passed':>7}  target",
    ]
    for cell in cells:
        verdict = "ok" if cell.meets_targets else "MISSED"
        lines.append(
            f"{cell.strategy:13} {cell.course:30} {cell.language:4} {cell.pass_mark:>8}% "
            f"{cell.mean_score:>9.1f}% {100 * cell.pass_rate:>6.1f}%  {verdict}"
        )
    missed = sum(not cell.meets_targets for cell in cells)
    lines.append(
        f"\n{missed} of {len(cells)} cells miss the targets "
        f"(mean score < pass mark and under {MAX_PASS_RATE:.0%} of attempts passed)."
    )
    return "\n".join(lines)


def live_assessments(*, written_order: bool = False) -> list[Assessment]:
    """Every live assessment page of the database, in every locale."""
    # Models load only after django.setup(), which main's caller runs (as bench/reports.py does).
    from assessments.models import AssessmentPage

    pages = AssessmentPage.objects.live().select_related("locale").order_by("path")
    return [
        Assessment(
            course=page.get_parent().slug,
            language=page.locale.language_code,
            questions=page.questions,
            per_attempt=page.questions_per_attempt,
            pass_mark=page.pass_mark,
            shuffle_choices=page.shuffle_choices and not written_order,
        )
        for page in pages
    ]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--draws", type=int, default=2000, help="Attempts per strategy, course and language.")
    parser.add_argument("--seed", type=int, default=13)
    parser.add_argument(
        "--written-order", action="store_true", help="Show every question's options in the order written."
    )
    args = parser.parse_args(argv)
    assessments = live_assessments(written_order=args.written_order)
    if not assessments:
        print("No live assessment page: run manage.py seed_demo and seed_translations import.", file=sys.stderr)
        return 2
    cells = measure(assessments, draws=args.draws, seed=args.seed)
    print(format_table(cells))
    return 0 if all(cell.meets_targets for cell in cells) else 1


if __name__ == "__main__":
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    django.setup()
    sys.exit(main())
