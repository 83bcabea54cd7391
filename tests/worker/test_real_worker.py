"""A real worker process: ``manage.py db_worker --batch`` started as a subprocess against the
test database (a copy in a file on SQLite, the test database itself on PostgreSQL), given a
certificate to render twice. It renders the PDF once and both tasks succeed."""

import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import settings
from django.db import connection
from django_tasks_db.models import DBTaskResult
from pypdf import PdfReader

from certificates.models import Certificate
from certificates.tasks import render_certificate
from tests.assessments.builders import issue_certificate
from tests.factories import AgencyFactory, RegionFactory, UserFactory, build_course
from tests.worker.conftest import DATABASE_BACKEND

ROOT = Path(settings.BASE_DIR)
WORKER_SECONDS = 120

pytestmark = [
    # The worker process sees only what this test committed; serialized_rollback restores
    # Wagtail's root page, which the flush after the test removes.
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def database_url(tmp_path: Path) -> str:
    """Where the worker process finds this test's data."""
    if connection.vendor == "sqlite":
        # The test database lives in this process's memory: hand the worker a copy in a file.
        copy = tmp_path / "worker.sqlite3"
        connection.ensure_connection()
        with sqlite3.connect(copy) as target:
            connection.connection.backup(target)
        return f"sqlite:///{copy}"
    db = connection.settings_dict
    auth = db["USER"] + (f":{db['PASSWORD']}" if db["PASSWORD"] else "")
    return f"postgres://{auth}@{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}/{db['NAME']}"


def copy_back(url: str) -> None:
    """On SQLite, bring what the worker wrote back into the test database."""
    if connection.vendor == "sqlite":
        with sqlite3.connect(url.removeprefix("sqlite:///")) as source:
            source.backup(connection.connection)


def test_a_worker_process_renders_a_certificate_queued_twice_once(settings, tmp_path):
    private = tmp_path / "private"
    course = build_course(title="Identifying victims", lessons=1)
    trainee = UserFactory(full_name="Нигора Шарипова", agency=AgencyFactory(), region=RegionFactory())
    settings.TASKS = DATABASE_BACKEND  # from here on (Wagtail queues its own tasks while pages are built)

    certificate = issue_certificate(trainee, course)  # queued when its transaction commits
    render_certificate.enqueue(certificate.pk)  # and once more, as a retried job would be

    assert DBTaskResult.objects.filter(status="READY").count() == 2
    assert not Certificate.objects.get(pk=certificate.pk).pdf
    url = database_url(tmp_path)
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "tests.worker.worker_settings",
        "DATABASE_URL": url,
        "TASKS_BACKEND": "django_tasks_db.DatabaseBackend",
        "WORKER_PRIVATE_MEDIA": str(private),
        "PYTHONUNBUFFERED": "1",
    }
    worker = subprocess.run(
        [sys.executable, "manage.py", "db_worker", "--batch", "--no-startup-delay", "--no-reload", "--interval=0"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=WORKER_SECONDS,
    )

    assert worker.returncode == 0, worker.stdout + worker.stderr
    assert "No more tasks to run" in worker.stdout + worker.stderr
    copy_back(url)
    results = list(DBTaskResult.objects.order_by("enqueued_at").values_list("status", "return_value"))
    assert results == [("SUCCESSFUL", True), ("SUCCESSFUL", False)]
    stored = Certificate.objects.get(pk=certificate.pk).pdf.name
    files = [path for path in private.rglob("*") if path.is_file()]
    assert [str(path.relative_to(private)) for path in files] == [stored]
    assert "Шарипова" in PdfReader(files[0]).pages[0].extract_text()
