"""Reads about assessments: which one a course has, whether a trainee may take it now, and
what its page shows."""

from dataclasses import dataclass
from datetime import datetime, timedelta

from django.db import models
from django.db.models import Count, F, Max, Q, Sum
from django.utils import formats, timezone
from django.utils.translation import gettext as _
from wagtail.models import Page

from assessments import grading, item_analysis
from assessments.models import AssessmentPage, Attempt, ItemResponse
from certificates.models import Certificate
from certificates.selectors import current_certificate
from cms.i18n import canonical_page
from cms.published import Memo
from courses.models import CoursePage
from courses.selectors import course_gate, lessons_complete

COURSE_AT = Memo[CoursePage | None]("course_at")


def course_assessment(*, course: CoursePage) -> AssessmentPage | None:
    """The live assessment below a course (in the course's own language): the course's gate,
    kept with the published content."""
    gate = course_gate(course=course)
    return gate if isinstance(gate, AssessmentPage) else None


def parent_course(*, assessment: AssessmentPage) -> CoursePage:
    path = assessment.path[: -Page.steplen]
    course = COURSE_AT.get(path, lambda: CoursePage.objects.filter(path=path).first(), course=path)
    if course is None:
        raise CoursePage.DoesNotExist
    return course


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


@dataclass(frozen=True)
class AttemptProgress:
    """How far an open attempt has got: its questions answered (as saved), the ones left blank
    (number shown, question id), and the whole seconds left before its deadline (None
    without a time limit)."""

    answered: int
    total: int
    unanswered: list[tuple[str, str]]
    seconds_left: int | None


def attempt_progress(*, attempt: Attempt, answers: dict | None = None, now: datetime | None = None) -> AttemptProgress:
    """``answers`` stands in for the saved ones (those a refused submission sent back)."""
    answers = attempt.answers if answers is None else answers
    blanks = grading.unanswered(attempt.questions, answers or {})
    total = sum(1 for _question in grading.iter_questions(attempt.questions))
    seconds_left = None
    if attempt.deadline_at:
        seconds_left = max(0, int((attempt.deadline_at - (now or timezone.now())).total_seconds()))
    return AttemptProgress(answered=total - len(blanks), total=total, unanswered=blanks, seconds_left=seconds_left)


def open_attempt(*, user, assessment: AssessmentPage) -> Attempt | None:
    assessment = canonical_page(assessment)
    return Attempt.objects.filter(user=user, assessment=assessment, status=Attempt.Status.IN_PROGRESS).first()


def items_met(*, user, assessment: AssessmentPage) -> list[set[str]]:
    """The item ids (questions and case studies) of each of the trainee's earlier attempts at
    this assessment, newest first: what a retake draws around."""
    attempts = Attempt.objects.filter(user=user, assessment=canonical_page(assessment)).order_by("-started_at")
    return [{item["id"] for item in questions} for questions in attempts.values_list("questions", flat=True)]


def user_attempts(*, user, course: CoursePage):
    return Attempt.objects.filter(user=user, course=canonical_page(course)).exclude(status=Attempt.Status.IN_PROGRESS)


@dataclass(frozen=True)
class Eligibility:
    """Whether a trainee may start an attempt now, and if not, why and until when."""

    class Reason(models.TextChoices):
        OK = "ok"
        OPEN = "open"  # an attempt is in progress: continue it
        LOCKED = "locked"  # lessons not all complete
        CERTIFIED = "certified"  # holds a valid certificate not yet due for renewal
        EXHAUSTED = "exhausted"
        COOLDOWN = "cooldown"

    reason: Reason
    attempts_used: int = 0
    attempts_allowed: int = 0
    next_possible_at: datetime | None = None
    open_attempt: Attempt | None = None
    certificate: Certificate | None = None  # the trainee's current certificate for the course

    @property
    def can_start(self) -> bool:
        return self.reason == self.Reason.OK

    @property
    def attempts_left(self) -> int | None:
        if not self.attempts_allowed:
            return None
        return max(0, self.attempts_allowed - self.attempts_used)

    @property
    def refusal(self) -> str:
        """Why the trainee may not start an attempt now, in their language ("" when they may,
        or when an attempt is open to continue)."""
        Reason = self.Reason
        if self.reason == Reason.LOCKED:
            return _("Complete every lesson of the course to unlock the assessment.")
        if self.reason == Reason.CERTIFIED:
            return _(
                "You already hold a valid certificate for this course. You can renew it 60 days before it expires."
            )
        if self.reason == Reason.EXHAUSTED:
            return _("You have used all %(count)s attempts. Ask your training coordinator for help.") % {
                "count": self.attempts_allowed
            }
        if self.reason == Reason.COOLDOWN:
            when = formats.date_format(timezone.localtime(self.next_possible_at), "DATETIME_FORMAT")
            return _("You can try again from %(when)s.") % {"when": when}
        return ""


