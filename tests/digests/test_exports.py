"""Big exports: over EXPORT_INLINE_MAX_ROWS rows the request answers at once, the worker writes
the file to private storage and e-mails a link that works for its owner only, for 7 days."""

import io
from datetime import timedelta

import pytest
import time_machine
from django.core import mail
from django.core.files.storage import storages
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook
from wagtail.models import ModelLogEntry

from digests import services, tasks
from digests.models import ExportJob
from tests.factories import make_coordinator, sign_in_with_second_factor

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _small_threshold(settings):
    settings.EXPORT_INLINE_MAX_ROWS = 2


@pytest.fixture
def queued(client_coordinator, programme, django_capture_on_commit_callbacks):
    """The coordinator asked for the trainees as XLSX: 3 rows in scope, more than 2."""
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        response = client_coordinator.get(reverse("reports_export_trainees", args=["xlsx"]) + "?sort=-name")
    return response, callbacks


def _rows(content: bytes) -> list[str]:
    sheet = load_workbook(io.BytesIO(content), read_only=True).worksheets[0]
    return ["\t".join("" if v is None else str(v) for v in row) for row in sheet.iter_rows(values_only=True)]


def test_a_big_export_answers_at_once_and_is_queued(queued, client_coordinator, coordinator):
    response, _callbacks = queued

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("digests_export_prepare", args=["trainees", "xlsx"]))
    page = client_coordinator.get(response["Location"], follow=True)
    body = page.content.decode()
    assert page.redirect_chain[-1][0] == reverse("digests_exports")
    assert "Your export is being prepared; we will e-mail you a link" in body
    assert "Being prepared" in body
    job = ExportJob.objects.get(user=coordinator)
    assert job.state == ExportJob.State.QUEUED and job.rows == 3 and job.query == {"sort": "-name"}
    assert not job.file
    # The export is in the audit trail once, as every export is.
    assert ModelLogEntry.objects.filter(action="frontline.report.export", user=coordinator).count() == 1


def test_a_small_export_is_still_answered_in_the_request(client_coordinator, programme, settings):
    settings.EXPORT_INLINE_MAX_ROWS = 5000

    response = client_coordinator.get(reverse("reports_export_trainees", args=["xlsx"]))

    assert response.status_code == 200 and not ExportJob.objects.exists()


def test_the_worker_writes_the_file_and_emails_a_link_the_owner_can_download(
    client_coordinator, coordinator, programme
):
    coordinator.preferred_language = "tg"
    coordinator.save()
    with_job = client_coordinator.get(reverse("digests_export_prepare", args=["trainees", "xlsx"]))
    assert with_job.status_code == 302
    job = ExportJob.objects.get(user=coordinator)

    assert services.export_job_run(job_id=job.pk) == ExportJob.State.DONE
    assert services.export_job_run(job_id=job.pk) == ""  # done: a second run does nothing

    job.refresh_from_db()
    assert job.file.name.startswith(f"exports/{job.token.hex}/") and storages["private"].exists(job.file.name)
    assert job.expires_at == job.finished_at + timedelta(days=7)
    (message,) = mail.outbox
    link = reverse("digests_export_download", args=[job.pk])
    assert message.extra_headers["Content-Language"] == "tg"
    assert "List-Unsubscribe" not in message.extra_headers  # asked for, so not optional
    assert f"/tg{link.removeprefix('/en')}" in message.body

    response = client_coordinator.get(link)
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment;")
    rows = _rows(b"".join(response.streaming_content))
    assert len(rows) == 4  # the header and the three trainees in scope
    assert not any("Outsider" in row for row in rows)
    job.file.delete(save=False)


def test_someone_elses_export_is_not_found(client, coordinator, programme, frontier, east):
    job = ExportJob.objects.create(user=coordinator, kind="trainees", file_format="csv", language="en")
    services.export_job_run(job_id=job.pk)
    colleague = make_coordinator(scopes=[(frontier, east)], agency=None, region=None)
    sign_in_with_second_factor(client, colleague)

    assert client.get(reverse("digests_export_download", args=[job.pk])).status_code == 404
    assert client.get(reverse("digests_export_download", args=[job.pk + 1000])).status_code == 404
    assert client.get(f"/en/reports/exports/{'9' * 25}/").status_code == 404
    ExportJob.objects.get(pk=job.pk).file.delete(save=False)


