"""Personal data: erasure by the trainee themselves (refused, then done) and by staff in the
Django admin; what it removes everywhere and what the reports keep."""

import json
import time

import pytest
from allauth.account.models import EmailAddress
from allauth.mfa.models import Authenticator
from allauth.mfa.totp.internal.auth import format_hotp_value, hotp_value
from allauth.usersessions.models import UserSession
from django.contrib.auth.models import Permission
from django.contrib.sessions.models import Session
from django.test import Client
from django.urls import reverse
from django.utils import translation
from wagtail.models import ModelLogEntry

from accounts import services
from accounts.models import User
from accounts.scope import Scope
from assessments.models import Attempt
from certificates.models import Certificate
from certificates.selectors import certificate_for_download
from courses.models import Enrolment, LessonCompletion
from invitations.models import InvitationBatch
from invitations.services import invitation_batch_create
from reports.selectors import Filters, completion_matrix
from tests.accounts.personal_data.conftest import OTHER_EMAIL, OTHER_NAME, TRAINEE_SECRET, page_text
from tests.factories import (
    DEFAULT_PASSWORD,
    AgencyFactory,
    UserFactory,
    sign_in_with_second_factor,
    with_totp,
)

pytestmark = pytest.mark.django_db


def _matrix_figures(coordinator, course) -> dict:
    figures = {}
    for label, filters in (("course", Filters(course=course)), ("required", Filters(course=None))):
        matrix = completion_matrix(scope=Scope.for_user(coordinator), filters=filters)
        for key, cell in matrix.cells.items():
            if cell is not None:
                figures[(label, key)] = (
                    cell.headcount,
                    cell.registered,
                    cell.enrolled,
                    cell.completed,
                    cell.certified,
                    cell.overdue,
                )
        total = matrix.total
        figures[(label, "total")] = (total.registered, total.enrolled, total.completed, total.certified)
    return figures


# --- Erasure refused --------------------------------------------------------------------------


def _snapshot(user, certificate):
    user.refresh_from_db()
    certificate.refresh_from_db()
    return (
        user.full_name,
        user.email,
        user.erased_at,
        user.has_usable_password(),
        EmailAddress.objects.filter(user=user).count(),
        Authenticator.objects.filter(user=user).count(),
        certificate.holder_name,
        bool(certificate.pdf),
    )


@pytest.mark.parametrize(
    ("language", "post", "messages"),
    [
        (
            "en",
            {"password": "wrong password", "confirm": "on"},
            ["That is not your current password.", "Your personal data was not erased."],
        ),
        ("en", {"password": DEFAULT_PASSWORD}, ["Tick the box to confirm that you want your personal data erased."]),
        ("en", {"confirm": "on"}, ["Enter your current password."]),
        ("ru", {"password": "wrong password", "confirm": "on"}, ["Это не ваш текущий пароль."]),
        ("tg", {"password": DEFAULT_PASSWORD}, ["Барои тасдиқ"]),
    ],
    ids=["wrong-password", "no-confirmation", "no-password", "wrong-password-ru", "no-confirmation-tg"],
)
def test_erasure_without_password_or_confirmation_is_refused_and_changes_nothing(
    client_trainee, trainee, world, language, post, messages
):
    before = _snapshot(trainee, world["certificate"])
    with translation.override(language):
        url = reverse("my_data_erase")

    response = client_trainee.post(url, post)

    assert response.status_code == 200
    body = page_text(response)
    for message in messages:
        assert message in body
    assert _snapshot(trainee, world["certificate"]) == before
    assert client_trainee.get(reverse("my_data")).status_code == 200  # still signed in
    assert not ModelLogEntry.objects.filter(action=services.ERASE_ACTION).exists()


def test_wrong_passwords_are_throttled(client_trainee, trainee, world):
    url = reverse("my_data_erase")
    for _ in range(5):
        client_trainee.post(url, {"password": "wrong", "confirm": "on"})

    response = client_trainee.post(url, {"password": DEFAULT_PASSWORD, "confirm": "on"})

    assert response.status_code == 429
    assert "Too many wrong passwords" in page_text(response)
    trainee.refresh_from_db()
    assert trainee.erased_at is None


# --- Erasure ----------------------------------------------------------------------------------


