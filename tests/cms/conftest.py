from io import StringIO

import pytest
from django.core.management import call_command
from django.db import transaction
from django.test import TestCase


@pytest.fixture(scope="package")
def seeded_site(django_db_setup, django_db_blocker):
    """``seed_demo`` run once for every test in tests/cms, rolled back afterwards.

    Seeding (four courses with their Russian and Tajik translations) takes most of a
    minute, so it is shared. Each test still runs in its own savepoint inside this
    transaction and may change the seeded data freely. Returns the command's output.
    """
    with django_db_blocker.unblock():
        with transaction.atomic():
            out = StringIO()
            # wagtail-localize publishes translations on commit; run those callbacks as a
            # real commit would.
            with TestCase.captureOnCommitCallbacks(execute=True):
                call_command("seed_demo", stdout=out)
            yield out.getvalue()
            transaction.set_rollback(True)


@pytest.fixture
def seeded(seeded_site, db):
    return seeded_site
