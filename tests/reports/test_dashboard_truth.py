"""The dashboard's figures, checked against a small country whose numbers are worked out by hand:
what the chart draws (the current month included, marked "to date"), what the headline counts
and that it adds up from the per-course rows, and the band each region is coloured by."""

import re
from datetime import date, datetime, time, timedelta
from html import unescape

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import formats, timezone, translation

from accounts.models import Region
from certificates import codes
from certificates.models import Certificate
from courses.models import Enrolment
from reports import charts
from reports.models import Headcount
from reports.selectors import Cell, months_before
from tests.factories import (
    AgencyFactory,
    PassedAttemptFactory,
    UserFactory,
    build_course,
    make_coordinator,
    sign_in_with_second_factor,
)
from tests.reports.builders import assign

PLOT_TOP, PLOT_BOTTOM = 14, 166  # charts.bar_chart's default geometry: bars grow from 166 up to 14


def _certify(user, course):
    return Certificate.objects.create(
        code=codes.generate(),
        user=user,
        course=course,
        attempt=PassedAttemptFactory(user=user, course=course),
        holder_name=user.full_name,
        course_title=course.title,
        region=user.region,
        agency=user.agency,
        expires_on=timezone.localdate() + timedelta(days=365),
    )


def _completed(user, course, day: date):
    moment = timezone.make_aware(datetime.combine(day, time(12)))
    return Enrolment.objects.create(user=user, course=course, completed_at=moment)


def _mid_month(months_ago: int) -> date:
    return months_before(timezone.localdate().replace(day=1), months_ago) + timedelta(days=14)


@pytest.fixture
def country(db, catalogue):
    """Agency A requires courses X and Y, agency B only X. Staff: A 10 in Sughd, 10 in Khatlon,
    4 in Dushanbe; B 20 in Sughd.

    Valid certificates: a1 (A, Sughd) X+Y, a2 (A, Sughd) X, a3 (A, Khatlon) Y, b1 (B, Sughd) X,
    b2 (B, Sughd) Y (a volunteer: B does not require Y), d1-d3 (A, Dushanbe) X+Y."""
    a, b = AgencyFactory(code="truth-a", name="Agency A"), AgencyFactory(code="truth-b", name="Agency B")
    sughd, khatlon, dushanbe = (Region.objects.get(code=code) for code in ("sughd", "khatlon", "dushanbe"))
    x = build_course(title="Course X", lessons=1, catalogue=catalogue)
    y = build_course(title="Course Y", lessons=1, catalogue=catalogue)
    required = {a: [x, y], b: [x]}
    for agency, region, staff in ((a, sughd, 10), (a, khatlon, 10), (a, dushanbe, 4), (b, sughd, 20)):
        Headcount.objects.create(agency=agency, region=region, staff=staff)
    people = {
        "a1": (a, sughd, [x, y]),
        "a2": (a, sughd, [x]),
        "a3": (a, khatlon, [y]),
        "b1": (b, sughd, [x]),
        "b2": (b, sughd, [y]),
        "d1": (a, dushanbe, [x, y]),
        "d2": (a, dushanbe, [x, y]),
        "d3": (a, dushanbe, [x, y]),
    }
    trainees = {}
    for key, (agency, region, courses) in people.items():
        trainees[key] = UserFactory(
            email=f"{key}@example.org", full_name=f"Trainee {key}", agency=agency, region=region
        )
        certificates = {course: _certify(trainees[key], course) for course in courses}
        # Each trainee holds an assignment of every course their agency requires, completed
        # with the certificate where they hold one; b2's Y certificate is of no assignment.
        for course in required[agency]:
            assign(trainees[key], course, certificate=certificates.get(course))
    today = timezone.localdate()
    # Completions of required courses: 3 this month, 1 last month, 1 eleven months ago (the
    # oldest month shown), 1 twelve months ago (not shown); b2's is not required, so not counted.
    _completed(trainees["a1"], x, today)
    _completed(trainees["a2"], x, today)
    _completed(trainees["a1"], y, today)
    _completed(trainees["d1"], x, _mid_month(1))
    _completed(trainees["d2"], x, _mid_month(11))
    _completed(trainees["d3"], x, _mid_month(12))
    _completed(trainees["b2"], y, today)
    coordinator = make_coordinator(email="national@example.org", full_name="National Coordinator")
    return {"x": x, "y": y, "a": a, "b": b, "coordinator": coordinator}


@pytest.fixture
def dashboard(client, country, settings):
    settings.REPORTS_CACHE_SECONDS = 0
    sign_in_with_second_factor(client, country["coordinator"])

    def get(query: str = "") -> str:
        response = client.get(reverse("reports_dashboard") + query)
        assert response.status_code == 200
        return response.content.decode()

    return get


