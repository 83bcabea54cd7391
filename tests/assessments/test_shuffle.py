"""Answer choices shuffled per attempt: drawn when the attempt starts, stored with it (snapshot
version 2), and shown, exported and graded in that stored order in every language."""

import json
import random
import re

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import translation
from wagtail.models import Locale
from wagtail.test.utils.form_data import querydict_from_html

from assessments import grading as q
from assessments import services
from assessments.blocks import QuestionStreamBlock
from assessments.models import AssessmentPage, Attempt
from tests.assessments.builders import (
    answers_post,
    as_querydict,
    build_assessment,
    choice,
    complete_lessons,
    publish_stream,
    scenario,
    true_false,
)
from tests.factories import UserFactory, publish, sign_in_with_second_factor, with_totp

SEEDS = range(200)


@pytest.fixture(autouse=True)
def _english():
    """Messages are compared in English, whatever language an earlier request left active."""
    with translation.override("en"):
        yield


def choice_question(block_id: str, *, kind="single_choice", correct="a", letters="abcde", keep_order=False) -> dict:
    """A choice question whose answer texts are unique on a page (``<block_id> answer <x>``)."""
    value = {
        "question": f"Question {block_id}?",
        "choices": [choice(f"{block_id}-{x}", f"{block_id} answer {x}", x in correct) for x in letters],
        "keep_order": keep_order,
        "explanation": "Because.",
    }
    if kind == "multiple_choice":
        value["scoring"] = "all_or_nothing"
    return {"type": kind, "id": block_id, "value": value}


def shuffle_stream() -> list[dict]:
    return [
        choice_question("one"),
        choice_question("many", kind="multiple_choice", correct="ac"),
        choice_question("fixed", letters="abcd", keep_order=True),
        true_false("tf"),
        scenario("case", [choice_question("case-q", correct="b")]),
    ]


def stream(raw):
    return QuestionStreamBlock().to_python(raw)


def choice_orders(items) -> dict[str, list[str]]:
    return {
        question["id"]: [c["id"] for c in question["choices"]]
        for question in q.iter_questions(items)
        if question["type"] != "true_false"
    }


def written(block_id: str, letters="abcde") -> list[str]:
    return [f"{block_id}-{x}" for x in letters]


def without_csrf_token(html: str) -> str:
    return re.sub(r'name="csrfmiddlewaretoken" value="[^"]*"', "", html)


def order_in_html(html: str, question: dict) -> list[str]:
    """The choice ids of ``question`` in the order their texts appear on a page."""
    positions = {c["id"]: html.index(c["text"]) for c in question["choices"]}
    return sorted(positions, key=positions.get)


# Drawing


def test_choices_are_shuffled_differently_across_attempts():
    orders = {
        tuple(choice_orders(q.draw(stream(shuffle_stream()), per_attempt=0, rng=random.Random(s)))["one"])
        for s in SEEDS
    }

    assert len(orders) > 50  # 120 orders of five answers
    assert all(sorted(order) == written("one") for order in orders)


def test_scenario_questions_are_shuffled_too():
    orders = {
        tuple(choice_orders(q.draw(stream(shuffle_stream()), per_attempt=0, rng=random.Random(s)))["case-q"])
        for s in SEEDS
    }

    assert len(orders) > 50


def test_a_question_that_keeps_its_order_is_never_shuffled():
    for seed in SEEDS:
        orders = choice_orders(q.draw(stream(shuffle_stream()), per_attempt=0, rng=random.Random(seed)))
        assert orders["fixed"] == written("fixed", "abcd"), seed


def test_shuffle_off_keeps_every_written_order():
    for seed in range(30):
        items = q.draw(stream(shuffle_stream()), per_attempt=0, rng=random.Random(seed), shuffle_choices=False)
        orders = choice_orders(items)
        assert orders["one"] == written("one") and orders["case-q"] == written("case-q"), seed
        assert orders["fixed"] == written("fixed", "abcd"), seed


def test_questions_stored_before_keep_order_existed_still_load_and_shuffle():
    old = choice_question("old")
    del old["value"]["keep_order"]

    (block,) = stream([old])

    assert block.value["keep_order"] is False
    orders = {tuple(choice_orders(q.draw(stream([old]), per_attempt=0, rng=random.Random(s)))["old"]) for s in SEEDS}
    assert len(orders) > 50


