"""Exactly once with real workers (PostgreSQL only): two ``manage.py db_worker`` processes on the
database task queue run the daily sweep enqueued twice and the send task many times; each
reminder is e-mailed once (counted by Message-ID). A worker killed (SIGKILL) in the middle of
sending and restarted: nothing duplicated, nothing lost."""

import os
import re
import signal
import subprocess
import sys
import time
from datetime import timedelta
from pathlib import Path

import pytest
from django.conf import settings
from django.db import connection
from django.utils import timezone

from programme.models import Reminder
from tests.factories import UserFactory, make_coordinator
from tests.programme.remind.conftest import assign

pytestmark = [
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
    pytest.mark.skipif(
        not settings.DATABASES["default"]["ENGINE"].endswith("postgresql"), reason="needs PostgreSQL (SKIP LOCKED)"
    ),
]

BASE = Path(settings.BASE_DIR)
MESSAGE_ID = re.compile(r"^Message-ID: (<[^>]+>)", re.MULTILINE | re.IGNORECASE)


def env(mail_dir: Path, delay: float = 0) -> dict:
    db = connection.settings_dict
    url = f"postgres://{db['USER']}@{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}/{db['NAME']}"
    return {
        **os.environ,
        "DATABASE_URL": url,
        "DJANGO_SETTINGS_MODULE": "tests.programme.remind.worker_settings",
        "TASKS_BACKEND": "django_tasks_db.DatabaseBackend",
        "REMIND_MAIL_DIR": str(mail_dir),
        "REMIND_MAIL_DELAY": str(delay),
        "PYTHONPATH": str(BASE),
    }


def manage(*args, environment, wait=True):
    command = [sys.executable, str(BASE / "manage.py"), *args]
    if wait:
        return subprocess.run(command, env=environment, cwd=BASE, check=True, capture_output=True, timeout=300)
    return subprocess.Popen(command, env=environment, cwd=BASE, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)


def enqueue(environment, code: str):
    program = "import django; django.setup(); from programme.tasks import daily_sweep, send_reminders; " + code
    subprocess.run([sys.executable, "-c", program], env=environment, cwd=BASE, check=True, timeout=120)


def worker(environment, *extra):
    return manage(
        "db_worker",
        "--no-startup-delay",
        "--no-reload",
        "--interval",
        "0.2",
        *extra,
        environment=environment,
        wait=False,
    )


def message_ids(mail_dir: Path) -> list[str]:
    ids = []
    for path in mail_dir.glob("*"):
        ids += MESSAGE_ID.findall(path.read_text(errors="replace"))
    return ids


def population(course, *, trainees: int):
    today = timezone.localdate()
    make_coordinator(email="national@example.org")
    for n in range(trainees):
        user = UserFactory()
        # due soon (14 or 3 days), overdue (and escalated when long overdue)
        assign(user=user, course=course, due_on=today + timedelta(days=(3, 14, -1, -30)[n % 4]))


def test_two_workers_and_a_sweep_twice_send_each_email_once(course, programme_settings, tmp_path):
    population(course, trainees=40)
    environment = env(tmp_path)
    enqueue(environment, "daily_sweep.enqueue(); daily_sweep.enqueue(); [send_reminders.enqueue() for _ in range(4)]")
    workers = [worker(environment, "--batch") for _ in range(2)]
    for process in workers:
        assert process.wait(timeout=240) == 0, process.stderr.read().decode()[-2000:]

    expected = Reminder.objects.count()
    assert expected == 40 + 10  # one per trainee, and one escalation per long-overdue trainee
    assert not Reminder.objects.filter(sent_at__isnull=True).exists()
    ids = message_ids(tmp_path)
    assert len(ids) == len(set(ids)) == expected


def test_a_worker_killed_mid_run_duplicates_and_loses_nothing(course, programme_settings, tmp_path):
    population(course, trainees=80)
    environment = env(tmp_path, delay=0.05)
    enqueue(environment, "daily_sweep.enqueue()")
    killed = worker(environment)
    deadline = time.monotonic() + 120
    while len(list(tmp_path.glob("*"))) < 10 and time.monotonic() < deadline:
        time.sleep(0.05)
    killed.send_signal(signal.SIGKILL)
    killed.wait(timeout=30)
    sent_before = Reminder.objects.filter(sent_at__isnull=False).count()
    total = Reminder.objects.count()
    assert 0 < sent_before < total, "the worker was killed in the middle of sending"

    # The next run of the ten-minute send task (the killed run's task stays "running" in the queue).
    enqueue(environment, "send_reminders.enqueue()")
    restarted = worker(environment, "--batch")
    assert restarted.wait(timeout=240) == 0, restarted.stderr.read().decode()[-2000:]

    assert not Reminder.objects.filter(sent_at__isnull=True).exists()
    ids = message_ids(tmp_path)
    assert len(ids) == len(set(ids)) == total
