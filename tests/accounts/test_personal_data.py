"""Personal data: the trainee's export, erasure (by themselves or by staff), and the audit trail
of exports, erasures, coordinator scope and role changes."""

import html
import json
import time
from datetime import timedelta

import pytest
from allauth.account.models import EmailAddress
from allauth.mfa.models import Authenticator
from allauth.mfa.totp.internal.auth import format_hotp_value, hotp_value
from allauth.usersessions.models import UserSession
from django.contrib.auth.models import Group, Permission
from django.contrib.sessions.models import Session
from django.core.files.base import ContentFile
from django.test import Client
from django.urls import reverse
from django.utils import timezone, translation
from wagtail.models import ModelLogEntry

from accounts import services
from accounts.models import CoordinatorScope, User
from accounts.scope import Scope
from assessments.models import Attempt
from certificates import codes
from certificates.models import Certificate
from certificates.selectors import certificate_for_download
from courses.models import Enrolment, LessonCompletion
from invitations.models import InvitationBatch
from invitations.services import invitation_batch_create
from reports.models import Headcount
from reports.selectors import Filters, completion_matrix
from tests.factories import (
    DEFAULT_PASSWORD,
    AgencyFactory,
    UserFactory,
    build_course,
    lessons_of,
    make_coordinator,
    sign_in_with_second_factor,
    with_totp,
)

pytestmark = pytest.mark.django_db

TRAINEE_SECRET = "JBSWY3DPEHPK3PXP"
OTHER_NAME = "Otherworldly Person"
OTHER_EMAIL = "other.person@example.org"


@pytest.fixture(autouse=True)
def _english_and_tmp_media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    with translation.override("en"):
        yield


def _attempt(user, course, *, question: str, answer: str) -> Attempt:
    return Attempt.objects.create(
        user=user,
        course=course,
        language="en",
        questions=[{"id": "q1", "type": "single_choice", "text": question, "choices": []}],
        answers={"q1": [answer]},
        results=[{"id": "q1", "points": 1}],
        pass_mark=80,
        status=Attempt.Status.SUBMITTED,
        submitted_at=timezone.now(),
        score=100,
        passed=True,
        points=1,
        max_points=1,
    )


def _certify(user, attempt, course, *, with_pdf=False) -> Certificate:
    certificate = Certificate.objects.create(
        code=codes.generate(),
        user=user,
        course=course,
        attempt=attempt,
        holder_name=user.full_name,
        agency=user.agency,
        agency_name=user.agency.name,
        region=user.region,
        course_title=course.title,
        expires_on=timezone.localdate() + timedelta(days=365),
    )
    if with_pdf:
        certificate.pdf.save(f"{certificate.code}.pdf", ContentFile(b"%PDF-1.7 " + user.full_name.encode()), save=True)
    return certificate


def _learner(user, course, *, question: str, answer: str, with_pdf=False) -> Certificate:
    Enrolment.objects.create(user=user, course=course, completed_at=timezone.now())
    for lesson in lessons_of(course):
        LessonCompletion.objects.create(user=user, lesson=lesson, course=course)
    return _certify(user, _attempt(user, course, question=question, answer=answer), course, with_pdf=with_pdf)


@pytest.fixture
def world(catalogue, trainee, agency, region):
    """The trainee and another trainee in the same cell, both certified for a course their
    agency requires; a coordinator for that cell; a third trainee who has only started."""
    course = build_course(title="Identifying victims", lessons=2, catalogue=catalogue, audiences=[agency])
    certificate = _learner(trainee, course, question="Which sign of trafficking?", answer="q1-b", with_pdf=True)
    with_totp(trainee, TRAINEE_SECRET)
    EmailAddress.objects.create(user=trainee, email="second.address@example.org", verified=False, primary=False)
    other = UserFactory(email=OTHER_EMAIL, full_name=OTHER_NAME, agency=agency, region=region)
    other_certificate = _learner(other, course, question="Another person's question?", answer="q1-c")
    with_totp(other, "OTHERSECRETOTHER")
    starter = UserFactory(email="starter@example.org", agency=agency, region=region)
    Enrolment.objects.create(user=starter, course=course)
    coordinator = make_coordinator(
        email="coordinator@example.org",
        full_name="Coordinator",
        agency=None,
        region=None,
        scopes=[(agency, region)],
        totp=False,
    )
    Headcount.objects.create(agency=agency, region=region, staff=10)
    return {
        "course": course,
        "certificate": certificate,
        "other": other,
        "other_certificate": other_certificate,
        "coordinator": coordinator,
    }


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


def _text(response) -> str:
    return html.unescape(response.content.decode())


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
    body = _text(response)
    assert heading in body and button in body
    assert reverse("my_data_export").split("/", 2)[2] in body
    assert f'href="{url}"' in profile.content.decode()


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
    body = _text(response)
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
    assert "Too many wrong passwords" in _text(response)
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
    assert "Your personal data has been erased" in _text(page)
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
    assert "Test Trainee" in _text(client.get(url))

    services.user_erase(user=trainee, by=trainee)

    body = _text(client.get(url))
    assert "Holder's personal data erased" in body
    assert "Test Trainee" not in body
    assert "Identifying victims" in body and "This certificate is valid." in body
    with translation.override("ru"):
        ru_url = reverse("certificate_verify", args=[certificate.display_code])
    assert "Персональные данные владельца удалены" in _text(client.get(ru_url))
    other = _text(client.get(reverse("certificate_verify", args=[world["other_certificate"].display_code])))
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


