"""``manage.py generate_load_data``: proportional counts, consistent rows, and a clean --clear."""

from collections import defaultdict
from datetime import timedelta
from io import StringIO

import pytest
from django.contrib.auth import get_user_model
from django.core.management import CommandError, call_command
from django.db import transaction
from django.db.models import Count, Max, Min, Q
from django.utils import timezone

from accounts.models import Agency, Region
from assessments.models import Attempt
from bench.loaddata import bulk, country
from certificates.models import Certificate
from courses.models import Enrolment, LessonCompletion, LessonPage
from reports.models import Headcount

TRAINEES = 300
User = get_user_model()


@pytest.fixture(scope="module")
def generated(django_db_setup, django_db_blocker):
    """The command run once for the module (300 trainees), rolled back when the module ends."""
    with django_db_blocker.unblock():
        with transaction.atomic():
            out = StringIO()
            call_command(
                "generate_load_data", "--trainees", str(TRAINEES), "--seed", "7", "--batch-size", "120", stdout=out
            )
            yield out.getvalue()
            transaction.set_rollback(True)


@pytest.fixture
def load(generated, db):
    return generated


def trainees():
    return bulk.generated_users().filter(agency__isnull=False)


def test_prints_progress_and_summary(load):
    assert f"users {TRAINEES:,}/{TRAINEES:,}" in load
    assert "users 120/300" in load  # one progress line per batch
    assert "Done in" in load and "lesson completions" in load


def test_counts_scale_with_the_number_of_trainees(load):
    assert trainees().count() == TRAINEES
    per_trainee = {
        "completions": LessonCompletion.objects.filter(user__in=trainees()).count() / TRAINEES,
        "attempts": Attempt.objects.filter(user__in=trainees()).count() / TRAINEES,
        "certificates": Certificate.objects.filter(user__in=trainees()).count() / TRAINEES,
    }
    # 1,000,000 / 300,000 / 80,000 for 100,000 trainees, within sampling noise.
    assert 8 <= per_trainee["completions"] <= 12, per_trainee
    assert 2.4 <= per_trainee["attempts"] <= 3.6, per_trainee
    assert 0.6 <= per_trainee["certificates"] <= 1.0, per_trainee


def test_skewed_towards_police_and_border_troops_in_the_big_regions(load):
    by_agency = dict(trainees().values_list("agency__code").annotate(n=Count("pk")))
    assert by_agency["police"] + by_agency["border-troops"] > TRAINEES / 2
    by_region = dict(trainees().values_list("region__code").annotate(n=Count("pk")))
    big = sum(by_region.get(code, 0) for code in ("dushanbe", "sughd", "khatlon"))
    assert big > TRAINEES / 2


def test_every_agency_region_cell_has_a_headcount(load):
    cells = Agency.objects.filter(is_active=True).count() * Region.objects.filter(is_active=True).count()
    assert Headcount.objects.count() == cells
    registered = dict(
        ((a, r), n) for a, r, n in trainees().values_list("agency_id", "region_id").annotate(n=Count("pk"))
    )
    for headcount in Headcount.objects.all():
        assert headcount.staff >= registered.get((headcount.agency_id, headcount.region_id), 0)


def test_gaps_nobody_certified_in_some_agencies_and_regions(load):
    valid = Certificate.objects.filter(user__in=trainees(), status=Certificate.Status.VALID)
    assert not valid.filter(user__agency__code__in=country.NO_CERTIFICATES_AGENCIES).exists()
    assert not valid.filter(user__region__code__in=country.NO_CERTIFICATES_REGIONS).exists()
    assert trainees().filter(agency__code__in=country.NO_CERTIFICATES_AGENCIES).exists() or TRAINEES < 200


def test_attempts_are_closed_and_graded(load):
    attempts = Attempt.objects.filter(user__in=trainees())
    assert not attempts.exclude(status=Attempt.Status.SUBMITTED).exists()
    assert not attempts.filter(Q(submitted_at=None) | Q(score=None) | Q(passed=None) | Q(points=None)).exists()
    for score, passed, pass_mark, points, max_points in attempts.values_list(
        "score", "passed", "pass_mark", "points", "max_points"
    ):
        assert passed == (score >= pass_mark)
        assert score == int(100 * points / max_points)


def test_every_certificate_has_a_passed_attempt_of_the_same_user_and_course(load):
    certificates = Certificate.objects.filter(user__in=trainees()).select_related("attempt")
    assert certificates.exists()
    for certificate in certificates:
        assert certificate.attempt.passed is True
        assert certificate.attempt.user_id == certificate.user_id
        assert certificate.attempt.course_id == certificate.course_id
        assert certificate.issued_at == certificate.attempt.submitted_at
        assert len(certificate.code) == 17


def test_at_most_one_valid_certificate_per_user_and_course(load):
    duplicates = (
        Certificate.objects.filter(status=Certificate.Status.VALID)
        .values("user", "course")
        .annotate(n=Count("pk"))
        .filter(n__gt=1)
    )
    assert not duplicates.exists()


def test_certificate_states_expired_revoked_and_superseded(load):
    today = timezone.localdate()
    certificates = Certificate.objects.filter(user__in=trainees())
    assert certificates.filter(status=Certificate.Status.VALID, expires_on__lt=today).exists()
    assert certificates.filter(status=Certificate.Status.VALID, expires_on__gte=today).exists()
    revoked = certificates.filter(status=Certificate.Status.REVOKED)
    assert revoked.exists() and not revoked.filter(revoked_at=None).exists()
    superseded = certificates.filter(status=Certificate.Status.SUPERSEDED).select_related("superseded_by")
    assert superseded.exists()
    for old in superseded:
        new = old.superseded_by
        assert (new.user_id, new.course_id) == (old.user_id, old.course_id)
        assert new.issued_at > old.issued_at
    assert not certificates.filter(status=Certificate.Status.VALID).exclude(superseded_by=None).exists()


