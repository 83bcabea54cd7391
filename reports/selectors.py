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

from accounts.models import Agency, Region
from accounts.scope import Scope
from assessments.models import Attempt
from certificates.models import Certificate
from courses.models import CoursePage, Enrolment, LessonCompletion
from reports.models import Headcount

# A trainee who has not completed a required course this many days after joining is overdue.
OVERDUE_AFTER_DAYS = 90
EXPIRY_HORIZON_DAYS = 90


@dataclass(frozen=True)
class Filters:
    course: CoursePage | None = None  # None: all courses required for the trainee's agency
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


def required_by() -> dict[int, list[int]]:
    """Per report course (live, default language): the agencies that require it.

    Translations of a course carry the same audiences but are not separate courses: progress
    and certificates always point at the default-language page."""
    courses = {}
    for course_id, agency_id in CoursePage.audiences.through.objects.filter(
        coursepage__in=report_courses()
    ).values_list("coursepage_id", "agency_id"):
        courses.setdefault(course_id, []).append(agency_id)
    return courses


def annotate_status(trainees: QuerySet, *, filters: Filters, today: date) -> QuerySet:
    """Per trainee: enrolled, completed (in the period), certified (valid certificate today),
    and required. For "all required courses" a trainee counts as completed or certified when
    that holds for every course their agency requires."""
    completed_condition = Q(completed_at__isnull=False)
    if filters.since:
        completed_condition &= Q(completed_at__date__gte=filters.since)
    valid = _valid_certificate(today)
    if filters.course is not None:
        course = filters.course
        return trainees.annotate(
            is_enrolled=_flag(_users_in(Enrolment.objects.filter(course=course))),
            is_completed=_flag(_users_in(Enrolment.objects.filter(completed_condition, course=course))),
            is_certified=_flag(_users_in(Certificate.objects.filter(valid, course=course))),
            is_required=_flag(
                Q(agency_id__in=CoursePage.audiences.through.objects.filter(coursepage=course).values("agency_id"))
            ),
        )
    courses = required_by()
    requiring = [agency for agencies in courses.values() for agency in agencies]

    def for_every_required_course(rows: QuerySet) -> Q:
        """For each course: the trainee's agency does not require it, or the trainee has a row."""
        condition = Q(agency_id__in=requiring)
        for course_id, agencies in courses.items():
            condition &= ~Q(agency_id__in=agencies) | _users_in(rows.filter(course_id=course_id))
        return condition

    enrolled = Q(pk__in=[])
    for course_id, agencies in courses.items():
        enrolled |= Q(agency_id__in=agencies) & _users_in(Enrolment.objects.filter(course_id=course_id))
    return trainees.annotate(
        is_required=_flag(Q(agency_id__in=requiring)),
        is_enrolled=_flag(enrolled),
        is_completed=_flag(for_every_required_course(Enrolment.objects.filter(completed_condition))),
        is_certified=_flag(for_every_required_course(Certificate.objects.filter(valid))),
    )


def _overdue_q() -> Q:
    return Q(is_required=True, is_certified=False, date_joined__lt=timezone.now() - timedelta(days=OVERDUE_AFTER_DAYS))


@dataclass
class Cell:
    agency_id: int
    region_id: int
    headcount: int | None = None
    registered: int = 0
    enrolled: int = 0
    completed: int = 0
    certified: int = 0
    overdue: int = 0

    @property
    def coverage(self) -> float | None:
        """Share of staff holding a valid certificate; None without a headcount."""
        if not self.headcount:
            return None
        return self.certified / self.headcount

    @property
    def coverage_band(self) -> str:
        coverage = self.coverage
        if coverage is None:
            return "unknown" if self.certified == 0 else "some"
        if coverage >= 0.75:
            return "high"
        if coverage >= 0.5:
            return "mid"
        if coverage >= 0.25:
            return "low"
        return "none" if self.certified == 0 else "poor"

    @property
    def uncovered(self) -> bool:
        """Staff exist here (known or registered) but nobody holds a valid certificate."""
        return self.certified == 0 and bool(self.headcount or self.registered)

    def add(self, other: "Cell") -> None:
        for name in ("registered", "enrolled", "completed", "certified", "overdue"):
            setattr(self, name, getattr(self, name) + getattr(other, name))
        if other.headcount is not None:
            self.headcount = (self.headcount or 0) + other.headcount


