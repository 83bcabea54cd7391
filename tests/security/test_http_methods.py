"""Security review #20: our views answer only the methods they are for.

Every URL pattern of the project's own apps is requested by a user who may open it: PUT,
DELETE and PATCH get a 405 (never the page, never a download); a GET to an address that
changes something (a button's target) changes nothing; a browser that meets a 405 (a GET on a
button's address) gets a short page in the reader's language; and the pages that only read
still answer GET and HEAD.
"""

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

import pytest
from allauth.account.forms import default_token_generator
from allauth.account.utils import user_pk_to_url_str
from django.contrib.auth import get_user_model
from django.core.files.base import ContentFile
from django.test import Client
from django.urls import reverse
from django.utils import translation
from wagtail.documents import get_document_model
from wagtail_localize.models import TranslationSource

from accounts.scope import Scope
from assessments.services import attempt_start
from invitations.checks import check_rows
from invitations.models import InvitationBatch
from invitations.parse import read_rows
from programme.mail import unsubscribe_token
from programme.models import Assignment, EmailOptOut, Reminder
from reports.models import Headcount
from tests.assessments.builders import build_assessment, complete_lessons, issue_certificate
from tests.factories import (
    AgencyFactory,
    RegionFactory,
    RequirementFactory,
    UserFactory,
    build_catalogue,
    build_course,
    lessons_of,
    make_coordinator,
    sign_in_with_second_factor,
    with_totp,
)
from tests.security.access_matrix import export_job_for, is_ours, iter_routes
from tests.security.access_world import snapshot

pytestmark = pytest.mark.django_db

User = get_user_model()

INVITEE_CSV = (
    "full_name,email,agency,region,position,language\n"
    "Ilhom Invitee,ilhom.invitee@example.org,amudarya,zeravshan,Lookout,en\n"
)


@dataclass(frozen=True)
class Target:
    """How to reach one URL pattern: who may open it, and its address(es)."""

    role: str  # "trainee", "coordinator" or "superuser" (the last two passed two-factor)
    urls: Callable  # world -> list of paths


def _one(name, **kwargs):
    return lambda w: [reverse(name, kwargs={key: value(w) for key, value in kwargs.items()})]


def _reset_key(w) -> str:
    return default_token_generator.make_token(w.trainee)


