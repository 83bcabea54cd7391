"""The daily sweep and the sending of reminders (issue 15, points 3, 6 and 7).

``sweep(today=...)`` looks at every open assignment once a day and queues what is due that day:
the recertification assignments whose certificate expired, the reminders before the due date,
when overdue, before and on a certificate's expiry, and the escalations to the coordinators.
It reads in a handful of set-based queries (one per reminder step and per coordinator scope,
never one per trainee) and inserts ``Reminder`` rows with ``bulk_create(ignore_conflicts=True)``:
the unique constraint on (assignment, recipient, kind, step) is what makes each notice go out
once, however often and however concurrently the sweep runs.

``send_pending()`` sends the queued reminders, one per transaction, each row locked with
``SELECT … FOR UPDATE SKIP LOCKED`` and re-read, so that two workers never send the same one; a
failing mail server leaves the reminder queued with a later ``next_attempt_at``.
"""

import logging
from dataclasses import dataclass, field
from datetime import date, timedelta

from django.conf import settings
from django.db import transaction
from django.db.models import Exists, OuterRef, Q, QuerySet
from django.urls import NoReverseMatch, reverse
from django.utils import timezone, translation

from accounts.models import CoordinatorScope
from certificates.models import Certificate
from courses.selectors import course_version
from programme import selectors
from programme.mail import notification_email, site_url
from programme.models import Assignment, ProgrammeSettings, Reminder, Requirement
from programme.notices import forget_unread
from programme.status import programme_settings

logger = logging.getLogger(__name__)

Kind = Reminder.Kind

INSERT_BATCH_SIZE = 2_000
# An expiry notice is still sent when the sweep missed the day, for this many days after it.
EXPIRED_CATCH_UP_DAYS = 30
# A failed send is tried again after 10 minutes, then 20, 40, … at most a day later.
RETRY_FIRST = timedelta(minutes=10)
RETRY_LONGEST = timedelta(days=1)


@dataclass
class SweepResult:
    """What one sweep did: assignments opened for recertification and reminders offered per
    kind (rows the constraint refused, because another sweep queued them first, are not
    offered: each candidate query leaves out what is already queued)."""

    today: date
    recertified: int = 0
    queued: dict[str, int] = field(default_factory=lambda: {kind.value: 0 for kind in Kind})

    @property
    def total(self) -> int:
        return sum(self.queued.values())

    def __str__(self) -> str:
        parts = ", ".join(f"{kind} {count}" for kind, count in self.queued.items())
        return f"sweep {self.today}: {self.recertified} recertification assignments; reminders {parts}"


# --------------------------------------------------------------------------- the sweep


def sweep(*, today: date, programme: ProgrammeSettings | None = None) -> SweepResult:
    """Queue everything due on ``today``. Safe to run any number of times, at once too."""
    programme = programme or programme_settings()
    result = SweepResult(today=today)
    result.recertified = open_recertifications(today=today)
    result.queued[Kind.DUE_SOON] = _queue_before(
        kind=Kind.DUE_SOON,
        candidates=_open_uncompleted(),
        date_field="due_on",
        offsets=programme.due_soon_offsets,
        today=today,
    )
    result.queued[Kind.OVERDUE] = _queue_overdue(
        today=today, every=programme.overdue_every_days, at_most=programme.overdue_at_most
    )
    result.queued[Kind.EXPIRING] = _queue_before(
        kind=Kind.EXPIRING,
        candidates=_certified(),
        date_field="certificate__expires_on",
        offsets=programme.expiry_offsets,
        today=today,
    )
    result.queued[Kind.EXPIRED] = _queue_expired(today=today)
    result.queued[Kind.ESCALATION] = _queue_escalations(today=today, after_days=programme.escalate_after_days)
    logger.info("%s", result)
    return result


def _trainee_active() -> Q:
    return Q(user__is_active=True, user__erased_at__isnull=True)


def _open_uncompleted() -> QuerySet:
    return Assignment.objects.filter(_trainee_active(), ended_at__isnull=True, completed_at__isnull=True)


def _certified() -> QuerySet:
    """Open assignments completed with a valid certificate that has an expiry date."""
    return Assignment.objects.filter(
        _trainee_active(),
        ended_at__isnull=True,
        completed_at__isnull=False,
        certificate__status=Certificate.Status.VALID,
        certificate__expires_on__isnull=False,
    )


