"""Access-control matrix: every URL with an object id or code, requested as every role.

The URL patterns come from the resolver, so a new URL cannot be forgotten: a pattern with a
parameter must either be in EXPECTATIONS (how to build its arguments, what each role gets)
or in EXCLUDED (with the reason it is not ours to test). Each cell of the matrix checks

* the status (and, for redirects, where to),
* that the body carries no personal data the role may not see (names, e-mail addresses,
  positions of trainees outside the role's view; CSV, XLSX and PDF bodies included),
* that nothing belonging to anyone else changed, and that a refused request changed nothing.

The scope-filtered report pages have no id (the coordinator's scope is the id there), so they
get the same checks for every role in SCOPE_PAGES. The table is tests/security/access_matrix.py,
the people and objects tests/security/access_world.py.
"""

import io
from urllib.parse import urlparse

import pytest
from django.contrib.auth import get_user_model
from django.db import transaction
from django.urls import reverse
from openpyxl import load_workbook

from assessments.grading import iter_questions
from assessments.models import Attempt
from certificates.models import Certificate
from courses.models import Enrolment
from invitations.models import InvitationBatch
from tests.factories import UserFactory, sign_in_with_second_factor, with_totp
from tests.security.access_matrix import (
    DEBUG_ONLY,
    EXCLUDED,
    EXPECTATIONS,
    LOGIN,
    ROLES,
    SCOPE_PAGES,
    Case,
    excluded_key,
    is_ours,
    iter_routes,
)
from tests.security.access_world import FOREIGN_AGENCY, VISIBLE, build_world, snapshot
from tests.security.conftest import FAKE_PDF

User = get_user_model()


@pytest.fixture(scope="module")
def world(django_db_setup, django_db_blocker):
    """Built once per module in a transaction rolled back at the end; each test runs in a
    savepoint inside it (pytest-django's ``db``), so a test may change data freely."""
    with django_db_blocker.unblock(), transaction.atomic():
        world = build_world()
        yield world
        world.document.file.delete(save=False)  # the file is outside the rolled-back transaction
        transaction.set_rollback(True)


# --- Checking one cell ------------------------------------------------------------------------


def body_text(response) -> str:
    """The body as text: streamed CSV, every cell of an XLSX workbook, PDF bytes, or HTML."""
    if response.streaming:
        return b"".join(response.streaming_content).decode("utf-8-sig")
    content_type = response.get("Content-Type", "")
    if content_type.startswith("application/vnd.openxmlformats"):
        workbook = load_workbook(io.BytesIO(response.content), read_only=True)
        return "\n".join(
            "\t".join("" if value is None else str(value) for value in row)
            for sheet in workbook.worksheets
            for row in sheet.iter_rows(values_only=True)
        )
    if content_type.startswith("application/pdf"):
        return response.content.decode("latin-1")
    return response.content.decode("utf-8")


def _check_status(response, expected, role):
    if isinstance(expected, str):
        assert response.status_code == 302, f"{role}: expected a redirect to {expected}, got {response.status_code}"
        location = urlparse(response["Location"]).path
        assert location.startswith(reverse(expected)), f"{role}: redirected to {location}, not {expected}"
    else:
        assert response.status_code == expected, f"{role}: expected {expected}, got {response.status_code}"
        if expected == 302 and urlparse(response["Location"]).path.startswith(reverse(LOGIN)):
            pytest.fail(f"{role}: sent to log in, but this role is signed in")


def _forbidden_markers(world, role: str, case: Case) -> set[str]:
    markers = {marker for key, person in world.people.items() if key not in VISIBLE[role] for marker in person.markers}
    markers -= set(case.public(world))
    markers |= set(case.never(world))
    if case.report and role in FOREIGN_AGENCY:
        markers.add(FOREIGN_AGENCY[role])
    return markers


