"""Scheduled reports: a coordinator subscribes (weekly or monthly) and cancels on a page reached
from the reports; the worker sends the matrix of their scope as XLSX, once per period."""

import io
from datetime import date

import pytest
import time_machine
from django.core import mail
from django.urls import reverse
from openpyxl import load_workbook

from digests import tasks
from digests.models import DigestDelivery, ReportSubscription
from programme.models import EmailOptOut
from tests.factories import UserFactory, sign_in_with_second_factor

pytestmark = pytest.mark.django_db

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def test_the_page_is_reached_from_the_dashboard(client_coordinator):
    dashboard = client_coordinator.get(reverse("reports_dashboard")).content.decode()

    assert reverse("digests_subscription") in dashboard
    response = client_coordinator.get(reverse("digests_subscription"))
    assert response.status_code == 200
    assert "You are not subscribed." in response.content.decode()


def test_subscribe_change_and_cancel(client_coordinator, coordinator):
    url = reverse("digests_subscription")

    response = client_coordinator.post(url, {"action": "save", "frequency": "weekly"}, follow=True)
    assert "every Monday" in response.content.decode()
    assert ReportSubscription.objects.get(user=coordinator).frequency == "weekly"

    client_coordinator.post(url, {"action": "save", "frequency": "monthly"})
    assert ReportSubscription.objects.get(user=coordinator).frequency == "monthly"

    response = client_coordinator.post(url, {"action": "cancel"}, follow=True)
    assert "Your scheduled report is cancelled" in response.content.decode()
    assert not ReportSubscription.objects.filter(user=coordinator).exists()


@pytest.mark.parametrize(
    "data",
    [
        {"action": "save"},
        {"action": "save", "frequency": "daily"},
        {"action": "save", "frequency": "x" * 5000},
        {"action": "explode", "frequency": "weekly"},
        {},
    ],
)
def test_bad_input_is_refused_with_a_message_not_a_500(client_coordinator, coordinator, data):
    response = client_coordinator.post(reverse("digests_subscription"), data)

    assert response.status_code == 200
    body = response.content.decode()
    assert "The subscription was not changed" in body
    assert 'class="error-text"' in body
    assert not ReportSubscription.objects.filter(user=coordinator).exists()


def test_bad_input_in_tajik_is_answered_in_tajik(client_coordinator):
    response = client_coordinator.post("/tg/reports/scheduled/", {"action": "save"})

    assert response.status_code == 200
    assert '<html lang="tg">' in response.content.decode()


def test_trainees_may_not_subscribe(client):
    trainee = UserFactory()
    sign_in_with_second_factor(client, trainee)

    assert client.post(reverse("digests_subscription"), {"action": "save", "frequency": "weekly"}).status_code == 403
    assert not ReportSubscription.objects.exists()


def _attachment(message):
    ((filename, content, mimetype),) = message.attachments
    assert mimetype == XLSX and filename.endswith(".xlsx")
    sheet = load_workbook(io.BytesIO(content), read_only=True).worksheets[0]
    return [
        "\t".join("" if value is None else str(value) for value in row) for row in sheet.iter_rows(values_only=True)
    ]


def test_the_weekly_report_is_the_matrix_of_the_scope_as_xlsx_once_a_week(coordinator, programme):
    ReportSubscription.objects.create(user=coordinator, frequency="weekly")

    tasks.send_weekly_reports.call()
    tasks.send_weekly_reports.call()
    tasks.send_monthly_reports.call()  # not subscribed monthly: nothing

    (message,) = mail.outbox
    rows = _attachment(message)
    assert rows[0].startswith("Agency\tRegion")
    assert any(row.startswith("Frontier Service\tEastern Province") for row in rows)
    assert not any("Harbour" in row or "Western" in row for row in rows)  # outside the scope
    assert message.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert DigestDelivery.objects.get(user=coordinator).kind == DigestDelivery.Kind.REPORT_WEEKLY


def test_the_monthly_report_goes_once_a_month_in_the_coordinators_language(coordinator, programme):
    coordinator.preferred_language = "ru"
    coordinator.save()
    ReportSubscription.objects.create(user=coordinator, frequency="monthly")

    with time_machine.travel(date(2027, 3, 1)):
        tasks.send_monthly_reports.call()
    with time_machine.travel(date(2027, 3, 15)):
        tasks.send_monthly_reports.call()  # the same month: the same period, nothing new
    with time_machine.travel(date(2027, 4, 1)):
        tasks.send_monthly_reports.call()

    assert len(mail.outbox) == 2
    assert [d.period_start for d in DigestDelivery.objects.order_by("period_start")] == [
        date(2027, 3, 1),
        date(2027, 4, 1),
    ]
    assert mail.outbox[0].extra_headers["Content-Language"] == "ru"
    assert _attachment(mail.outbox[0])[0].startswith("Ведомство") or "Регион" in _attachment(mail.outbox[0])[0]


def test_a_cancelled_or_unsubscribed_report_is_not_sent(coordinator, national, programme):
    ReportSubscription.objects.create(user=coordinator, frequency="weekly")
    ReportSubscription.objects.create(user=national, frequency="weekly")
    EmailOptOut.objects.create(user=national, kind=EmailOptOut.Kind.SCHEDULED_REPORT)
    ReportSubscription.objects.filter(user=coordinator).delete()

    tasks.send_weekly_reports.call()

    assert mail.outbox == []
