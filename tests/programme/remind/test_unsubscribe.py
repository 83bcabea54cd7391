"""The one-click unsubscribe of optional e-mails (RFC 8058)."""

import pytest
from django.urls import reverse
from django.utils import translation

from programme.mail import notification_email, unsubscribe_token
from programme.models import EmailOptOut
from tests.factories import UserFactory


@pytest.fixture
def user(db):
    return UserFactory(preferred_language="tg", full_name="Dilshod")


def url_for(user, kind=EmailOptOut.Kind.DIGEST):
    return reverse("email_unsubscribe", args=[unsubscribe_token(user_id=user.pk, kind=kind)])


def test_get_shows_a_button_in_the_recipients_language_and_changes_nothing(client, user):
    response = client.get(url_for(user))
    assert response.status_code == 200
    page = response.content.decode()
    assert '<html lang="tg">' in page and '<form method="post">' in page
    assert not EmailOptOut.objects.exists()


def test_the_one_click_post_records_the_opt_out_once(client, user):
    url = url_for(user)
    for _ in range(2):
        response = client.post(url, "List-Unsubscribe=One-Click", content_type="application/x-www-form-urlencoded")
        assert response.status_code == 200
    assert list(EmailOptOut.objects.values_list("user_id", "kind")) == [(user.pk, "digest")]
    assert client.get(url).context["already"] is True


def test_the_post_needs_no_csrf_token_nor_a_session(user):
    from django.test import Client

    response = Client(enforce_csrf_checks=True).post(url_for(user), {"List-Unsubscribe": "One-Click"})
    assert response.status_code == 200 and EmailOptOut.objects.count() == 1


@pytest.mark.parametrize("token", ["nonsense", "eyJ1IjoxfQ:1abc:def", "a" * 500])
def test_a_bad_token_gets_a_400_page_never_a_500(client, db, token):
    with translation.override("en"):
        url = reverse("email_unsubscribe", args=[token])
    for method in (client.get, client.post):
        response = method(url)
        assert response.status_code == 400
        assert "This unsubscribe link does not work" in response.content.decode()


def test_a_token_for_an_unknown_kind_or_a_closed_account_is_refused(client, user):
    assert client.get(url_for(user, kind="everything")).status_code == 400
    user.is_active = False
    user.save()
    assert client.post(url_for(user)).status_code == 400
    assert not EmailOptOut.objects.exists()


def test_optional_emails_carry_the_rfc_8058_headers(user):
    """The builder every optional e-mail uses (the digests) links here."""
    message = notification_email(
        recipient=user,
        template="programme/email/overdue",
        context={"course_title": "X", "due_on": None, "course_url": "", "my_learning_url": "", "notices_url": ""},
        message_key="digest-1",
        opt_out_kind=EmailOptOut.Kind.DIGEST,
    )
    assert message.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    link = message.extra_headers["List-Unsubscribe"].strip("<>")
    assert "/tg/email/unsubscribe/" in link
