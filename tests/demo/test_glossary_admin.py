"""Editors find the glossary in the admin; people without admin access do not."""

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse

from demo.glossary import glossary_terms
from tests.factories import UserFactory, sign_in_with_second_factor

pytestmark = pytest.mark.django_db


def test_an_editor_sees_every_term_in_three_languages(client):
    editor = UserFactory(email="editor@example.org", is_staff=True, agency=None, region=None)
    editor.groups.add(Group.objects.get(name="Editors"))
    sign_in_with_second_factor(client, editor)

    response = client.get(reverse("demo_glossary"))

    assert response.status_code == 200
    body = response.content.decode()
    assert glossary_terms()
    for term in glossary_terms():
        assert term.en in body and term.ru in body and term.tg in body
    assert reverse("demo_glossary") in client.get(reverse("wagtailadmin_home")).content.decode()


def test_a_trainee_is_not_let_in(client, trainee):
    sign_in_with_second_factor(client, trainee)
    response = client.get(reverse("demo_glossary"))
    assert response.status_code in (302, 403)
    assert "савдои одамон" not in response.content.decode()
