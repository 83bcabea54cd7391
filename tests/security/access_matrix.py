"""The access-control matrix's data: the roles, the URL patterns the resolver knows and the ones
excluded (with why), and what each role gets at every URL with an object id or code
(EXPECTATIONS) and at the scope-filtered report pages (SCOPE_PAGES).

tests/security/test_access_matrix.py checks every cell; tests/security/access_world.py builds
the people and objects the cells ask for.
"""

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from django.apps import apps
from django.conf import settings
from django.urls import URLResolver, get_resolver
from django.urls.resolvers import LocalePrefixPattern, RegexPattern, RoutePattern

from certificates import codes
from tests.factories import DEFAULT_PASSWORD
from tests.security.access_world import AGENCY_A, AGENCY_B

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
    "invitation_set_password": "allauth's password-reset view under the invitation's words: uidb36 plus "
    "a one-time token checked by allauth (tests/invitations/test_set_password.py)",
    "wagtailcore_authenticate_with_password": "Wagtail page privacy password form",
    "email_unsubscribe": "the one-click unsubscribe: a signed token naming the user and the kind of e-mail, not an "
    "object id; no sign-in by design (RFC 8058); tests/programme/remind/test_unsubscribe.py",
    "wagtail_serve": "Wagtail's catch-all page route (a page path, not an id): page privacy "
    "and live/draft are Wagtail's; course pages are covered in tests/courses/test_access.py",
}
DEBUG_ONLY = {"media/"}  # present in the URLconf only when it was loaded with DEBUG on


def excluded_key(route: Route) -> str | None:
    bare = route.path.removeprefix(LANG)
    for key in EXCLUDED:
        if (key.endswith("/") and bare.startswith(key)) or key == route.name:
            return key
    return None


def is_ours(route: Route) -> bool:
    return route.view.split(".")[0] in our_packages()


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
# The requirements admin (programme/viewsets.py): administrators, and coordinators given the admin
# and the requirement permissions (tests/programme/admin/ checks their scope); the matrix's
# coordinators have neither, the editor enters the admin without the permissions.
REQUIREMENT_ADMINS_ONLY = REVOKERS_ONLY


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


EXPORT_FILE = "exports/access-matrix/trainees.csv"


def export_job_for(user, *, content: str = "Zebuniso Holder\n"):
    """A finished export (digests) of ``user``'s, its file written once and shared by the tests."""
    from datetime import timedelta

    from django.core.files.base import ContentFile
    from django.core.files.storage import storages
    from django.utils import timezone

    from digests.models import ExportJob

    storage = storages["private"]
    if not storage.exists(EXPORT_FILE):
        storage.save(EXPORT_FILE, ContentFile(content.encode()))
    now = timezone.now()
    return ExportJob.objects.create(
        user=user,
        kind="trainees",
        file_format="csv",
        language="en",
        state="done",
        rows=1,
        file=EXPORT_FILE,
        finished_at=now,
        expires_at=now + timedelta(days=7),
    )


