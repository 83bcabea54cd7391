"""The queue as production runs it: Django's tasks into django-tasks-db, run by ``db_worker``.

The rest of the suite keeps the immediate backend (config/settings_test.py); these tests switch
to the database backend and run the worker, in this process (``db_worker --batch``) or as a real
process of its own (test_real_worker.py)."""

from io import StringIO

import pytest
from django.core.management import call_command

DATABASE_BACKEND = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


@pytest.fixture
def queue(settings):
    """Tasks go into the database queue instead of running where they are enqueued."""
    settings.TASKS = DATABASE_BACKEND


@pytest.fixture
def run_worker(queue, monkeypatch):
    """Run ``manage.py db_worker --batch`` in this process until the queue is empty. (The worker
    drops database connections between tasks; inside a test's transaction that would end it.)"""
    monkeypatch.setattr("django_tasks_db.management.commands.db_worker.close_old_connections", lambda: None)

    def run() -> str:
        out = StringIO()
        call_command("db_worker", "--batch", "--no-startup-delay", "--no-reload", "--interval=0", stdout=out)
        return out.getvalue()

    return run
