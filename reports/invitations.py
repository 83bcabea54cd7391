"""Bulk invitation of trainees from a CSV file.

A coordinator uploads a CSV of trainees. Every row is checked (name, e-mail address, agency,
region, scope, language) and the result is kept in an ``InvitationBatch``; nothing else is
created at that point. The preview lists every row with its problems. Confirming checks the
valid rows again and, in one transaction, creates an account (verified address, no password)
for each of them; once that transaction has committed, each new trainee gets one e-mail in
their language with a link to set a password. Either every valid row is invited or none is.
"""

import codecs
import csv
import io
import logging
import re
from datetime import timedelta

from allauth.account.forms import default_token_generator
from allauth.account.models import EmailAddress
from allauth.account.utils import user_pk_to_url_str
from django.conf import settings
from django.contrib import messages
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.core.mail import EmailMessage
from django.core.validators import validate_email
from django.db import IntegrityError, transaction
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.tasks import task
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from wagtail.log_actions import log

from accounts import names
from accounts.models import Agency, Region
from accounts.scope import Scope
from reports.exports import spreadsheet_safe, spreadsheet_unquoted
from reports.forms import InvitationUploadForm
from reports.models import InvitationBatch
from reports.views import coordinator_required
from web.http_methods import require_GET_or_POST

logger = logging.getLogger(__name__)

MAX_ROWS = 2000
MAX_BYTES = 2 * 1024 * 1024
COLUMNS = ("full_name", "email", "agency", "region", "position", "language")
REQUIRED_COLUMNS = ("full_name", "email", "agency", "region")
DEFAULT_LANGUAGE = "tg"
DELIMITERS = (",", ";", "\t")
LOG_ACTION = "frontline.invitations.send"


# --- Reading the file -------------------------------------------------------------------------


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
    if data.startswith(b"PK\x03\x04") or data.startswith(b"\xd0\xcf\x11\xe0"):
        raise InvalidFile(
            _(
                "This is an Excel workbook, not a CSV file. In Excel choose File → Save As, pick "
                "“CSV UTF-8 (comma delimited)” and upload the saved file."
            )
        )
    if data.startswith(codecs.BOM_UTF16_LE) or data.startswith(codecs.BOM_UTF16_BE):
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
                    "This does not look like a CSV file. Save the list from your spreadsheet as “CSV UTF-8” and upload that."
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
                "The file could not be read as CSV near row %(row)s. Save it again from your spreadsheet as “CSV UTF-8” and upload it."
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


# --- Checking the rows ------------------------------------------------------------------------


def _key(value: str) -> str:
    return " ".join(value.split()).casefold()


class Lookup:
    """Agencies or regions by code or by name in any language, case-insensitively."""

    def __init__(self, model):
        self.codes: dict[str, int] = {}
        self.names: dict[str, set[int]] = {}
        self.inactive: set[str] = set()
        self.active: dict[int, object] = {}
        for item in model.objects.all():
            keys = {_key(name) for name in (item.name, item.name_ru, item.name_tg) if name}
            if item.is_active:
                self.active[item.pk] = item
                self.codes[_key(item.code)] = item.pk
                for key in keys:
                    self.names.setdefault(key, set()).add(item.pk)
            else:
                self.inactive |= keys | {_key(item.code)}

    def resolve(self, value: str) -> tuple[int | None, str]:
        """(id, "") when found, else (None, one of "missing", "ambiguous", "inactive", "unknown")."""
        key = _key(value)
        if not key:
            return None, "missing"
        if key in self.codes:
            return self.codes[key], ""
        ids = self.names.get(key, set())
        if len(ids) == 1:
            return next(iter(ids)), ""
        if ids:
            return None, "ambiguous"
        return None, "inactive" if key in self.inactive else "unknown"


def _agency_error(problem: str, value: str) -> str:
    return {
        "missing": _("Agency is missing."),
        "ambiguous": _("“%(value)s” matches more than one agency; use the agency's code instead."),
        "inactive": _("Agency “%(value)s” is no longer in use."),
        "unknown": _("Unknown agency “%(value)s”. Use an agency code or name from the list on the upload page."),
    }[problem] % {"value": value}


def _region_error(problem: str, value: str) -> str:
    return {
        "missing": _("Region is missing."),
        "ambiguous": _("“%(value)s” matches more than one region; use the region's code instead."),
        "inactive": _("Region “%(value)s” is no longer in use."),
        "unknown": _("Unknown region “%(value)s”. Use a region code or name from the list on the upload page."),
    }[problem] % {"value": value}


