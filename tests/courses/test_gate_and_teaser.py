"""The course's gate (its assessment, asked through courses.gates.CourseGate) and the home
page's course teaser (the courses ``catalogue_teaser`` tag)."""

import pytest

from courses import selectors, services
from courses.gates import CourseGate
from courses.models import Enrolment
from tests.assessments.builders import build_assessment, complete_lessons, passed_attempt
from tests.factories import build_catalogue, build_course, build_home

pytestmark = pytest.mark.django_db


def test_a_course_without_a_gate_is_complete_with_its_lessons(trainee, catalogue):
    course = build_course(title="No assessment", lessons=2, catalogue=catalogue)

    complete_lessons(trainee, course)

    assert selectors.course_gate(course=course) is None
    assert selectors.course_requirements_met(user=trainee, course=course)
    assert Enrolment.objects.get(user=trainee, course=course).completed_at is not None


def test_a_gated_course_is_complete_only_once_its_gate_is_passed(trainee, catalogue):
    course = build_course(title="With assessment", lessons=2, catalogue=catalogue)
    assessment = build_assessment(course)

    complete_lessons(trainee, course)

    assert selectors.course_gate(course=course) == assessment
    assert isinstance(selectors.course_gate(course=course), CourseGate)
    assert not selectors.course_requirements_met(user=trainee, course=course)
    assert Enrolment.objects.get(user=trainee, course=course).completed_at is None

    passed_attempt(trainee, course)

    assert selectors.course_requirements_met(user=trainee, course=course)
    assert services.course_refresh_completion(user=trainee, course=course)


def test_a_pass_without_every_lesson_does_not_complete_the_course(trainee, catalogue):
    course = build_course(title="Half read", lessons=2, catalogue=catalogue)
    build_assessment(course)
    passed_attempt(trainee, course)

    assert not selectors.course_requirements_met(user=trainee, course=course)


def test_a_gate_type_must_say_when_it_is_passed(trainee):
    with pytest.raises(NotImplementedError):
        CourseGate().is_passed_by(trainee)


def test_the_home_page_shows_the_first_four_courses(client):
    catalogue = build_catalogue()
    titles = [f"Teaser course {n}" for n in range(5)]
    for title in titles:
        build_course(title=title, lessons=1, catalogue=catalogue)

    page = client.get(build_home().url).content.decode()

    assert 'id="courses-heading"' in page
    assert all(title in page for title in titles[:4])
    assert titles[4] not in page


def test_the_home_page_without_courses_shows_no_teaser(client):
    page = client.get(build_home().url).content.decode()

    assert 'id="courses-heading"' not in page
