"""Coverage reports, computed by the database for a coordinator's scope.

Every function takes a ``Scope`` and reads trainees only through ``scope.trainees()``; the
number of queries is fixed, whatever the number of trainees.
"""

import hashlib
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta

from django.conf import settings
from django.core.cache import cache
from django.db.models import BooleanField, Count, Exists, ExpressionWrapper, Max, OuterRef, Q, QuerySet, Subquery, Value
from django.db.models.functions import Coalesce, TruncMonth
from django.utils import timezone
from django.utils.translation import gettext_lazy

from accounts.models import Agency, Region
from accounts.scope import Scope
from assessments.models import Attempt
from certificates.models import Certificate
from courses.models import CoursePage, Enrolment, LessonCompletion
from programme.models import Assignment, Requirement
from programme.status import Status, with_status
from reports.models import Headcount

EXPIRY_HORIZON_DAYS = 90


@dataclass(frozen=True)
class Filters:
    course: CoursePage | None = None  # None: every course the trainee holds an open assignment of
    agency: Agency | None = None
    region: Region | None = None
    since: date | None = None  # completions counted from this day

    def as_query(self) -> dict:
        query = {}
        if self.course:
            query["course"] = self.course.pk
        if self.agency:
            query["agency"] = self.agency.pk
        if self.region:
            query["region"] = self.region.pk
        return query


def cached_figures(name: str, *, scope: Scope, filters: Filters, compute):
    """Figures for a scope, filters and day, kept ``REPORTS_CACHE_SECONDS`` (they cost a pass
    over every trainee in scope and change slowly); 0 computes them every time."""
    seconds = getattr(settings, "REPORTS_CACHE_SECONDS", 300)
    if not seconds:
        return compute()
    source = repr((name, scope.pairs, sorted(filters.as_query().items()), filters.since, timezone.localdate()))
    return cache.get_or_set("reports:" + hashlib.sha256(source.encode()).hexdigest(), compute, seconds)


def report_courses() -> QuerySet[CoursePage]:
    from wagtail.models import Locale

    return CoursePage.objects.live().filter(locale=Locale.get_default()).order_by("path")


def _valid_certificate(today: date) -> Q:
    return Q(status=Certificate.Status.VALID) & (Q(expires_on__isnull=True) | Q(expires_on__gte=today))


def _flag(condition: Q) -> ExpressionWrapper:
    return ExpressionWrapper(condition, output_field=BooleanField())


def _users_in(rows: QuerySet) -> Q:
    """The trainee is one of the users of ``rows``. Not correlated with the outer query, so the
    database computes the set once and probes it per trainee (a hashed SubPlan), instead of
    running a subquery for each of 100,000 trainees."""
    return Q(pk__in=rows.order_by().values("user_id"))


def _open_assignments() -> QuerySet:
    """Open assignments of the report courses: what trainees are required to take today."""
    return Assignment.objects.filter(ended_at__isnull=True, course__in=report_courses())


def _same_user_and_course(rows: QuerySet) -> Exists:
    return Exists(rows.filter(user_id=OuterRef("user_id"), course_id=OuterRef("course_id")))


def requiring_cells() -> dict[int, set[tuple[int, int | None]]]:
    """Per report course: the (agency, region) cells an active requirement covers, region None
    for every region of the agency. Their headcount is what the course's coverage is measured
    against, whether or not anyone there has registered yet."""
    cells: dict[int, set[tuple[int, int | None]]] = {}
    for course_id, agency_id, region_id in Requirement.objects.filter(
        is_active=True, course__in=report_courses()
    ).values_list("course_id", "agency_id", "regions"):
        cells.setdefault(course_id, set()).add((agency_id, region_id))
    return cells


@dataclass
class StatusCounts:
    """Open assignments counted by their status (``programme.status``)."""

    assigned: int = 0
    statuses: dict = field(default_factory=dict)  # Status value -> count

    @property
    def overdue(self) -> int:
        return self.statuses.get(Status.OVERDUE, 0)

    @property
    def due_soon(self) -> int:
        return self.statuses.get(Status.DUE_SOON, 0)

    def add(self, status: str, count: int) -> None:
        self.assigned += count
        self.statuses[status] = self.statuses.get(status, 0) + count


