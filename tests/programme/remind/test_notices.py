"""Notices on the site: the list, "Mark as read", and the header's unread count."""

from datetime import date, timedelta

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation

from courses import services as course_services
from programme import reminders
from programme.models import Reminder
from tests.factories import UserFactory, build_course, lessons_of, make_coordinator, sign_in_with_second_factor
from tests.programme.remind.conftest import assign

TODAY = date(2027, 3, 1)


@pytest.fixture
def notices(course, trainee, programme_settings):
    assignment = assign(user=trainee, course=course, due_on=TODAY - timedelta(days=1))
    made = []
    for kind, step in (("due_soon", 14), ("due_soon", 3), ("overdue", 1)):
        made.append(Reminder.objects.create(assignment=assignment, recipient=trainee, kind=kind, step=step))
    return made


def test_the_notices_page_lists_them_newest_first_with_links_to_the_course(client_trainee, notices, course):
    response = client_trainee.get(reverse("notices"))
    assert response.status_code == 200
    page = response.content.decode()
    assert page.count("Mark as read") == 3 and "Mark all as read" in page
    assert page.index("was due on") < page.index("is due on")  # the overdue one (newest) first
    assert course.url in page
    assert 'Notices <span class="badge badge-required">3' in page


def test_the_notices_page_is_paginated_in_a_fixed_number_of_queries(
    client_trainee, trainee, course, programme_settings, django_assert_max_num_queries
):
    courses = [course, *(build_course(title=f"Course {n}", lessons=0) for n in range(2))]
    assignments = [assign(user=trainee, course=each, due_on=TODAY) for each in courses]
    for n in range(45):
        Reminder.objects.create(assignment=assignments[n % 3], recipient=trainee, kind="due_soon", step=n)
    client_trainee.get(reverse("notices"))
    with django_assert_max_num_queries(8):
        first = client_trainee.get(reverse("notices"))
    with django_assert_max_num_queries(8):
        last = client_trainee.get(reverse("notices") + "?page=3")
    assert first.content.decode().count('class="card"') == 20
    assert last.content.decode().count('class="card"') == 5
    assert client_trainee.get(reverse("notices") + "?page=nonsense").status_code == 200


def test_mark_as_read_marks_only_ones_own(client_trainee, notices, trainee):
    response = client_trainee.post(reverse("notice_read", args=[notices[0].pk]), {"next": reverse("notices")})
    assert response.status_code == 302 and response.url == reverse("notices")
    assert Reminder.objects.filter(read_at__isnull=False).count() == 1

    client = Client()
    client.force_login(UserFactory())
    assert client.post(reverse("notice_read", args=[notices[1].pk])).status_code == 404
    assert client.post(reverse("notices_read_all")).status_code == 302
    assert Reminder.objects.filter(read_at__isnull=False).count() == 1

    # "next" elsewhere is not followed.
    response = client_trainee.post(reverse("notice_read", args=[notices[1].pk]), {"next": "https://evil.example/"})
    assert response.url == reverse("notices")
    client_trainee.post(reverse("notices_read_all"))
    assert not Reminder.objects.filter(read_at__isnull=True).exists()
    assert "badge badge-required" not in client_trainee.get(reverse("my_learning")).content.decode()


def test_the_header_count_follows_new_and_read_notices(client_trainee, trainee, course, programme_settings):
    assignment = assign(user=trainee, course=course, due_on=TODAY + timedelta(days=3))
    assert "badge badge-required" not in client_trainee.get(reverse("my_learning")).content.decode()
    reminders.sweep(today=TODAY)  # queues one: the remembered count is forgotten
    assert (
        '<span class="badge badge-required">1<span class="visually-hidden"> unread'
        in client_trainee.get(reverse("my_learning")).content.decode()
    )
    client_trainee.post(reverse("notice_read", args=[Reminder.objects.get(assignment=assignment).pk]))
    assert "badge badge-required" not in client_trainee.get(reverse("my_learning")).content.decode()


def test_the_lesson_page_costs_no_more_queries_with_the_count(client_trainee, trainee, catalogue, notices):
    """The count is remembered: warm, the lesson page makes the same queries as before notices."""
    course = build_course(title="Budget course", lessons=4, catalogue=catalogue)
    lessons = lessons_of(course)
    course_services.lesson_mark_complete(user=trainee, lesson=lessons[0])
    url = lessons[2].url
    client_trainee.get(url)
    with CaptureQueriesContext(connection) as with_notices:
        response = client_trainee.get(url)
    assert ">3<" in response.content.decode()
    Reminder.objects.all().delete()
    from programme.notices import forget_unread

    forget_unread([trainee.pk])
    client_trainee.get(url)
    with CaptureQueriesContext(connection) as without:
        client_trainee.get(url)
    assert len(with_notices.captured_queries) == len(without.captured_queries) <= 2


def test_a_coordinator_sees_their_escalations(client, course, agency, region, programme_settings):
    coordinator = make_coordinator(scopes=[(agency, region)])
    trainee = UserFactory(agency=agency, region=region, full_name="Dilshod Overdue")
    assign(user=trainee, course=course, due_on=TODAY - timedelta(days=30))
    reminders.sweep(today=TODAY)
    sign_in_with_second_factor(client, coordinator)
    page = client.get(reverse("notices")).content.decode()
    assert "Dilshod Overdue has not completed “Identifying victims”" in page
    assert reverse("reports_trainees") in page


def test_the_page_reads_in_tajik(client_trainee, notices, trainee):
    with translation.override("tg"):
        url = reverse("notices")
    assert url.startswith("/tg/")
    assert client_trainee.get(url).status_code == 200


def test_visitors_are_sent_to_sign_in(client):
    response = client.get(reverse("notices"))
    assert response.status_code == 302 and "login" in response.url
