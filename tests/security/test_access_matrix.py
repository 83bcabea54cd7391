"""Access-control matrix: every URL with an object id or code, requested as every role.

The URL patterns come from the resolver, so a new URL cannot be forgotten: a pattern with a
parameter must either be in EXPECTATIONS (how to build its arguments, what each role gets)
or in EXCLUDED (with the reason it is not ours to test). Each cell of the matrix checks

* the status (and, for redirects, where to),
* that the body carries no personal data the role may not see (names, e-mail addresses,
  positions of trainees outside the role's view; CSV, XLSX and PDF bodies included),
* that nothing belonging to anyone else changed, and that a refused request changed nothing.

The scope-filtered report pages have no id (the coordinator's scope is the id there), so they
get the same checks for every role in SCOPE_PAGES.
"""

import io
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from types import SimpleNamespace
from urllib.parse import urlparse

import pytest
from django.apps import apps
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.files.base import ContentFile
from django.db import transaction
from django.urls import URLResolver, get_resolver, reverse
from django.urls.resolvers import LocalePrefixPattern, RegexPattern, RoutePattern
from openpyxl import load_workbook
from wagtail.documents import get_document_model
from wagtail.models import BaseViewRestriction, Collection, CollectionViewRestriction
from wagtail_localize.models import TranslationSource

from accounts.scope import Scope
from assessments.models import Attempt
from assessments.services import attempt_start
from certificates import codes
from certificates.models import Certificate
from courses.models import Enrolment, LessonCompletion
from invitations.checks import check_rows
from invitations.models import InvitationBatch
from invitations.parse import read_rows
from reports.models import Headcount
from tests.assessments.builders import build_assessment, complete_lessons, issue_certificate
from tests.factories import (
    DEFAULT_PASSWORD,
    AgencyFactory,
    RegionFactory,
    UserFactory,
    build_catalogue,
    build_course,
    lessons_of,
    make_coordinator,
    sign_in_with_second_factor,
    with_totp,
)
from tests.security.conftest import FAKE_PDF

User = get_user_model()

ROLES = ("anonymous", "trainee", "other_trainee", "coordinator_in", "coordinator_out", "editor")

# --- The URL patterns -------------------------------------------------------------------------

LANG = "<lang>/"  # the i18n_patterns prefix


@dataclass(frozen=True)
class Route:
    path: str  # the full route, language prefix as <lang>/, regex anchors dropped
    name: str | None  # with its namespace, e.g. "certificates:revoke"
    view: str  # dotted path of the view
    has_params: bool


def _text(pattern) -> str:
    if isinstance(pattern, LocalePrefixPattern):
        return LANG
    return str(pattern).replace("^", "").replace("$", "")


def _has_params(pattern) -> bool:
    if isinstance(pattern, RoutePattern):
        return bool(pattern.converters)
    if isinstance(pattern, RegexPattern):
        return pattern.regex.groups > 0
    return False


def iter_routes(patterns=None, prefix: str = "", namespace: str = "", params: bool = False):
    """Every URLPattern below the root URLconf, with its full route and namespaced name."""
    for entry in get_resolver().url_patterns if patterns is None else patterns:
        path = prefix + _text(entry.pattern)
        with_params = params or _has_params(entry.pattern)
        if isinstance(entry, URLResolver):
            inner = f"{namespace}{entry.namespace}:" if entry.namespace else namespace
            yield from iter_routes(entry.url_patterns, path, inner, with_params)
        else:
            name = f"{namespace}{entry.name}" if entry.name else None
            yield Route(path=path, name=name, view=entry.lookup_str, has_params=with_params)


def our_packages() -> set[str]:
    """Top-level packages of the project's own apps (not installed into site-packages)."""
    base = Path(settings.BASE_DIR).resolve()
    packages = {settings.ROOT_URLCONF.split(".")[0]}
    for app in apps.get_app_configs():
        path = Path(app.path).resolve()
        if path.is_relative_to(base) and not {"site-packages", "dist-packages"} & set(path.parts):
            packages.add(app.name.split(".")[0])
    return packages