def test_an_expired_link_is_refused_and_the_file_pruned(client_coordinator, coordinator, programme):
    job = ExportJob.objects.create(user=coordinator, kind="matrix", file_format="csv", language="en")
    services.export_job_run(job_id=job.pk)
    job.refresh_from_db()
    url = reverse("digests_export_download", args=[job.pk])
    assert client_coordinator.get(url).status_code == 200

    with time_machine.travel(timezone.now() + timedelta(days=7, minutes=1)):
        sign_in_with_second_factor(client_coordinator, coordinator)  # a session lasts 12 hours
        response = client_coordinator.get(url)
        assert response.status_code == 410
        assert "This download link has expired" in response.content.decode()
        tasks.prune_exports.call()
        assert client_coordinator.get(url).status_code == 410

    job.refresh_from_db()
    assert job.state == ExportJob.State.EXPIRED and not job.file


def test_a_download_before_the_file_is_ready_says_so(client_coordinator, coordinator):
    job = ExportJob.objects.create(user=coordinator, kind="matrix", file_format="csv", language="en")

    response = client_coordinator.get(reverse("digests_export_download", args=[job.pk]))

    assert response.status_code == 409
    assert "still being prepared" in response.content.decode()


def test_asking_twice_while_it_is_prepared_queues_one_export(client_coordinator, coordinator, programme):
    url = reverse("digests_export_prepare", args=["trainees", "csv"]) + "?sort=name"
    client_coordinator.get(url)
    client_coordinator.get(url)

    assert ExportJob.objects.filter(user=coordinator).count() == 1


@pytest.mark.parametrize(
    "query",
    [
        "?agency=abc&region=-1&course=99999999999999999999",
        "?period=7&sort=%00drop",
        "?q=%00x",
        "?q=" + "x" * 3000,
        "?course=0",
    ],
)
def test_bad_filters_never_give_a_500(client_coordinator, coordinator, programme, query):
    response = client_coordinator.get(reverse("digests_export_prepare", args=["trainees", "csv"]) + query)

    assert response.status_code == 302
    job = ExportJob.objects.get(user=coordinator)
    assert services.export_job_run(job_id=job.pk) == ExportJob.State.DONE
    job.refresh_from_db()
    job.file.delete(save=False)


def test_a_failing_mail_server_keeps_the_link_to_be_sent_again(coordinator, programme, monkeypatch):
    from django.core.mail import EmailMultiAlternatives

    job = ExportJob.objects.create(user=coordinator, kind="matrix", file_format="xlsx", language="en")
    with monkeypatch.context() as patched:
        patched.setattr(EmailMultiAlternatives, "send", lambda self, fail_silently=False: 1 / 0)
        services.export_job_run(job_id=job.pk)
    job.refresh_from_db()
    assert job.state == ExportJob.State.DONE and job.emailed_at is None and "ZeroDivisionError" in job.last_error

    tasks.retry_pending.call()
    tasks.retry_pending.call()

    job.refresh_from_db()
    assert job.emailed_at is not None and len(mail.outbox) == 1
    job.file.delete(save=False)


def test_an_export_whose_worker_died_is_taken_up_again(coordinator, programme):
    job = ExportJob.objects.create(user=coordinator, kind="matrix", file_format="csv", language="en")
    assert services.export_job_claim(job_id=job.pk)  # a worker took it, then was killed
    assert not services.export_job_claim(job_id=job.pk)  # nobody else takes it meanwhile

    with time_machine.travel(timezone.now() + services.EXPORT_STALE_AFTER + timedelta(minutes=1)):
        tasks.retry_pending.call()

    job.refresh_from_db()
    assert job.state == ExportJob.State.DONE and job.attempts == 2
    job.file.delete(save=False)


def test_the_exports_page_lists_only_ones_own_in_a_fixed_number_of_queries(
    client_coordinator, coordinator, national, django_assert_max_num_queries
):
    for _n in range(5):
        ExportJob.objects.create(user=coordinator, kind="matrix", file_format="csv", language="en")
    ExportJob.objects.create(user=national, kind="trainees", file_format="xlsx", language="en")

    with django_assert_max_num_queries(15):
        response = client_coordinator.get(reverse("digests_exports"))

    body = response.content.decode()
    assert body.count("Coverage matrix (CSV)") == 5
    assert "Trainees (XLSX)" not in body
