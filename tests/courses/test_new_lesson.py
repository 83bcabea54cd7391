"""A lesson added to a course that trainees have already completed.

A completion (and the certificate it earned) is a fact that stays: the course still reads
"Completed on <date>", plus "N new lessons since you completed", counted in the trainee's
language version of the course, so a lesson shows in Russian or Tajik once its translation is
published there. A trainee still on the way must read the new lesson before the assessment.
"""

import pytest
from django.utils import translation
from wagtail.models import Locale

from assessments.selectors import Eligibility, eligibility
from certificates.models import Certificate
from certificates.services import certificate_issue
from courses import selectors, services
from courses.models import Enrolment
from tests.assessments.builders import build_assessment, complete_lessons, passed_attempt
from tests.factories import LessonPageFactory, build_course, lessons_of, publish

pytestmark = pytest.mark.django_db

NEW_TITLE = "Indicators at the Ishkoshim crossing"


@pytest.fixture
def course(catalogue):
    course = build_course(title="Identifying victims", lessons=2, catalogue=catalogue)
    build_assessment(course)
    return course


def add_lesson(course, title=NEW_TITLE, slug="ishkoshim"):
    return publish(LessonPageFactory(parent=course, title=title, slug=slug))


def certify(user, course):
    """Every lesson read and the assessment passed: the course completed, the certificate issued."""
    complete_lessons(user, course)
    certificate_issue(attempt=passed_attempt(user, course))
    assert services.course_refresh_completion(user=user, course=course)


def translate(page, language: str, *, live: bool = True):
    """The page's ``language`` version (its parents too, where missing), published unless told."""
    locale, _created = Locale.objects.get_or_create(language_code=language)
    translated = page.copy_for_translation(locale, copy_parents=True)
    translated.title = f"[{language}] {page.title}"
    if live:
        return publish(translated)
    translated.save_revision()
    return translated


def translated_course(course, language: str):
    """The course with its lessons and assessment, in ``language``, published."""
    version = translate(course, language)
    for child in course.get_children().specific():
        translate(child, language)
    return version


def course_page(client, course, language="en") -> str:
    with translation.override(language):
        response = client.get(course.url)
    assert response.status_code == 200
    return response.content.decode()


def test_completion_and_certificate_stay_when_a_lesson_is_published(client_trainee, trainee, course):
    certify(trainee, course)
    enrolment = Enrolment.objects.get(user=trainee, course=course)
    certificate = Certificate.objects.get(user=trainee, course=course)
    assert enrolment.completed_at is not None and certificate.status == Certificate.Status.VALID

    new_lesson = add_lesson(course)
    services.course_refresh_completion(user=trainee, course=course)

    enrolment.refresh_from_db()
    certificate.refresh_from_db()
    assert Enrolment.objects.get(pk=enrolment.pk).completed_at == enrolment.completed_at
    assert certificate.status == Certificate.Status.VALID
    progress = selectors.course_progress(user=trainee, course=course)
    assert progress.completed and progress.completed_at == enrolment.completed_at
    assert (progress.done, progress.total, progress.new_lesson_count) == (2, 3, 1)
    assert [lesson.pk for lesson in progress.new_lessons] == [new_lesson.pk]

    page = course_page(client_trainee, course)
    assert "Completed on" in page
    assert "1 new lesson since you completed" in page
    assert f'href="{new_lesson.url}"' in page
    assert "2 of 3 lessons complete" not in page  # no lower percentage for a completed course

    # Reading it changes nothing but the count: still completed, on the same day.
    services.lesson_mark_complete(user=trainee, lesson=new_lesson)
    progress = selectors.course_progress(user=trainee, course=course)
    assert progress.completed_at == enrolment.completed_at and progress.new_lesson_count == 0
    assert "new lesson since you completed" not in course_page(client_trainee, course)


def test_my_learning_keeps_the_course_completed_and_counts_the_new_lessons(client_trainee, trainee, course):
    certify(trainee, course)
    add_lesson(course, title="New lesson one", slug="new-one")
    add_lesson(course, title="New lesson two", slug="new-two")

    learning = selectors.my_learning(user=trainee)

    assert [item.course.pk for item in learning.completed] == [course.pk]
    assert not learning.in_progress
    assert learning.completed[0].progress.new_lesson_count == 2
    page = client_trainee.get("/en/learning/").content.decode()
    assert "2 new lessons since you completed" in page