TARGETS: dict[str, Target] = {
    "set_language": Target("trainee", _one("set_language")),
    "profile": Target("trainee", _one("profile")),
    "my_data": Target("trainee", _one("my_data")),
    "my_data_export": Target("trainee", _one("my_data_export")),
    "my_data_erase": Target("trainee", _one("my_data_erase")),
    "my_data_erased": Target("trainee", _one("my_data_erased")),
    "my_learning": Target("trainee", _one("my_learning")),
    "notices": Target("trainee", _one("notices")),
    "notices_read_all": Target("trainee", _one("notices_read_all")),
    "notice_read": Target("trainee", _one("notice_read", reminder_id=lambda w: w.reminder.pk)),
    "email_unsubscribe": Target("trainee", _one("email_unsubscribe", token=lambda w: w.unsubscribe_token)),
    "welcome": Target("trainee", _one("welcome")),
    # The trainee's own key: a key of someone else's account would sign the trainee out.
    "invitation_set_password": Target(
        "trainee", _one("invitation_set_password", uidb36=lambda w: user_pk_to_url_str(w.trainee), key=_reset_key)
    ),
    "course_start": Target("trainee", _one("course_start", course_id=lambda w: w.course.pk)),
    "lesson_complete": Target("trainee", _one("lesson_complete", lesson_id=lambda w: w.lessons[0].pk)),
    "attempt_start": Target("trainee", _one("attempt_start", assessment_id=lambda w: w.assessment.pk)),
    "attempt_detail": Target("trainee", _one("attempt_detail", attempt_id=lambda w: w.attempt.pk)),
    "attempt_save": Target("trainee", _one("attempt_save", attempt_id=lambda w: w.attempt.pk)),
    "attempt_submit": Target("trainee", _one("attempt_submit", attempt_id=lambda w: w.attempt.pk)),
    "my_certificates": Target("trainee", _one("my_certificates")),
    "certificate_download": Target("trainee", _one("certificate_download", certificate_id=lambda w: w.certificate.pk)),
    "certificate_verify_form": Target("trainee", _one("certificate_verify_form")),
    "certificate_verify": Target("trainee", _one("certificate_verify", code=lambda w: w.certificate.display_code)),
    "search": Target("trainee", lambda w: [reverse("search") + "?q=victims"]),
    # Wagtail's page route: the catalogue, a course, a lesson, and the assessment.
    "wagtail_serve": Target("trainee", lambda w: [w.catalogue.url, w.course.url, w.lessons[0].url, w.assessment.url]),
    "reports_dashboard": Target("coordinator", _one("reports_dashboard")),
    "reports_trainees": Target("coordinator", _one("reports_trainees")),
    "reports_export_matrix": Target("coordinator", _one("reports_export_matrix", file_format=lambda w: "csv")),
    "reports_export_trainees": Target("coordinator", _one("reports_export_trainees", file_format=lambda w: "xlsx")),
    "reports_headcounts": Target("coordinator", _one("reports_headcounts")),
    "reports_at_risk": Target("coordinator", _one("reports_at_risk")),
    "reports_export_at_risk": Target("coordinator", _one("reports_export_at_risk", file_format=lambda w: "csv")),
    "reports_invite": Target("coordinator", _one("reports_invite")),
    "reports_invite_preview": Target("coordinator", _one("reports_invite_preview", batch_id=lambda w: w.batch.pk)),
    "digests_subscription": Target("coordinator", _one("digests_subscription")),
    "digests_exports": Target("coordinator", _one("digests_exports")),
    "digests_export_prepare": Target(
        "coordinator", _one("digests_export_prepare", kind=lambda w: "trainees", file_format=lambda w: "csv")
    ),
    "digests_export_download": Target(
        "coordinator", _one("digests_export_download", job_id=lambda w: export_job_for(w.coordinator).pk)
    ),
    "wagtaildocs_serve": Target("trainee", lambda w: [w.document.url]),
    "wagtailadmin_login": Target("superuser", lambda w: ["/admin/login/"]),
    "frontline_update_translations": Target(
        "superuser", _one("frontline_update_translations", translation_source_id=lambda w: w.translation_source.pk)
    ),
    "assessment_item_analysis": Target(
        "superuser", _one("assessment_item_analysis", page_id=lambda w: w.assessment.pk)
    ),
    # The Wagtail admin's certificate and user views (certificates/viewsets.py, accounts/viewsets.py).
    "certificates:index": Target("superuser", _one("certificates:index")),
    "certificates:index_results": Target("superuser", _one("certificates:index_results")),
    "certificates:inspect": Target("superuser", _one("certificates:inspect", pk=lambda w: w.certificate.pk)),
    "certificates:revoke": Target("superuser", _one("certificates:revoke", pk=lambda w: w.certificate.pk)),
    "wagtailusers_users:index": Target("superuser", _one("wagtailusers_users:index")),
    "wagtailusers_users:index_results": Target("superuser", _one("wagtailusers_users:index_results")),
    "wagtailusers_users:add": Target("superuser", _one("wagtailusers_users:add")),
    "wagtailusers_users:edit": Target("superuser", _one("wagtailusers_users:edit", pk=lambda w: w.trainee.pk)),
    "wagtailusers_users:delete": Target("superuser", _one("wagtailusers_users:delete", pk=lambda w: w.trainee.pk)),
    "wagtailusers_users:erase": Target("superuser", _one("wagtailusers_users:erase", pk=lambda w: w.trainee.pk)),
    "demo_glossary": Target("superuser", _one("demo_glossary")),
    "reminders:index": Target("superuser", _one("reminders:index")),
    "reminders:index_results": Target("superuser", _one("reminders:index_results")),
    "wagtailusers_users:two_factor_reset": Target(
        "superuser", _one("wagtailusers_users:two_factor_reset", pk=lambda w: w.trainee.pk)
    ),
    # The requirements admin (programme/viewsets.py).
    "requirements:index": Target("superuser", _one("requirements:index")),
    "requirements:index_results": Target("superuser", _one("requirements:index_results")),
    "requirements:add": Target("superuser", _one("requirements:add")),
    "requirements:edit": Target("superuser", _one("requirements:edit", pk=lambda w: w.requirement.pk)),
    "requirements:delete": Target("superuser", _one("requirements:delete", pk=lambda w: w.requirement.pk)),
    "requirements:withdraw": Target("superuser", _one("requirements:withdraw", pk=lambda w: w.requirement.pk)),
    "requirements:history": Target("superuser", _one("requirements:history", pk=lambda w: w.requirement.pk)),
    "requirements:history_results": Target(
        "superuser", _one("requirements:history_results", pk=lambda w: w.requirement.pk)
    ),
}

