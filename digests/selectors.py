"""Reads for digests, scheduled reports and exports.

The coverage figures are the reports' own (``reports.selectors``): a digest says what the
dashboard says. A digest's figures are kept with its delivery (``DigestDelivery.figures``), so
next week's digest compares with what this one said, and a retried send says the same."""

from dataclasses import dataclass
from datetime import date, timedelta

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db.models import Count, Q, QuerySet
from django.utils import timezone

from accounts.models import CoordinatorScope, Region
from accounts.scope import Scope
from cms.i18n import localized_titles
from courses.models import CoursePage
from digests.models import DigestDelivery, ExportJob, ReportSubscription
from programme.models import Assignment, EmailOptOut
from programme.status import Status, with_status
from reports import selectors as reports

DIGEST_EXPIRY_DAYS = 30
# Up to this many required courses, the digest lists each one's coverage.
FEW_COURSES = 8
RECENT_EXPORTS = 10


def week_start(day: date) -> date:
    """The Monday of ``day``'s week: a weekly digest's period."""
    return day - timedelta(days=day.weekday())


def month_start(day: date) -> date:
    return day.replace(day=1)


def coordinators() -> QuerySet:
    """Active people who see reports: superusers (national) and holders of a coordinator scope."""
    return get_user_model().objects.filter(
        Q(is_superuser=True) | Q(pk__in=CoordinatorScope.objects.values("user_id")),
        is_active=True,
        erased_at__isnull=True,
    )


def opted_out(kind: str) -> QuerySet:
    return EmailOptOut.objects.filter(kind=kind).values("user_id")


def digest_recipients() -> QuerySet:
    return coordinators().exclude(pk__in=opted_out(EmailOptOut.Kind.DIGEST)).exclude(email="")


def report_subscribers(frequency: str) -> QuerySet:
    return (
        coordinators()
        .filter(report_subscription__frequency=frequency)
        .exclude(pk__in=opted_out(EmailOptOut.Kind.SCHEDULED_REPORT))
        .exclude(email="")
    )


def is_opted_out(*, user, kind: str) -> bool:
    return EmailOptOut.objects.filter(user=user, kind=kind).exists()


def digest_figures(*, user, today: date) -> dict:
    """What a coordinator's digest says about their scope on ``today``, as JSON-ready numbers
    and ids (names are looked up in the reader's language when it is rendered).

    A fixed number of queries, whatever the number of trainees: the reports' matrix, one count
    of overdue assignments per course (all of them and those newly overdue), one of expiring
    certificates."""
    scope = Scope.for_user(user)
    filters = reports.Filters()
    matrix = reports.completion_matrix(scope=scope, filters=filters, today=today)
    in_scope = Assignment.objects.filter(
        user_id__in=scope.trainees().values("pk"), ended_at__isnull=True, completed_at__isnull=True
    )
    overdue = with_status(in_scope.filter(due_on__lt=today), today=today).filter(status=Status.OVERDUE)
    by_course = list(
        overdue.values("course_id")
        .annotate(n=Count("pk"), newly=Count("pk", filter=Q(due_on__gte=today - timedelta(days=7))))
        .order_by()
    )
    newly = {row["course_id"]: row["newly"] for row in by_course if row["newly"]}
    return {
        "today": today.isoformat(),
        "scope": [list(pair) for pair in scope.pairs],
        "registered": matrix.total.registered,
        "headcount": matrix.total.headcount,
        "certified": matrix.total.certified,
        "courses": [
            {"id": row.course.pk, "certified": row.certified, "headcount": row.headcount} for row in matrix.courses
        ],
        "newly_overdue": [[course_id, count] for course_id, count in sorted(newly.items())],
        "overdue": sum(row["n"] for row in by_course),
        "expiring": reports.certificates_expiring(scope=scope, filters=filters, days=DIGEST_EXPIRY_DAYS, today=today),
        "uncovered_regions": [region.pk for region in matrix.regions if matrix.region_totals[region.pk].uncovered],
    }


def previous_figures(delivery: DigestDelivery) -> dict | None:
    """Last week's figures for the same coordinator and the same scope, if a digest said them."""
    previous = (
        DigestDelivery.objects.filter(
            user_id=delivery.user_id,
            kind=DigestDelivery.Kind.DIGEST,
            period_start=delivery.period_start - timedelta(days=7),
        )
        .exclude(figures={})
        .first()
    )
    if previous is None or previous.figures.get("scope") != delivery.figures.get("scope"):
        return None
    return previous.figures


