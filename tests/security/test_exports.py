"""Spreadsheet exports are safe to open in Excel (security review #4).

Every CSV and XLSX the site writes neutralises text that a spreadsheet would run as a formula
(OWASP "CSV injection": a cell starting with = + - @, tab or carriage return, also after
leading spaces): the CSV prefixes such a cell with a single quote, the XLSX writes all text as
plain string cells (never a formula, never an error value) and marks the dangerous ones with
Excel's quote prefix. Numbers stay numbers, a negative number included.
"""

import csv
import io
import zipfile

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook

from courses.models import Enrolment
from invitations.models import InvitationBatch
from reports import exports
from tests.factories import (
    AgencyFactory,
    RegionFactory,
    UserFactory,
    build_course,
    make_coordinator,
    sign_in_with_second_factor,
)

pytestmark = pytest.mark.django_db

# What a trainee typed as name or position, and what the CSV cell must then hold.
PAYLOADS = {
    '=HYPERLINK("http://127.0.0.1:9999/x?"&A2,"Click")': '\'=HYPERLINK("http://127.0.0.1:9999/x?"&A2,"Click")',
    "=cmd|' /C calc'!A0": "'=cmd|' /C calc'!A0",
    "+SUM(1+1)": "'+SUM(1+1)",
    "-2+3": "'-2+3",
    "@SUM(A1:A2)": "'@SUM(A1:A2)",
    "\t=1+1": "'\t=1+1",
    "\r=1+1": "'\r=1+1",
    "   =1+1": "'   =1+1",
}


@pytest.fixture
def agency(db):
    # An administrator can name an agency anything; its name lands in the matrix export.
    return AgencyFactory(code="-border", name="=1+2", name_ru="", name_tg="")


@pytest.fixture
def region(db):
    return RegionFactory(code="east", name="@Eastern")


@pytest.fixture
def course(catalogue, agency):
    return build_course(title="Identifying victims", lessons=1, catalogue=catalogue, audiences=[agency])


@pytest.fixture
def coordinator(db, agency):
    return make_coordinator(
        email="coordinator@example.org", full_name="Malika Saidova", agency=None, region=None, scopes=[(agency, None)]
    )


@pytest.fixture
def hostile_trainees(agency, region, course):
    trainees = []
    for number, payload in enumerate(PAYLOADS):
        trainee = UserFactory(
            email=f"t{number}@example.org", full_name=payload, position=payload, agency=agency, region=region
        )
        Enrolment.objects.create(user=trainee, course=course, completed_at=timezone.now())
        trainees.append(trainee)
    return trainees


@pytest.fixture
def client_coordinator(client, coordinator):
    sign_in_with_second_factor(client, coordinator)
    return client


def _csv_rows(response) -> list[list[str]]:
    assert response.status_code == 200
    assert response.streaming  # exports of many trainees are not built in memory
    text = b"".join(response.streaming_content).decode("utf-8-sig")
    return list(csv.reader(io.StringIO(text, newline="")))


def _xlsx_sheet(response):
    assert response.status_code == 200
    return load_workbook(io.BytesIO(response.content)).active


def _xlsx_xml(response) -> str:
    with zipfile.ZipFile(io.BytesIO(response.content)) as archive:
        return archive.read("xl/worksheets/sheet1.xml").decode()


def test_trainee_csv_export_neutralises_formulas_in_names_and_positions(client_coordinator, hostile_trainees):
    rows = _csv_rows(client_coordinator.get(reverse("reports_export_trainees", args=["csv"])))
    header, body = rows[0], rows[1:]
    name_column, position_column = header.index("Full name"), header.index("Position")
    assert sorted(row[name_column] for row in body) == sorted(PAYLOADS.values())
    assert sorted(row[position_column] for row in body) == sorted(PAYLOADS.values())
    assert {row[header.index("Agency")] for row in body} == {"'=1+2"}
    assert {row[header.index("Region")] for row in body} == {"'@Eastern"}
    assert {row[header.index("Lessons done")] for row in body} == {"0"}  # numbers are written as numbers


def test_trainee_xlsx_export_writes_text_as_strings_never_formulas(client_coordinator, hostile_trainees):
    response = client_coordinator.get(reverse("reports_export_trainees", args=["xlsx"]))
    sheet = _xlsx_sheet(response)
    header = [cell.value for cell in sheet[1]]
    name_column, position_column = header.index("Full name"), header.index("Position")
    names, positions = [], []
    for row in sheet.iter_rows(min_row=2):
        for column in (name_column, position_column, header.index("Agency"), header.index("Region")):
            assert row[column].data_type == "s", (row[column].coordinate, row[column].value)
        for column in (name_column, position_column):
            assert row[column].quotePrefix, row[column].coordinate  # Excel keeps it text even when edited
        names.append(row[name_column].value)
        positions.append(row[position_column].value)
        lessons_done = row[header.index("Lessons done")]
        assert lessons_done.data_type == "n" and lessons_done.value == 0
    # The text is kept as typed (a string cell needs no visible quote), only never as a formula.
    typed = sorted(payload.replace("\r", "\n") for payload in PAYLOADS)  # XML reads a bare CR as a line break
    assert sorted(names) == typed
    assert sorted(positions) == typed
    assert "<f>" not in _xlsx_xml(response)