def assignment_counts(
    *, scope: Scope, filters: Filters, today: date | None = None
) -> dict[tuple[int, int, int], StatusCounts]:
    """(agency, region, course) -> open assignments of trainees in scope by status, in one
    query; the status is ``programme.status``'s, the one My learning shows."""
    today = today or timezone.localdate()
    assignments = _open_assignments().filter(_in_scope(scope, filters))
    if filters.course is not None:
        assignments = assignments.filter(course=filters.course)
    counts: dict[tuple[int, int, int], StatusCounts] = {}
    for row in (
        with_status(assignments, today=today)
        .values("user__agency_id", "user__region_id", "course_id", "status")
        .annotate(n=Count("pk"))
        .order_by()
    ):
        key = (row["user__agency_id"], row["user__region_id"], row["course_id"])
        counts.setdefault(key, StatusCounts()).add(row["status"], row["n"])
    return counts


def annotate_status(trainees: QuerySet, *, filters: Filters, today: date) -> QuerySet:
    """Per trainee: required (holds an open assignment), enrolled, completed (in the period) and
    certified (valid certificate today). For "all required courses" a trainee is required when
    they hold any open assignment, and counts as completed or certified when that holds for
    every course they hold an open assignment of."""
    completed_condition = Q(completed_at__isnull=False)
    if filters.since:
        completed_condition &= Q(completed_at__date__gte=filters.since)
    valid = _valid_certificate(today)
    assignments = _open_assignments()
    if filters.course is not None:
        course = filters.course
        return trainees.annotate(
            is_required=_flag(_users_in(assignments.filter(course=course))),
            is_enrolled=_flag(_users_in(Enrolment.objects.filter(course=course))),
            is_completed=_flag(_users_in(Enrolment.objects.filter(completed_condition, course=course))),
            is_certified=_flag(_users_in(Certificate.objects.filter(valid, course=course))),
        )
    required = _users_in(assignments)

    def for_every_assigned_course(rows: QuerySet) -> Q:
        """Required, and no open assignment of theirs lacks a row of ``rows`` (one set of
        assignments lacking one, computed once, not per trainee)."""
        return required & ~_users_in(assignments.exclude(_same_user_and_course(rows)))

    return trainees.annotate(
        is_required=_flag(required),
        is_enrolled=_flag(_users_in(Enrolment.objects.filter(_same_user_and_course(assignments)))),
        is_completed=_flag(for_every_assigned_course(Enrolment.objects.filter(completed_condition))),
        is_certified=_flag(for_every_assigned_course(Certificate.objects.filter(valid))),
    )


@dataclass(frozen=True)
class Band:
    """A coverage band: its CSS name, the lowest whole percentage it takes, and its legend text."""

    name: str
    floor: int
    label: str


# Fixed bands, so a colour means the same in every region and every month. The low end is split
# finer than the top: during a roll-out, under 10 % and 10–24 % are different stories.
COVERAGE_BANDS = (
    Band("high", 75, "≥ 75%"),
    Band("mid", 50, "50–74%"),
    Band("low", 25, "25–49%"),
    Band("poor", 10, "10–24%"),
    Band("scarce", 0, "< 10%"),
)
OTHER_BANDS = (
    Band("none", 0, gettext_lazy("nobody certified")),
    Band("some", 0, gettext_lazy("certified, no headcount")),
    Band("unknown", 0, gettext_lazy("no headcount")),
)
BANDS_BY_NAME = {band.name: band for band in COVERAGE_BANDS + OTHER_BANDS}


class Coverage:
    """Shared by cells and course rows: ``certified`` out of ``headcount``, as a whole percentage
    (rounded half up, the same number the band is chosen by and the page prints)."""

    headcount: int | None
    certified: int

    @property
    def coverage(self) -> float | None:
        """Share of staff holding a valid certificate; None without a headcount."""
        if not self.headcount:
            return None
        return self.certified / self.headcount

    @property
    def percent(self) -> int | None:
        if not self.headcount:
            return None
        return (200 * self.certified + self.headcount) // (2 * self.headcount)

    @property
    def percent_label(self) -> str:
        """ "13%"; "<1%" when someone is certified but too few to round up; "–" without a headcount."""
        percent = self.percent
        if percent is None:
            return "–"
        if percent == 0 and self.certified:
            return "<1%"
        return f"{percent}%"

    @property
    def coverage_band(self) -> str:
        percent = self.percent
        if percent is None:
            return "unknown" if self.certified == 0 else "some"
        if self.certified == 0:
            return "none"
        return next(band.name for band in COVERAGE_BANDS if percent >= band.floor)

    @property
    def band(self) -> Band:
        return BANDS_BY_NAME[self.coverage_band]


