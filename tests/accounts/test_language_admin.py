"""The admin's account page: the language changes without first and last names, in English,
Russian or Tajik, and it is the same preference as the site's."""

from html.parser import HTMLParser

import pytest
from django.contrib.auth.models import Group
from django.utils import translation
from django.utils.translation import gettext
from wagtail.users.models import UserProfile

from tests.factories import UserFactory, sign_in_with_second_factor, with_totp

ACCOUNT = "/admin/account/"


class FormFields(HTMLParser):
    """The fields a browser would send back from a page's forms, as they are filled in."""

    def __init__(self):
        super().__init__()
        self.data = {}
        self.names = []
        self._select = None

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        name = attributes.get("name")
        if tag == "input" and name:
            self.names.append(name)
            kind = attributes.get("type", "text")
            if kind in {"checkbox", "radio"}:
                if "checked" in attributes:
                    self.data[name] = attributes.get("value", "on")
            elif kind not in {"submit", "button", "file"}:
                self.data[name] = attributes.get("value") or ""
        elif tag == "select" and name:
            self.names.append(name)
            self._select = name
            self.data.setdefault(name, "")
        elif tag == "option" and self._select and "selected" in attributes:
            self.data[self._select] = attributes.get("value", "")

    def handle_endtag(self, tag):
        if tag == "select":
            self._select = None


def account_form(client) -> FormFields:
    response = client.get(ACCOUNT)
    assert response.status_code == 200
    fields = FormFields()
    fields.feed(response.content.decode())
    return fields


@pytest.fixture(autouse=True)
def _no_language_leak():
    with translation.override("en"):
        yield


@pytest.fixture
def editor(db):
    # No first or last name: the site only ever asks for a full name.
    editor = with_totp(
        UserFactory(email="editor@example.org", full_name="Фаррух Назаров", is_staff=True, agency=None, region=None)
    )
    editor.groups.add(Group.objects.get(name="Editors"))
    assert not editor.first_name and not editor.last_name
    return editor


@pytest.fixture
def client_editor(client, editor):
    sign_in_with_second_factor(client, editor)
    return client


def test_the_account_page_asks_for_the_full_name_and_offers_every_site_language(client_editor):
    page = client_editor.get(ACCOUNT).content.decode()
    fields = account_form(client_editor)

    assert "name_email-full_name" in fields.names
    assert "name_email-first_name" not in fields.names
    assert "name_email-last_name" not in fields.names
    # The sign-in address is changed, and confirmed, on the site's e-mail page only.
    assert "name_email-email" not in fields.names
    assert fields.data["locale-preferred_language"] == "en"
    for value, name in (("en", "English"), ("ru", "Русский"), ("tg", "Тоҷикӣ")):
        assert f'<option value="{value}"' in page
        assert name in page


@pytest.mark.parametrize(("language", "word"), [("ru", "Панель управления"), ("tg", "Панель управления")])
def test_changing_the_admin_language_works_without_first_and_last_names(client_editor, editor, language, word):
    data = account_form(client_editor).data
    data["locale-preferred_language"] = language

    response = client_editor.post(ACCOUNT, data)

    assert response.status_code == 302, response.content.decode()[:2000]
    editor.refresh_from_db()
    assert editor.preferred_language == language
    assert UserProfile.objects.get(user=editor).preferred_language == language
    home = client_editor.get("/admin/").content.decode()
    assert f'lang="{language}"' in home
    # Tajik: Wagtail's own strings in Russian rather than English (accounts.translation_fallback).
    assert word in home
    assert ">Dashboard<" not in home


def test_the_tajik_admin_has_the_projects_strings_in_tajik(client, db):
    editor = UserFactory(preferred_language="tg", is_staff=True, agency=None, region=None)
    editor.groups.add(Group.objects.get(name="Editors"))
    client.force_login(editor)

    home = client.get("/admin/").content.decode()

    # The project's own panel offering a second factor (accounts.wagtail_hooks), in Tajik.
    with translation.override("tg"):
        offer = gettext("Set up two-factor authentication")
    assert offer != "Set up two-factor authentication"
    assert offer in home
    assert "Set up two-factor authentication" not in home


def test_the_name_is_saved_as_the_full_name(client_editor, editor):
    data = account_form(client_editor).data
    data["name_email-full_name"] = "  Зарина   Каримова "

    assert client_editor.post(ACCOUNT, data).status_code == 302

    editor.refresh_from_db()
    assert editor.full_name == "Зарина Каримова"


def test_an_empty_name_is_refused_and_nothing_is_saved(client_editor, editor):
    data = account_form(client_editor).data
    data["name_email-full_name"] = "\u200b "
    data["locale-preferred_language"] = "ru"

    response = client_editor.post(ACCOUNT, data)

    assert response.status_code == 200
    assert "spaces and invisible characters alone are not a name" in response.content.decode()
    editor.refresh_from_db()
    assert editor.full_name == "Фаррух Назаров"
    assert editor.preferred_language == "en"


def test_an_unknown_language_is_refused(client_editor, editor):
    data = account_form(client_editor).data
    data["locale-preferred_language"] = "de"

    response = client_editor.post(ACCOUNT, data)

    assert response.status_code == 200
    editor.refresh_from_db()
    assert editor.preferred_language == "en"


def test_the_e_mail_address_is_not_changed_from_the_admin(client_editor, editor):
    data = account_form(client_editor).data
    data["name_email-email"] = "someone-else@example.org"

    client_editor.post(ACCOUNT, data)

    editor.refresh_from_db()
    assert editor.email == "editor@example.org"


def test_the_site_profile_and_the_admin_share_one_language(client_editor, editor):
    UserProfile.get_for_user(editor)

    # Chosen on the site's profile page, the language is the admin's too.
    editor.preferred_language = "tg"
    editor.save()

    assert UserProfile.objects.get(user=editor).preferred_language == "tg"
    assert 'lang="tg"' in client_editor.get("/admin/").content.decode()


def test_a_new_admin_profile_starts_in_the_users_language(db):
    user = UserFactory(preferred_language="ru")

    assert UserProfile.get_for_user(user).preferred_language == "ru"


def test_the_account_page_needs_admin_access(client, trainee):
    client.force_login(trainee)

    response = client.get(ACCOUNT)

    assert response.status_code in {302, 403}
    assert UserProfile.objects.filter(user=trainee).count() == 0