def test_erasure_removes_name_and_email_everywhere_and_keeps_the_reports(
    client_trainee, trainee, world, django_capture_on_commit_callbacks
):
    old_email, certificate = trainee.email, world["certificate"]
    pdf_path = certificate.pdf.path
    invitation_batch_create(
        created_by=world["coordinator"],
        filename="invite.csv",
        rows=[
            {"full_name": "Test Trainee", "email": old_email, "position": "Inspector"},
            {"full_name": OTHER_NAME, "email": OTHER_EMAIL, "position": ""},
        ],
    )
    services.personal_data_export_record(user=trainee)  # a log entry labelled with the name
    before = _matrix_figures(world["coordinator"], world["course"])
    other_before = _snapshot(world["other"], world["other_certificate"])
    counts_before = [
        model.objects.filter(user=trainee).count() for model in (Enrolment, LessonCompletion, Attempt, Certificate)
    ]

    with django_capture_on_commit_callbacks(execute=True):
        response = client_trainee.post(reverse("my_data_erase"), {"password": DEFAULT_PASSWORD, "confirm": "on"})

    assert response.status_code == 302
    assert response["Location"] == reverse("my_data_erased")
    page = client_trainee.get(response["Location"])
    assert page.status_code == 200
    assert "Your personal data has been erased" in page_text(page)
    assert client_trainee.get(reverse("my_data")).status_code == 302  # signed out
    assert client_trainee.get(reverse("my_data_erased")).status_code == 302  # shown once

    trainee.refresh_from_db()
    assert trainee.full_name == "" and trainee.first_name == "" and trainee.last_name == "" and trainee.position == ""
    assert trainee.email == f"erased-{trainee.pk}@erased.invalid"
    assert not trainee.has_usable_password()
    assert trainee.erased_at is not None
    assert trainee.is_active and trainee.agency_id and trainee.region_id  # still counted
    assert not EmailAddress.objects.filter(user=trainee).exists()
    assert not EmailAddress.objects.filter(email__iexact=old_email).exists()
    assert not User.objects.filter(email__iexact=old_email).exists()
    assert not Authenticator.objects.filter(user=trainee).exists()
    certificate.refresh_from_db()
    assert certificate.holder_name == "" and not certificate.pdf
    assert certificate.status == Certificate.Status.VALID
    assert certificate.course_title == "Identifying victims" and certificate.agency_id == trainee.agency_id
    assert not (pdf_path and __import__("os").path.exists(pdf_path))
    assert counts_before == [
        model.objects.filter(user=trainee).count() for model in (Enrolment, LessonCompletion, Attempt, Certificate)
    ]

    rows = InvitationBatch.objects.get().rows
    assert rows[0]["email"] == "" and rows[0]["full_name"] == ""
    assert rows[1]["email"] == OTHER_EMAIL  # other people's rows untouched
    for entry in ModelLogEntry.objects.all():
        assert "Test Trainee" not in entry.label and old_email not in entry.label
    erase = ModelLogEntry.objects.get(action=services.ERASE_ACTION)
    assert (erase.object_id, erase.user_id) == (str(trainee.pk), trainee.pk)

    assert _matrix_figures(world["coordinator"], world["course"]) == before
    assert _snapshot(world["other"], world["other_certificate"]) == other_before
    export = json.dumps(services.personal_data_export(user=trainee))
    assert "Test Trainee" not in export and old_email not in export


