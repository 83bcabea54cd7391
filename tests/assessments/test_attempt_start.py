"""Starting an attempt: a POST to ``attempt_start``, apart from the assessment page (which only
shows the rules and the attempts, like the course page)."""

from datetime import timedelta

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from assessments.models import Attempt
from tests.assessments.builders import answers_post, build_assessment
from tests.factories import build_course

pytestmark = pytest.mark.django_db


def start_url(assessment) -> str:
    return reverse("attempt_start", args=[assessment.pk])


def test_starting_requires_login(client, assessment):
    response = client.post(start_url(assessment))

    assert response.status_code == 302
    assert reverse("account_login") in response["Location"]
    assert not Attempt.objects.exists()


def test_a_get_is_refused_and_starts_nothing(client_ready, assessment):
    response = client_ready.get(start_url(assessment))

    assert response.status_code == 405
    assert not Attempt.objects.exists()


def test_a_post_without_the_csrf_token_is_refused(ready_trainee, assessment):
    client = Client(enforce_csrf_checks=True)
    client.force_login(ready_trainee)

    response = client.post(start_url(assessment))

    assert response.status_code == 403
    assert not Attempt.objects.exists()


def test_the_page_form_posts_to_attempt_start(client_ready, assessment):
    response = client_ready.get(assessment.url)

    assert response.status_code == 200
    assert f'action="{start_url(assessment)}"' in response.content.decode()


def test_an_eligible_trainee_gets_an_attempt_and_is_sent_to_it(client_ready, ready_trainee, assessment):
    response = client_ready.post(start_url(assessment))

    attempt = Attempt.objects.get(user=ready_trainee)
    assert response.status_code == 302
    assert response["Location"] == reverse("attempt_detail", args=[attempt.pk])
    assert attempt.is_open


def test_a_trainee_not_eligible_is_sent_back_to_the_page_with_the_reason(client_trainee, trainee, assessment):
    response = client_trainee.post(start_url(assessment), follow=True)

    assert response.redirect_chain == [(assessment.url, 302)]
    assert "Complete every lesson of the course to unlock the assessment." in response.content.decode()
    assert not Attempt.objects.filter(user=trainee).exists()


def test_during_the_cool_down_no_attempt_is_started(client_ready, ready_trainee, course_with_lessons):
    assessment = build_assessment(course_with_lessons, cooldown_hours=2)
    first = client_ready.post(start_url(assessment))
    attempt = Attempt.objects.get(user=ready_trainee)
    client_ready.post(reverse("attempt_submit", args=[attempt.pk]), answers_post(attempt.questions, right=0))

    response = client_ready.post(start_url(assessment))

    assert first.status_code == 302
    assert response.status_code == 302
    assert response["Location"] == assessment.url
    assert Attempt.objects.filter(user=ready_trainee).count() == 1
    Attempt.objects.filter(pk=attempt.pk).update(submitted_at=timezone.now() - timedelta(hours=3))
    client_ready.post(start_url(assessment))
    assert Attempt.objects.filter(user=ready_trainee).count() == 2


def test_an_unpublished_assessment_cannot_be_started(client_ready, assessment):
    assessment.unpublish()

    response = client_ready.post(start_url(assessment))

    assert response.status_code == 404
    assert not Attempt.objects.exists()


def test_an_assessment_that_is_not_a_page_of_ours_is_not_found(client_ready, catalogue):
    course = build_course(title="Another course", lessons=1, catalogue=catalogue)

    response = client_ready.post(reverse("attempt_start", args=[course.pk]))

    assert response.status_code == 404
