import cProfile, pstats, io
from io import StringIO
import pytest
from django.core.management import call_command
from django.test import TestCase

@pytest.mark.django_db
def test_prof():
    pr = cProfile.Profile(); pr.enable()
    with TestCase.captureOnCommitCallbacks(execute=True):
        call_command("seed_demo", stdout=StringIO())
    pr.disable()
    s = io.StringIO(); pstats.Stats(pr, stream=s).sort_stats("cumulative").print_stats(60); print(s.getvalue())
    assert 0