# Stored with the attempt, shown and exported in that order


@pytest.fixture
def shuffled(course_with_lessons):
    return build_assessment(course_with_lessons, stream=shuffle_stream())


@pytest.mark.django_db
def test_the_order_is_stored_with_the_attempt_as_snapshot_version_2(ready_trainee, shuffled):
    attempt = services.attempt_start(user=ready_trainee, assessment=shuffled, rng=random.Random(4))

    stored = Attempt.objects.get(pk=attempt.pk)
    assert stored.snapshot_version == q.SNAPSHOT_VERSION == 2
    expected = choice_orders(q.draw(stream(shuffle_stream()), per_attempt=0, rng=random.Random(4)))
    assert choice_orders(stored.questions) == expected
    assert expected["one"] != written("one")


@pytest.mark.django_db
def test_an_assessment_with_shuffle_off_stores_the_written_order(ready_trainee, course_with_lessons):
    assessment = build_assessment(course_with_lessons, stream=shuffle_stream(), shuffle_choices=False)

    attempt = services.attempt_start(user=ready_trainee, assessment=assessment, rng=random.Random(4))

    orders = choice_orders(attempt.questions)
    assert orders["one"] == written("one") and orders["many"] == written("many")


@pytest.mark.django_db
def test_question_form_result_page_and_export_show_the_stored_order(client, ready_trainee, shuffled):
    client.force_login(ready_trainee)
    attempt = services.attempt_start(user=ready_trainee, assessment=shuffled, rng=random.Random(9))
    questions = [question for question in q.iter_questions(attempt.questions) if question["type"] != "true_false"]

    form = client.get(reverse("attempt_detail", args=[attempt.pk])).content.decode()
    for question in questions:
        assert order_in_html(form, question) == [c["id"] for c in question["choices"]]

    client.post(reverse("attempt_submit", args=[attempt.pk]), answers_post(attempt.questions, right=3))
    result = client.get(reverse("attempt_detail", args=[attempt.pk])).content.decode()
    for question in questions:
        assert order_in_html(result, question) == [c["id"] for c in question["choices"]]

    (entry,) = json.loads(client.get(reverse("my_data_export")).content)["attempts"]
    assert choice_orders(entry["questions"]) == choice_orders(attempt.questions)


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["ru", "tg"])
def test_the_same_attempt_shows_the_same_order_in_every_interface_language(client, ready_trainee, shuffled, language):
    client.force_login(ready_trainee)
    attempt = services.attempt_start(user=ready_trainee, assessment=shuffled, rng=random.Random(2))
    client.post(reverse("attempt_submit", args=[attempt.pk]), answers_post(attempt.questions))

    with translation.override(language):
        url = reverse("attempt_detail", args=[attempt.pk])
    assert url.startswith(f"/{language}/")
    page = client.get(url).content.decode()

    for question in q.iter_questions(attempt.questions):
        if question["type"] != "true_false":
            assert order_in_html(page, question) == [c["id"] for c in question["choices"]]


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["ru", "tg"])
def test_a_translated_assessment_draws_the_same_order_of_the_same_answers(
    ready_trainee, other_user, course_with_lessons, shuffled, language
):
    locale, _created = Locale.objects.get_or_create(language_code=language)
    course_with_lessons.copy_for_translation(locale, copy_parents=True).save_revision().publish()
    translated = shuffled.copy_for_translation(locale)
    for block in translated.questions:
        if block.block_type == "single_choice":
            for child in block.value["choices"]:
                child["text"] = f"{language}: {child['text']}"
    translated = publish(translated)
    complete_lessons(other_user, course_with_lessons)

    original = services.attempt_start(user=ready_trainee, assessment=shuffled, rng=random.Random(11))
    with translation.override(language):
        localized = services.attempt_start(user=other_user, assessment=translated, rng=random.Random(11))

    assert localized.language == language
    assert choice_orders(localized.questions) == choice_orders(original.questions)
    one = next(item for item in localized.questions if item["id"] == "one")
    assert all(c["text"].startswith(f"{language}: ") for c in one["choices"])


