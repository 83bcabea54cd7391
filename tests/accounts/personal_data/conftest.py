"""Fixtures of the personal-data tests (export, erasure, audit trail): a trainee and another
trainee certified for a course their agency requires, a coordinator, a superuser; English and a
throw-away MEDIA_ROOT for every test here."""

import html
from datetime import timedelta

import pytest
from allauth.account.models import EmailAddress
from django.core.files.base import ContentFile
from django.utils import timezone, translation

from assessments.models import Attempt
from certificates import codes
from certificates.models import Certificate
from courses.models import Enrolment, LessonCompletion
from reports.models import Headcount
from tests.factories import (
    UserFactory,
    build_course,
    lessons_of,
    make_coordinator,
    with_totp,
)

TRAINEE_SECRET = "JBSWY3DPEHPK3PXP"
OTHER_NAME = "Otherworldly Person"
OTHER_EMAIL = "other.person@example.org"


@pytest.fixture(autouse=True)
def _english_and_tmp_media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    with translation.override("en"):
        yield


def _attempt(user, course, *, question: str, answer: str) -> Attempt:
    return Attempt.objects.create(
        user=user,
        course=course,
        language="en",
        questions=[{"id": "q1", "type": "single_choice", "text": question, "choices": []}],
        answers={"q1": [answer]},
        results=[{"id": "q1", "points": 1}],
        pass_mark=80,
        status=Attempt.Status.SUBMITTED,
        submitted_at=timezone.now(),
        score=100,
        passed=True,
        points=1,
        max_points=1,
    )


def _certify(user, attempt, course, *, with_pdf=False) -> Certificate:
    certificate = Certificate.objects.create(
        code=codes.generate(),
        user=user,
        course=course,
        attempt=attempt,
        holder_name=user.full_name,
        agency=user.agency,
        agency_name=user.agency.name,
        region=user.region,
        course_title=course.title,
        expires_on=timezone.localdate() + timedelta(days=365),
    )
    if with_pdf:
        certificate.pdf.save(f"{certificate.code}.pdf", ContentFile(b"%PDF-1.7 " + user.full_name.encode()), save=True)
    return certificate


def _learner(user, course, *, question: str, answer: str, with_pdf=False) -> Certificate:
    Enrolment.objects.create(user=user, course=course, completed_at=timezone.now())
    for lesson in lessons_of(course):
        LessonCompletion.objects.create(user=user, lesson=lesson, course=course)
    return _certify(user, _attempt(user, course, question=question, answer=answer), course, with_pdf=with_pdf)


@pytest.fixture
def world(catalogue, trainee, agency, region):
    """The trainee and another trainee in the same cell, both certified for a course their
    agency requires; a coordinator for that cell; a third trainee who has only started."""
    course = build_course(title="Identifying victims", lessons=2, catalogue=catalogue, audiences=[agency])
    certificate = _learner(trainee, course, question="Which sign of trafficking?", answer="q1-b", with_pdf=True)
    with_totp(trainee, TRAINEE_SECRET)
    EmailAddress.objects.create(user=trainee, email="second.address@example.org", verified=False, primary=False)
    other = UserFactory(email=OTHER_EMAIL, full_name=OTHER_NAME, agency=agency, region=region)
    other_certificate = _learner(other, course, question="Another person's question?", answer="q1-c")
    with_totp(other, "OTHERSECRETOTHER")
    starter = UserFactory(email="starter@example.org", agency=agency, region=region)
    Enrolment.objects.create(user=starter, course=course)
    coordinator = make_coordinator(
        email="coordinator@example.org",
        full_name="Coordinator",
        agency=None,
        region=None,
        scopes=[(agency, region)],
        totp=False,
    )
    Headcount.objects.create(agency=agency, region=region, staff=10)
    return {
        "course": course,
        "certificate": certificate,
        "other": other,
        "other_certificate": other_certificate,
        "coordinator": coordinator,
    }


def page_text(response) -> str:
    return html.unescape(response.content.decode())


@pytest.fixture
def superuser(db):
    return with_totp(
        UserFactory(
            is_staff=True, is_superuser=True, email="root@example.org", full_name="Root", agency=None, region=None
        )
    )
