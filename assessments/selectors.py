"""Reads about assessments: which one a course has, and whether a trainee may take it now."""

from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import TYPE_CHECKING

from django.db.models import Count, Max
from django.utils import timezone
from wagtail.models import Page

from assessments.models import AssessmentPage, Attempt
from cms import published
from courses.models import CoursePage
from courses.selectors import canonical_page

if TYPE_CHECKING:
    from certificates.models import Certificate


def course_assessment(*, course: CoursePage) -> AssessmentPage | None:
    """The live assessment below a course (in the course's own language), kept with the
    published content."""
    return published.remembered(
        "course_assessment", course.pk, lambda: AssessmentPage.objects.live().child_of(course).first()
    )


def parent_course(*, assessment: AssessmentPage) -> CoursePage:
    path = assessment.path[: -Page.steplen]
    course = published.remembered("course_at", path, lambda: CoursePage.objects.filter(path=path).first())
    if course is None:
        raise CoursePage.DoesNotExist
    return course


def has_passed(*, user, course: CoursePage) -> bool:
    course = canonical_page(course)
    return Attempt.objects.filter(user=user, course=course, passed=True).exists()


@dataclass(frozen=True)
class AttemptAsShown:
    """An attempt as its holder may see it: ``items`` in the attempt's order (scenarios keep
    their questions), ``results`` one per question once the attempt is closed."""

    items: list[dict]
    results: list[dict]


def _question_as_shown(question: dict, *, closed: bool) -> dict:
    if question.get("type") == "scenario":
        return {
            "id": question["id"],
            "type": "scenario",
            "case": question.get("case", ""),
            "questions": [_question_as_shown(child, closed=closed) for child in question.get("questions", [])],
        }
    shown = {"id": question["id"], "type": question.get("type"), "text": question.get("text", "")}
    if question.get("type") != "true_false":
        shown["choices"] = [{"id": choice["id"], "text": choice["text"]} for choice in question.get("choices", [])]
    if closed:
        # The explanation is "shown to the trainee after submission" (the block's help text).
        shown["explanation"] = question.get("explanation", "")
    return shown


def attempt_as_shown(*, attempt: Attempt) -> AttemptAsShown:
    """What the trainee who took ``attempt`` may see of it: the one definition behind the
    question form, the result page and the personal-data export.

    An open attempt shows its questions and choices and nothing of the answer key (no
    ``correct`` flags, no true/false ``answer``, no explanation). A closed one adds the
    explanations and, per question, the points and the answers chosen; the correct answers
    only when the assessment showed them at the time (``show_correct_answers``, copied onto
    the attempt when it started)."""
    closed = not attempt.is_open
    items = [_question_as_shown(item, closed=closed) for item in attempt.questions]
    results = []
    if closed:
        for result in attempt.results:
            shown = {"id": result["id"], "points": result.get("points"), "chosen": result.get("chosen", [])}
            if attempt.show_correct_answers:
                shown["correct"] = result.get("correct", [])
            results.append(shown)
    return AttemptAsShown(items=items, results=results)


def open_attempt(*, user, assessment: AssessmentPage) -> Attempt | None:
    assessment = canonical_page(assessment)
    return Attempt.objects.filter(user=user, assessment=assessment, status=Attempt.Status.IN_PROGRESS).first()


def user_attempts(*, user, course: CoursePage):
    return Attempt.objects.filter(user=user, course=canonical_page(course)).exclude(status=Attempt.Status.IN_PROGRESS)


@dataclass(frozen=True)
class Eligibility:
    """Whether a trainee may start an attempt now, and if not, why and until when."""

    class Reason:
        OK = "ok"
        OPEN = "open"  # an attempt is in progress: continue it
        LOCKED = "locked"  # lessons not all complete
        CERTIFIED = "certified"  # holds a valid certificate not yet due for renewal
        EXHAUSTED = "exhausted"
        COOLDOWN = "cooldown"

    reason: str
    attempts_used: int = 0
    attempts_allowed: int = 0
    next_possible_at: datetime | None = None
    open_attempt: Attempt | None = None
    certificate: "Certificate | None" = None  # the trainee's current certificate for the course

    @property
    def can_start(self) -> bool:
        return self.reason == self.Reason.OK

    @property
    def attempts_left(self) -> int | None:
        if not self.attempts_allowed:
            return None
        return max(0, self.attempts_allowed - self.attempts_used)


def eligibility(*, user, assessment: AssessmentPage, now: datetime | None = None) -> Eligibility:
    from certificates.selectors import current_certificate
    from courses.services import lessons_complete

    now = now or timezone.now()
    Reason = Eligibility.Reason
    course = canonical_page(parent_course(assessment=assessment))
    assessment = canonical_page(assessment)
    certificate = current_certificate(user=user, course=course)
    if not lessons_complete(user=user, course=course):
        return Eligibility(reason=Reason.LOCKED, certificate=certificate)

    attempt = open_attempt(user=user, assessment=assessment)
    if attempt is not None:
        return Eligibility(reason=Reason.OPEN, open_attempt=attempt, certificate=certificate)

    # A renewal starts a new cycle: attempts and cool-down count from the last certificate.
    # Expiry dates are the country's calendar days; now.date() would be UTC's, a day behind in the evening.
    if certificate is not None and not certificate.renewal_open(today=timezone.localdate(now)):
        return Eligibility(reason=Reason.CERTIFIED, certificate=certificate)
    closed = user_attempts(user=user, course=course)
    if certificate is not None:
        closed = closed.filter(submitted_at__gt=certificate.issued_at)
    counted = closed.aggregate(used=Count("pk"), last=Max("submitted_at"))
    attempts_used, last = counted["used"], counted["last"]
    allowed = assessment.attempts_allowed
    if allowed and attempts_used >= allowed:
        return Eligibility(
            reason=Reason.EXHAUSTED, attempts_used=attempts_used, attempts_allowed=allowed, certificate=certificate
        )
    if last and assessment.cooldown_hours:
        next_possible_at = last + timedelta(hours=assessment.cooldown_hours)
        if next_possible_at > now:
            return Eligibility(
                reason=Reason.COOLDOWN,
                attempts_used=attempts_used,
                attempts_allowed=allowed,
                next_possible_at=next_possible_at,
                certificate=certificate,
            )
    return Eligibility(reason=Reason.OK, attempts_used=attempts_used, attempts_allowed=allowed, certificate=certificate)