def _notice(w):
    """A notice (a due-soon reminder) for the holder, made when a cell first asks for it."""
    from programme.models import Assignment, Reminder

    assignment = Assignment.objects.get_or_create(
        user=w.users["trainee"], course=w.course, cycle=1, defaults={"due_on": date(2030, 1, 1)}
    )[0]
    return Reminder.objects.get_or_create(
        assignment=assignment, recipient=w.users["trainee"], kind="due_soon", step=14
    )[0]


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
    # The item analysis of an assessment (assessments/wagtail_hooks.py): admin access and the
    # permission to edit the page, which editors hold; figures only, nobody's name or answers.
    "assessment_item_analysis": [
        Case("get", roles(WAGTAIL_ADMIN_LOGIN, editor=200), lambda w: {"page_id": w.assessment.pk}),
        Case(
            "csv",
            roles(WAGTAIL_ADMIN_LOGIN, editor=200),
            lambda w: {"page_id": w.assessment.pk},
            query=lambda w: "?format=csv",
            never=lambda w: (_holder(w).email, _holder(w).full_name),
        ),
    ],
    # Notices (programme/notice_views.py): only their recipient marks one read; for anyone else it does not exist.
    "notice_read": [
        Case("get", POST_ONLY, lambda w: {"reminder_id": _notice(w).pk}),
        Case("post", roles(404, anonymous=LOGIN, trainee=302), lambda w: {"reminder_id": _notice(w).pk}, method="post"),
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
    "attempt_save": [
        Case("get", POST_ONLY, lambda w: {"attempt_id": w.open_attempt.pk}),
        # The holder's answers are saved and they stay on the attempt; anyone else: not found.
        Case(
            "post", roles(404, anonymous=LOGIN, trainee=302), lambda w: {"attempt_id": w.open_attempt.pk}, method="post"
        ),
        Case(
            "post-submitted",
            roles(404, anonymous=LOGIN, trainee=302),
            lambda w: {"attempt_id": w.submitted_attempt.pk},
            method="post",
        ),
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
    "reports_export_at_risk": [
        Case(
            "csv",
            COORDINATORS,
            lambda w: {"file_format": "csv"},
            report=True,
            shows={
                "coordinator_in": lambda w: w.people["other_trainee"].markers[:2],
                "coordinator_out": lambda w: w.people["outsider"].markers[:2],
            },
        ),
        Case(
            "xlsx-foreign-filter",
            COORDINATORS,
            lambda w: {"file_format": "xlsx"},
            report=True,
            query=lambda w: f"?agency={w.agency_a.pk}&region={w.region.pk}&course={w.course.pk}",
            shows={
                "coordinator_in": lambda w: w.people["other_trainee"].markers[:2],
                "coordinator_out": lambda w: w.people["outsider"].markers[:2],
            },
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
    # Big exports (digests): queued by their owner, downloaded by their owner only.
    "digests_export_prepare": [
        Case(
            "get",
            roles(403, anonymous=LOGIN, coordinator_in="digests_exports", coordinator_out="digests_exports"),
            lambda w: {"kind": "trainees", "file_format": "csv"},
        ),
    ],
    "digests_export_download": [
        Case(
            "owner-only",
            roles(403, anonymous=LOGIN, coordinator_in=200, coordinator_out=404),
            lambda w: {"job_id": export_job_for(w.users["coordinator_in"]).pk},
            report=True,
            shows={"coordinator_in": lambda w: (_holder(w).full_name,)},
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
    "wagtailusers_users:two_factor_reset": [
        Case("get", USER_ADMINS_ONLY, lambda w: {"pk": w.users["coordinator_in"].pk}),
        Case("post", USER_ADMINS_ONLY, lambda w: {"pk": w.users["coordinator_in"].pk}, method="post"),
    ],
    "wagtailusers_users:delete": [
        Case("get", DELETERS_ONLY, lambda w: {"pk": w.users["trainee"].pk}),
        Case("post", DELETERS_ONLY, lambda w: {"pk": w.users["trainee"].pk}, method="post"),
    ],
    "requirements:edit": [
        Case("get", REQUIREMENT_ADMINS_ONLY, lambda w: {"pk": w.requirement.pk}),
        Case(
            "post",
            REQUIREMENT_ADMINS_ONLY,
            lambda w: {"pk": w.requirement.pk},
            method="post",
            data=lambda w: {"agency": w.agency_b.pk, "due_rule": "after_joining", "due_days": "1"},
        ),
        Case(
            "preview",
            REQUIREMENT_ADMINS_ONLY,
            lambda w: {"pk": w.requirement.pk},
            method="post",
            data=lambda w: {"agency": w.agency_a.pk, "due_rule": "after_joining", "due_days": "1", "preview": "1"},
        ),
    ],
    "requirements:delete": [
        Case("get", REQUIREMENT_ADMINS_ONLY, lambda w: {"pk": w.requirement.pk}),
        Case("post", REQUIREMENT_ADMINS_ONLY, lambda w: {"pk": w.requirement.pk}, method="post"),
    ],
    "requirements:withdraw": [
        Case("get", REQUIREMENT_ADMINS_ONLY, lambda w: {"pk": w.requirement.pk}),
        Case("post", REQUIREMENT_ADMINS_ONLY, lambda w: {"pk": w.requirement.pk}, method="post"),
    ],
    "requirements:history": [Case("get", REQUIREMENT_ADMINS_ONLY, lambda w: {"pk": w.requirement.pk})],
    "requirements:history_results": [Case("get", REQUIREMENT_ADMINS_ONLY, lambda w: {"pk": w.requirement.pk})],
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
    "reports_at_risk": [
        Case(
            "plain",
            COORDINATORS,
            report=True,
            shows={
                "coordinator_in": lambda w: (w.people["other_trainee"].full_name,),
                "coordinator_out": lambda w: (w.people["outsider"].full_name,),
            },
        ),
        Case(
            "foreign-filter",
            COORDINATORS,
            report=True,
            query=lambda w: f"?agency={w.agency_a.pk}&region={w.region.pk}&reason=overdue&sort=-name",
            shows={
                "coordinator_in": lambda w: (w.people["other_trainee"].full_name,),
                "coordinator_out": lambda w: (w.people["outsider"].full_name,),
            },
        ),
    ],
    "reports_headcounts": [Case("get", COORDINATORS, report=True)],
    "digests_subscription": [Case("get", COORDINATORS, report=True)],
    "digests_exports": [Case("get", COORDINATORS, report=True)],
    # The glossary in the admin: editors, not those who may not enter the admin.
    "demo_glossary": [Case("get", roles(WAGTAIL_ADMIN_LOGIN, editor=200))],
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
    # The requirements admin's list and form (programme/viewsets.py).
    "requirements:index": [Case("get", REQUIREMENT_ADMINS_ONLY)],
    "requirements:index_results": [Case("search", REQUIREMENT_ADMINS_ONLY, query=lambda w: "?q=matrix")],
    "requirements:add": [
        Case("get", REQUIREMENT_ADMINS_ONLY),
        Case(
            "post",
            REQUIREMENT_ADMINS_ONLY,
            method="post",
            data=lambda w: {
                "course": w.course.pk,
                "agency": w.agency_b.pk,
                "due_rule": "after_joining",
                "due_days": "30",
                "starts_on": "2026-01-01",
            },
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
    "notices": [Case("get", SIGNED_IN)],
    "notices_read_all": [Case("get", POST_ONLY), Case("post", SIGNED_IN_REDIRECT, method="post")],
    # The reminder log: superusers only; the editor may enter the admin but is sent to its home page.
    "reminders:index": [Case("get", REVOKERS_ONLY)],
    "reminders:index_results": [Case("get", REVOKERS_ONLY)],
    "welcome": [Case("get", SIGNED_IN)],
    "my_certificates": [
        Case("get", SIGNED_IN, shows={"trainee": lambda w: (w.certificate.display_code,)}),
    ],
    "profile": [Case("get", SIGNED_IN, shows={"trainee": lambda w: (_holder(w).email, _holder(w).full_name)})],
    "my_data": [Case("get", SIGNED_IN)],
    "my_data_export": [
        Case("get", SIGNED_IN, shows={"trainee": lambda w: (*_holder(w).markers[:3], w.certificate.display_code)}),
    ],
}
