"""Issuing, rendering and revoking certificates."""

import calendar
import logging
from datetime import date, datetime

from django.db import transaction
from django.utils import timezone, translation
from wagtail.log_actions import log

from certificates import codes, pdf
from certificates.models import Certificate
from certificates.pdf import course_title_in
from certificates.tasks import render_certificate

logger = logging.getLogger(__name__)


def _unique_code() -> str:
    while True:
        code = codes.generate()
        if not Certificate.objects.filter(code=code).exists():
            return code


@transaction.atomic
def certificate_issue(*, attempt) -> Certificate:
    """Issue the one certificate a passed attempt earns; a renewal supersedes the old one.

    Calling it again for the same attempt returns the certificate already issued. The PDF is
    rendered once the transaction commits.
    """
    existing = Certificate.objects.filter(attempt=attempt).first()
    if existing is not None:
        return existing
    user, course = attempt.user, attempt.course
    issued_at = attempt.submitted_at or timezone.now()
    previous = (
        Certificate.objects.select_for_update()
        .filter(user=user, course=course, status=Certificate.Status.VALID)
        .first()
    )
    if previous is not None:
        previous.status = Certificate.Status.SUPERSEDED
        previous.save(update_fields=["status"])
    with translation.override(user.preferred_language):
        agency_name = user.agency.display_name if user.agency else ""
    course_title = course_title_in(course, user.preferred_language)
    certificate = Certificate.objects.create(
        code=_unique_code(),
        user=user,
        course=course,
        attempt=attempt,
        holder_name=user.full_name or user.email,
        agency=user.agency,
        agency_name=agency_name,
        region=user.region,
        course_title=course_title,
        language=user.preferred_language,
        issued_at=issued_at,
        expires_on=certificate_expiry(issued_at=issued_at, validity_months=course.validity_months),
    )
    if previous is not None:
        previous.superseded_by = certificate
        previous.save(update_fields=["superseded_by"])
    log(instance=certificate, action="frontline.certificate.issue", user=user, data={"code": certificate.code})
    transaction.on_commit(lambda: certificate_render_later(certificate.pk))
    return certificate


def certificate_expiry(*, issued_at: datetime, validity_months: int) -> date | None:
    """The day a certificate issued at ``issued_at`` expires (local date), or None when the
    course's certificates do not expire."""
    if not validity_months:
        return None
    return add_months(timezone.localtime(issued_at).date(), validity_months)


def add_months(day: date, months: int) -> date:
    """The same day ``months`` later, or the month's last day when it is shorter."""
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    return day.replace(year=year, month=month, day=min(day.day, calendar.monthrange(year, month)[1]))


def certificate_render_later(certificate_id: int) -> None:
    render_certificate.enqueue(certificate_id)


def certificate_pdf_bytes(*, certificate: Certificate) -> bytes:
    """The PDF to hand out: the stored original (rendered again from the record if the file
    is missing) while the certificate is valid. Once it is not (expired, or revoked or
    superseded for a caller that hands those out at all), a copy with the status printed
    across it; the stored original stays as it was issued."""
    if certificate.public_status != "valid":
        return pdf.render_pdf(certificate, stamped=True)
    if certificate.pdf:
        try:
            with certificate.pdf.open("rb") as handle:
                return handle.read()
        except FileNotFoundError:
            logger.warning("PDF of certificate %s was missing; rendering it again", certificate.pk)
    pdf.certificate_render(certificate=certificate)
    with certificate.pdf.open("rb") as handle:
        return handle.read()


@transaction.atomic
def certificate_revoke(*, certificate: Certificate, reason: str, by) -> Certificate:
    """Revoke a certificate with a reason; recorded in Wagtail's audit log."""
    reason = reason.strip()
    if not reason:
        raise ValueError("A reason is required to revoke a certificate.")
    certificate = Certificate.objects.select_for_update().get(pk=certificate.pk)
    if certificate.status == Certificate.Status.REVOKED:
        return certificate
    certificate.status = Certificate.Status.REVOKED
    certificate.revoked_at = timezone.now()
    certificate.revocation_reason = reason
    certificate.revoked_by = by
    certificate.save(update_fields=["status", "revoked_at", "revocation_reason", "revoked_by"])
    log(instance=certificate, action="frontline.certificate.revoke", user=by, data={"reason": reason})
    return certificate
