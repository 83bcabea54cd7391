"""bench.guessing on hand-made pools whose answers are known."""

import pytest

from assessments import grading as q
from assessments.models import AssessmentPage
from bench import guessing
from tests.assessments.builders import build_assessment, choice, multiple_choice, pool, scenario, true_false
from tests.factories import build_course

STREAM_BLOCK = AssessmentPage._meta.get_field("questions").stream_block
DRAWS = 200


def single(block_id: str, texts: list[str], correct: int) -> dict:
    return {
        "type": "single_choice",
        "id": block_id,
        "value": {
            "question": f"Question {block_id}?",
            "choices": [choice(f"{block_id}-{n}", text, n == correct) for n, text in enumerate(texts)],
            "explanation": "Because.",
        },
    }


def longest_is_right(block_id: str) -> dict:
    """The right answer is the longest, in the middle, so neither first nor last finds it."""
    return single(block_id, ["No.", "Yes, with every condition spelled out.", "Never."], correct=1)


def assessment(
    raw: list[dict], *, per_attempt: int = 0, pass_mark: int = 80, language: str = "en", shuffle: bool = False
):
    """A hand-made assessment; its options stay in the written order unless ``shuffle``."""
    return guessing.Assessment(
        course="hand-made",
        language=language,
        questions=STREAM_BLOCK.to_python(raw),
        per_attempt=per_attempt,
        pass_mark=pass_mark,
        shuffle_choices=shuffle,
    )


LONGEST_POOL = [pool("pool", 3, [longest_is_right(f"q{n}") for n in range(6)])]


@pytest.mark.parametrize(("strategy", "score"), [("longest", 100), ("first", 0), ("last", 0)])
def test_a_pool_whose_right_answer_is_the_longest(strategy, score):
    cell = guessing.play(assessment(LONGEST_POOL), strategy, draws=DRAWS)

    assert cell.mean_score == score
    assert cell.pass_rate == (1 if score == 100 else 0)
    assert cell.meets_targets is (score < 80)


def test_the_longest_option_is_measured_on_the_languages_own_text():
    # Longest in English, shortest once translated: the strategy must read the shown text.
    english = single("q", ["Yes, with every condition spelled out.", "No."], correct=0)
    translated = single("q", ["Да.", "Нет, ни при каких обстоятельствах и условиях."], correct=0)

    assert guessing.play(assessment([english]), "longest", draws=DRAWS).mean_score == 100
    assert guessing.play(assessment([translated], language="ru"), "longest", draws=DRAWS).mean_score == 0


def test_set_strategies_on_a_multiple_choice_question_graded_with_partial_credit():
    every_option_right = [multiple_choice("mc", correct="abc", letters="abc", scoring="partial")]

    assert guessing.play(assessment(every_option_right), "all", draws=DRAWS).mean_score == 100
    all_but_last = guessing.play(assessment(every_option_right), "all-but-last", draws=DRAWS)
    assert all_but_last.mean_score == pytest.approx(66.7, abs=0.1)  # two of three, rounded as grade() does
    assert all_but_last.pass_rate == 0


def test_pattern_plays_the_old_seed_items_habits_together():
    """The longest single answer, all but the last of a multiple choice, False: each finds a
    third of this pool, together they find all of it."""
    habits = [
        longest_is_right("sc"),
        multiple_choice("mc", correct="abc", letters="abcd"),
        true_false("tf", is_true=False),
    ]

    assert guessing.play(assessment(habits), "pattern", draws=DRAWS).mean_score == 100
    for strategy in ("longest", "all-but-last", "first", "last"):
        assert guessing.play(assessment(habits), strategy, draws=DRAWS).mean_score < 80, strategy


def test_last_option_wrong_is_found_by_all_but_last():
    last_is_wrong = [multiple_choice("mc", correct="abc", letters="abcd")]

    assert guessing.play(assessment(last_is_wrong), "all-but-last", draws=DRAWS).pass_rate == 1
    assert guessing.play(assessment(last_is_wrong), "all", draws=DRAWS).pass_rate == 0


