"""Invitation e-mails through the queue: the request only queues them, the worker sends them,
and a mail server that fails leaves a FAILED task with its traceback and an error in the log."""

import logging

import pytest
from django_tasks_db.models import DBTaskResult

from accounts.models import User
from invitations.tasks import send_invitation
from tests.invitations.helpers import HEADER, preview_url, upload_and_get_batch
from tests.reports.conftest import _english, client_coordinator, coordinator, east, frontier  # noqa: F401

pytestmark = pytest.mark.django_db

INVITATION = "invitations.tasks.send_invitation"
SYNC = "programme.tasks.sync_trainees"

CSV = (
    HEADER
    + "Dilshod Rahimov,dilshod@example.org,frontier,east,Border guard,tg\n"
    + "Anna Petrova,anna@example.org,frontier,east,,en\n"
)


def send_batch(client, django_capture_on_commit_callbacks):
    batch = upload_and_get_batch(client, CSV)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(preview_url(batch))
    assert response.status_code == 302


def test_the_request_queues_one_json_task_per_trainee_and_the_worker_sends_them(
    client_coordinator,  # noqa: F811
    coordinator,  # noqa: F811
    frontier,  # noqa: F811
    east,  # noqa: F811
    mailoutbox,
    django_capture_on_commit_callbacks,
    run_worker,
):
    send_batch(client_coordinator, django_capture_on_commit_callbacks)

    queued = list(DBTaskResult.objects.filter(task_path=INVITATION).order_by("enqueued_at"))
    assert mailoutbox == []
    assert len(queued) == 2
    invited = {User.objects.get(email="dilshod@example.org").pk, User.objects.get(email="anna@example.org").pk}
    assert {task.args_kwargs["args"][0] for task in queued} == invited
    assert all(task.args_kwargs["args"][2] == coordinator.get_full_name() for task in queued)
    # The programme syncs the new trainees too: one task for the whole batch, its arguments JSON.
    synced = DBTaskResult.objects.exclude(task_path=INVITATION).get()
    assert synced.task_path == SYNC
    assert sorted(synced.args_kwargs["args"][0]) == sorted(invited)
    assert synced.args_kwargs["args"][1] is True

    run_worker()

    assert sorted(message.to[0] for message in mailoutbox) == ["anna@example.org", "dilshod@example.org"]
    assert set(DBTaskResult.objects.values_list("status", flat=True)) == {"SUCCESSFUL"}
    assert set(DBTaskResult.objects.filter(task_path=INVITATION).values_list("return_value", flat=True)) == {True}


def test_a_failing_mail_server_leaves_the_task_failed_and_logged(
    client_coordinator,  # noqa: F811
    frontier,  # noqa: F811
    east,  # noqa: F811
    mailoutbox,
    django_capture_on_commit_callbacks,
    run_worker,
    settings,
    caplog,
):
    send_batch(client_coordinator, django_capture_on_commit_callbacks)
    settings.MAILERS = {"default": {"BACKEND": "tests.worker.failing_mail.EmailBackend"}}

    with caplog.at_level(logging.ERROR):
        run_worker()

    failed = list(DBTaskResult.objects.filter(task_path=INVITATION))
    assert len(failed) == 2
    assert {task.status for task in failed} == {"FAILED"}
    assert {task.exception_class_path for task in failed} == {"smtplib.SMTPConnectError"}
    assert all("service not available" in task.traceback for task in failed)
    logged = [record for record in caplog.records if record.name == "invitations.tasks"]
    assert len(logged) == 2
    assert all(record.levelno == logging.ERROR and "could not be sent" in record.getMessage() for record in logged)
    assert mailoutbox == []
    # The programme's sync of the new trainees sends no e-mail: the mail server does not fail it.
    assert DBTaskResult.objects.get(task_path=SYNC).status == "SUCCESSFUL"


def test_an_invitation_task_for_someone_who_set_a_password_sends_nothing(mailoutbox, django_user_model):
    user = django_user_model.objects.create_user(email="set@example.org", password="a-password-already")

    assert send_invitation.call(user.pk, "http://testserver", "Coordinator") is False
    assert send_invitation.call(987654, "http://testserver", "Coordinator") is False
    assert mailoutbox == []
