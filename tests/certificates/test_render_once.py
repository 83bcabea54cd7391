"""Two workers given the same certificate at the same moment render its PDF once (PostgreSQL:
the task locks the certificate's row; SQLite serialises writers, so the race cannot happen)."""

import threading
import time

import pytest
from django.db import connection

from certificates.models import Certificate
from certificates.tasks import render_certificate
from tests.assessments.builders import issue_certificate
from tests.factories import AgencyFactory, RegionFactory, UserFactory, build_course

pytestmark = [
    pytest.mark.skipif(connection.vendor != "postgresql", reason="needs PostgreSQL's row locks"),
    # serialized_rollback restores Wagtail's root page, which the flush after the test removes.
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def test_two_workers_on_one_certificate_render_it_once(monkeypatch, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    renders = []

    def slow_render(certificate, **kwargs):
        renders.append(certificate.pk)
        time.sleep(0.5)  # long enough for the other worker to arrive while this one renders
        return b"%PDF-1.7 rendered once"

    monkeypatch.setattr("certificates.pdf.render_pdf", slow_render)
    course = build_course(title="Race course", lessons=1)
    user = UserFactory(agency=AgencyFactory(), region=RegionFactory())
    with monkeypatch.context() as issuing:
        issuing.setattr("certificates.services.certificate_render_later", lambda pk: None)
        certificate = issue_certificate(user, course)
    barrier = threading.Barrier(2)
    outcomes, errors = [], []

    def worker():
        try:
            barrier.wait(timeout=10)
            outcomes.append(render_certificate.call(certificate.pk))
        except Exception as error:  # noqa: BLE001 - reported below
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=worker) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)

    assert errors == []
    assert sorted(outcomes) == [False, True]
    assert renders == [certificate.pk]
    assert Certificate.objects.get(pk=certificate.pk).pdf.name.endswith(f"{certificate.code}.pdf")
