"""The weekly digest: what it says for a coordinator's scope, once a week, retried when the mail
server fails, optional (one-click unsubscribe) and in the coordinator's language."""

import smtplib
from datetime import timedelta

import pytest
import time_machine
from django.core import mail
from django.core.mail import EmailMultiAlternatives
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from digests import selectors, services, tasks
from digests.models import DigestDelivery
from programme.models import EmailOptOut
from programme.services import trainees_sync
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def _html(message) -> str:
    return next(content for content, mimetype in message.alternatives if mimetype == "text/html")


def test_the_digest_counts_only_the_coordinators_scope(coordinator, programme):
    tasks.send_weekly_digests.call()

    (message,) = mail.outbox
    assert message.to == [coordinator.email]
    text = message.body
    # One of the three overdue assignments is in the scope; the Harbour and the West ones are not.
    assert "1 assignment became overdue in the last 7 days." in text
    assert "1 is overdue in all." in text
    assert "Identifying victims: 1 —" in text
    # Figures only: no trainee's name reaches an e-mail, inside the scope or outside it.
    for name in ("Certified Inscope", "Late Inscope", "Outsider"):
        assert name not in text and name not in _html(message)
    # Fully trained: 1 of the 3 Frontier trainees in the East.
    delivery = DigestDelivery.objects.get(user=coordinator)
    assert delivery.state == DigestDelivery.State.SENT and delivery.sent_at is not None
    assert delivery.figures["certified"] == 1 and delivery.figures["registered"] == 3
    assert delivery.figures["scope"] == [
        [coordinator.coordinator_scopes.get().agency_id, coordinator.coordinator_scopes.get().region_id]
    ]


def test_a_national_coordinator_sees_every_agency_and_the_regions_with_nobody_certified(national, programme):
    tasks.send_weekly_digests.call()

    (message,) = mail.outbox
    assert "3 assignments became overdue in the last 7 days." in message.body
    # Nobody is certified in the West, where a Frontier trainee works; the East has someone.
    regions = message.body.split("== Regions with nobody certified ==")[1]
    assert "Western Province" in regions and "Eastern Province" not in regions


def test_links_lead_into_the_reports_in_the_coordinators_language(coordinator, programme):
    coordinator.preferred_language = "tg"
    coordinator.save()

    tasks.send_weekly_digests.call()

    (message,) = mail.outbox
    html = _html(message)
    assert message.extra_headers["Content-Language"] == "tg"
    assert '<html lang="tg">' in html
    assert "/tg/reports/" in html and "/tg/reports/trainees/?course=" in html
    assert "/en/" not in html and "/en/" not in message.body
    assert "Фарогирӣ" in message.body  # "Coverage" from the catalogue: the text is rendered in Tajik


def test_the_digest_is_optional_with_one_click_unsubscribe_headers(coordinator, programme):
    tasks.send_weekly_digests.call()

    (message,) = mail.outbox
    unsubscribe = message.extra_headers["List-Unsubscribe"]
    assert unsubscribe.startswith("<http") and unsubscribe.endswith(">")
    assert message.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert unsubscribe[1:-1] in message.body and unsubscribe[1:-1] in _html(message)
    assert [mimetype for _content, mimetype in message.alternatives] == ["text/html"]


def test_one_digest_a_week_however_often_the_task_runs(coordinator, programme):
    tasks.send_weekly_digests.call()
    tasks.send_weekly_digests.call()
    tasks.retry_pending.call()

    assert len(mail.outbox) == 1
    assert DigestDelivery.objects.filter(user=coordinator).count() == 1


def test_a_second_send_of_the_same_delivery_sends_nothing(coordinator, programme):
    (delivery_id,) = services.digests_queue(today=timezone.localdate())

    assert services.delivery_send(delivery_id=delivery_id) == DigestDelivery.State.SENT
    assert services.delivery_send(delivery_id=delivery_id) == ""
    assert len(mail.outbox) == 1


