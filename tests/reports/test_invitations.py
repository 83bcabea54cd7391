"""Bulk invitation: upload a CSV, preview per-row problems, confirm to invite the valid rows."""

import codecs
from urllib.parse import urlparse

import pytest
from allauth.account.models import EmailAddress
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse
from wagtail.models import ModelLogEntry

from accounts.models import CoordinatorScope, User
from reports.invitations import MAX_ROWS
from reports.models import InvitationBatch
from tests.factories import AgencyFactory, UserFactory, make_coordinator, sign_in_with_second_factor

HEADER = "full_name,email,agency,region,position,language\n"


def csv_file(text: str | bytes, name: str = "trainees.csv") -> SimpleUploadedFile:
    data = text.encode("utf-8") if isinstance(text, str) else text
    return SimpleUploadedFile(name, data, content_type="text/csv")


def upload(client, content, name="trainees.csv"):
    return client.post(reverse("reports_invite"), {"file": csv_file(content, name)})


def preview_url(batch) -> str:
    return reverse("reports_invite_preview", kwargs={"batch_id": batch.pk})


def rows_by_number(batch) -> dict:
    return {row["row"]: row for row in batch.rows}


def errors_of(batch, number: int) -> str:
    return " ".join(rows_by_number(batch)[number]["errors"])


def link_path(message) -> str:
    """The path of the set-password link in an invitation e-mail."""
    line = next(line for line in message.body.splitlines() if "/password/reset/key/" in line)
    return urlparse(line.strip()).path


@pytest.fixture
def valid_csv(frontier, east):
    return (
        HEADER
        + "Dilshod Rahimov,dilshod@example.org,frontier,east,Border guard,tg\n"
        + "Aziz Karimov,aziz@example.org,Frontier Service,EAST,Inspector,ru\n"
        + "Anna Petrova,anna@example.org,FRONTIER,Eastern Province,,en\n"
    )


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


def test_each_kind_of_bad_row_is_reported_and_nothing_is_created(
    client_coordinator, coordinator, harbour, west, mailoutbox
):
    UserFactory(email="Taken@Example.org")
    AgencyFactory(code="old-agency", name="Old agency", is_active=False)
    users_before, addresses_before = User.objects.count(), EmailAddress.objects.count()
    content = (
        HEADER
        + "Dilshod Rahimov,dilshod@example.org,frontier,east,Border guard,tg\n"  # 2 valid
        + "Unknown Agency,ua@example.org,ministry-of-magic,east,,tg\n"  # 3
        + "Outside Region,or@example.org,frontier,west,,tg\n"  # 4
        + "Outside Agency,oa@example.org,harbour,east,,tg\n"  # 5
        + "Bad Email,not-an-address,frontier,east,,tg\n"  # 6
        + "Second Dilshod,DILSHOD@example.org,frontier,east,,tg\n"  # 7 duplicate of row 2
        + "Existing Person,taken@example.org,frontier,east,,tg\n"  # 8
        + ",noname@example.org,frontier,east,,tg\n"  # 9
        + "Wrong Language,wl@example.org,frontier,east,,fr\n"  # 10
        + "Unknown Region,ur@example.org,frontier,mars,,tg\n"  # 11
        + "Retired Agency,ra@example.org,old-agency,east,,tg\n"  # 12
        + "No Email,,frontier,east,,tg\n"  # 13
    )
    response = upload(client_coordinator, content)

    batch = InvitationBatch.objects.get()
    assert response.status_code == 302
    assert response["Location"] == preview_url(batch)
    assert batch.created_by == coordinator
    assert batch.filename == "trainees.csv"
    assert batch.status == InvitationBatch.Status.PREVIEW
    assert [row["row"] for row in batch.valid_rows] == [2]
    assert "Unknown agency “ministry-of-magic”" in errors_of(batch, 3)
    assert "outside your scope" in errors_of(batch, 4)
    assert "outside your scope" in errors_of(batch, 5)
    assert "“not-an-address” is not a valid e-mail address" in errors_of(batch, 6)
    assert "already appears in row 2" in errors_of(batch, 7)
    assert "An account with this e-mail address already exists" in errors_of(batch, 8)
    assert "Full name is missing" in errors_of(batch, 9)
    assert "Unknown language “fr”" in errors_of(batch, 10)
    assert "Unknown region “mars”" in errors_of(batch, 11)
    assert "no longer in use" in errors_of(batch, 12)
    assert "E-mail address is missing" in errors_of(batch, 13)
    # Only the second and later occurrences of a duplicate are flagged.
    assert rows_by_number(batch)[2]["errors"] == []

    assert User.objects.count() == users_before
    assert EmailAddress.objects.count() == addresses_before
    assert mailoutbox == []

    page = client_coordinator.get(preview_url(batch))
    assert page.status_code == 200
    html = page.content.decode()
    assert "Send 1 invitation" in html
    assert "Unknown agency" in html and "already appears in row 2" in html
    assert reverse("reports_invite") in html  # link to upload a corrected file
    assert [row["row"] for row in page.context["invalid_rows"]] == list(range(3, 14))