@dataclass
class Matrix:
    agencies: list
    regions: list
    cells: dict = field(default_factory=dict)  # (agency_id, region_id) -> Cell
    agency_totals: dict = field(default_factory=dict)
    region_totals: dict = field(default_factory=dict)
    total: Cell = field(default_factory=lambda: Cell(0, 0))

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


def completion_matrix(*, scope: Scope, filters: Filters, today: date | None = None) -> Matrix:
    """Agency x region: headcount, registered, enrolled, completed, certified, coverage."""
    today = today or timezone.localdate()
    agencies = list(scope.agencies().filter(**({"pk": filters.agency.pk} if filters.agency else {})))
    regions = list(scope.regions().filter(**({"pk": filters.region.pk} if filters.region else {})))
    matrix = Matrix(agencies=agencies, regions=regions)
    for agency in agencies:
        matrix.agency_totals[agency.pk] = Cell(agency.pk, 0)
        for region in regions:
            if scope.allows(agency.pk, region.pk):
                matrix.cells[(agency.pk, region.pk)] = Cell(agency.pk, region.pk)
            else:
                matrix.cells[(agency.pk, region.pk)] = None
    for region in regions:
        matrix.region_totals[region.pk] = Cell(0, region.pk)

    trainees = scope.trainees().filter(agency__in=agencies, region__in=regions)
    rows = (
        annotate_status(trainees, filters=filters, today=today)
        .values("agency_id", "region_id")
        .annotate(
            registered=Count("pk"),
            enrolled=Count("pk", filter=Q(is_enrolled=True)),
            completed=Count("pk", filter=Q(is_completed=True)),
            certified=Count("pk", filter=Q(is_certified=True)),
            overdue=Count("pk", filter=_overdue_q()),
        )
        .order_by()
    )
    for row in rows:
        cell = matrix.cells.get((row["agency_id"], row["region_id"]))
        if cell is None:
            continue
        for name in ("registered", "enrolled", "completed", "certified", "overdue"):
            setattr(cell, name, row[name])
    for agency_id, region_id, staff in Headcount.objects.filter(agency__in=agencies, region__in=regions).values_list(
        "agency_id", "region_id", "staff"
    ):
        cell = matrix.cells.get((agency_id, region_id))
        if cell is not None:
            cell.headcount = staff
    for (agency_id, region_id), cell in matrix.cells.items():
        if cell is None:
            continue
        matrix.agency_totals[agency_id].add(cell)
        matrix.region_totals[region_id].add(cell)
        matrix.total.add(cell)
    return matrix


def completions_by_month(
    *, scope: Scope, filters: Filters, months: int = 12, today: date | None = None
) -> list[tuple[date, int]]:
    """Course completions per month over the last ``months`` months (oldest first)."""
    today = today or timezone.localdate()
    first = (today.replace(day=1) - timedelta(days=31 * (months - 1))).replace(day=1)
    # A range on completed_at itself (not on its local date) can use the (course, completed_at) index.
    enrolments = Enrolment.objects.filter(
        _in_scope(scope, filters), completed_at__gte=timezone.make_aware(datetime.combine(first, time.min))
    )
    if filters.course is not None:
        enrolments = enrolments.filter(course=filters.course)
    else:
        required = Q(pk__in=[])
        for course_id, agencies in required_by().items():
            required |= Q(course_id=course_id, user__agency_id__in=agencies)
        enrolments = enrolments.filter(required)
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