# Addresses that change something; a GET must not.
WRITERS = (
    "set_language",
    "invitation_set_password",
    "profile",
    "my_data_erase",
    "course_start",
    "lesson_complete",
    "attempt_start",
    "attempt_save",
    "attempt_submit",
    "reports_headcounts",
    "reports_invite",
    "reports_invite_preview",
    "digests_subscription",
    "wagtail_serve",
    "certificates:revoke",
    "wagtailusers_users:add",
    "wagtailusers_users:edit",
    "wagtailusers_users:delete",
    "wagtailusers_users:erase",
    "wagtailusers_users:two_factor_reset",
    "requirements:add",
    "requirements:edit",
    "requirements:delete",
    "requirements:withdraw",
    "notices_read_all",
    "notice_read",
    "email_unsubscribe",
)
BUTTON_TARGETS = (  # POST only
    "set_language",
    "notices_read_all",
    "notice_read",
    "course_start",
    "lesson_complete",
    "attempt_start",
    "attempt_save",
    "attempt_submit",
)
# An audited download: a HEAD would be recorded as an export (or queue one).
GET_ONLY = ("my_data_export", "digests_export_prepare")


@pytest.fixture
def world():
    agency = AgencyFactory(code="amudarya", name="Amudarya Border Agency")
    region = RegionFactory(code="zeravshan", name="Zeravshan Valley")
    trainee = UserFactory(agency=agency, region=region, full_name="Zebuniso Holder", preferred_language="en")
    coordinator = make_coordinator(scopes=[(agency, region)], agency=None, region=None)
    superuser = with_totp(UserFactory(is_staff=True, is_superuser=True, agency=None, region=None))

    catalogue = build_catalogue()
    course = build_course(title="Identifying victims", lessons=2, catalogue=catalogue)
    assessment = build_assessment(course)
    complete_lessons(trainee, course)
    attempt = attempt_start(user=trainee, assessment=assessment)
    certificate = issue_certificate(trainee, course)
    Headcount.objects.create(agency=agency, region=region, staff=12)
    requirement = RequirementFactory(course=course, agency=agency)
    rows = check_rows(read_rows(INVITEE_CSV), scope=Scope.for_user(coordinator))
    batch = InvitationBatch.objects.create(created_by=coordinator, filename="invitees.csv", rows=rows)

    document = get_document_model().objects.create(title="Notes", file=ContentFile(b"notes", name="notes.txt"))
    assignment = Assignment.objects.create(user=trainee, course=course, due_on=date(2030, 1, 1))
    reminder = Reminder.objects.create(assignment=assignment, recipient=trainee, kind=Reminder.Kind.DUE_SOON, step=14)

    clients = {"trainee": Client(), "coordinator": Client(), "superuser": Client()}
    clients["trainee"].force_login(trainee)
    sign_in_with_second_factor(clients["coordinator"], coordinator)
    sign_in_with_second_factor(clients["superuser"], superuser)

    class World:
        pass

    w = World()
    w.__dict__.update(
        trainee=trainee,
        coordinator=coordinator,
        catalogue=catalogue,
        course=course,
        lessons=lessons_of(course),
        assessment=assessment,
        attempt=attempt,
        certificate=certificate,
        batch=batch,
        document=document,
        requirement=requirement,
        clients=clients,
        reminder=reminder,
        unsubscribe_token=unsubscribe_token(user_id=trainee.pk, kind=EmailOptOut.Kind.DIGEST),
        translation_source=TranslationSource.get_or_create_from_instance(course)[0],
    )
    return w


