"""A row without a language invites the trainee in the country pack's default language
(settings.TRAINEE_DEFAULT_LANGUAGE), and the coordinator's pages name that language."""

import csv
import io

import pytest
from django.urls import reverse

from invitations.tasks import invitation_message
from tests.factories import UserFactory
from tests.invitations.helpers import HEADER, errors_of, rows_by_number, upload_and_get_batch


@pytest.mark.parametrize(("code", "name"), [("tg", "Tajik"), ("ru", "Russian")])
def test_a_row_without_a_language_gets_the_default_and_a_wrong_one_is_explained(
    settings, client_coordinator, frontier, east, code, name
):
    settings.TRAINEE_DEFAULT_LANGUAGE = code
    content = HEADER + "One,one@example.org,frontier,east,,\n" + "Two,two@example.org,frontier,east,,fr\n"

    batch = upload_and_get_batch(client_coordinator, content)

    assert rows_by_number(batch)[2]["language"] == code
    assert rows_by_number(batch)[2]["errors"] == []
    assert f"Unknown language “fr”; use en, ru, tg, or leave it empty for {name}." in errors_of(batch, 3)


@pytest.mark.parametrize(("code", "name"), [("tg", "Tajik"), ("ru", "Russian")])
def test_the_upload_page_and_its_template_name_the_default_language(settings, client_coordinator, code, name):
    settings.TRAINEE_DEFAULT_LANGUAGE = code

    page = client_coordinator.get(reverse("reports_invite"))
    template = client_coordinator.get(reverse("reports_invite"), {"template": "csv"})

    assert f"Empty means {name} ({code})." in page.content.decode()
    header, example = csv.reader(io.StringIO(template.content.decode("utf-8-sig")))
    assert dict(zip(header, example, strict=True))["language"] == code


def test_an_invitation_without_a_preferred_language_is_written_in_the_default(settings, db):
    settings.TRAINEE_DEFAULT_LANGUAGE = "ru"
    user = UserFactory(preferred_language="")

    message = invitation_message(user, site_url="https://frontline.example.org/", inviter="Malika Saidova")

    assert message.extra_headers["Content-Language"] == "ru"
    assert "https://frontline.example.org/ru/accounts/invitation/" in message.body
