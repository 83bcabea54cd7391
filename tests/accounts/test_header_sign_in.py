"""The header never offers "Sign up" to someone who has an account: a signed-in user sees
neither button, and a signed-out visitor who has signed in on this browser before (a cookie
set on sign-in, saying nothing about who) is offered "Log in" as the main button."""

import re

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import translation

from accounts.adapters import RETURNING_COOKIE
from tests.factories import DEFAULT_PASSWORD, UserFactory

pytestmark = pytest.mark.django_db


def header(client, path="/en/") -> str:
    body = client.get(path).content.decode()
    return re.search(r'<nav class="site-nav".*?</nav>', body, re.S).group(0)


def login_link(nav: str) -> str:
    return re.search(rf'<a[^>]*href="{reverse("account_login")}"[^>]*>', nav).group(0)


def test_a_first_time_visitor_is_offered_sign_up_as_the_main_button(client, catalogue):
    nav = header(client)
    assert f'<a class="button button-small" href="{reverse("account_signup")}">Sign up</a>' in nav
    assert "button" not in login_link(nav)


def test_a_returning_visitor_is_offered_log_in_and_no_sign_up(client, catalogue):
    client.cookies[RETURNING_COOKIE] = "1"
    for path in ("/en/", reverse("account_login"), reverse("certificate_verify_form")):
        nav = header(client, path)
        assert reverse("account_signup") not in nav, path
        assert 'class="button button-small"' in login_link(nav), path


def test_a_signed_in_user_sees_neither(client_trainee, catalogue):
    client_trainee.cookies.pop(RETURNING_COOKIE, None)
    nav = header(client_trainee)
    assert reverse("account_signup") not in nav
    assert reverse("account_login") not in nav
    assert reverse("my_learning") in nav


def test_signing_in_sets_the_cookie_which_outlives_signing_out(client, trainee, catalogue):
    response = client.post(reverse("account_login"), {"login": trainee.email, "password": DEFAULT_PASSWORD})
    cookie = response.cookies[RETURNING_COOKIE]
    assert cookie.value == "1"  # says nothing about who
    assert int(cookie["max-age"]) >= 365 * 24 * 60 * 60
    assert cookie["httponly"] and cookie["samesite"] == "Lax"

    response = client.post(reverse("account_logout"))
    assert RETURNING_COOKIE not in response.cookies  # not deleted
    assert reverse("account_signup") not in header(client)


def test_a_wrong_password_sets_no_cookie(client, trainee):
    response = client.post(reverse("account_login"), {"login": trainee.email, "password": "not-the-password"})
    assert RETURNING_COOKIE not in response.cookies


def test_erasing_ones_account_offers_sign_up_again(client, catalogue):
    user = UserFactory()
    client.post(reverse("account_login"), {"login": user.email, "password": DEFAULT_PASSWORD})
    assert client.cookies[RETURNING_COOKIE].value == "1"

    response = client.post(reverse("my_data_erase"), {"password": DEFAULT_PASSWORD, "confirm": "on"})

    assert response["Location"] == reverse("my_data_erased")
    assert response.cookies[RETURNING_COOKIE].value == ""  # deleted
    assert reverse("account_signup") in header(Client())


def test_the_header_of_a_new_visitor_in_tajik_still_offers_sign_up(client, catalogue):
    with translation.override("tg"):
        nav = header(client, "/tg/")
        client.cookies[RETURNING_COOKIE] = "1"
        returning = header(client, "/tg/")
    assert "/tg/accounts/signup/" in nav
    assert "/tg/accounts/signup/" not in returning


def test_the_home_page_offers_a_returning_visitor_log_in_not_an_account(client, catalogue):
    client.cookies[RETURNING_COOKIE] = "1"
    body = client.get("/en/").content.decode()
    assert reverse("account_signup") not in body
    assert "Create an account" not in body

    first_visit = Client().get("/en/").content.decode()
    assert "Create an account" in first_visit