def _kpi(html: str, kpi_id: str) -> str:
    return re.search(rf'id="{kpi_id}"><span class="kpi-value">([^<]*)</span>', html).group(1)


def _bars(html: str) -> list[dict]:
    chart = re.search(r'<svg viewBox="0 0 360 210"[^>]*class="chart">(.*?)</svg>', html, re.S).group(1)
    return [
        {"height": float(m[0]), "class": m[1], "month": m[2], "value": int(m[3])}
        for m in re.findall(r'height="([\d.]+)" class="(bar[^"]*)" data-month="([^"]*)" data-value="(\d+)"', chart)
    ]


def test_the_chart_ends_with_the_current_month_marked_to_date(dashboard):
    html = dashboard()
    bars = _bars(html)
    today = timezone.localdate()
    assert len(bars) == 12
    assert bars[-1]["month"] == today.strftime("%Y-%m")
    assert bars[0]["month"] == months_before(today.replace(day=1), 11).strftime("%Y-%m")
    assert [bar["value"] for bar in bars] == [1] + [0] * 9 + [1, 3]
    # The axis tops at 3, the largest month: 3 fills the plot, 1 is a third of it, 0 is flat.
    plot = PLOT_BOTTOM - PLOT_TOP
    assert [bar["height"] for bar in bars] == pytest.approx([plot / 3] + [0] * 9 + [plot / 3, plot], abs=0.05)
    assert "bar-to-date" in bars[-1]["class"] and all("to-date" not in bar["class"] for bar in bars[:-1])
    assert "Course completions per month, last 12 months (5 in all)" in html
    current = today.strftime("%B %Y")
    assert f"{current}: to date (up to" in html
    figures = re.search(r'<details class="chart-figures">(.*?)</details>', html, re.S).group(1)
    assert re.search(rf'<tr class="to-date"><th scope="row">{current} \(to date\)</th><td class="num">3</td>', figures)


def test_the_axis_figures_sit_in_a_gutter_left_of_the_first_bar(dashboard):
    chart = re.search(r'class="chart">(.*?)</svg>', dashboard(), re.S).group(1)
    first_bar_x = float(re.search(r'<rect x="([\d.]+)" y="[\d.]+" width="[\d.]+" height="[\d.]+" class="bar', chart)[1])
    axis = re.findall(r'<text x="([\d.]+)" y="[\d.]+" class="axis axis-value" text-anchor="end">([^<]*)</text>', chart)
    assert [value for _x, value in axis] == ["0", "3"]
    assert all(float(x) < first_bar_x for x, _value in axis)


def test_headline_coverage_is_the_sum_of_the_per_course_rows(dashboard, country):
    html = dashboard()
    rows = re.search(r'<table class="data-table course-coverage">(.*?)</table>', html, re.S).group(1)
    body = re.findall(
        r'<tr>\s*<th scope="row"><a href="[^"]*">([^<]*)</a></th>\s*'
        r'<td class="num"[^>]*>([\d,]+)</td>\s*<td class="num"[^>]*>([\d,]+)</td>\s*'
        r'<td class="num"[^>]*><span><span class="swatch band-(\w+)"></span>([^<]*)</span></td>',
        rows,
    )
    # X: staff of A and B (24 + 20), held by a1, a2, b1, d1-d3. Y: staff of A only (24), held by
    # a1, a3, d1-d3; b2's certificate is not counted, B does not require Y.
    assert body == [("Course X", "44", "6", "poor", "14%"), ("Course Y", "24", "5", "poor", "21%")]
    total = re.search(r"<tfoot>(.*?)</tfoot>", rows, re.S).group(1)
    assert re.findall(r'<td class="num"[^>]*>([^<]*)</td>', total)[:2] == ["68", "11"]
    assert sum(int(row[1]) for row in body) == 68 and sum(int(row[2]) for row in body) == 11
    assert _kpi(html, "kpi-places") == "16%"  # 11 / 68
    assert "Required certificates held: 11 of 68" in html
    # Fully trained: every required course held: a1, b1 (B needs only X), d1-d3: 5 of 44 staff.
    assert _kpi(html, "kpi-fully-trained") == "11%"
    assert "Fully trained: 5 staff hold a valid certificate for every course they are assigned" in html


@pytest.mark.parametrize(("course", "headline"), [("x", "14%"), ("y", "21%")])
def test_a_course_on_its_own_shows_the_same_figure_as_its_row(dashboard, country, course, headline):
    html = dashboard(f"?course={country[course].pk}")
    assert _kpi(html, "kpi-coverage") == headline
    assert "course-coverage" not in html  # the per-course table belongs to "all required courses"


