"""The dashboard and the matrix count assignments (issue 15, point 5): statuses at their
boundaries, "all required courses" as the courses a trainee is assigned, the cells a
requirement covers, and a query count that does not grow with assignments."""

import re
from datetime import timedelta

import pytest
from django.contrib.auth import get_user_model
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from accounts.scope import Scope
from courses.models import Enrolment
from programme.models import Assignment
from programme.status import Status
from reports.models import Headcount
from reports.selectors import Filters, assignment_counts, completion_matrix
from tests.factories import UserFactory, build_course, make_coordinator, sign_in_with_second_factor
from tests.reports.builders import assign, requirement_without_assignments
from tests.reports.test_coverage import _certify

User = get_user_model()


@pytest.fixture
def course(catalogue):
    return build_course(title="Identifying victims", lessons=1, catalogue=catalogue)


@pytest.fixture
def national(db):
    return make_coordinator(email="national@example.org", full_name="National Coordinator")


def _trainee(frontier, east, n=0):
    return UserFactory(email=f"t{n}@example.org", full_name=f"Trainee {n}", agency=frontier, region=east)


# (how the assignment stands, the status it is counted under); default windows 14 and 60 days.
CASES = [
    ("due yesterday", Status.OVERDUE),
    ("due today", Status.DUE_SOON),
    ("due in 14 days", Status.DUE_SOON),
    ("due in 15 days", Status.NOT_STARTED),
    ("started, due in 15 days", Status.IN_PROGRESS),
    ("certificate expired yesterday", Status.EXPIRED),
    ("certificate expires today", Status.EXPIRING),
    ("certificate expires in 60 days", Status.EXPIRING),
    ("certificate expires in 61 days", Status.COMPLETED),
]


def _make(case, trainee, course):
    """ "due in 14 days", "certificate expired yesterday", ...: the assignment of that case."""
    words = case.split()
    days = {"yesterday": -1, "today": 0}.get(words[-1])
    days = int(words[-2]) if days is None else days
    if case.startswith("certificate"):
        return assign(trainee, course, certificate=_certify(trainee, course, expires_in_days=days))
    if case.startswith("started"):
        Enrolment.objects.create(user=trainee, course=course)
    return assign(trainee, course, due_in=days)


@pytest.mark.parametrize(("case", "status"), CASES)
def test_each_status_is_counted_at_its_boundary(national, course, frontier, east, case, status):
    _make(case, _trainee(frontier, east), course)
    counts = assignment_counts(scope=Scope.for_user(national), filters=Filters(course=course))
    (counted,) = counts.values()
    assert counted.statuses == {status: 1} and counted.assigned == 1
    matrix = completion_matrix(scope=Scope.for_user(national), filters=Filters(course=course))
    cell = matrix.cell(frontier.pk, east.pk)
    assert (cell.overdue, cell.due_soon) == (int(status == Status.OVERDUE), int(status == Status.DUE_SOON))


def test_the_dashboard_counts_overdue_and_due_soon_in_the_headline_and_per_course(
    client, national, course, frontier, east, catalogue, settings
):
    settings.REPORTS_CACHE_SECONDS = 0
    other = build_course(title="Interviewing with care", lessons=1, catalogue=catalogue)
    for n, case in enumerate(("due yesterday", "due today", "due in 14 days", "due in 15 days")):
        _make(case, _trainee(frontier, east, n), course)
    late = _trainee(frontier, east, 9)
    assign(late, other, due_in=-30)
    ended = assign(_trainee(frontier, east, 10), other, due_in=-30)
    Assignment.objects.filter(pk=ended.pk).update(ended_at=timezone.now(), end_reason="left_audience")
    sign_in_with_second_factor(client, national)
    html = client.get(reverse("reports_dashboard")).content.decode()
    assert re.search(r'id="kpi-overdue"><span class="kpi-value">2</span>', html)
    assert "Overdue, of 5 assignments" in html
    assert re.search(r'id="kpi-due-soon"><span class="kpi-value">2</span>', html)
    assert "Due in the next 14 days" in html
    rows = re.findall(r'<th scope="row"><a href="\?[^"]*course=\d+">([^<]*)</a></th>(.*?)</tr>', html, re.S)
    figures = {
        title: re.findall(r'data-label="(Assigned|Due soon|Overdue)">(?:<a [^>]*>)?(\d+)', cells)
        for title, cells in rows
    }
    assert figures["Identifying victims"] == [("Assigned", "4"), ("Due soon", "2"), ("Overdue", "1")]
    assert figures["Interviewing with care"] == [("Assigned", "1"), ("Due soon", "0"), ("Overdue", "1")]
    html = client.get(reverse("reports_dashboard") + f"?course={course.pk}").content.decode()
    assert re.search(r'id="kpi-overdue"><span class="kpi-value">1</span>', html)


def test_fully_trained_means_certified_in_every_course_assigned(national, course, frontier, east, catalogue):
    other = build_course(title="Interviewing with care", lessons=1, catalogue=catalogue)
    one, both, unassigned = (_trainee(frontier, east, n) for n in range(3))
    assign(one, course, certificate=_certify(one, course))
    assign(one, other, due_in=10)
    assign(both, course, certificate=_certify(both, course))
    assign(both, other, certificate=_certify(both, other))
    _certify(unassigned, course)  # a certificate, but no assignment: not required of them
    matrix = completion_matrix(scope=Scope.for_user(national), filters=Filters())
    cell = matrix.cell(frontier.pk, east.pk)
    assert (cell.registered, cell.certified, cell.assigned) == (3, 1, 4)
    by_course = {row.course.title: (row.certified, row.assigned) for row in matrix.courses}
    assert by_course == {"Identifying victims": (3, 2), "Interviewing with care": (1, 2)}


def test_a_requirement_makes_its_cells_count_before_anyone_registers(national, course, frontier, harbour, east, west):
    Headcount.objects.create(agency=frontier, region=west, staff=40)
    Headcount.objects.create(agency=harbour, region=east, staff=25)
    requirement_without_assignments(course, frontier)  # every region of the Frontier Service
    matrix = completion_matrix(scope=Scope.for_user(national), filters=Filters(course=course))
    assert matrix.cell(frontier.pk, west.pk).required and matrix.cell(frontier.pk, west.pk).uncovered
    assert not matrix.cell(harbour.pk, east.pk).required
    assert matrix.total.headcount == 40
    everything = completion_matrix(scope=Scope.for_user(national), filters=Filters())
    assert [(row.course.title, row.headcount) for row in everything.courses] == [("Identifying victims", 40)]


def test_dashboard_query_count_does_not_grow_with_assignments(client, national, course, frontier, east, settings):
    settings.REPORTS_CACHE_SECONDS = 0
    assign(_trainee(frontier, east), course, due_in=-3)
    sign_in_with_second_factor(client, national)

    def count(query=""):
        with CaptureQueriesContext(connection) as queries:
            assert client.get(reverse("reports_dashboard") + query).status_code == 200
        return len(queries)

    count()
    few, few_course = count(), count(f"?course={course.pk}")
    users = User.objects.bulk_create(
        User(email=f"bulk{n}@example.org", full_name=f"Bulk {n}", agency=frontier, region=east, password="!")
        for n in range(300)
    )
    today = timezone.localdate()
    Assignment.objects.bulk_create(
        Assignment(user=user, course=course, due_on=today + timedelta(days=n % 40 - 20)) for n, user in enumerate(users)
    )
    assert count() == few and count(f"?course={course.pk}") == few_course
