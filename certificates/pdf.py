"""Certificate PDFs, rendered by WeasyPrint from a Django template.

WeasyPrint only ever gets the project's own static files: the URL fetcher below refuses the
network and any file outside the static directories.
"""

from pathlib import Path
from urllib.parse import unquote, urlsplit

import segno
from django.conf import settings
from django.contrib.staticfiles import finders
from django.core.files.base import ContentFile
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import formats, translation
from django.utils.translation import gettext as _
from wagtail.models import Locale
from weasyprint import HTML
from weasyprint.urls import URLFetcher, URLFetcherResponse

from certificates.models import Certificate

STATIC_SCHEME = "frontline-static"


class StaticFilesOnlyFetcher(URLFetcher):
    """Serves ``frontline-static:/path`` from the static files; refuses everything else."""

    def fetch(self, url, headers=None):
        parts = urlsplit(url)
        if parts.scheme == "data":
            return super().fetch(url, headers)
        if parts.scheme != STATIC_SCHEME:
            raise ValueError(f"Certificates may only use the site's static files, not {url!r}")
        relative = unquote(parts.path).lstrip("/")
        found = finders.find(relative) if relative and ".." not in Path(relative).parts else None
        if not found:
            raise ValueError(f"No such static file: {relative!r}")
        return URLFetcherResponse(url, Path(found).read_bytes(), headers={"Content-Type": _mime(found)})


def _mime(path: str) -> str:
    suffix = Path(path).suffix.lower()
    return {".ttf": "font/ttf", ".css": "text/css", ".svg": "image/svg+xml", ".png": "image/png"}.get(
        suffix, "application/octet-stream"
    )


def qr_svg(url: str) -> str:
    return segno.make(url, error="m").svg_inline(scale=3, border=0, dark="#1b2430")


def verification_url(certificate) -> str:
    with translation.override(certificate.language):
        path = reverse("certificate_verify", args=[certificate.display_code])
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + path


def labels(certificate, language: str, *, stamped: bool = False) -> dict:
    """Every text of the certificate in one language: labels, names and dates (and, when
    ``stamped``, the status stamp of a certificate that is no longer valid)."""
    as_issued = language == certificate.language
    with translation.override(language):
        return {
            "language": language,
            "tagline": _("Training on trafficking in persons"),
            "title": _("Certificate of completion"),
            "certifies": _("This certifies that"),
            "completed": _("has completed the course and passed its assessment"),
            "agency": certificate.agency_name
            if as_issued or not certificate.agency
            else certificate.agency.display_name,
            "course": certificate.course_title
            if as_issued or not certificate.course
            else course_title_in(certificate.course, language),
            "issued_label": _("Issued"),
            "issued": formats.date_format(certificate.issued_at, "DATE_FORMAT"),
            "valid_label": _("Valid until"),
            "valid": formats.date_format(certificate.expires_on, "DATE_FORMAT")
            if certificate.expires_on
            else _("No expiry"),
            "score_label": _("Score"),
            "code_label": _("Verification code"),
            "check": _("Check this certificate at"),
            "stamp": status_stamp(certificate, language) if stamped else None,
        }


def status_stamp(certificate, language: str) -> dict | None:
    """What is printed across a copy of a certificate that is no longer valid (as the public
    verification page states it), or None for a valid one."""
    from django.utils import formats

    status = certificate.public_status
    with translation.override(language):
        if status == "expired":
            return {"title": _("Expired"), "detail": _("This certificate has expired.")}
        if status == "revoked":
            revoked = formats.date_format(certificate.revoked_at, "DATE_FORMAT") if certificate.revoked_at else "—"
            return {"title": _("Revoked"), "detail": _("This certificate was revoked on %(date)s.") % {"date": revoked}}
        if status == "superseded":
            return {"title": _("Replaced by a renewal"), "detail": _("This certificate was replaced by a renewed one.")}
    return None


def render_pdf(certificate, *, second_language: str | None = None, stamped: bool = False) -> bytes:
    """The certificate as PDF bytes in the holder's language, optionally with every text
    repeated in a second language (for use abroad). ``stamped`` prints the status of a
    certificate that is no longer valid across every page, so a copy handed out after it
    expired cannot pass for a current one."""
    url = verification_url(certificate)
    with translation.override(certificate.language):
        html = render_to_string(
            "certificates/pdf.html",
            {
                "certificate": certificate,
                "main": labels(certificate, certificate.language, stamped=stamped),
                "second": labels(certificate, second_language, stamped=stamped) if second_language else None,
                "verification_url": url,
                "qr_svg": qr_svg(url),
            },
        )
    return HTML(string=html, base_url=f"{STATIC_SCHEME}:/", url_fetcher=StaticFilesOnlyFetcher()).write_pdf()


def course_title_in(course, language: str) -> str:
    """The course title in the holder's language, when a translation exists."""
    locale = Locale.objects.filter(language_code=language).first()
    translated = course.get_translation_or_none(locale) if locale else None
    return (translated or course).title


def certificate_render(*, certificate: Certificate) -> Certificate:
    """Render and store the PDF (again, if it went missing)."""
    pdf = render_pdf(certificate)
    if certificate.pdf:
        certificate.pdf.delete(save=False)
    certificate.pdf.save(f"{certificate.code}.pdf", ContentFile(pdf), save=False)
    Certificate.objects.filter(pk=certificate.pk).update(pdf=certificate.pdf.name)
    return certificate
