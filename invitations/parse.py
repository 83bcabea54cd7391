"""Turning an uploaded file into rows: decoding, CSV dialect, the header.

Pure functions of the bytes (no database), fuzzed in tests/fuzz. ``csv.Sniffer`` is unreliable
on a one-line header, on Cyrillic text and on Excel's ``sep=`` line, so the delimiter is the one
that makes the header name the most expected columns. Accepted encodings: UTF-8 (with or without
BOM), UTF-16 with BOM, and the Windows-1251 of older Russian-language Excel.
"""

import codecs
import csv
import io
import re

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from web.spreadsheet import spreadsheet_unquoted

MAX_ROWS = 2000
MAX_BYTES = 2 * 1024 * 1024
COLUMNS = ("full_name", "email", "agency", "region", "position", "language")
REQUIRED_COLUMNS = ("full_name", "email", "agency", "region")
DELIMITERS = (",", ";", "\t")


class InvalidFile(Exception):
    """The upload cannot be read as an invitation list; the message says why, for the user."""

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


NOT_UTF8 = gettext_lazy(
    "The file is not valid UTF-8 text: line %(line)s holds a byte that is not part of any character "
    "(byte %(offset)s of the file). Names would be read wrongly, so nothing was stored. Check that line, "
    "save the list from your spreadsheet as “CSV UTF-8” and upload it again."
)


def _utf8_damage(data: bytes) -> tuple[int, int]:
    """(valid UTF-8 multi-byte characters, invalid bytes or byte runs) in ``data``."""
    lenient = data.decode("utf-8", errors="replace")
    invalid = lenient.count("\ufffd") - data.count("\ufffd".encode())  # not counting genuine U+FFFD
    multibyte = sum(1 for char in lenient if ord(char) > 0x7F) - invalid
    return multibyte, invalid