# A key ending in "/" is a route prefix (after the optional <lang>/); any other key is a URL
# name. A prefix never hides a view of our own: those must be in EXPECTATIONS.
EXCLUDED = {
    "admin/": "Wagtail admin (pages, snippets, images, documents by id): Wagtail's own "
    "permission policies behind access_admin; our code registers no admin URLs there",
    "documents/": "wagtaildocs serve and password form: Wagtail's collection privacy",
    "media/": "django.views.static.serve for MEDIA_URL, only added when DEBUG (see report: "
    "in production the web server serves MEDIA_ROOT)",
    "account_confirm_email": "allauth: the key is a signed, expiring token, not an object id",
    "account_reset_password_from_key": "allauth: uidb36 plus a one-time token checked by allauth",
    "wagtailcore_authenticate_with_password": "Wagtail page privacy password form",
    "wagtail_serve": "Wagtail's catch-all page route (a page path, not an id): page privacy "
    "and live/draft are Wagtail's; course pages are covered in tests/courses/test_access.py",
}
DEBUG_ONLY = {"media/"}  # present in the URLconf only when it was loaded with DEBUG on


def _excluded_key(route: Route) -> str | None:
    bare = route.path.removeprefix(LANG)
    for key in EXCLUDED:
        if (key.endswith("/") and bare.startswith(key)) or key == route.name:
            return key
    return None


def _is_ours(route: Route) -> bool:
    return route.view.split(".")[0] in our_packages()


# --- The roles and the objects they ask for ----------------------------------------------------


@dataclass(frozen=True)
class Person:
    email: str
    full_name: str
    position: str
    extra: tuple[str, ...] = ()

    @property
    def markers(self) -> tuple[str, ...]:
        return (self.email, self.full_name, self.position, *self.extra)


# Whose personal data each role may see: their own; a coordinator the trainees in scope (and the
# people in invitation lists they uploaded).
VISIBLE = {
    "anonymous": set(),
    "trainee": {"holder"},
    "other_trainee": {"other_trainee"},
    "coordinator_in": {"holder", "other_trainee", "invitee"},
    "coordinator_out": {"outsider"},
    "editor": set(),
}

AGENCY_A = "Amudarya Border Agency"
AGENCY_B = "Bactria Customs Office"
# Report pages must not even name an agency outside the coordinator's scope.
FOREIGN_AGENCY = {"coordinator_in": AGENCY_B, "coordinator_out": AGENCY_A}

INVITEE_CSV = (
    "full_name,email,agency,region,position,language\n"
    "Ilhom Invitee,ilhom.invitee@example.org,amudarya,zeravshan,Invitee Watchtower Lookout,en\n"
)


def _coordinator(email: str, full_name: str, *, agency=None, region=None) -> User:
    return make_coordinator(
        email=email,
        full_name=full_name,
        agency=None,
        region=None,
        position="Training coordinator",
        scopes=[(agency, region)],
    )


def _build_world() -> SimpleNamespace:
    agency_a = AgencyFactory(code="amudarya", name=AGENCY_A)
    agency_b = AgencyFactory(code="bactria", name=AGENCY_B)
    region = RegionFactory(code="zeravshan", name="Zeravshan Valley")

    holder = UserFactory(
        email="zebuniso@example.org",
        full_name="Zebuniso Holder",
        position="Zebra Checkpoint Inspector",
        agency=agency_a,
        region=region,
    )
    other = UserFactory(
        email="otabek.sameagency@example.org",
        full_name="Otabek Sameagency",
        position="Oxbow Post Sergeant",
        agency=agency_a,
        region=region,
    )
    outsider = UserFactory(
        email="outsider@example.org",
        full_name="Outsider Person",
        position="Outpost Quartermaster",
        agency=agency_b,
        region=region,
    )
    coordinator_in = _coordinator(
        "coordinator.inscope@example.org", "Coordinator Inscope", agency=agency_a, region=region
    )
    coordinator_out = _coordinator("coordinator.outscope@example.org", "Coordinator Outscope", agency=agency_b)
    editor = UserFactory(
        email="editor.person@example.org",
        full_name="Editor Person",
        position="Content editor",
        agency=None,
        region=None,
        is_staff=True,
    )
    editor.groups.add(Group.objects.get(name="Editors"))

    catalogue = build_catalogue()
    course = build_course(title="Matrix course", lessons=2, catalogue=catalogue)
    assessment = build_assessment(course)
    draft = build_course(title="Draft matrix course", lessons=1, live=False, catalogue=catalogue)

    complete_lessons(holder, course)
    open_attempt = attempt_start(user=holder, assessment=assessment)
    certificate = issue_certificate(holder, course)
    Headcount.objects.create(agency=agency_a, region=region, staff=12)
    members_only = Collection.get_first_root_node().add_child(name="Members only")
    CollectionViewRestriction.objects.create(collection=members_only, restriction_type=BaseViewRestriction.LOGIN)
    document = get_document_model()(title="Standing orders", collection=members_only)
    document.file.save("standing-orders.txt", ContentFile(b"Standing orders"))

    rows = check_rows(read_rows(INVITEE_CSV), scope=Scope.for_user(coordinator_in))
    assert not rows[0]["errors"], rows
    batch = InvitationBatch.objects.create(created_by=coordinator_in, filename="invitees.csv", rows=rows)

    people = {
        "holder": Person(holder.email, holder.full_name, holder.position, extra=(certificate.display_code,)),
        "other_trainee": Person(other.email, other.full_name, other.position),
        "outsider": Person(outsider.email, outsider.full_name, outsider.position),
        "invitee": Person("ilhom.invitee@example.org", "Ilhom Invitee", "Invitee Watchtower Lookout"),
    }
    return SimpleNamespace(
        users={
            "anonymous": None,
            "trainee": holder,
            "other_trainee": other,
            "coordinator_in": coordinator_in,
            "coordinator_out": coordinator_out,
            "editor": editor,
        },
        people=people,
        agency_a=agency_a,
        agency_b=agency_b,
        region=region,
        course=course,
        assessment=assessment,
        lessons=lessons_of(course),
        draft_course=draft,
        draft_lesson=lessons_of(draft)[0],
        open_attempt=open_attempt,
        submitted_attempt=certificate.attempt,
        certificate=certificate,
        batch=batch,
        translation_source=TranslationSource.get_or_create_from_instance(course)[0],
        document=document,
    )


