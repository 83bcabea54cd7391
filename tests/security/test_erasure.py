"""Finding #15: after "erase my data" the person's address stayed in another account's
unverified address row, and their name and address stayed in a staff-typed revocation
reason and in the audit log."""

import json

import pytest
from allauth.account.models import EmailAddress
from allauth.usersessions.models import UserSession
from django.contrib.admin.models import CHANGE, LogEntry
from django.contrib.contenttypes.models import ContentType
from django.test import Client
from django.urls import reverse
from wagtail.log_actions import log
from wagtail.models import ModelLogEntry

from accounts import services
from accounts.models import User
from certificates.models import Certificate
from certificates.services import certificate_revoke
from tests.assessments.builders import issue_certificate
from tests.factories import DEFAULT_PASSWORD, UserFactory, build_course

pytestmark = pytest.mark.django_db

NAME = "Charlie Nazarov"
EMAIL = "traineec@example.org"


@pytest.fixture
def charlie(db, agency, region):
    return UserFactory(
        email=EMAIL, full_name=NAME, first_name="Charlie", last_name="Nazarov", agency=agency, region=region
    )


@pytest.fixture
def revoked(charlie, catalogue):
    """Charlie's certificate, revoked by staff with a reason that names him."""
    staff = UserFactory(email="admin@example.org", full_name="Site Admin", is_staff=True)
    certificate = issue_certificate(charlie, build_course(title="Identifying victims", lessons=1, catalogue=catalogue))
    return certificate_revoke(
        certificate=certificate,
        reason=f"Issued in error: {NAME.upper()} ({EMAIL.upper()}) had not finished; Nazarov asked for it.",
        by=staff,
    )


def _strings(value):
    if isinstance(value, dict):
        for child in value.values():
            yield from _strings(child)
    elif isinstance(value, list):
        for child in value:
            yield from _strings(child)
    elif isinstance(value, str):
        yield value


def _mentions(text: str) -> bool:
    text = text.lower()
    return any(term in text for term in ("charlie", "nazarov", EMAIL))


def test_erasure_removes_another_accounts_unverified_copy_of_the_address(charlie, agency, region):
    bravo = UserFactory(email="traineeb@example.org", agency=agency, region=region)
    EmailAddress.objects.create(user=bravo, email=EMAIL.upper(), verified=False, primary=False)

    services.user_erase(user=charlie, by=charlie)

    assert not EmailAddress.objects.filter(email__iexact=EMAIL).exists()
    assert list(EmailAddress.objects.filter(user=bravo).values_list("email", flat=True)) == ["traineeb@example.org"]
    assert EMAIL not in json.dumps(services.personal_data_export(user=bravo))


def test_erasure_redacts_the_name_and_address_in_revocation_reasons_and_audit_entries(charlie, revoked):
    user_type = ContentType.objects.get_for_model(User)
    certificate_type = ContentType.objects.get_for_model(Certificate)
    LogEntry.objects.log_actions(
        user_id=revoked.revoked_by_id,
        queryset=[charlie],
        action_flag=CHANGE,
        change_message=f"Phoned {NAME} on {EMAIL} about the position",
    )
    LogEntry.objects.log_actions(
        user_id=revoked.revoked_by_id,
        queryset=[revoked],
        action_flag=CHANGE,
        change_message=json.dumps([{"changed": {"fields": ["Reason"], "note": f"for {NAME}"}}]),
    )
    log(instance=charlie, action=services.ROLE_CHANGE_ACTION, data={"notes": [{"text": f"{EMAIL} called"}], "count": 2})
    assert _mentions(Certificate.objects.get(pk=revoked.pk).revocation_reason)

    services.user_erase(user=charlie, by=charlie)

    reason = Certificate.objects.get(pk=revoked.pk).revocation_reason
    assert not _mentions(reason)
    assert reason == "Issued in error: [erased] ([erased]) had not finished; [erased] asked for it."
    entries = ModelLogEntry.objects.filter(
        content_type=user_type, object_id=str(charlie.pk)
    ) | ModelLogEntry.objects.filter(content_type=certificate_type, object_id=str(revoked.pk))
    assert entries.filter(action="frontline.certificate.revoke").exists()
    for entry in entries:
        assert not _mentions(entry.label)
        assert not any(_mentions(text) for text in _strings(entry.data)), entry.data
    note = entries.get(action=services.ROLE_CHANGE_ACTION)
    assert note.data == {"notes": [{"text": "[erased] called"}], "count": 2}
    admin_entries = LogEntry.objects.filter(content_type__in=[user_type, certificate_type])
    assert admin_entries.count() == 2
    for entry in admin_entries:
        assert not _mentions(entry.change_message) and not _mentions(entry.object_repr)
    assert admin_entries.get(content_type=user_type).change_message == "Phoned [erased] on [erased] about the position"
    assert json.loads(admin_entries.get(content_type=certificate_type).change_message) == [
        {"changed": {"fields": ["Reason"], "note": "for [erased]"}}
    ]


def test_erasure_leaves_words_that_only_contain_the_name(catalogue, agency, region):
    """Redaction is by whole words: a short name inside a longer word is not the name."""
    al = UserFactory(email="al@example.org", full_name="Al Bo", agency=agency, region=region)
    staff = UserFactory(email="admin@example.org", is_staff=True)
    certificate = issue_certificate(al, build_course(title="Identifying victims", lessons=1, catalogue=catalogue))
    certificate_revoke(certificate=certificate, reason="Alert: Al Bo's record was altered.", by=staff)

    services.user_erase(user=al, by=staff)

    assert Certificate.objects.get(pk=certificate.pk).revocation_reason == "Alert: [erased]'s record was altered."


def test_erasure_ends_the_erased_users_sessions_and_no_one_elses(charlie):
    """The sessions allauth recorded at sign-in are ended, found by user (no scan of every session)."""
    other = UserFactory(
        email="bravo@example.org", full_name="Bravo Other", agency=charlie.agency, region=charlie.region
    )
    devices = {}
    for user in (charlie, other):
        devices[user.pk] = Client()
        devices[user.pk].post(reverse("account_login"), {"login": user.email, "password": DEFAULT_PASSWORD})
        assert devices[user.pk].get(reverse("my_data")).status_code == 200
    assert UserSession.objects.filter(user=charlie).count() == 1

    services.user_erase(user=charlie, by=charlie)

    assert devices[charlie.pk].get(reverse("my_data")).status_code == 302
    assert not UserSession.objects.filter(user=charlie).exists()
    assert devices[other.pk].get(reverse("my_data")).status_code == 200
    assert UserSession.objects.filter(user=other).count() == 1
