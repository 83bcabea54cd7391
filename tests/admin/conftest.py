"""Fixtures for the Wagtail admin: staff signed in with a second factor, certificates to list."""

import pytest
from django.contrib.auth.models import Group, Permission

from tests.assessments.builders import issue_certificate
from tests.factories import UserFactory, build_course, sign_in_with_second_factor, with_totp


@pytest.fixture(autouse=True)
def _media_in_tmp(settings, tmp_path):
    """Stored PDFs go to a throw-away directory."""
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture
def superuser(db):
    return with_totp(
        UserFactory(
            email="root@example.org", full_name="Root", is_staff=True, is_superuser=True, agency=None, region=None
        )
    )


@pytest.fixture
def client_admin(client, superuser):
    sign_in_with_second_factor(client, superuser)
    return client


def staff_with(*codenames: str, email: str = "staff@example.org"):
    """A staff member who may enter the Wagtail admin and holds the given permissions."""
    staff = with_totp(UserFactory(email=email, full_name="Staff Member", is_staff=True, agency=None, region=None))
    staff.user_permissions.add(
        Permission.objects.get(codename="access_admin", content_type__app_label="wagtailadmin"),
        *Permission.objects.filter(codename__in=codenames),
    )
    return staff


@pytest.fixture
def editor(db):
    editor = with_totp(UserFactory(email="editor@example.org", is_staff=True, agency=None, region=None))
    editor.groups.add(Group.objects.get(name="Editors"))
    return editor


@pytest.fixture
def course(catalogue):
    return build_course(title="Identifying victims", lessons=1, catalogue=catalogue)


@pytest.fixture
def certificate(trainee, course):
    return issue_certificate(trainee, course)
