"""Coverage reports: hand-computed matrix figures, scope isolation, MFA gate, query counts."""

import csv
import io
from datetime import timedelta
from unittest import mock

import pytest
from django.contrib.auth import get_user_model
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook
from wagtail.models import ModelLogEntry

from accounts.scope import Scope
from assessments.models import Attempt
from certificates.models import Certificate
from courses.models import Enrolment
from reports.models import Headcount
from reports.selectors import Filters, completion_matrix
from tests.factories import (
    AgencyFactory,
    RegionFactory,
    UserFactory,
    build_course,
    make_coordinator,
    sign_in_with_second_factor,
)
from tests.reports.builders import assign

User = get_user_model()


def _attempt(user, course, *, passed=True, when=None):
    when = when or timezone.now()
    return Attempt.objects.create(
        user=user,
        course=course,
        language="en",
        questions=[],
        pass_mark=80,
        status=Attempt.Status.SUBMITTED,
        submitted_at=when,
        score=90 if passed else 40,
        passed=passed,
        points=9,
        max_points=10,
    )


def _certify(user, course, *, expires_in_days=365, status=Certificate.Status.VALID, region=None):
    from certificates import codes

    attempt = _attempt(user, course)
    return Certificate.objects.create(
        code=codes.generate(),
        user=user,
        course=course,
        attempt=attempt,
        holder_name=user.full_name,
        course_title=course.title,
        region=region or user.region,
        agency=user.agency,
        expires_on=timezone.localdate() + timedelta(days=expires_in_days),
        status=status,
        revoked_at=timezone.now() if status == Certificate.Status.REVOKED else None,
    )


def _enrol(user, course, *, completed=False):
    return Enrolment.objects.create(user=user, course=course, completed_at=timezone.now() if completed else None)


def _coordinator(email, *, agency=None, region=None, mfa=True):
    return make_coordinator(
        email=email, agency=None, region=None, full_name=f"Coordinator {email}", scopes=[(agency, region)], totp=mfa
    )


@pytest.fixture
def country(db, catalogue):
    """Two agencies x two regions, a course required for agency A, and seven trainees."""
    a, b = AgencyFactory(code="agency-a", name="Agency A"), AgencyFactory(code="agency-b", name="Agency B")
    r1, r2 = RegionFactory(code="region-1", name="Region One"), RegionFactory(code="region-2", name="Region Two")
    course = build_course(title="Coverage course", lessons=2, catalogue=catalogue)
    t = {}
    t["certified"] = UserFactory(email="t1@example.org", full_name="Tahmina Certified", agency=a, region=r1)
    t["started"] = UserFactory(email="t2@example.org", full_name="Sino Started", agency=a, region=r1)
    t["expired"] = UserFactory(email="t3@example.org", full_name="Ehson Expired", agency=a, region=r1)
    t["revoked"] = UserFactory(email="t4@example.org", full_name="Rustam Revoked", agency=a, region=r1)
    t["moved"] = UserFactory(email="t5@example.org", full_name="Munira Moved", agency=a, region=r2)
    t["other_agency"] = UserFactory(email="t6@example.org", full_name="Bakhtiyor Otheragency", agency=b, region=r1)
    t["inactive"] = UserFactory(
        email="t7@example.org", full_name="Inactive Person", agency=a, region=r1, is_active=False
    )
    for key in ("certified", "started", "expired", "revoked", "moved", "other_agency", "inactive"):
        _enrol(t[key], course, completed=key not in {"started"})
    certificates = {
        "certified": _certify(t["certified"], course),
        "expired": _certify(t["expired"], course, expires_in_days=-1),
        "revoked": _certify(t["revoked"], course, status=Certificate.Status.REVOKED),
        # Certified while serving in region 1, since moved to region 2: counts where they serve now.
        "moved": _certify(t["moved"], course, region=r1),
        "other_agency": _certify(t["other_agency"], course),
        "inactive": _certify(t["inactive"], course),
    }
    # Agency A's trainees hold open assignments of the course (the completed ones with their
    # certificate); agency B's volunteer holds none.
    assign(t["certified"], course, certificate=certificates["certified"])
    assign(t["started"], course, due_in=10)  # due soon
    assign(t["expired"], course, certificate=certificates["expired"], completed_days_ago=400)
    assign(t["revoked"], course, due_in=-5)  # overdue
    assign(t["moved"], course, certificate=certificates["moved"])
    assign(t["inactive"], course, due_in=-5)  # not a trainee in anyone's scope: never counted
    Headcount.objects.create(agency=a, region=r1, staff=10)
    Headcount.objects.create(agency=a, region=r2, staff=4)
    return {"a": a, "b": b, "r1": r1, "r2": r2, "course": course, "trainees": t, "certificates": certificates}


