"""What planned trainees become: unsaved users, enrolments, lesson completions, attempts and
certificates, for ``bulk.generate`` to insert chunk by chunk (see ``bench.loaddata``)."""

from datetime import timedelta

from django.contrib.auth import get_user_model

from assessments import grading
from assessments.models import Attempt
from bench.loaddata.country import REVOCATION_REASONS
from bench.loaddata.plan import TraineePlan
from bench.loaddata.responses import LEARNING, Responses
from certificates import codes
from certificates.models import Certificate
from courses.models import Enrolment, LessonCompletion


def build_users(plans: list[TraineePlan], password: str) -> list:
    User = get_user_model()
    return [
        User(
            email=p.email,
            full_name=p.full_name,
            agency_id=p.agency.id,
            region_id=p.region.id,
            position=p.position,
            preferred_language=p.language,
            date_joined=p.date_joined,
            last_login=p.last_login if p.courses else None,
            is_active=p.is_active,
            password=password,
        )
        for p in plans
    ]


def build_progress(users: list, plans: list[TraineePlan], responses: Responses) -> tuple[list, list, list]:
    """Enrolments, lesson completions and attempts of saved users (in plan order), the attempts
    drawn, answered and graded by ``responses``."""
    enrolments, completions, attempts = [], [], []
    for user, plan in zip(users, plans, strict=True):
        ability = responses.ability() if any(course_plan.attempts for course_plan in plan.courses) else 0.0
        for course_plan in plan.courses:
            course = course_plan.course
            enrolments.append(
                Enrolment(
                    user_id=user.pk,
                    course_id=course.id,
                    started_at=course_plan.started_at,
                    completed_at=course_plan.completed_at,
                    last_activity_at=course_plan.last_activity_at,
                )
            )
            completions += [
                LessonCompletion(user_id=user.pk, lesson_id=lesson_id, course_id=course.id, completed_at=at)
                for lesson_id, at in course_plan.completions
            ]
            for n, a in enumerate(course_plan.attempts):
                items, answers, results, points, max_points = responses.attempt(
                    course.assessment_id,
                    language=plan.language,
                    ability=ability + LEARNING * n,
                    passed=a.passed,
                    pass_mark=course.pass_mark,
                )
                attempts.append(
                    Attempt(
                        user_id=user.pk,
                        assessment_id=course.assessment_id,
                        course_id=course.id,
                        revision_id=course.revision_id,
                        language=plan.language,
                        questions=items,
                        snapshot_version=grading.SNAPSHOT_VERSION,
                        pass_mark=course.pass_mark,
                        show_correct_answers=True,
                        status=Attempt.Status.SUBMITTED,
                        started_at=a.started_at,
                        deadline_at=a.started_at + timedelta(minutes=30),
                        submitted_at=a.submitted_at,
                        answers=answers,
                        results=results,
                        points=points,
                        max_points=max_points,
                        score=grading.percent(points, max_points),
                        passed=a.passed,
                    )
                )
    return enrolments, completions, attempts


def build_certificates(users, plans, attempts, *, generator_id: int, codes_seen: set, rng, totals) -> tuple[list, list]:
    """Certificates of saved attempts: (current ones, [(superseded one, its successor)])."""

    def new_code() -> str:
        while True:
            code = codes.generate()
            if code not in codes_seen:
                codes_seen.add(code)
                return code

    attempt_ids = iter([attempt.pk for attempt in attempts])
    current, superseded = [], []
    for user, plan in zip(users, plans, strict=True):
        agency_name = plan.agency.names.get(plan.language, plan.agency.names["en"])
        for course_plan in plan.courses:
            ids = [next(attempt_ids) for _attempt in course_plan.attempts]
            built = [
                Certificate(
                    code=new_code(),
                    user_id=user.pk,
                    course_id=course_plan.course.id,
                    attempt_id=ids[cert.attempt],
                    holder_name=plan.full_name,
                    agency_name=agency_name,
                    agency_id=plan.agency.id,
                    region_id=plan.region.id,
                    course_title=course_plan.course.title,
                    language=plan.language,
                    issued_at=cert.issued_at,
                    expires_on=cert.expires_on,
                    status=cert.status,
                    revoked_at=cert.revoked_at,
                    revocation_reason=rng.choice(REVOCATION_REASONS) if cert.status == "revoked" else "",
                    revoked_by_id=generator_id if cert.status == "revoked" else None,
                )
                for cert in course_plan.certificates
            ]
            for cert, certificate in zip(course_plan.certificates, built, strict=True):
                totals.by_status[cert.status] += 1
                if cert.superseded_by is None:
                    current.append(certificate)
                else:
                    superseded.append((certificate, built[cert.superseded_by]))
    return current, superseded
