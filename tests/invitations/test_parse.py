"""Reading the uploaded file: encodings, delimiters, Excel's separator line, bad and oversized files."""

import codecs

import pytest
from django.urls import reverse

from invitations.models import InvitationBatch
from invitations.parse import MAX_ROWS
from tests.invitations.helpers import HEADER, upload


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