def _decode_8bit(data: bytes) -> str:
    """UTF-8, or the Windows-1251 of older Russian-language Excel; a UTF-8 file with a few broken
    bytes is refused, naming the first one, rather than read as Windows-1251 (mojibake names)."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        first_bad = error.start  # the BOM is valid UTF-8, so positions count from the file's start
    multibyte, invalid = _utf8_damage(data)
    # Windows-1251 Cyrillic is almost never valid UTF-8: a byte pair such as "Фё" or "Д»" happens
    # to be, but each such pair comes with several invalid bytes. UTF-8 damaged in a few places is
    # the other way round.
    if multibyte >= invalid:
        newline = b"\n" if b"\n" in data else b"\r"
        raise InvalidFile(NOT_UTF8 % {"line": data.count(newline, 0, first_bad) + 1, "offset": first_bad + 1})
    body = data[len(codecs.BOM_UTF8) :] if data.startswith(codecs.BOM_UTF8) else data
    try:
        return body.decode("cp1251")
    except UnicodeDecodeError:
        raise InvalidFile(
            _("The file's characters could not be read. Save it from your spreadsheet as “CSV UTF-8”.")
        ) from None


def decode(data: bytes) -> str:
    """The file's text: UTF-8 (with or without BOM), UTF-16 with BOM, or Windows Cyrillic."""
    if data.startswith((b"PK\x03\x04", b"\xd0\xcf\x11\xe0")):
        raise InvalidFile(
            _(
                "This is an Excel workbook, not a CSV file. In Excel choose File → Save As, pick "
                "“CSV UTF-8 (comma delimited)” and upload the saved file."
            )
        )
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            text = data.decode("utf-16")
        except UnicodeDecodeError:
            raise InvalidFile(
                _("The file could not be read as text. Save it from your spreadsheet as “CSV UTF-8”.")
            ) from None
    else:
        if b"\x00" in data:
            raise InvalidFile(
                _(
                    "This does not look like a CSV file. "
                    "Save the list from your spreadsheet as “CSV UTF-8” and upload that."
                )
            )
        text = _decode_8bit(data)
    text = text.lstrip("\ufeff")
    if "\x00" in text:
        # UTF-16 text may decode to NUL characters, which no database text or JSON column accepts.
        raise InvalidFile(
            _("This does not look like a CSV file. Save the list from your spreadsheet as “CSV UTF-8” and upload that.")
        )
    control = sum(1 for char in text if ord(char) < 32 and char not in "\t\r\n")
    if control > max(5, len(text) // 100):
        raise InvalidFile(
            _("This does not look like a CSV file. Save the list from your spreadsheet as “CSV UTF-8” and upload that.")
        )
    return text


def _column_name(cell: str) -> str:
    return "_".join(cell.strip().strip("\ufeff").lower().replace("-", " ").replace("_", " ").split())


def _is_blank(record: list[str]) -> bool:
    return not any(cell.strip() for cell in record)


def _sniff_delimiter(text: str) -> str:
    """The delimiter that makes the header row name the most expected columns."""
    first = next((line for line in text.splitlines() if line.strip(", ;\t")), "")
    best, best_score = ",", (-1, -1)
    for delimiter in DELIMITERS:
        try:
            header = next(csv.reader([first], delimiter=delimiter), [])
        except csv.Error:
            continue
        names = {_column_name(cell) for cell in header}
        score = (len(names & set(COLUMNS)), len(header))
        if score > best_score:
            best, best_score = delimiter, score
    return best


# Excel's hint line "sep=;" (also "sep=," or "sep=" and a tab) names the delimiter and is not
# part of the table. Spreadsheets that re-save such a file may quote it or pad it with delimiters.
SEPARATOR_HINT = re.compile(r' *"?sep=(?P<delimiter>[^\w\s"]|\t)?.*', re.IGNORECASE | re.DOTALL)


def _separator_hint(text: str) -> tuple[str | None, str]:
    """(the delimiter named by a first "sep=" line, the text without that line).

    The delimiter is None when there is no such line, or when it names nothing usable (then
    the line is dropped all the same and the delimiter is found from the header row)."""
    first, _newline, rest = text.partition("\n")
    match = SEPARATOR_HINT.fullmatch(first.rstrip("\r"))
    if not match:
        return None, text
    return match.group("delimiter"), rest


def read_rows(text: str) -> list[tuple[int, dict]]:
    """The data rows as (row number in the spreadsheet, {column: value}); blank rows skipped."""
    delimiter, text = _separator_hint(text)
    if not text.strip(" \t\r\n,;"):
        raise InvalidFile(_("The file is empty. Add a header row and one row per trainee."))
    delimiter = delimiter or _sniff_delimiter(text)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    columns: dict[str, int] | None = None
    rows = []
    count = 0
    try:
        for number, record in enumerate(reader, start=1):
            if _is_blank(record):
                continue
            if columns is None:
                columns = _header(record)
                continue
            count += 1
            if count <= MAX_ROWS:
                values = {
                    name: (spreadsheet_unquoted(record[index].strip()) if index < len(record) else "")
                    for name, index in columns.items()
                }
                rows.append((number, values))
    except csv.Error:
        raise InvalidFile(
            _(
                "The file could not be read as CSV near row %(row)s. "
                "Save it again from your spreadsheet as “CSV UTF-8” and upload it."
            )
            % {"row": reader.line_num}
        ) from None
    if columns is None:
        raise InvalidFile(_("The file is empty. Add a header row and one row per trainee."))
    if count == 0:
        raise InvalidFile(_("The file has a header row but no trainees. Add one row per trainee below the header."))
    if count > MAX_ROWS:
        raise InvalidFile(
            _("The file lists %(count)s trainees; at most %(max)s can be invited at once. Split it into smaller files.")
            % {"count": f"{count:,}", "max": f"{MAX_ROWS:,}"}
        )
    return rows


def _header(record: list[str]) -> dict[str, int]:
    columns: dict[str, int] = {}
    for index, cell in enumerate(record):
        name = _column_name(cell)
        if name not in COLUMNS:
            continue  # extra columns (notes, numbering) are ignored
        if name in columns:
            raise InvalidFile(_("The column “%(column)s” appears twice in the header row.") % {"column": name})
        columns[name] = index
    missing = [name for name in REQUIRED_COLUMNS if name not in columns]
    if missing:
        raise InvalidFile(
            ngettext(
                "The header row has no “%(columns)s” column. The first row must name the columns: %(expected)s.",
                "The header row lacks the columns %(columns)s. The first row must name the columns: %(expected)s.",
                len(missing),
            )
            % {"columns": ", ".join(missing), "expected": ", ".join(COLUMNS)}
        )
    return columns