def run_cell(client, world, url_name: str, case: Case, role: str):
    user = world.users[role]
    if user is not None:
        # Every role as a full sign-in (password and, where set up, a TOTP code): what a
        # password-only session may not see is tests/security/test_two_factor.py's.
        sign_in_with_second_factor(client, user)
    url = reverse(url_name, kwargs=case.kwargs(world)) + case.query(world)
    requester = user.pk if user is not None else None
    before = snapshot()

    if case.method == "post":
        response = client.post(url, case.data(world))
    else:
        response = client.get(url)

    expected = case.expect[role]
    _check_status(response, expected, role)

    body = body_text(response)
    if body and response.status_code == 200 and response.get("Content-Type", "").startswith("application/pdf"):
        assert response.content == FAKE_PDF
    for marker in sorted(_forbidden_markers(world, role, case)):
        assert marker.lower() not in body.lower(), f"{role} sees {marker!r} at {url}"
    for marker in case.shows.get(role, lambda w: ())(world):
        assert marker in body, f"{role} should see {marker!r} at {url} (the negative checks would be vacuous)"

    after = snapshot()
    refused = isinstance(expected, str) or expected >= 400
    if refused:
        assert after == before, f"{role} was refused but changed {sorted(map(str, after ^ before))}"
    elif role not in case.mutates:
        foreign_before = {fact for fact in before if fact[0] != requester}
        foreign_after = {fact for fact in after if fact[0] != requester}
        changed = sorted(map(str, foreign_after ^ foreign_before))
        assert foreign_after == foreign_before, f"{role} changed others' data: {changed}"
    return response


def _cells(table):
    return [
        pytest.param(url_name, case, role, id=f"{url_name}[{case.label}]-{role}")
        for url_name, cases in table.items()
        for case in cases
        for role in ROLES
    ]


# --- The tests --------------------------------------------------------------------------------


def test_every_url_with_a_parameter_is_in_the_matrix_or_excluded():
    """A new URL with an id or code fails here until someone decides who may open it."""
    forgotten = []
    hidden = []
    for route in iter_routes():
        if not route.has_params or route.name in EXPECTATIONS:
            continue
        key = excluded_key(route)
        if key is None:
            forgotten.append(f"{route.path} (name={route.name}, view={route.view})")
        elif key.endswith("/") and is_ours(route):
            hidden.append(f"{route.path} (name={route.name}, view={route.view}) under excluded {key}")
    assert not forgotten, "URL patterns with parameters missing from EXPECTATIONS/EXCLUDED:\n" + "\n".join(forgotten)
    assert not hidden, "Our own views under an excluded prefix need EXPECTATIONS:\n" + "\n".join(hidden)


def test_matrix_and_exclusions_name_existing_urls():
    """Renaming or removing a URL must update the matrix, not leave a dead entry."""
    routes = list(iter_routes())
    by_name = {route.name: route for route in routes if route.name}
    for name in EXPECTATIONS:
        assert name in by_name, f"EXPECTATIONS names {name}, which the resolver does not know"
        assert by_name[name].has_params, f"{name} has no parameter; move it to SCOPE_PAGES"
        assert is_ours(by_name[name]), f"{name} is not one of our views"
    for name in SCOPE_PAGES:
        assert name in by_name and not by_name[name].has_params, name
    for key in set(EXCLUDED) - DEBUG_ONLY:
        matched = any(excluded_key(route) == key for route in routes if route.has_params)
        assert matched, f"EXCLUDED {key} matches nothing"
    for cases in [*EXPECTATIONS.values(), *SCOPE_PAGES.values()]:
        for case in cases:
            assert set(case.expect) == set(ROLES), case.label


def test_reports_are_registered_by_url_name():
    """Every reports URL is either in the matrix (with an id) or a scope page (without)."""
    report_names = {route.name for route in iter_routes() if route.view.startswith("reports.")}
    assert report_names <= set(EXPECTATIONS) | set(SCOPE_PAGES), report_names - set(EXPECTATIONS) - set(SCOPE_PAGES)