def test_agency_and_region_match_code_or_name_in_any_language(client_coordinator, frontier, east):
    content = (
        HEADER
        + "One,one@example.org,Пограничная служба,восточная провинция,,\n"
        + "Two,two@example.org,  хадамоти марзбонӣ ,вшп,,RU\n"
        + "Three,three@example.org,FRONTIER SERVICE,eastern province,,en\n"
    )
    upload(client_coordinator, content)
    batch = InvitationBatch.objects.get()
    assert len(batch.valid_rows) == 3, batch.rows
    assert {(row["agency_id"], row["region_id"]) for row in batch.rows} == {(frontier.pk, east.pk)}
    assert [row["language"] for row in batch.rows] == ["tg", "ru", "en"]  # empty means Tajik


def test_headers_are_case_insensitive_and_optional_columns_may_be_missing(client_coordinator, frontier, east):
    content = " Full_Name ; EMAIL ;Agency; Region ;notes\nOne;one@example.org;frontier;east;whatever\n"
    upload(client_coordinator, content)
    batch = InvitationBatch.objects.get()
    assert batch.rows[0]["errors"] == []
    assert batch.rows[0]["position"] == "" and batch.rows[0]["language"] == "tg"


@pytest.mark.parametrize(
    "encode",
    [
        pytest.param(lambda text: codecs.BOM_UTF8 + text.replace(",", ";").encode("utf-8"), id="utf8-bom-semicolons"),
        pytest.param(lambda text: text.replace(",", ";").encode("cp1251"), id="cp1251-semicolons"),
        pytest.param(lambda text: text.encode("cp1251"), id="cp1251-commas"),
        pytest.param(lambda text: text.replace(",", ";").replace("\n", "\r\n").encode("utf-8"), id="crlf"),
        pytest.param(lambda text: ("sep=;\n" + text.replace(",", ";")).encode("utf-8"), id="excel-sep-line"),
        pytest.param(lambda text: text.replace(",", "\t").encode("utf-16"), id="utf16-tabs"),
    ],
)
def test_encodings_and_delimiters(client_coordinator, frontier, east, encode):
    text = HEADER + "Малика Саидова,malika@example.org,Пограничная служба,Восточная провинция,Инспектор,ru\n\n"
    response = upload(client_coordinator, encode(text))
    assert response.status_code == 302, response.context["form"].errors
    batch = InvitationBatch.objects.get()
    assert len(batch.rows) == 1
    row = batch.rows[0]
    assert row["errors"] == []
    assert row["full_name"] == "Малика Саидова"
    assert row["position"] == "Инспектор"
    assert row["email"] == "malika@example.org"


def _assert_form_error(response, text):
    assert response.status_code == 200
    errors = " ".join(response.context["form"].errors.get("file", []))
    assert text in errors, errors
    assert not InvitationBatch.objects.exists()


