"""My learning: each assigned course with its due date and status (in words, not only colour),
overdue first then by due date; completed ones with their certificate's expiry; in en, ru, tg."""

import re
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.formats import date_format

from certificates.models import Certificate
from certificates.services import certificate_issue
from courses import services as course_services
from programme import services
from programme.models import Assignment
from tests.factories import PassedAttemptFactory, RequirementFactory, build_course, lessons_of

pytestmark = pytest.mark.django_db


def text(response) -> str:
    return re.sub(r"\s+", " ", response.content.decode())


@pytest.fixture
def courses(catalogue, trainee):
    made = {}
    for title, days in [("Later", 60), ("Overdue long", -10), ("Soon", 5), ("Overdue short", -2), ("Done", 30)]:
        course = build_course(title=title, lessons=2, catalogue=catalogue)
        services.requirement_apply(requirement=RequirementFactory(course=course, agency=trainee.agency))
        Assignment.objects.filter(user=trainee, course=course).update(
            due_on=timezone.localdate() + timedelta(days=days)
        )
        made[title] = course
    certificate_issue(attempt=PassedAttemptFactory(user=trainee, course=made["Done"]))
    return made


def test_assigned_courses_overdue_first_then_by_due_date(client_trainee, courses):
    response = client_trainee.get(reverse("my_learning"))
    assigned = response.context["learning"].assigned
    assert [item.course.title for item in assigned] == ["Overdue long", "Overdue short", "Soon", "Later", "Done"]
    assert [item.status for item in assigned] == ["overdue", "overdue", "due_soon", "not_started", "completed"]


def test_each_card_says_when_it_is_due_and_its_status_in_words(client_trainee, courses):
    today = timezone.localdate()
    body = text(client_trainee.get(reverse("my_learning")))
    assert "Overdue by 10 days" in body and "Overdue by 2 days" in body
    assert f"Due {date_format(today + timedelta(days=60), 'DATE_FORMAT')}" in body
    assert '<span class="badge badge-status badge-overdue">Overdue</span>' in body
    assert '<span class="badge badge-status badge-due_soon">Due soon</span>' in body
    assert '<span class="badge badge-status badge-not_started">Not started</span>' in body
    expires = Certificate.objects.get(course=courses["Done"]).expires_on
    assert f"Certificate expires on {date_format(expires, 'DATE_FORMAT')}" in body
    assert body.count(">Later</a></h3>") == 1


def test_a_started_course_is_in_progress_and_an_expired_certificate_says_so(client_trainee, trainee, courses):
    course_services.lesson_mark_complete(user=trainee, lesson=lessons_of(courses["Later"])[0])
    Certificate.objects.filter(course=courses["Done"]).update(expires_on=timezone.localdate() - timedelta(days=1))
    response = client_trainee.get(reverse("my_learning"))
    statuses = {item.course.title: item.status for item in response.context["learning"].assigned}
    assert statuses["Later"] == "in_progress" and statuses["Done"] == "expired"
    assert "Certificate expired on" in text(response)


def test_one_day_overdue_is_singular(client_trainee, trainee, courses):
    Assignment.objects.filter(course=courses["Soon"]).update(due_on=timezone.localdate() - timedelta(days=1))
    assert "Overdue by 1 day</strong>" in text(client_trainee.get(reverse("my_learning")))


@pytest.mark.parametrize("language", ["ru", "tg"])
def test_in_russian_and_tajik(client_trainee, courses, language):
    """The page's words come from the translation catalogue (ru and tg texts are in
    i18n-pending until merged into locales/), its dates in the language's own format."""
    from programme.status import Status

    with translation.override(language):
        body = text(client_trainee.get(reverse("my_learning")))
        overdue = translation.ngettext("Overdue by %(days)s day", "Overdue by %(days)s days", 10) % {"days": 10}
        label = str(Status.OVERDUE.label)
        due = translation.gettext("Due %(date)s") % {
            "date": date_format(timezone.localdate() + timedelta(days=60), "DATE_FORMAT")
        }
    assert f'lang="{language}"' in body
    assert overdue in body and due in body
    assert f'badge-overdue">{label}</span>' in body


def test_empty_state_for_a_trainee_with_nothing_assigned(client_trainee, catalogue):
    body = text(client_trainee.get(reverse("my_learning")))
    assert "You have not started a course yet." in body
    assert "No course has been assigned to you." in body


def test_a_course_assigned_but_unpublished_is_not_listed(client_trainee, courses):
    courses["Later"].unpublish()
    assigned = client_trainee.get(reverse("my_learning")).context["learning"].assigned
    assert "Later" not in [item.course.title for item in assigned]


def test_queries_do_not_grow_with_the_assignments(
    client_trainee, trainee, catalogue, courses, django_assert_max_num_queries
):
    client_trainee.get(reverse("my_learning"))  # published content remembered
    with django_assert_max_num_queries(5):  # user, completions, enrolments, assignments, settings
        client_trainee.get(reverse("my_learning"))
    for n in range(4):
        course = build_course(title=f"More {n}", lessons=1, catalogue=catalogue)
        services.requirement_apply(requirement=RequirementFactory(course=course, agency=trainee.agency))
    client_trainee.get(reverse("my_learning"))
    with django_assert_max_num_queries(5):
        response = client_trainee.get(reverse("my_learning"))
    assert len(response.context["learning"].assigned) == 9


def test_the_welcome_page_lists_the_assigned_courses(client_trainee, courses):
    body = text(client_trainee.get(reverse("welcome")))
    for title in ("Later", "Overdue long", "Soon", "Overdue short"):
        assert f">{title}</a>" in body