def test_matrix_exports_neutralise_agency_and_region_names(client_coordinator, hostile_trainees, course):
    rows = _csv_rows(client_coordinator.get(reverse("reports_export_matrix", args=["csv"]) + f"?course={course.pk}"))
    ours = [row for row in rows[1:] if row[1] == "'@Eastern"]  # the migrations add the real regions too
    assert [row[:2] for row in ours] == [["'=1+2", "'@Eastern"]]
    assert ours[0][3] == str(len(PAYLOADS))  # "Registered" stays a plain number

    response = client_coordinator.get(reverse("reports_export_matrix", args=["xlsx"]) + f"?course={course.pk}")
    sheet = _xlsx_sheet(response)
    ours = [row for row in sheet.iter_rows(min_row=2) if row[1].value == "@Eastern"]
    agency_cell, region_cell, _headcount, registered = ours[0][:4]
    assert (agency_cell.value, agency_cell.data_type) == ("=1+2", "s")
    assert (region_cell.value, region_cell.data_type) == ("@Eastern", "s")
    assert (registered.value, registered.data_type) == (len(PAYLOADS), "n")
    assert "<f>" not in _xlsx_xml(response)


def test_invited_trainees_with_formula_names_are_exported_neutralised(client_coordinator, agency, region, course):
    """The review's path: formulas typed into the bulk-invitation CSV, invited, then exported."""
    content = (
        "full_name,email,agency,region,position,language\n"
        "=cmd|' /C calc'!A0,formula@example.org,-border,east,+SUM(1+1),en\n"
    )
    upload = SimpleUploadedFile("trainees.csv", content.encode(), content_type="text/csv")
    response = client_coordinator.post(reverse("reports_invite"), {"file": upload})
    batch = InvitationBatch.objects.get()
    assert response.status_code == 302 and batch.valid_rows, batch.rows
    client_coordinator.post(reverse("reports_invite_preview", args=[batch.pk]))

    rows = _csv_rows(client_coordinator.get(reverse("reports_export_trainees", args=["csv"])))
    header = rows[0]
    invited = next(row for row in rows if row[header.index("E-mail")] == "formula@example.org")
    assert invited[header.index("Full name")] == "'=cmd|' /C calc'!A0"
    assert invited[header.index("Position")] == "'+SUM(1+1)"


def test_invitation_template_csv_neutralises_cells_and_reads_back(client_coordinator, agency, region):
    """The template names the coordinator's first agency by code; a code such as "-border" would
    be a formula in Excel. The quoted cell is still understood when the filled-in file comes back."""
    response = client_coordinator.get(reverse("reports_invite") + "?template=csv")
    assert response.status_code == 200
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"), newline="")))
    assert rows[1][2] == "'-border"

    upload = SimpleUploadedFile("filled.csv", response.content, content_type="text/csv")
    client_coordinator.post(reverse("reports_invite"), {"file": upload})
    batch = InvitationBatch.objects.get()
    assert batch.rows[0]["errors"] == [] and batch.rows[0]["agency_id"] == agency.pk


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        *PAYLOADS.items(),
        ("Malika Saidova", "Malika Saidova"),
        ("Дилшод Раҳимов", "Дилшод Раҳимов"),
        ("a=b", "a=b"),
        ("", ""),
        (-5, -5),
        (0, 0),
        (12.5, 12.5),
        (None, None),
    ],
)
def test_spreadsheet_safe_quotes_only_text_that_starts_a_formula(value, expected):
    assert exports.spreadsheet_safe(value) == expected


def test_xlsx_keeps_negative_numbers_numeric_and_drops_characters_excel_refuses():
    response = exports.xlsx_response("x", ["Text", "Number"], [["-5", -5], ["bell\x07", 3]], title="Sheet")
    sheet = load_workbook(io.BytesIO(response.content)).active
    text, number = sheet["A2"], sheet["B2"]
    assert (text.value, text.data_type, text.quotePrefix) == ("-5", "s", True)
    assert (number.value, number.data_type) == (-5, "n")
    assert sheet["A3"].value == "bell"  # a control character would make openpyxl refuse the whole file
