"""What bench/load.py prepares before it starts gunicorn (bench/loadtest/trainees.py), on a small
generated data set: the bench trainees, their progress reset to the same place, a certificate
each and the URLs they visit. Locust and gunicorn are not started here."""

from io import StringIO

import pytest
from django.core.management import call_command

from bench.loadtest import trainees
from bench.loadtest.common import EMAIL
from certificates.models import Certificate
from courses.models import Enrolment, LessonCompletion
from tests.isolation import _english  # noqa: F401 (autouse fixture)

pytestmark = pytest.mark.django_db

BENCH_TRAINEES = 3


@pytest.fixture(autouse=True)
def _files_in_tmp_and_no_pdf_rendering(settings, tmp_path, monkeypatch):
    """WeasyPrint is slow and not under test; the PDFs land in a throw-away directory."""
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.STORAGES = settings.STORAGES | {
        "private": {**settings.STORAGES["private"], "OPTIONS": {"location": str(tmp_path / "private")}}
    }
    monkeypatch.setattr("certificates.pdf.render_pdf", lambda *args, **kwargs: b"%PDF-1.4 bench")


@pytest.fixture
def generated():
    call_command("generate_load_data", "--trainees", "12", "--seed", "5", "--batch-size", "12", stdout=StringIO())


def test_bench_trainees_are_prepared_certified_and_reset_on_every_run(generated):
    trainees.check_data()  # exits when the generated data is missing
    certified, open_courses, fresh = trainees.courses_in_roles()

    users = trainees.prepare_trainees(BENCH_TRAINEES)
    trainees.reset_progress(users)
    trainees.ensure_certificates(users)

    assert [user.email for user in users] == [EMAIL.format(n) for n in range(1, BENCH_TRAINEES + 1)]
    assert all(user.check_password("bench-trainee-password-1") for user in users)
    valid = Certificate.objects.filter(user__in=users, course=certified, status=Certificate.Status.VALID)
    assert valid.count() == BENCH_TRAINEES
    assert all(certificate.pdf for certificate in valid)
    assert not Enrolment.objects.filter(user__in=users, course=fresh).exists()
    assert Enrolment.objects.filter(user__in=users, course__in=open_courses, completed_at=None).count() == 2 * 3

    # The next run starts from the same place, whatever the last one left.
    LessonCompletion.objects.create(user=users[0], lesson=trainees.course_lessons(course=fresh)[0], course=fresh)
    again = trainees.prepare_trainees(BENCH_TRAINEES)
    trainees.reset_progress(again)
    trainees.ensure_certificates(again)
    assert [user.pk for user in again] == [user.pk for user in users]
    assert not LessonCompletion.objects.filter(user__in=users, course=fresh).exists()
    assert list(valid.values_list("pk", flat=True)) == list(
        Certificate.objects.filter(user__in=users, status=Certificate.Status.VALID).values_list("pk", flat=True)
    )


def test_page_plan_names_every_page_kind_in_every_language(generated):
    plan = trainees.page_plan()

    assert set(plan) == {"en", "ru", "tg"}
    for language, urls in plan.items():
        assert urls["my_learning"].startswith(f"/{language}/")
        assert "{id}" in urls["lesson_complete"]
        assert len(urls["courses"]) == 4
    # The seed courses' lessons and assessments (translated ones exist only where an editor made them).
    english = plan["en"]
    assert english["lessons"] and english["progress_lessons"]
    assert len(english["open_assessments"]) == 2 and len(english["assessments"]) == 4