@pytest.fixture(scope="module")
def world(django_db_setup, django_db_blocker):
    """Built once per module in a transaction rolled back at the end; each test runs in a
    savepoint inside it (pytest-django's ``db``), so a test may change data freely."""
    with django_db_blocker.unblock(), transaction.atomic():
        world = _build_world()
        yield world
        world.document.file.delete(save=False)  # the file is outside the rolled-back transaction
        transaction.set_rollback(True)


# --- What each role gets --------------------------------------------------------------------

LOGIN = "account_login"  # a string: a 302 to the URL of that name
# The Wagtail admin's login URL: allauth's login for visitors, a 403 page for the signed-in.
WAGTAIL_ADMIN_LOGIN = "wagtailadmin_login"


def roles(default, **cells):
    unknown = set(cells) - set(ROLES)
    assert not unknown, unknown
    return {role: cells.get(role, default) for role in ROLES}


OWNER_ONLY = roles(404, anonymous=LOGIN, trainee=200)
OWNER_OR_SCOPE = roles(404, anonymous=LOGIN, trainee=200, coordinator_in=200)
EVERYONE = roles(200)
NOBODY = roles(404)
COORDINATORS = roles(403, anonymous=LOGIN, coordinator_in=200, coordinator_out=200)
CREATOR = roles(403, anonymous=LOGIN, coordinator_in=200, coordinator_out=404)
SIGNED_IN = roles(200, anonymous=LOGIN)
POST_ONLY = roles(405, anonymous=LOGIN)  # GET on a POST-only view
SIGNED_IN_REDIRECT = roles(302, anonymous=LOGIN)
SIGNED_IN_NOT_FOUND = roles(404, anonymous=LOGIN)
# Admin views of users and certificates: who may not enter the admin is sent to its login; the
# editor may enter it but holds no user or certificate permission, so is sent to its home page.
REVOKERS_ONLY = roles(WAGTAIL_ADMIN_LOGIN, editor="wagtailadmin_home")
DELETERS_ONLY = REVOKERS_ONLY
USER_ADMINS_ONLY = REVOKERS_ONLY


def _none(_world):
    return {}


@dataclass(frozen=True)
class Case:
    label: str
    expect: dict
    kwargs: Callable = _none
    method: str = "get"
    query: Callable = lambda w: ""
    data: Callable = _none
    public: Callable = lambda w: ()  # markers anyone may see on this page
    never: Callable = lambda w: ()  # markers nobody may see, not even their owner
    shows: dict = field(default_factory=dict)  # role -> markers that must be in the body
    mutates: frozenset = frozenset()  # roles that may change what belongs to others
    report: bool = False  # a report page: no agency outside the scope may be named


def _holder(w):
    return w.people["holder"]