# --- Audit trail of roles and scopes -----------------------------------------------------------


def test_scope_changes_are_audited(world, agency, region):
    coordinator = world["coordinator"]
    # The scope changes below end at the cell the coordinator holds already, and a scope is held once.
    CoordinatorScope.objects.filter(user=coordinator).delete()
    ModelLogEntry.objects.filter(action=services.SCOPE_CHANGE_ACTION).delete()

    scope = CoordinatorScope.objects.create(user=coordinator, agency=None, region=region)
    scope.agency = agency
    scope.save()
    scope.save()  # unchanged: no entry
    scope.delete()

    entries = list(ModelLogEntry.objects.filter(action=services.SCOPE_CHANGE_ACTION).order_by("pk"))
    assert [e.data["change"] for e in entries] == ["created", "changed", "deleted"]
    assert all(e.object_id == str(coordinator.pk) and e.data["user"] == coordinator.pk for e in entries)
    assert entries[0].data["new"] == {"agency": "*", "region": region.code}
    assert entries[1].data["old"] == {"agency": "*", "region": region.code}
    assert entries[1].data["new"] == {"agency": agency.code, "region": region.code}
    assert entries[2].data["old"] == {"agency": agency.code, "region": region.code} and entries[2].data["new"] is None


def test_role_changes_are_audited(trainee):
    group = Group.objects.create(name="Role test group")

    trainee.groups.add(group)
    trainee.is_staff = True
    trainee.save()
    trainee.save()  # unchanged: no entry
    trainee.groups.remove(group)
    group.user_set.add(trainee)
    trainee.groups.clear()
    trainee.is_staff = False
    trainee.save(update_fields=["is_staff"])

    entries = list(ModelLogEntry.objects.filter(action=services.ROLE_CHANGE_ACTION).order_by("pk"))
    joined = {"groups": {"old": [], "new": ["Role test group"]}, "groups_added": ["Role test group"]}
    left = {"groups": {"old": ["Role test group"], "new": []}, "groups_removed": ["Role test group"]}
    assert [e.data["changes"] for e in entries] == [
        joined,
        {"is_staff": {"old": False, "new": True}},
        left,
        joined,
        left,
        {"is_staff": {"old": True, "new": False}},
    ]
    assert all(e.object_id == str(trainee.pk) for e in entries)


@pytest.fixture
def superuser(db):
    return with_totp(
        UserFactory(
            is_staff=True, is_superuser=True, email="root@example.org", full_name="Root", agency=None, region=None
        )
    )


def test_changes_in_the_admin_are_audited_with_the_acting_user(client, superuser, trainee, agency, region):
    group = Group.objects.create(name="Audit test group")
    sign_in_with_second_factor(client, superuser)
    url = reverse("wagtailusers_users:edit", args=[trainee.pk])
    assert client.get(url).status_code == 200
    data = {
        "email": trainee.email,
        "full_name": trainee.full_name,
        "agency": agency.pk,
        "region": region.pk,
        "position": trainee.position,
        "preferred_language": "en",
        "is_active": "on",
        "is_staff": "on",
        "groups": [group.pk],
        "coordinator_scopes-TOTAL_FORMS": "1",
        "coordinator_scopes-INITIAL_FORMS": "0",
        "coordinator_scopes-MIN_NUM_FORMS": "0",
        "coordinator_scopes-MAX_NUM_FORMS": "1000",
        "coordinator_scopes-0-agency": agency.pk,
        "coordinator_scopes-0-region": "",
    }

    response = client.post(url, data)

    assert response.status_code == 302, response.context["form"].errors if response.context else response
    entries = ModelLogEntry.objects.filter(
        object_id=str(trainee.pk), action__in=[services.ROLE_CHANGE_ACTION, services.SCOPE_CHANGE_ACTION]
    )
    assert {e.action for e in entries} == {services.ROLE_CHANGE_ACTION, services.SCOPE_CHANGE_ACTION}
    assert all(e.user_id == superuser.pk for e in entries)
    changes = [e.data["changes"] for e in entries if e.action == services.ROLE_CHANGE_ACTION]
    assert {"is_staff": {"old": False, "new": True}} in changes
    assert {"groups": {"old": [], "new": ["Audit test group"]}, "groups_added": ["Audit test group"]} in changes


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
    body = _text(confirmation)
    assert "Erase personal data" in body and "Test Trainee" in body and "This cannot be undone." in body
    assert "use the “Your data” page" in _text(client.get(own["Location"]))  # one's own account is left out
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
    assert "The personal data of 1 user was erased." in _text(client.get(response["Location"]))


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
