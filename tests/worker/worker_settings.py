"""Settings of the worker process that test_real_worker.py starts: the test settings, with the
database, the task backend (TASKS_BACKEND) and the private files directory from its environment."""

import os

from config.settings_test import *  # noqa: F403

STORAGES["private"] = {  # noqa: F405
    "BACKEND": "django.core.files.storage.FileSystemStorage",
    "OPTIONS": {"location": os.environ["WORKER_PRIVATE_MEDIA"]},
}