EXPECTATIONS: dict[str, list[Case]] = {
    # Wagtail's document serve view, wrapped by cms/documents.py; the collection's view
    # restriction (here: signed-in users) is Wagtail's check.
    "wagtaildocs_serve": [
        Case(
            "login-restricted",
            SIGNED_IN,
            lambda w: {"document_id": w.document.pk, "document_filename": w.document.filename},
        ),
    ],
    # wagtail-localize's "Sync translated pages" (cms/wagtail_hooks.py): admin access and the
    # submit_translation permission, which editors hold (they translate; publishing stays the
    # moderators').
    "frontline_update_translations": [
        Case(
            "get", roles(WAGTAIL_ADMIN_LOGIN, editor=200), lambda w: {"translation_source_id": w.translation_source.pk}
        ),
    ],
    "course_start": [
        Case("get", POST_ONLY, lambda w: {"course_id": w.course.pk}),
        Case("post", SIGNED_IN_REDIRECT, lambda w: {"course_id": w.course.pk}, method="post"),
        Case("post-draft", SIGNED_IN_NOT_FOUND, lambda w: {"course_id": w.draft_course.pk}, method="post"),
    ],
    "lesson_complete": [
        Case("get", POST_ONLY, lambda w: {"lesson_id": w.lessons[0].pk}),
        Case("post", SIGNED_IN_REDIRECT, lambda w: {"lesson_id": w.lessons[0].pk}, method="post"),
        Case("post-draft", SIGNED_IN_NOT_FOUND, lambda w: {"lesson_id": w.draft_lesson.pk}, method="post"),
    ],
    "attempt_start": [
        Case("get", POST_ONLY, lambda w: {"assessment_id": w.assessment.pk}),
        # The holder continues the open attempt; everyone else is told why not: both redirect.
        Case("post", SIGNED_IN_REDIRECT, lambda w: {"assessment_id": w.assessment.pk}, method="post"),
        Case("post-not-an-assessment", SIGNED_IN_NOT_FOUND, lambda w: {"assessment_id": w.course.pk}, method="post"),
    ],
    "attempt_detail": [
        Case("open", OWNER_ONLY, lambda w: {"attempt_id": w.open_attempt.pk}),
        Case("submitted", OWNER_ONLY, lambda w: {"attempt_id": w.submitted_attempt.pk}),
        Case("post", POST_ONLY, lambda w: {"attempt_id": w.open_attempt.pk}, method="post"),  # read-only: 405
    ],
    "attempt_submit": [
        Case("get", POST_ONLY, lambda w: {"attempt_id": w.open_attempt.pk}),
        Case(
            "post", roles(404, anonymous=LOGIN, trainee=302), lambda w: {"attempt_id": w.open_attempt.pk}, method="post"
        ),
    ],
    "certificate_download": [
        Case("stored", OWNER_OR_SCOPE, lambda w: {"certificate_id": w.certificate.pk}),
        Case("bilingual", OWNER_OR_SCOPE, lambda w: {"certificate_id": w.certificate.pk}, query=lambda w: "?second=ru"),
    ],
    "certificate_verify": [
        Case(
            "valid",
            EVERYONE,
            lambda w: {"code": w.certificate.display_code},
            public=lambda w: (_holder(w).full_name, w.certificate.display_code),
            never=lambda w: (_holder(w).email, _holder(w).position),
            shows={role: lambda w: (_holder(w).full_name, w.certificate.course_title) for role in ROLES},
        ),
        Case(
            "compact-code",
            EVERYONE,
            lambda w: {"code": w.certificate.code},
            public=lambda w: (_holder(w).full_name, w.certificate.display_code),
            never=lambda w: (_holder(w).email, _holder(w).position),
        ),
        Case("unknown", NOBODY, lambda w: {"code": codes.display(codes.generate())}),
    ],
    "reports_export_matrix": [
        Case(
            "csv",
            COORDINATORS,
            lambda w: {"file_format": "csv"},
            report=True,
            shows={"coordinator_in": lambda w: (AGENCY_A,), "coordinator_out": lambda w: (AGENCY_B,)},
        ),
        Case(
            "xlsx-foreign-filter",
            COORDINATORS,
            lambda w: {"file_format": "xlsx"},
            report=True,
            query=lambda w: f"?agency={w.agency_a.pk}&region={w.region.pk}",
            shows={"coordinator_in": lambda w: (AGENCY_A,), "coordinator_out": lambda w: (AGENCY_B,)},
        ),
    ],
    "reports_export_trainees": [
        Case(
            "csv",
            COORDINATORS,
            lambda w: {"file_format": "csv"},
            report=True,
            shows={
                "coordinator_in": lambda w: (*_holder(w).markers[:3], w.people["other_trainee"].email),
                "coordinator_out": lambda w: w.people["outsider"].markers,
            },
        ),
        Case(
            "xlsx",
            COORDINATORS,
            lambda w: {"file_format": "xlsx"},
            report=True,
            shows={
                "coordinator_in": lambda w: _holder(w).markers[:3],
                "coordinator_out": lambda w: w.people["outsider"].markers,
            },
        ),
        Case(
            "csv-foreign-filter",
            COORDINATORS,
            lambda w: {"file_format": "csv"},
            report=True,
            query=lambda w: f"?agency={w.agency_a.pk}&region={w.region.pk}",
            shows={
                "coordinator_in": lambda w: _holder(w).markers[:3],
                "coordinator_out": lambda w: w.people["outsider"].markers,
            },
        ),
        Case(
            "xlsx-search-holder",
            COORDINATORS,
            lambda w: {"file_format": "xlsx"},
            report=True,
            query=lambda w: "?q=zebuniso",
            shows={"coordinator_in": lambda w: _holder(w).markers[:3]},
        ),
    ],
    "reports_invite_preview": [
        Case(
            "get",
            CREATOR,
            lambda w: {"batch_id": w.batch.pk},
            report=True,
            shows={"coordinator_in": lambda w: w.people["invitee"].markers},
        ),
        Case(
            "post",
            roles(403, anonymous=LOGIN, coordinator_in=302, coordinator_out=404),
            lambda w: {"batch_id": w.batch.pk},
            method="post",
            mutates=frozenset({"coordinator_in"}),
        ),
    ],
    # The Wagtail admin's certificate and user views (certificates/viewsets.py, accounts/viewsets.py).
    "certificates:revoke": [
        Case("get", REVOKERS_ONLY, lambda w: {"pk": w.certificate.pk}),
        Case(
            "post",
            REVOKERS_ONLY,
            lambda w: {"pk": w.certificate.pk},
            method="post",
            data=lambda w: {"reason": "Obtained by fraud"},
        ),
    ],
    "certificates:inspect": [Case("get", REVOKERS_ONLY, lambda w: {"pk": w.certificate.pk})],
    "wagtailusers_users:edit": [
        Case("get", USER_ADMINS_ONLY, lambda w: {"pk": w.users["trainee"].pk}),
        Case(
            "post",
            USER_ADMINS_ONLY,
            lambda w: {"pk": w.users["trainee"].pk},
            method="post",
            data=lambda w: {"email": "taken.over@example.org", "full_name": "Taken Over", "is_superuser": "on"},
        ),
    ],
    "wagtailusers_users:erase": [
        Case("get", USER_ADMINS_ONLY, lambda w: {"pk": w.users["trainee"].pk}),
        Case("post", USER_ADMINS_ONLY, lambda w: {"pk": w.users["trainee"].pk}, method="post"),
    ],
    "wagtailusers_users:delete": [
        Case("get", DELETERS_ONLY, lambda w: {"pk": w.users["trainee"].pk}),
        Case("post", DELETERS_ONLY, lambda w: {"pk": w.users["trainee"].pk}, method="post"),
    ],
}

