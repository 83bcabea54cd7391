"""The training programme in the load data: one requirement per seed course and agency that
requires it (the course's audiences), and each generated trainee's assignment of it, completed
with their current certificate when they hold one (so the daily sweep finds every state: not
due yet, due soon, overdue, certified, expiring, expired)."""

import time
from datetime import timedelta

from django.db import transaction

from bench.loaddata.country import GENERATOR_EMAIL
from certificates.models import Certificate
from programme.models import Assignment, Requirement

DUE_DAYS = 90


def generate(*, universe, users, batch_size: int, log=print) -> tuple[int, int]:
    """(requirements, assignments) made for the generated ``users`` (a queryset)."""
    from django.contrib.auth import get_user_model

    started = time.monotonic()
    generator = get_user_model().objects.filter(email=GENERATOR_EMAIL).first()
    requirements = {}
    with transaction.atomic():
        for course in universe.courses:
            for agency_id in sorted(course.agency_ids):
                requirement, _created = Requirement.objects.get_or_create(
                    course_id=course.id,
                    agency_id=agency_id,
                    defaults={
                        "due_rule": Requirement.DueRule.AFTER_JOINING,
                        "due_days": DUE_DAYS,
                        "recurs": True,
                        "created_by": generator,
                        "apply_state": Requirement.ApplyState.DONE,
                    },
                )
                requirements[(course.id, agency_id)] = requirement.pk
        courses_of_agency: dict[int, list[int]] = {}
        for course_id, agency_id in requirements:
            courses_of_agency.setdefault(agency_id, []).append(course_id)
        certificates = {
            (user_id, course_id): (pk, issued_at)
            for user_id, course_id, pk, issued_at in Certificate.objects.filter(
                user__in=users, status=Certificate.Status.VALID
            ).values_list("user_id", "course_id", "pk", "issued_at")
        }
        made = 0
        pending: list[Assignment] = []
        for user_id, agency_id, joined in (
            users.order_by("pk").values_list("pk", "agency_id", "date_joined").iterator(chunk_size=batch_size)
        ):
            for course_id in courses_of_agency.get(agency_id, ()):
                certificate = certificates.get((user_id, course_id))
                pending.append(
                    Assignment(
                        user_id=user_id,
                        course_id=course_id,
                        requirement_id=requirements[(course_id, agency_id)],
                        assigned_at=joined,
                        due_on=joined.date() + timedelta(days=DUE_DAYS),
                        completed_at=certificate[1] if certificate else None,
                        certificate_id=certificate[0] if certificate else None,
                    )
                )
            if len(pending) >= batch_size:
                Assignment.objects.bulk_create(pending, batch_size=batch_size, ignore_conflicts=True)
                made += len(pending)
                pending = []
        Assignment.objects.bulk_create(pending, batch_size=batch_size, ignore_conflicts=True)
        made += len(pending)
    log(f"requirements {len(requirements):,} · assignments {made:,} · {time.monotonic() - started:.1f} s")
    return len(requirements), made


def clear(*, user_ids) -> dict:
    """Reminders and assignments of these users, and the generator's requirements."""
    from programme.models import Reminder

    deleted = {}
    deleted["reminders"] = Reminder.objects.filter(recipient_id__in=user_ids).delete()[0]
    deleted["reminders"] += Reminder.objects.filter(assignment__user_id__in=user_ids).delete()[0]
    deleted["assignments"] = Assignment.objects.filter(user_id__in=user_ids).delete()[0]
    return deleted


def clear_requirements() -> int:
    return Requirement.objects.filter(created_by__email=GENERATOR_EMAIL).delete()[0]