def test_true_false_options_are_true_then_false_with_the_languages_labels():
    false_statement = [true_false("tf", is_true=False)]

    assert guessing.play(assessment(false_statement), "last", draws=DRAWS).mean_score == 100
    assert guessing.play(assessment(false_statement), "first", draws=DRAWS).mean_score == 0
    # "False" is longer than "True" in English.
    assert guessing.play(assessment(false_statement), "longest", draws=DRAWS).mean_score == 100


def test_scenario_questions_are_answered_and_graded_one_point_each():
    case = [scenario("case", [longest_is_right("c1"), true_false("c2", is_true=True)])]

    assert guessing.play(assessment(case), "longest", draws=DRAWS).mean_score == 50  # "False" is wrong


def test_random_choice_scores_chance_on_average():
    two_options = [pool("pool", 1, [single(f"q{n}", ["A", "B"], correct=n % 2) for n in range(4)])]

    cell = guessing.play(assessment(two_options), "random", draws=2000)

    assert cell.mean_score == pytest.approx(50, abs=4)  # binomial sd at 2000 draws: 1.1 points


def test_the_pass_mark_is_the_attempts_rule():
    # Eight of ten right for "first": exactly 80 % passes a pass mark of 80, not of 81.
    stream = [single(f"q{n}", ["A", "B"], correct=0 if n < 8 else 1) for n in range(10)]

    at_80 = guessing.play(assessment(stream, pass_mark=80), "first", draws=10)
    at_81 = guessing.play(assessment(stream, pass_mark=81), "first", draws=10)

    assert (at_80.mean_score, at_80.pass_rate, at_81.pass_rate) == (80, 1, 0)
    assert not at_80.meets_targets  # the mean is not below the pass mark, and every attempt passed
    assert at_81.meets_targets


def test_strategies_follow_the_order_the_attempt_presents(monkeypatch):
    """When the attempt shows the options in another order (shuffled), "first" is the first shown."""
    real_draw = q.draw

    def reversed_options(*args, **kwargs):
        items = real_draw(*args, **kwargs)
        for question in q.iter_questions(items):
            question["choices"].reverse()
        return items

    monkeypatch.setattr(q, "draw", reversed_options)
    first_is_right = [single("q", ["Right", "Wrong", "Wrong too"], correct=0)]

    assert guessing.play(assessment(first_is_right), "first", draws=DRAWS).mean_score == 0
    assert guessing.play(assessment(first_is_right), "last", draws=DRAWS).mean_score == 100


def test_a_cell_is_deterministic_and_independent_of_the_others():
    pools = [pool("pool", 2, [single(f"q{n}", ["A", "B", "C"], correct=n % 3) for n in range(6)])]

    alone = guessing.play(assessment(pools), "random", draws=DRAWS)
    among_others = guessing.measure([assessment(pools), assessment(LONGEST_POOL, language="ru")], draws=DRAWS)

    assert alone == guessing.play(assessment(pools), "random", draws=DRAWS)
    assert alone in among_others
    assert len(among_others) == 2 * len(guessing.STRATEGIES)


def test_the_table_names_the_cells_that_miss_the_targets():
    # Ten questions of three options: chance passes 8 of 10 in well under one attempt in 1000.
    cells = guessing.measure([assessment([longest_is_right(f"q{n}") for n in range(10)])], draws=20)

    table = guessing.format_table(cells)

    assert "longest       hand-made" in table
    assert table.count("MISSED") == 2  # "longest", and "pattern", which takes the longest single answer
    assert "2 of 7 cells miss the targets" in table


@pytest.mark.django_db
def test_the_bench_reads_every_live_assessment_page_and_exits_1_on_a_missed_target(capsys):
    course = build_course(title="Guessing course")
    build_assessment(course, stream=LONGEST_POOL, questions_per_attempt=2, pass_mark=70)

    (found,) = guessing.live_assessments()
    status = guessing.main(["--draws", "20"])

    assert (found.course, found.language, found.per_attempt, found.pass_mark) == (course.slug, "en", 2, 70)
    assert status == 1
    assert "longest       " + course.slug in capsys.readouterr().out


@pytest.mark.django_db
def test_the_bench_without_assessment_pages_says_how_to_seed_them(capsys):
    assert guessing.main(["--draws", "1"]) == 2
    assert "seed_demo" in capsys.readouterr().err
