"""The load generator's attempts give the item analysis something to find (issue 13, point 6):
the planted Tajik mistranslation is flagged, the hard questions are hard, and every stored
result is what grading the stored answers gives."""

from decimal import Decimal

import pytest
from django.db import transaction

from assessments import grading
from assessments import item_analysis as ia
from assessments.models import AssessmentPage, Attempt, ItemResponse
from assessments.selectors import item_analysis_rows, item_statistics
from assessments.services import item_responses
from bench.loaddata import bulk, responses
from bench.loaddata.plan import Behaviour
from demo.course_texts import seed_slugs
from demo.seed import seed_demo

TRAINEES = 200
# Everybody studies the one course and sits its assessment: a few hundred attempts from a small
# country, enough for MIN_RESPONSES_PER_LANGUAGE in Russian and Tajik on every question.
KEEN = Behaviour(dormant_share=0.0, start_required=1.0, start_optional=1.0, enrolled_only=0.0, finish_lessons=1.0)


@pytest.fixture(scope="module")
def generated(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock():
        with transaction.atomic():
            seed_demo(with_users=False)
            # The seed translations are published once the commit is done (never, in a test's
            # transaction); trainees only take live pages.
            for page in AssessmentPage.objects.filter(live=False):
                page.save_revision().publish()
            totals = bulk.generate(
                course_slugs=list(seed_slugs())[:1],
                trainees=TRAINEES,
                seed=3,
                batch_size=100,
                behaviour=KEEN,
                log=lambda line: None,
            )
            yield totals
            transaction.set_rollback(True)


@pytest.fixture
def load(generated, db):
    return generated


def the_assessment(load) -> AssessmentPage:
    [assessment_id] = load.responses.quizzes
    return AssessmentPage.objects.get(pk=assessment_id)


def test_enough_attempts_in_russian_and_tajik(load):
    attempts = Attempt.objects.filter(assessment=the_assessment(load))
    assert attempts.count() >= 300
    for language in ("ru", "tg"):
        assert attempts.filter(language=language).count() >= 120, language


def test_the_planted_question_is_flagged_for_its_language_gap(load):
    planted = load.planted
    assessment = the_assessment(load)
    assert planted is not None and planted.language == "tg"
    assert planted.question_id == responses.planted_question(assessment.questions)["id"]
    stats = item_statistics(assessment=assessment)
    item = stats[planted.question_id]
    assert ia.FLAG_LANGUAGE_GAP in item.flags
    _high, low, gap = item.language_gap
    assert low == "tg" and gap > ia.LANGUAGE_GAP
    # The admin table shows it with its flag, in the assessment's order.
    questions = ia.assessment_questions(assessment.questions, true_label="True", false_label="False")
    [row] = [row for row in ia.item_rows(questions, stats) if row.question_id == planted.question_id]
    assert row.position is not None and ia.FLAG_LANGUAGE_GAP in row.flags
    # No other question reads as differently between languages. (Others can cross the flag's
    # line by chance at a few hundred attempts, and the generator's fixed pass rate lifts the
    # Tajik trainees' other answers a little to make up for the planted one.)
    gaps = {qid: s.language_gap[2] for qid, s in stats.items() if s.language_gap}
    assert max(gaps, key=gaps.get) == planted.question_id
    runner_up = sorted(gaps.values())[-2]
    assert gap > runner_up + 0.1, f"planted {gap:.0%}, next {runner_up:.0%}"


def test_hard_questions_show_low_facility_and_easy_ones_high(load):
    quiz = load.responses.quizzes[the_assessment(load).pk]
    stats = item_statistics(assessment=the_assessment(load))
    assert len(quiz.hard) == responses.HARD_QUESTIONS and len(quiz.easy) == responses.EASY_QUESTIONS
    for question_id in quiz.hard:
        assert stats[question_id].overall.facility < ia.TOO_HARD, question_id
        assert ia.FLAG_TOO_HARD in stats[question_id].flags
    for question_id in quiz.easy:
        assert stats[question_id].overall.facility > 0.9, question_id
    normal = [s.overall.facility for qid, s in stats.items() if qid not in quiz.hard + quiz.easy]
    assert 0.5 < sum(normal) / len(normal) < 0.9


def test_stored_results_are_what_grading_the_stored_answers_gives(load):
    attempts = Attempt.objects.filter(assessment=the_assessment(load))
    for attempt in attempts:
        version = attempt.snapshot_version
        results, points, max_points = grading.grade(attempt.questions, attempt.answers, version=version)
        assert attempt.snapshot_version == grading.SNAPSHOT_VERSION
        assert attempt.results == results
        assert attempt.points == points and attempt.max_points == max_points
        assert attempt.score == grading.percent(points, max_points)
        assert attempt.passed == grading.passes(points, max_points, attempt.pass_mark)
    partial = [a for a in attempts if any(Decimal(0) < Decimal(r["points"]) < 1 for r in a.results)]
    assert partial  # wrong multiple-choice sets earn partial points where the question allows it


def test_every_submitted_attempt_has_the_responses_grading_writes(load):
    attempts = Attempt.objects.filter(assessment=the_assessment(load))
    stored = {(r.attempt_id, r.question_id): r for r in ItemResponse.objects.filter(attempt__in=attempts)}
    expected = [response for attempt in attempts for response in item_responses(attempt)]
    assert len(stored) == len(expected) > 0
    for response in expected:
        got = stored[(response.attempt_id, response.question_id)]
        assert (got.assessment_id, got.language, got.points, got.rest, got.chosen) == (
            response.assessment_id,
            response.language,
            response.points,
            response.rest,
            response.chosen,
        )
    # And so the analysis of the responses is the analysis of the attempts.
    stats = item_statistics(assessment=the_assessment(load))
    from_attempts = ia.analyse(item_analysis_rows(assessment=the_assessment(load)))
    assert stats.keys() == from_attempts.keys()
    for question_id, figures in from_attempts.items():
        assert stats[question_id].overall.n == figures.overall.n
        assert stats[question_id].overall.options == figures.overall.options
        assert stats[question_id].overall.facility == pytest.approx(figures.overall.facility)
        assert stats[question_id].overall.discrimination == pytest.approx(figures.overall.discrimination)
        assert stats[question_id].flags == figures.flags


def test_attempts_are_drawn_from_the_trainees_language_page(load):
    assessment = the_assessment(load)
    pages = AssessmentPage.objects.filter(translation_key=assessment.translation_key).select_related("locale")
    texts = {
        page.locale.language_code: {q["id"]: q["text"] for q in responses.questions_in_order(page.questions)}
        for page in pages
    }
    for language in ("en", "ru", "tg"):
        attempt = Attempt.objects.filter(assessment=assessment, language=language).first()
        asked = list(grading.iter_questions(attempt.questions))
        assert asked and all(q["text"] == texts[language][q["id"]] for q in asked), language
    assert texts["tg"] != texts["en"]