def open_recertifications(*, today: date) -> int:
    """End each completed assignment whose certificate expired (before ``today``) and whose
    requirement recurs, and open the next cycle's, due ``recertification_due_date`` after the
    expiry. The new rows meet the (user, course, cycle) constraint: a second sweep adds none."""
    expired = Assignment.objects.filter(
        _trainee_active(),
        ended_at__isnull=True,
        completed_at__isnull=False,
        certificate__status=Certificate.Status.VALID,  # not one renewed (superseded) or revoked
        certificate__expires_on__lt=today,
        requirement__recurs=True,
        requirement__is_active=True,
    )
    rows = list(
        expired.values_list(
            "pk", "user_id", "course_id", "requirement_id", "cycle", "certificate__expires_on"
        ).order_by("pk")
    )
    if not rows:
        return 0
    requirements = {
        requirement.pk: requirement for requirement in Requirement.objects.filter(pk__in={row[3] for row in rows})
    }
    now = timezone.now()
    opened = 0
    for start in range(0, len(rows), INSERT_BATCH_SIZE):
        chunk = rows[start : start + INSERT_BATCH_SIZE]
        with transaction.atomic():
            # Only the rows this sweep ends get a successor from it; a sweep running at the same
            # time ends none of them twice, and its inserts meet the constraints.
            ended = Assignment.objects.filter(pk__in=[row[0] for row in chunk], ended_at__isnull=True).update(
                ended_at=now, end_reason=Assignment.EndReason.RECERTIFICATION
            )
            if not ended:
                continue
            Assignment.objects.bulk_create(
                [
                    Assignment(
                        user_id=user_id,
                        course_id=course_id,
                        requirement_id=requirement_id,
                        cycle=cycle + 1,
                        assigned_at=now,
                        due_on=max(
                            selectors.recertification_due_date(requirements[requirement_id], expired_on=expires_on),
                            today,
                        ),
                    )
                    for _pk, user_id, course_id, requirement_id, cycle, expires_on in chunk
                ],
                ignore_conflicts=True,
            )
            opened += ended
    return opened


def _not_queued(kind: str, *, recipient: str = "user_id", steps=None) -> Exists:
    reminders = Reminder.objects.filter(assignment_id=OuterRef("pk"), recipient_id=OuterRef(recipient), kind=kind)
    if steps is not None:
        reminders = reminders.filter(step__in=list(steps))
    return ~Exists(reminders)


def _insert(rows: list[tuple[int, int]], *, kind: str, step: int) -> int:
    """Queue one reminder per (assignment id, recipient id); the constraint drops repeats.
    Each is a notice on the site too: the recipients' unread counts are forgotten."""
    if not rows:
        return 0
    now = timezone.now()
    for start in range(0, len(rows), INSERT_BATCH_SIZE):
        Reminder.objects.bulk_create(
            [
                Reminder(assignment_id=assignment_id, recipient_id=recipient_id, kind=kind, step=step, created_at=now)
                for assignment_id, recipient_id in rows[start : start + INSERT_BATCH_SIZE]
            ],
            ignore_conflicts=True,
        )
    forget_unread(recipient_id for _assignment_id, recipient_id in rows)
    return len(rows)


def _queue_before(*, kind: str, candidates: QuerySet, date_field: str, offsets, today: date) -> int:
    """Reminders ``offsets`` days before ``date_field``: each assignment gets the smallest
    offset already reached (so a missed sweep still sends, late), and never a larger offset
    after a smaller one."""
    queued = 0
    lower = today  # the window of offset N: (today + previous offset, today + N]
    for step in sorted(offsets):
        window = candidates.filter(**{f"{date_field}__gte": lower, f"{date_field}__lte": today + timedelta(days=step)})
        later = [offset for offset in offsets if offset <= step]  # this step and the ones after it
        rows = list(window.filter(_not_queued(kind, steps=later)).values_list("pk", "user_id"))
        queued += _insert(rows, kind=kind, step=step)
        lower = today + timedelta(days=step + 1)
    return queued