COUNTED = ("registered", "enrolled", "completed", "certified", "assigned", "due_soon", "overdue")


@dataclass
class Cell(Coverage):
    agency_id: int
    region_id: int
    headcount: int | None = None
    registered: int = 0
    enrolled: int = 0
    completed: int = 0
    certified: int = 0
    # Open assignments of the trainees here (of the course shown, or of every course), by status.
    assigned: int = 0
    due_soon: int = 0
    overdue: int = 0
    # The course shown (or, for all required courses, at least one course) is required here: an
    # active requirement covers the cell, or someone in it holds an open assignment of it.
    # Region and country totals count only such cells: coverage is measured against the staff
    # who need the training, so a volunteer from another agency does not raise it.
    required: bool = True

    @property
    def uncovered(self) -> bool:
        """Staff who need the training exist here (known or registered) but nobody holds a valid certificate."""
        return self.required and self.certified == 0 and bool(self.headcount or self.registered)

    def add(self, other: "Cell") -> None:
        for name in COUNTED:
            setattr(self, name, getattr(self, name) + getattr(other, name))
        if other.headcount is not None:
            self.headcount = (self.headcount or 0) + other.headcount


@dataclass
class CourseCoverage(Coverage):
    """One required course across the matrix: the staff of the agencies that require it, and how
    many of them hold a valid certificate for it. The sum over courses is the share of required
    certificates held (each person counted once per course their agency requires)."""

    course: CoursePage | None
    headcount: int | None = None
    certified: int = 0
    agencies: int = 0
    assigned: int = 0
    due_soon: int = 0
    overdue: int = 0


@dataclass
class Matrix:
    agencies: list
    regions: list
    cells: dict = field(default_factory=dict)  # (agency_id, region_id) -> Cell
    agency_totals: dict = field(default_factory=dict)
    region_totals: dict = field(default_factory=dict)
    total: Cell = field(default_factory=lambda: Cell(0, 0))
    # All required courses only: one row per course, and their sum ("required certificates held").
    courses: list[CourseCoverage] = field(default_factory=list)
    places: CourseCoverage | None = None

    def cell(self, agency_id: int, region_id: int) -> Cell:
        return self.cells[(agency_id, region_id)]

    def rows(self):
        """(agency, [(region, cell), ...], agency total) for templates and exports."""
        for agency in self.agencies:
            yield (
                agency,
                [(region, self.cells[(agency.pk, region.pk)]) for region in self.regions],
                self.agency_totals[agency.pk],
            )


def _course_certified_key(course_id: int) -> str:
    return f"certified_{course_id}"


class _Requirements:
    """Which cells require which course: an active requirement covers the cell, or someone in
    it holds an open assignment of the course."""

    def __init__(self, cells: dict, counts: dict):
        self.cells = cells
        self.assigned = {key for key, counted in counts.items() if counted.assigned}
        self.courses = sorted(set(cells) | {course_id for _a, _r, course_id in self.assigned})

    def requires(self, course_id: int, agency_id: int, region_id: int) -> bool:
        covered = self.cells.get(course_id, ())
        return (
            (agency_id, None) in covered
            or (agency_id, region_id) in covered
            or (agency_id, region_id, course_id) in self.assigned
        )

    def requires_any(self, courses, agency_id: int, region_id: int) -> bool:
        return any(self.requires(course_id, agency_id, region_id) for course_id in courses)


