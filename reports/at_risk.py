"""The at-risk list: trainees in a coordinator's scope who are overdue, or inactive for
``ProgrammeSettings.inactive_after_days`` with an assigned course unfinished.

Statuses are ``programme.status``'s (the ones My learning shows). The list is one query for the
trainees (whatever their number), one for the assignments of the trainees shown and one for the
course titles in the reader's language.
"""

from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta

from django.db.models import DateTimeField, F, OuterRef, Q, QuerySet, Subquery, Value
from django.db.models.functions import Coalesce, Greatest, NullIf
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from accounts.models import Agency, Region
from accounts.scope import Scope
from cms.i18n import localized_titles
from courses.models import CoursePage, Enrolment, LessonCompletion
from programme.models import Assignment, ProgrammeSettings
from programme.status import Status, completed_condition, programme_settings, with_status
from reports.selectors import _filtered_trainees, report_courses

# Why a trainee is listed: "" either reason, "both" overdue and inactive.
REASON_OVERDUE, REASON_INACTIVE, REASON_BOTH = "overdue", "inactive", "both"
REASONS = [
    ("", _("Overdue or inactive")),
    (REASON_OVERDUE, _("Overdue")),
    (REASON_INACTIVE, _("Inactive")),
    (REASON_BOTH, _("Overdue and inactive")),
]

# ?sort= values and their ordering; "-days" (the longest overdue first) is the default.
SORTS = {
    "name": (F("full_name").asc(),),
    "-name": (F("full_name").desc(),),
    "agency": (F("agency__sort_order").asc(), F("agency__name").asc()),
    "-agency": (F("agency__sort_order").desc(), F("agency__name").desc()),
    "region": (F("region__sort_order").asc(), F("region__name").asc()),
    "-region": (F("region__sort_order").desc(), F("region__name").desc()),
    "due": (F("first_due").asc(nulls_last=True),),
    "-due": (F("first_due").desc(nulls_last=True),),
    "-days": (F("overdue_since").asc(nulls_last=True), F("first_due").asc(nulls_last=True)),
    "days": (F("overdue_since").desc(nulls_last=True), F("first_due").asc(nulls_last=True)),
    "activity": (F("last_active").asc(nulls_first=True),),
    "-activity": (F("last_active").desc(nulls_last=True),),
}
DEFAULT_SORT = "-days"
SORT_CHOICES = [
    ("-days", _("Days overdue, most first")),
    ("days", _("Days overdue, fewest first")),
    ("due", _("Due date, earliest first")),
    ("-due", _("Due date, latest first")),
    ("activity", _("Last activity, longest ago first")),
    ("-activity", _("Last activity, most recent first")),
    ("name", _("Name, A to Z")),
    ("-name", _("Name, Z to A")),
    ("agency", _("Agency")),
    ("-agency", _("Agency, in reverse")),
    ("region", _("Region")),
    ("-region", _("Region, in reverse")),
]

# Badge class per status (the site's existing badge colours).
BADGES = {
    Status.OVERDUE: "badge-revoked",
    Status.DUE_SOON: "badge-expired",
    Status.IN_PROGRESS: "badge-required",
    Status.NOT_STARTED: "badge-required",
}


@dataclass(frozen=True)
class AtRiskFilters:
    course: CoursePage | None = None
    agency: Agency | None = None
    region: Region | None = None
    reason: str = ""

    def as_query(self) -> dict:
        query = {}
        if self.course:
            query["course"] = self.course.pk
        if self.agency:
            query["agency"] = self.agency.pk
        if self.region:
            query["region"] = self.region.pk
        if self.reason:
            query["reason"] = self.reason
        return query


def _never() -> Value:
    """A moment before any activity: stands in for "never" where SQL's GREATEST needs a value."""
    return Value(datetime(1970, 1, 2, tzinfo=UTC), output_field=DateTimeField())


def _unfinished(*, filters: AtRiskFilters) -> QuerySet:
    """Open assignments of the report courses that need the trainee to act: not completed, i.e.
    in one of ``programme.status.OPEN``, by the same condition ``status_expression`` tests first
    (written out so the database need not work out the whole status of every row)."""
    assignments = Assignment.objects.filter(ended_at__isnull=True, course__in=report_courses())
    if filters.course is not None:
        assignments = assignments.filter(course=filters.course)
    return assignments.exclude(completed_condition())


def _overdue(unfinished: QuerySet, *, today: date) -> QuerySet:
    """``Status.OVERDUE``: not completed and due before today."""
    return unfinished.filter(due_on__lt=today)


def _users_of(rows: QuerySet) -> Q:
    # Not correlated: the database computes the set once (see reports.selectors._users_in).
    return Q(pk__in=rows.order_by().values("user_id"))