# A past attempt never changes


def edited_stream() -> list[dict]:
    """The same blocks, answers reordered and the right answer moved; one question fewer."""
    edited = shuffle_stream()[:-1]
    edited[0]["value"]["choices"].reverse()
    for child in edited[0]["value"]["choices"]:
        child["value"]["is_correct"] = child["id"] == "one-e"
    return edited


@pytest.mark.django_db
def test_editing_the_live_assessment_changes_neither_a_past_order_nor_its_grade(client, ready_trainee, shuffled):
    client.force_login(ready_trainee)
    attempt = services.attempt_start(user=ready_trainee, assessment=shuffled, rng=random.Random(5))
    client.post(reverse("attempt_submit", args=[attempt.pk]), answers_post(attempt.questions, right=4))
    attempt.refresh_from_db()
    before = client.get(reverse("attempt_detail", args=[attempt.pk])).content.decode()
    graded = (attempt.questions, attempt.results, attempt.points, attempt.max_points, attempt.score, attempt.passed)

    publish_stream(shuffled, edited_stream())
    shuffled.refresh_from_db()
    shuffled.shuffle_choices = False
    publish(shuffled)

    attempt.refresh_from_db()
    after = client.get(reverse("attempt_detail", args=[attempt.pk])).content.decode()
    assert without_csrf_token(after) == without_csrf_token(before)
    assert (attempt.questions, attempt.results, attempt.points, attempt.max_points, attempt.score, attempt.passed) == (
        graded
    )
    # A regrade reads only the stored snapshot and answers: the same grade.
    results, points, max_points = q.grade(attempt.questions, attempt.answers, version=attempt.snapshot_version)
    assert (results, points, max_points) == (attempt.results, attempt.points, attempt.max_points)


@pytest.mark.django_db
def test_a_version_1_attempt_still_grades_exactly_as_before(ready_trainee, shuffled):
    attempt = services.attempt_start(user=ready_trainee, assessment=shuffled, rng=random.Random(5))
    written_order = q.draw(stream(shuffle_stream()), per_attempt=0, rng=random.Random(5), shuffle_choices=False)
    Attempt.objects.filter(pk=attempt.pk).update(questions=written_order, snapshot_version=1)
    attempt.refresh_from_db()
    post = answers_post(attempt.questions, right=3)

    graded, _ = services.attempt_submit(attempt=attempt, post=as_querydict(post))

    answers = q.answers_from_post(as_querydict(post), written_order)
    assert graded.snapshot_version == 1
    assert (graded.results, graded.points, graded.max_points) == q._grade_v1(written_order, answers)
    assert graded.score == 60
    assert choice_orders(graded.questions)["one"] == written("one")


def test_version_2_grades_by_answer_id_whatever_the_order():
    items = q.draw(stream(shuffle_stream()), per_attempt=0, rng=random.Random(1), shuffle_choices=False)
    shuffled_items = q.draw(stream(shuffle_stream()), per_attempt=0, rng=random.Random(1))
    answers = {
        "one": ["one-a"],
        "many": ["many-a", "many-c"],
        "fixed": ["fixed-b"],
        "tf": [q.TRUE],
        "case-q": ["case-q-b"],
    }

    _results, points, max_points = q.grade(shuffled_items, answers, version=2)

    assert (points, max_points) == q.grade(items, answers, version=1)[1:] == (4, 5)


# Refused at save


@pytest.mark.django_db
def test_an_assessment_drawing_more_questions_than_it_has_is_refused_on_the_field(course_with_lessons):
    page = AssessmentPage.objects.get(pk=build_assessment(course_with_lessons, stream=shuffle_stream()).pk)
    page.questions_per_attempt = 6

    with pytest.raises(ValidationError) as error:
        page.full_clean()

    assert list(error.value.message_dict) == ["questions_per_attempt"]
    assert "at most 5 questions" in error.value.message_dict["questions_per_attempt"][0]
    page.questions_per_attempt = 5
    page.full_clean()


