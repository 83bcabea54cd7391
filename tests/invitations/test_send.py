"""Confirming a batch: the valid rows are invited, all or nothing, one e-mail each in their language."""

from allauth.account.models import EmailAddress
from django.test import Client
from wagtail.models import ModelLogEntry

from accounts.models import CoordinatorScope, User
from invitations.models import InvitationBatch
from tests.factories import UserFactory
from tests.invitations.helpers import HEADER, errors_of, link_path, preview_url, upload_and_get_batch

# --- Confirming ---------------------------------------------------------------------------------


def test_confirm_invites_valid_rows_only_one_email_each_in_their_language(
    client_coordinator, coordinator, frontier, east, west, mailoutbox, django_capture_on_commit_callbacks
):
    content = (
        HEADER
        + "Dilshod Rahimov,dilshod@example.org,frontier,east,Border guard,tg\n"
        + "Aziz Karimov,aziz@example.org,frontier,east,Inspector,ru\n"
        + "Anna Petrova,anna@example.org,frontier,east,,en\n"
        + "Out Side,outside@example.org,frontier,west,,en\n"
        + "Bad Mail,bad@,frontier,east,,en\n"
    )
    batch = upload_and_get_batch(client_coordinator, content)
    users_before = User.objects.count()

    with django_capture_on_commit_callbacks(execute=True):
        response = client_coordinator.post(preview_url(batch))

    assert response.status_code == 302
    assert User.objects.count() == users_before + 3
    assert not User.objects.filter(email__in=["outside@example.org", "bad@"]).exists()
    dilshod = User.objects.get(email="dilshod@example.org")
    assert dilshod.full_name == "Dilshod Rahimov"
    assert (dilshod.agency, dilshod.region) == (frontier, east)
    assert dilshod.position == "Border guard"
    assert dilshod.preferred_language == "tg"
    assert dilshod.is_active and not dilshod.has_usable_password()
    assert EmailAddress.objects.filter(user=dilshod, email="dilshod@example.org", verified=True, primary=True).exists()

    batch.refresh_from_db()
    assert batch.status == InvitationBatch.Status.SENT and batch.sent_at is not None

    assert sorted(message.to[0] for message in mailoutbox) == [
        "anna@example.org",
        "aziz@example.org",
        "dilshod@example.org",
    ]
    assert all(len(message.to) == 1 for message in mailoutbox)
    by_address = {message.to[0]: message for message in mailoutbox}
    for address, language in [("dilshod@example.org", "tg"), ("aziz@example.org", "ru"), ("anna@example.org", "en")]:
        message = by_address[address]
        assert message.extra_headers["Content-Language"] == language
        assert link_path(message).startswith(f"/{language}/accounts/invitation/")
        assert "Malika Saidova" in message.body  # who invited them
        assert address in message.body  # their login
    assert "Dilshod Rahimov" in by_address["dilshod@example.org"].body

    entry = ModelLogEntry.objects.get(action="frontline.invitations.send")
    assert entry.user_id == coordinator.pk
    assert entry.object_id == str(coordinator.pk)
    assert entry.data == {"batch": batch.pk, "invited": 3}

    page = client_coordinator.get(preview_url(batch))
    assert page.status_code == 200
    assert "3 invitations sent" in " ".join(str(m) for m in page.context["messages"])
    assert b"Send 3 invitations" not in page.content


def test_invitation_link_lets_the_trainee_set_a_password(
    client_coordinator, valid_csv, mailoutbox, django_capture_on_commit_callbacks
):
    batch = upload_and_get_batch(client_coordinator, valid_csv)
    with django_capture_on_commit_callbacks(execute=True):
        client_coordinator.post(preview_url(batch))
    message = next(m for m in mailoutbox if m.to == ["anna@example.org"])

    trainee_client = Client()
    response = trainee_client.get(link_path(message))
    if response.status_code == 302:  # allauth moves the key into the session first
        response = trainee_client.get(response["Location"])
    assert response.status_code == 200
    assert not response.context.get("token_fail")
    assert "form" in response.context

    response = trainee_client.post(
        response.request["PATH_INFO"], {"password1": "a-long-new-password-42", "password2": "a-long-new-password-42"}
    )
    assert response.status_code == 302
    anna = User.objects.get(email="anna@example.org")
    assert anna.check_password("a-long-new-password-42")
    assert Client().login(email="anna@example.org", password="a-long-new-password-42")