# Pages without an id whose data depends on who asks: for reports the scope is the id.
_TRAINEES_SHOWN = {
    "coordinator_in": lambda w: (*_holder(w).markers[:3], *w.people["other_trainee"].markers),
    "coordinator_out": lambda w: w.people["outsider"].markers,
}
SCOPE_PAGES: dict[str, list[Case]] = {
    "reports_dashboard": [
        Case(
            "plain",
            COORDINATORS,
            report=True,
            shows={"coordinator_in": lambda w: (AGENCY_A,), "coordinator_out": lambda w: (AGENCY_B,)},
        ),
        Case(
            "foreign-filter",
            COORDINATORS,
            report=True,
            query=lambda w: f"?agency={w.agency_a.pk}&region={w.region.pk}&course={w.course.pk}",
        ),
    ],
    "reports_trainees": [
        Case("plain", COORDINATORS, report=True, shows=_TRAINEES_SHOWN),
        Case(
            "foreign-filter",
            COORDINATORS,
            report=True,
            shows=_TRAINEES_SHOWN,
            query=lambda w: f"?agency={w.agency_a.pk}&region={w.region.pk}&course={w.course.pk}",
        ),
        Case(
            "search-holder",
            COORDINATORS,
            report=True,
            query=lambda w: "?q=zebuniso&sort=-name",
            shows={"coordinator_in": lambda w: _holder(w).markers[:3]},
        ),
        Case(
            "search-position",
            COORDINATORS,
            report=True,
            query=lambda w: "?q=Zebra+Checkpoint",
            shows={"coordinator_in": lambda w: _holder(w).markers[:3]},
        ),
    ],
    "reports_headcounts": [Case("get", COORDINATORS, report=True)],
    # The admin's lists of certificates and users, searched for the holder.
    "certificates:index": [Case("search-holder", REVOKERS_ONLY, query=lambda w: "?q=zebuniso")],
    "certificates:index_results": [Case("search-holder", REVOKERS_ONLY, query=lambda w: "?q=zebuniso")],
    "wagtailusers_users:index": [Case("search-holder", USER_ADMINS_ONLY, query=lambda w: "?q=zebuniso")],
    "wagtailusers_users:index_results": [Case("search-holder", USER_ADMINS_ONLY, query=lambda w: "?q=zebuniso")],
    "wagtailusers_users:add": [
        Case("get", USER_ADMINS_ONLY),
        Case(
            "post",
            USER_ADMINS_ONLY,
            method="post",
            data=lambda w: {"email": "planted@example.org", "full_name": "Planted Admin", "is_superuser": "on"},
        ),
    ],
    "reports_invite": [
        Case("get", COORDINATORS, report=True),
        Case("template", COORDINATORS, report=True, query=lambda w: "?template=csv"),
    ],
    # Wagtail's front-end login: a redirect to allauth's for everyone, whatever is posted to it.
    "wagtailcore_login": [
        Case("get", roles(LOGIN)),
        Case(
            "post-credentials",
            roles(LOGIN),
            method="post",
            data=lambda w: {"username": _holder(w).email, "password": DEFAULT_PASSWORD},
        ),
    ],
    "my_learning": [Case("get", SIGNED_IN)],
    "my_certificates": [
        Case("get", SIGNED_IN, shows={"trainee": lambda w: (w.certificate.display_code,)}),
    ],
    "profile": [Case("get", SIGNED_IN, shows={"trainee": lambda w: (_holder(w).email, _holder(w).full_name)})],
    "my_data": [Case("get", SIGNED_IN)],
    "my_data_export": [
        Case("get", SIGNED_IN, shows={"trainee": lambda w: (*_holder(w).markers[:3], w.certificate.display_code)}),
    ],
}


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


