"""The trainee's profile page and the language switch."""

import pytest
from django.conf import settings
from django.urls import reverse

from accounts.models import Agency, Region

pytestmark = pytest.mark.django_db


def profile_data(**overrides):
    data = {
        "full_name": "Rustam Sharipov",
        "agency": Agency.objects.get(code="consular").pk,
        "region": Region.objects.get(code="abroad-ru").pk,
        "position": "Consul",
        "preferred_language": "ru",
    }
    data.update(overrides)
    return data


def test_profile_requires_login(client):
    url = reverse("profile")
    response = client.get(url)
    assert response.status_code == 302
    assert response["Location"] == f"{reverse('account_login')}?next={url}"


def test_profile_page_shows_the_trainees_data(client_trainee, trainee):
    response = client_trainee.get(reverse("profile"))
    assert response.status_code == 200
    assert trainee.email in response.content.decode()
    assert response.context["form"].initial["full_name"] == "Test Trainee"


def test_saving_valid_profile_updates_the_user_and_switches_to_their_language(client_trainee, trainee):
    response = client_trainee.post(reverse("profile"), profile_data())

    assert response.status_code == 302
    assert response["Location"] == "/ru/accounts/profile/"
    trainee.refresh_from_db()
    assert trainee.full_name == "Rustam Sharipov"
    assert trainee.agency.code == "consular"
    assert trainee.region.code == "abroad-ru"
    assert trainee.position == "Consul"
    assert trainee.preferred_language == "ru"


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        ({"agency": "99999"}, "That agency is not on the list. Choose one from the list."),
        ({"agency": ""}, "Choose the agency you work for."),
        ({"region": "abc"}, "That region is not on the list. Choose one from the list."),
    ],
    ids=["unknown-agency", "no-agency", "bad-region"],
)
def test_invalid_profile_shows_error_and_changes_nothing(client_trainee, trainee, overrides, message):
    before = (trainee.full_name, trainee.agency_id, trainee.region_id, trainee.position, trainee.preferred_language)

    response = client_trainee.post(reverse("profile"), profile_data(**overrides))

    assert response.status_code == 200
    assert message in response.content.decode()
    trainee.refresh_from_db()
    assert (
        trainee.full_name,
        trainee.agency_id,
        trainee.region_id,
        trainee.position,
        trainee.preferred_language,
    ) == before


def test_language_switch_remembers_choice_for_signed_in_user(client_trainee, trainee):
    response = client_trainee.post(reverse("set_language"), {"language": "tg", "next": "/en/learning/"})

    assert response.status_code == 302
    assert response["Location"] == "/tg/learning/"
    assert response.cookies[settings.LANGUAGE_COOKIE_NAME].value == "tg"
    trainee.refresh_from_db()
    assert trainee.preferred_language == "tg"


def test_language_switch_ignores_unknown_language(client_trainee, trainee):
    client_trainee.post(reverse("set_language"), {"language": "xx", "next": "/en/learning/"})
    trainee.refresh_from_db()
    assert trainee.preferred_language == "en"


def test_language_switch_works_for_anonymous_visitors(client):
    response = client.post(reverse("set_language"), {"language": "ru", "next": "/en/search/"})
    assert response.status_code == 302
    assert response["Location"] == "/ru/search/"


def test_language_switch_rejects_get(client):
    assert client.get(reverse("set_language")).status_code == 405
