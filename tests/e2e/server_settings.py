"""Settings of the site the browser tests drive: the production settings (``DEBUG`` off, so
users see the real error pages), served over plain HTTP on the loopback interface, with
e-mail written to files.

The test process reads the confirmation messages from those files, as a trainee would read
them from their inbox. The set-up commands (migrate, seed_demo) run with ``DJANGO_DEBUG=1``
so that the demo accounts get their documented password.
"""

import os

from config.settings import *  # noqa: F403

MAILERS = {
    "default": {
        "BACKEND": "django.core.mail.backends.filebased.EmailBackend",
        "OPTIONS": {"file_path": os.environ["E2E_MAIL_DIR"]},
    }
}
# Seeding hashes the demo accounts' passwords; the default hasher's cost buys nothing here.
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]

if not DEBUG:  # noqa: F405
    # Plain HTTP on 127.0.0.1: no TLS to redirect to or to mark cookies for.
    SECURE_SSL_REDIRECT = False
    SECURE_HSTS_SECONDS = 0
    SESSION_COOKIE_SECURE = CSRF_COOKIE_SECURE = LANGUAGE_COOKIE_SECURE = False
    # WhiteNoise serves static files straight from the apps (no collectstatic step per run).
    STORAGES["staticfiles"] = {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}  # noqa: F405
    WHITENOISE_USE_FINDERS = True
