"""The statuses every page shares: My learning, the dashboard, the matrix, the at-risk list.

One definition, in two forms that must agree: ``status_of`` for one assignment in Python, and
``with_status`` as a SQL expression so that reports count statuses in the database."""

from datetime import date, timedelta

from django.db import models
from django.db.models import Case, Exists, OuterRef, Q, Value, When
from django.utils.translation import gettext_lazy as _

from courses.models import Enrolment
from programme.models import ProgrammeSettings


class Status(models.TextChoices):
    NOT_STARTED = "not_started", _("Not started")
    IN_PROGRESS = "in_progress", _("In progress")
    DUE_SOON = "due_soon", _("Due soon")
    OVERDUE = "overdue", _("Overdue")
    COMPLETED = "completed", _("Completed")
    EXPIRING = "expiring", _("Certificate expiring")
    EXPIRED = "expired", _("Expired")


# Statuses that count as holding the course's certificate today.
CERTIFIED = frozenset({Status.COMPLETED, Status.EXPIRING})
# Statuses that need the trainee to act.
OPEN = frozenset({Status.NOT_STARTED, Status.IN_PROGRESS, Status.DUE_SOON, Status.OVERDUE})


def status_of(
    *,
    due_on: date,
    certificate_expires_on: date | None,
    completed: bool,
    started: bool,
    today: date,
    due_soon_days: int,
    expiring_days: int,
) -> Status:
    if completed:
        if certificate_expires_on is None:
            return Status.COMPLETED
        if certificate_expires_on < today:
            return Status.EXPIRED
        if certificate_expires_on <= today + timedelta(days=expiring_days):
            return Status.EXPIRING
        return Status.COMPLETED
    if due_on < today:
        return Status.OVERDUE
    if due_on <= today + timedelta(days=due_soon_days):
        return Status.DUE_SOON
    return Status.IN_PROGRESS if started else Status.NOT_STARTED


def completed_condition(prefix: str = "") -> Q:
    return Q(**{f"{prefix}completed_at__isnull": False, f"{prefix}certificate__isnull": False})


def status_expression(*, today: date, due_soon_days: int, expiring_days: int, prefix: str = "") -> Case:
    """``status_of`` as SQL over assignments (``prefix`` reaches them from another model, e.g.
    ``"assignments__"``)."""
    completed = completed_condition(prefix)
    expires = f"{prefix}certificate__expires_on"
    started = Exists(
        Enrolment.objects.filter(user_id=OuterRef(f"{prefix}user_id"), course_id=OuterRef(f"{prefix}course_id"))
    )
    return Case(
        When(completed & Q(**{f"{expires}__isnull": True}), then=Value(Status.COMPLETED.value)),
        When(completed & Q(**{f"{expires}__lt": today}), then=Value(Status.EXPIRED.value)),
        When(
            completed & Q(**{f"{expires}__lte": today + timedelta(days=expiring_days)}),
            then=Value(Status.EXPIRING.value),
        ),
        When(completed, then=Value(Status.COMPLETED.value)),
        When(Q(**{f"{prefix}due_on__lt": today}), then=Value(Status.OVERDUE.value)),
        When(Q(**{f"{prefix}due_on__lte": today + timedelta(days=due_soon_days)}), then=Value(Status.DUE_SOON.value)),
        When(started, then=Value(Status.IN_PROGRESS.value)),
        default=Value(Status.NOT_STARTED.value),
        output_field=models.CharField(),
    )


def with_status(assignments, *, today: date, settings=None):
    """Annotate ``status`` on a queryset of assignments, with the administrator's windows."""
    settings = settings or programme_settings()
    return assignments.annotate(
        status=status_expression(
            today=today, due_soon_days=settings.due_soon_window, expiring_days=settings.expiring_window
        )
    )


def programme_settings() -> ProgrammeSettings:
    return ProgrammeSettings.load()