def _scope_error(agency: str, region: str) -> str:
    return _(
        "%(agency)s in %(region)s is outside your scope: you can only invite trainees to the agencies and regions you coordinate."
    ) % {"agency": agency, "region": region}


def existing_emails(emails) -> set[str]:
    """Those of ``emails`` (lower case) that an account already holds, as its login or as a
    verified or primary address. Another trainee's unverified request to change to an address
    does not count: it must not keep its owner from being invited."""
    from accounts.selectors import held_emails

    return held_emails(emails)


def _languages() -> dict[str, str]:
    return {code: name for code, name in settings.LANGUAGES}


def check_rows(rows: list[tuple[int, dict]], *, scope: Scope) -> list[dict]:
    """Every row cleaned, matched to its agency and region, with its problems under "errors"."""
    User = get_user_model()
    name_max = User._meta.get_field("full_name").max_length
    email_max = User._meta.get_field("email").max_length
    position_max = User._meta.get_field("position").max_length
    agencies, regions = Lookup(Agency), Lookup(Region)
    languages = _languages()
    first_row_of: dict[str, int] = {}
    checked = []
    for number, values in rows:
        errors = []
        typed_name = values.get("full_name", "")
        full_name = names.normalise(typed_name)
        email = values.get("email", "").strip().lower()
        position = " ".join(values.get("position", "").split())
        language = values.get("language", "").strip().lower() or DEFAULT_LANGUAGE

        if not typed_name.strip():
            errors.append(_("Full name is missing."))
        elif not names.is_visible(full_name):
            errors.append(_("Full name has only spaces or invisible characters; type the name in letters."))
        elif len(full_name) > name_max:
            errors.append(_("Full name is too long (at most %(max)s characters).") % {"max": name_max})

        if not email:
            errors.append(_("E-mail address is missing."))
        else:
            try:
                validate_email(email)
                if len(email) > email_max:
                    raise ValidationError("too long")
            except ValidationError:
                errors.append(_("“%(email)s” is not a valid e-mail address.") % {"email": email})
            else:
                if email in first_row_of:
                    errors.append(
                        _("This e-mail address already appears in row %(row)s of the file.")
                        % {"row": first_row_of[email]}
                    )
                else:
                    first_row_of[email] = number

        agency_id, problem = agencies.resolve(values.get("agency", ""))
        if problem:
            errors.append(_agency_error(problem, values.get("agency", "")))
        region_id, problem = regions.resolve(values.get("region", ""))
        if problem:
            errors.append(_region_error(problem, values.get("region", "")))
        if agency_id and region_id and not scope.allows(agency_id, region_id):
            errors.append(_scope_error(agencies.active[agency_id].display_name, regions.active[region_id].display_name))

        if len(position) > position_max:
            errors.append(_("Position is too long (at most %(max)s characters).") % {"max": position_max})
        if language not in languages:
            errors.append(
                _("Unknown language “%(value)s”; use %(codes)s, or leave it empty for Tajik.")
                % {"value": values.get("language", "").strip(), "codes": ", ".join(languages)}
            )

        checked.append(
            {
                "row": number,
                "full_name": full_name,
                "email": email,
                "agency": values.get("agency", ""),
                "region": values.get("region", ""),
                "agency_id": agency_id,
                "region_id": region_id,
                "position": position,
                "language": language,
                "errors": errors,
            }
        )

    taken = existing_emails(first_row_of)
    for row in checked:
        if row["email"] in taken:
            row["errors"].append(_("An account with this e-mail address already exists."))
    return checked


def recheck(rows: list[dict], *, scope: Scope) -> int:
    """Check rows that passed at upload against today's data; add errors in place, return how many failed."""
    active_agencies = Agency.objects.filter(is_active=True).in_bulk()
    active_regions = Region.objects.filter(is_active=True).in_bulk()
    taken = existing_emails(row["email"] for row in rows)
    failed = 0
    for row in rows:
        errors = []
        if row["email"] in taken:
            errors.append(_("An account with this e-mail address was created after the file was checked."))
        if row["agency_id"] not in active_agencies:
            errors.append(_("Agency “%(value)s” is no longer in use.") % {"value": row["agency"]})
        if row["region_id"] not in active_regions:
            errors.append(_("Region “%(value)s” is no longer in use.") % {"value": row["region"]})
        if not errors and not scope.allows(row["agency_id"], row["region_id"]):
            errors.append(
                _scope_error(
                    active_agencies[row["agency_id"]].display_name, active_regions[row["region_id"]].display_name
                )
            )
        if errors:
            row["errors"] = errors
            failed += 1
    return failed