def completion_matrix(*, scope: Scope, filters: Filters, today: date | None = None) -> Matrix:
    """Agency x region: headcount, registered, enrolled, completed, certified, coverage, and the
    open assignments there (assigned, due soon, overdue).

    Region and country totals count the cells that require the course (any course for "all
    required courses"); other cells keep their own figures and their agency's row. For all
    required courses, ``courses`` also gives each course's coverage among the staff who need
    it, from the same queries: five, whatever the number of trainees and courses."""
    today = today or timezone.localdate()
    agencies = list(scope.agencies().filter(**({"pk": filters.agency.pk} if filters.agency else {})))
    regions = list(scope.regions().filter(**({"pk": filters.region.pk} if filters.region else {})))
    counts = assignment_counts(scope=scope, filters=filters, today=today)
    requirements = _Requirements(requiring_cells(), counts)
    shown = [filters.course.pk] if filters.course is not None else requirements.courses
    matrix = Matrix(agencies=agencies, regions=regions)
    for agency in agencies:
        matrix.agency_totals[agency.pk] = Cell(agency.pk, 0, required=False)
        for region in regions:
            if scope.allows(agency.pk, region.pk):
                matrix.cells[(agency.pk, region.pk)] = Cell(
                    agency.pk, region.pk, required=requirements.requires_any(shown, agency.pk, region.pk)
                )
            else:
                matrix.cells[(agency.pk, region.pk)] = None
    for region in regions:
        matrix.region_totals[region.pk] = Cell(0, region.pk)
    for (agency_id, region_id, _course_id), counted in counts.items():
        cell = matrix.cells.get((agency_id, region_id))
        if cell is not None:
            cell.assigned += counted.assigned
            cell.due_soon += counted.due_soon
            cell.overdue += counted.overdue

    per_course = {}
    if filters.course is None:
        valid = _valid_certificate(today)
        per_course = {
            _course_certified_key(course_id): Count(
                "pk", filter=_users_in(Certificate.objects.filter(valid, course_id=course_id))
            )
            for course_id in requirements.courses
        }
    trainees = scope.trainees().filter(agency__in=agencies, region__in=regions)
    rows = (
        annotate_status(trainees, filters=filters, today=today)
        .values("agency_id", "region_id")
        .annotate(
            registered=Count("pk"),
            enrolled=Count("pk", filter=Q(is_enrolled=True)),
            completed=Count("pk", filter=Q(is_completed=True)),
            certified=Count("pk", filter=Q(is_certified=True)),
            **per_course,
        )
        .order_by()
    )
    course_certified = {}  # (agency_id, region_id) -> {course_id: certified}
    for row in rows:
        cell = matrix.cells.get((row["agency_id"], row["region_id"]))
        if cell is None:
            continue
        for name in ("registered", "enrolled", "completed", "certified"):
            setattr(cell, name, row[name])
        course_certified[(row["agency_id"], row["region_id"])] = {
            course_id: row[_course_certified_key(course_id)] for course_id in requirements.courses if per_course
        }
    for agency_id, region_id, staff in Headcount.objects.filter(agency__in=agencies, region__in=regions).values_list(
        "agency_id", "region_id", "staff"
    ):
        cell = matrix.cells.get((agency_id, region_id))
        if cell is not None:
            cell.headcount = staff
    for (agency_id, region_id), cell in matrix.cells.items():
        if cell is None:
            continue
        total = matrix.agency_totals[agency_id]
        total.add(cell)
        total.required = total.required or cell.required
        if cell.required:
            matrix.region_totals[region_id].add(cell)
            matrix.total.add(cell)
    if filters.course is None:
        _add_course_rows(matrix, requirements, course_certified, counts)
    return matrix


def _add_course_rows(matrix: Matrix, requirements: _Requirements, course_certified: dict, counts: dict) -> None:
    """Per required course: the headcount of the cells that require it, their holders and their
    open assignments. The same cells as the matrix, so a course's row equals the dashboard
    filtered to that course."""
    by_id = {course.pk: course for course in report_courses().filter(pk__in=requirements.courses)}
    places = CourseCoverage(course=None)
    for course_id in requirements.courses:
        if course_id not in by_id:
            continue
        row = CourseCoverage(course=by_id[course_id])
        agencies = set()
        for (agency_id, region_id), cell in matrix.cells.items():
            if cell is None or not requirements.requires(course_id, agency_id, region_id):
                continue
            agencies.add(agency_id)
            if cell.headcount is not None:
                row.headcount = (row.headcount or 0) + cell.headcount
            row.certified += course_certified.get((agency_id, region_id), {}).get(course_id, 0)
            counted = counts.get((agency_id, region_id, course_id))
            if counted is not None:
                row.assigned += counted.assigned
                row.due_soon += counted.due_soon
                row.overdue += counted.overdue
        row.agencies = len(agencies)
        matrix.courses.append(row)
        places.certified += row.certified
        for name in ("assigned", "due_soon", "overdue"):
            setattr(places, name, getattr(places, name) + getattr(row, name))
        if row.headcount is not None:
            places.headcount = (places.headcount or 0) + row.headcount
    matrix.courses.sort(key=lambda row: row.course.path)
    matrix.places = places