@pytest.mark.django_db
def test_the_limit_counts_a_pool_as_its_draw(course_with_lessons):
    raw = [
        {
            "type": "pool",
            "id": "p",
            "value": {"title": "", "draw": 2, "questions": [true_false(f"t{i}") for i in range(6)]},
        },
        true_false("alone"),
    ]
    page = AssessmentPage.objects.get(pk=build_assessment(course_with_lessons, stream=raw).pk)

    page.questions_per_attempt = 3
    page.full_clean()
    page.questions_per_attempt = 4
    with pytest.raises(ValidationError) as error:
        page.full_clean()
    assert "at most 3 questions" in error.value.message_dict["questions_per_attempt"][0]


@pytest.mark.django_db
def test_shuffling_an_assessment_where_every_question_keeps_its_order_is_refused(course_with_lessons):
    raw = [
        choice_question("a", keep_order=True),
        true_false("tf"),
        scenario("s", [choice_question("b", keep_order=True)]),
    ]
    page = AssessmentPage.objects.get(pk=build_assessment(course_with_lessons, stream=raw, shuffle_choices=False).pk)
    page.full_clean()

    page.shuffle_choices = True
    with pytest.raises(ValidationError) as error:
        page.full_clean()

    assert list(error.value.message_dict) == ["shuffle_choices"]
    assert "nothing to shuffle" in error.value.message_dict["shuffle_choices"][0]


@pytest.mark.django_db
def test_the_refusal_counts_in_the_singular_too(course_with_lessons):
    page = AssessmentPage.objects.get(pk=build_assessment(course_with_lessons, stream=[true_false("tf")]).pk)
    page.questions_per_attempt = 2

    with pytest.raises(ValidationError) as error:
        page.full_clean()

    assert "at most 1 question from" in error.value.message_dict["questions_per_attempt"][0]


# Through the Wagtail editor


@pytest.fixture
def client_admin(client, db):
    superuser = with_totp(UserFactory(is_staff=True, is_superuser=True, agency=None, region=None))
    sign_in_with_second_factor(client, superuser)
    return client


def stream_form_data(prefix: str, questions: list[dict]) -> dict:
    """The Wagtail admin's form data for a stream of single choice questions."""
    data = {f"{prefix}-count": str(len(questions))}
    for index, question in enumerate(questions):
        block = f"{prefix}-{index}"
        value = question["value"]
        data |= {
            f"{block}-type": question["type"],
            f"{block}-id": question["id"],
            f"{block}-order": str(index),
            f"{block}-deleted": "",
            f"{block}-value-question": value["question"],
            f"{block}-value-explanation": value["explanation"],
            f"{block}-value-choices-count": str(len(value["choices"])),
        }
        if value["keep_order"]:
            data[f"{block}-value-keep_order"] = "on"
        for position, answer in enumerate(value["choices"]):
            item = f"{block}-value-choices-{position}"
            data |= {
                f"{item}-id": answer["id"],
                f"{item}-order": str(position),
                f"{item}-deleted": "",
                f"{item}-value-text": answer["value"]["text"],
            }
            if answer["value"]["is_correct"]:
                data[f"{item}-value-is_correct"] = "on"
    return data


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("change", "field", "message"),
    [
        ({"questions_per_attempt": "3"}, "questions_per_attempt", "at most 2 questions"),
        ({"keep_order": True}, "shuffle_choices", "nothing to shuffle"),
    ],
)
def test_the_editor_sees_the_refusal_on_the_field(client_admin, course_with_lessons, change, field, message):
    questions = [choice_question("one", letters="abc"), choice_question("two", letters="abc")]
    page = build_assessment(course_with_lessons, stream=questions)
    url = reverse("wagtailadmin_pages:edit", args=[page.pk])
    data = querydict_from_html(client_admin.get(url).content.decode(), form_id="page-edit-form")
    for question in questions:
        question["value"]["keep_order"] = change.get("keep_order", False)
    data.update(stream_form_data("questions", questions))
    data["questions_per_attempt"] = change.get("questions_per_attempt", "0")
    data["shuffle_choices"] = "on"

    response = client_admin.post(url, data)

    assert response.status_code == 200
    errors = response.context["form"].errors
    assert list(errors) == [field]
    assert message in errors[field][0]
    assert AssessmentPage.objects.get(pk=page.pk).get_latest_revision().pk == page.live_revision_id
