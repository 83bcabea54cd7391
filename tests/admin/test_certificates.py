"""Certificates in the Wagtail admin: the list, its filters and search, the record, revocation."""

from datetime import timedelta

import pytest
from django.contrib.auth.models import Group, Permission
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from wagtail.models import ModelLogEntry

from certificates.models import Certificate
from tests.admin.conftest import staff_with
from tests.assessments.builders import issue_certificate
from tests.factories import (
    AgencyFactory,
    RegionFactory,
    UserFactory,
    build_course,
    make_coordinator,
    sign_in_with_second_factor,
)

pytestmark = pytest.mark.django_db

INDEX = "certificates:index"


def text(response) -> str:
    return response.content.decode()


def revoke_url(certificate) -> str:
    return reverse("certificates:revoke", args=[certificate.pk])


def inspect_url(certificate) -> str:
    return reverse("certificates:inspect", args=[certificate.pk])


@pytest.fixture
def three_certificates(catalogue, course):
    """Valid, expired and revoked certificates of three holders in two agencies and regions."""
    north, south = AgencyFactory(name="North Agency"), AgencyFactory(name="South Agency")
    hills, plains = RegionFactory(name="Hills Region"), RegionFactory(name="Plains Region")
    valid = issue_certificate(UserFactory(full_name="Valid Holder", agency=north, region=hills), course)
    expired = issue_certificate(UserFactory(full_name="Expired Holder", agency=south, region=plains), course)
    Certificate.objects.filter(pk=expired.pk).update(
        expires_on=timezone.localdate() - timedelta(days=1), issued_at=timezone.now() - timedelta(days=800)
    )
    other_course = build_course(title="Border checks", lessons=1, catalogue=catalogue)
    revoked = issue_certificate(UserFactory(full_name="Revoked Holder", agency=north, region=plains), other_course)
    Certificate.objects.filter(pk=revoked.pk).update(status=Certificate.Status.REVOKED, revoked_at=timezone.now())
    return {"valid": valid, "expired": expired, "revoked": revoked, "north": north, "plains": plains}


def holders_listed(client, query: str = "") -> set[str]:
    body = text(client.get(reverse(INDEX) + query))
    return {name for name in ("Valid Holder", "Expired Holder", "Revoked Holder") if name in body}


# --- The list --------------------------------------------------------------------------------


def test_the_list_shows_every_certificate_with_its_status(client_admin, three_certificates):
    response = client_admin.get(reverse(INDEX))

    assert response.status_code == 200
    body = text(response)
    assert all(name in body for name in ("Valid Holder", "Expired Holder", "Revoked Holder"))
    assert three_certificates["valid"].display_code in body
    assert "Expired" in body and "Revoked" in body


@pytest.mark.parametrize(
    ("status", "expected"),
    [
        ("valid", {"Valid Holder"}),
        ("expired", {"Expired Holder"}),
        ("revoked", {"Revoked Holder"}),
        ("superseded", set()),
    ],
)
def test_the_list_filters_by_status(client_admin, three_certificates, status, expected):
    assert holders_listed(client_admin, f"?status={status}") == expected


def test_the_list_filters_by_course_agency_region_and_issue_date(client_admin, three_certificates, course):
    today = timezone.localdate()
    north, plains = three_certificates["north"], three_certificates["plains"]

    assert holders_listed(client_admin, f"?course={course.pk}") == {"Valid Holder", "Expired Holder"}
    assert holders_listed(client_admin, f"?agency={north.pk}") == {"Valid Holder", "Revoked Holder"}
    assert holders_listed(client_admin, f"?region={plains.pk}") == {"Expired Holder", "Revoked Holder"}
    since = (today - timedelta(days=30)).isoformat()
    assert holders_listed(client_admin, f"?issued_at_from={since}") == {"Valid Holder", "Revoked Holder"}


def test_the_list_searches_by_holder_and_by_code_as_printed(client_admin, three_certificates):
    valid = three_certificates["valid"]

    assert holders_listed(client_admin, "?q=expired+holder") == {"Expired Holder"}
    assert holders_listed(client_admin, f"?q={valid.display_code}") == {"Valid Holder"}
    assert holders_listed(client_admin, f"?q={valid.code.lower()}") == {"Valid Holder"}
    assert holders_listed(client_admin, "?q=nobody-by-that-name") == set()


def test_the_list_costs_the_same_queries_for_more_certificates(client_admin, three_certificates, catalogue):
    """No query per row: agency and region come with the certificates."""
    client_admin.get(reverse(INDEX))  # warm per-process caches (content types, site root)
    with CaptureQueriesContext(connection) as few:
        assert client_admin.get(reverse(INDEX)).status_code == 200
    course = build_course(title="Extra course", lessons=1, catalogue=catalogue)
    for n in range(5):
        issue_certificate(UserFactory(agency=AgencyFactory(), region=RegionFactory(), full_name=f"Extra {n}"), course)
    client_admin.get(reverse(INDEX))  # the new course moved the content version: warm again
    with CaptureQueriesContext(connection) as more:
        response = client_admin.get(reverse(INDEX))

    assert "Extra 4" in text(response)
    assert len(more) == len(few), "\n".join(
        sorted(set(q["sql"] for q in more.captured_queries) - set(q["sql"] for q in few.captured_queries))
    )


def test_the_list_has_no_add_edit_or_delete(client_admin, certificate):
    body = text(client_admin.get(reverse(INDEX)))

    assert f"/admin/certificates/edit/{certificate.pk}/" not in body
    assert "/admin/certificates/new/" not in body
    for path in ("new/", f"edit/{certificate.pk}/", f"delete/{certificate.pk}/", f"copy/{certificate.pk}/"):
        assert client_admin.get(f"/admin/certificates/{path}", follow=True).status_code == 404, path