@pytest.mark.parametrize(
    ("language", "one", "two"),
    [
        ("en", "1 new lesson since you completed", "2 new lessons since you completed"),
        ("ru", "1 новый урок с момента завершения курса", "2 новых урока с момента завершения курса"),
        ("tg", "1 дарси нав пас аз хатми курс", "2 дарси нав пас аз хатми курс"),
    ],
)
def test_new_lessons_are_counted_with_the_right_plural(client_trainee, trainee, course, language, one, two):
    version = course if language == "en" else translated_course(course, language)
    certify(trainee, course)
    first = add_lesson(course, title="New lesson one", slug="new-one")
    if language != "en":
        translate(first, language)
    assert one in course_page(client_trainee, version, language)

    second = add_lesson(course, title="New lesson two", slug="new-two")
    if language != "en":
        translate(second, language)
    assert two in course_page(client_trainee, version, language)


def test_the_tajik_course_shows_the_new_lesson_once_its_translation_is_published(client_trainee, trainee, course):
    tajik_course = translated_course(course, "tg")
    certify(trainee, course)
    new_lesson = add_lesson(course)

    # English has it; the Tajik course does not, while its translation is missing or a draft.
    assert "1 new lesson since you completed" in course_page(client_trainee, course)
    page = course_page(client_trainee, tajik_course, "tg")
    assert NEW_TITLE not in page and "дарси нав" not in page
    draft = translate(new_lesson, "tg", live=False)
    page = course_page(client_trainee, tajik_course, "tg")
    assert draft.title not in page and "дарси нав" not in page
    with translation.override("tg"):
        assert client_trainee.get(draft.url).status_code == 404

    publish(draft)

    page = course_page(client_trainee, tajik_course, "tg")
    assert draft.title in page
    assert "1 дарси нав пас аз хатми курс" in page
    with translation.override("tg"):
        assert client_trainee.get(draft.url).status_code == 200
    progress = selectors.course_progress(user=trainee, course=tajik_course)
    assert progress.completed and (progress.done, progress.total) == (2, 3)


def test_a_trainee_who_had_not_finished_must_read_the_new_lesson(trainee, course):
    complete_lessons(trainee, course)
    assessment = selectors.course_gate(course=course)
    with translation.override("en"):
        assert eligibility(user=trainee, assessment=assessment).reason == Eligibility.Reason.OK

    new_lesson = add_lesson(course)

    with translation.override("en"):
        assert eligibility(user=trainee, assessment=assessment).reason == Eligibility.Reason.LOCKED
        # A pass cannot complete the course while a lesson is unread.
        passed_attempt(trainee, course)
        assert not services.course_refresh_completion(user=trainee, course=course)
    assert Enrolment.objects.get(user=trainee, course=course).completed_at is None

    services.lesson_mark_complete(user=trainee, lesson=new_lesson)
    with translation.override("en"):
        assert eligibility(user=trainee, assessment=assessment).reason == Eligibility.Reason.OK


def test_in_tajik_the_new_lesson_is_asked_for_once_its_translation_is_published(trainee, course):
    translated_course(course, "tg")
    complete_lessons(trainee, course)
    assessment = selectors.course_gate(course=course)
    new_lesson = add_lesson(course)
    draft = translate(new_lesson, "tg", live=False)

    # Not asked of a trainee who cannot read it yet...
    with translation.override("tg"):
        assert selectors.lessons_complete(user=trainee, course=course)
    with translation.override("en"):
        assert not selectors.lessons_complete(user=trainee, course=course)

    # ...asked as soon as it is published in Tajik; reading it in any language counts.
    publish(draft)
    with translation.override("tg"):
        assert eligibility(user=trainee, assessment=assessment).reason == Eligibility.Reason.LOCKED
    services.lesson_mark_complete(user=trainee, lesson=draft)
    with translation.override("tg"):
        assert eligibility(user=trainee, assessment=assessment).reason == Eligibility.Reason.OK


def test_the_course_page_of_a_completed_course_stays_within_its_query_budget(
    client_trainee, trainee, course, django_assert_max_num_queries
):
    certify(trainee, course)
    add_lesson(course)
    course_page(client_trainee, course)  # warm: session, site, published content
    with django_assert_max_num_queries(12):
        page = course_page(client_trainee, course)
    assert "1 new lesson since you completed" in page
    assert lessons_of(course)[-1].title == NEW_TITLE
