"""Writes for digests, scheduled reports and big exports; the worker's tasks call them.

Exactly once: a delivery row is inserted first (its unique constraint allows one per person,
kind and period, so a scheduler or worker that runs twice inserts nothing new), then the worker
sends it under a row lock and marks it sent in the same transaction. A failing mail server
leaves it queued with the attempt counted, the error kept and the next attempt scheduled."""

import csv
import io
import logging
from datetime import date, timedelta

from django.core.files.base import ContentFile
from django.db import transaction
from django.db.models import F, Q
from django.http import QueryDict
from django.urls import NoReverseMatch, reverse
from django.utils import timezone, translation
from django.utils.translation import gettext

from accounts.scope import Scope
from digests import selectors
from digests.models import DigestDelivery, ExportJob, ReportSubscription
from programme.mail import notification_email, site_url
from programme.models import EmailOptOut
from reports import exports
from reports import selectors as reports
from reports import services as report_services
from reports.forms import ReportFilterForm
from web.spreadsheet import spreadsheet_safe

logger = logging.getLogger(__name__)

MAX_ATTEMPTS = 10
EXPORT_MAX_ATTEMPTS = 3


def retry_delay(attempts: int) -> timedelta:
    """5, 10, 20 … minutes after each failure, at most six hours."""
    return min(timedelta(minutes=5 * 2 ** max(attempts - 1, 0)), timedelta(hours=6))


# --- Queueing: one row per person and period -------------------------------------------------


def _queue(*, users, kind: str, period_start: date) -> list[int]:
    DigestDelivery.objects.bulk_create(
        [DigestDelivery(user_id=user_id, kind=kind, period_start=period_start) for user_id in users],
        ignore_conflicts=True,
    )
    return list(
        DigestDelivery.objects.filter(
            kind=kind, period_start=period_start, state=DigestDelivery.State.QUEUED
        ).values_list("pk", flat=True)
    )


def digests_queue(*, today: date) -> list[int]:
    """A weekly digest for every coordinator who has not switched it off; the queued ids."""
    return _queue(
        users=selectors.digest_recipients().values_list("pk", flat=True),
        kind=DigestDelivery.Kind.DIGEST,
        period_start=selectors.week_start(today),
    )


def reports_queue(*, frequency: str, today: date) -> list[int]:
    if frequency == ReportSubscription.Frequency.WEEKLY:
        kind, period = DigestDelivery.Kind.REPORT_WEEKLY, selectors.week_start(today)
    else:
        kind, period = DigestDelivery.Kind.REPORT_MONTHLY, selectors.month_start(today)
    return _queue(
        users=selectors.report_subscribers(frequency).values_list("pk", flat=True), kind=kind, period_start=period
    )


# --- The messages --------------------------------------------------------------------------


def _url(name: str, *, query: str = "") -> str:
    return site_url() + reverse(name) + (f"?{query}" if query else "")


def digest_links() -> dict:
    """Links into the reports, in the active language. The at-risk list where it exists."""
    try:
        at_risk = _url("reports_at_risk")
    except NoReverseMatch:
        at_risk = _url("reports_dashboard")
    return {
        "dashboard_url": _url("reports_dashboard"),
        "at_risk_url": at_risk,
        "trainees_url": _url("reports_trainees"),
        "subscription_url": _url("digests_subscription"),
    }


def digest_message(delivery: DigestDelivery):
    user = delivery.user
    language = user.preferred_language or "en"
    with translation.override(language):
        view = selectors.digest_view(delivery.figures, selectors.previous_figures(delivery))
        links = digest_links()
        context = {
            "digest": view,
            "week_start": delivery.period_start,
            # (line, its drill-down, bar width in % and the rest): the bar is two table cells,
            # which every e-mail client draws (no image, no CSS that clients drop).
            "course_rows": [
                (line, f"{links['trainees_url']}?course={line.course_id}", min(line.percent or 0, 100))
                for line in view.courses
            ],
            "total_bar": min(view.percent or 0, 100),
            **links,
        }
    return notification_email(
        recipient=user,
        template="digests/email/digest",
        context=context,
        message_key=f"digest-{delivery.pk}-{delivery.period_start:%Y%m%d}",
        opt_out_kind=EmailOptOut.Kind.DIGEST,
    )


