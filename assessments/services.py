"""Starting and submitting attempts. Grading happens here, on the server, exactly once."""

from datetime import timedelta

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import get_language

from assessments import grading as q
from assessments import item_analysis
from assessments.models import AssessmentPage, Attempt, ItemResponse
from assessments.selectors import Eligibility, eligibility, items_met, open_attempt, parent_course
from certificates.services import certificate_issue
from cms.i18n import canonical_page
from courses.selectors import lessons_complete
from courses.services import course_refresh_completion

# Answers sent this long after the deadline still count: the network is slow in the mountains.
SUBMISSION_GRACE = timedelta(seconds=60)


class AttemptNotAllowed(Exception):
    def __init__(self, eligibility: Eligibility):
        super().__init__(eligibility.reason)
        self.eligibility = eligibility


def attempt_start(*, user, assessment: AssessmentPage, rng=None) -> Attempt:
    """Start an attempt: draw the questions (those the trainee has not met first), and the
    order of each question's answers, and store them with the page revision (``rng``, a
    random.Random, makes the draw repeatable).

    Returns the open attempt if one exists; raises AttemptNotAllowed when the rules forbid
    starting (lessons incomplete, attempts exhausted, cool-down, valid certificate).
    """
    status = eligibility(user=user, assessment=assessment)
    if status.reason == Eligibility.Reason.OPEN:
        return status.open_attempt
    if not status.can_start:
        raise AttemptNotAllowed(status)
    now = timezone.now()
    try:
        with transaction.atomic():
            return Attempt.objects.create(
                user=user,
                assessment=canonical_page(assessment),
                course=canonical_page(parent_course(assessment=assessment)),
                revision_id=assessment.live_revision_id,
                language=(get_language() or "en").split("-")[0],
                questions=q.draw(
                    assessment.questions,
                    per_attempt=assessment.questions_per_attempt,
                    rng=rng,
                    shuffle_choices=assessment.shuffle_choices,
                    earlier=items_met(user=user, assessment=assessment),
                ),
                snapshot_version=q.SNAPSHOT_VERSION,
                pass_mark=assessment.pass_mark,
                show_correct_answers=assessment.show_correct_answers,
                deadline_at=now + timedelta(minutes=assessment.time_limit_minutes)
                if assessment.time_limit_minutes
                else None,
            )
    except IntegrityError:
        # Two tabs pressed "Start" together: the other one created the attempt.
        return open_attempt(user=user, assessment=assessment)


def attempt_submit(*, attempt: Attempt, post) -> tuple[Attempt, bool]:
    """Grade a submission. Returns the attempt and whether this call graded it.

    A second submission of the same attempt (double click, second tab) changes nothing and
    returns the first result. Raises grading.InvalidAnswers for answers that are not part
    of the attempt, before anything is written.
    """
    answers = q.answers_from_post(post, attempt.questions)
    return _close(attempt_id=attempt.pk, answers=answers)


def attempt_close_if_expired(*, attempt: Attempt) -> Attempt:
    """An attempt left open past its deadline is closed with the answers it has: none."""
    if attempt.is_open and attempt.deadline_at and timezone.now() > attempt.deadline_at + SUBMISSION_GRACE:
        attempt, _graded = _close(attempt_id=attempt.pk, answers={})
    return attempt


@transaction.atomic
def _close(*, attempt_id: int, answers: dict) -> tuple[Attempt, bool]:
    attempt = Attempt.objects.select_for_update().get(pk=attempt_id)
    if not attempt.is_open:
        return attempt, False
    now = timezone.now()
    status = Attempt.Status.SUBMITTED
    if attempt.deadline_at and now > attempt.deadline_at + SUBMISSION_GRACE:
        status, answers = Attempt.Status.TIMED_OUT, {}
    results, points, max_points = q.grade(attempt.questions, answers, version=attempt.snapshot_version)
    passed = q.passes(points, max_points, attempt.pass_mark)
    # The status condition makes grading idempotent even where row locks are not enforced.
    updated = Attempt.objects.filter(pk=attempt.pk, status=Attempt.Status.IN_PROGRESS).update(
        status=status,
        submitted_at=now,
        answers=answers,
        results=results,
        points=points,
        max_points=max_points,
        score=q.percent(points, max_points),
        passed=passed,
    )
    attempt.refresh_from_db()
    if not updated:
        return attempt, False
    ItemResponse.objects.bulk_create(item_responses(attempt))
    if passed:
        _on_pass(attempt)
    return attempt, True


def item_responses(attempt: Attempt) -> list[ItemResponse]:
    """The responses item analysis reads of a closed attempt (unsaved): one per question of a
    submitted attempt, none of a timed-out one, whose answers were discarded and so say
    nothing about the questions (the rule of selectors.item_analysis_rows)."""
    if attempt.status != Attempt.Status.SUBMITTED:
        return []
    row = item_analysis.AttemptRow(
        language=attempt.language,
        points=float(attempt.points or 0),
        max_points=attempt.max_points or 0,
        results=attempt.results or [],
    )
    return [
        ItemResponse(
            attempt_id=attempt.pk,
            assessment_id=attempt.assessment_id,
            language=attempt.language,
            question_id=response.question_id,
            points=response.points,
            rest=response.rest,
            chosen=response.chosen,
        )
        for response in item_analysis.responses(row)
    ]


def _on_pass(attempt: Attempt) -> None:
    """A pass completes the course (by the course's own rule) and earns the certificate."""
    if attempt.course is None or not lessons_complete(user=attempt.user, course=attempt.course):
        return
    course_refresh_completion(user=attempt.user, course=attempt.course)
    certificate_issue(attempt=attempt)
