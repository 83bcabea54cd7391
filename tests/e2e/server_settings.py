"""Settings of the site the browser tests drive: the real settings, with e-mail written to files.

The test process reads the confirmation and password-reset messages from those files, as a
trainee would read them from their inbox.
"""

import os

os.environ.setdefault("DJANGO_DEBUG", "1")

from config.settings import *  # noqa: E402,F403

MAILERS = {
    "default": {
        "BACKEND": "django.core.mail.backends.filebased.EmailBackend",
        "OPTIONS": {"file_path": os.environ["E2E_MAIL_DIR"]},
    }
}
# Seeding hashes the demo accounts' passwords; the default hasher's cost buys nothing here.
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
