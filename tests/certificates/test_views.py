"""My certificates, downloads, public verification, rate limiting and revocation."""

from datetime import timedelta

import pytest
from django.core.files.base import ContentFile
from django.urls import reverse
from django.utils import dateformat, timezone, translation
from django.utils.formats import get_format
from wagtail.models import ModelLogEntry

from certificates import codes
from certificates.models import Certificate
from certificates.services import certificate_revoke
from certificates.views import LOOKUPS_PER_MINUTE
from tests.assessments.builders import issue_certificate
from tests.factories import UserFactory, build_course, make_coordinator, sign_in_with_second_factor, with_totp

pytestmark = pytest.mark.django_db


def verify_url(certificate_or_code) -> str:
    code = getattr(certificate_or_code, "display_code", certificate_or_code)
    return reverse("certificate_verify", args=[code])


def text(response) -> str:
    return response.content.decode()


def en_date(value) -> str:
    return dateformat.format(value, get_format("DATE_FORMAT", "en"))


# --- My certificates and downloads ------------------------------------------------------------


def test_my_certificates_lists_only_my_own(client_trainee, certificate, other_user):
    theirs = issue_certificate(other_user, build_course(title="Interviewing victims", lessons=1))

    response = client_trainee.get(reverse("my_certificates"))

    assert response.status_code == 200
    assert certificate.display_code in text(response)
    assert certificate.course_title in text(response)
    assert theirs.display_code not in text(response)
    assert "Interviewing victims" not in text(response)


def test_my_certificates_requires_login(client):
    response = client.get(reverse("my_certificates"))

    assert response.status_code == 302
    assert reverse("account_login") in response["Location"]


def test_holder_downloads_the_stored_pdf(client_trainee, certificate, fake_render):
    certificate.pdf.save(f"{certificate.code}.pdf", ContentFile(b"%PDF-1.7 stored"), save=True)

    response = client_trainee.get(reverse("certificate_download", args=[certificate.pk]))

    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert certificate.display_code in response["Content-Disposition"]
    assert response["Cache-Control"] == "private, no-store"
    assert response.content == b"%PDF-1.7 stored"
    assert fake_render == []


def test_download_before_the_worker_rendered_says_it_is_being_prepared_and_never_renders(
    client_trainee, certificate, fake_render
):
    response = client_trainee.get(reverse("certificate_download", args=[certificate.pk]))

    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/html")
    assert response["Cache-Control"] == "private, no-store"
    body = text(response)
    assert "Your certificate is being prepared" in body
    assert '<meta http-equiv="refresh" content="5">' in body
    assert "<script" not in body.split("</head>")[0].split("<meta http-equiv")[1]
    assert fake_render == []


def test_being_prepared_is_said_in_the_trainees_language(client, trainee, certificate, fake_render):
    trainee.preferred_language = "tg"
    trainee.save(update_fields=["preferred_language"])
    client.force_login(trainee)

    with translation.override("tg"):
        expected = translation.gettext("Your certificate is being prepared")
        response = client.get(reverse("certificate_download", args=[certificate.pk]))

    assert '<html lang="tg">' in text(response)
    assert expected in text(response)  # the tg catalogue's text (i18n-pending until merged)
    assert fake_render == []


def test_my_certificates_reloads_until_the_pdf_is_ready_then_offers_it(client_trainee, certificate, fake_render):
    download = reverse("certificate_download", args=[certificate.pk])

    preparing = text(client_trainee.get(reverse("my_certificates")))

    assert '<meta http-equiv="refresh" content="5">' in preparing
    assert "Your certificate is being prepared." in preparing
    assert f'href="{download}"' not in preparing

    certificate.pdf.save(f"{certificate.code}.pdf", ContentFile(b"%PDF-1.7 stored"), save=True)
    ready = text(client_trainee.get(reverse("my_certificates")))

    assert 'http-equiv="refresh"' not in ready
    assert "being prepared" not in ready
    assert f'href="{download}"' in ready
    assert client_trainee.get(download).content == b"%PDF-1.7 stored"
    assert fake_render == []


