"""Settings for the real worker processes of test_workers.py: the test database, the database
task queue (TASKS_BACKEND from the environment) and e-mail written to files in REMIND_MAIL_DIR,
optionally slowed down by REMIND_MAIL_DELAY seconds per message (so that a worker can be killed
in the middle of a run)."""

import os

from config.settings_test import *  # noqa: F403

MAILERS = {
    "default": {
        "BACKEND": "tests.programme.remind.worker_settings.SlowFileBackend",
        "OPTIONS": {"file_path": os.environ.get("REMIND_MAIL_DIR", "/tmp/remind-mail")},
    }
}
CACHES = {"default": {"BACKEND": "django.core.cache.backends.dummy.DummyCache"}, "fragments": CACHES["fragments"]}  # noqa: F405

from django.core.mail.backends.filebased import EmailBackend  # noqa: E402


class SlowFileBackend(EmailBackend):
    """One file per message (the file backend writes one per connection, which would let one
    file hold two messages and hide nothing, but counting is simpler this way)."""

    def send_messages(self, email_messages):
        import time

        delay = float(os.environ.get("REMIND_MAIL_DELAY") or 0)
        sent = 0
        for message in email_messages:
            if delay:
                time.sleep(delay)
            self._fname = None  # a new file for every message
            sent += super().send_messages([message])
        return sent