def test_next_week_a_new_digest_compares_with_this_one(coordinator, programme, course, frontier, east):
    from tests.assessments.builders import issue_certificate

    tasks.send_weekly_digests.call()
    newcomer = UserFactory(agency=frontier, region=east)
    trainees_sync(user_ids=[newcomer.pk], new=True)  # what the worker does once the sign-up commits
    issue_certificate(newcomer, course)
    with time_machine.travel(timezone.now() + timedelta(days=7)):
        tasks.send_weekly_digests.call()

    assert len(mail.outbox) == 2
    assert "Change since last week: +1 (last week 1)." in mail.outbox[1].body
    assert "Next week's digest will compare with these figures." in mail.outbox[0].body


def test_a_failing_mail_server_leaves_the_digest_queued_and_it_is_retried(coordinator, programme, monkeypatch):
    def refuse(self, fail_silently=False):
        raise smtplib.SMTPServerDisconnected("Connection unexpectedly closed")

    with monkeypatch.context() as patched:
        patched.setattr(EmailMultiAlternatives, "send", refuse)
        tasks.send_weekly_digests.call()
        tasks.retry_pending.call()  # not due yet: nothing is attempted again at once

    delivery = DigestDelivery.objects.get(user=coordinator)
    assert mail.outbox == []
    assert delivery.state == DigestDelivery.State.QUEUED and delivery.sent_at is None
    assert delivery.attempts == 1
    assert "SMTPServerDisconnected" in delivery.last_error
    assert delivery.next_attempt_at > timezone.now()
    figures = delivery.figures
    assert figures  # kept: the retry says the same

    with time_machine.travel(delivery.next_attempt_at + timedelta(seconds=1)):
        tasks.retry_pending.call()

    delivery.refresh_from_db()
    assert delivery.state == DigestDelivery.State.SENT and delivery.attempts == 2
    assert delivery.figures == figures
    assert len(mail.outbox) == 1


def test_after_many_failures_the_delivery_is_marked_failed(coordinator, programme, monkeypatch):
    monkeypatch.setattr(EmailMultiAlternatives, "send", lambda self, fail_silently=False: 1 / 0)
    (delivery_id,) = services.digests_queue(today=timezone.localdate())
    for _attempt in range(services.MAX_ATTEMPTS):
        DigestDelivery.objects.filter(pk=delivery_id).update(next_attempt_at=None)
        services.delivery_send(delivery_id=delivery_id)

    delivery = DigestDelivery.objects.get(pk=delivery_id)
    assert delivery.state == DigestDelivery.State.FAILED
    assert delivery.attempts == services.MAX_ATTEMPTS
    assert "ZeroDivisionError" in delivery.last_error


def test_who_gets_a_digest(coordinator, national, programme):
    trainee = programme["late"]
    EmailOptOut.objects.create(user=national, kind=EmailOptOut.Kind.DIGEST)

    tasks.send_weekly_digests.call()

    assert [message.to for message in mail.outbox] == [[coordinator.email]]
    assert not DigestDelivery.objects.filter(user__in=[trainee, national]).exists()


def test_a_coordinator_who_switched_off_after_queueing_is_skipped(coordinator, programme):
    (delivery_id,) = services.digests_queue(today=timezone.localdate())
    EmailOptOut.objects.create(user=coordinator, kind=EmailOptOut.Kind.DIGEST)

    assert services.delivery_send(delivery_id=delivery_id) == DigestDelivery.State.SKIPPED
    assert mail.outbox == []


def test_the_figures_take_a_fixed_number_of_queries(coordinator, programme, frontier, east):
    """Whatever the number of trainees: the same queries (the reports' matrix and two counts)."""

    def queries() -> int:
        with CaptureQueriesContext(connection) as captured:
            selectors.digest_figures(user=coordinator, today=timezone.localdate())
        return len(captured)

    queries()  # the first call also reads what every request keeps (the default locale)
    few = queries()
    newcomers = [UserFactory(agency=frontier, region=east) for _n in range(20)]
    trainees_sync(user_ids=[user.pk for user in newcomers], new=True)  # each with an open assignment
    assert queries() == few <= 16