@pytest.mark.parametrize("more", [0, 4])
def test_my_certificates_lists_in_few_queries(
    client_trainee, trainee, certificate, more, django_assert_max_num_queries
):
    """As many queries for five certificates, some being prepared, as for one."""
    for n in range(more):
        other = issue_certificate(trainee, build_course(title=f"Course {n}", lessons=1))
        if n % 2:
            other.pdf.save(f"{other.code}.pdf", ContentFile(b"%PDF-1.7 stored"), save=True)

    # 13 with the header's unread-notices count, which each test meets with a cold cache.
    with django_assert_max_num_queries(13):
        response = client_trainee.get(reverse("my_certificates"))

    assert response.status_code == 200
    assert text(response).count("being prepared") == (3 if more else 1)


def test_the_render_task_renders_once_however_often_it_runs(certificate, fake_render):
    from certificates.tasks import render_certificate

    assert render_certificate.call(certificate.pk) is True
    assert render_certificate.call(certificate.pk) is False

    certificate.refresh_from_db()
    assert certificate.pdf.name.endswith(f"{certificate.code}.pdf")
    assert fake_render == [certificate.pk]


def test_the_render_task_renders_nothing_for_an_erased_holder(certificate, trainee, fake_render):
    from certificates.tasks import render_certificate

    type(trainee).objects.filter(pk=trainee.pk).update(erased_at=timezone.now())

    assert render_certificate.call(certificate.pk) is False
    assert render_certificate.call(987654) is False
    assert fake_render == []