def matrix_xlsx(*, scope: Scope, today: date) -> bytes:
    """The coverage matrix of a scope as XLSX, in the active language (reports.exports)."""
    matrix = reports.completion_matrix(scope=scope, filters=reports.Filters(), today=today)
    response = exports.xlsx_response(
        "matrix", exports.matrix_header(), exports.matrix_rows(matrix), title=gettext("Coverage")
    )
    return response.content


def report_message(delivery: DigestDelivery):
    user = delivery.user
    language = user.preferred_language or "en"
    today = timezone.localdate()
    with translation.override(language):
        content = matrix_xlsx(scope=Scope.for_user(user), today=today)
        context = {
            "monthly": delivery.kind == DigestDelivery.Kind.REPORT_MONTHLY,
            "period_start": delivery.period_start,
            "today": today,
            **digest_links(),
        }
    message = notification_email(
        recipient=user,
        template="digests/email/report",
        context=context,
        message_key=f"report-{delivery.pk}-{delivery.period_start:%Y%m%d}",
        opt_out_kind=EmailOptOut.Kind.SCHEDULED_REPORT,
    )
    message.attach(
        f"frontline-coverage-{today.isoformat()}.xlsx",
        content,
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    )
    return message


OPT_OUT_KIND = {
    DigestDelivery.Kind.DIGEST: EmailOptOut.Kind.DIGEST,
    DigestDelivery.Kind.REPORT_WEEKLY: EmailOptOut.Kind.SCHEDULED_REPORT,
    DigestDelivery.Kind.REPORT_MONTHLY: EmailOptOut.Kind.SCHEDULED_REPORT,
}


def _still_wanted(delivery: DigestDelivery) -> bool:
    user = delivery.user
    if not selectors.coordinators().filter(pk=user.pk).exists():
        return False
    if selectors.is_opted_out(user=user, kind=OPT_OUT_KIND[delivery.kind]):
        return False
    if delivery.kind != DigestDelivery.Kind.DIGEST:
        subscription = selectors.subscription_of(user)
        wanted = (
            ReportSubscription.Frequency.WEEKLY
            if delivery.kind == DigestDelivery.Kind.REPORT_WEEKLY
            else ReportSubscription.Frequency.MONTHLY
        )
        return subscription is not None and subscription.frequency == wanted
    return True


def delivery_send(*, delivery_id: int, now=None) -> str:
    """Send one queued delivery; returns its state afterwards ("" when it was not queued).

    The row is locked for the send (a second worker skips it on PostgreSQL, waits and finds it
    sent on SQLite), so it is sent once. An exception from the mail server is recorded, not
    raised: the delivery stays queued for the retry task, and gives up after MAX_ATTEMPTS."""
    figures = None
    pending = DigestDelivery.objects.filter(pk=delivery_id, state=DigestDelivery.State.QUEUED).first()
    if pending is not None and pending.kind == DigestDelivery.Kind.DIGEST and not pending.figures:
        # Computed before the row is locked (a pass over the scope's trainees): figures as of
        # the first attempt, kept for the retries and for next week's comparison.
        figures = selectors.digest_figures(user=pending.user, today=timezone.localdate(now))
    with transaction.atomic():
        delivery = (
            DigestDelivery.objects.select_for_update(skip_locked=True, of=("self",))
            .select_related("user")
            .filter(pk=delivery_id, state=DigestDelivery.State.QUEUED)
            .first()
        )
        if delivery is None:
            return ""
        now = now or timezone.now()
        if not _still_wanted(delivery):
            delivery.state = DigestDelivery.State.SKIPPED
            delivery.save(update_fields=["state"])
            return delivery.state
        if delivery.kind == DigestDelivery.Kind.DIGEST and not delivery.figures:
            delivery.figures = figures or selectors.digest_figures(user=delivery.user, today=timezone.localdate(now))
        delivery.attempts += 1
        try:
            message = (
                digest_message(delivery) if delivery.kind == DigestDelivery.Kind.DIGEST else report_message(delivery)
            )
            message.send()
        except Exception as error:  # the mail server, the network, or a template: retried, never lost
            logger.warning("Delivery %s failed (attempt %s): %s", delivery.pk, delivery.attempts, error, exc_info=True)
            delivery.last_error = f"{type(error).__name__}: {error}"[:2000]
            if delivery.attempts >= MAX_ATTEMPTS:
                delivery.state = DigestDelivery.State.FAILED
                delivery.next_attempt_at = None
            else:
                delivery.next_attempt_at = now + retry_delay(delivery.attempts)
        else:
            delivery.state = DigestDelivery.State.SENT
            delivery.sent_at = now
            delivery.next_attempt_at = None
        delivery.save(update_fields=["figures", "attempts", "last_error", "state", "sent_at", "next_attempt_at"])
        return delivery.state


