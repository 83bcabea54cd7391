"""CSV and XLSX files of the matrix and of trainee lists.

Names, positions and agency names are typed by trainees, invitation files and administrators.
A spreadsheet runs a cell that starts with "=", "+", "-" or "@" (or with a tab or carriage
return, which some of them skip) as a formula, which can send other trainees' data to an outside
address (OWASP "CSV injection"). Every text cell of every CSV the site writes therefore goes
through ``web.spreadsheet.spreadsheet_safe``, and XLSX cells hold text as plain strings.
"""

import csv
import io

from django.http import HttpResponse, StreamingHttpResponse
from django.utils import timezone
from django.utils.translation import gettext as _
from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

from web.spreadsheet import spreadsheet_safe, starts_a_formula


def matrix_header() -> list[str]:
    return [
        _("Agency"),
        _("Region"),
        _("Headcount"),
        _("Registered"),
        _("Enrolled"),
        _("Completed"),
        _("Valid certificates"),
        _("Coverage (%)"),
        _("Assigned"),
        _("Due soon"),
        _("Overdue"),
    ]


def matrix_rows(matrix):
    for agency, cells, _total in matrix.rows():
        for region, cell in cells:
            if cell is None:
                continue
            coverage = round(100 * cell.coverage, 1) if cell.coverage is not None else ""
            yield [
                agency.display_name,
                region.display_name,
                cell.headcount if cell.headcount is not None else "",
                cell.registered,
                cell.enrolled,
                cell.completed,
                cell.certified,
                coverage,
                cell.assigned,
                cell.due_soon,
                cell.overdue,
            ]


def trainee_header() -> list[str]:
    return [
        _("Full name"),
        _("E-mail"),
        _("Agency"),
        _("Region"),
        _("Position"),
        _("Lessons done"),
        _("Attempts"),
        _("Best score (%)"),
        _("Certificate"),
        _("Certificate expires"),
        _("Last activity"),
    ]


def trainee_rows(queryset):
    for trainee in queryset.iterator(chunk_size=2000):
        yield [
            "" if trainee.erased_at else trainee.full_name,
            "" if trainee.erased_at else trainee.email,
            trainee.agency.display_name,
            trainee.region.display_name,
            trainee.position,
            trainee.lessons_done,
            trainee.attempt_count,
            "" if trainee.best_score is None else trainee.best_score,
            trainee.certificate_status or "",
            trainee.certificate_expires.isoformat() if trainee.certificate_expires else "",
            trainee.last_activity.isoformat(timespec="minutes") if trainee.last_activity else "",
        ]


def at_risk_header() -> list[str]:
    return [
        _("Full name"),
        _("E-mail"),
        _("Agency"),
        _("Region"),
        _("Courses"),
        _("Due"),
        _("Status"),
        _("Days overdue"),
        _("Last activity"),
    ]


def at_risk_rows(rows):
    """Cells for ``reports.at_risk.AtRiskRow``s: one line per trainee, their courses together."""
    for row in rows:
        trainee = row.trainee
        yield [
            trainee.full_name,
            trainee.email,
            trainee.agency.display_name,
            trainee.region.display_name,
            "; ".join(f"{course.title} ({course.due_on.isoformat()})" for course in row.courses),
            row.courses[0].due_on.isoformat() if row.courses else "",
            str(row.status.label) if row.status else "",
            row.days_overdue,
            timezone.localtime(trainee.last_active).date().isoformat() if trainee.last_active else "",
        ]


class _Echo:
    def write(self, value):
        return value


def csv_response(filename: str, header, rows) -> StreamingHttpResponse:
    writer = csv.writer(_Echo())

    def stream():
        yield "\ufeff"  # so spreadsheet programs read UTF-8 (Cyrillic names) correctly
        yield writer.writerow([spreadsheet_safe(value) for value in header])
        for row in rows:
            yield writer.writerow([spreadsheet_safe(value) for value in row])

    response = StreamingHttpResponse(stream(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}.csv"'
    return response


def _xlsx_cell(sheet, value):
    """A cell for ``value``: text is always a string cell, never a formula or an error value
    (openpyxl would make "=…" a formula and "#N/A" an error), and text that looks like a formula
    is marked with the quote prefix so Excel keeps it text even when someone edits the cell."""
    if not isinstance(value, str):
        return value
    text = ILLEGAL_CHARACTERS_RE.sub("", value)  # control characters Excel refuses (openpyxl would raise)
    cell = WriteOnlyCell(sheet, value=text)
    cell.data_type = "s"
    if starts_a_formula(text):
        cell.quotePrefix = True
    return cell


def xlsx_response(filename: str, header, rows, *, title: str) -> HttpResponse:
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet(title=title[:31])
    sheet.append([_xlsx_cell(sheet, value) for value in header])
    for row in rows:
        sheet.append([_xlsx_cell(sheet, value) for value in row])
    buffer = io.BytesIO()
    workbook.save(buffer)
    response = HttpResponse(
        buffer.getvalue(), content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    )
    response["Content-Disposition"] = f'attachment; filename="{filename}.xlsx"'
    return response
