"""CSV and XLSX files of the matrix and of trainee lists."""

import csv
import io

from django.http import HttpResponse, StreamingHttpResponse
from django.utils.translation import gettext as _
from openpyxl import Workbook



def matrix_header() -> list[str]:
    return [_("Agency"), _("Region"), _("Headcount"), _("Registered"), _("Enrolled"), _("Completed"),
            _("Valid certificates"), _("Coverage (%)"), _("Overdue")]


def matrix_rows(matrix):
    for agency, cells, _total in matrix.rows():
        for region, cell in cells:
            if cell is None:
                continue
            coverage = round(100 * cell.coverage, 1) if cell.coverage is not None else ""
            yield [agency.display_name, region.display_name, cell.headcount if cell.headcount is not None else "",
                   cell.registered, cell.enrolled, cell.completed, cell.certified, coverage, cell.overdue]


def trainee_header() -> list[str]:
    return [_("Full name"), _("E-mail"), _("Agency"), _("Region"), _("Position"), _("Lessons done"),
            _("Attempts"), _("Best score (%)"), _("Certificate"), _("Certificate expires"), _("Last activity")]


def trainee_rows(queryset):
    for trainee in queryset.iterator(chunk_size=2000):
        yield [
            "" if trainee.erased_at else trainee.full_name,
            "" if trainee.erased_at else trainee.email,
            trainee.agency.display_name, trainee.region.display_name,
            trainee.position, trainee.lessons_done, trainee.attempt_count,
            "" if trainee.best_score is None else trainee.best_score,
            trainee.certificate_status or "",
            trainee.certificate_expires.isoformat() if trainee.certificate_expires else "",
            trainee.last_activity.isoformat(timespec="minutes") if trainee.last_activity else "",
        ]


class _Echo:
    def write(self, value):
        return value


def csv_response(filename: str, header, rows) -> StreamingHttpResponse:
    writer = csv.writer(_Echo())

    def stream():
        yield "\ufeff"  # so spreadsheet programs read UTF-8 (Cyrillic names) correctly
        yield writer.writerow(header)
        for row in rows:
            yield writer.writerow(row)

    response = StreamingHttpResponse(stream(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}.csv"'
    return response


def xlsx_response(filename: str, header, rows, *, title: str) -> HttpResponse:
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet(title=title[:31])
    sheet.append(header)
    for row in rows:
        sheet.append(row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    response = HttpResponse(
        buffer.getvalue(), content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    )
    response["Content-Disposition"] = f'attachment; filename="{filename}.xlsx"'
    return response