def eligibility(*, user, assessment: AssessmentPage, now: datetime | None = None) -> Eligibility:
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


def assessment_overview(*, user, assessment: AssessmentPage) -> dict:
    """What the assessment's page shows around its rules: how many questions an attempt asks
    (fewest, most), the course, whether the trainee may start (and if not, why; if an attempt
    is open, how far it has got), their past attempts and their current certificate."""
    status = eligibility(user=user, assessment=assessment)
    course = parent_course(assessment=assessment)
    fewest, most = grading.questions_asked(assessment.questions, per_attempt=assessment.questions_per_attempt)
    progress = attempt_progress(attempt=status.open_attempt) if status.open_attempt else None
    return {
        "open_progress": progress,
        "questions_fewest": fewest,
        "questions_most": most,
        "course": course,
        "status": status,
        "refusal": status.refusal,
        "attempts": user_attempts(user=user, course=course)[:20],
        "certificate": status.certificate,
    }


# Rows are read from the database in chunks of this many: memory stays flat, one query in all.
ITEM_ANALYSIS_CHUNK = 2000


def item_analysis_rows(*, assessment: AssessmentPage):
    """The submitted attempts of an assessment in every language (attempts are stored against
    the default-language page), as item analysis reads them, in one query: what
    ``item_statistics`` adds up from the stored responses, read from the attempts themselves.
    Timed-out attempts are left out: their blanks say that time ran out, not how hard the
    questions were (assessments.services.item_responses keeps the same rule)."""
    rows = (
        Attempt.objects.filter(assessment=canonical_page(assessment), status=Attempt.Status.SUBMITTED)
        .order_by()
        .values_list("language", "points", "max_points", "results")
    )
    for language, points, max_points, results in rows.iterator(chunk_size=ITEM_ANALYSIS_CHUNK):
        yield item_analysis.AttemptRow(
            language=language, points=float(points or 0), max_points=max_points or 0, results=results or []
        )


# The database adds the sums up over the narrow table of responses (written with the grading):
# the attempts and their results are never read. Grouping by the options chosen as well as by
# question and language keeps the JSON packed (the distinct answers to a question are few) and
# gives the option counts in the same query: Python unpacks each group's answer once and adds
# the groups of a (question, language) up.
def _response_sums(assessment: AssessmentPage) -> dict[tuple[str, str], item_analysis.Sums]:
    paired = Q(rest__isnull=False)
    groups = (
        ItemResponse.objects.filter(assessment=assessment)
        .order_by()
        .values_list("question_id", "language", "chosen")
        .annotate(
            n=Count("*"),
            total=Sum("points"),
            pairs=Count("rest"),
            sx=Sum("points", filter=paired),
            sy=Sum("rest"),
            sxx=Sum(F("points") * F("points"), filter=paired),
            syy=Sum(F("rest") * F("rest")),
            sxy=Sum(F("points") * F("rest")),
        )
    )
    sums: dict[tuple[str, str], item_analysis.Sums] = {}
    for question, language, chosen, n, total, pairs, sx, sy, sxx, syy, sxy in groups:
        group = item_analysis.Sums(
            n=n,
            points=total or 0.0,
            pairs=pairs,
            sx=sx or 0.0,
            sy=sy or 0.0,
            sxx=sxx or 0.0,
            syy=syy or 0.0,
            sxy=sxy or 0.0,
        )
        for option in chosen or ():
            group.options[option] += n
        sums.setdefault((question, language), item_analysis.Sums()).merge(group)
    return sums


def item_statistics(*, assessment: AssessmentPage) -> dict[str, item_analysis.ItemStats]:
    """Item analysis of an assessment over its submitted attempts in every language, in one
    query whatever the number of attempts (the database adds up the sums)."""
    return item_analysis.statistics(_response_sums(canonical_page(assessment)))
