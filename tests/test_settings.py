"""Production settings: safe by default, loud when something essential is missing."""

import os
import secrets
import string
import subprocess
import sys
from pathlib import Path

PROJECT_DIR = Path(__file__).resolve().parent.parent


def production_env(**extra) -> dict:
    env = {
        key: value
        for key, value in os.environ.items()
        if key not in {"DJANGO_DEBUG", "SECRET_KEY", "ALLOWED_HOSTS", "SECURE_SSL_REDIRECT", "EMAIL_BACKEND"}
    }
    env["DJANGO_SETTINGS_MODULE"] = "config.settings"
    env.update(extra)
    return env


def run(args, env):
    return subprocess.run(
        [sys.executable, *args], cwd=PROJECT_DIR, env=env, capture_output=True, text=True, timeout=120
    )


def test_check_deploy_passes_with_production_variables():
    alphabet = string.ascii_letters + string.digits + "!@#%^&*(-_=+)"
    secret_key = "".join(secrets.choice(alphabet) for _ in range(60))
    env = production_env(SECRET_KEY=secret_key, ALLOWED_HOSTS="frontline.example.org")

    result = run(["manage.py", "check", "--deploy", "--fail-level", "WARNING"], env)

    assert result.returncode == 0, result.stdout + result.stderr


def test_settings_refuse_to_load_without_secret_key_outside_debug():
    result = run(["-c", "import django; django.setup()"], production_env())

    assert result.returncode != 0
    assert "ImproperlyConfigured" in result.stderr
    assert "Set SECRET_KEY" in result.stderr


def test_sqlite_writers_queue_for_the_lock_instead_of_failing(tmp_path):
    """Two requests writing at once (the Wagtail admin autosaves while an editor types) must not
    fail with "database is locked" on SQLite (development, and the browser tests' server)."""
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "config.settings",
        "DJANGO_DEBUG": "1",
        "DATABASE_URL": f"sqlite:///{tmp_path / 'site.sqlite3'}",
    }
    code = (
        "import django; from django.conf import settings; django.setup(); "
        "print(settings.DATABASES['default']['OPTIONS'])"
    )
    result = run(["-c", code], env)
    assert result.returncode == 0, result.stderr
    assert "'transaction_mode': 'IMMEDIATE'" in result.stdout