def test_enrolments_completed_exactly_when_passed(load):
    first_pass = dict(
        ((user, course), when)
        for user, course, when in Attempt.objects.filter(user__in=trainees(), passed=True)
        .values_list("user_id", "course_id")
        .annotate(first=Min("submitted_at"))
    )
    completed = dict(
        ((user, course), when)
        for user, course, when in Enrolment.objects.filter(user__in=trainees(), completed_at__isnull=False).values_list(
            "user_id", "course_id", "completed_at"
        )
    )
    assert completed == first_pass


def test_progress_rows_belong_to_an_enrolment_and_passes_follow_all_lessons(load):
    enrolled = set(Enrolment.objects.filter(user__in=trainees()).values_list("user_id", "course_id"))
    done = defaultdict(set)
    course_of_lesson = {}
    for user, lesson, course in LessonCompletion.objects.filter(user__in=trainees()).values_list(
        "user_id", "lesson_id", "course_id"
    ):
        assert (user, course) in enrolled
        done[(user, course)].add(lesson)
        course_of_lesson[lesson] = course
    for lesson in LessonPage.objects.filter(pk__in=course_of_lesson):
        assert lesson.get_parent().pk == course_of_lesson[lesson.pk]
    lessons_per_course = defaultdict(set)
    for lesson in LessonPage.objects.live().filter(pk__in=course_of_lesson):
        lessons_per_course[course_of_lesson[lesson.pk]].add(lesson.pk)
    attempts = Attempt.objects.filter(user__in=trainees())
    for user, course in attempts.values_list("user_id", "course_id").distinct():
        assert (user, course) in enrolled
        assert done[(user, course)] == lessons_per_course[course]
    last_lesson = {
        (user, course): when
        for user, course, when in LessonCompletion.objects.filter(user__in=trainees())
        .values_list("user_id", "course_id")
        .annotate(last=Max("completed_at"))
    }
    for user, course, started in attempts.values_list("user_id", "course_id", "started_at"):
        assert started >= last_lesson[(user, course)]


def test_dates_lie_in_the_past_two_and_a_half_years(load):
    now = timezone.now()
    earliest = now - timedelta(days=country.HISTORY_DAYS + 190)
    for model, name in [
        (LessonCompletion, "completed_at"),
        (Attempt, "submitted_at"),
        (Enrolment, "started_at"),
        (Certificate, "issued_at"),
    ]:
        values = model.objects.filter(user__in=trainees()).values_list(name, flat=True)
        assert all(earliest <= value <= now for value in values), model
    joined = trainees().values_list("date_joined", flat=True)
    assert all(earliest <= value <= now for value in joined)
    assert max(joined) - min(joined) > timedelta(days=600)


def test_one_shared_unusable_password(load):
    passwords = set(trainees().values_list("password", flat=True))
    assert len(passwords) == 1
    assert not trainees().first().has_usable_password()


def test_refuses_to_run_again_without_clear(load):
    with pytest.raises(CommandError, match="--clear"):
        call_command("generate_load_data", "--trainees", "5", stdout=StringIO())


def test_clear_removes_generated_rows_only(load):
    police = Agency.objects.get(code="police")
    dushanbe = Region.objects.get(code="dushanbe")
    real = User.objects.create_user(email="real@example.org", full_name="Real Trainee", agency=police, region=dushanbe)
    generated_attempt = Attempt.objects.filter(user__in=trainees()).select_related("course").first()
    course = generated_attempt.course
    lesson = LessonPage.objects.child_of(course).first()
    Enrolment.objects.create(user=real, course=course)
    LessonCompletion.objects.create(user=real, lesson=lesson, course=course)
    Attempt.objects.create(
        user=real,
        course=course,
        assessment_id=generated_attempt.assessment_id,
        language="en",
        questions=[],
        pass_mark=80,
        status=Attempt.Status.SUBMITTED,
        submitted_at=timezone.now(),
        score=50,
        passed=False,
    )
    entered = Headcount.objects.filter(agency=police, region=dushanbe)
    entered.update(updated_by=real, staff=12345)  # a coordinator's number replaces the generated one

    out = StringIO()
    call_command("generate_load_data", "--clear-only", stdout=out)

    assert "Removed:" in out.getvalue()
    assert not bulk.generated_users().exists()
    for model in (Enrolment, LessonCompletion, Attempt, Certificate):
        assert not model.objects.filter(user__email__endswith=country.EMAIL_SUFFIX).exists(), model
        assert model.objects.filter(user=real).exists() or model is Certificate
    assert Certificate.objects.count() == 0
    assert User.objects.filter(pk=real.pk).exists()
    assert list(Headcount.objects.values_list("staff", flat=True)) == [12345]
    assert not Headcount.objects.filter(updated_by__email__endswith=country.EMAIL_SUFFIX).exists()


def test_clear_then_generate_again(load):
    out = StringIO()
    call_command("generate_load_data", "--clear", "--trainees", "20", "--seed", "3", stdout=out)
    assert trainees().count() == 20
    assert "Removed:" in out.getvalue() and "users 20/20" in out.getvalue()