@pytest.fixture
def coordinator_a_r1(country):
    return _coordinator("coord-a-r1@example.org", agency=country["a"], region=country["r1"])


@pytest.fixture
def coordinator_b(country):
    return _coordinator("coord-b@example.org", agency=country["b"])


@pytest.fixture
def national(country):
    return _coordinator("national@example.org")


def test_matrix_matches_hand_computed_figures(country, national):
    matrix = completion_matrix(scope=Scope.for_user(national), filters=Filters(course=country["course"]))
    a, b, r1, r2 = (country[k].pk for k in ("a", "b", "r1", "r2"))

    cell = matrix.cell(a, r1)
    assert (cell.headcount, cell.registered, cell.enrolled, cell.completed, cell.certified) == (10, 4, 4, 3, 1)
    assert cell.coverage == pytest.approx(0.1)
    assert (cell.assigned, cell.due_soon, cell.overdue) == (4, 1, 1)

    moved = matrix.cell(a, r2)
    assert (moved.headcount, moved.registered, moved.completed, moved.certified) == (4, 1, 1, 1)
    assert moved.coverage == pytest.approx(0.25)

    other = matrix.cell(b, r1)
    assert (other.headcount, other.registered, other.certified, other.coverage) == (None, 1, 1, None)
    assert matrix.cell(b, r2).registered == 0

    # Totals count the agencies that require the course: agency B's volunteer keeps their cell
    # and their agency's row, but does not raise region one's or the country's coverage.
    assert not other.required and matrix.cell(a, r1).required
    assert matrix.region_totals[r1].certified == 1
    assert matrix.agency_totals[a].certified == 2 and matrix.agency_totals[a].headcount == 14
    assert matrix.agency_totals[b].certified == 1 and not matrix.agency_totals[b].uncovered
    assert matrix.total.certified == 2 and matrix.total.headcount == 14
    assert (matrix.total.assigned, matrix.total.due_soon, matrix.total.overdue) == (5, 1, 1)


def test_all_required_courses_counts_only_agencies_that_require_them(country, national):
    matrix = completion_matrix(scope=Scope.for_user(national), filters=Filters(course=None))
    assert matrix.cell(country["a"].pk, country["r1"].pk).certified == 1
    # Agency B's volunteer holds no assignment, so is not "certified for every required course".
    assert matrix.cell(country["b"].pk, country["r1"].pk).certified == 0
    assert not matrix.cell(country["b"].pk, country["r1"].pk).required


def test_region_with_staff_but_no_valid_certificate_is_flagged(country, national):
    matrix = completion_matrix(scope=Scope.for_user(national), filters=Filters(course=country["course"]))
    Certificate.objects.filter(pk=country["certificates"]["certified"].pk).update(
        expires_on=timezone.localdate() - timedelta(days=1)
    )
    matrix = completion_matrix(scope=Scope.for_user(national), filters=Filters(course=country["course"]))
    assert matrix.cell(country["a"].pk, country["r1"].pk).uncovered
    assert not matrix.cell(country["a"].pk, country["r2"].pk).uncovered


def test_scope_limits_the_matrix_to_the_coordinators_cells(country, coordinator_a_r1):
    matrix = completion_matrix(scope=Scope.for_user(coordinator_a_r1), filters=Filters(course=country["course"]))
    assert [agency.pk for agency in matrix.agencies] == [country["a"].pk]
    assert [region.pk for region in matrix.regions] == [country["r1"].pk]
    assert matrix.total.registered == 4


FOREIGN_NAMES = ["Munira Moved", "Bakhtiyor Otheragency", "t5@example.org", "t6@example.org"]
OWN_NAMES = ["Tahmina Certified", "Sino Started"]