def test_the_menu_shows_certificates_to_readers_only(client, certificate, editor):
    sign_in_with_second_factor(client, editor)
    assert reverse(INDEX) not in text(client.get(reverse("wagtailadmin_home")))

    sign_in_with_second_factor(client, staff_with("view_certificate"))
    assert reverse(INDEX) in text(client.get(reverse("wagtailadmin_home")))


# --- The record ------------------------------------------------------------------------------


def test_the_record_shows_the_certificate_and_offers_revocation(client_admin, certificate):
    response = client_admin.get(inspect_url(certificate))

    assert response.status_code == 200
    body = text(response)
    assert certificate.code in body and "Test Trainee" in body and certificate.course_title in body
    assert revoke_url(certificate) in body


def test_a_reader_without_the_revoke_permission_is_not_offered_revocation(client, certificate):
    sign_in_with_second_factor(client, staff_with("view_certificate"))

    response = client.get(inspect_url(certificate))

    assert response.status_code == 200
    assert revoke_url(certificate) not in text(response)


# --- Revocation ------------------------------------------------------------------------------


def test_revocation_writes_the_reason_and_the_audit_entry(client_admin, superuser, certificate):
    form = client_admin.get(revoke_url(certificate))
    response = client_admin.post(revoke_url(certificate), {"reason": "Attempt taken by someone else"})

    assert form.status_code == 200 and "Reason for revocation" in text(form)
    assert response.status_code == 302 and response["Location"] == inspect_url(certificate)
    certificate.refresh_from_db()
    assert certificate.status == Certificate.Status.REVOKED
    assert certificate.revocation_reason == "Attempt taken by someone else"
    assert certificate.revoked_by == superuser and certificate.revoked_at is not None
    entry = ModelLogEntry.objects.get(action="frontline.certificate.revoke")
    assert (entry.object_id, entry.user_id) == (str(certificate.pk), superuser.pk)
    assert entry.data["reason"] == "Attempt taken by someone else"
    assert f"Certificate {certificate.display_code} revoked." in text(client_admin.get(response["Location"]))


@pytest.mark.parametrize("reason", ["", "   "])
def test_revocation_without_a_reason_is_a_form_error(client_admin, certificate, reason):
    response = client_admin.post(revoke_url(certificate), {"reason": reason})

    assert response.status_code == 200
    assert "Give the reason" in text(response)
    certificate.refresh_from_db()
    assert certificate.status == Certificate.Status.VALID
    assert not ModelLogEntry.objects.filter(action="frontline.certificate.revoke").exists()


@pytest.mark.parametrize("method", ["get", "post"])
def test_revoking_a_revoked_certificate_says_so_and_changes_nothing(client_admin, certificate, method):
    client_admin.post(revoke_url(certificate), {"reason": "First time"})

    response = getattr(client_admin, method)(revoke_url(certificate), {"reason": "Second time"})

    assert response.status_code == 302
    assert "was already revoked" in text(client_admin.get(response["Location"]))
    certificate.refresh_from_db()
    assert certificate.revocation_reason == "First time"
    assert ModelLogEntry.objects.filter(action="frontline.certificate.revoke").count() == 1


def test_revoking_an_unknown_certificate_is_a_404(client_admin):
    assert client_admin.get(reverse("certificates:revoke", args=[999999]), follow=True).status_code == 404


def test_a_group_given_the_revoke_permission_may_revoke(client, certificate):
    group = Group.objects.create(name="Certificate officers")
    group.permissions.add(
        Permission.objects.get(codename="access_admin"), Permission.objects.get(codename="revoke_certificate")
    )
    officer = staff_with(email="officer@example.org")
    officer.groups.add(group)
    sign_in_with_second_factor(client, officer)

    assert reverse(INDEX) in text(client.get(reverse("wagtailadmin_home")))
    assert client.post(revoke_url(certificate), {"reason": "Fraud"}).status_code == 302
    certificate.refresh_from_db()
    assert certificate.status == Certificate.Status.REVOKED


@pytest.mark.parametrize("who", ["reader", "editor", "coordinator", "trainee"])
def test_without_the_revoke_permission_nobody_revokes(client, certificate, editor, trainee, who):
    user = {
        "reader": lambda: staff_with("view_certificate"),
        "editor": lambda: editor,
        "coordinator": lambda: make_coordinator(email="coordinator@example.org", agency=None, region=None),
        "trainee": lambda: trainee,
    }[who]()
    sign_in_with_second_factor(client, user)

    form = client.get(revoke_url(certificate))
    response = client.post(revoke_url(certificate), {"reason": "No"})

    assert form.status_code in (302, 403) and response.status_code in (302, 403)
    if response.status_code == 302:
        assert response["Location"].startswith(("/admin/", "/en/accounts/")), response["Location"]
    certificate.refresh_from_db()
    assert certificate.status == Certificate.Status.VALID
    assert not ModelLogEntry.objects.filter(action="frontline.certificate.revoke").exists()


def test_a_password_only_session_is_sent_to_the_second_factor(client, superuser, certificate):
    client.force_login(superuser)  # no second-factor step in this session

    for url in (reverse(INDEX), inspect_url(certificate), revoke_url(certificate)):
        response = client.get(url)
        assert response.status_code == 302 and response["Location"].startswith(reverse("mfa_reauthenticate")), url
    assert client.post(revoke_url(certificate), {"reason": "No"})["Location"].startswith(reverse("mfa_reauthenticate"))
    certificate.refresh_from_db()
    assert certificate.status == Certificate.Status.VALID