def test_confirming_twice_invites_once(client_coordinator, valid_csv, mailoutbox, django_capture_on_commit_callbacks):
    batch = upload_and_get_batch(client_coordinator, valid_csv)
    with django_capture_on_commit_callbacks(execute=True):
        client_coordinator.post(preview_url(batch))
    users_after_first = User.objects.count()
    assert len(mailoutbox) == 3

    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        response = client_coordinator.post(preview_url(batch), follow=True)

    assert callbacks == []
    assert User.objects.count() == users_after_first
    assert len(mailoutbox) == 3
    assert ModelLogEntry.objects.filter(action="frontline.invitations.send").count() == 1
    assert "already sent" in " ".join(str(m) for m in response.context["messages"])


def test_account_created_between_preview_and_confirm_aborts_everything(
    client_coordinator, valid_csv, mailoutbox, django_capture_on_commit_callbacks
):
    batch = upload_and_get_batch(client_coordinator, valid_csv)
    assert len(batch.valid_rows) == 3
    UserFactory(email="aziz@example.org")  # signed up on their own meanwhile
    users_before = User.objects.count()

    with django_capture_on_commit_callbacks(execute=True):
        response = client_coordinator.post(preview_url(batch), follow=True)

    assert response.status_code == 200
    assert User.objects.count() == users_before
    assert mailoutbox == []
    batch.refresh_from_db()
    assert batch.status == InvitationBatch.Status.PREVIEW
    assert "created after the file was checked" in errors_of(batch, 3)
    assert "Nothing was sent" in " ".join(str(m) for m in response.context["messages"])
    assert b"Send 2 invitations" in response.content

    # Sending again now invites the two rows that are still valid.
    with django_capture_on_commit_callbacks(execute=True):
        client_coordinator.post(preview_url(batch))
    assert User.objects.count() == users_before + 2
    assert sorted(m.to[0] for m in mailoutbox) == ["anna@example.org", "dilshod@example.org"]


def test_scope_narrowed_between_preview_and_confirm_aborts_everything(
    client_coordinator, coordinator, frontier, east, west, mailoutbox, django_capture_on_commit_callbacks
):
    scope = CoordinatorScope.objects.get(user=coordinator)
    scope.region = None  # all regions at upload time
    scope.save()
    content = HEADER + "A One,a1@example.org,frontier,east,,\n" + "B Two,b2@example.org,frontier,west,,\n"
    batch = upload_and_get_batch(client_coordinator, content)
    assert len(batch.valid_rows) == 2
    scope.region = east
    scope.save()
    users_before = User.objects.count()

    with django_capture_on_commit_callbacks(execute=True):
        client_coordinator.post(preview_url(batch))

    assert User.objects.count() == users_before
    assert mailoutbox == []
    batch.refresh_from_db()
    assert "outside your scope" in errors_of(batch, 3)


def test_account_created_at_the_same_moment_rolls_everything_back(
    client_coordinator, valid_csv, mailoutbox, django_capture_on_commit_callbacks, monkeypatch
):
    """Even if the re-check misses an account created concurrently, the unique address stops the batch."""
    batch = upload_and_get_batch(client_coordinator, valid_csv)
    UserFactory(email="anna@example.org")
    monkeypatch.setattr("invitations.checks.existing_emails", lambda emails: set())
    users_before = User.objects.count()

    with django_capture_on_commit_callbacks(execute=True):
        response = client_coordinator.post(preview_url(batch), follow=True)

    assert response.status_code == 200
    assert User.objects.count() == users_before
    assert not User.objects.filter(email="dilshod@example.org").exists()
    assert mailoutbox == []
    assert InvitationBatch.objects.get().status == InvitationBatch.Status.PREVIEW
    assert not ModelLogEntry.objects.filter(action="frontline.invitations.send").exists()
    assert "Nothing was sent" in " ".join(str(m) for m in response.context["messages"])


def test_batch_without_valid_rows_cannot_be_sent(client_coordinator, frontier, east, mailoutbox):
    batch = upload_and_get_batch(client_coordinator, HEADER + ",nobody@example.org,frontier,east,,\n")
    page = client_coordinator.get(preview_url(batch))
    assert b"Send " not in page.content
    users_before = User.objects.count()
    response = client_coordinator.post(preview_url(batch), follow=True)
    assert response.status_code == 200
    assert User.objects.count() == users_before
    assert InvitationBatch.objects.get().status == InvitationBatch.Status.PREVIEW
