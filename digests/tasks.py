"""The digests' background work, run by the worker (``manage.py db_worker``) and scheduled by
``manage.py crontask`` (times in the site's time zone)."""

from datetime import timedelta

from crontask import cron
from django.db.models import Q
from django.tasks import task
from django.utils import timezone

from digests import selectors, services
from digests.models import ExportJob, ReportSubscription


def _enqueue_each(ids) -> None:
    for delivery_id in ids:
        deliver.enqueue(delivery_id)


@cron("0 7 * * Mon")
@task
def send_weekly_digests() -> None:
    """Every coordinator's digest of the week: one row each (once), then one send each."""
    _enqueue_each(services.digests_queue(today=timezone.localdate()))


@cron("30 7 * * Mon")
@task
def send_weekly_reports() -> None:
    _enqueue_each(services.reports_queue(frequency=ReportSubscription.Frequency.WEEKLY, today=timezone.localdate()))


@cron("30 7 1 * *")
@task
def send_monthly_reports() -> None:
    _enqueue_each(services.reports_queue(frequency=ReportSubscription.Frequency.MONTHLY, today=timezone.localdate()))


@task
def deliver(delivery_id: int) -> None:
    services.delivery_send(delivery_id=delivery_id)


@task
def run_export(job_id: int) -> None:
    services.export_job_run(job_id=job_id)


@cron("*/10 * * * *")
@task
def retry_pending() -> None:
    """What a failing mail server or a stopped worker left behind: deliveries whose next attempt
    is due (or that were never attempted), exports still queued after ten minutes, and links to
    finished exports not yet e-mailed."""
    now = timezone.now()
    _enqueue_each(selectors.deliveries_to_send(now=now).values_list("pk", flat=True))
    for job_id in ExportJob.objects.filter(
        Q(state=ExportJob.State.QUEUED, created_at__lte=now - timedelta(minutes=10))
        | Q(state=ExportJob.State.RUNNING, started_at__lte=now - services.EXPORT_STALE_AFTER)
    ).values_list("pk", flat=True):
        run_export.enqueue(job_id)
    for job_id in ExportJob.objects.filter(
        state=ExportJob.State.DONE, emailed_at__isnull=True, expires_at__gt=now
    ).values_list("pk", flat=True):
        services.export_link_send(job_id=job_id)


@cron("20 3 * * *")
@task
def prune_exports() -> None:
    """Delete the files of exports whose link has expired."""
    services.exports_prune()
