"""The assessment page says how many questions an attempt asks and how long it may take: a
case study brings its own questions, so ten items drawn are eleven or twelve questions."""

import pytest
from django.utils import translation
from wagtail.models import Locale

from assessments import grading as q
from assessments.blocks import QuestionStreamBlock
from tests.assessments.builders import build_assessment, pool, scenario, true_false
from tests.factories import publish


def seed_like_stream() -> list[dict]:
    cases = [
        scenario("case-two", [true_false("two-1"), true_false("two-2")]),
        scenario("case-three", [true_false("three-1"), true_false("three-2"), true_false("three-3")]),
    ]
    return [pool("cases", 1, cases), pool("questions", 9, [true_false(f"item-{n}") for n in range(18)])]


def asked(raw, per_attempt):
    return q.questions_asked(QuestionStreamBlock().to_python(raw), per_attempt=per_attempt)


def test_a_case_study_adds_its_questions_to_the_count():
    assert asked(seed_like_stream(), 10) == (11, 12)


def test_every_question_shown_counts_each_once():
    assert asked([true_false(f"t{n}") for n in range(7)], 0) == (7, 7)


def test_a_cut_below_what_the_pools_draw_bounds_the_count():
    assert asked(seed_like_stream(), 4) == (4, 3 + 2 + 1 + 1)


@pytest.mark.django_db
def test_the_page_states_the_questions_and_the_time_limit(client_ready, course_with_lessons):
    assessment = build_assessment(
        course_with_lessons, stream=seed_like_stream(), questions_per_attempt=10, time_limit_minutes=30
    )

    page = client_ready.get(assessment.url).content.decode()

    assert "11 to 12 questions, drawn at random for each attempt" in page
    assert "Time limit: 30 minutes" in page


@pytest.mark.django_db
def test_an_untimed_assessment_says_so(client_ready, course_with_lessons):
    assessment = build_assessment(course_with_lessons, stream=[true_false(f"t{n}") for n in range(5)])

    page = client_ready.get(assessment.url).content.decode()

    assert "5 questions, drawn at random for each attempt" in page
    assert "No time limit" in page


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("language", "questions", "untimed"),
    [("ru", "От 11 до 12 вопросов", "Без ограничения времени"), ("tg", "Аз 11 то 12 савол", "Бе маҳдудияти вақт")],
)
def test_the_rules_read_in_russian_and_tajik(client_ready, course_with_lessons, language, questions, untimed):
    assessment = build_assessment(course_with_lessons, stream=seed_like_stream(), questions_per_attempt=10)
    locale, _created = Locale.objects.get_or_create(language_code=language)
    course_with_lessons.copy_for_translation(locale, copy_parents=True).save_revision().publish()
    translated = publish(assessment.copy_for_translation(locale))

    with translation.override(language):
        page = client_ready.get(translated.url).content.decode()

    assert questions in page
    assert untimed in page
