"""Two simultaneous submissions of one attempt: graded once, one certificate (PostgreSQL only)."""

import threading

import pytest
from django.db import connection

from assessments import services
from assessments.models import Attempt
from certificates.models import Certificate
from tests.assessments.builders import answers_post, as_querydict, build_assessment, complete_lessons
from tests.factories import AgencyFactory, RegionFactory, UserFactory, build_course

pytestmark = [
    pytest.mark.skipif(
        connection.vendor != "postgresql",
        reason="needs PostgreSQL: SQLite serialises writers, so the race cannot happen there",
    ),
    # serialized_rollback restores Wagtail's root page, which the flush after the test removes.
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def test_simultaneous_submissions_grade_once_and_issue_one_certificate(monkeypatch, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    monkeypatch.setattr("certificates.pdf.render_pdf", lambda certificate: b"%PDF-1.7 not under test")
    course = build_course(title="Race course", lessons=1)
    assessment = build_assessment(course)
    user = UserFactory(agency=AgencyFactory(), region=RegionFactory())
    complete_lessons(user, course)
    attempt = services.attempt_start(user=user, assessment=assessment)
    post = as_querydict(answers_post(attempt.questions))
    barrier = threading.Barrier(2)
    outcomes, errors = [], []

    def submit_now():
        try:
            mine = Attempt.objects.get(pk=attempt.pk)
            barrier.wait(timeout=10)
            outcomes.append(services.attempt_submit(attempt=mine, post=post))
        except Exception as error:  # noqa: BLE001 - reported below
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=submit_now) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)

    assert errors == []
    assert sorted(graded for _attempt, graded in outcomes) == [False, True]
    assert {result.score for result, _graded in outcomes} == {100}
    attempt.refresh_from_db()
    assert (attempt.status, attempt.score, attempt.passed) == (Attempt.Status.SUBMITTED, 100, True)
    assert Certificate.objects.filter(user=user).count() == 1
    assert Certificate.objects.get(user=user).attempt_id == attempt.pk
