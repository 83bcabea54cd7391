"""The coordinator's pages: upload a CSV, preview its checked rows, confirm to send.

Views read the request and show the outcome; the rules are in ``checks`` and ``services``.
"""

import csv

from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from accounts.decorators import coordinator_required
from invitations import selectors, services
from invitations.checks import check_rows, default_language, default_language_name
from invitations.forms import InvitationUploadForm
from invitations.models import InvitationBatch
from invitations.parse import COLUMNS, MAX_BYTES, MAX_ROWS, InvalidFile, decode, read_rows
from invitations.services import Outcome
from web.http_methods import require_GET_or_POST
from web.spreadsheet import spreadsheet_safe


def _template_csv(scope) -> HttpResponse:
    agency_code, region_code = selectors.template_example(scope=scope)
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="frontline-invitations.csv"'
    response.write("\ufeff")
    writer = csv.writer(response)
    writer.writerow(COLUMNS)
    example = [
        "Дилшод Раҳимов",
        "d.rahimov@example.tj",
        agency_code,  # a code may start with "-", a formula to a spreadsheet
        region_code,
        _("Inspector"),
        default_language(),
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
            batch = services.invitation_batch_create(
                created_by=request.user, filename=upload_file.name or "", rows=rows
            )
            return redirect("reports_invite_preview", batch_id=batch.pk)
    return render(
        request,
        "invitations/upload.html",
        {
            "form": form,
            "columns": COLUMNS,
            "max_rows": MAX_ROWS,
            "max_megabytes": MAX_BYTES // (1024 * 1024),
            "agencies": list(request.scope.agencies()),
            "regions": list(request.scope.regions()),
            "default_language": default_language(),
            "default_language_name": default_language_name(),
        },
    )


@coordinator_required
@require_GET_or_POST
def preview(request, batch_id: int):
    """The checked rows; POST invites the valid ones, all or nothing."""
    batch = get_object_or_404(InvitationBatch, pk=batch_id, created_by=request.user)
    if request.method == "POST":
        return _confirm(request, batch.pk)
    rows = selectors.batch_rows_shown(batch=batch)
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
        "invitations/preview.html",
        {"batch": batch, "is_sent": is_sent, "invalid_rows": invalid, "valid_rows": valid, "sections": sections},
    )


def _confirm(request, batch_id: int):
    result = services.invitation_batch_send(
        batch_id=batch_id, by=request.user, scope=request.scope, site_url=request.build_absolute_uri("/")
    )
    if result.outcome is Outcome.ALREADY_SENT:
        messages.info(
            request,
            _("These invitations were already sent on %(date)s; nothing was sent again.")
            % {"date": date_format(timezone.localtime(result.sent_at), "DATETIME_FORMAT") if result.sent_at else "—"},
        )
    elif result.outcome is Outcome.NOTHING_VALID:
        messages.error(request, _("No row of this file can be invited. Correct the file and upload it again."))
    elif result.outcome is Outcome.ROWS_CHANGED:
        messages.error(
            request,
            ngettext(
                "Nothing was sent: %(count)s row changed since the file was checked (see below). "
                "Review the list and send again to invite the remaining trainees.",
                "Nothing was sent: %(count)s rows changed since the file was checked (see below). "
                "Review the list and send again to invite the remaining trainees.",
                result.count,
            )
            % {"count": result.count},
        )
    elif result.outcome is Outcome.ACCOUNT_RACE:
        messages.error(
            request,
            _(
                "Nothing was sent: an account with one of these e-mail addresses was created at the same moment. "
                "Send again to check the list once more."
            ),
        )
    else:
        messages.success(
            request,
            ngettext(
                "%(count)s invitation sent. The trainee will receive an e-mail with a link to set a password.",
                "%(count)s invitations sent. Each trainee will receive an e-mail with a link to set a password.",
                result.count,
            )
            % {"count": result.count},
        )
    return redirect("reports_invite_preview", batch_id=batch_id)