def our_routes():
    return [route for route in iter_routes() if is_ours(route)]


def requests_for(world, names=None):
    for name, target in TARGETS.items():
        if names is None or name in names:
            for url in target.urls(world):
                yield name, url, world.clients[target.role]


def everything_changeable():
    return snapshot(), set(User.objects.values_list("pk", "preferred_language", "last_login"))


def test_every_view_of_ours_is_checked_here():
    """A new URL fails here until someone decides who requests it in these tests."""
    names = {route.name for route in our_routes()}
    assert names - set(TARGETS) == set()
    assert set(TARGETS) <= names, "TARGETS names a URL the resolver does not know"


@pytest.mark.parametrize("method", ["put", "delete", "patch"])
def test_put_delete_and_patch_to_our_views_are_refused_with_405(world, method):
    before = everything_changeable()
    wrong = []
    for name, url, client in requests_for(world):
        response = getattr(client, method)(url)
        if response.status_code != 405:
            wrong.append(f"{method.upper()} {url} ({name}): {response.status_code}")
    assert not wrong, "\n".join(wrong)
    assert everything_changeable() == before


@pytest.mark.parametrize("method", ["put", "delete", "patch"])
def test_admin_user_views_refuse_a_trainee_whatever_the_method(world, method):
    client = world.clients["trainee"]
    for url in (
        reverse("wagtailusers_users:index"),
        reverse("wagtailusers_users:delete", args=[world.trainee.pk]),
        reverse("wagtailusers_users:erase", args=[world.trainee.pk]),
        reverse("wagtailusers_users:two_factor_reset", args=[world.trainee.pk]),
    ):
        response = getattr(client, method)(url)
        assert response.status_code in (302, 403, 405), f"{method.upper()} {url}: {response.status_code}"
    assert User.objects.filter(pk=world.trainee.pk).exists()


def test_a_get_to_an_address_that_writes_changes_nothing(world):
    before = everything_changeable()
    for name, url, client in requests_for(world, WRITERS):
        response = client.get(url)
        assert response.status_code in (200, 302, 405), f"GET {url} ({name}): {response.status_code}"
        if name in BUTTON_TARGETS:
            assert response.status_code == 405, f"GET {url} ({name}): {response.status_code}"
    assert everything_changeable() == before
    assert not User.objects.filter(email="ilhom.invitee@example.org").exists()


@pytest.mark.parametrize(
    ("language", "heading"),
    [("en", "This address does not work this way"), ("tg", "Ин суроға бо ин роҳ кор намекунад")],
)
def test_a_browser_that_opens_a_buttons_address_gets_a_readable_405(world, language, heading):
    client = world.clients["trainee"]
    with translation.override(language):
        url = reverse("course_start", kwargs={"course_id": world.course.pk})

    response = client.get(url)

    body = response.content.decode()
    assert response.status_code == 405
    assert response["Allow"] == "POST"
    assert f'<html lang="{language}">' in body
    assert heading in body


@pytest.mark.parametrize("method", ["get", "head"])
def test_read_only_views_still_answer_get_and_head(world, method):
    """Positive control: the refusals above are about methods, not broken addresses."""
    wrong = []
    for name, url, client in requests_for(world, set(TARGETS) - set(BUTTON_TARGETS)):
        status = getattr(client, method)(url).status_code
        if method == "head" and name in GET_ONLY:
            if status != 405:
                wrong.append(f"HEAD {url} ({name}): {status}, not 405")
        elif status >= 400:
            wrong.append(f"{method.upper()} {url} ({name}): {status}")
    assert not wrong, "\n".join(wrong)
