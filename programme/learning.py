"""What "My learning" and the welcome page read of the programme: the trainee's open
assignments, each with its due date and status, joined to their progress through the course.

One query for the assignments (with their certificates' expiry) and one for the programme's
settings, on top of what ``courses.selectors.my_learning`` reads."""

from dataclasses import dataclass
from datetime import date

from django.utils import timezone

from courses import selectors as course_selectors
from courses.selectors import LearningItem, MyLearning
from programme.models import Assignment
from programme.status import CERTIFIED, OPEN, Status, programme_settings, status_of


@dataclass(frozen=True)
class AssignedCourse:
    """A course assigned to the trainee: the card of "My learning" with its due date and status."""

    course: object
    progress: object
    next_step: object
    due_on: date
    status: Status
    expires_on: date | None
    today: date
    required: bool = True

    @property
    def days_overdue(self) -> int:
        return max(0, (self.today - self.due_on).days)

    @property
    def is_open(self) -> bool:
        return self.status in OPEN

    @property
    def is_certified(self) -> bool:
        return self.status in CERTIFIED

    @property
    def is_expired(self) -> bool:
        return self.status == Status.EXPIRED


@dataclass(frozen=True)
class Learning:
    assigned: list  # AssignedCourse: to do (overdue first, then by due date), then those done
    in_progress: list  # LearningItem: started, not assigned
    completed: list  # LearningItem: completed, not assigned
    base: MyLearning  # what the welcome page reads (required = assigned and not completed)

    @property
    def is_empty(self) -> bool:
        return not (self.assigned or self.in_progress or self.completed)

    @property
    def to_do(self) -> list:
        return [item for item in self.assigned if not item.is_certified]

    @property
    def required(self) -> list:
        """The assigned courses still to complete (what "required" meant before assignments)."""
        return [item for item in self.assigned if not item.progress.completed]


def open_assignments(*, user) -> dict[str, tuple]:
    """The trainee's open assignments keyed by course translation key:
    (due on, completed, certificate expires on)."""
    rows = Assignment.objects.filter(user=user, ended_at__isnull=True).values_list(
        "course__translation_key", "due_on", "completed_at", "certificate_id", "certificate__expires_on"
    )
    return {
        key: (due_on, completed_at is not None and certificate_id is not None, expires_on)
        for key, due_on, completed_at, certificate_id, expires_on in rows
    }


_ORDER = {Status.OVERDUE: 0, Status.DUE_SOON: 1, Status.IN_PROGRESS: 1, Status.NOT_STARTED: 1}
_DONE_ORDER = {Status.EXPIRED: 2, Status.EXPIRING: 3, Status.COMPLETED: 4}


def learning_of(*, user, today: date | None = None) -> Learning:
    today = today or timezone.localdate()
    assignments = open_assignments(user=user)
    base = course_selectors.my_learning(user=user, required_keys=assignments.keys())
    settings = programme_settings() if assignments else None
    assigned = []
    for item in [*base.required, *base.completed]:
        found = assignments.get(item.course.translation_key)
        if found is None:
            continue
        due_on, completed, expires_on = found
        status = status_of(
            due_on=due_on,
            certificate_expires_on=expires_on,
            completed=completed,
            started=item.progress.started,
            today=today,
            due_soon_days=settings.due_soon_window,
            expiring_days=settings.expiring_window,
        )
        assigned.append(
            AssignedCourse(
                course=item.course,
                progress=item.progress,
                next_step=item.next_step,
                due_on=due_on,
                status=status,
                expires_on=expires_on if completed else None,
                today=today,
            )
        )
    assigned.sort(
        key=lambda entry: (
            _ORDER.get(entry.status, _DONE_ORDER.get(entry.status, 5)),
            entry.due_on if entry.is_open else (entry.expires_on or date.max),
            entry.course.title,
        )
    )
    keys = assignments.keys()
    return Learning(
        assigned=assigned,
        in_progress=base.in_progress,
        completed=[item for item in base.completed if item.course.translation_key not in keys],
        base=base,
    )


__all__ = ["AssignedCourse", "Learning", "LearningItem", "learning_of", "open_assignments"]
