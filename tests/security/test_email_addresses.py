"""Finding #8: a trainee could claim anybody's e-mail address as an unverified second address.
The owner's sign-up then created no account, the only mail they got confirmed the address on
the squatter's account, and "forgot password" for it reset the squatter's account; the same
row blocked invitations. Everything goes through allauth's real pages."""

import re

import pytest
from allauth.account.models import EmailAddress
from allauth.account.utils import user_pk_to_url_str
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse

from accounts.models import User
from invitations.models import InvitationBatch
from invitations.services import invitation_batch_create
from tests.factories import DEFAULT_PASSWORD, UserFactory, make_coordinator, sign_in_with_second_factor

pytestmark = pytest.mark.django_db

VICTIM = "victim1@example.org"
VICTIM_PASSWORD = "Victim-Str0ng-pass-1!"
CONFIRM_LINK = re.compile(r"https?://[^/\s]+(/\S*/accounts/confirm-email/\S+/)")
RESET_LINK = re.compile(r"https?://[^/\s]+(/\S*/accounts/password/reset/key/(\w+)-\S+/)")


@pytest.fixture
def squatter(db, agency, region):
    return UserFactory(email="traineeb@example.org", full_name="Trainee Bravo", agency=agency, region=region)


def _signed_in(user) -> Client:
    """A browser signed in through the login page (changing the address asks for a recent login)."""
    client = Client()
    response = client.post(reverse("account_login"), {"login": user.email, "password": DEFAULT_PASSWORD})
    assert response.status_code == 302, response
    return client


def _add_address(client, email):
    return client.post(reverse("account_email"), {"email": email, "action_add": ""})


def _link(pattern, message) -> re.Match:
    match = pattern.search(message.body)
    assert match, message.body
    return match


def _sign_up(client, agency, region, email=VICTIM):
    return client.post(
        reverse("account_signup"),
        {
            "email": email,
            "password1": VICTIM_PASSWORD,
            "password2": VICTIM_PASSWORD,
            "full_name": "Victim One",
            "agency": agency.pk,
            "region": region.pk,
            "position": "",
            "preferred_language": "en",
        },
    )


def test_owner_signs_up_and_resets_their_own_account_after_someone_claimed_their_address(
    client, squatter, agency, region
):
    # 1. Trainee B asks to change to the victim's address (nobody holds it yet).
    bravo = _signed_in(squatter)
    assert _add_address(bravo, VICTIM).status_code == 302
    (bravo_mail,) = mail.outbox
    bravo_link = _link(CONFIRM_LINK, bravo_mail).group(1)
    mail.outbox.clear()

    # 2. The victim signs up: a new account of their own, confirmation mailed to it.
    _sign_up(client, agency, region)
    victim = User.objects.get(email=VICTIM)
    assert victim != squatter and victim.full_name == "Victim One"
    (confirmation,) = mail.outbox
    assert confirmation.to == [VICTIM]
    # B's request failed: its row is gone, and its link confirms nothing any more.
    assert not EmailAddress.objects.filter(user=squatter, email=VICTIM).exists()
    Client().post(bravo_link)
    assert not EmailAddress.objects.filter(user=squatter, email=VICTIM).exists()
    client.post(_link(CONFIRM_LINK, confirmation).group(1))
    assert EmailAddress.objects.get(email=VICTIM, verified=True).user == victim
    squatter.refresh_from_db()
    assert squatter.email == "traineeb@example.org"

    # 3. "Forgot password" for the address resets the victim's account, never B's.
    mail.outbox.clear()
    Client().post(reverse("account_reset_password"), {"email": VICTIM})
    (reset,) = mail.outbox
    assert _link(RESET_LINK, reset).group(2) == user_pk_to_url_str(victim)


def test_password_reset_for_an_address_only_claimed_unverified_sends_no_link(client, squatter):
    bravo = _signed_in(squatter)
    _add_address(bravo, VICTIM)
    mail.outbox.clear()

    response = client.post(reverse("account_reset_password"), {"email": VICTIM})

    assert response.status_code == 302  # the same answer as for any address
    assert all(not RESET_LINK.search(message.body) for message in mail.outbox)


