"""Issuing, rendering and revoking certificates."""

import calendar
import logging
from datetime import date, datetime, timedelta

from django.core.cache import cache
from django.db import transaction
from django.utils import timezone, translation
from wagtail.log_actions import log

from certificates import codes, pdf
from certificates.models import Certificate
from certificates.pdf import course_title_in

logger = logging.getLogger(__name__)

# A certificate whose PDF is still missing this long after it was issued has lost its render
# (a worker killed mid-task, a failed render): asking for it queues one again, at most once per
# RENDER_REQUEUE_INTERVAL. A second render of the same certificate does nothing (render_once).
RENDER_REQUEUE_AFTER = timedelta(minutes=1)
RENDER_REQUEUE_INTERVAL = 60  # seconds


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
    from certificates.tasks import render_certificate  # the task calls certificate_render_once

    render_certificate.enqueue(certificate_id)


def certificate_render_once(*, certificate_id: int) -> bool:
    """Render and store a certificate's PDF unless it is stored already; True when this call
    rendered it. The row stays locked while it renders (``SELECT … FOR UPDATE``), so two
    workers given the same certificate, or a task that runs twice, render it once: the second
    waits for the first to commit and then finds the PDF. Nothing is rendered for a holder
    whose personal data was erased."""
    with transaction.atomic():
        certificate = (
            Certificate.objects.select_for_update(of=("self",))
            .filter(pk=certificate_id, user__erased_at__isnull=True)
            .first()
        )
        if certificate is None or pdf_stored(certificate=certificate):
            return False
        if certificate.pdf:
            logger.warning("PDF of certificate %s was missing; rendering it again", certificate.pk)
        pdf.certificate_render(certificate=certificate)
        return True


def pdf_stored(*, certificate: Certificate) -> bool:
    """Whether the certificate's original PDF is in storage."""
    return bool(certificate.pdf) and certificate.pdf.storage.exists(certificate.pdf.name)


def certificate_pdf_bytes(*, certificate: Certificate) -> bytes | None:
    """The PDF to hand out, or None while the original is being prepared in the worker (it is
    never rendered in the request). A valid certificate's PDF is the stored original. Once it
    is not valid (expired, or revoked or superseded for a caller that hands those out at all),
    a copy with the status printed across it; the stored original stays as it was issued."""
    if certificate.public_status != "valid":
        return pdf.render_pdf(certificate, stamped=True)
    if certificate.pdf:
        try:
            with certificate.pdf.open("rb") as handle:
                return handle.read()
        except FileNotFoundError:
            logger.warning("PDF of certificate %s is missing; queued to render again", certificate.pk)
    certificate_render_requeue(certificate=certificate)
    return None


def certificate_render_requeue(*, certificate: Certificate) -> bool:
    """Queue the render again for a certificate whose PDF should long have been ready (the first
    render was lost); at most once a minute per certificate. True when it was queued."""
    if timezone.now() - certificate.issued_at < RENDER_REQUEUE_AFTER:
        return False
    if not cache.add(f"certificate-render-requeued:{certificate.pk}", 1, RENDER_REQUEUE_INTERVAL):
        return False
    certificate_render_later(certificate.pk)
    return True


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
