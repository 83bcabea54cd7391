from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.translation import gettext as _

from assessments import grading as q
from assessments import selectors, services
from assessments.models import AssessmentPage, Attempt
from certificates.selectors import certificate_earned_by
from web.http_methods import require_POST, require_safe


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
    """An open attempt shows its questions; a submitted one shows its result."""
    attempt = get_object_or_404(
        Attempt.objects.select_related("assessment", "course"), pk=attempt_id, user=request.user
    )
    attempt = services.attempt_close_if_expired(attempt=attempt)
    if not attempt.is_open:
        return _result(request, attempt)
    return _take(request, attempt, selected={}, status=200)


@login_required
@require_POST
def attempt_submit(request, attempt_id: int):
    attempt = get_object_or_404(Attempt, pk=attempt_id, user=request.user)
    if not attempt.is_open:
        messages.info(request, _("This attempt was already submitted; here is its result."))
        return redirect("attempt_detail", attempt_id=attempt.pk)
    try:
        attempt, graded = services.attempt_submit(attempt=attempt, post=request.POST)
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
        return _take(request, attempt, selected=selected, status=400)
    if not graded:
        messages.info(request, _("This attempt was already submitted; here is its result."))
    elif attempt.status == Attempt.Status.TIMED_OUT:
        messages.warning(request, _("The time limit had passed, so the answers could not be counted."))
    return redirect("attempt_detail", attempt_id=attempt.pk)


def _take(request, attempt: Attempt, *, selected: dict, status: int):
    remaining = None
    if attempt.deadline_at:
        remaining = max(0, int((attempt.deadline_at - timezone.now()).total_seconds() // 60))
    context = _attempt_context(attempt) | {"selected": selected, "remaining_minutes": remaining}
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
