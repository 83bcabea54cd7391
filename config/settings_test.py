"""Test settings: fast hashing, in-memory cache, e-mail kept in memory."""

import os

os.environ.setdefault("DJANGO_DEBUG", "1")

from config.settings import *  # noqa: F403

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}, "fragments": CACHES["fragments"]}  # noqa: F405
MAILERS = {"default": {"BACKEND": "django.core.mail.backends.locmem.EmailBackend"}}
STORAGES["staticfiles"] = {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}  # noqa: F405
# Side by side, as in production: the private files must not be inside MEDIA_ROOT.
MEDIA_ROOT = BASE_DIR / ".test-media" / "public"  # noqa: F405
STORAGES["private"] = {  # noqa: F405
    "BACKEND": "django.core.files.storage.FileSystemStorage",
    "OPTIONS": {"location": str(BASE_DIR / ".test-media" / "private")},  # noqa: F405
}
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
# Tests never collect static files; WhiteNoise would only warn that STATIC_ROOT is missing.
MIDDLEWARE = [name for name in MIDDLEWARE if name != "whitenoise.middleware.WhiteNoiseMiddleware"]  # noqa: F405
# Tasks run where they are enqueued (after the transaction commits, for those queued on commit);
# the tests that need the queue (tests/worker/) switch to the database backend themselves.
# TASKS_BACKEND still overrides it, as for the worker process that tests/worker/ starts.
TASKS = {"default": {"BACKEND": os.environ.get("TASKS_BACKEND", "django.tasks.backends.immediate.ImmediateBackend")}}
CRONTASK = {"REDIS_URL": None}
