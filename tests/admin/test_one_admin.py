"""One admin: reference data as Wagtail snippets, required courses on the course page, and no
Django admin (architecture review §2.8)."""

import importlib.util

import pytest
from django.contrib import admin
from django.urls import NoReverseMatch, reverse

from accounts.models import Region
from courses.models import CoursePage
from tests.factories import AgencyFactory, RegionFactory, build_course

pytestmark = pytest.mark.django_db


def text(response) -> str:
    return response.content.decode()


@pytest.mark.parametrize("path", ["/django-admin/", "/django-admin/accounts/user/", "/django-admin/login/"])
def test_the_django_admin_is_gone(client_admin, path):
    assert client_admin.get(path, follow=True).status_code == 404


def test_no_django_admin_url_names_are_left():
    for name in ("admin:index", "admin:accounts_user_changelist", "admin:certificates_certificate_changelist"):
        with pytest.raises(NoReverseMatch):
            reverse(name)


def test_no_module_registers_models_in_the_django_admin():
    ours = {"accounts", "certificates", "courses", "cms", "reports", "assessments", "invitations", "demo"}
    assert not [model for model in admin.site._registry if model._meta.app_label in ours]


def test_agencies_are_listed_and_edited_as_snippets(client_admin):
    agency = AgencyFactory(code="north", name="North Agency")
    listing = client_admin.get(reverse("wagtailsnippets_accounts_agency:list"))
    edit = reverse("wagtailsnippets_accounts_agency:edit", args=[agency.pk])

    response = client_admin.post(
        edit, {"code": "north", "name": "Northern Agency", "name_ru": "", "name_tg": "", "sort_order": 3}
    )

    assert listing.status_code == 200 and "North Agency" in text(listing)
    assert response.status_code == 302, response.context["form"].errors if response.context else response
    agency.refresh_from_db()
    assert (agency.name, agency.sort_order, agency.is_active) == ("Northern Agency", 3, False)


def test_regions_are_listed_and_edited_as_snippets(client_admin):
    region = RegionFactory(code="hills", name="Hills Region")
    listing = client_admin.get(reverse("wagtailsnippets_accounts_region:list"))
    edit = reverse("wagtailsnippets_accounts_region:edit", args=[region.pk])

    response = client_admin.post(
        edit,
        {"code": "hills", "name": "Hill Country", "name_ru": "", "name_tg": "", "sort_order": 1, "kind": "abroad"},
    )

    assert listing.status_code == 200 and "Hills Region" in text(listing)
    assert response.status_code == 302, response.context["form"].errors if response.context else response
    region.refresh_from_db()
    assert (region.name, region.kind) == ("Hill Country", Region.Kind.ABROAD)


def test_the_agency_snippet_has_no_required_courses_inline(client_admin):
    agency = AgencyFactory()

    response = client_admin.get(reverse("wagtailsnippets_accounts_agency:edit", args=[agency.pk]))

    assert response.status_code == 200
    body = text(response)
    assert "coursepage_audiences" not in body and "required course" not in body.lower()
    assert importlib.util.find_spec("accounts.admin") is None  # where RequiredCourseInline was


def test_the_course_page_has_no_audience_field_any_more(client_admin, catalogue):
    """Which agencies must take a course is a requirement now (the programme's admin), not a
    field of the course page (data migration programme 0002)."""
    course = build_course(title="Required course", lessons=1, catalogue=catalogue)
    AgencyFactory(name="Agency That Requires It")

    form_class = CoursePage.get_edit_handler().get_form_class()
    response = client_admin.get(reverse("wagtailadmin_pages:edit", args=[course.pk]))

    assert "audiences" not in form_class.base_fields
    assert response.status_code == 200
    body = text(response)
    assert 'name="audiences"' not in body and "Agency That Requires It" not in body
