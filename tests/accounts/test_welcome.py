"""The welcome page: shown once, on a trainee's first sign-in, then a link away on My learning;
what it says about the agency's required courses, and its empty states."""

import re

import pytest
from django.core import mail
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone, translation

from courses.models import Enrolment, LessonCompletion
from courses.welcome import duration
from tests.accounts.test_signup import EMAIL, PASSWORD, sign_up, signup_data  # noqa: F401 (a fixture)
from tests.factories import DEFAULT_PASSWORD, AgencyFactory, UserFactory, build_course, lessons_of, make_coordinator
from tests.security.test_two_factor import full_login

pytestmark = pytest.mark.django_db


def password_login(client, user, **extra):
    return client.post(reverse("account_login"), {"login": user.email, "password": DEFAULT_PASSWORD, **extra})


def complete(user, course):
    for lesson in lessons_of(course):
        LessonCompletion.objects.create(user=user, course=course, lesson=lesson)
    Enrolment.objects.create(user=user, course=course, completed_at=timezone.now())


# --- When it is shown ---------------------------------------------------------------------------


def test_confirming_the_sign_up_address_signs_in_to_the_welcome_page_once(client, signup_data):  # noqa: F811
    sign_up(client, signup_data)
    confirm_path = re.search(r"https?://[^/\s]+(/\S*/accounts/confirm-email/\S+/)", mail.outbox[0].body).group(1)

    response = client.post(confirm_path)

    assert response.status_code == 302
    assert response["Location"] == reverse("welcome")
    assert client.get(response["Location"]).status_code == 200
    later = Client().post(reverse("account_login"), {"login": EMAIL, "password": PASSWORD})
    assert later["Location"] == reverse("my_learning")


def test_a_trainees_first_password_sign_in_opens_the_welcome_page(client, trainee):
    assert trainee.last_login is None
    assert password_login(client, trainee)["Location"] == reverse("welcome")
    client.post(reverse("account_logout"))
    assert password_login(client, trainee)["Location"] == reverse("my_learning")


def test_a_first_sign_in_with_a_next_address_goes_there(client, trainee):
    response = password_login(client, trainee, next=reverse("my_certificates"))
    assert response["Location"] == reverse("my_certificates")


def test_staff_and_coordinators_are_not_welcomed_as_trainees(client, agency, region):
    editor = UserFactory(is_staff=True)
    assert password_login(client, editor)["Location"] == reverse("my_learning")

    coordinator = make_coordinator(scopes=[(agency, region)])
    coordinator_client = Client()
    full_login(coordinator_client, coordinator)
    assert coordinator_client.get(reverse("welcome")).status_code == 200  # still reachable


def test_my_learning_links_to_the_welcome_page(client_trainee):
    assert f'href="{reverse("welcome")}"' in client_trainee.get(reverse("my_learning")).content.decode()


def test_the_welcome_page_needs_an_account(client):
    response = client.get(reverse("welcome"))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login"))


# --- What it says -------------------------------------------------------------------------------


def test_it_lists_the_required_courses_their_times_and_starts_the_first(client_trainee, trainee, agency):
    first = build_course(title="Identifying victims", lessons=2, audiences=[agency])
    second = build_course(title="Non-punishment", lessons=1, audiences=[agency])
    build_course(title="Optional reading", lessons=1)
    for course, minutes in ((first, 45), (second, 75)):
        course.estimated_minutes = minutes
        course.save_revision().publish()

    body = client_trainee.get(reverse("welcome")).content.decode()

    assert "<h1>Welcome to Frontline</h1>" in body
    assert f"Hello, {trainee.full_name}." in body
    assert "free training for officials who may meet victims of trafficking" in body
    assert f"To complete for {agency.display_name}: 2 courses, about 2 hours in total." in body
    assert body.index("Identifying victims") < body.index("Non-punishment")
    assert "About 45 minutes" in body and "About 75 minutes" in body
    assert "Optional reading" not in body
    assert f'<form method="post" action="{reverse("course_start", args=[first.pk])}"' in body
    assert "Start “Identifying victims”" in body


def test_the_button_continues_a_started_course_and_completed_ones_are_listed_apart(client_trainee, trainee, agency):
    done = build_course(title="Already done", lessons=1, audiences=[agency])
    started = build_course(title="Half read", lessons=2, audiences=[agency])
    complete(trainee, done)
    Enrolment.objects.create(user=trainee, course=started)

    body = client_trainee.get(reverse("welcome")).content.decode()

    assert "Continue “Half read”" in body
    assert f'action="{reverse("course_start", args=[started.pk])}"' in body
    assert "To complete for" in body and "1 course, about 1 h 30 min." in body
    assert body.index("Half read") < body.index("Already done")


def test_every_required_course_completed(client_trainee, trainee, agency):
    course = build_course(title="Already done", lessons=1, audiences=[agency])
    complete(trainee, course)

    body = client_trainee.get(reverse("welcome")).content.decode()

    assert "You have completed every course your agency requires." in body
    assert "Already done" in body
    assert reverse("course_start", args=[course.pk]) not in body


def test_an_agency_that_requires_nothing(client_trainee, agency):
    build_course(title="Optional reading", lessons=1, audiences=[AgencyFactory()])

    body = client_trainee.get(reverse("welcome")).content.decode()

    assert f"{agency.display_name} has not chosen any required course yet." in body
    assert "/start/" not in body
    assert "Optional reading" not in body


def test_a_trainee_without_an_agency_is_sent_to_the_profile(client, agency):
    client.force_login(UserFactory(agency=None))
    build_course(title="Identifying victims", lessons=1, audiences=[agency])

    body = client.get(reverse("welcome")).content.decode()

    assert "Add your agency to your profile to see the courses it requires." in body
    assert f'href="{reverse("profile")}"' in body


def test_the_welcome_page_costs_no_more_queries_with_more_courses(client_trainee, agency):
    build_course(title="One", lessons=1, audiences=[agency])
    client_trainee.get(reverse("welcome"))  # published content remembered (cms.published)
    with CaptureQueriesContext(connection) as one:
        client_trainee.get(reverse("welcome"))
    for n in range(4):
        build_course(title=f"More {n}", lessons=2, audiences=[agency])
    client_trainee.get(reverse("welcome"))
    with CaptureQueriesContext(connection) as five:
        body = client_trainee.get(reverse("welcome")).content.decode()

    assert "More 3" in body
    assert len(five.captured_queries) == len(one.captured_queries) <= 8


@pytest.mark.parametrize("language", ["ru", "tg"])
def test_the_welcome_page_is_in_the_readers_language(client_trainee, agency, language):
    build_course(title="Identifying victims", lessons=1, audiences=[agency])
    with translation.override(language):
        response = client_trainee.get(reverse("welcome"))
        heading = translation.gettext("Welcome to Frontline")
    assert f'<html lang="{language}">' in response.content.decode()
    assert f"<h1>{heading}</h1>" in response.content.decode()


@pytest.mark.parametrize(
    ("minutes", "text"),
    [
        (1, "about 1 minute"),
        (45, "about 45 minutes"),
        (60, "about 1 hour"),
        (180, "about 3 hours"),
        (200, "about 3 h 20 min"),
    ],
)
def test_durations_read_naturally(minutes, text):
    with translation.override("en"):
        assert duration(minutes) == text
