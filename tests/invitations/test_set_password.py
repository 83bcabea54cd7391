"""The invitation link: "Set your password", then signed in and welcomed (issue 14, point 3).

Through the real views: a coordinator sends a batch, the trainee opens the link from the e-mail,
sets a password and lands on the welcome page with their agency's required courses. A link used
once, or too old, says so and offers the ways on; an account with an authenticator is never
signed in past its second factor.
"""

from datetime import datetime, timedelta

import pytest
from allauth.account.forms import default_token_generator
from allauth.account.models import EmailAddress
from allauth.account.utils import user_pk_to_url_str
from django.test import Client
from django.urls import reverse
from django.utils import translation

from accounts.adapters import RETURNING_COOKIE
from accounts.models import User
from accounts.services import trainee_create
from invitations.tasks import invitation_message
from tests.factories import TOTP_SECRET, build_course, make_coordinator
from tests.invitations.helpers import link_path, preview_url, upload_and_get_batch
from tests.security.test_two_factor import totp_code

PASSWORD = "a-long-new-password-42"


def send_batch(client_coordinator, csv_text, mailoutbox, capture):
    batch = upload_and_get_batch(client_coordinator, csv_text)
    with capture(execute=True):
        client_coordinator.post(preview_url(batch))
    return {message.to[0]: message for message in mailoutbox}


def open_link(client, path):
    """The link as the e-mail gives it; allauth moves the key out of the address first."""
    response = client.get(path)
    assert response.status_code == 302, response
    form_page = client.get(response["Location"])
    return response["Location"], form_page


def set_password(client, form_url, password=PASSWORD):
    return client.post(form_url, {"password1": password, "password2": password})


def make_invitee(email, agency, region) -> User:
    """An account as an invitation creates it: the address verified, no password yet."""
    return trainee_create(
        email=email,
        full_name="Invited Trainee",
        agency_id=agency.pk,
        region_id=region.pk,
        position="",
        preferred_language="en",
    )


def link_for(user) -> str:
    return reverse(
        "invitation_set_password",
        kwargs={"uidb36": user_pk_to_url_str(user), "key": default_token_generator.make_token(user)},
    )


@pytest.fixture
def required_courses(frontier):
    return [
        build_course(title="Identifying victims", lessons=2, audiences=[frontier]),
        build_course(title="Interviewing with care", lessons=1, audiences=[frontier]),
    ]


def test_invited_trainee_sets_a_password_is_signed_in_and_welcomed_with_required_courses(
    client_coordinator, valid_csv, required_courses, mailoutbox, django_capture_on_commit_callbacks
):
    first, second = required_courses
    first.estimated_minutes, second.estimated_minutes = 90, 50
    for course in required_courses:
        course.save_revision().publish()
    messages = send_batch(client_coordinator, valid_csv, mailoutbox, django_capture_on_commit_callbacks)
    path = link_path(messages["anna@example.org"])
    assert path.startswith("/en/accounts/invitation/")

    trainee = Client()
    form_url, page = open_link(trainee, path)
    body = page.content.decode()
    assert page.status_code == 200
    assert "<title>Set your password · Frontline</title>" in body
    assert "<h1>Set your password</h1>" in body
    assert "Set password and continue</button>" in body
    assert "anna@example.org" in body  # the login they will use
    assert "Change password" not in body and "New Password" not in body
    assert reverse("account_signup") not in body  # the header offers "Log in" only: they have an account

    response = set_password(trainee, form_url)

    assert response.status_code == 302
    assert response["Location"] == reverse("welcome")
    assert response.cookies[RETURNING_COOKIE].value == "1"
    anna = User.objects.get(email="anna@example.org")
    assert anna.check_password(PASSWORD)
    assert EmailAddress.objects.get(user=anna).verified
    assert trainee.session["_auth_user_id"] == str(anna.pk)

    welcome = trainee.get(response["Location"])
    body = welcome.content.decode()
    assert welcome.status_code == 200
    assert "Your password is set." in body
    assert "Identifying victims" in body and "Interviewing with care" in body
    assert "To complete for Frontier Service: 2 courses, about 2 h 20 min in total." in body
    assert "About 90 minutes" in body and "About 50 minutes" in body
    assert f'action="{reverse("course_start", args=[first.pk])}"' in body
    assert "Start “Identifying victims”" in body
    assert reverse("account_signup") not in body

    # Later sign-ins open My learning; the welcome page stays a link away.
    again = Client()
    response = again.post(reverse("account_login"), {"login": "anna@example.org", "password": PASSWORD})
    assert response["Location"] == reverse("my_learning")
    assert reverse("welcome") in again.get(reverse("my_learning")).content.decode()


def test_the_invitation_opens_in_the_trainees_language(
    client_coordinator, valid_csv, mailoutbox, django_capture_on_commit_callbacks
):
    messages = send_batch(client_coordinator, valid_csv, mailoutbox, django_capture_on_commit_callbacks)
    path = link_path(messages["dilshod@example.org"])
    assert path.startswith("/tg/accounts/invitation/")

    trainee = Client()
    with translation.override("tg"):
        form_url, page = open_link(trainee, path)
        response = set_password(trainee, form_url)
        title = translation.gettext("Set your password")

    assert '<html lang="tg">' in page.content.decode()
    assert f"<h1>{title}</h1>" in page.content.decode()
    assert response["Location"] == "/tg/learning/welcome/"


