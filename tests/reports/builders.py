"""Assignments made explicitly for report tests, so they hold whether or not building a course
with an audience also assigns it (they never create an active requirement with a signal)."""

from datetime import timedelta

from django.utils import timezone

from programme.models import Assignment, Requirement
from tests.factories import AssignmentFactory


def assign(user, course, *, due_in: int = 30, certificate=None, completed_days_ago: int = 1) -> Assignment:
    """An open assignment of ``course`` to ``user`` due in ``due_in`` days (negative: overdue);
    completed with ``certificate`` when one is given."""
    today = timezone.localdate()
    fields = {}
    if certificate is not None:
        fields = {"completed_at": timezone.now() - timedelta(days=completed_days_ago), "certificate": certificate}
    return AssignmentFactory(user=user, course=course, due_on=today + timedelta(days=due_in), **fields)


def requirement_without_assignments(course, agency, **fields) -> Requirement:
    """An active requirement saved without signals (bulk_create), so nothing assigns it here."""
    (requirement,) = Requirement.objects.bulk_create(
        [Requirement(course=course, agency=agency, due_rule=Requirement.DueRule.AFTER_JOINING, due_days=90, **fields)]
    )
    return requirement