def _body(response):
    if response.streaming:
        return b"".join(response.streaming_content).decode("utf-8-sig")
    if response["Content-Type"].startswith("application/vnd.openxmlformats"):
        sheet = load_workbook(io.BytesIO(response.content)).active
        return "\n".join(
            ",".join(str(value) for value in row if value is not None) for row in sheet.iter_rows(values_only=True)
        )
    return response.content.decode()


@pytest.mark.parametrize(
    "url_name,args,query",
    [
        ("reports_dashboard", [], ""),
        ("reports_trainees", [], ""),
        ("reports_trainees", [], "?agency={b}&region={r2}"),
        ("reports_trainees", [], "?q=Moved"),
        ("reports_export_trainees", ["csv"], ""),
        ("reports_export_trainees", ["xlsx"], "?agency={b}"),
        ("reports_export_matrix", ["csv"], ""),
        ("reports_export_matrix", ["xlsx"], "?region={r2}"),
        ("reports_headcounts", [], ""),
    ],
)
def test_coordinator_sees_no_data_outside_their_scope(client, country, coordinator_a_r1, url_name, args, query):
    sign_in_with_second_factor(client, coordinator_a_r1)
    query = query.format(b=country["b"].pk, r2=country["r2"].pk)
    response = client.get(reverse(url_name, args=args) + query)
    assert response.status_code == 200
    body = _body(response)
    for foreign in FOREIGN_NAMES + ["Agency B", "Region Two"]:
        assert foreign not in body
    if url_name in {"reports_trainees", "reports_export_trainees"} and "q=" not in query and "agency=" not in query:
        assert all(name in body for name in OWN_NAMES)


def test_other_agency_coordinator_sees_only_their_agency(client, country, coordinator_b):
    sign_in_with_second_factor(client, coordinator_b)
    body = _body(client.get(reverse("reports_export_trainees", args=["csv"])))
    assert "Bakhtiyor Otheragency" in body
    assert "Tahmina Certified" not in body


@mock.patch("certificates.pdf.render_pdf", return_value=b"%PDF-1.4 test")
def test_certificate_download_follows_scope(_render, client, country, coordinator_a_r1, coordinator_b):
    own = country["certificates"]["certified"]
    foreign = country["certificates"]["other_agency"]
    sign_in_with_second_factor(client, coordinator_a_r1)
    assert client.get(reverse("certificate_download", args=[own.pk])).status_code == 200
    assert client.get(reverse("certificate_download", args=[foreign.pk])).status_code == 404
    sign_in_with_second_factor(client, coordinator_b)
    assert client.get(reverse("certificate_download", args=[own.pk])).status_code == 404
    assert client.get(reverse("certificate_download", args=[foreign.pk])).status_code == 200


@pytest.mark.parametrize(
    "url_name,args", [("reports_dashboard", []), ("reports_trainees", []), ("reports_export_matrix", ["csv"])]
)
def test_coordinator_without_mfa_is_sent_to_set_it_up(client, country, url_name, args):
    coordinator = _coordinator("nomfa@example.org", agency=country["a"], mfa=False)
    sign_in_with_second_factor(client, coordinator)
    response = client.get(reverse(url_name, args=args))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("mfa_activate_totp"))
    assert ModelLogEntry.objects.filter(action="frontline.report.export").count() == 0


@mock.patch("certificates.pdf.render_pdf", return_value=b"%PDF-1.4 test")
def test_coordinator_without_mfa_cannot_download_others_certificates(_render, client, country):
    coordinator = _coordinator("nomfa2@example.org", mfa=False)
    sign_in_with_second_factor(client, coordinator)
    assert (
        client.get(reverse("certificate_download", args=[country["certificates"]["certified"].pk])).status_code == 404
    )


@pytest.mark.parametrize("who", ["anonymous", "trainee"])
def test_reports_are_closed_to_non_coordinators(client, country, who):
    if who == "trainee":
        client.force_login(country["trainees"]["certified"])
    response = client.get(reverse("reports_dashboard"))
    assert response.status_code == (302 if who == "anonymous" else 403)


