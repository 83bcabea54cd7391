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


class AttemptClosed(Exception):
    """Answers were sent for an attempt that is no longer open: submitted already, or past its
    time limit (it is closed and graded on the answers saved before)."""

    def __init__(self, attempt: Attempt):
        super().__init__(f"attempt {attempt.pk} is {attempt.status}")
        self.attempt = attempt


class UnansweredQuestions(Exception):
    """A submission leaves questions blank and the trainee has not confirmed that they mean
    to submit anyway. The answers given were saved."""

    def __init__(self, attempt: Attempt, unanswered: list[tuple[str, str]]):
        super().__init__(f"{len(unanswered)} unanswered")
        self.attempt = attempt
        self.unanswered = unanswered


def attempt_save(*, attempt: Attempt, post) -> Attempt:
    """Save the answers of a form submission on an open attempt, replacing those saved before
    (the form always holds every answer), so that leaving and coming back loses none.

    Only the answers that belong to the attempt are kept (grading.answers_kept): a saved draft
    never refuses, whatever the client sends. Raises AttemptClosed when the attempt is no
    longer open or its time is up (then it is closed, graded on what was saved before)."""
    return _save(attempt_id=attempt.pk, answers=q.answers_kept(post, attempt.questions))


def attempt_submit(*, attempt: Attempt, post, allow_unanswered: bool = True) -> tuple[Attempt, bool]:
    """Grade a submission. Returns the attempt and whether this call graded it.

    A second submission of the same attempt (double click, second tab) changes nothing and
    returns the first result. Raises grading.InvalidAnswers for answers that are not part
    of the attempt, before anything is written. With ``allow_unanswered`` false, a submission
    that leaves questions blank before the time limit is saved, not graded, and raises
    UnansweredQuestions; past the time limit it is graded at once (there is no time to ask).
    A submission past the time limit and its grace grades the answers saved before it.
    """
    answers = q.answers_from_post(post, attempt.questions)
    if not allow_unanswered and attempt.is_open and not _past_deadline(attempt, grace=timedelta(0)):
        blanks = q.unanswered(attempt.questions, answers)
        if blanks:
            try:
                saved = _save(attempt_id=attempt.pk, answers=answers)
            except AttemptClosed as closed:  # submitted meanwhile in another tab
                return closed.attempt, False
            raise UnansweredQuestions(saved, blanks)
    return _close(attempt_id=attempt.pk, answers=answers)


def attempt_close_if_expired(*, attempt: Attempt) -> Attempt:
    """An attempt left open past its deadline is closed and graded on the answers saved."""
    if attempt.is_open and _past_deadline(attempt):
        attempt, _graded = _close(attempt_id=attempt.pk, answers=None)
    return attempt


def _past_deadline(attempt: Attempt, *, grace: timedelta = SUBMISSION_GRACE, now=None) -> bool:
    return bool(attempt.deadline_at) and (now or timezone.now()) > attempt.deadline_at + grace


def _save(*, attempt_id: int, answers: dict) -> Attempt:
    with transaction.atomic():
        attempt = Attempt.objects.select_for_update().get(pk=attempt_id)
        expired = attempt.is_open and _past_deadline(attempt)
        if attempt.is_open and not expired:
            now = timezone.now()
            # The status condition keeps a save that races a submission from touching a graded attempt.
            updated = Attempt.objects.filter(pk=attempt.pk, status=Attempt.Status.IN_PROGRESS).update(
                answers=answers, answers_saved_at=now
            )
            if updated:
                attempt.answers, attempt.answers_saved_at = answers, now
                return attempt
            attempt.refresh_from_db()
    if expired:
        attempt, _graded = _close(attempt_id=attempt.pk, answers=None)
    raise AttemptClosed(attempt)


@transaction.atomic
def _close(*, attempt_id: int, answers: dict | None) -> tuple[Attempt, bool]:
    """Grade and close an open attempt on ``answers`` (None: on those saved). Past the time
    limit and its grace, the answers sent now are too late: those saved before count, and the
    attempt ended at its deadline (which the cool-down counts from, however late it is closed)."""
    attempt = Attempt.objects.select_for_update().get(pk=attempt_id)
    if not attempt.is_open:
        return attempt, False
    now = timezone.now()
    status, ended = Attempt.Status.SUBMITTED, now
    if _past_deadline(attempt, now=now):
        status, ended = Attempt.Status.TIMED_OUT, attempt.deadline_at
    if answers is None or status == Attempt.Status.TIMED_OUT:
        answers = attempt.answers or {}
    results, points, max_points = q.grade(attempt.questions, answers, version=attempt.snapshot_version)
    passed = q.passes(points, max_points, attempt.pass_mark)
    # The status condition makes grading idempotent even where row locks are not enforced.
    updated = Attempt.objects.filter(pk=attempt.pk, status=Attempt.Status.IN_PROGRESS).update(
        status=status,
        submitted_at=ended,
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
    submitted attempt, none of a timed-out one, whose blanks say that time ran out rather than
    anything about the questions (the rule of selectors.item_analysis_rows)."""
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
