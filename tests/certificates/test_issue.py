"""Issuing certificates: exactly once per pass, what they record, expiry and renewal."""

from datetime import UTC, date, timedelta

import pytest
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone
from wagtail.models import ModelLogEntry

from accounts.models import Agency
from assessments import services as assessment_services
from assessments.models import Attempt
from assessments.selectors import eligibility
from certificates import codes
from certificates.models import Certificate
from certificates.services import add_months, certificate_issue
from courses.models import CoursePage, Enrolment
from tests.assessments.builders import (
    answers_post,
    as_querydict,
    build_assessment,
    complete_lessons,
    issue_certificate,
    passed_attempt,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def assessment(course):
    return build_assessment(course)


@pytest.fixture
def ready(trainee, course, assessment):
    """The trainee with every lesson complete; the assessment exists first, so passing it is
    what completes the course."""
    complete_lessons(trainee, course)
    return trainee


def take(user, assessment, *, right=None) -> Attempt:
    attempt = assessment_services.attempt_start(user=user, assessment=assessment)
    attempt, graded = assessment_services.attempt_submit(
        attempt=attempt, post=as_querydict(answers_post(attempt.questions, right=right))
    )
    assert graded
    return attempt


def test_passing_issues_exactly_one_certificate(ready, assessment):
    attempt = take(ready, assessment)

    certificate = Certificate.objects.get(user=ready)
    assert certificate.attempt == attempt
    assert certificate.status == Certificate.Status.VALID
    assert certificate_issue(attempt=attempt) == certificate
    assert certificate_issue(attempt=attempt) == certificate
    assert Certificate.objects.filter(user=ready).count() == 1
    assert codes.is_well_formed(certificate.code)


def test_a_second_valid_certificate_for_the_same_course_violates_the_database_constraint(trainee, course, certificate):
    other = passed_attempt(trainee, course)

    with pytest.raises(IntegrityError), transaction.atomic():
        Certificate.objects.create(
            code=codes.generate(), user=trainee, course=course, attempt=other, holder_name="x", course_title="y"
        )


def test_certificate_records_holder_agency_course_and_dates(trainee, course):
    trainee.full_name = "Ҷамшед Қодирӣ"
    trainee.save()
    attempt = passed_attempt(trainee, course)
    attempt.submitted_at = timezone.now() - timedelta(days=3)
    attempt.save()

    certificate = certificate_issue(attempt=attempt)

    assert certificate.holder_name == "Ҷамшед Қодирӣ"
    assert certificate.agency_name == trainee.agency.name
    assert certificate.agency == trainee.agency
    assert certificate.region == trainee.region
    assert certificate.course_title == course.title == "Identifying victims"
    assert certificate.issued_at == attempt.submitted_at
    issued_on = timezone.localtime(attempt.submitted_at).date()
    assert certificate.expires_on == add_months(issued_on, course.validity_months)
    assert course.validity_months == 24
    assert (certificate.expires_on.year - issued_on.year) * 12 + certificate.expires_on.month - issued_on.month == 24


def test_agency_name_is_in_the_holders_language(trainee, course):
    Agency.objects.filter(pk=trainee.agency_id).update(name="Border troops", name_ru="Пограничные войска")
    trainee.preferred_language = "ru"
    trainee.save()
    trainee.agency.refresh_from_db()

    certificate = issue_certificate(trainee, course)

    assert (certificate.agency_name, certificate.language) == ("Пограничные войска", "ru")


def test_holder_without_a_name_is_shown_by_email(trainee, course):
    trainee.full_name = ""
    trainee.save()

    assert issue_certificate(trainee, course).holder_name == trainee.email


def test_course_without_validity_issues_a_certificate_that_never_expires(trainee, course):
    CoursePage.objects.filter(pk=course.pk).update(validity_months=0)
    course.refresh_from_db()

    certificate = issue_certificate(trainee, course)

    assert certificate.expires_on is None
    assert not certificate.is_expired(today=date(2999, 1, 1))
    assert not certificate.renewal_open(today=date(2999, 1, 1))


@pytest.mark.parametrize(
    ("day", "months", "expected"),
    [
        (date(2025, 1, 31), 1, date(2025, 2, 28)),
        (date(2024, 1, 31), 1, date(2024, 2, 29)),
        (date(2025, 3, 31), 1, date(2025, 4, 30)),
        (date(2025, 1, 15), 1, date(2025, 2, 15)),
        (date(2025, 11, 30), 3, date(2026, 2, 28)),
        (date(2025, 12, 31), 1, date(2026, 1, 31)),
        (date(2024, 2, 29), 12, date(2025, 2, 28)),
        (date(2025, 6, 1), 24, date(2027, 6, 1)),
        (date(2025, 6, 1), 0, date(2025, 6, 1)),
    ],
)
def test_add_months_keeps_the_day_or_uses_the_months_last_day(day, months, expected):
    assert add_months(day, months) == expected


def test_passing_marks_the_enrolment_complete(ready, course, assessment):
    enrolment = Enrolment.objects.get(user=ready, course=course)
    assert enrolment.completed_at is None

    take(ready, assessment)

    enrolment.refresh_from_db()
    assert enrolment.completed_at is not None


def test_failing_issues_nothing(ready, course, assessment):
    attempt = take(ready, assessment, right=1)

    assert attempt.passed is False
    assert not Certificate.objects.exists()
    assert Enrolment.objects.get(user=ready, course=course).completed_at is None
    assert not ModelLogEntry.objects.filter(action="frontline.certificate.issue").exists()


@pytest.mark.parametrize("days_left", [60, 30, 1, 0, -10])
def test_certificate_due_for_renewal_can_be_renewed_and_is_superseded(ready, course, assessment, days_left):
    old = take(ready, assessment).certificate
    Certificate.objects.filter(pk=old.pk).update(expires_on=timezone.localdate() + timedelta(days=days_left))

    attempt = take(ready, assessment)

    new = Certificate.objects.get(attempt=attempt)
    old.refresh_from_db()
    assert new.pk != old.pk
    assert new.status == Certificate.Status.VALID
    assert (old.status, old.superseded_by) == (Certificate.Status.SUPERSEDED, new)
    assert Certificate.objects.filter(user=ready, course=course, status=Certificate.Status.VALID).get() == new


@pytest.mark.parametrize("days_left", [61, 365, None])
def test_starting_is_refused_with_a_valid_certificate_not_due_for_renewal(ready, course, assessment, days_left):
    certificate = take(ready, assessment).certificate
    expires_on = timezone.localdate() + timedelta(days=days_left) if days_left is not None else None
    Certificate.objects.filter(pk=certificate.pk).update(expires_on=expires_on)

    with pytest.raises(assessment_services.AttemptNotAllowed) as refusal:
        assessment_services.attempt_start(user=ready, assessment=assessment)

    assert refusal.value.eligibility.reason == "certified"
    assert Attempt.objects.filter(user=ready).count() == 1


@pytest.mark.parametrize(("days_left", "reason"), [(60, "ok"), (61, "certified")])
def test_renewal_window_counts_the_countrys_days_when_utc_is_still_on_yesterday(
    settings, ready, course, assessment, days_left, reason
):
    """At 21:00 UTC it is 02:00 the next day in Dushanbe: a certificate expiring 60 of the
    country's days later may be renewed, one expiring 61 days later may not, whatever the
    hour at which the tests run."""
    settings.TIME_ZONE = "Asia/Dushanbe"  # UTC+5 all year
    certificate = take(ready, assessment).certificate
    evening = (timezone.now() + timedelta(days=3)).astimezone(UTC).replace(hour=21, minute=0, second=0, microsecond=0)
    country_today = timezone.localdate(evening)
    assert country_today == evening.date() + timedelta(days=1)
    Certificate.objects.filter(pk=certificate.pk).update(expires_on=country_today + timedelta(days=days_left))

    assert eligibility(user=ready, assessment=assessment, now=evening).reason == reason


def test_refusal_for_a_valid_certificate_is_explained_on_the_page(client, ready, course, assessment):
    take(ready, assessment)
    client.force_login(ready)

    response = client.post(reverse("attempt_start", args=[assessment.pk]), follow=True)

    assert "You already hold a valid certificate for this course." in response.content.decode()
    assert Attempt.objects.filter(user=ready).count() == 1


def test_renewal_after_a_revoked_certificate_is_allowed(ready, course, assessment, admin_user):
    from certificates.services import certificate_revoke

    certificate = take(ready, assessment).certificate
    certificate_revoke(certificate=certificate, reason="Issued in error", by=admin_user)

    attempt = take(ready, assessment)

    assert Certificate.objects.get(attempt=attempt).status == Certificate.Status.VALID
    certificate.refresh_from_db()
    assert (certificate.status, certificate.superseded_by) == (Certificate.Status.REVOKED, None)
