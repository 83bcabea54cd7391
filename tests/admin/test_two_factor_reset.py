"""Resetting a user's lost second factor in the admin: confirmation, audit, sessions ended, and
who may do it (the Django admin's authenticator pages did this before there was one admin)."""

import time

import pytest
from allauth.mfa.models import Authenticator
from allauth.mfa.totp.internal.auth import format_hotp_value, hotp_value
from django.test import Client
from django.urls import reverse
from wagtail.models import ModelLogEntry

from accounts import services
from tests.admin.conftest import staff_with
from tests.factories import DEFAULT_PASSWORD, TOTP_SECRET, make_coordinator, sign_in_with_second_factor

pytestmark = pytest.mark.django_db


def reset_url(user) -> str:
    return reverse("wagtailusers_users:two_factor_reset", args=[user.pk])


def text(response) -> str:
    return response.content.decode()


@pytest.fixture
def coordinator(db):
    return make_coordinator(email="lost.phone@example.org", full_name="Lost Phone")


def test_reset_asks_for_confirmation_then_removes_the_authenticators_and_ends_sessions(
    client_admin, superuser, coordinator
):
    their_browser = Client()
    # Signed in through allauth's pages, which record the session (allauth.usersessions).
    their_browser.post(reverse("account_login"), {"login": coordinator.email, "password": DEFAULT_PASSWORD})
    their_browser.post(
        reverse("mfa_authenticate"), {"code": format_hotp_value(hotp_value(TOTP_SECRET, int(time.time()) // 30))}
    )
    assert their_browser.get(reverse("reports_dashboard")).status_code == 200

    confirmation = client_admin.get(reset_url(coordinator))

    assert confirmation.status_code == 200
    assert "Lost Phone" in text(confirmation) and "lost their authenticator" in text(confirmation)
    assert Authenticator.objects.filter(user=coordinator).exists()

    response = client_admin.post(reset_url(coordinator))

    assert response.status_code == 302
    assert not Authenticator.objects.filter(user=coordinator).exists()
    assert "was reset" in text(client_admin.get(response["Location"]))
    entry = ModelLogEntry.objects.get(action=services.TWO_FACTOR_RESET_ACTION)
    assert (entry.object_id, entry.user_id, entry.data["removed"]) == (str(coordinator.pk), superuser.pk, 1)
    # Their old session is over: the reports send them to sign in again.
    assert their_browser.get(reverse("reports_dashboard")).status_code == 302


def test_the_edit_page_offers_the_reset_only_to_users_with_an_authenticator(client_admin, coordinator, trainee):
    edit = reverse("wagtailusers_users:edit", args=[coordinator.pk])
    assert reset_url(coordinator) in text(client_admin.get(edit))
    assert reset_url(trainee) not in text(client_admin.get(reverse("wagtailusers_users:edit", args=[trainee.pk])))


def test_a_user_without_an_authenticator_is_told_so(client_admin, trainee):
    response = client_admin.post(reset_url(trainee))

    assert response.status_code == 302
    assert "has no two-factor authentication to reset" in text(client_admin.get(response["Location"]))
    assert not ModelLogEntry.objects.filter(action=services.TWO_FACTOR_RESET_ACTION).exists()


def test_nobody_resets_their_own_here(client_admin, superuser):
    response = client_admin.post(reset_url(superuser))

    assert response.status_code == 302
    assert Authenticator.objects.filter(user=superuser).exists()


def test_staff_cannot_reset_a_superuser_and_viewers_cannot_reset_anyone(client, superuser, coordinator):
    changer = staff_with("view_user", "change_user")
    sign_in_with_second_factor(client, changer)
    assert client.post(reset_url(superuser)).status_code in (302, 403)
    assert Authenticator.objects.filter(user=superuser).exists()

    viewer = staff_with("view_user", email="viewer@example.org")
    sign_in_with_second_factor(client, viewer)
    client.post(reset_url(coordinator))
    assert Authenticator.objects.filter(user=coordinator).exists()
    assert not ModelLogEntry.objects.filter(action=services.TWO_FACTOR_RESET_ACTION).exists()


def test_a_password_only_session_is_sent_to_the_second_factor(client, superuser, coordinator):
    client.force_login(superuser)

    assert client.get(reset_url(coordinator))["Location"].startswith(reverse("mfa_reauthenticate"))
    client.post(reset_url(coordinator))
    assert Authenticator.objects.filter(user=coordinator).exists()