def test_issuing_renders_the_pdf_after_commit_not_before(
    trainee, course, fake_render, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        certificate = issue_certificate(trainee, course)
    assert fake_render == []

    for callback in callbacks:
        callback()  # the immediate backend of the tests runs the task where it is enqueued

    certificate.refresh_from_db()
    assert fake_render == [certificate.pk]
    assert certificate.pdf


def test_a_render_lost_long_ago_is_queued_again_once_a_minute(client_trainee, certificate, fake_render):
    Certificate.objects.filter(pk=certificate.pk).update(issued_at=timezone.now() - timedelta(minutes=5))
    url = reverse("certificate_download", args=[certificate.pk])

    first = client_trainee.get(url)  # the immediate backend renders where it is queued

    assert "being prepared" in text(first)
    assert fake_render == [certificate.pk]
    assert client_trainee.get(url)["Content-Type"] == "application/pdf"
    assert fake_render == [certificate.pk]


def test_coordinator_is_told_the_trainees_certificate_is_being_prepared(client, certificate, fake_render):
    coordinator = make_coordinator(email="coordinator@example.org")
    sign_in_with_second_factor(client, coordinator)

    response = client.get(reverse("certificate_download", args=[certificate.pk]))

    assert response.status_code == 200
    assert "The certificate is being prepared" in text(response)
    assert fake_render == []


def test_another_users_certificate_pdf_is_not_found(client, certificate, other_user, fake_render):
    client.force_login(other_user)

    response = client.get(reverse("certificate_download", args=[certificate.pk]))

    assert response.status_code == 404
    assert fake_render == []


def test_anonymous_download_redirects_to_login(client, certificate, fake_render):
    url = reverse("certificate_download", args=[certificate.pk])

    response = client.get(url)

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login"))
    assert url in response["Location"]
    assert fake_render == []


# --- verification -----------------------------------------------------------------------------


def test_valid_certificate_is_verified(client, certificate):
    response = client.get(verify_url(certificate))

    assert response.status_code == 200
    assert "This certificate is valid." in text(response)


def test_expired_certificate_is_reported_expired(client, certificate):
    Certificate.objects.filter(pk=certificate.pk).update(expires_on=timezone.localdate() - timedelta(days=1))

    response = client.get(verify_url(certificate))

    assert response.status_code == 200
    assert "This certificate has expired." in text(response)
    assert "This certificate is valid." not in text(response)


def test_certificate_expiring_today_is_still_valid(client, certificate):
    Certificate.objects.filter(pk=certificate.pk).update(expires_on=timezone.localdate())

    assert "This certificate is valid." in text(client.get(verify_url(certificate)))


def test_revoked_certificate_shows_the_revocation_date(client, certificate, admin_user):
    revoked = certificate_revoke(certificate=certificate, reason="Obtained by fraud", by=admin_user)

    response = client.get(verify_url(certificate))

    assert response.status_code == 200
    assert f"This certificate was revoked on {en_date(timezone.localtime(revoked.revoked_at))}." in text(response)


def test_superseded_certificate_says_it_was_replaced(client, trainee, course, certificate):
    Certificate.objects.filter(pk=certificate.pk).update(expires_on=timezone.localdate() + timedelta(days=10))
    renewed = issue_certificate(trainee, course)

    old = client.get(verify_url(certificate))
    new = client.get(verify_url(renewed))

    assert old.status_code == 200
    assert "This certificate was replaced by a renewed one." in text(old)
    assert "This certificate is valid." in text(new)


def test_unknown_code_is_a_404_saying_there_is_no_certificate(client, certificate):
    unknown = codes.generate()
    assert unknown != certificate.code

    response = client.get(verify_url(codes.display(unknown)))

    assert response.status_code == 404
    assert "No certificate has this code." in text(response)
    assert certificate.holder_name not in text(response)


def test_code_with_a_typo_in_the_check_character_asks_to_check_for_typing_mistakes(client, certificate):
    wrong_check = next(c for c in codes.CHECK_ALPHABET if c != certificate.code[16])
    typo = codes.display(certificate.code[:16] + wrong_check)

    response = client.get(verify_url(typo))

    assert response.status_code == 404
    assert "No certificate has this code." in text(response)
    assert "one character is mistyped or two are swapped" in text(response)
    assert certificate.holder_name not in text(response)


def test_verification_accepts_a_lower_case_code_without_dashes(client, certificate):
    response = client.get(verify_url(certificate.code.lower()))

    assert response.status_code == 200
    assert "This certificate is valid." in text(response)


@pytest.mark.parametrize(
    "typed",
    [
        pytest.param(lambda code: code.lower(), id="lower-case-no-dashes"),
        pytest.param(lambda code: codes.display(code).lower(), id="lower-case-dashes"),
        pytest.param(lambda code: " ".join(codes.display(code).split("-")), id="spaces"),
        pytest.param(
            lambda code: codes.display(code).translate(str.maketrans("ABEKMHOPCTXY0", "АВЕКМНОРСТХУО")).lower(),
            id="cyrillic-look-alikes-lower-case",
        ),
        pytest.param(lambda code: codes.display(code).replace("-", " – "), id="en-dashes"),
        pytest.param(lambda code: codes.display(code).replace("0", "O").replace("1", "I"), id="o-and-i"),
    ],
)
def test_verify_form_redirects_to_the_canonical_address(client, certificate, typed):
    response = client.get(reverse("certificate_verify_form"), {"code": typed(certificate.code)})

    assert response.status_code == 302
    assert response["Location"] == f"/en/verify/{certificate.display_code}/"


def test_verify_form_shows_an_error_for_a_malformed_code(client, certificate):
    wrong_check = next(c for c in codes.CHECK_ALPHABET if c != certificate.code[16])

    response = client.get(reverse("certificate_verify_form"), {"code": certificate.code[:16] + wrong_check})

    assert response.status_code == 200
    assert "one character is mistyped or two are swapped" in text(response)


@pytest.mark.parametrize(
    ("typed", "says"),
    [
        (lambda code: codes.display(code)[:-2], "A certificate code has 17 characters, but you typed 16 characters."),
        (lambda code: "Ж" + code[1:], "“Ж” is never part of a certificate code"),
        (lambda code: "----", "Enter the code printed on the certificate."),
    ],
)
def test_verify_form_says_what_to_check_and_keeps_what_was_typed(client, certificate, typed, says):
    response = client.get(reverse("certificate_verify_form"), {"code": typed(certificate.code)})

    assert response.status_code == 200
    assert says in text(response)
    assert f'value="{typed(certificate.code)}"' in text(response)


@pytest.mark.parametrize(
    ("language", "says"),
    [("ru", "Код сертификата состоит из 17 символов"), ("tg", "Рамзи шаҳодатнома аз 17 аломат иборат аст")],
)
def test_verify_form_says_what_to_check_in_russian_and_tajik(client, certificate, language, says):
    with translation.override(language):  # the request activates it; leave English to the next test
        response = client.get(f"/{language}/verify/", {"code": certificate.code[:10]})

    assert response.status_code == 200
    assert says in text(response)


def test_verification_page_shows_name_course_and_dates_but_no_private_details(client, trainee, course):
    trainee.position = "Senior border inspector"
    trainee.save()
    certificate = issue_certificate(trainee, course, score=87)

    page = text(client.get(verify_url(certificate)))

    assert certificate.holder_name in page
    assert certificate.course_title in page
    assert en_date(timezone.localtime(certificate.issued_at)) in page
    assert en_date(certificate.expires_on) in page
    assert certificate.display_code in page
    assert trainee.email not in page
    assert trainee.agency.name not in page
    assert certificate.agency_name not in page
    assert "Senior border inspector" not in page
    assert "87%" not in page and "87 %" not in page


@pytest.fixture
def one_window(monkeypatch):
    """Keep every lookup in the same rate-limit window, whatever the wall clock does."""
    from types import SimpleNamespace

    monkeypatch.setattr("django_ratelimit.core.time", SimpleNamespace(time=lambda: 1_700_000_010.0))


def test_lookups_are_rate_limited_per_address(client, certificate, fresh_cache, one_window):
    url = verify_url(certificate)
    statuses = [client.get(url, REMOTE_ADDR="203.0.113.7").status_code for _ in range(LOOKUPS_PER_MINUTE)]

    blocked = client.get(url, REMOTE_ADDR="203.0.113.7")
    elsewhere = client.get(url, REMOTE_ADDR="198.51.100.9")

    assert LOOKUPS_PER_MINUTE == 20
    assert statuses == [200] * 20
    assert blocked.status_code == 429
    assert "Too many checks" in text(blocked)
    assert certificate.holder_name not in text(blocked)
    assert elsewhere.status_code == 200


# --- revocation in the admin (more in tests/admin/test_certificates.py) -------------------------


@pytest.fixture
def superuser(db):
    return with_totp(UserFactory(is_staff=True, is_superuser=True, email="root@example.org"))


@pytest.fixture
def client_admin(client, superuser):
    sign_in_with_second_factor(client, superuser)
    return client


def revoke_url(certificate) -> str:
    return reverse("certificates:revoke", args=[certificate.pk])


def test_admin_revocation_marks_the_certificate_revoked_and_logs_it(client_admin, superuser, certificate):
    form = client_admin.get(revoke_url(certificate))
    response = client_admin.post(revoke_url(certificate), {"reason": "Attempt taken by someone else"})

    assert form.status_code == 200
    assert response.status_code == 302
    certificate.refresh_from_db()
    assert certificate.status == Certificate.Status.REVOKED
    assert certificate.revoked_at is not None
    assert certificate.revocation_reason == "Attempt taken by someone else"
    assert certificate.revoked_by == superuser
    entry = ModelLogEntry.objects.get(action="frontline.certificate.revoke")
    assert entry.object_id == str(certificate.pk)
    assert entry.user_id == superuser.pk
    assert entry.data["reason"] == "Attempt taken by someone else"


@pytest.mark.parametrize("reason", ["", "   "])
def test_admin_revocation_without_a_reason_is_refused(client_admin, certificate, reason):
    response = client_admin.post(revoke_url(certificate), {"reason": reason})

    assert response.status_code == 200
    assert "Give the reason" in text(response)
    certificate.refresh_from_db()
    assert (certificate.status, certificate.revoked_at) == (Certificate.Status.VALID, None)
    assert not ModelLogEntry.objects.filter(action="frontline.certificate.revoke").exists()


def test_staff_without_the_revoke_permission_cannot_revoke(client, certificate):
    staff = UserFactory(is_staff=True, email="staff@example.org")
    client.force_login(staff)

    response = client.post(revoke_url(certificate), {"reason": "No"})

    assert response.status_code == 302
    certificate.refresh_from_db()
    assert certificate.status == Certificate.Status.VALID


def test_issuing_writes_an_issue_log_entry(certificate, trainee):
    entry = ModelLogEntry.objects.get(action="frontline.certificate.issue")

    assert entry.object_id == str(certificate.pk)
    assert entry.user_id == trainee.pk
    assert entry.data["code"] == certificate.code