@pytest.mark.parametrize(
    ("content", "message"),
    [
        pytest.param(b"", "empty", id="zero-bytes"),
        pytest.param(b"\n\n  \r\n", "empty", id="blank-lines"),
        pytest.param(codecs.BOM_UTF8 + b";;;\n", "empty", id="only-separators"),
        pytest.param(bytes(range(256)) * 10, "does not look like a CSV", id="binary"),
        pytest.param(
            b"\x89PNG\r\n\x1a\n" + bytes([1, 2, 3, 4, 5, 6, 7, 8]) * 20, "does not look like a CSV", id="image"
        ),
        pytest.param(b"PK\x03\x04" + b"\x00" * 100, "Excel workbook", id="xlsx"),
        pytest.param(b"name,e-mail\nA,a@example.org\n", "full_name, email, agency, region", id="missing-columns"),
        pytest.param(b"full_name,email,agency\nA,a@example.org,x\n", "no “region” column", id="missing-one-column"),
        pytest.param(HEADER.encode(), "no trainees", id="header-only"),
        pytest.param(b"full_name,email,email,agency,region\n", "appears twice", id="duplicate-column"),
        pytest.param(b'full_name,email,agency,region\n"unterminated,a@example.org\x00', "does not look like", id="nul"),
    ],
)
def test_bad_files_give_a_form_error_not_a_crash(client_coordinator, content, message):
    _assert_form_error(upload(client_coordinator, content), message)


def test_too_many_rows(client_coordinator, frontier, east):
    body = "".join(f"T{n},t{n}@example.org,frontier,east,,\n" for n in range(MAX_ROWS + 1))
    _assert_form_error(upload(client_coordinator, HEADER + body), "at most 2,000")


def test_exactly_the_maximum_is_accepted(client_coordinator, frontier, east):
    body = "".join(f"T{n},t{n}@example.org,frontier,east,,\n" for n in range(MAX_ROWS))
    assert upload(client_coordinator, HEADER + body).status_code == 302
    assert len(InvitationBatch.objects.get().valid_rows) == MAX_ROWS


def test_file_too_large(client_coordinator):
    content = HEADER + ("x" * 1000 + "\n") * 2200
    _assert_form_error(upload(client_coordinator, content), "larger than 2 MB")


def test_no_file_chosen(client_coordinator):
    response = client_coordinator.post(reverse("reports_invite"), {})
    _assert_form_error(response, "Choose a CSV file")


# --- Confirming ---------------------------------------------------------------------------------


def _upload_and_get_batch(client, content):
    upload(client, content)
    return InvitationBatch.objects.latest("pk")


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
    batch = _upload_and_get_batch(client_coordinator, content)
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
        assert link_path(message).startswith(f"/{language}/accounts/password/reset/key/")
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
    batch = _upload_and_get_batch(client_coordinator, valid_csv)
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
    batch = _upload_and_get_batch(client_coordinator, valid_csv)
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
    batch = _upload_and_get_batch(client_coordinator, valid_csv)
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
    batch = _upload_and_get_batch(client_coordinator, content)
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
    batch = _upload_and_get_batch(client_coordinator, valid_csv)
    UserFactory(email="anna@example.org")
    monkeypatch.setattr("reports.invitations.existing_emails", lambda emails: set())
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


def test_a_name_shared_by_two_agencies_asks_for_the_code(client_coordinator, frontier, east):
    AgencyFactory(code="frontier-2", name="Frontier Service (reserve)", name_ru=frontier.name_ru)
    batch = _upload_and_get_batch(client_coordinator, HEADER + f"One,one@example.org,{frontier.name_ru},east,,\n")
    assert "matches more than one agency" in errors_of(batch, 2)