# --- Sending ----------------------------------------------------------------------------------


def create_trainee(row: dict):
    User = get_user_model()
    user = User(
        email=row["email"],
        full_name=row["full_name"],
        agency_id=row["agency_id"],
        region_id=row["region_id"],
        position=row["position"],
        preferred_language=row["language"],
        is_active=True,
    )
    user.set_unusable_password()
    user.save()
    EmailAddress.objects.create(user=user, email=user.email, verified=True, primary=True)
    return user


def invitation_message(user, *, site_url: str, inviter: str) -> EmailMessage:
    """The invitation e-mail, in the trainee's language, with a link to set a password."""
    language = user.preferred_language or DEFAULT_LANGUAGE
    site_url = site_url.rstrip("/")
    with translation.override(language):
        path = reverse(
            "account_reset_password_from_key",
            kwargs={"uidb36": user_pk_to_url_str(user), "key": default_token_generator.make_token(user)},
        )
        days = max(1, int(timedelta(seconds=settings.PASSWORD_RESET_TIMEOUT).total_seconds() // 86400))
        subject = _("You are invited to Frontline training")
        body = "\n\n".join(
            [
                _("Hello %(name)s,") % {"name": user.full_name},
                _(
                    "%(inviter)s has registered you for training on Frontline, the e-learning site for officials "
                    "who meet victims of trafficking in persons."
                )
                % {"inviter": inviter},
                _("Your account uses this e-mail address: %(email)s") % {"email": user.email},
                _("To start, set your password here:") + "\n" + site_url + path,
                ngettext(
                    "The link works for %(days)s day. If it has expired, ask for a new one here: %(url)s",
                    "The link works for %(days)s days. If it has expired, ask for a new one here: %(url)s",
                    days,
                )
                % {"days": days, "url": site_url + reverse("account_reset_password")},
                _("If you were not expecting this e-mail, you can ignore it."),
            ]
        )
    return EmailMessage(subject, body, to=[user.email], headers={"Content-Language": language})


@task
def send_invitation(user_id: int, site_url: str, inviter: str) -> None:
    """One invitation e-mail; a task, so a queue backend can take sending out of the request."""
    user = get_user_model().objects.filter(pk=user_id, is_active=True).first()
    if user is None or user.has_usable_password():
        return  # gone, or already set a password: nothing to invite
    invitation_message(user, site_url=site_url, inviter=inviter).send()


def _send_later(user_ids: list[int], site_url: str, inviter: str):
    def send():
        for user_id in user_ids:
            try:
                send_invitation.enqueue(user_id, site_url, inviter)
            except Exception:  # one bad address or a queue hiccup must not stop the others
                logger.exception("Could not send the invitation to user %s", user_id)

    return send


# --- Views ------------------------------------------------------------------------------------


def _template_csv(scope: Scope) -> HttpResponse:
    agency = scope.agencies().first()
    region = scope.regions().first()
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="frontline-invitations.csv"'
    response.write("\ufeff")
    writer = csv.writer(response)
    writer.writerow(COLUMNS)
    example = [
        "Дилшод Раҳимов",
        "d.rahimov@example.tj",
        agency.code if agency else "",  # a code may start with "-", a formula to a spreadsheet
        region.code if region else "",
        _("Inspector"),
        DEFAULT_LANGUAGE,
    ]
    writer.writerow([spreadsheet_safe(value) for value in example])
    return response


@coordinator_required
@require_GET_or_POST
def upload(request):
    """The CSV upload; a readable file becomes a batch to preview, nothing else is created."""
    if request.method == "GET" and request.GET.get("template") == "csv":
        return _template_csv(request.scope)
    form = InvitationUploadForm(request.POST, request.FILES) if request.method == "POST" else InvitationUploadForm()
    form.fields["file"].widget.attrs["accept"] = ".csv,text/csv"
    if request.method == "POST" and form.is_valid():
        upload_file = form.cleaned_data["file"]
        try:
            if upload_file.size > MAX_BYTES:
                raise InvalidFile(
                    _("The file is larger than %(size)s MB. Split the list into smaller files.")
                    % {"size": MAX_BYTES // (1024 * 1024)}
                )
            data = upload_file.read()
            if not data.strip():
                raise InvalidFile(_("The file is empty. Add a header row and one row per trainee."))
            rows = check_rows(read_rows(decode(data)), scope=request.scope)
        except InvalidFile as error:
            form.add_error("file", error.message)
        else:
            batch = InvitationBatch.objects.create(
                created_by=request.user, filename=(upload_file.name or "")[:255], rows=rows
            )
            return redirect("reports_invite_preview", batch_id=batch.pk)
    return render(
        request,
        "reports/invite_upload.html",
        {
            "form": form,
            "columns": COLUMNS,
            "max_rows": MAX_ROWS,
            "max_megabytes": MAX_BYTES // (1024 * 1024),
            "agencies": list(request.scope.agencies()),
            "regions": list(request.scope.regions()),
        },
    )


@coordinator_required
@require_GET_or_POST
def preview(request, batch_id: int):
    """The checked rows; POST invites the valid ones, all or nothing."""
    batch = get_object_or_404(InvitationBatch, pk=batch_id, created_by=request.user)
    if request.method == "POST":
        return _confirm(request, batch.pk)
    agencies = Agency.objects.in_bulk({row.get("agency_id") for row in batch.rows} - {None})
    regions = Region.objects.in_bulk({row.get("region_id") for row in batch.rows} - {None})
    languages = _languages()
    rows = [
        row
        | {
            "agency_label": agencies[row["agency_id"]].display_name
            if row.get("agency_id") in agencies
            else row["agency"],
            "region_label": regions[row["region_id"]].display_name
            if row.get("region_id") in regions
            else row["region"],
            "language_label": languages.get(row["language"], row["language"]),
        }
        for row in batch.rows
    ]
    invalid = [row for row in rows if row["errors"]]
    valid = [row for row in rows if not row["errors"]]
    is_sent = batch.status == InvitationBatch.Status.SENT
    sections = [
        (title, section_rows, with_errors)
        for title, section_rows, with_errors in (
            (_("Rows with problems"), invalid, True),
            (_("Invited") if is_sent else _("Ready to invite"), valid, False),
        )
        if section_rows
    ]
    return render(
        request,
        "reports/invite_preview.html",
        {"batch": batch, "is_sent": is_sent, "invalid_rows": invalid, "valid_rows": valid, "sections": sections},
    )


def _confirm(request, batch_id: int):
    try:
        with transaction.atomic():
            batch = InvitationBatch.objects.select_for_update().get(pk=batch_id, created_by=request.user)
            if batch.status == InvitationBatch.Status.SENT:
                messages.info(
                    request,
                    _("These invitations were already sent on %(date)s; nothing was sent again.")
                    % {
                        "date": date_format(timezone.localtime(batch.sent_at), "DATETIME_FORMAT")
                        if batch.sent_at
                        else "—"
                    },
                )
                return redirect("reports_invite_preview", batch_id=batch.pk)
            rows = batch.valid_rows  # the same dicts as in batch.rows, so errors added below are kept
            if not rows:
                messages.error(request, _("No row of this file can be invited. Correct the file and upload it again."))
                return redirect("reports_invite_preview", batch_id=batch.pk)
            failed = recheck(rows, scope=request.scope)
            if failed:
                batch.save(update_fields=["rows"])
                messages.error(
                    request,
                    ngettext(
                        "Nothing was sent: %(count)s row changed since the file was checked (see below). "
                        "Review the list and send again to invite the remaining trainees.",
                        "Nothing was sent: %(count)s rows changed since the file was checked (see below). "
                        "Review the list and send again to invite the remaining trainees.",
                        failed,
                    )
                    % {"count": failed},
                )
                return redirect("reports_invite_preview", batch_id=batch.pk)
            users = [create_trainee(row) for row in rows]
            batch.status = InvitationBatch.Status.SENT
            batch.sent_at = timezone.now()
            batch.save(update_fields=["status", "sent_at"])
            log(
                instance=request.user,
                action=LOG_ACTION,
                user=request.user,
                data={"batch": batch.pk, "invited": len(users)},
            )
            transaction.on_commit(
                _send_later([user.pk for user in users], request.build_absolute_uri("/"), request.user.get_full_name())
            )
    except IntegrityError:
        logger.warning("Invitation batch %s: an account was created while sending", batch_id, exc_info=True)
        messages.error(
            request,
            _(
                "Nothing was sent: an account with one of these e-mail addresses was created at the same moment. "
                "Send again to check the list once more."
            ),
        )
        return redirect("reports_invite_preview", batch_id=batch_id)
    messages.success(
        request,
        ngettext(
            "%(count)s invitation sent. The trainee will receive an e-mail with a link to set a password.",
            "%(count)s invitations sent. Each trainee will receive an e-mail with a link to set a password.",
            len(users),
        )
        % {"count": len(users)},
    )
    return redirect("reports_invite_preview", batch_id=batch_id)
