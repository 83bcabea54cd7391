"""The reminder log and the programme's settings in the Wagtail admin: administrators only."""

from datetime import date, timedelta

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse

from programme.models import ProgrammeSettings, Reminder
from tests.factories import UserFactory, sign_in_with_second_factor, with_totp
from tests.programme.remind.conftest import assign


@pytest.fixture
def superuser(db):
    return with_totp(UserFactory(is_staff=True, is_superuser=True, agency=None, region=None, email="root@example.org"))


@pytest.fixture
def client_admin(client, superuser):
    sign_in_with_second_factor(client, superuser)
    return client


@pytest.fixture
def client_editor(client, db):
    editor = with_totp(UserFactory(email="editor@example.org", is_staff=True, agency=None, region=None))
    editor.groups.add(Group.objects.get(name="Editors"))
    sign_in_with_second_factor(client, editor)
    return client


@pytest.fixture
def log(course, trainee, programme_settings):
    assignment = assign(user=trainee, course=course, due_on=date(2027, 3, 1))
    sent = Reminder.objects.create(assignment=assignment, recipient=trainee, kind="due_soon", step=14)
    Reminder.objects.filter(pk=sent.pk).update(sent_at=sent.created_at, send_attempts=1)
    failed = Reminder.objects.create(
        assignment=assignment, recipient=trainee, kind="overdue", step=1, send_attempts=2, last_error="SMTP: refused"
    )
    queued = Reminder.objects.create(assignment=assignment, recipient=trainee, kind="due_soon", step=3)
    return {"sent": sent, "failed": failed, "queued": queued}


def test_the_reminder_log_lists_to_whom_which_kind_and_failures(
    client_admin, log, trainee, django_assert_max_num_queries
):
    client_admin.get(reverse("reminders:index"))
    with django_assert_max_num_queries(20):
        response = client_admin.get(reverse("reminders:index"))
    page = response.content.decode()
    assert response.status_code == 200
    assert page.count(trainee.email) >= 3 and "Identifying victims" in page and "SMTP: refused" in page


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("state=sent", {"sent"}),
        ("state=failed", {"failed"}),
        ("state=queued", {"failed", "queued"}),
        ("kind=overdue", {"failed"}),
    ],
)
def test_the_log_filters_by_kind_and_state(client_admin, log, query, expected):
    response = client_admin.get(reverse("reminders:index_results") + "?" + query)
    assert response.status_code == 200
    assert len(response.context["object_list"]) == len(expected)
    assert {r.pk for r in response.context["object_list"]} == {log[name].pk for name in expected}


def test_the_log_is_for_superusers_only(client_editor):
    response = client_editor.get(reverse("reminders:index"))
    assert response.status_code == 302 and response.url == reverse("wagtailadmin_home")


def test_the_settings_are_for_administrators_with_messages_on_the_fields(
    client_admin, client, superuser, programme_settings
):
    url = reverse("wagtailsettings:edit", args=["programme", "programmesettings", programme_settings.pk])
    assert client_admin.get(url).status_code == 200
    data = {
        "due_soon_days": "14, three",
        "overdue_every_days": "0",
        "overdue_at_most": "4",
        "expiry_days": "60, 30, 7",
        "escalate_after_days": "14",
        "inactive_after_days": "30",
    }
    response = client_admin.post(url, data)
    assert response.status_code == 200
    form = response.context["form"]
    assert form.errors["due_soon_days"] == ["Enter whole numbers of days separated by commas, e.g. 14, 3."]
    assert "overdue_every_days" in form.errors
    assert "14, three" in response.content.decode()  # what was typed is kept
    response = client_admin.post(url, {**data, "due_soon_days": "21, 7, 1", "overdue_every_days": "5"})
    assert response.status_code == 302
    saved = ProgrammeSettings.load()
    assert saved.due_soon_offsets == (21, 7, 1) and saved.overdue_every_days == 5


def test_editors_do_not_see_the_settings(client_editor):
    url = reverse("wagtailsettings:edit", args=["programme", "programmesettings", ProgrammeSettings.load().pk])
    response = client_editor.get(url)
    assert response.status_code in (302, 403)
    menu = client_editor.get(reverse("wagtailadmin_home")).content.decode()
    assert "programmesettings" not in menu


def test_the_sweep_reads_the_changed_settings(course, trainee, programme_settings):
    from programme import reminders

    programme_settings.due_soon_days = "5"
    programme_settings.save()
    today = date(2027, 3, 1)
    assign(user=trainee, course=course, due_on=today + timedelta(days=5))
    assert reminders.sweep(today=today).queued["due_soon"] == 1
    assert Reminder.objects.get().step == 5
