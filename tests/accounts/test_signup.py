"""Sign-up, e-mail confirmation and login through the real allauth views."""

import re

import pytest
from allauth.account.models import EmailAddress
from django.conf import settings
from django.core import mail
from django.test import Client
from django.urls import reverse

from accounts.models import Agency, Region, User
from tests.factories import DEFAULT_PASSWORD, AgencyFactory, UserFactory

pytestmark = pytest.mark.django_db

PASSWORD = "Tr41ning-for-the-frontline"
EMAIL = "new.trainee@example.org"


@pytest.fixture
def signup_data():
    return {
        "email": EMAIL,
        "password1": PASSWORD,
        "password2": PASSWORD,
        "full_name": "  Nodira   Yusupova ",
        "agency": Agency.objects.get(code="border-troops").pk,
        "region": Region.objects.get(code="gbao").pk,
        "position": "Border guard",
        "preferred_language": "tg",
    }


def sign_up(client, data):
    return client.post(reverse("account_signup"), data, follow=True)


def test_signup_url_is_language_prefixed():
    assert reverse("account_signup") == "/en/accounts/signup/"


def test_signup_creates_user_with_profile_and_sends_confirmation(client, signup_data):
    response = sign_up(client, signup_data)

    assert response.status_code == 200
    user = User.objects.get()
    assert user.email == EMAIL
    assert user.full_name == "Nodira Yusupova"  # whitespace normalised
    assert user.agency.code == "border-troops"
    assert user.region.code == "gbao"
    assert user.position == "Border guard"
    assert user.preferred_language == "tg"
    assert user.check_password(PASSWORD)
    assert not EmailAddress.objects.get(user=user).verified
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == [EMAIL]


def test_unconfirmed_user_cannot_use_the_site(client, signup_data):
    """E-mail verification is mandatory: neither sign-up nor login lets the user in."""
    sign_up(client, signup_data)
    assert settings.ACCOUNT_EMAIL_VERIFICATION == "mandatory"
    assert "_auth_user_id" not in client.session

    response = client.get(reverse("my_learning"))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login"))

    response = client.post(reverse("account_login"), {"login": EMAIL, "password": PASSWORD})
    assert "_auth_user_id" not in client.session
    assert response.status_code == 302
    assert response["Location"] == reverse("account_email_verification_sent")
    assert client.get(reverse("my_learning")).status_code == 302


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("agency", None, "Choose the agency you work for."),
        ("agency", "", "Choose the agency you work for."),
        ("agency", "99999", "That agency is not on the list. Choose one from the list."),
        ("region", None, "Choose the region or duty station where you serve."),
        ("region", "99999", "That region is not on the list. Choose one from the list."),
        ("region", "not-a-number", "That region is not on the list. Choose one from the list."),
        ("full_name", "   ", "Enter your full name."),
    ],
    ids=[
        "agency-missing",
        "agency-blank",
        "agency-unknown",
        "region-missing",
        "region-unknown",
        "region-nonnumeric",
        "name-blank",
    ],
)
def test_invalid_profile_fields_are_refused_with_a_message(client, signup_data, field, value, message):
    if value is None:
        del signup_data[field]
    else:
        signup_data[field] = value

    response = sign_up(client, signup_data)

    assert response.status_code == 200
    assert message in response.content.decode()
    assert not User.objects.exists()
    assert mail.outbox == []


def test_inactive_agency_is_refused(client, signup_data):
    retired = AgencyFactory(code="retired-unit", name="Retired unit", is_active=False)
    signup_data["agency"] = retired.pk

    response = sign_up(client, signup_data)

    assert "That agency is not on the list. Choose one from the list." in response.content.decode()
    assert "Retired unit" not in response.content.decode()  # not offered in the select either
    assert not User.objects.exists()


def test_signup_form_offers_only_active_reference_data(client):
    AgencyFactory(code="retired-unit", name="Retired unit", is_active=False)
    content = client.get(reverse("account_signup")).content.decode()
    assert "Border Troops (State Committee for National Security)" in content
    assert "Retired unit" not in content


def test_full_confirmation_flow_then_login_reaches_my_learning(client, signup_data):
    sign_up(client, signup_data)
    body = mail.outbox[0].body
    match = re.search(r"https?://[^/\s]+(/\S*/accounts/confirm-email/\S+/)", body)
    assert match, body
    confirm_path = match.group(1)

    # Confirming needs a POST (ACCOUNT_CONFIRM_EMAIL_ON_GET is off); a GET shows the form only.
    assert client.get(confirm_path).status_code == 200
    assert not EmailAddress.objects.get(email=EMAIL).verified
    response = client.post(confirm_path)
    assert response.status_code == 302
    assert EmailAddress.objects.get(email=EMAIL).verified

    fresh = Client()
    response = fresh.post(reverse("account_login"), {"login": EMAIL, "password": PASSWORD})
    assert response.status_code == 302
    assert response["Location"] == reverse("my_learning")
    assert fresh.get(reverse("my_learning")).status_code == 200


def test_duplicate_email_creates_no_second_account(client, signup_data):
    """allauth prevents account enumeration: the page looks the same, the owner is e-mailed."""
    existing = UserFactory(email=EMAIL)
    sign_up(client, signup_data)
    assert list(User.objects.filter(email=EMAIL)) == [existing]
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == [EMAIL]
    assert "confirm-email" not in mail.outbox[0].body


class TestLoginRateLimit:
    def test_failed_logins_are_throttled_per_account(self):
        limits = settings.ACCOUNT_RATE_LIMITS["login_failed"].split(",")
        assert any(limit.endswith("/key") for limit in limits)
        assert any(limit.endswith("/ip") for limit in limits)

    def test_account_is_locked_after_repeated_bad_passwords(self, client):
        user = UserFactory()
        url = reverse("account_login")
        for _attempt in range(6):
            response = client.post(url, {"login": user.email, "password": "wrong password"})
            assert response.status_code == 200
            assert "_auth_user_id" not in client.session

        response = client.post(url, {"login": user.email, "password": DEFAULT_PASSWORD})

        assert "_auth_user_id" not in client.session
        assert "Too many failed login attempts. Try again later." in response.content.decode()

    def test_correct_password_works_before_the_limit(self, client):
        user = UserFactory()
        url = reverse("account_login")
        for _attempt in range(3):
            client.post(url, {"login": user.email, "password": "wrong password"})
        response = client.post(url, {"login": user.email, "password": DEFAULT_PASSWORD})
        assert response.status_code == 302
        assert client.session["_auth_user_id"] == str(user.pk)