@pytest.mark.parametrize(("url_name", "case", "role"), _cells(EXPECTATIONS))
def test_access_matrix(client, db, world, url_name, case, role):
    run_cell(client, world, url_name, case, role)


@pytest.mark.parametrize(("url_name", "case", "role"), _cells(SCOPE_PAGES))
def test_scope_pages(client, db, world, url_name, case, role):
    run_cell(client, world, url_name, case, role)


# --- Positive controls: the refusals above are refusals, not broken URLs ------------------


def test_holder_submitting_closes_their_attempt(client, db, world):
    client.force_login(world.users["trainee"])
    # Every question blank: "Submit anyway" (without it, the holder is asked first).
    client.post(reverse("attempt_submit", kwargs={"attempt_id": world.open_attempt.pk}), {"confirm": "1"})
    assert Attempt.objects.get(pk=world.open_attempt.pk).status != Attempt.Status.IN_PROGRESS


def test_only_the_holder_saves_answers(client, db, world):
    attempt = world.open_attempt
    question = next(iter_questions(attempt.questions))
    answer = {f"q-{question['id']}": "true" if question["type"] == "true_false" else question["choices"][0]["id"]}
    for role in ("other_trainee", "coordinator_in", "coordinator_out", "editor"):
        client.force_login(world.users[role])
        assert client.post(reverse("attempt_save", kwargs={"attempt_id": attempt.pk}), answer).status_code == 404
    assert Attempt.objects.get(pk=attempt.pk).answers == {}
    client.force_login(world.users["trainee"])
    client.post(reverse("attempt_save", kwargs={"attempt_id": attempt.pk}), answer)
    assert Attempt.objects.get(pk=attempt.pk).answers == {question["id"]: [next(iter(answer.values()))]}


def test_refused_submissions_leave_the_attempt_open(client, db, world):
    for role in ("other_trainee", "coordinator_in", "coordinator_out", "editor"):
        client.force_login(world.users[role])
        response = client.post(reverse("attempt_submit", kwargs={"attempt_id": world.open_attempt.pk}))
        assert response.status_code == 404
    assert Attempt.objects.get(pk=world.open_attempt.pk).status == Attempt.Status.IN_PROGRESS


def test_creator_confirming_invites_and_nobody_else_can(client, db, world):
    sign_in_with_second_factor(client, world.users["coordinator_out"])
    assert client.post(reverse("reports_invite_preview", kwargs={"batch_id": world.batch.pk})).status_code == 404
    assert not User.objects.filter(email="ilhom.invitee@example.org").exists()
    sign_in_with_second_factor(client, world.users["coordinator_in"])
    client.post(reverse("reports_invite_preview", kwargs={"batch_id": world.batch.pk}))
    assert User.objects.filter(email="ilhom.invitee@example.org").exists()
    assert InvitationBatch.objects.get(pk=world.batch.pk).status == InvitationBatch.Status.SENT


def test_enrolment_is_only_ever_the_requesters_own(client, db, world):
    client.force_login(world.users["other_trainee"])
    client.post(reverse("course_start", kwargs={"course_id": world.course.pk}))
    assert Enrolment.objects.filter(user=world.users["other_trainee"], course=world.course).exists()
    client.post(reverse("course_start", kwargs={"course_id": world.draft_course.pk}))
    assert not Enrolment.objects.filter(course=world.draft_course).exists()


def test_superuser_may_revoke(client, db, world):
    admin = with_totp(UserFactory(email="root@example.org", is_staff=True, is_superuser=True, agency=None, region=None))
    sign_in_with_second_factor(client, admin)
    url = reverse("certificates:revoke", kwargs={"pk": world.certificate.pk})
    assert client.get(url).status_code == 200
    assert client.post(url, {"reason": "Obtained by fraud"}).status_code == 302
    assert Certificate.objects.get(pk=world.certificate.pk).status == Certificate.Status.REVOKED
