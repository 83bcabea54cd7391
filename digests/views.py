from django.contrib import messages
from django.db import transaction
from django.http import FileResponse, Http404
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from accounts.decorators import coordinator_required
from digests import selectors, services, tasks
from digests.forms import SubscriptionForm
from digests.models import ExportJob
from web.http_methods import require_GET, require_GET_or_POST, require_safe


@coordinator_required
@require_GET_or_POST
def subscription(request):
    """Subscribe to the matrix of one's scope as XLSX by e-mail, weekly or monthly; or cancel."""
    current = selectors.subscription_of(request.user)
    if request.method == "POST":
        form = SubscriptionForm(request.POST)
        if form.is_valid():
            if form.cleaned_data["action"] == "cancel":
                if services.subscription_cancel(user=request.user):
                    messages.success(request, _("Your scheduled report is cancelled; no more will be sent."))
                return redirect("digests_subscription")
            saved = services.subscription_save(user=request.user, frequency=form.cleaned_data["frequency"])
            if saved.frequency == saved.Frequency.WEEKLY:
                done = _(
                    "Subscribed: every Monday you will receive the coverage matrix of your scope as an Excel file."
                )
            else:
                done = _(
                    "Subscribed: on the 1st of every month you will receive the coverage matrix of your scope "
                    "as an Excel file."
                )
            messages.success(request, done)
            return redirect("digests_subscription")
        messages.error(request, _("The subscription was not changed; see the message below."))
    else:
        form = SubscriptionForm(initial={"frequency": current.frequency if current else None})
    return render(request, "digests/subscription.html", {"form": form, "current": current, "email": request.user.email})


@coordinator_required
@require_safe
def exports(request):
    """The coordinator's recent exports: being prepared, ready (with a link) or expired."""
    return render(
        request,
        "digests/exports.html",
        {
            "jobs": selectors.recent_exports(user=request.user),
            "now": timezone.now(),
            "days": selectors.export_link_days(),
        },
    )


@coordinator_required
@require_GET  # a HEAD would queue an export
def export_prepare(request, kind: str, file_format: str):
    """An export too big for the request becomes a job for the worker (reports.views hands
    exports over EXPORT_INLINE_MAX_ROWS rows here); the answer is the list of exports."""
    job = services.export_job_create(
        user=request.user, kind=kind, file_format=file_format, query=request.GET, language=get_language()
    )
    if job.state == ExportJob.State.QUEUED and job.attempts == 0:
        transaction.on_commit(lambda: tasks.run_export.enqueue(job.pk))
    messages.info(
        request,
        _("Your export is being prepared; we will e-mail you a link to %(email)s when it is ready.")
        % {"email": request.user.email},
    )
    return redirect("digests_exports")


@coordinator_required
@require_safe
def export_download(request, job_id: int):
    job = selectors.export_of(user=request.user, job_id=job_id)
    if job is None:
        raise Http404
    if job.is_pending or job.state == ExportJob.State.FAILED:
        return render(request, "digests/export_unavailable.html", {"job": job}, status=409)
    if job.is_expired() or not job.file:
        return render(request, "digests/export_unavailable.html", {"job": job, "expired": True}, status=410)
    try:
        handle = job.file.open("rb")
    except FileNotFoundError:
        return render(request, "digests/export_unavailable.html", {"job": job, "expired": True}, status=410)
    response = FileResponse(handle, as_attachment=True, filename=services.export_filename(job))
    response["Cache-Control"] = "private, no-store"
    return response