def test_erasure_ends_the_users_other_sessions(client_trainee, trainee, world):
    other_device = Client()
    # Signed in through allauth's pages, which record the session (allauth.usersessions).
    response = other_device.post(reverse("account_login"), {"login": trainee.email, "password": DEFAULT_PASSWORD})
    assert response["Location"].startswith(reverse("mfa_authenticate"))
    code = format_hotp_value(hotp_value(TRAINEE_SECRET, int(time.time()) // 30))
    other_device.post(reverse("mfa_authenticate"), {"code": code})
    assert other_device.get(reverse("my_data")).status_code == 200

    services.user_erase(user=trainee, by=trainee)

    other_key = other_device.session.session_key
    assert other_device.get(reverse("my_data")).status_code == 302
    # The session allauth recorded is deleted; one it never saw (force_login) no longer signs in.
    assert not Session.objects.filter(session_key=other_key).exists()
    assert not UserSession.objects.filter(user=trainee).exists()
    assert client_trainee.get(reverse("my_data")).status_code == 302


def test_erased_user_cannot_log_in(client, trainee, world):
    old_email = trainee.email
    services.user_erase(user=trainee, by=trainee)
    trainee.refresh_from_db()

    for login in (old_email, trainee.email):
        response = client.post(reverse("account_login"), {"login": login, "password": DEFAULT_PASSWORD})
        assert "_auth_user_id" not in client.session
        assert response.status_code == 200  # the form again, with an error
    assert client.get(reverse("my_certificates")).status_code == 302


def test_verification_page_says_the_holders_data_was_erased(client, trainee, world):
    certificate = world["certificate"]
    url = reverse("certificate_verify", args=[certificate.display_code])
    assert "Test Trainee" in page_text(client.get(url))

    services.user_erase(user=trainee, by=trainee)

    body = page_text(client.get(url))
    assert "Holder's personal data erased" in body
    assert "Test Trainee" not in body
    assert "Identifying victims" in body and "This certificate is valid." in body
    with translation.override("ru"):
        ru_url = reverse("certificate_verify", args=[certificate.display_code])
    assert "Персональные данные владельца удалены" in page_text(client.get(ru_url))
    other = page_text(client.get(reverse("certificate_verify", args=[world["other_certificate"].display_code])))
    assert OTHER_NAME in other


def test_erased_holders_pdf_is_no_longer_downloadable(trainee, world):
    coordinator = world["coordinator"]
    assert (
        certificate_for_download(user=coordinator, certificate_id=world["certificate"].pk, second_factor_passed=True)
        is not None
    )

    services.user_erase(user=trainee, by=trainee)

    assert (
        certificate_for_download(user=trainee, certificate_id=world["certificate"].pk, second_factor_passed=True)
        is None
    )
    assert (
        certificate_for_download(user=coordinator, certificate_id=world["certificate"].pk, second_factor_passed=True)
        is None
    )


def test_erasing_twice_changes_nothing_more(trainee, world):
    first = services.user_erase(user=trainee, by=trainee)
    second = services.user_erase(user=trainee, by=trainee)
    assert first.erased_at == second.erased_at
    assert ModelLogEntry.objects.filter(action=services.ERASE_ACTION).count() == 1


# --- Erasure by staff in the admin -------------------------------------------------------------


def _erase_url(user) -> str:
    return reverse("wagtailusers_users:erase", args=[user.pk])


def _action(client, user_ids, **extra):
    """Each user's erasure page: its confirmation (GET), or the erasure itself (``post="yes"``)."""
    responses = []
    for pk in user_ids:
        url = reverse("wagtailusers_users:erase", args=[pk])
        responses.append(client.post(url) if extra.get("post") == "yes" else client.get(url))
    return responses[-1]


def _admin_staff(*codenames: str):
    """Staff who may enter the Wagtail admin (its access_admin permission) and hold ``codenames``."""
    staff = with_totp(UserFactory(is_staff=True, email="staff@example.org", agency=None, region=None))
    staff.user_permissions.add(Permission.objects.get(codename="access_admin", content_type__app_label="wagtailadmin"))
    staff.user_permissions.add(*Permission.objects.filter(codename__in=codenames, content_type__app_label="accounts"))
    return staff


def test_admin_action_asks_for_confirmation_then_erases(client, superuser, trainee, world):
    sign_in_with_second_factor(client, superuser)

    confirmation = _action(client, [trainee.pk])
    own = client.get(_erase_url(superuser))

    assert confirmation.status_code == 200
    body = page_text(confirmation)
    assert "Erase personal data" in body and "Test Trainee" in body and "This cannot be undone." in body
    assert "use the “Your data” page" in page_text(client.get(own["Location"]))  # one's own account is left out
    trainee.refresh_from_db()
    assert trainee.erased_at is None

    response = _action(client, [trainee.pk], post="yes")

    assert response.status_code == 302
    trainee.refresh_from_db()
    assert trainee.erased_at is not None and trainee.full_name == ""
    world["certificate"].refresh_from_db()
    assert world["certificate"].holder_name == ""
    entry = ModelLogEntry.objects.get(action=services.ERASE_ACTION)
    assert (entry.object_id, entry.user_id) == (str(trainee.pk), superuser.pk)
    assert "The personal data of 1 user was erased." in page_text(client.get(response["Location"]))


def test_staff_with_change_permission_may_erase_others_may_not(client, trainee, world):
    staff = _admin_staff("view_user")
    sign_in_with_second_factor(client, staff)

    _action(client, [trainee.pk], post="yes")
    trainee.refresh_from_db()
    assert trainee.erased_at is None

    staff.user_permissions.add(Permission.objects.get(codename="change_user", content_type__app_label="accounts"))
    staff = User.objects.get(pk=staff.pk)  # drop the permission cache
    sign_in_with_second_factor(client, staff)
    assert _action(client, [trainee.pk]).status_code == 200
    _action(client, [trainee.pk], post="yes")
    trainee.refresh_from_db()
    assert trainee.erased_at is not None


def test_staff_cannot_erase_a_superuser_or_themselves(client, superuser, trainee):
    staff = _admin_staff("view_user", "change_user")
    sign_in_with_second_factor(client, staff)

    _action(client, [superuser.pk, staff.pk], post="yes")

    superuser.refresh_from_db()
    staff.refresh_from_db()
    assert superuser.erased_at is None and staff.erased_at is None


def test_another_agency_is_untouched(trainee, world):
    stranger = UserFactory(agency=AgencyFactory(), email="stranger@example.org", full_name="Stranger")
    services.user_erase(user=trainee, by=trainee)
    stranger.refresh_from_db()
    assert (stranger.full_name, stranger.email, stranger.erased_at) == ("Stranger", "stranger@example.org", None)
