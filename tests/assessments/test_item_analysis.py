"""Item analysis on hand-computed data (assessments/item_analysis.py)."""

import pytest

from assessments import item_analysis as ia


def row(language: str = "en", **points) -> ia.AttemptRow:
    """An attempt with one result per keyword: question id -> points (1 right, 0 wrong);
    the chosen option is ``<id>-right`` or ``<id>-wrong``."""
    results = [
        {"id": qid, "points": f"{value:.3f}", "chosen": [f"{qid}-{'right' if value == 1 else 'wrong'}"]}
        for qid, value in points.items()
    ]
    return ia.AttemptRow(language=language, points=sum(points.values()), max_points=len(points), results=results)


def test_facility_is_the_share_right_and_options_are_counted():
    stats = ia.analyse([row(a=1), row(a=1), row(a=0), row(a=1)])
    figures = stats["a"].overall
    assert figures.n == 4
    assert figures.facility == pytest.approx(0.75)
    assert figures.options == {"a-right": 3, "a-wrong": 1}


def test_partial_credit_counts_its_points():
    stats = ia.analyse([row(a=0.5), row(a=1), row(a=0)])
    assert stats["a"].overall.facility == pytest.approx(0.5)


def test_discrimination_is_the_correlation_with_the_rest_score():
    # a: five right, five wrong; b (the rest score of a): right for four of a's right and one
    # of a's wrong. mean .5 each, cov = 4/10 - .25 = .15, var = .25 each: r = .6.
    a = [1] * 5 + [0] * 5
    b = [1, 1, 1, 1, 0, 1, 0, 0, 0, 0]
    stats = ia.analyse([row(a=x, b=y) for x, y in zip(a, b, strict=True)])
    assert stats["a"].overall.discrimination == pytest.approx(0.6)
    assert stats["b"].overall.discrimination == pytest.approx(0.6)
    assert ia.FLAG_LOW_DISCRIMINATION not in stats["a"].flags


def test_the_rest_score_leaves_the_item_itself_out():
    # With the total, a would correlate with itself; against the rest (b = 1 - a) it is -1.
    stats = ia.analyse([row(a=x, b=1 - x) for x in [1, 0] * 6])
    assert stats["a"].overall.discrimination == pytest.approx(-1.0)
    assert ia.FLAG_LOW_DISCRIMINATION in stats["a"].flags


def test_tiny_samples_have_no_discrimination():
    stats = ia.analyse([row(a=1, b=1), row(a=0, b=0), row(a=1, b=0)])
    assert stats["a"].overall.discrimination is None
    assert stats["a"].overall.facility == pytest.approx(2 / 3)
    assert ia.FLAG_LOW_DISCRIMINATION not in stats["a"].flags


def test_a_single_question_attempt_has_no_rest_score():
    stats = ia.analyse([row(a=x) for x in [1, 0] * 10])
    assert stats["a"].overall.discrimination is None


def test_everyone_right_is_too_easy_and_has_no_discrimination():
    stats = ia.analyse([row(a=1, b=x) for x in [1, 0] * 10])
    assert stats["a"].overall.discrimination is None
    assert stats["a"].flags == (ia.FLAG_TOO_EASY,)


def test_too_hard():
    stats = ia.analyse([row(a=1 if i < 1 else 0, b=1) for i in range(10)])
    assert stats["a"].overall.facility == pytest.approx(0.1)
    assert ia.FLAG_TOO_HARD in stats["a"].flags


def test_figures_per_language():
    stats = ia.analyse([row("en", a=1), row("en", a=1), row("ru", a=0), row("tg", a=1), row("ru", a=1)])
    by_language = stats["a"].by_language
    assert list(by_language) == ["en", "ru", "tg"]
    assert (by_language["en"].n, by_language["en"].facility) == (2, 1.0)
    assert (by_language["ru"].n, by_language["ru"].facility) == (2, 0.5)
    assert by_language["ru"].options == {"a-wrong": 1, "a-right": 1}


def language_rows(language: str, right: int, total: int) -> list[ia.AttemptRow]:
    return [row(language, a=1 if i < right else 0, b=1 if i % 2 else 0) for i in range(total)]


def test_a_planted_mistranslation_is_flagged():
    # en 27/30 = 90 %, ru 18/30 = 60 %: thirty points apart, thirty responses each.
    stats = ia.analyse(language_rows("en", 27, 30) + language_rows("ru", 18, 30) + language_rows("tg", 2, 5))
    item = stats["a"]
    assert ia.FLAG_LANGUAGE_GAP in item.flags
    high, low, gap = item.language_gap
    assert (high, low) == ("en", "ru")  # tg, far lower, has too few responses to count
    assert gap == pytest.approx(0.3)
    assert ia.FLAG_LANGUAGE_GAP not in stats["b"].flags


def test_a_gap_needs_thirty_responses_in_each_language():
    stats = ia.analyse(language_rows("en", 27, 30) + language_rows("ru", 17, 29))
    assert stats["a"].language_gap is None
    assert ia.FLAG_LANGUAGE_GAP not in stats["a"].flags


def test_a_gap_of_fifteen_points_or_less_is_not_flagged():
    # 36/40 = 90 %, 31/40 = 77.5 %: 12.5 points.
    stats = ia.analyse(language_rows("en", 36, 40) + language_rows("ru", 31, 40))
    assert stats["a"].language_gap[2] == pytest.approx(0.125)
    assert ia.FLAG_LANGUAGE_GAP not in stats["a"].flags


def test_no_attempts_no_items():
    assert ia.analyse([]) == {}


@pytest.mark.django_db
def test_the_questions_of_an_assessment_in_order_with_their_answer_keys(assessment):
    questions = list(ia.assessment_questions(assessment.questions, true_label="True", false_label="False"))
    assert [question.id for question in questions] == ["sc", "tf", "mc", "case-sc", "case-tf"]
    single = questions[0]
    assert single.text == "Single choice question sc?"
    assert [(o.id, o.correct) for o in single.options] == [("sc-a", True), ("sc-b", False), ("sc-c", False)]
    assert [(o.id, o.text, o.correct) for o in questions[4].options] == [
        ("true", "True", False),
        ("false", "False", True),
    ]
