"""Writes of the programme: assignments made, moved, completed and ended.

One reconciliation decides, for a batch of trainees and one course, which requirement each of
them falls under (the earliest due date among the active requirements whose audience holds
them) and brings their open assignment in line: made, moved to another requirement, completed
with a certificate they already hold, or ended. ``trainee_sync`` runs it for one trainee over
every course, ``requirement_apply`` for a requirement's whole audience in batches. Both are
idempotent: a second run changes nothing.

Erased trainees are left as they are: their assignments are kept, unchanged, for the figures.
"""

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date, datetime

from django.contrib.auth import get_user_model
from django.db import connection, transaction
from django.db.models import Max, Q
from django.utils import timezone

from certificates.models import Certificate
from programme import selectors
from programme.models import Assignment, Requirement

BATCH_SIZE = 2000
USER_FIELDS = ("id", "is_active", "erased_at", "agency_id", "region_id", "position", "date_joined")


@dataclass
class Changes:
    """What one reconciliation did (counts of assignments)."""

    created: int = 0
    updated: int = 0
    completed: int = 0
    ended: int = 0

    def __iadd__(self, other: "Changes") -> "Changes":
        self.created += other.created
        self.updated += other.updated
        self.completed += other.completed
        self.ended += other.ended
        return self

    @property
    def total(self) -> int:
        return self.created + self.updated + self.ended


@dataclass(frozen=True)
class _Rule:
    """An active requirement with its region ids loaded (so ``in_audience`` asks nothing)."""

    requirement: Requirement
    region_ids: tuple = ()


@dataclass(slots=True)
class _Trainee:
    """What a reconciliation reads of a user (plain values: no model instances in bulk)."""

    pk: int
    is_active: bool
    erased_at: datetime | None
    agency_id: int | None
    region_id: int | None
    position: str
    date_joined: datetime


@dataclass(slots=True)
class _Open:
    """An open assignment as a reconciliation reads and changes it."""

    pk: int
    user_id: int
    requirement_id: int | None
    cycle: int
    assigned_at: datetime
    due_on: date
    completed_at: datetime | None
    certificate_id: int | None
    course_id: int


OPEN_FIELDS = (
    "pk",
    "user_id",
    "requirement_id",
    "cycle",
    "assigned_at",
    "due_on",
    "completed_at",
    "certificate_id",
    "course_id",
)


def _trainees(queryset) -> list[_Trainee]:
    return [_Trainee(*row) for row in queryset.order_by("pk").values_list(*USER_FIELDS)]


def _open(queryset) -> list[_Open]:
    return [_Open(*row) for row in queryset.values_list(*OPEN_FIELDS)]


def _in_range(field: str, ids) -> dict:
    """A filter on ``field`` by the range of ``ids`` (sorted): a short query whatever their
    number, where ``field__in`` would bind thousands of parameters; callers keep only ``ids``."""
    return {f"{field}__gte": ids[0], f"{field}__lte": ids[-1]}


@dataclass
class _Batch:
    create: list = field(default_factory=list)
    update: list = field(default_factory=list)
    end: dict = field(default_factory=dict)  # end reason -> assignment ids


def _local_date(value: datetime | date) -> date:
    if isinstance(value, datetime):
        return timezone.localtime(value).date() if timezone.is_aware(value) else value.date()
    return value


def _rules_by_course(course_ids: Iterable[int] | None = None) -> dict[int, list[_Rule]]:
    requirements = Requirement.objects.filter(is_active=True).prefetch_related("regions").order_by("pk")
    if course_ids is not None:
        requirements = requirements.filter(course_id__in=list(course_ids))
    rules: dict[int, list[_Rule]] = {}
    for requirement in requirements:
        region_ids = tuple(region.pk for region in requirement.regions.all())
        rules.setdefault(requirement.course_id, []).append(_Rule(requirement, region_ids))
    return rules


def _raw_due(requirement: Requirement, joined_on: date) -> date:
    """The due date by the requirement's rule, before "never before today"."""
    return selectors.due_date(requirement, joined_on=joined_on, today=date.min)