def test_course_not_required_by_an_agency_is_left_out_of_its_totals(dashboard, country):
    html = dashboard(f"?course={country['y'].pk}")
    staff = re.search(r'<span class="kpi-value">([^<]*)</span><span class="kpi-label">Staff who need this course', html)
    assert staff.group(1) == "24"
    assert "Not required for this agency: left out of the totals" in html


def _region_rows(html: str) -> dict[str, tuple[str, str, str]]:
    table = re.search(r'<table class="data-table region-coverage">(.*?)</table>', html, re.S).group(1)
    return {
        code: (band, figure, unescape(label).strip())
        for code, band, figure, label in re.findall(
            r'<tr data-region="([\w-]+)">.*?<td class="band-(\w+) band-cell"><strong>([^<]*)</strong>.*?'
            r'<span class="band-name"><span class="swatch band-\w+"></span>([^<]*)</span>',
            table,
            re.S,
        )
    }


def test_regions_are_coloured_by_their_coverage_band_with_the_band_in_words(dashboard):
    html = dashboard()
    rows = _region_rows(html)
    # Fully trained per region: Sughd a1 + b1 of 30 staff; Khatlon nobody of 10; Dushanbe d1-d3 of 4.
    assert rows["sughd"] == ("scarce", "7%", "< 10%")
    assert rows["khatlon"] == ("none", "0%", "nobody certified")
    assert rows["dushanbe"] == ("high", "75%", "≥ 75%")
    assert rows["gbao"] == ("unknown", "–", "no headcount")
    svg = re.search(r'class="map">(.*?)</svg>', html, re.S).group(1)
    assert re.search(r'class="band-scarce" data-region="sughd"', svg)
    assert re.search(r'class="band-none" data-region="khatlon"', svg)
    assert re.search(r'class="band-high city" data-region="dushanbe"', svg)
    assert re.search(r'class="map-value"[^>]*data-region="dushanbe">75%</text>', svg)
    legend = re.search(r'<ul class="legend"[^>]*>(.*?)</ul>', html, re.S).group(1)
    for text in ("≥ 75%", "50–74%", "25–49%", "10–24%", "&lt; 10%", "nobody certified", "no headcount"):
        assert text in legend


def test_the_chart_names_its_months_in_the_readers_language(dashboard):
    with translation.override("ru"):
        html = dashboard()
        current = formats.date_format(timezone.localdate(), "F Y")
    figures = re.search(r'<details class="chart-figures">(.*?)</details>', html, re.S).group(1)
    assert re.search(rf'<tr class="to-date"><th scope="row">{current} \(', figures)
    assert [bar["value"] for bar in _bars(html)][-2:] == [1, 3]


@pytest.mark.parametrize(
    ("certified", "headcount", "band", "printed"),
    [
        (3, 4, "high", "75%"),
        (149, 200, "high", "75%"),  # 74.5 % prints as 75 %, so it takes the band of 75 %
        (297, 400, "mid", "74%"),
        (1, 2, "mid", "50%"),
        (49, 100, "low", "49%"),
        (1, 10, "poor", "10%"),
        (1, 11, "scarce", "9%"),
        (1, 1000, "scarce", "<1%"),  # someone is certified: never printed as 0 %
        (0, 10, "none", "0%"),
        (2, None, "some", "–"),
    ],
)
def test_a_band_is_chosen_by_the_percentage_printed(certified, headcount, band, printed):
    cell = Cell(0, 0, headcount=headcount, certified=certified)
    assert (cell.coverage_band, cell.percent_label) == (band, printed)


def test_nice_axis_tops():
    assert [charts.nice_ceiling(n) for n in (0, 1, 3, 7, 11, 32, 241, 1001)] == [0, 1, 3, 8, 15, 40, 250, 1500]


def test_per_course_figures_cost_no_query_per_course(client, country, catalogue, settings):
    settings.REPORTS_CACHE_SECONDS = 0
    sign_in_with_second_factor(client, country["coordinator"])
    url = reverse("reports_dashboard")
    client.get(url)  # warm per-process caches (site root paths)

    def count() -> int:
        with CaptureQueriesContext(connection) as queries:
            assert client.get(url).status_code == 200
        return len(queries)

    before = count()
    z = build_course(title="Course Z", lessons=1, catalogue=catalogue)
    z1 = UserFactory(email="z1@example.org", agency=country["a"], region=Region.objects.get(code="gbao"))
    assign(z1, z, certificate=_certify(z1, z))
    count()  # creating a page clears per-process page caches; warm them again
    assert count() == before
