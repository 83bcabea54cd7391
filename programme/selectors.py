"""Reads about the programme: who a requirement's audience is, and when their work is due."""

from datetime import date, timedelta

from django.contrib.auth import get_user_model
from django.db.models import Q, QuerySet
from django.db.models.functions import Lower

from programme.models import Requirement


def normalised_positions(positions) -> list[str]:
    """Positions as requirements store them: trimmed, case folded, each once, in order."""
    seen: dict[str, None] = {}
    for position in positions or ():
        folded = " ".join(str(position).split()).casefold()
        if folded:
            seen.setdefault(folded)
    return list(seen)


def audience(*, agency_id: int, region_ids=(), positions=()) -> QuerySet:
    """Active trainees in an audience: the agency, optionally some regions and positions
    (a position matches whatever its case and spacing)."""
    trainees = get_user_model().objects.filter(is_active=True, erased_at__isnull=True, agency_id=agency_id)
    if region_ids:
        trainees = trainees.filter(region_id__in=list(region_ids))
    wanted = normalised_positions(positions)
    if wanted:
        trainees = trainees.annotate(position_folded=Lower("position")).filter(position_folded__in=wanted)
    return trainees


def requirement_audience(requirement: Requirement) -> QuerySet:
    region_ids = [region.pk for region in requirement.regions.all()] if requirement.pk else []
    return audience(agency_id=requirement.agency_id, region_ids=region_ids, positions=requirement.positions)


def in_audience(requirement: Requirement, user, *, region_ids=None) -> bool:
    """Whether one trainee is in the audience, without a query when ``region_ids`` is given."""
    if not user.is_active or user.erased_at is not None or user.agency_id != requirement.agency_id:
        return False
    if region_ids is None:
        region_ids = [region.pk for region in requirement.regions.all()]
    if region_ids and user.region_id not in region_ids:
        return False
    wanted = normalised_positions(requirement.positions)
    return not wanted or " ".join(user.position.split()).casefold() in wanted


def due_date(requirement: Requirement, *, joined_on: date, today: date) -> date:
    """When a trainee who entered the audience on ``joined_on`` must hold the certificate.

    Never before ``today``: someone assigned late is due today at the earliest, not overdue on
    arrival. "After joining" counts from the later of joining and the requirement's start."""
    match requirement.due_rule:
        case Requirement.DueRule.FIXED_DATE:
            due = requirement.due_date
        case Requirement.DueRule.AFTER_START:
            due = requirement.starts_on + timedelta(days=requirement.due_days)
        case _:
            due = max(joined_on, requirement.starts_on) + timedelta(days=requirement.due_days)
    return max(due, today)


def recertification_due_date(requirement: Requirement, *, expired_on: date) -> date:
    return expired_on + timedelta(days=requirement.recertify_within_days)


def active_requirements() -> QuerySet[Requirement]:
    return Requirement.objects.filter(is_active=True).filter(Q(course__live=True))
