"""The queue and the scheduler's lock as config/settings.py reads them from the environment."""

import runpy

import pytest
from django.conf import settings

SETTINGS_FILE = str(settings.BASE_DIR / "config" / "settings.py")


def settings_with(monkeypatch, **environ) -> dict:
    for name in ("TASKS_BACKEND", "REDIS_URL", "CRONTASK_REDIS_URL"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("DJANGO_DEBUG", "1")
    for name, value in environ.items():
        monkeypatch.setenv(name, value)
    return runpy.run_path(SETTINGS_FILE)


def test_the_default_backend_is_the_queue_in_the_database(monkeypatch):
    assert settings_with(monkeypatch)["TASKS"]["default"]["BACKEND"] == "django_tasks_db.DatabaseBackend"


def test_tasks_backend_overrides_it(monkeypatch):
    backend = "django.tasks.backends.immediate.ImmediateBackend"
    assert settings_with(monkeypatch, TASKS_BACKEND=backend)["TASKS"]["default"]["BACKEND"] == backend


@pytest.mark.parametrize(
    ("environ", "lock"),
    [
        ({}, None),
        ({"REDIS_URL": "redis://cache:6379/1"}, "redis://cache:6379/1"),
        ({"REDIS_URL": "redis://cache:6379/1", "CRONTASK_REDIS_URL": "redis://lock:6379/2"}, "redis://lock:6379/2"),
    ],
)
def test_the_schedulers_lock_is_in_redis_when_there_is_one(monkeypatch, environ, lock):
    assert settings_with(monkeypatch, **environ)["CRONTASK"] == {"REDIS_URL": lock}


def test_the_tests_run_tasks_where_they_are_enqueued():
    assert settings.TASKS["default"]["BACKEND"] == "django.tasks.backends.immediate.ImmediateBackend"
