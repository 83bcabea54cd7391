"""A trainee's attempts (kept on erasure: they hold no name, and the reports count them)."""

from accounts.personal_data import title, when
from assessments.models import Attempt
from assessments.selectors import attempt_as_shown


def _attempt_entry(attempt) -> dict:
    """An attempt as its holder sees it on the attempt pages (assessments.selectors.attempt_as_shown):
    never the stored snapshot, which holds the answer key."""
    shown = attempt_as_shown(attempt=attempt)
    return {
        "course": title(attempt.course),
        "language": attempt.language,
        "status": attempt.status,
        "started_at": when(attempt.started_at),
        "deadline_at": when(attempt.deadline_at),
        "submitted_at": when(attempt.submitted_at),
        "score": attempt.score,
        "points": str(attempt.points) if attempt.points is not None else None,
        "max_points": attempt.max_points,
        "pass_mark": attempt.pass_mark,
        "passed": attempt.passed,
        "questions": shown.items,
        "answers": attempt.answers,
        "results": shown.results,
    }


def export(*, user) -> dict:
    return {
        "attempts": [
            _attempt_entry(attempt)
            for attempt in Attempt.objects.filter(user=user).select_related("course").order_by("started_at", "pk")
        ]
    }