# --- Scheduled report subscriptions --------------------------------------------------------


def subscription_save(*, user, frequency: str) -> ReportSubscription:
    subscription, _created = ReportSubscription.objects.update_or_create(user=user, defaults={"frequency": frequency})
    # Subscribing again is asking for the report: a one-click unsubscribe made earlier is undone.
    EmailOptOut.objects.filter(user=user, kind=EmailOptOut.Kind.SCHEDULED_REPORT).delete()
    return subscription


def subscription_cancel(*, user) -> bool:
    return ReportSubscription.objects.filter(user=user).delete()[0] > 0


# --- Big exports ---------------------------------------------------------------------------


def _export_source(*, kind: str, query: dict, scope: Scope):
    """(header, rows, count) of an export as reports.views builds it, from the query string."""
    data = QueryDict(mutable=True)
    for key, value in query.items():
        data[key] = value
    form = ReportFilterForm(data, scope=scope)
    filters = form.filters()
    if kind == ExportJob.Kind.MATRIX:
        matrix = reports.completion_matrix(scope=scope, filters=filters)
        rows = list(exports.matrix_rows(matrix))
        return filters, exports.matrix_header(), rows, len(rows)
    if filters.course is None:
        filters = reports.Filters(
            course=reports.report_courses().first(), agency=filters.agency, region=filters.region, since=filters.since
        )
    search = str(query.get("q", "")).strip()[:100]
    sort = query.get("sort", "name")
    if sort not in reports.SORTS:
        sort = "name"
    queryset = reports.trainee_rows(scope=scope, filters=filters, search=search, sort=sort)
    return filters, exports.trainee_header(), queryset, None


EXPORT_QUERY_KEYS = ("course", "agency", "region", "period", "q", "sort")


def export_query(data) -> dict:
    """The filters of an export request, and nothing else (a bounded, JSON-ready dict)."""
    values = {key: str(data.get(key) or "").replace("\x00", "")[:100] for key in EXPORT_QUERY_KEYS}
    return {key: value for key, value in values.items() if value}  # no NUL: PostgreSQL refuses it in text


def export_job_create(*, user, kind: str, file_format: str, query: dict, language: str) -> ExportJob:
    """Queue an export for the worker (the same one, when the same is already being prepared),
    recorded in the export audit as every export is."""
    query = export_query(query)
    pending = ExportJob.objects.filter(
        user=user,
        kind=kind,
        file_format=file_format,
        query=query,
        state__in=[ExportJob.State.QUEUED, ExportJob.State.RUNNING],
    ).first()
    if pending is not None:
        return pending
    filters, _header, rows, count = _export_source(kind=kind, query=query, scope=Scope.for_user(user))
    count = rows.count() if count is None else count
    with transaction.atomic():
        job = ExportJob.objects.create(
            user=user, kind=kind, file_format=file_format, query=query, language=language, rows=count
        )
        report_services.export_record(
            user=user, kind=kind, file_format=file_format, filters=filters.as_query(), rows=count
        )
    return job


def _csv_bytes(header, rows) -> bytes:
    buffer = io.StringIO()
    buffer.write("\ufeff")  # as reports.exports.csv_response: spreadsheet programs read UTF-8
    writer = csv.writer(buffer)
    writer.writerow([spreadsheet_safe(value) for value in header])
    for row in rows:
        writer.writerow([spreadsheet_safe(value) for value in row])
    return buffer.getvalue().encode("utf-8")


