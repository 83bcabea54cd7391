"""Personal data: the trainee's export (what it holds and what it does not), and the pages."""

import json

import pytest
from django.urls import reverse
from django.utils import translation
from wagtail.models import ModelLogEntry

from accounts import services
from invitations.services import invitation_batch_create
from tests.accounts.personal_data.conftest import OTHER_EMAIL, OTHER_NAME, TRAINEE_SECRET, page_text

pytestmark = pytest.mark.django_db


# --- Export -------------------------------------------------------------------------------------


def test_export_contains_the_users_data_and_nothing_of_another_user(trainee, world):
    data = services.personal_data_export(user=trainee)
    dump = json.dumps(data)  # plain JSON, no custom encoder needed

    assert data["profile"]["email"] == trainee.email
    assert data["profile"]["full_name"] == "Test Trainee"
    assert data["profile"]["agency"] == trainee.agency.name
    assert data["profile"]["region"] == trainee.region.name
    assert data["profile"]["position"] == "Inspector"
    assert {a["email"] for a in data["email_addresses"]} == {trainee.email, "second.address@example.org"}
    assert data["two_factor_authenticators"] == [
        {"type": "totp", "created_at": data["two_factor_authenticators"][0]["created_at"], "last_used_at": None}
    ]
    assert [e["course"] for e in data["enrolments"]] == ["Identifying victims"]
    assert [c["lesson"] for c in data["lesson_completions"]] == [
        "Identifying victims: lesson 1",
        "Identifying victims: lesson 2",
    ]
    attempt = data["attempts"][0]
    assert attempt["course"] == "Identifying victims" and attempt["score"] == 100 and attempt["passed"] is True
    assert attempt["questions"][0]["text"] == "Which sign of trafficking?"
    assert attempt["answers"] == {"q1": ["q1-b"]}
    assert [c["code"] for c in data["certificates"]] == [world["certificate"].display_code]
    assert data["certificates"][0]["status"] == "valid"
    assert [entry["action"] for entry in data["audit_log"]] == []

    assert TRAINEE_SECRET not in dump
    assert trainee.password not in dump
    for foreign in (
        OTHER_NAME,
        OTHER_EMAIL,
        "OTHERSECRETOTHER",
        "Another person's question?",
        world["other_certificate"].display_code,
        "coordinator@example.org",
    ):
        assert foreign not in dump


def test_coordinator_export_lists_scopes_and_invitation_batches_without_their_rows(world):
    coordinator = world["coordinator"]
    invitation_batch_create(
        created_by=coordinator,
        filename="staff.csv",
        rows=[{"full_name": "Invitee Name", "email": "invitee@example.org"}],
    )

    data = services.personal_data_export(user=coordinator)

    assert data["coordinator_scopes"] == [
        {
            "agency": coordinator.coordinator_scopes.get().agency.name,
            "region": coordinator.coordinator_scopes.get().region.name,
        }
    ]
    assert data["invitation_batches_created"][0]["filename"] == "staff.csv"
    assert data["invitation_batches_created"][0]["rows"] == 1
    assert "invitee@example.org" not in json.dumps(data)
    assert [entry["action"] for entry in data["audit_log"]] == ["frontline.scope.change"]


def test_export_download_is_an_uncached_attachment_and_is_audited(client_trainee, trainee, world):
    response = client_trainee.get(reverse("my_data_export"))

    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/json")
    assert response["Content-Disposition"].startswith('attachment; filename="frontline-personal-data-')
    assert "no-store" in response["Cache-Control"]
    data = json.loads(response.content)
    assert data["profile"]["email"] == trainee.email
    entry = ModelLogEntry.objects.get(action=services.EXPORT_ACTION)
    assert (entry.object_id, entry.user_id) == (str(trainee.pk), trainee.pk)
    # The next export lists the previous one.
    assert services.EXPORT_ACTION in [e["action"] for e in services.personal_data_export(user=trainee)["audit_log"]]


@pytest.mark.parametrize("name", ["my_data", "my_data_export", "my_data_erase"])
def test_personal_data_pages_require_login(client, name):
    url = reverse(name)
    response = client.get(url) if name != "my_data_erase" else client.post(url, {"password": "x", "confirm": "on"})
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login"))
    assert not ModelLogEntry.objects.filter(action__startswith="frontline.personal_data").exists()


@pytest.mark.parametrize(
    ("language", "heading", "button"),
    [
        ("en", "Your data", "Erase my personal data"),
        ("ru", "Ваши данные", "Удалить мои персональные данные"),
        ("tg", "Маълумоти шумо", "Маълумоти шахсии маро нест кунед"),
    ],
)
def test_your_data_page_explains_and_is_linked_from_the_account_pages(client_trainee, world, language, heading, button):
    with translation.override(language):
        url, profile_url = reverse("my_data"), reverse("profile")
    response = client_trainee.get(url)
    profile = client_trainee.get(profile_url)

    assert response.status_code == 200
    body = page_text(response)
    assert heading in body and button in body
    assert reverse("my_data_export").split("/", 2)[2] in body
    assert f'href="{url}"' in profile.content.decode()