def months_before(month: date, count: int) -> date:
    """The first day of the month ``count`` calendar months before ``month``."""
    index = month.year * 12 + month.month - 1 - count
    return date(index // 12, index % 12 + 1, 1)


def completions_by_month(
    *, scope: Scope, filters: Filters, months: int = 12, today: date | None = None
) -> list[tuple[date, int]]:
    """Course completions per month over the last ``months`` months, the current month (to date)
    last."""
    today = today or timezone.localdate()
    first = months_before(today.replace(day=1), months - 1)
    # A range on completed_at itself (not on its local date) can use the (course, completed_at) index.
    enrolments = Enrolment.objects.filter(
        _in_scope(scope, filters), completed_at__gte=timezone.make_aware(datetime.combine(first, time.min))
    )
    if filters.course is not None:
        enrolments = enrolments.filter(course=filters.course)
    else:
        # Completions of a course the trainee was assigned (in any cycle): required when done.
        enrolments = enrolments.filter(_same_user_and_course(Assignment.objects.all()))
    counts = {
        timezone.localtime(row["month"]).date() if isinstance(row["month"], datetime) else row["month"]: row["n"]
        for row in enrolments.annotate(month=TruncMonth("completed_at"))
        .values("month")
        .annotate(n=Count("pk"))
        .order_by()
    }
    series = []
    month = first
    for _ in range(months):
        series.append((month, counts.get(month, 0)))
        month = (month + timedelta(days=32)).replace(day=1)
    return series


def _in_scope(scope: Scope, filters: Filters) -> Exists:
    """The row's user is a trainee in scope: a semi-join driven by the (few) matching rows,
    instead of hashing every trainee as ``user__in=`` does."""
    return Exists(_filtered_trainees(scope, filters).filter(pk=OuterRef("user_id")))


def _filtered_trainees(scope: Scope, filters: Filters) -> QuerySet:
    trainees = scope.trainees()
    if filters.agency:
        trainees = trainees.filter(agency=filters.agency)
    if filters.region:
        trainees = trainees.filter(region=filters.region)
    return trainees


def certificates_expiring(
    *, scope: Scope, filters: Filters, days: int = EXPIRY_HORIZON_DAYS, today: date | None = None
) -> int:
    today = today or timezone.localdate()
    certificates = Certificate.objects.filter(
        _in_scope(scope, filters),
        status=Certificate.Status.VALID,
        expires_on__gte=today,
        expires_on__lte=today + timedelta(days=days),
    )
    if filters.course is not None:
        certificates = certificates.filter(course=filters.course)
    return certificates.count()


SORTS = {
    "name": "full_name",
    "-name": "-full_name",
    "activity": "last_activity",
    "-activity": "-last_activity",
    "score": "best_score",
    "-score": "-best_score",
    "lessons": "lessons_done",
    "-lessons": "-lessons_done",
}


def trainee_rows(
    *, scope: Scope, filters: Filters, search: str = "", sort: str = "name", today: date | None = None
) -> QuerySet:
    """The trainees behind a matrix cell, with their progress in the chosen course."""
    today = today or timezone.localdate()
    course = filters.course
    trainees = _filtered_trainees(scope, filters).select_related("agency", "region")
    if search:
        trainees = trainees.filter(
            Q(full_name__icontains=search) | Q(email__icontains=search) | Q(position__icontains=search)
        )
    completions = LessonCompletion.objects.filter(user=OuterRef("pk"))
    attempts = Attempt.objects.filter(user=OuterRef("pk")).exclude(status=Attempt.Status.IN_PROGRESS)
    certificates = Certificate.objects.filter(user=OuterRef("pk")).exclude(status=Certificate.Status.SUPERSEDED)
    enrolments = Enrolment.objects.filter(user=OuterRef("pk"))
    if course is not None:
        completions = completions.filter(course=course)
        attempts = attempts.filter(course=course)
        certificates = certificates.filter(course=course)
        enrolments = enrolments.filter(course=course)

    def aggregate(queryset, expression):
        return Subquery(queryset.order_by().values("user").annotate(value=expression).values("value")[:1])

    trainees = trainees.annotate(
        lessons_done=Coalesce(aggregate(completions, Count("pk")), Value(0)),
        attempt_count=Coalesce(aggregate(attempts, Count("pk")), Value(0)),
        best_score=aggregate(attempts, Max("score")),
        certificate_id=Subquery(certificates.order_by("-issued_at").values("pk")[:1]),
        certificate_status=Subquery(certificates.order_by("-issued_at").values("status")[:1]),
        certificate_expires=Subquery(certificates.order_by("-issued_at").values("expires_on")[:1]),
        last_activity=aggregate(enrolments, Max("last_activity_at")),
    )
    return trainees.order_by(SORTS.get(sort, "full_name"), "pk")