def snapshot() -> set[tuple]:
    """Everything an access-control failure could change, as (owner id, fact) pairs."""
    facts = set()
    facts |= {
        (row[0], "enrolment", *row[1:]) for row in Enrolment.objects.values_list("user_id", "course_id", "completed_at")
    }
    facts |= {(u, "lesson", lesson) for u, lesson in LessonCompletion.objects.values_list("user_id", "lesson_id")}
    facts |= {
        (row[0], "attempt", *row[1:])
        for row in Attempt.objects.values_list("user_id", "pk", "status", "score", "submitted_at", "passed")
    }
    facts |= {
        (row[0], "certificate", *row[1:])
        for row in Certificate.objects.values_list("user_id", "pk", "status", "revoked_at", "revocation_reason")
    }
    facts |= {
        (row[0], "batch", *row[1:])
        for row in InvitationBatch.objects.values_list("created_by_id", "pk", "status", "sent_at")
    }
    facts |= {
        (row[0], "user", *row[1:])
        for row in User.objects.values_list(
            "pk", "email", "full_name", "position", "agency_id", "region_id", "is_active", "is_staff", "is_superuser"
        )
    }
    facts |= {(None, "headcount", *row) for row in Headcount.objects.values_list("agency_id", "region_id", "staff")}
    return facts


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
        key = _excluded_key(route)
        if key is None:
            forgotten.append(f"{route.path} (name={route.name}, view={route.view})")
        elif key.endswith("/") and _is_ours(route):
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
        assert _is_ours(by_name[name]), f"{name} is not one of our views"
    for name in SCOPE_PAGES:
        assert name in by_name and not by_name[name].has_params, name
    for key in set(EXCLUDED) - DEBUG_ONLY:
        matched = any(_excluded_key(route) == key for route in routes if route.has_params)
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
    client.post(reverse("attempt_submit", kwargs={"attempt_id": world.open_attempt.pk}))
    assert Attempt.objects.get(pk=world.open_attempt.pk).status != Attempt.Status.IN_PROGRESS


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