def _queue_overdue(*, today: date, every: int, at_most: int) -> int:
    """The day after the due date (step 1), then every ``every`` days, ``at_most`` times: each
    assignment gets the latest step reached, once."""
    queued = 0
    overdue = _open_uncompleted().filter(due_on__lt=today)
    for step in range(1, at_most + 1):
        # Step k is reached after 1 + (k - 1) * every days overdue; the last one stays reached.
        newest_due = today - timedelta(days=1 + (step - 1) * every)
        window = overdue.filter(due_on__lte=newest_due)
        if step < at_most:
            window = window.filter(due_on__gt=newest_due - timedelta(days=every))
        later = range(step, at_most + 1)
        rows = list(window.filter(_not_queued(Kind.OVERDUE, steps=later)).values_list("pk", "user_id"))
        queued += _insert(rows, kind=Kind.OVERDUE, step=step)
    return queued


def _queue_expired(*, today: date) -> int:
    """On the day after a certificate's last valid day (or a little later, if the sweep missed
    it): the assignment it completed, still open or just replaced by the recertification one."""
    expired = Assignment.objects.filter(
        Q(ended_at__isnull=True) | Q(end_reason=Assignment.EndReason.RECERTIFICATION),
        _trainee_active(),
        completed_at__isnull=False,
        certificate__status=Certificate.Status.VALID,
        certificate__expires_on__lt=today,
        certificate__expires_on__gte=today - timedelta(days=EXPIRED_CATCH_UP_DAYS),
    )
    rows = list(expired.filter(_not_queued(Kind.EXPIRED)).values_list("pk", "user_id"))
    return _insert(rows, kind=Kind.EXPIRED, step=0)


def _queue_escalations(*, today: date, after_days: int) -> int:
    """Overdue by more than ``after_days``: one notice per coordinator whose scope covers the
    trainee. One query per distinct scope (agency, region), not per trainee."""
    overdue = _open_uncompleted().filter(due_on__lt=today - timedelta(days=after_days))
    coordinators: dict[tuple[int | None, int | None], list[int]] = {}
    for user_id, agency_id, region_id in CoordinatorScope.objects.filter(
        user__is_active=True, user__erased_at__isnull=True
    ).values_list("user_id", "agency_id", "region_id"):
        coordinators.setdefault((agency_id, region_id), []).append(user_id)
    queued = 0
    for (agency_id, region_id), recipient_ids in coordinators.items():
        covered = overdue
        if agency_id is not None:
            covered = covered.filter(user__agency_id=agency_id)
        if region_id is not None:
            covered = covered.filter(user__region_id=region_id)
        trainees = dict(covered.values_list("pk", "user_id"))
        if not trainees:
            continue
        already = set(
            Reminder.objects.filter(
                kind=Kind.ESCALATION, recipient_id__in=recipient_ids, assignment__in=covered
            ).values_list("assignment_id", "recipient_id")
        )
        rows = [
            (assignment_id, recipient_id)
            for assignment_id, trainee_id in trainees.items()
            for recipient_id in recipient_ids
            if recipient_id != trainee_id and (assignment_id, recipient_id) not in already
        ]
        queued += _insert(rows, kind=Kind.ESCALATION, step=0)
    return queued


# --------------------------------------------------------------------------- sending


def pending() -> QuerySet:
    """Reminders waiting to go: not sent, and not waiting for a retry."""
    return Reminder.objects.filter(sent_at__isnull=True).filter(
        Q(next_attempt_at__isnull=True) | Q(next_attempt_at__lte=timezone.now())
    )


def retry_delay(attempts: int) -> timedelta:
    return min(RETRY_FIRST * (2 ** max(attempts - 1, 0)), RETRY_LONGEST)


@dataclass
class SendResult:
    sent: int = 0
    failed: int = 0
    skipped: int = 0


def send_pending(*, limit: int | None = None) -> SendResult:
    """Send queued reminders, each in its own transaction: the row is locked (skipping rows
    another worker holds) and re-read, the e-mail sent, ``sent_at`` set. A send that fails
    counts the attempt, keeps the error and waits ``retry_delay`` before the next try."""
    result = SendResult()
    ids = pending().order_by("pk").values_list("pk", flat=True)
    if limit is not None:
        ids = ids[:limit]
    for reminder_id in list(ids):
        outcome = send_one(reminder_id)
        if outcome == "sent":
            result.sent += 1
        elif outcome == "failed":
            result.failed += 1
        elif outcome == "skipped":
            result.skipped += 1
    return result