def at_risk(
    *,
    scope: Scope,
    filters: AtRiskFilters,
    sort: str = DEFAULT_SORT,
    today: date | None = None,
    settings: ProgrammeSettings | None = None,
) -> QuerySet:
    """Trainees at risk, annotated with ``first_due`` (the earliest date among their unfinished
    assignments), ``overdue_since`` (the earliest date they are overdue on, or None) and
    ``last_active`` (the latest of their last sign-in, course activity and lesson completion)."""
    today = today or timezone.localdate()
    settings = settings or programme_settings()
    unfinished = _unfinished(filters=filters)
    overdue = _overdue(unfinished, today=today)
    cutoff = timezone.now() - timedelta(days=settings.inactive_after_days)

    is_overdue = _users_of(overdue)
    # Inactive: unfinished work, joined before the cut-off and no sign of life since.
    is_inactive = (
        _users_of(unfinished)
        & Q(date_joined__lt=cutoff)
        & (Q(last_login__isnull=True) | Q(last_login__lt=cutoff))
        & ~_users_of(Enrolment.objects.filter(last_activity_at__gte=cutoff))
        & ~_users_of(LessonCompletion.objects.filter(completed_at__gte=cutoff))
    )
    condition = {
        REASON_OVERDUE: is_overdue,
        REASON_INACTIVE: is_inactive,
        REASON_BOTH: is_overdue & is_inactive,
    }.get(filters.reason, is_overdue | is_inactive)

    def latest(rows: QuerySet, field: str) -> Subquery:
        return Subquery(rows.filter(user_id=OuterRef("pk")).order_by(f"-{field}").values(field)[:1])

    never = _never()
    trainees = (
        _filtered_trainees(scope, filters)
        .filter(condition, erased_at__isnull=True)
        .select_related("agency", "region")
        .annotate(
            first_due=Subquery(unfinished.filter(user_id=OuterRef("pk")).order_by("due_on").values("due_on")[:1]),
            overdue_since=Subquery(overdue.filter(user_id=OuterRef("pk")).order_by("due_on").values("due_on")[:1]),
            last_active=NullIf(
                Greatest(
                    Coalesce(F("last_login"), never),
                    Coalesce(latest(Enrolment.objects.all(), "last_activity_at"), never),
                    Coalesce(latest(LessonCompletion.objects.all(), "completed_at"), never),
                ),
                never,
            ),
        )
    )
    return trainees.order_by(*SORTS.get(sort, SORTS[DEFAULT_SORT]), "pk")


@dataclass(frozen=True)
class AtRiskCourse:
    course_id: int
    title: str
    due_on: date
    status: Status

    @property
    def badge(self) -> str:
        return BADGES.get(self.status, "badge-required")


@dataclass(frozen=True)
class AtRiskRow:
    trainee: object  # the user, annotated by ``at_risk``
    courses: list[AtRiskCourse]
    today: date

    @property
    def status(self) -> Status | None:
        """The most urgent: the status of the earliest-due unfinished assignment."""
        return self.courses[0].status if self.courses else None

    @property
    def badge(self) -> str:
        return self.courses[0].badge if self.courses else "badge-required"

    @property
    def days_overdue(self) -> int:
        since = self.trainee.overdue_since
        return (self.today - since).days if since else 0

    @property
    def inactive_days(self) -> int | None:
        active = self.trainee.last_active
        if active is None:
            return None
        return (self.today - timezone.localtime(active).date()).days


def at_risk_rows(
    trainees, *, filters: AtRiskFilters, today: date | None = None, settings: ProgrammeSettings | None = None
) -> list[AtRiskRow]:
    """Rows for trainees of ``at_risk`` (a page of them, or a chunk of an export): their
    unfinished assignments, earliest due first, in two queries."""
    today = today or timezone.localdate()
    settings = settings or programme_settings()
    trainees = list(trainees)
    if not trainees:
        return []
    assignments = list(
        with_status(_unfinished(filters=filters), today=today, settings=settings)
        .filter(user_id__in=[trainee.pk for trainee in trainees])
        .select_related("course")
        .order_by("due_on", "course__path")
    )
    titles = localized_titles({a.course_id: a.course for a in assignments}.values())
    by_user: dict[int, list[AtRiskCourse]] = {}
    for assignment in assignments:
        by_user.setdefault(assignment.user_id, []).append(
            AtRiskCourse(
                course_id=assignment.course_id,
                title=titles.get(assignment.course.translation_key, assignment.course.title),
                due_on=assignment.due_on,
                status=Status(assignment.status),
            )
        )
    return [AtRiskRow(trainee=trainee, courses=by_user.get(trainee.pk, []), today=today) for trainee in trainees]


def iter_at_risk_rows(trainees: QuerySet, *, filters: AtRiskFilters, chunk: int = 2000):
    """Every row of ``trainees`` for an export, ``chunk`` trainees (and two queries) at a time."""
    today = timezone.localdate()
    settings = programme_settings()
    batch = []
    for trainee in trainees.iterator(chunk_size=chunk):
        batch.append(trainee)
        if len(batch) == chunk:
            yield from at_risk_rows(batch, filters=filters, today=today, settings=settings)
            batch = []
    yield from at_risk_rows(batch, filters=filters, today=today, settings=settings)
