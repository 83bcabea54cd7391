"""One way in, and a second factor per session for everyone who sees other people's data.

Findings #1, #5, #6, #7 and #14 of the security review: Wagtail's front-end login signed users
in with a password alone; reports trusted a session because the *account* had an authenticator;
staff read every trainee in the admins without a second factor; behind the proxy every client
shared the proxy's rate limit; a signed-in trainee opening /admin/ looped between two redirects.
"""

import time

import pytest
from allauth.mfa.models import Authenticator
from allauth.mfa.totp.internal.auth import format_hotp_value, hotp_value
from allauth.usersessions.models import UserSession
from django.contrib.auth.models import Group, Permission
from django.test import Client
from django.urls import get_resolver, reverse
from wagtail.models import PageViewRestriction

from tests.assessments.builders import complete_lessons, issue_certificate
from tests.factories import (
    DEFAULT_PASSWORD,
    TOTP_SECRET,
    UserFactory,
    build_course,
    make_coordinator,
    with_totp,
)
from tests.test_settings import production_env, run

pytestmark = pytest.mark.django_db


def totp_code(secret: str = TOTP_SECRET, *, step: int = 0) -> str:
    return format_hotp_value(hotp_value(secret, int(time.time()) // 30 + step))


def password_login(client: Client, user, *, next_url: str = "") -> object:
    data = {"login": user.email, "password": DEFAULT_PASSWORD}
    if next_url:
        data["next"] = next_url
    return client.post(reverse("account_login"), data)


def full_login(client: Client, user, *, step: int = 0) -> None:
    """Password, then the TOTP code, through allauth's real forms."""
    response = password_login(client, user)
    assert response["Location"].startswith(reverse("mfa_authenticate")), response["Location"]
    response = client.post(reverse("mfa_authenticate"), {"code": totp_code(step=step)})
    assert response.status_code == 302 and "/2fa/" not in response["Location"], response


def password_only_session(client: Client, user) -> None:
    """A session signed in with the password alone, as Wagtail's ``_util/login/`` made one."""
    client.force_login(user)


@pytest.fixture
def trainee_with_certificate(db, catalogue):
    course = build_course(title="Two-factor course", lessons=1, catalogue=catalogue)
    holder = UserFactory(email="holder@example.org", full_name="Holder Person")
    complete_lessons(holder, course)
    return holder, issue_certificate(holder, course)


@pytest.fixture
def coordinator(db):
    return make_coordinator(email="national.coordinator@example.org", full_name="National Coordinator")


REPORT_URLS = [
    ("reports_dashboard", []),
    ("reports_trainees", []),
    ("reports_export_trainees", ["csv"]),
    ("reports_export_trainees", ["xlsx"]),
    ("reports_export_matrix", ["csv"]),
    ("reports_export_matrix", ["xlsx"]),
    ("reports_headcounts", []),
    ("reports_invite", []),
]


def report_urls() -> list[str]:
    return [reverse(name, args=args) for name, args in REPORT_URLS]


def reauthenticate_with_password(client: Client) -> None:
    """allauth asks for the password again before an authenticator is added or removed."""
    response = client.post(reverse("account_reauthenticate"), {"password": DEFAULT_PASSWORD})
    assert response.status_code == 302, response


# --- One way in --------------------------------------------------------------------------------


@pytest.mark.parametrize("language", ["en", "ru", "tg"])
def test_wagtail_front_end_login_is_a_redirect_to_allauth_and_signs_nobody_in(client, coordinator, language):
    url = f"/{language}/_util/login/?next=/{language}/reports/"

    shown = client.get(url)
    posted = client.post(url, {"username": coordinator.email, "password": DEFAULT_PASSWORD, "next": "/en/reports/"})

    assert shown.status_code == 302
    assert shown["Location"] == f"/{language}/accounts/login/?next=/{language}/reports/"
    assert posted.status_code == 302 and "/accounts/login/" in posted["Location"]
    assert "_auth_user_id" not in client.session
    assert client.get(reverse("reports_dashboard"))["Location"].startswith(reverse("account_login"))


def test_login_restricted_page_sends_visitors_to_allauth(client, catalogue):
    course = build_course(title="Restricted course", lessons=1, catalogue=catalogue)
    PageViewRestriction.objects.create(page=course, restriction_type=PageViewRestriction.LOGIN)

    response = client.get(course.url)

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login") + "?next=")


def test_password_alone_does_not_sign_a_coordinator_in(client, coordinator):
    response = password_login(client, coordinator, next_url=reverse("reports_dashboard"))

    assert response["Location"].startswith(reverse("mfa_authenticate"))
    assert client.get(reverse("reports_dashboard"))["Location"].startswith(reverse("account_login"))


# --- A second factor in this session, not on the account ---------------------------------------


def test_password_only_session_of_an_account_with_totp_sees_no_personal_data(client, coordinator):
    password_only_session(client, coordinator)

    for url in report_urls():
        response = client.get(url)
        assert response.status_code == 302, url
        assert response["Location"].startswith(reverse("mfa_reauthenticate") + "?next="), (url, response["Location"])


def test_password_only_session_gets_no_other_trainees_certificate_pdf(client, coordinator, trainee_with_certificate):
    _holder, certificate = trainee_with_certificate
    password_only_session(client, coordinator)

    response = client.get(reverse("certificate_download", args=[certificate.pk]))

    assert response.status_code == 404


def test_entering_a_code_opens_the_reports_for_this_session(client, coordinator, trainee_with_certificate):
    _holder, certificate = trainee_with_certificate
    password_only_session(client, coordinator)
    next_url = reverse("reports_trainees")

    client.get(next_url)
    response = client.post(f"{reverse('mfa_reauthenticate')}?next={next_url}", {"code": totp_code()})

    assert response.status_code == 302 and response["Location"] == next_url
    assert client.get(next_url).status_code == 200
    assert client.get(reverse("certificate_download", args=[certificate.pk])).status_code == 200


def test_a_full_login_opens_every_report(client, coordinator, trainee_with_certificate):
    _holder, certificate = trainee_with_certificate
    full_login(client, coordinator)

    for url in [*report_urls(), reverse("certificate_download", args=[certificate.pk])]:
        assert client.get(url).status_code == 200, url


def test_report_pages_and_exports_are_never_cached(client, coordinator, trainee_with_certificate):
    _holder, certificate = trainee_with_certificate
    full_login(client, coordinator)

    for url in [*report_urls(), reverse("certificate_download", args=[certificate.pk])]:
        assert "no-store" in client.get(url)["Cache-Control"], url


def test_session_from_before_totp_enrolment_never_gains_access(coordinator, trainee_with_certificate, monkeypatch):
    """Review #5: session X signed in before the account had an authenticator; session Y
    activates one; X must neither reach the reports nor stay signed in."""
    _holder, certificate = trainee_with_certificate
    Authenticator.objects.filter(user=coordinator).delete()
    before, enrolling, untracked = Client(), Client(), Client()
    assert password_login(before, coordinator)["Location"] == reverse("my_learning")
    password_only_session(untracked, coordinator)  # a session allauth does not know of
    password_login(enrolling, coordinator)
    assert before.get(reverse("reports_dashboard"))["Location"].startswith(reverse("mfa_activate_totp"))

    reauthenticate_with_password(enrolling)
    # allauth announces a new authenticator when activation's transaction commits, which in a
    # real request is before the response; the test's transaction never commits.
    monkeypatch.setattr("allauth.mfa.totp.internal.flows.transaction.on_commit", lambda callback, *a, **k: callback())
    activate = enrolling.get(reverse("mfa_activate_totp"))
    secret = activate.context["form"].secret
    response = enrolling.post(reverse("mfa_activate_totp"), {"code": totp_code(secret)})

    assert response.status_code == 302
    assert Authenticator.objects.filter(user=coordinator, type=Authenticator.Type.TOTP).exists()
    assert before.get(reverse("reports_dashboard"))["Location"].startswith(reverse("account_login"))
    assert before.get(reverse("my_learning"))["Location"].startswith(reverse("account_login"))
    assert untracked.get(reverse("reports_dashboard"))["Location"].startswith(reverse("mfa_reauthenticate"))
    assert untracked.get(reverse("certificate_download", args=[certificate.pk])).status_code == 404
    # The session that proved the new authenticator with a code may go on.
    assert enrolling.get(reverse("reports_dashboard")).status_code == 200


def test_removing_the_authenticator_ends_the_other_sessions(coordinator, settings):
    settings.MFA_TOTP_TOLERANCE = 1  # two sign-ins in one 30-second window: a code is accepted once
    other, current = Client(), Client()
    full_login(other, coordinator)
    full_login(current, coordinator, step=-1)
    assert UserSession.objects.filter(user=coordinator).count() == 2

    reauthenticate_with_password(current)
    response = current.post(reverse("mfa_deactivate_totp"))

    assert response.status_code == 302
    assert not Authenticator.objects.filter(user=coordinator, type=Authenticator.Type.TOTP).exists()
    assert other.get(reverse("my_learning"))["Location"].startswith(reverse("account_login"))
    assert current.get(reverse("my_learning")).status_code == 200


# --- Staff --------------------------------------------------------------------------------------

ADMIN_PERSONAL_DATA_URLS = [
    "/admin/",
    "/admin/users/",
    "/admin/users/new/",
    "/admin/certificates/",
]


@pytest.fixture
def superuser(db):
    return UserFactory(email="root@example.org", is_staff=True, is_superuser=True, agency=None, region=None)


def test_superuser_without_an_authenticator_must_set_one_up(client, superuser):
    client.force_login(superuser)

    for url in ADMIN_PERSONAL_DATA_URLS:
        response = client.get(url)
        assert response.status_code == 302, url
        assert response["Location"] == f"{reverse('mfa_activate_totp')}?next={url.replace('/', '%2F')}", url


def test_superuser_with_an_authenticator_must_pass_it_in_this_session(client, superuser):
    with_totp(superuser)
    client.force_login(superuser)

    for url in ADMIN_PERSONAL_DATA_URLS:
        assert client.get(url)["Location"].startswith(reverse("mfa_reauthenticate")), url

    client.post(reverse("mfa_reauthenticate"), {"code": totp_code()})
    for url in ADMIN_PERSONAL_DATA_URLS:
        assert client.get(url).status_code == 200, url


@pytest.mark.parametrize(
    "codename", ["view_user", "change_user", "view_coordinatorscope", "view_certificate", "revoke_certificate"]
)
def test_staff_who_may_read_users_scopes_or_certificates_need_a_second_factor(client, codename):
    staff = UserFactory(email="records@example.org", is_staff=True, agency=None, region=None)
    staff.user_permissions.add(Permission.objects.get(codename=codename))
    client.force_login(staff)

    for url in ADMIN_PERSONAL_DATA_URLS:
        assert client.get(url)["Location"].startswith(reverse("mfa_activate_totp")), url


def test_a_group_giving_admin_access_and_certificates_needs_a_second_factor_without_is_staff(client):
    """The Wagtail admin admits by permission, not by is_staff: the rule must not lean on the flag."""
    group = Group.objects.create(name="Certificate readers")
    group.permissions.add(
        Permission.objects.get(codename="access_admin"), Permission.objects.get(codename="view_certificate")
    )
    reader = UserFactory(email="reader@example.org", is_staff=False, agency=None, region=None)
    reader.groups.add(group)
    client.force_login(reader)

    response = client.get("/admin/certificates/")

    assert response["Location"].startswith(reverse("mfa_activate_totp"))


def _admin_personal_data_routes() -> list[tuple[str, bool]]:
    """Every admin view of users and certificates, as (name, has an id), from the resolver: a
    view added to either viewset is covered without editing this test."""
    routes = []
    for namespace in ("wagtailusers_users", "certificates"):
        _prefix, resolver = get_resolver().namespace_dict[namespace]
        routes += [(f"{namespace}:{p.name}", bool(p.pattern.converters)) for p in resolver.url_patterns if p.name]
    return routes


def test_every_user_and_certificate_admin_view_needs_this_sessions_second_factor(
    client, superuser, trainee_with_certificate
):
    trainee, certificate = trainee_with_certificate
    with_totp(superuser)
    client.force_login(superuser)
    routes = _admin_personal_data_routes()
    assert {"certificates:revoke", "certificates:inspect", "wagtailusers_users:erase", "wagtailusers_users:edit"} <= {
        name for name, _has_id in routes
    }

    for name, has_id in routes:
        pk = certificate.pk if name.startswith("certificates:") else trainee.pk
        url = reverse(name, kwargs={"pk": pk} if has_id else {})
        for method in ("get", "post"):
            response = getattr(client, method)(url)
            assert response.status_code == 302, f"{method} {url}"
            assert response["Location"].startswith(reverse("mfa_reauthenticate")), f"{method} {url}"
    certificate.refresh_from_db()
    trainee.refresh_from_db()
    assert certificate.status == certificate.Status.VALID and trainee.erased_at is None


def test_editors_are_offered_a_second_factor_not_required(client):
    editor = UserFactory(email="editor@example.org", is_staff=True, agency=None, region=None)
    editor.groups.add(Group.objects.get(name="Editors"))
    client.force_login(editor)

    response = client.get("/admin/")

    assert response.status_code == 200
    assert "Set up two-factor authentication" in response.content.decode()
    with_totp(editor)
    assert "Set up two-factor authentication" not in client.get("/admin/").content.decode()


# --- The admin without access (#14) ------------------------------------------------------------


@pytest.mark.parametrize(
    ("language", "phrase"), [("en", "No access to the administration"), ("tg", "Дастрасӣ ба идоракунӣ нест")]
)
def test_signed_in_trainee_opening_the_admin_gets_a_403_page_not_a_loop(client, trainee, language, phrase):
    client.force_login(trainee)
    client.cookies["frontline_language"] = language
    trainee.preferred_language = language
    trainee.save()

    response = client.get("/admin/", follow=True)

    assert response.status_code == 403
    assert len(response.redirect_chain) == 1
    assert phrase in response.content.decode()


def test_anonymous_admin_visitor_is_sent_to_allauth_login(client):
    response = client.get("/admin/", follow=True)

    assert response.status_code == 200
    assert response.redirect_chain[-1][0].startswith(reverse("account_login") + "?next=")


# --- Behind the proxy (#7) -----------------------------------------------------------------------


def _from(address: str) -> dict:
    return {"HTTP_X_FORWARDED_FOR": address, "REMOTE_ADDR": "10.0.0.1"}


def test_behind_the_proxy_one_clients_bad_logins_do_not_lock_out_another(client, settings, coordinator):
    settings.ALLAUTH_TRUSTED_PROXY_COUNT = 1
    trainee = UserFactory(email="unrelated@example.org")
    for n in range(12):
        client.post(
            reverse("account_login"), {"login": f"nobody{n}@example.org", "password": "wrong"}, **_from("203.0.113.7")
        )
    blocked = Client().post(
        reverse("account_login"), {"login": trainee.email, "password": DEFAULT_PASSWORD}, **_from("203.0.113.7")
    )

    response = Client().post(
        reverse("account_login"), {"login": trainee.email, "password": DEFAULT_PASSWORD}, **_from("198.51.100.8")
    )

    assert "Too many failed login attempts" in blocked.content.decode()
    # Signed in: My learning, or its welcome page on a trainee's first sign-in.
    assert response.status_code == 302 and response["Location"].startswith(reverse("my_learning"))


def test_behind_the_proxy_the_verification_limit_is_per_client(client, settings):
    settings.ALLAUTH_TRUSTED_PROXY_COUNT = 1
    url = reverse("certificate_verify", args=["FL-AAAA-AAAA-AAAA-AAAA"])
    for _ in range(25):
        client.get(url, **_from("203.0.113.7"))

    assert client.get(url, **_from("203.0.113.7")).status_code == 429
    assert client.get(url, **_from("198.51.100.8")).status_code != 429


@pytest.mark.parametrize(
    ("environment", "hops"),
    [({}, 0), ({"BEHIND_TLS_PROXY": "1"}, 1), ({"BEHIND_TLS_PROXY": "1", "TRUSTED_PROXY_COUNT": "2"}, 2)],
)
def test_the_proxy_setting_tells_allauth_how_many_hops_to_trust(environment, hops):
    env = production_env(SECRET_KEY="x" * 60, ALLOWED_HOSTS="frontline.example.org")
    env.pop("BEHIND_TLS_PROXY", None)
    env.pop("TRUSTED_PROXY_COUNT", None)
    env.update(environment)
    code = (
        "import django; from django.conf import settings; django.setup(); print(settings.ALLAUTH_TRUSTED_PROXY_COUNT)"
    )

    result = run(["-c", code], env)

    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == str(hops)