def _export_file(job: ExportJob) -> tuple[bytes, int]:
    scope = Scope.for_user(job.user)
    with translation.override(job.language):
        _filters, header, rows, count = _export_source(kind=job.kind, query=job.query, scope=scope)
        if job.kind == ExportJob.Kind.TRAINEES:
            count = rows.count()
            rows = exports.trainee_rows(rows)
            title = gettext("Trainees")
        else:
            title = gettext("Coverage")
        if job.file_format == ExportJob.Format.XLSX:
            content = exports.xlsx_response("export", header, rows, title=title).content
        else:
            content = _csv_bytes(header, rows)
    return content, count


def export_filename(job: ExportJob) -> str:
    name = "coverage" if job.kind == ExportJob.Kind.MATRIX else "trainees"
    return f"frontline-{name}-{timezone.localdate(job.created_at).isoformat()}.{job.file_format}"


# A worker that has not finished an export in this long is taken to have died; another takes it.
EXPORT_STALE_AFTER = timedelta(minutes=30)


def export_job_claim(*, job_id: int, now=None) -> bool:
    """Take a queued export (or one whose worker died) for this worker: one conditional UPDATE,
    so two workers never build the same file, and no transaction stays open while it is built
    (on SQLite that would hold every other writer back)."""
    now = now or timezone.now()
    claimable = Q(state=ExportJob.State.QUEUED) | Q(
        state=ExportJob.State.RUNNING, started_at__lt=now - EXPORT_STALE_AFTER
    )
    return (
        ExportJob.objects.filter(claimable, pk=job_id).update(
            state=ExportJob.State.RUNNING, started_at=now, attempts=F("attempts") + 1
        )
        == 1
    )


def export_job_run(*, job_id: int, now=None) -> str:
    """Write the export's file to private storage, then e-mail the link (each once)."""
    if not export_job_claim(job_id=job_id, now=now):
        return ""
    job = ExportJob.objects.select_related("user").get(pk=job_id)
    try:
        content, count = _export_file(job)
    except Exception as error:
        logger.exception("Export %s failed", job.pk)
        job.last_error = f"{type(error).__name__}: {error}"[:2000]
        job.state = ExportJob.State.FAILED if job.attempts >= EXPORT_MAX_ATTEMPTS else ExportJob.State.QUEUED
        job.save(update_fields=["state", "last_error"])
        return job.state
    now = now or timezone.now()
    job.file.save(export_filename(job), ContentFile(content), save=False)
    job.rows = count
    job.state = ExportJob.State.DONE
    job.finished_at = now
    job.expires_at = now + timedelta(days=selectors.export_link_days())
    job.save(update_fields=["file", "rows", "state", "finished_at", "expires_at"])
    export_link_send(job_id=job.pk)
    return ExportJob.State.DONE


def export_message(job: ExportJob):
    with translation.override(job.user.preferred_language or "en"):
        context = {
            "job": job,
            "download_url": site_url() + reverse("digests_export_download", args=[job.pk]),
            "exports_url": _url("digests_exports"),
            "days": selectors.export_link_days(),
            "mandatory_reason": gettext("You receive this message because you asked for this export."),
        }
    return notification_email(
        recipient=job.user,
        template="digests/email/export_ready",
        context=context,
        message_key=f"export-{job.token.hex}",
    )


def export_link_send(*, job_id: int) -> bool:
    """E-mail the link to a finished export, once; a failure is kept and retried."""
    with transaction.atomic():
        job = (
            ExportJob.objects.select_for_update(skip_locked=True, of=("self",))
            .select_related("user")
            .filter(pk=job_id, state=ExportJob.State.DONE, emailed_at__isnull=True)
            .first()
        )
        if job is None:
            return False
        try:
            export_message(job).send()
        except Exception as error:
            logger.warning("The link to export %s could not be sent: %s", job.pk, error, exc_info=True)
            job.last_error = f"{type(error).__name__}: {error}"[:2000]
            job.save(update_fields=["last_error"])
            return False
        job.emailed_at = timezone.now()
        job.save(update_fields=["emailed_at"])
        return True


def exports_prune(*, now=None) -> int:
    """Remove the files of exports whose link has expired; the rows stay as history."""
    removed = 0
    for job in selectors.exports_to_prune(now=now):
        job.file.delete(save=False)
        job.state = ExportJob.State.EXPIRED
        job.save(update_fields=["file", "state"])
        removed += 1
    return removed