def _best(rules: list[_Rule], user, joined_on: date) -> tuple[Requirement, date] | None:
    """The requirement a trainee falls under: the earliest due, then the oldest requirement."""
    best = None
    for rule in rules:
        if selectors.in_audience(rule.requirement, user, region_ids=rule.region_ids):
            candidate = (_raw_due(rule.requirement, joined_on), rule.requirement.pk, rule.requirement)
            if best is None or candidate[:2] < best[:2]:
                best = candidate
    return (best[2], best[0]) if best else None


def _valid_certificates(*, course_id: int, user_ids, today: date) -> dict[int, tuple[int, datetime]]:
    """user id -> (certificate id, issued at) of a valid certificate of the course not expired
    (``user_ids`` sorted)."""
    wanted = set(user_ids)
    return {
        user_id: (pk, issued_at)
        for user_id, pk, issued_at in Certificate.objects.filter(
            course_id=course_id, status=Certificate.Status.VALID, **_in_range("user_id", user_ids)
        )
        .filter(Q(expires_on__isnull=True) | Q(expires_on__gte=today))
        .values_list("user_id", "pk", "issued_at")
        if user_id in wanted
    }


def _reconcile(
    *,
    course_id: int,
    users: list,
    rules: list[_Rule],
    today: date,
    joined_on: Callable,
    open_assignments: dict[int, Assignment] | None = None,
) -> Changes:
    """Bring the open assignments of ``users`` for one course in line with ``rules``; a fixed
    number of queries whatever the number of users. ``joined_on(user)``: the day a trainee
    without an open assignment entered the audience."""
    changes = Changes()
    users = [user for user in users if user.erased_at is None]
    if not users:
        return changes
    user_ids = sorted(user.pk for user in users)
    if open_assignments is None:
        wanted = set(user_ids)
        open_assignments = {
            assignment.user_id: assignment
            for assignment in _open(
                Assignment.objects.filter(course_id=course_id, ended_at__isnull=True, **_in_range("user_id", user_ids))
            )
            if assignment.user_id in wanted
        }
    certificates = _valid_certificates(course_id=course_id, user_ids=user_ids, today=today)
    active = {rule.requirement.pk: rule.requirement for rule in rules}
    now = timezone.now()
    batch = _Batch()
    for user in users:
        assignment = open_assignments.get(user.pk)
        entered = _local_date(assignment.assigned_at) if assignment is not None else joined_on(user)
        wanted = _best(rules, user, entered)
        certificate = certificates.get(user.pk)
        if wanted is None:
            if assignment is not None:
                reason = (
                    Assignment.EndReason.LEFT_AUDIENCE
                    if assignment.requirement_id in active
                    else Assignment.EndReason.REQUIREMENT_ENDED
                )
                batch.end.setdefault(reason, []).append(assignment.pk)
            continue
        requirement, raw_due = wanted
        if assignment is None:
            batch.create.append(
                Assignment(
                    user_id=user.pk,
                    course_id=course_id,
                    requirement_id=requirement.pk,
                    assigned_at=now,
                    due_on=max(raw_due, today),
                    certificate_id=certificate[0] if certificate else None,
                    completed_at=certificate[1] if certificate else None,
                )
            )
            continue
        changed = False
        completed = assignment.completed_at is not None and assignment.certificate_id is not None
        if not completed and assignment.cycle == 1:
            moved = assignment.requirement_id != requirement.pk
            if moved or requirement.updated_at > assignment.assigned_at:
                # Never earlier than today for someone not overdue yet: a shorter deadline is
                # not a surprise overdue; an assignment already overdue keeps its date.
                due = max(raw_due, min(assignment.due_on, today))
                if due != assignment.due_on:
                    assignment.due_on, changed = due, True
        if assignment.requirement_id != requirement.pk:
            assignment.requirement_id, changed = requirement.pk, True
        if not completed and certificate is not None:
            assignment.certificate_id, assignment.completed_at = certificate
            changed = True
            changes.completed += 1
        if changed:
            batch.update.append(assignment)
    _write(batch, course_id=course_id, now=now, changes=changes)
    return changes