def test_exports_are_recorded_in_the_audit_log(client, country, coordinator_a_r1):
    sign_in_with_second_factor(client, coordinator_a_r1)
    response = client.get(reverse("reports_export_matrix", args=["csv"]) + f"?course={country['course'].pk}")
    rows = list(csv.reader(io.StringIO(_body(response))))
    assert rows[0][-3:] == ["Assigned", "Due soon", "Overdue"]
    assert rows[1] == ["Agency A", "Region One", "10", "4", "4", "3", "1", "10.0", "4", "1", "1"]
    entry = ModelLogEntry.objects.get(action="frontline.report.export")
    assert entry.user_id == coordinator_a_r1.pk
    assert entry.data["kind"] == "matrix" and entry.data["format"] == "csv"


def test_headcounts_are_validated_and_saved_within_scope(client, country, coordinator_a_r1):
    sign_in_with_second_factor(client, coordinator_a_r1)
    url = reverse("reports_headcounts")
    field = f"staff-{country['a'].pk}-{country['r1'].pk}"
    foreign = f"staff-{country['b'].pk}-{country['r1'].pk}"

    response = client.post(url, {field: "-5"})
    assert response.status_code == 200
    assert "Staff numbers cannot be negative." in response.content.decode()
    assert Headcount.objects.get(agency=country["a"], region=country["r1"]).staff == 10

    response = client.post(url, {field: "abc"})
    assert "Enter a whole number." in response.content.decode()

    response = client.post(url, {field: "25", foreign: "99"})
    assert response.status_code == 302
    assert Headcount.objects.get(agency=country["a"], region=country["r1"]).staff == 25
    assert not Headcount.objects.filter(agency=country["b"]).exists()


def test_drill_down_lists_progress_and_paginates(client, country, national):
    sign_in_with_second_factor(client, national)
    for n in range(30):
        UserFactory(
            email=f"bulk{n}@example.org", full_name=f"Bulk Trainee {n:02}", agency=country["a"], region=country["r1"]
        )
    url = (
        reverse("reports_trainees")
        + f"?course={country['course'].pk}&agency={country['a'].pk}&region={country['r1'].pk}"
    )
    first = client.get(url).content.decode()
    assert "34 trainees" in first and "Page 1 of 2" in first
    sorted_by_name = client.get(url + "&sort=-name").content.decode()
    assert sorted_by_name.index("Tahmina Certified") < sorted_by_name.index("Bulk Trainee 29")
    assert "Bulk Trainee" not in client.get(url + "&q=Tahmina").content.decode()
    assert client.get(url + "&sort=nonsense&page=999").status_code == 200


@pytest.mark.parametrize("query", ["?course=abc", "?period=zz", "?agency=999999", "?region=-1&course=", "?page=x"])
def test_bad_filters_never_fail(client, country, national, query):
    sign_in_with_second_factor(client, national)
    assert client.get(reverse("reports_dashboard") + query).status_code == 200
    assert client.get(reverse("reports_trainees") + query).status_code == 200


def _dashboard_queries(client, course_id):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(reverse("reports_dashboard") + f"?course={course_id}")
    assert response.status_code == 200
    return len(queries)


def test_dashboard_query_count_does_not_grow_with_trainees(client, country, national):
    sign_in_with_second_factor(client, national)
    _dashboard_queries(client, country["course"].pk)  # warm per-process caches (site root paths)
    few = _dashboard_queries(client, country["course"].pk)
    password = User.objects.get(email="t1@example.org").password
    User.objects.bulk_create(
        User(
            email=f"load{n}@example.org",
            full_name=f"Load {n}",
            agency=country["a" if n % 2 else "b"],
            region=country["r1" if n % 3 else "r2"],
            password=password,
        )
        for n in range(1000)
    )
    many = _dashboard_queries(client, country["course"].pk)
    assert few == many


def test_translated_courses_are_not_counted_as_extra_required_courses(country, national):
    """A course's Russian and Tajik pages are the same course, not extra required ones."""
    from wagtail.models import Locale

    for language in ("ru", "tg"):
        locale, _created = Locale.objects.get_or_create(language_code=language)
        translation = country["course"].copy_for_translation(locale, copy_parents=True)
        translation.save_revision().publish()
    matrix = completion_matrix(scope=Scope.for_user(national), filters=Filters(course=None))
    cell = matrix.cell(country["a"].pk, country["r1"].pk)
    assert (cell.completed, cell.certified) == (3, 1)
