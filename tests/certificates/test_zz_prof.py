import cProfile, pstats, io, time
import pytest
from django.urls import reverse
from certificates.pdf import render_pdf
pytestmark = pytest.mark.django_db
def test_prof(client, trainee, certificate):
    for i in range(3):
        t=time.perf_counter(); render_pdf(certificate); print("render", time.perf_counter()-t)
    pr=cProfile.Profile(); pr.enable()
    render_pdf(certificate)
    pr.disable()
    s=io.StringIO(); pstats.Stats(pr,stream=s).sort_stats("cumulative").print_stats(25); print(s.getvalue())
