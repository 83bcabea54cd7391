"""Fixtures for assessment tests: a course with an assessment, and a trainee ready to take it."""

import pytest

from tests.assessments.builders import build_assessment, complete_lessons
from tests.factories import UserFactory, build_course


@pytest.fixture
def course_with_lessons(catalogue):
    """Two lessons are enough to test unlocking (and build faster than the shared three)."""
    return build_course(title="Identifying victims", lessons=2, catalogue=catalogue)


@pytest.fixture
def assessment(course_with_lessons):
    """Five questions, all shown; pass mark 80; no attempt limit, cool-down or time limit."""
    return build_assessment(course_with_lessons)


@pytest.fixture
def ready_trainee(trainee, course_with_lessons):
    """The trainee with every lesson of the course complete."""
    complete_lessons(trainee, course_with_lessons)
    return trainee


@pytest.fixture
def client_ready(client, ready_trainee):
    client.force_login(ready_trainee)
    return client


@pytest.fixture
def other_user(db, agency, region):
    return UserFactory(agency=agency, region=region, full_name="Someone Else")
