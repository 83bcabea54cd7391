"""Security headers on public pages, and sign-out after an idle period."""

import time

import pytest
from django.urls import reverse


@pytest.mark.django_db
def test_public_pages_send_a_csp_without_inline_scripts(client, catalogue):
    response = client.get(catalogue.url)
    policy = response["Content-Security-Policy"]
    directives = dict(part.strip().split(" ", 1) for part in policy.split(";"))
    assert "'unsafe-inline'" not in directives["script-src"]
    assert "'unsafe-eval'" not in directives["script-src"]
    assert directives["frame-ancestors"] == "'none'"
    assert directives["object-src"] == "'none'"
    assert response["X-Frame-Options"] == "DENY"


@pytest.mark.django_db
def test_pages_contain_no_inline_scripts(client_trainee, course_with_lessons, lessons):
    """Every <script> must be an external file: the policy would block inline ones."""
    for url in (course_with_lessons.url, lessons[0].url, reverse("my_learning"), reverse("certificate_verify_form")):
        html = client_trainee.get(url).content.decode()
        for chunk in html.split("<script")[1:]:
            tag = chunk.split(">", 1)[0]
            assert "src=" in tag or 'type="application/json"' in tag, f"inline script on {url}: <script{tag}>"


@pytest.mark.django_db
def test_idle_session_is_signed_out(client_trainee, settings):
    assert client_trainee.get(reverse("my_learning")).status_code == 200
    session = client_trainee.session
    session["last_seen"] = int(time.time()) - settings.SESSION_IDLE_SECONDS - 5
    session.save()
    response = client_trainee.get(reverse("my_learning"))
    assert response.status_code == 302 and reverse("account_login") in response["Location"]


@pytest.mark.django_db
def test_active_session_stays_signed_in(client_trainee, settings):
    client_trainee.get(reverse("my_learning"))
    session = client_trainee.session
    session["last_seen"] = int(time.time()) - settings.SESSION_IDLE_SECONDS + 60
    session.save()
    assert client_trainee.get(reverse("my_learning")).status_code == 200
