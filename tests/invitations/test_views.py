"""Bulk invitation pages: the upload page and its template, and who may use them."""

from django.test import Client
from django.urls import reverse

from accounts.models import User
from invitations.models import InvitationBatch
from tests.factories import make_coordinator, sign_in_with_second_factor
from tests.invitations.helpers import HEADER, csv_file, preview_url, upload_and_get_batch

# --- Upload and per-row checks -----------------------------------------------------------------


def test_upload_page_explains_the_format(client_coordinator, frontier, east):
    response = client_coordinator.get(reverse("reports_invite"))
    assert response.status_code == 200
    content = response.content.decode()
    assert "Invite trainees" in content
    assert "full_name" in content and "language" in content
    assert "frontier" in content and "east" in content  # codes the coordinator may use


def test_template_csv_download(client_coordinator):
    response = client_coordinator.get(reverse("reports_invite"), {"template": "csv"})
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    text = response.content.decode("utf-8-sig")
    assert text.splitlines()[0] == "full_name,email,agency,region,position,language"
    assert "frontier" in text


# --- Access -------------------------------------------------------------------------------------


def test_another_coordinator_cannot_open_or_send_the_batch(client, client_coordinator, valid_csv, frontier, east):
    batch = upload_and_get_batch(client_coordinator, valid_csv)
    other = make_coordinator(email="other@example.org", scopes=[(frontier, east)])
    other_client = Client()
    sign_in_with_second_factor(other_client, other)
    users_before = User.objects.count()
    assert other_client.get(preview_url(batch)).status_code == 404
    assert other_client.post(preview_url(batch)).status_code == 404
    assert User.objects.count() == users_before


def test_coordinator_without_mfa_is_sent_to_set_it_up(client, frontier, east):
    user = make_coordinator(email="nomfa@example.org", scopes=[(frontier, east)], totp=False)
    client.force_login(user)
    response = client.get(reverse("reports_invite"))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("mfa_activate_totp"))
    response = client.post(reverse("reports_invite"), {"file": csv_file(HEADER)})
    assert response.status_code == 302
    assert not InvitationBatch.objects.exists()


def test_trainee_is_forbidden(client_trainee):
    assert client_trainee.get(reverse("reports_invite")).status_code == 403
    assert client_trainee.post(reverse("reports_invite"), {"file": csv_file(HEADER)}).status_code == 403
    assert not InvitationBatch.objects.exists()


def test_anonymous_is_sent_to_log_in(client, db):
    response = client.get(reverse("reports_invite"))
    assert response.status_code == 302
    assert reverse("account_login") in response["Location"]