def test_batch_without_valid_rows_cannot_be_sent(client_coordinator, frontier, east, mailoutbox):
    batch = _upload_and_get_batch(client_coordinator, HEADER + ",nobody@example.org,frontier,east,,\n")
    page = client_coordinator.get(preview_url(batch))
    assert b"Send " not in page.content
    users_before = User.objects.count()
    response = client_coordinator.post(preview_url(batch), follow=True)
    assert response.status_code == 200
    assert User.objects.count() == users_before
    assert InvitationBatch.objects.get().status == InvitationBatch.Status.PREVIEW


# --- Access -------------------------------------------------------------------------------------


def test_another_coordinator_cannot_open_or_send_the_batch(client, client_coordinator, valid_csv, frontier, east):
    batch = _upload_and_get_batch(client_coordinator, valid_csv)
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


# --- Names and Excel's separator line -----------------------------------------------------------


def test_invisible_names_are_refused_row_by_row(client_coordinator, frontier, east):
    content = (
        HEADER
        + "\u200b\u200b,zwsp@example.org,frontier,east,,\n"
        + "\u202e,rlo@example.org,frontier,east,,\n"
        + "\u3164 \u2800,filler@example.org,frontier,east,,\n"
        + ",missing@example.org,frontier,east,,\n"
        + "\u202e\u200bJose\u0301  Rahimov\u200b,jose@example.org,frontier,east,,\n"
    )
    upload(client_coordinator, content)
    batch = InvitationBatch.objects.get()
    message = "Full name has only spaces or invisible characters; type the name in letters."
    for number in (2, 3, 4):
        assert errors_of(batch, number) == message
    assert errors_of(batch, 5) == "Full name is missing."
    assert rows_by_number(batch)[6]["errors"] == []
    assert rows_by_number(batch)[6]["full_name"] == "José Rahimov"
    assert [row["email"] for row in batch.valid_rows] == ["jose@example.org"]


@pytest.mark.parametrize(
    "hint, delimiter",
    [
        pytest.param("sep=\t", "\t", id="tab"),
        pytest.param("sep=;", ";", id="semicolon"),
        pytest.param("sep=,", ",", id="comma"),
        pytest.param("SEP=;", ";", id="upper-case"),
        pytest.param('"sep=;";;;;;', ";", id="quoted-and-padded"),
        pytest.param("sep=\t\t\t\t\t", "\t", id="tab-padded"),
    ],
)
@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "utf-16"])
@pytest.mark.parametrize("newline", ["\n", "\r\n"])
def test_excel_separator_line_is_honoured(client_coordinator, frontier, east, hint, delimiter, encoding, newline):
    rows = [HEADER.strip().split(","), ["Малика Саидова", "malika@example.org", "frontier", "east", "Инспектор", "ru"]]
    text = newline.join([hint] + [delimiter.join(row) for row in rows]) + newline
    response = upload(client_coordinator, text.encode(encoding))

    assert response.status_code == 302, response.context["form"].errors
    batch = InvitationBatch.objects.get()
    assert [(row["full_name"], row["email"], row["position"], row["errors"]) for row in batch.rows] == [
        ("Малика Саидова", "malika@example.org", "Инспектор", [])
    ]
    assert batch.rows[0]["row"] == 2  # numbered as in the spreadsheet, the separator line not counted


def test_separator_line_wins_over_guessing(client_coordinator, frontier, east):
    """A delimiter the guess never tries ("|") is read because the line names it."""
    content = "sep=|\nfull_name|email|agency|region\nKarimov, Aziz|aziz@example.org|frontier|east\n"
    upload(client_coordinator, content)
    batch = InvitationBatch.objects.get()
    assert batch.rows[0]["full_name"] == "Karimov, Aziz"
    assert batch.rows[0]["errors"] == []


def test_a_separator_line_naming_nothing_usable_is_dropped(client_coordinator, frontier, east):
    upload(client_coordinator, "sep=\n" + HEADER + "Aziz Karimov,aziz@example.org,frontier,east,,\n")
    batch = InvitationBatch.objects.get()
    assert batch.rows[0]["full_name"] == "Aziz Karimov" and batch.rows[0]["errors"] == []
