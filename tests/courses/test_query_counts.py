"""Page query counts do not grow with the number of lessons or courses."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from courses import services
from tests.factories import build_course, lessons_of

pytestmark = pytest.mark.django_db


def count_queries(client, url) -> int:
    client.get(url)  # warm up: session, site root and content-type caches
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(url)
    assert response.status_code == 200
    return len(ctx.captured_queries)


def test_lesson_page_queries_do_not_grow_with_lessons(client_trainee, trainee, catalogue):
    small = build_course(title="Small course", lessons=3, catalogue=catalogue)
    large = build_course(title="Large course", lessons=12, catalogue=catalogue)
    small_lessons, large_lessons = lessons_of(small), lessons_of(large)
    for lesson in small_lessons[:2] + large_lessons[:8]:
        services.lesson_mark_complete(user=trainee, lesson=lesson)

    small_count = count_queries(client_trainee, small_lessons[1].url)
    large_count = count_queries(client_trainee, large_lessons[5].url)

    assert small_count == large_count


def test_course_page_queries_do_not_grow_with_lessons(client_trainee, trainee, catalogue):
    small = build_course(title="Small course", lessons=3, catalogue=catalogue)
    large = build_course(title="Large course", lessons=12, catalogue=catalogue)
    for lesson in lessons_of(small)[:1] + lessons_of(large)[:5]:
        services.lesson_mark_complete(user=trainee, lesson=lesson)

    assert count_queries(client_trainee, small.url) == count_queries(client_trainee, large.url)


def test_catalogue_queries_do_not_grow_with_courses(client_trainee, trainee, catalogue):
    courses = [build_course(title=f"Course {n}", lessons=1, catalogue=catalogue) for n in range(2)]
    services.lesson_mark_complete(user=trainee, lesson=lessons_of(courses[0])[0])
    with_two = count_queries(client_trainee, catalogue.url)

    courses += [build_course(title=f"Course {n}", lessons=2, catalogue=catalogue) for n in range(2, 6)]
    services.lesson_mark_complete(user=trainee, lesson=lessons_of(courses[4])[0])
    with_six = count_queries(client_trainee, catalogue.url)

    assert with_two == with_six


def test_my_learning_queries_do_not_grow_with_courses(client_trainee, trainee, catalogue):
    def add_courses(numbers):
        courses = [
            build_course(title=f"Course {n}", lessons=1, catalogue=catalogue, audiences=[trainee.agency])
            for n in numbers
        ]
        services.enrol(user=trainee, course=courses[0])
        services.lesson_mark_complete(user=trainee, lesson=lessons_of(courses[-1])[0])

    add_courses(range(2))
    with_two = count_queries(client_trainee, reverse("my_learning"))
    add_courses(range(2, 6))
    with_six = count_queries(client_trainee, reverse("my_learning"))

    assert with_two == with_six


def test_lesson_page_query_budget(client_trainee, trainee, catalogue):
    """A signed-in trainee's lesson page: the user, and which lessons of the course the trainee
    has completed. The session, the site, the page, the course outline, the header's links,
    the footer and the published body are remembered once warm (cms.published). (Before any
    budget the same page took 24 queries.)"""
    course = build_course(title="Budget course", lessons=4, catalogue=catalogue)
    lessons = lessons_of(course)
    services.lesson_mark_complete(user=trainee, lesson=lessons[0])

    assert count_queries(client_trainee, lessons[2].url) <= 2


def test_course_catalogue_and_my_learning_query_budgets(client_trainee, trainee, catalogue):
    """The user, then the trainee's own completions and enrolments (and on My learning their
    assignments and the programme's settings); the courses, lessons and assessment are
    remembered published content."""
    course = build_course(title="Budget course", lessons=4, catalogue=catalogue, audiences=[trainee.agency])
    services.lesson_mark_complete(user=trainee, lesson=lessons_of(course)[0])

    assert count_queries(client_trainee, course.url) <= 3
    assert count_queries(client_trainee, catalogue.url) <= 3
    assert count_queries(client_trainee, reverse("my_learning")) <= 5


def test_assessment_page_query_budget(client_trainee, trainee, catalogue):
    """The user; the trainee's completions, open attempt, certificate and past attempts."""
    from tests.assessments.builders import build_assessment, complete_lessons

    course = build_course(title="Budget course", lessons=3, catalogue=catalogue)
    assessment = build_assessment(course)
    complete_lessons(trainee, course)

    assert count_queries(client_trainee, assessment.url) <= 6
