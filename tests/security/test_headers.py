"""Security review #18: every response carries a Permissions-Policy that switches off the browser
features no page uses (camera, microphone, location, payments, USB, motion sensors)."""

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db

SWITCHED_OFF = ("camera", "microphone", "geolocation", "payment", "usb")


def features(response) -> dict[str, str]:
    header = response.headers.get("Permissions-Policy", "")
    return dict(part.strip().split("=", 1) for part in header.split(",") if part.strip())


def assert_switched_off(response):
    policy = features(response)
    for feature in SWITCHED_OFF:
        assert policy.get(feature) == "()", f"{feature} not switched off in {policy} ({response.status_code})"


def test_public_page_has_a_permissions_policy(client, catalogue):
    assert_switched_off(client.get(catalogue.url))


def test_trainee_page_has_a_permissions_policy(client_trainee):
    response = client_trainee.get(reverse("my_learning"))

    assert response.status_code == 200
    assert_switched_off(response)


def test_admin_login_redirect_has_a_permissions_policy(client):
    response = client.get("/admin/")

    assert response.status_code == 302
    assert_switched_off(response)


def test_not_found_page_has_a_permissions_policy(client):
    response = client.get("/en/no-such-page-anywhere/")

    assert response.status_code == 404
    assert_switched_off(response)


def test_refusals_before_the_view_have_a_permissions_policy(client):
    """The outermost middleware adds it, so even a 413 from the body limit carries it."""
    response = client.generic("POST", "/en/accounts/login/", b"x" * (2 * 1024 * 1024), content_type="text/plain")

    assert response.status_code == 413
    assert_switched_off(response)