def _write(batch: _Batch, *, course_id: int, now, changes: Changes) -> None:
    if batch.create:
        new_ids = sorted(a.user_id for a in batch.create)
        cycles = dict(
            Assignment.objects.filter(course_id=course_id, **_in_range("user_id", new_ids))
            .values("user_id")
            .annotate(last=Max("cycle"))
            .values_list("user_id", "last")
        )
        for assignment in batch.create:
            assignment.cycle = cycles.get(assignment.user_id, 0) + 1
            changes.completed += assignment.certificate_id is not None
        _insert(batch.create)
        changes.created += len(batch.create)
    if batch.update:
        Assignment.objects.bulk_update(
            [
                Assignment(
                    pk=a.pk,
                    requirement_id=a.requirement_id,
                    due_on=a.due_on,
                    certificate_id=a.certificate_id,
                    completed_at=a.completed_at,
                )
                for a in batch.update
            ],
            ["requirement", "due_on", "certificate", "completed_at"],
            batch_size=500,
        )
        changes.updated += len(batch.update)
    for reason, ids in batch.end.items():
        changes.ended += Assignment.objects.filter(pk__in=ids, ended_at__isnull=True).update(
            ended_at=now, end_reason=reason
        )


def _insert(assignments: list[Assignment]) -> None:
    """Insert new assignments; a conflict is another worker's same assignment made a moment
    earlier. On PostgreSQL one INSERT … SELECT FROM unnest(arrays) per batch: a handful of
    parameters instead of ten per row (binding 20,000 parameters costs more than the insert)."""
    if connection.vendor != "postgresql":
        Assignment.objects.bulk_create(assignments, batch_size=BATCH_SIZE, ignore_conflicts=True)
        return
    table = Assignment._meta.db_table
    sql = (
        f"INSERT INTO {table} (user_id, course_id, requirement_id, cycle, assigned_at, due_on, completed_at, "
        "certificate_id, ended_at, end_reason) "
        "SELECT u, %s, r, c, %s, d, ca, cert, NULL, '' FROM unnest("
        "%s::bigint[], %s::bigint[], %s::integer[], %s::date[], %s::timestamptz[], %s::bigint[]"
        ") AS t(u, r, c, d, ca, cert) ON CONFLICT DO NOTHING"
    )
    with connection.cursor() as cursor:
        for start in range(0, len(assignments), BATCH_SIZE):
            rows = assignments[start : start + BATCH_SIZE]
            cursor.execute(
                sql,
                [
                    rows[0].course_id,
                    rows[0].assigned_at,
                    [a.user_id for a in rows],
                    [a.requirement_id for a in rows],
                    [a.cycle for a in rows],
                    [a.due_on for a in rows],
                    [a.completed_at for a in rows],
                    [a.certificate_id for a in rows],
                ],
            )


def trainee_sync(*, user, joined_on: date | None = None) -> Changes:
    """Make one trainee's assignments what the active requirements want of them.

    ``joined_on``: the day they entered the audience, for courses newly assigned: their
    ``date_joined`` for a new trainee, today (the default) for someone who moved in."""
    return trainees_sync(user_ids=[user.pk], joined_on=joined_on)


def trainees_sync(*, user_ids: Iterable[int], joined_on: date | None = None, new: bool = False) -> Changes:
    """``trainee_sync`` for many trainees at once (a bulk invitation), in batches: a fixed
    number of queries per batch and course. ``new``: each entered the audience the day they
    joined (``date_joined``)."""
    today = timezone.localdate()
    ids = sorted(set(user_ids))
    rules = _rules_by_course()
    User = get_user_model()

    def entered(user) -> date:
        return _local_date(user.date_joined) if new else (joined_on or today)

    changes = Changes()
    for start in range(0, len(ids), BATCH_SIZE):
        with transaction.atomic():
            users = _trainees(User.objects.filter(pk__in=ids[start : start + BATCH_SIZE]))
            open_by_course: dict[int, dict[int, _Open]] = {}
            held = Assignment.objects.filter(user_id__in=[user.pk for user in users], ended_at__isnull=True)
            for assignment in _open(held):
                open_by_course.setdefault(assignment.course_id, {})[assignment.user_id] = assignment
            for course_id in sorted(rules.keys() | open_by_course.keys()):
                changes += _reconcile(
                    course_id=course_id,
                    users=users,
                    rules=rules.get(course_id, []),
                    today=today,
                    joined_on=entered,
                    open_assignments=open_by_course.get(course_id, {}),
                )
    return changes


