"""A year (and a half) of one trainee's life, with a clock that travels: every day at 06:00 the
sweep runs and the queue is sent; the e-mails that went out are exactly the expected ones."""

from datetime import date, timedelta

import time_machine
from django.core import mail

from accounts.models import Agency
from programme import reminders
from programme.models import Assignment, Reminder
from tests.factories import AgencyFactory, RegionFactory, UserFactory, make_coordinator
from tests.programme.remind.conftest import assign, complete, local

JOINED = date(2027, 1, 1)
DUE = JOINED + timedelta(days=90)  # 2027-04-01
COMPLETED = date(2027, 6, 1)
EXPIRES = date(2028, 6, 1)  # issued 2027-06-01, valid 12 months
RECERTIFY_DUE = EXPIRES + timedelta(days=30)


def live_through(first: date, last: date) -> list[tuple[date, str, str, str, int]]:
    """Run the daily job on each day; what was mailed: (day, to, subject, kind, step)."""
    sent = []
    day = first
    while day <= last:
        with time_machine.travel(local(day), tick=False):
            reminders.sweep(today=day)
            mail.outbox.clear()
            reminders.send_pending()
            for message in mail.outbox:
                reminder_id = int(message.extra_headers["Message-ID"].split("-")[1])
                reminder = Reminder.objects.get(sent_at__isnull=False, pk=reminder_id)
                sent.append((day, message.to[0], message.subject, reminder.kind, reminder.step))
        day += timedelta(days=1)
    return sent


def test_a_year_of_one_trainee(course, programme_settings):
    agency, other_agency = AgencyFactory(), AgencyFactory()
    region = RegionFactory()
    trainee = UserFactory(agency=agency, region=region, email="dilshod@example.org", full_name="Dilshod")
    national = make_coordinator(email="national@example.org")
    local_coordinator = make_coordinator(scopes=[(agency, region)], email="local@example.org")
    make_coordinator(scopes=[(other_agency, None)], email="elsewhere@example.org")
    assert Agency.objects.count() >= 2

    with time_machine.travel(local(JOINED, 9), tick=False):
        first = assign(user=trainee, course=course, due_on=DUE)

    sent = live_through(JOINED, COMPLETED - timedelta(days=1))
    with time_machine.travel(local(COMPLETED, 10), tick=False):
        certificate = complete(user=trainee, course=course)
    assert certificate.expires_on == EXPIRES
    sent += live_through(COMPLETED, RECERTIFY_DUE - timedelta(days=1))

    trainee_mail = [(day, kind, step) for day, to, _subject, kind, step in sent if to == trainee.email]
    assert trainee_mail == [
        (DUE - timedelta(days=14), "due_soon", 14),
        (DUE - timedelta(days=3), "due_soon", 3),
        (DUE + timedelta(days=1), "overdue", 1),
        (DUE + timedelta(days=8), "overdue", 2),
        (DUE + timedelta(days=15), "overdue", 3),
        (DUE + timedelta(days=22), "overdue", 4),  # and never a fifth
        (EXPIRES - timedelta(days=60), "expiring", 60),
        (EXPIRES - timedelta(days=30), "expiring", 30),
        (EXPIRES - timedelta(days=7), "expiring", 7),
        (EXPIRES + timedelta(days=1), "expired", 0),
        (RECERTIFY_DUE - timedelta(days=14), "due_soon", 14),
        (RECERTIFY_DUE - timedelta(days=3), "due_soon", 3),
    ]
    escalations = sorted((day, to) for day, to, _s, kind, _step in sent if kind == "escalation")
    # Overdue by more than 14 days: the coordinators whose scope covers the trainee, once each.
    escalated_on = DUE + timedelta(days=15)
    assert escalations == [(escalated_on, local_coordinator.email), (escalated_on, national.email)]

    subjects = {(kind, step): subject for _day, to, subject, kind, step in sent if to == trainee.email}
    assert subjects[("due_soon", 14)] == "Due in 14 days: Identifying victims"
    assert subjects[("overdue", 1)] == "Overdue: Identifying victims"
    assert subjects[("expired", 0)] == "Your certificate for “Identifying victims” has expired"

    first.refresh_from_db()
    assert first.end_reason == Assignment.EndReason.RECERTIFICATION
    second = Assignment.objects.get(user=trainee, course=course, ended_at__isnull=True)
    assert (second.cycle, second.due_on, second.requirement_id) == (2, RECERTIFY_DUE, first.requirement_id)
    assert not Reminder.objects.filter(sent_at__isnull=True).exists()
