"""What saving a requirement would do, before it is saved: how many trainees get the course,
whose due date moves, and how many assignments end.

The counts are computed by the database over the audience and the Assignment table (three
queries, whatever the size of the audience), with the due rule written as SQL. They follow the
rules of ``programme.selectors``: the earliest-due requirement decides an assignment's date, a
date is never before today, and "after joining" counts from the later of the trainee's joining
and the requirement's start (``date_joined`` stands for the day they entered the audience).
"""

from dataclasses import dataclass, field
from datetime import date, timedelta

from django.db.models import Case, Count, DateField, Exists, OuterRef, Q, Value, When
from django.db.models.functions import Cast, TruncDate
from django.utils import timezone

from accounts.models import Region
from programme.models import Assignment, Requirement
from programme.selectors import audience


@dataclass(frozen=True)
class RegionCount:
    region_id: int | None
    name: str
    count: int


@dataclass(frozen=True)
class Preview:
    new: int  # trainees in the audience who get the course (no open assignment of it yet)
    changed: int  # open, unfinished assignments whose due date moves
    removed: int  # open assignments of this requirement that end (their holder leaves the audience)
    by_region: list[RegionCount] = field(default_factory=list)  # ``new`` per region, largest first

    @property
    def touches_anyone(self) -> bool:
        return bool(self.new or self.changed or self.removed)


def _due_expression(requirement: Requirement, *, joined: str, today: date):
    """``selectors.due_date`` as SQL, with ``joined`` the datetime field of the joining."""
    match requirement.due_rule:
        case Requirement.DueRule.FIXED_DATE:
            return Value(max(requirement.due_date, today), output_field=DateField())
        case Requirement.DueRule.AFTER_START:
            return Value(max(requirement.starts_on + timedelta(days=requirement.due_days), today))
    days = timedelta(days=requirement.due_days)
    start = requirement.starts_on
    joined_on = TruncDate(joined)
    return Case(
        # Joined before the start: the start counts, for everyone alike.
        When(**{f"{joined}__date__lte": start}, then=Value(max(start + days, today))),
        # So long ago that the date would have passed: due today.
        When(**{f"{joined}__date__lte": today - days}, then=Value(today)),
        default=Cast(joined_on + days, output_field=DateField()),
        output_field=DateField(),
    )


def requirement_preview(*, requirement: Requirement, region_ids, positions, today: date | None = None) -> Preview:
    """The effect of saving ``requirement`` (unsaved, or saved with its new values set but not
    stored) with the audience ``region_ids`` / ``positions``, against the current assignments."""
    today = today or timezone.localdate()
    region_ids = [int(pk) for pk in region_ids or ()]
    members = audience(agency_id=requirement.agency_id, region_ids=region_ids, positions=positions)
    course_id = requirement.course_id
    open_assignments = Assignment.objects.filter(course_id=course_id, ended_at__isnull=True)

    # 1. Newcomers, per region (a withdrawn requirement assigns nobody).
    per_region = (
        []
        if not requirement.is_active
        else list(
            members.exclude(Exists(open_assignments.filter(user_id=OuterRef("pk"))))
            .values("region_id")
            .annotate(count=Count("pk"))
            .order_by("-count", "region_id")
        )
    )
    new = sum(row["count"] for row in per_region)
    regions = Region.objects.filter(pk__in=[row["region_id"] for row in per_region])
    names = {region.pk: region.display_name for region in regions}
    by_region = [RegionCount(row["region_id"], names.get(row["region_id"], "–"), row["count"]) for row in per_region]

    # 2. Assignments that move or end, in one aggregate over the course's open assignments.
    in_audience = Q(user_id__in=members.values("pk"))
    unfinished = Q(completed_at__isnull=True)
    ours = Q(requirement_id=requirement.pk) if requirement.pk else Q(pk__in=[])
    if requirement.is_active:
        moved = Q(due_on__gt=_due_expression(requirement, joined="user__date_joined", today=today))
        if requirement.pk:
            moved |= ours & ~Q(due_on=_due_expression(requirement, joined="user__date_joined", today=today))
        changed_filter = in_audience & unfinished & moved
        removed_filter = ours & ~in_audience
    else:
        changed_filter = Q(pk__in=[])
        removed_filter = ours
    figures = open_assignments.aggregate(
        changed=Count("pk", filter=changed_filter), removed=Count("pk", filter=removed_filter)
    )
    return Preview(new=new, changed=figures["changed"], removed=figures["removed"], by_region=by_region)