def requirement_apply(*, requirement: Requirement, progress: Callable[[int, int], None] | None = None) -> int:
    """Assign a requirement's course to its whole audience, and end or move the open
    assignments it made for those who left it (or all of them, once it is withdrawn).

    Runs in batches of ``BATCH_SIZE`` trainees, each in its own short transaction, updating
    ``apply_state``/``apply_total``/``apply_done`` as it goes; ``progress(done, total)`` is
    called after each batch. Returns how many assignments were made, changed or ended."""
    today = timezone.localdate()
    requirement = Requirement.objects.get(pk=requirement.pk)
    course_id = requirement.course_id
    candidates = set(
        Assignment.objects.filter(requirement=requirement, ended_at__isnull=True).values_list("user_id", flat=True)
    )
    if requirement.is_active:
        # Positions are matched in Python (``in_audience``: whatever their case and spacing).
        region_ids = list(requirement.regions.values_list("pk", flat=True))
        audience = selectors.audience(agency_id=requirement.agency_id, region_ids=region_ids)
        candidates.update(audience.values_list("pk", flat=True))
    user_ids = sorted(candidates)
    total = len(user_ids)
    Requirement.objects.filter(pk=requirement.pk).update(
        apply_state=Requirement.ApplyState.RUNNING, apply_total=total, apply_done=0
    )
    rules = _rules_by_course([course_id]).get(course_id, [])
    User = get_user_model()
    changes = Changes()
    done = 0
    for start in range(0, total, BATCH_SIZE):
        ids = user_ids[start : start + BATCH_SIZE]
        with transaction.atomic():
            wanted = set(ids)
            users = [user for user in _trainees(User.objects.filter(**_in_range("pk", ids))) if user.pk in wanted]
            changes += _reconcile(
                course_id=course_id,
                users=users,
                rules=rules,
                today=today,
                joined_on=lambda user: _local_date(user.date_joined),
            )
            done += len(ids)
            Requirement.objects.filter(pk=requirement.pk).update(apply_done=done)
        if progress is not None:
            progress(done, total)
    Requirement.objects.filter(pk=requirement.pk).update(
        apply_state=Requirement.ApplyState.DONE, apply_done=total, applied_at=timezone.now()
    )
    return changes.total


def requirement_withdraw(*, requirement: Requirement, by) -> int:
    """Withdraw a requirement: its open assignments end, unless another active requirement
    wants the course of the trainee, which then takes the assignment over."""
    Requirement.objects.filter(pk=requirement.pk).update(is_active=False, updated_by=by, updated_at=timezone.now())
    requirement.is_active = False
    return requirement_apply(requirement=requirement)


def assignment_complete_from_certificate(*, certificate: Certificate) -> int:
    """Keep assignments in step with a certificate that was issued, renewed, revoked or
    superseded (called on every save of a certificate; cheap and idempotent)."""
    if certificate.course_id is None:
        return 0
    if certificate.status == Certificate.Status.VALID:
        if certificate.expires_on is not None and certificate.expires_on < timezone.localdate():
            return 0
        assignment = (
            Assignment.objects.filter(user_id=certificate.user_id, course_id=certificate.course_id, ended_at=None)
            .exclude(certificate_id=certificate.pk)
            .first()
        )
        if assignment is None:
            return 0
        assignment.certificate = certificate
        if assignment.completed_at is None:
            assignment.completed_at = certificate.issued_at
        assignment.save(update_fields=["certificate", "completed_at"])
        return 1
    opened = Assignment.objects.filter(certificate_id=certificate.pk, ended_at=None)
    if certificate.status == Certificate.Status.REVOKED:
        return opened.update(certificate=None, completed_at=None)
    if certificate.status == Certificate.Status.SUPERSEDED and certificate.superseded_by_id:
        return opened.update(certificate_id=certificate.superseded_by_id)
    return 0
