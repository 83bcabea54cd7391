from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.views import redirect_to_login
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils import formats, timezone
from django.utils.translation import gettext as _

from assessments import questions as q
from assessments import selectors, services
from assessments.models import AssessmentPage, Attempt
from web.http_methods import require_POST, require_safe


def _refusal_message(status: selectors.Eligibility) -> str:
    Reason = selectors.Eligibility.Reason
    if status.reason == Reason.LOCKED:
        return _("Complete every lesson of the course to unlock the assessment.")
    if status.reason == Reason.CERTIFIED:
        return _("You already hold a valid certificate for this course. You can renew it 60 days before it expires.")
    if status.reason == Reason.EXHAUSTED:
        return _("You have used all %(count)s attempts. Ask your training coordinator for help.") % {
            "count": status.attempts_allowed
        }
    if status.reason == Reason.COOLDOWN:
        when = formats.date_format(timezone.localtime(status.next_possible_at), "DATETIME_FORMAT")
        return _("You can try again from %(when)s.") % {"when": when}
    return ""


def assessment_overview(request, page: AssessmentPage):
    """The assessment's own page: its rules, the trainee's attempts, and the way in."""
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path(), settings.LOGIN_URL)
    if request.method == "POST":
        try:
            attempt = services.attempt_start(user=request.user, assessment=page)
        except services.AttemptNotAllowed as refusal:
            messages.error(request, _refusal_message(refusal.eligibility))
            return redirect(page.get_url(request))
        return redirect("attempt_detail", attempt_id=attempt.pk)

    status = selectors.eligibility(user=request.user, assessment=page)
    course = selectors.parent_course(assessment=page)
    context = page.get_context(request)
    context.update(
        {
            "course": course,
            "status": status,
            "refusal": _refusal_message(status),
            "attempts": selectors.user_attempts(user=request.user, course=course)[:20],
            "certificate": status.certificate,
        }
    )
    return TemplateResponse(request, page.get_template(request), context)


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
    from certificates.models import Certificate

    shown = selectors.attempt_as_shown(attempt=attempt)
    results = {result["id"]: result for result in shown.results}
    certificate = Certificate.objects.filter(attempt=attempt).first()
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
