"""Sending the queue: in the recipient's language, once, and a failing mail server loses nothing."""

from datetime import date, timedelta
from smtplib import SMTPServerDisconnected

import pytest
import time_machine
from django.core import mail
from django.core.mail.backends.base import BaseEmailBackend

from programme import reminders
from programme.models import Reminder
from tests.factories import UserFactory, make_coordinator
from tests.programme.remind.conftest import assign, local

TODAY = date(2027, 3, 1)
FAILING = {"default": {"BACKEND": "tests.programme.remind.test_send.FailingBackend"}}


class FailingBackend(BaseEmailBackend):
    def send_messages(self, email_messages):
        raise SMTPServerDisconnected("Connection unexpectedly closed")


@pytest.fixture
def queued(course, agency, region, programme_settings):
    trainee = UserFactory(agency=agency, region=region, full_name="Dilshod Rahimov", email="dilshod@example.org")
    assignment = assign(user=trainee, course=course, due_on=TODAY + timedelta(days=3))
    with time_machine.travel(local(TODAY), tick=False):
        reminders.sweep(today=TODAY)
    return Reminder.objects.get(assignment=assignment)


def test_a_reminder_is_sent_once_with_both_parts_and_the_mandatory_footer(queued):
    with time_machine.travel(local(TODAY, 7), tick=False):
        assert reminders.send_pending().sent == 1
        assert reminders.send_pending().sent == 0
        assert reminders.send_one(queued.pk) is None  # already sent: a second worker sends nothing
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["dilshod@example.org"]
    assert message.subject == "Due in 3 days: Identifying victims"
    html = message.alternatives[0].content
    assert "Hello Dilshod Rahimov," in message.body and "1 March 2027" not in message.body
    assert "March 4, 2027" in message.body and "March 4, 2027" in html
    assert "/learning/" in message.body and queued.assignment.course.url in html
    assert "You cannot switch this notice off" in message.body and "You cannot switch this notice off" in html
    assert "List-Unsubscribe" not in message.extra_headers
    assert message.extra_headers["Message-ID"].startswith(f"<reminder-{queued.pk}-due_soon-3@")
    queued.refresh_from_db()
    assert queued.sent_at is not None and queued.send_attempts == 1 and queued.last_error == ""


@pytest.mark.parametrize(
    ("language", "subject", "body"),
    [
        ("ru", "Identifying victims", "4 марта 2027"),
        ("tg", "Identifying victims", "2027"),
    ],
)
def test_the_email_is_in_the_recipients_language(queued, language, subject, body):
    queued.recipient.preferred_language = language
    queued.recipient.save()
    with time_machine.travel(local(TODAY, 7), tick=False):
        reminders.send_pending()
    message = mail.outbox[0]
    assert message.extra_headers["Content-Language"] == language
    assert subject in message.subject and body in message.body
    assert f"/{language}/learning/" in message.body


def test_a_failing_mail_server_leaves_the_reminder_queued_and_it_is_retried(queued, settings):
    settings.MAILERS = FAILING
    with time_machine.travel(local(TODAY, 7), tick=False):
        result = reminders.send_pending()
    assert (result.sent, result.failed) == (0, 1)
    queued.refresh_from_db()
    assert queued.sent_at is None and queued.send_attempts == 1
    assert "SMTPServerDisconnected" in queued.last_error
    assert queued.next_attempt_at == local(TODAY, 7) + timedelta(minutes=10)

    with time_machine.travel(local(TODAY, 7) + timedelta(minutes=5), tick=False):
        assert reminders.send_pending().failed == 0  # not yet due again
    with time_machine.travel(local(TODAY, 7) + timedelta(minutes=11), tick=False):
        assert reminders.send_pending().failed == 1
    queued.refresh_from_db()
    assert queued.send_attempts == 2 and queued.next_attempt_at == local(TODAY, 7) + timedelta(minutes=31)

    settings.MAILERS = {"default": {"BACKEND": "django.core.mail.backends.locmem.EmailBackend"}}
    with time_machine.travel(local(TODAY, 8), tick=False):
        assert reminders.send_pending().sent == 1
    queued.refresh_from_db()
    assert queued.sent_at is not None and queued.send_attempts == 3
    assert len(mail.outbox) == 1


def test_the_retry_task_sends_what_failed(queued, settings):
    from programme.tasks import send_reminders

    settings.MAILERS = FAILING
    with time_machine.travel(local(TODAY, 7), tick=False):
        send_reminders.enqueue()
    settings.MAILERS = {"default": {"BACKEND": "django.core.mail.backends.locmem.EmailBackend"}}
    with time_machine.travel(local(TODAY, 8), tick=False):
        send_reminders.enqueue()
    assert len(mail.outbox) == 1


def test_the_daily_task_sweeps_and_sends(course, agency, region, programme_settings):
    from programme.tasks import daily_sweep

    trainee = UserFactory(agency=agency, region=region)
    assign(user=trainee, course=course, due_on=TODAY + timedelta(days=14))
    with time_machine.travel(local(TODAY), tick=False):
        daily_sweep.enqueue()
    assert [m.to for m in mail.outbox] == [[trainee.email]]


def test_retry_delay_backs_off_to_a_day():
    assert [reminders.retry_delay(n) for n in (1, 2, 3)] == [timedelta(minutes=m) for m in (10, 20, 40)]
    assert reminders.retry_delay(20) == timedelta(days=1)


def test_a_reminder_no_longer_needed_is_not_sent(queued):
    from django.utils import timezone

    queued.assignment.completed_at = timezone.now()
    queued.assignment.save()
    with time_machine.travel(local(TODAY, 7), tick=False):
        assert reminders.send_pending().skipped == 1
    assert mail.outbox == []
    queued.refresh_from_db()
    assert queued.sent_at is not None and queued.last_error.startswith("Not sent")


def test_an_escalation_says_why_the_coordinator_gets_it(course, agency, region, programme_settings):
    coordinator = make_coordinator(scopes=[(agency, region)], email="coord@example.org", full_name="Malika")
    trainee = UserFactory(agency=agency, region=region, full_name="Dilshod", email="dilshod@example.org")
    assign(user=trainee, course=course, due_on=TODAY - timedelta(days=20))
    with time_machine.travel(local(TODAY), tick=False):
        reminders.sweep(today=TODAY)
        reminders.send_pending()
    message = next(m for m in mail.outbox if m.to == [coordinator.email])
    assert message.subject == "Overdue training: Dilshod, “Identifying victims”"
    assert "Dilshod (dilshod@example.org) has not completed the course" in message.body
    assert "20 days overdue" in message.body
    assert "your coordinator scope covers this trainee" in message.body
    assert "/reports/trainees/" in message.body