def send_one(reminder_id: int) -> str | None:
    """Send one reminder if it is still queued: "sent", "failed", "skipped" or None (another
    worker holds it or has sent it)."""
    with transaction.atomic():
        reminder = (
            pending()
            .select_for_update(skip_locked=True, of=("self",))
            .select_related("recipient", "assignment__user", "assignment__course", "assignment__certificate")
            .filter(pk=reminder_id)
            .first()
        )
        if reminder is None:
            return None
        now = timezone.now()
        reason = _no_longer_needed(reminder)
        if reason:
            reminder.sent_at, reminder.last_error = now, reason
            reminder.save(update_fields=["sent_at", "last_error"])
            return "skipped"
        try:
            reminder_email(reminder).send()
        except Exception as error:  # noqa: BLE001 - whatever the mail server says, the reminder stays queued
            reminder.send_attempts += 1
            reminder.last_error = f"{type(error).__name__}: {error}"[:2000]
            reminder.next_attempt_at = now + retry_delay(reminder.send_attempts)
            reminder.save(update_fields=["send_attempts", "last_error", "next_attempt_at"])
            logger.warning("Reminder %s not sent (attempt %s): %s", reminder.pk, reminder.send_attempts, error)
            return "failed"
        reminder.send_attempts += 1
        reminder.sent_at = timezone.now()
        reminder.next_attempt_at = None
        reminder.save(update_fields=["send_attempts", "sent_at", "next_attempt_at"])
        return "sent"


def _no_longer_needed(reminder: Reminder) -> str:
    """Why a queued reminder should not go out after all (the state changed since the sweep)."""
    recipient, assignment = reminder.recipient, reminder.assignment
    if not recipient.is_active or recipient.erased_at is not None or not recipient.email:
        return "Not sent: the recipient's account is closed."
    if reminder.kind in (Kind.DUE_SOON, Kind.OVERDUE, Kind.ESCALATION) and (
        assignment.completed_at is not None or assignment.ended_at is not None
    ):
        return "Not sent: the assignment was completed or ended before the reminder went out."
    return ""


# --------------------------------------------------------------------------- the e-mail


def _page_url(path: str) -> str:
    return site_url() + path


def _named_url(name: str, *args) -> str:
    try:
        return _page_url(reverse(name, args=args))
    except NoReverseMatch:
        return _page_url(reverse("my_learning"))


def reminder_context(reminder: Reminder, *, language: str) -> dict:
    """What the e-mail and the notice say, in ``language``: the course as it reads there, the
    dates, the links."""
    assignment = reminder.assignment
    with translation.override(language):
        course = course_version(course=assignment.course, language=language)
        course_url = course.get_full_url() or _page_url(course.url or "/")
        context = {
            "reminder": reminder,
            "kind": reminder.kind,
            "step": reminder.step,
            "trainee": assignment.user,
            "course_title": course.title,
            "course_url": course_url,
            "due_on": assignment.due_on,
            "days_left": (assignment.due_on - timezone.localdate()).days,
            "my_learning_url": _page_url(reverse("my_learning")),
            "notices_url": _page_url(reverse("notices")),
        }
        certificate = assignment.certificate
        if certificate is not None:
            context["expires_on"] = certificate.expires_on
            context["certificate_url"] = _page_url(certificate.get_absolute_url())
        if reminder.kind == Kind.EXPIRED:
            successor = (
                Assignment.objects.filter(
                    user_id=assignment.user_id, course_id=assignment.course_id, ended_at__isnull=True
                )
                .exclude(pk=assignment.pk)
                .first()
            )
            context["next_due_on"] = successor.due_on if successor else None
        if reminder.kind == Kind.ESCALATION:
            context["overdue_days"] = (timezone.localdate() - assignment.due_on).days
            context["trainee_url"] = _named_url("reports_trainees")
            context["mandatory_reason"] = translation.gettext(
                "You cannot switch this notice off: you receive it because your coordinator scope covers this "
                "trainee. To stop it, the trainee completes the course, or an administrator changes your scope."
            )
    return context


def reminder_email(reminder: Reminder):
    recipient = reminder.recipient
    language = recipient.preferred_language or settings.LANGUAGE_CODE
    return notification_email(
        recipient=recipient,
        template=f"programme/email/{reminder.kind}",
        context=reminder_context(reminder, language=language),
        message_key=f"reminder-{reminder.pk}-{reminder.kind}-{reminder.step}",
    )
