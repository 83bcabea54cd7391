"""Who reaches the requirements admin, and which requirements they see and change."""

import pytest
from django.contrib.auth.models import Permission
from django.urls import reverse

from tests.factories import UserFactory, with_totp
from tests.programme.admin.conftest import form_data, requirement, signed_in

pytestmark = pytest.mark.django_db


def test_a_visitor_is_sent_to_the_login_and_a_trainee_is_refused(client, world):
    made = requirement(world)
    response = client.get(reverse("requirements:index"))
    assert response.status_code == 302
    trainee = world.trainees["a1"][0]
    client.force_login(trainee)
    for url in (
        reverse("requirements:index"),
        reverse("requirements:add"),
        reverse("requirements:edit", args=[made.pk]),
        reverse("requirements:withdraw", args=[made.pk]),
    ):
        response = client.get(url)
        assert response.status_code == 302, url
        assert reverse("wagtailadmin_login") in response["Location"]
    response = client.post(reverse("requirements:add"), form_data(world))
    assert response.status_code == 302
    assert made.__class__.objects.count() == 1


def test_an_editor_in_the_admin_without_the_permissions_sees_no_requirements(world):
    editor = with_totp(UserFactory(email="ed@example.org", is_staff=True, agency=None, region=None))
    editor.user_permissions.add(Permission.objects.get(codename="access_admin", content_type__app_label="wagtailadmin"))
    client = signed_in(editor)
    response = client.get(reverse("requirements:index"))
    assert response.status_code == 302  # Wagtail sends it to the admin's home with a message
    home = client.get(reverse("wagtailadmin_home")).content.decode()
    assert "Training programme" not in home


def test_the_national_administrator_sees_every_requirement(admin_client, world):
    requirement(world, agency=world.agency_a)
    requirement(world, agency=world.agency_b)
    response = admin_client.get(reverse("requirements:index"))
    body = response.content.decode()
    assert response.status_code == 200
    assert "Amudarya Border Agency" in body and "Bactria Customs Office" in body
    assert "Training programme" in admin_client.get(reverse("wagtailadmin_home")).content.decode()


def test_a_coordinator_sees_only_the_agencies_of_their_scope(world, coordinator_a):
    requirement(world, agency=world.agency_a)
    other = requirement(world, agency=world.agency_b)
    client = signed_in(coordinator_a)
    body = client.get(reverse("requirements:index")).content.decode()
    assert "Amudarya Border Agency" in body
    assert "Bactria Customs Office" not in body
    # Another agency's requirement does not exist for them, whatever they ask.
    for name in ("edit", "withdraw", "delete", "history"):
        # (Django's LocaleMiddleware first redirects an admin 404 to the language-prefixed address.)
        assert client.get(reverse(f"requirements:{name}", args=[other.pk]), follow=True).status_code == 404, name
    response = client.post(reverse("requirements:withdraw", args=[other.pk]), follow=True)
    assert response.status_code == 404
    other.refresh_from_db()
    assert other.is_active


def test_a_regional_coordinator_sees_the_agency_wide_requirement_but_cannot_change_it(world, coordinator_a1):
    agency_wide = requirement(world, agency=world.agency_a)
    regional = requirement(world, agency=world.agency_a, regions=[world.r1], course=world.other_course)
    client = signed_in(coordinator_a1)
    body = client.get(reverse("requirements:index")).content.decode()
    assert "Identifying victims" in body and "Interviewing survivors" in body
    assert reverse("requirements:edit", args=[agency_wide.pk]) not in body
    assert reverse("requirements:edit", args=[regional.pk]) in body
    # Refused: Wagtail sends them to the admin's home page with its "no permission" message.
    for response in (
        client.get(reverse("requirements:edit", args=[agency_wide.pk])),
        client.post(reverse("requirements:edit", args=[agency_wide.pk]), {"due_days": "5"}),
        client.post(reverse("requirements:withdraw", args=[agency_wide.pk])),
    ):
        assert (response.status_code, response["Location"]) == (302, reverse("wagtailadmin_home"))
    agency_wide.refresh_from_db()
    assert agency_wide.is_active and agency_wide.due_days == 90
    assert client.get(reverse("requirements:edit", args=[regional.pk])).status_code == 200