def percent(certified: int, headcount: int | None) -> int | None:
    """As the reports round it (``reports.selectors.Coverage.percent``)."""
    if not headcount:
        return None
    return (200 * certified + headcount) // (2 * headcount)


@dataclass(frozen=True)
class CourseLine:
    title: str
    certified: int
    headcount: int | None
    percent: int | None
    change: int | None  # certified now minus a week ago; None when last week's is unknown
    newly_overdue: int
    course_id: int

    @property
    def change_label(self) -> str:
        return signed(self.change)


def signed(number: int | None) -> str:
    """+3, −2 or ±0: a change, whatever the language."""
    if number is None:
        return ""
    if number > 0:
        return f"+{number}"
    if number < 0:
        return f"\u2212{-number}"
    return "\u00b10"


@dataclass(frozen=True)
class DigestView:
    """A digest's figures ready to print in the active language."""

    today: date
    certified: int
    headcount: int | None
    registered: int
    percent: int | None
    change: int | None
    last_week_certified: int | None
    courses: list[CourseLine]
    list_courses: bool
    newly_overdue: int
    overdue: int
    expiring: int
    expiry_days: int
    uncovered_regions: list[str]

    @property
    def change_label(self) -> str:
        return signed(self.change)


def digest_view(figures: dict, previous: dict | None) -> DigestView:
    """Figures as the e-mail shows them; call it with the reader's language active."""
    course_ids = [row["id"] for row in figures["courses"]] + [course for course, _n in figures["newly_overdue"]]
    pages = list(CoursePage.objects.filter(pk__in=course_ids))
    titles = localized_titles(pages)
    title_of = {page.pk: titles.get(page.translation_key, page.title) for page in pages}
    newly = dict((course, count) for course, count in figures["newly_overdue"])
    before = {row["id"]: row["certified"] for row in previous["courses"]} if previous else {}
    lines = [
        CourseLine(
            title=title_of.get(row["id"], "?"),
            certified=row["certified"],
            headcount=row["headcount"],
            percent=percent(row["certified"], row["headcount"]),
            change=row["certified"] - before[row["id"]] if row["id"] in before else None,
            newly_overdue=newly.pop(row["id"], 0),
            course_id=row["id"],
        )
        for row in figures["courses"]
    ]
    # Overdue assignments of courses that are not (or no longer) among the reports' courses.
    lines += [
        CourseLine(
            title=title_of.get(course, "?"),
            certified=0,
            headcount=None,
            percent=None,
            change=None,
            newly_overdue=count,
            course_id=course,
        )
        for course, count in newly.items()
    ]
    regions = Region.objects.filter(pk__in=figures["uncovered_regions"])
    return DigestView(
        today=date.fromisoformat(figures["today"]),
        certified=figures["certified"],
        headcount=figures["headcount"],
        registered=figures["registered"],
        percent=percent(figures["certified"], figures["headcount"]),
        change=figures["certified"] - previous["certified"] if previous else None,
        last_week_certified=previous["certified"] if previous else None,
        courses=lines,
        list_courses=len(lines) <= FEW_COURSES,
        newly_overdue=sum(count for _course, count in figures["newly_overdue"]),
        overdue=figures["overdue"],
        expiring=figures["expiring"],
        expiry_days=DIGEST_EXPIRY_DAYS,
        uncovered_regions=sorted(region.display_name for region in regions),
    )


def deliveries_to_send(*, now=None) -> QuerySet[DigestDelivery]:
    """Queued deliveries whose (next) attempt is due."""
    now = now or timezone.now()
    return DigestDelivery.objects.filter(state=DigestDelivery.State.QUEUED).filter(
        Q(next_attempt_at__isnull=True) | Q(next_attempt_at__lte=now)
    )


def subscription_of(user) -> ReportSubscription | None:
    return ReportSubscription.objects.filter(user=user).first()


def recent_exports(*, user) -> list[ExportJob]:
    return list(ExportJob.objects.filter(user=user).order_by("-created_at", "-pk")[:RECENT_EXPORTS])


def export_inline_max_rows() -> int:
    return getattr(settings, "EXPORT_INLINE_MAX_ROWS", 5000)


def export_link_days() -> int:
    return getattr(settings, "EXPORT_LINK_DAYS", 7)


def export_of(*, user, job_id: int) -> ExportJob | None:
    """The user's own export; someone else's is as good as absent."""
    return ExportJob.objects.filter(pk=job_id, user=user).first()


def exports_to_prune(*, now=None) -> QuerySet[ExportJob]:
    now = now or timezone.now()
    return ExportJob.objects.filter(expires_at__lte=now).exclude(file="")