def _held_by_a_verified_account(agency, region):
    UserFactory(email="held@example.org", agency=agency, region=region)


def _held_by_an_unconfirmed_sign_up(agency, region):
    UserFactory(email="held@example.org", agency=agency, region=region, verified_email=False)


def _login_without_address_rows(agency, region):
    user = UserFactory(email="held@example.org", agency=agency, region=region)
    EmailAddress.objects.filter(user=user).delete()  # as for users made in a shell or the admin


def _in_a_pending_invitation(agency, region):
    coordinator = UserFactory(agency=agency, region=region)
    invitation_batch_create(
        created_by=coordinator,
        filename="",
        rows=[{"row": 2, "full_name": "New Recruit", "email": "Held@Example.org", "errors": []}],
    )


@pytest.mark.parametrize(
    "hold",
    [
        _held_by_a_verified_account,
        _held_by_an_unconfirmed_sign_up,
        _login_without_address_rows,
        _in_a_pending_invitation,
    ],
    ids=["verified-account", "unconfirmed-sign-up", "login-without-address-rows", "pending-invitation"],
)
def test_an_address_that_belongs_to_someone_else_cannot_be_added(squatter, agency, region, hold):
    hold(agency, region)
    bravo = _signed_in(squatter)
    mail.outbox.clear()

    response = _add_address(bravo, "HELD@example.org")

    assert response.status_code == 200
    assert "This e-mail address is already used by another account." in response.content.decode()
    assert list(EmailAddress.objects.filter(user=squatter).values_list("email", flat=True)) == [squatter.email]
    assert mail.outbox == []


def test_a_trainee_can_still_change_their_address(squatter):
    bravo = _signed_in(squatter)

    assert _add_address(bravo, "bravo.new@example.org").status_code == 302
    (confirmation,) = mail.outbox
    assert confirmation.to == ["bravo.new@example.org"]
    page = bravo.get(reverse("account_email"))
    assert "bravo.new@example.org" in page.content.decode() and "pending verification" in page.content.decode()
    bravo.post(_link(CONFIRM_LINK, confirmation).group(1))

    squatter.refresh_from_db()
    assert squatter.email == "bravo.new@example.org"
    assert list(EmailAddress.objects.filter(user=squatter).values_list("email", "verified", "primary")) == [
        ("bravo.new@example.org", True, True)
    ]


@pytest.mark.parametrize("language", ["en", "tg"])
def test_the_address_page_renders_with_a_pending_change(squatter, language):
    bravo = _signed_in(squatter)
    _add_address(bravo, "bravo.new@example.org")

    response = bravo.get(f"/{language}/accounts/email/")

    assert response.status_code == 200
    assert "bravo.new@example.org" in response.content.decode()
    if language == "tg":
        assert "Иваз кардан ба" in response.content.decode()


def test_an_unverified_claim_does_not_block_an_invitation(
    client, squatter, agency, region, django_capture_on_commit_callbacks
):
    bravo = _signed_in(squatter)
    _add_address(bravo, "new.recruit@example.org")
    bravo_link = _link(CONFIRM_LINK, mail.outbox[-1]).group(1)
    coordinator = make_coordinator(
        email="coordinator@example.org", agency=agency, region=region, scopes=[(agency, region)]
    )
    sign_in_with_second_factor(client, coordinator)
    csv = (
        "full_name,email,agency,region,position,language\n"
        f"New Recruit,new.recruit@example.org,{agency.code},{region.code},,en\n"
    )

    client.post(reverse("reports_invite"), {"file": SimpleUploadedFile("t.csv", csv.encode(), content_type="text/csv")})
    batch = InvitationBatch.objects.latest("pk")
    assert batch.rows[0]["errors"] == []
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("reports_invite_preview", kwargs={"batch_id": batch.pk}))

    recruit = User.objects.get(email="new.recruit@example.org")
    assert EmailAddress.objects.get(email="new.recruit@example.org", verified=True).user == recruit
    # B's old link cannot take the address over now.
    Client().post(bravo_link)
    assert not EmailAddress.objects.filter(user=squatter, email="new.recruit@example.org", verified=True).exists()