def test_a_used_link_says_so_and_offers_log_in_and_a_new_link(
    client_coordinator, valid_csv, mailoutbox, django_capture_on_commit_callbacks
):
    messages = send_batch(client_coordinator, valid_csv, mailoutbox, django_capture_on_commit_callbacks)
    path = link_path(messages["anna@example.org"])
    form_url, _page = open_link(Client(), path)
    first = Client()
    form_url, _page = open_link(first, path)
    set_password(first, form_url)

    replay = Client()
    response = replay.get(path)
    body = response.content.decode()

    assert response.status_code == 200
    assert response.context["token_fail"]
    assert "This link no longer works" in body
    assert "already been used to set a password" in body
    assert f'href="{reverse("account_login")}"' in body
    assert f'href="{reverse("account_reset_password")}"' in body
    assert 'name="password1"' not in body
    assert "_auth_user_id" not in replay.session

    # Posting a new password through the old link changes nothing either.
    response = replay.post(path, {"password1": "another-password-77", "password2": "another-password-77"})
    assert response.context["token_fail"]
    assert User.objects.get(email="anna@example.org").check_password(PASSWORD)


def test_an_expired_link_says_so(valid_csv, db, frontier, east, settings, monkeypatch):
    invitee = make_invitee("late@example.org", frontier, east)
    generator = type(default_token_generator)
    real_now = generator._now
    too_long = timedelta(seconds=settings.PASSWORD_RESET_TIMEOUT + 86400)
    monkeypatch.setattr(generator, "_now", lambda self: real_now(self) - too_long)  # the link was made then
    path = link_for(invitee)
    monkeypatch.undo()

    response = Client().get(path)

    assert response.status_code == 200
    assert response.context["token_fail"]
    assert "This link no longer works" in response.content.decode()


def test_a_garbled_link_says_so_rather_than_failing(db):
    for path in ("/en/accounts/invitation/zz-not-a-key/", "/en/accounts/invitation/0-x/"):
        response = Client().get(path)
        assert response.status_code == 200, path
        assert response.context["token_fail"]


def test_a_staff_account_with_an_authenticator_still_gives_its_code(db, frontier, east):
    """Invitations are for trainees, but the page serves any key of allauth's: an account with
    an authenticator that sets its password here is asked for its code before it is signed in."""
    coordinator = make_coordinator(email="new.coordinator@example.org", scopes=[(frontier, east)])
    coordinator.set_unusable_password()
    coordinator.save()
    client = Client()
    form_url, _page = open_link(client, link_for(coordinator))

    response = set_password(client, form_url)

    assert response["Location"].startswith(reverse("mfa_authenticate"))
    assert "_auth_user_id" not in client.session
    assert client.get(reverse("reports_dashboard"))["Location"].startswith(reverse("account_login"))

    response = client.post(reverse("mfa_authenticate"), {"code": totp_code(TOTP_SECRET)})
    assert response["Location"] == reverse("my_learning")  # a coordinator is not welcomed as a trainee
    assert client.get(reverse("reports_dashboard")).status_code == 200


def test_a_staff_account_without_an_authenticator_is_sent_to_set_one_up(db, frontier, east):
    coordinator = make_coordinator(email="no.totp@example.org", scopes=[(frontier, east)], totp=False)
    coordinator.set_unusable_password()
    coordinator.save()
    client = Client()
    form_url, _page = open_link(client, link_for(coordinator))

    response = set_password(client, form_url)

    assert response["Location"] == reverse("my_learning")
    assert client.get(reverse("reports_dashboard"))["Location"].startswith(reverse("mfa_activate_totp"))


def test_a_weak_password_is_refused_and_the_link_still_works(db, frontier, east):
    invitee = make_invitee("weak@example.org", frontier, east)
    client = Client()
    form_url, _page = open_link(client, link_for(invitee))

    response = set_password(client, form_url, password="12345")

    assert response.status_code == 200
    assert response.context["form"].errors
    assert "_auth_user_id" not in client.session
    assert set_password(client, form_url)["Location"] == reverse("welcome")


def test_opening_someone_elses_link_signs_the_other_account_out(client_trainee, trainee, db, frontier, east):
    invitee = make_invitee("shared@example.org", frontier, east)

    form_url, page = open_link(client_trainee, link_for(invitee))

    assert page.status_code == 200
    assert "_auth_user_id" not in client_trainee.session
    assert set_password(client_trainee, form_url)["Location"] == reverse("welcome")
    assert client_trainee.session["_auth_user_id"] == str(invitee.pk)


def test_asking_again_after_the_link_expired_mails_a_set_password_link(db, frontier, east, mailoutbox):
    make_invitee("again@example.org", frontier, east)

    Client().post(reverse("account_reset_password"), {"email": "again@example.org"})

    (message,) = mailoutbox
    path = link_path(message)
    assert path.startswith("/en/accounts/invitation/")
    client = Client()
    form_url, page = open_link(client, path)
    assert "<h1>Set your password</h1>" in page.content.decode()
    assert set_password(client, form_url)["Location"] == reverse("welcome")


def test_a_forgotten_password_reset_signs_the_trainee_in(client, trainee, mailoutbox):
    trainee.last_login = datetime.now().astimezone()
    trainee.save(update_fields=["last_login"])
    client.post(reverse("account_reset_password"), {"email": trainee.email})
    (message,) = mailoutbox
    path = next(line for line in message.body.split() if "/password/reset/key/" in line)
    response = client.get(path)
    form_url = response["Location"]

    response = client.post(form_url, {"password1": PASSWORD, "password2": PASSWORD})

    assert response["Location"] == reverse("my_learning")
    assert client.session["_auth_user_id"] == str(trainee.pk)


def test_invitation_message_links_to_the_set_password_page(db, frontier, east):
    invitee = User.objects.create(
        email="mail@example.org", full_name="Mail Reader", agency=frontier, region=east, preferred_language="ru"
    )
    message = invitation_message(invitee, site_url="https://frontline.example.org", inviter="Malika Saidova")
    assert "https://frontline.example.org/ru/accounts/invitation/" in message.body
