"""Full names: one rule for sign-up, the profile and bulk invitations (accounts.names)."""

import pytest
from django.urls import reverse
from django.utils import translation

from accounts import names
from accounts.models import Agency, Region, User

INVISIBLE = [
    pytest.param("\u200b", id="zero-width-space"),
    pytest.param("\u200b\u200b\u200b", id="zero-width-spaces"),
    pytest.param("\u202e", id="right-to-left-override"),
    pytest.param("\u202e\u200f\u200e\u2066\u2069", id="bidi-controls"),
    pytest.param("\u200c\u200d\u2060\ufeff", id="joiners-and-bom"),
    pytest.param(" \u00a0\u2003\u3000\u2028 ", id="unicode-spaces"),
    pytest.param("\u200b \u200b\t\u202e", id="mixed"),
    pytest.param("\u3164\u115f\uffa0\u2800", id="hangul-fillers-and-blank-braille"),
    pytest.param("\x07\x1b\x7f\x85", id="control-characters"),
    pytest.param("\ufe0f\u034f", id="lone-variation-selector"),
    pytest.param("\U000e0041\U000e007f", id="tag-characters"),
]


@pytest.mark.parametrize("value", INVISIBLE)
def test_invisible_names_are_no_names(value):
    assert not names.is_visible(names.normalise(value))


@pytest.mark.parametrize(
    ("typed", "stored"),
    [
        ("  Nodira   Yusupova ", "Nodira Yusupova"),
        ("Nodira\u00a0Yusupova\u2003", "Nodira Yusupova"),
        ("\u200bAziz Karimov\u200b", "Aziz Karimov"),
        ("Aziz\u200b Karimov", "Aziz Karimov"),
        ("\u202eAziz Karimov", "Aziz Karimov"),  # an override would print it reversed
        ("Az\x07iz", "Aziz"),
        ("Jose\u0301", "José"),  # NFC
        ("Рустам\nШарипов", "Рустам Шарипов"),
        ("مهرداد\u200cی", "مهرداد\u200cی"),  # a joiner inside a Persian name stays
        ("👩🏽‍⚕️", "👩🏽‍⚕️"),
        ("\u200f\u05d3\u05d5\u05d3", "\u05d3\u05d5\u05d3"),
    ],
)
def test_names_are_normalised(typed, stored):
    assert names.normalise(typed) == stored
    assert names.is_visible(stored)


def test_normalising_is_stable():
    for typed in ["  a\u200b b ", "\u202eX\u202c", "Jose\u0301  \u200dY"]:
        once = names.normalise(typed)
        assert names.normalise(once) == once


# --- The three entry points ---------------------------------------------------------------------

MESSAGE = "Enter your full name in letters: spaces and invisible characters alone are not a name."


def message_for(value):
    # Whitespace alone is stripped by the form field and meets its "required" message.
    return "Enter your full name." if not value.strip() else MESSAGE


def signup_data(full_name):
    return {
        "email": "new.trainee@example.org",
        "password1": "Tr41ning-for-the-frontline",
        "password2": "Tr41ning-for-the-frontline",
        "full_name": full_name,
        "agency": Agency.objects.get(code="border-troops").pk,
        "region": Region.objects.get(code="gbao").pk,
        "position": "",
        "preferred_language": "tg",
    }


@pytest.mark.django_db
@pytest.mark.parametrize("value", INVISIBLE[:8])
def test_signup_refuses_an_invisible_name(client, value):
    response = client.post(reverse("account_signup"), signup_data(value))

    assert response.status_code == 200
    assert message_for(value) in response.content.decode()
    assert not User.objects.exists()


@pytest.mark.django_db
def test_signup_stores_the_normalised_name(client):
    client.post(reverse("account_signup"), signup_data("\u202e Jose\u0301\u200b  Rahimov\u200b "))
    assert User.objects.get().full_name == "José Rahimov"


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["ru", "tg"])
def test_the_message_is_translated(client, language):
    with translation.override(language):  # restores the active language after the request too
        translated = translation.gettext(MESSAGE)
        response = client.post(reverse("account_signup"), signup_data("\u200b\u202e"))
    assert translated != MESSAGE

    assert translated in response.content.decode()


@pytest.mark.django_db
@pytest.mark.parametrize("value", INVISIBLE[:8])
def test_profile_refuses_an_invisible_name(client_trainee, trainee, value):
    data = {
        "full_name": value,
        "agency": trainee.agency_id,
        "region": trainee.region_id,
        "position": "",
        "preferred_language": "en",
    }
    response = client_trainee.post(reverse("profile"), data)

    assert response.status_code == 200
    assert message_for(value) in response.content.decode()
    trainee.refresh_from_db()
    assert trainee.full_name == "Test Trainee"


@pytest.mark.django_db
def test_profile_stores_the_normalised_name(client_trainee, trainee):
    data = {
        "full_name": "\u200bJose\u0301\u00a0 Rahimov",
        "agency": trainee.agency_id,
        "region": trainee.region_id,
        "position": "",
        "preferred_language": "en",
    }
    assert client_trainee.post(reverse("profile"), data).status_code == 302
    trainee.refresh_from_db()
    assert trainee.full_name == "José Rahimov"


@pytest.mark.django_db
def test_a_name_that_normalisation_lengthens_past_the_limit_is_refused(client_trainee, trainee):
    # U+0958 is excluded from composition: NFC writes it as two characters.
    data = {
        "full_name": "\u0958" * 150,
        "agency": trainee.agency_id,
        "region": trainee.region_id,
        "position": "",
        "preferred_language": "en",
    }
    response = client_trainee.post(reverse("profile"), data)
    assert response.status_code == 200
    assert "at most 200 characters" in response.content.decode()
