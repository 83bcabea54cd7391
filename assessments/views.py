from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import JsonResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import formats, timezone
from django.utils.translation import gettext as _

from assessments import grading as q
from assessments import selectors, services
from assessments.models import AssessmentPage, Attempt
from certificates.selectors import certificate_earned_by
from web.http_methods import require_POST, require_safe

# The query string of the attempt page that asks to confirm a submission with blank answers.
CONFIRM_QUERY = "confirm=unanswered"


@login_required
@require_POST
def attempt_start(request, assessment_id: int):
    """Start an attempt (or continue the open one), or say on the assessment page why not."""
    assessment = get_object_or_404(AssessmentPage.objects.live().public(), pk=assessment_id)
    try:
        attempt = services.attempt_start(user=request.user, assessment=assessment)
    except services.AttemptNotAllowed as refusal:
        messages.error(request, refusal.eligibility.refusal)
        return redirect(assessment.get_url(request))
    return redirect("attempt_detail", attempt_id=attempt.pk)


@login_required
@require_safe
def attempt_detail(request, attempt_id: int):
    """An open attempt shows its questions with the answers saved so far (and, after a
    submission with blanks, asks to confirm it); a closed one shows its result."""
    attempt = get_object_or_404(
        Attempt.objects.select_related("assessment", "course"), pk=attempt_id, user=request.user
    )
    attempt = services.attempt_close_if_expired(attempt=attempt)
    if not attempt.is_open:
        return _result(request, attempt)
    confirm = request.GET.get("confirm") == "unanswered"
    return _take(request, attempt, selected=attempt.answers or {}, confirm=confirm, status=200)


@login_required
@require_POST
def attempt_save(request, attempt_id: int):
    """Save the answers and stay on the attempt ("Save and continue later", and the page's
    script on every change). A script asking for JSON gets the time saved, or a 409 and the
    result's address once the attempt is closed."""
    attempt = get_object_or_404(Attempt, pk=attempt_id, user=request.user)
    wants_json = "application/json" in request.headers.get("Accept", "")
    detail = reverse("attempt_detail", args=[attempt.pk])
    try:
        attempt = services.attempt_save(attempt=attempt, post=request.POST)
    except services.AttemptClosed as closed:
        if wants_json:
            return JsonResponse({"closed": True, "message": _closed_message(closed.attempt), "url": detail}, status=409)
        if closed.attempt.status == Attempt.Status.SUBMITTED:
            messages.info(request, _closed_message(closed.attempt))
        # A timed-out attempt's result page says itself what was graded.
        return redirect(detail)
    saved_at = formats.time_format(timezone.localtime(attempt.answers_saved_at), "TIME_FORMAT")
    progress = selectors.attempt_progress(attempt=attempt)
    if wants_json:
        return JsonResponse(
            {
                "saved": True,
                "message": _saved_message(saved_at, progress),
                "answered": progress.answered,
                "total": progress.total,
                "seconds_left": progress.seconds_left,
            }
        )
    if attempt.deadline_at:
        until = formats.time_format(timezone.localtime(attempt.deadline_at), "TIME_FORMAT")
        messages.success(
            request,
            _(
                "Your answers are saved (%(time)s). You can leave and continue this attempt later from the "
                "assessment page until %(until)s: the time limit keeps running."
            )
            % {"time": saved_at, "until": until},
        )
    else:
        messages.success(
            request,
            _(
                "Your answers are saved (%(time)s). You can leave and continue this attempt later from the "
                "assessment page."
            )
            % {"time": saved_at},
        )
    return redirect(detail)


@login_required
@require_POST
def attempt_submit(request, attempt_id: int):
    """Grade the answers; first, unless the trainee confirmed, save them and ask about any
    question left blank."""
    attempt = get_object_or_404(Attempt, pk=attempt_id, user=request.user)
    if not attempt.is_open:
        messages.info(request, _("This attempt was already submitted; here is its result."))
        return redirect("attempt_detail", attempt_id=attempt.pk)
    try:
        attempt, graded = services.attempt_submit(
            attempt=attempt, post=request.POST, allow_unanswered="confirm" in request.POST
        )
    except q.InvalidAnswers:
        messages.error(
            request,
            _(
                "Your answers could not be accepted: they refer to questions or choices that are not part "
                "of this attempt. Please answer the questions below."
            ),
        )
        selected = {
            key[len(q.ANSWER_PREFIX) :]: request.POST.getlist(key)
            for key in request.POST
            if key.startswith(q.ANSWER_PREFIX)
        }
        return _take(request, attempt, selected=selected, confirm=False, status=400)
    except services.UnansweredQuestions:
        # Redirected, so that reloading the question asked never sends the form again.
        return redirect(f"{reverse('attempt_detail', args=[attempt.pk])}?{CONFIRM_QUERY}#unanswered")
    if not graded:
        messages.info(request, _("This attempt was already submitted; here is its result."))
    return redirect("attempt_detail", attempt_id=attempt.pk)


def _saved_message(saved_at: str, progress: selectors.AttemptProgress) -> str:
    return _("Answers saved at %(time)s. Answered: %(answered)s of %(total)s.") % {
        "time": saved_at,
        "answered": progress.answered,
        "total": progress.total,
    }


def _closed_message(attempt: Attempt) -> str:
    if attempt.status == Attempt.Status.TIMED_OUT:
        return _("The time limit had passed: the answers saved before it were graded.")
    return _("This attempt was already submitted; here is its result.")


def _take(request, attempt: Attempt, *, selected: dict, confirm: bool, status: int):
    progress = selectors.attempt_progress(attempt=attempt, answers=selected)
    saved_at = None
    if attempt.answers_saved_at:
        saved_at = formats.time_format(timezone.localtime(attempt.answers_saved_at), "TIME_FORMAT")
    context = _attempt_context(attempt) | {
        "selected": selected,
        "progress": progress,
        "remaining_minutes": progress.seconds_left // 60 if progress.seconds_left is not None else None,
        # Asked once the trainee has submitted with blanks, and only while some remain.
        "confirm_unanswered": confirm and bool(progress.unanswered),
        "unanswered_ids": {question_id for _number, question_id in progress.unanswered} if confirm else set(),
        "saved_message": _saved_message(saved_at, progress) if saved_at else "",
    }
    return TemplateResponse(request, "assessments/attempt_take.html", context, status=status)


def _result(request, attempt: Attempt):
    shown = selectors.attempt_as_shown(attempt=attempt)
    results = {result["id"]: result for result in shown.results}
    certificate = certificate_earned_by(attempt=attempt)
    context = _attempt_context(attempt, shown) | {"results": results, "certificate": certificate}
    return TemplateResponse(request, "assessments/attempt_result.html", context)


def _attempt_context(attempt: Attempt, shown: selectors.AttemptAsShown | None = None) -> dict:
    """What both the question form and the result page show about an attempt (never the
    stored snapshot itself, which holds the answer key)."""
    shown = shown or selectors.attempt_as_shown(attempt=attempt)
    return {
        "attempt": attempt,
        "assessment": attempt.assessment.localized if attempt.assessment else None,
        "items": shown.items,
        "true_false": [(q.TRUE, _("True")), (q.FALSE, _("False"))],
    }
