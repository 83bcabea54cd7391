from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render

from accounts import two_factor
from certificates import codes, selectors, services
from certificates.forms import VerifyForm
from certificates.pdf import render_pdf
from web import ratelimit
from web.http_methods import require_safe

# Lookups per client address: per minute for everyone, per hour for codes that match nothing.
LOOKUPS_PER_MINUTE = 20
MISSES_PER_HOUR = 30
LOOKUP_RATE = f"{LOOKUPS_PER_MINUTE}/m"
MISS_RATE = f"{MISSES_PER_HOUR}/h"
# Statuses whose certificates are never handed out again; an expired one is, stamped "expired",
# since its holder may still need proof of the training they did.
WITHDRAWN = {"revoked", "superseded"}
# How often a page waiting for a PDF from the worker reloads itself.
PREPARING_REFRESH_SECONDS = 5


@login_required
@require_safe
def my_certificates(request):
    certificates = list(selectors.certificates_of(user=request.user).select_related("course"))
    preparing = any(certificate.public_status == "valid" and not certificate.pdf for certificate in certificates)
    response = render(
        request,
        "certificates/my_certificates.html",
        {
            "certificates": certificates,
            "languages": settings.LANGUAGES,
            "preparing": preparing,
            "refresh_seconds": PREPARING_REFRESH_SECONDS,
        },
    )
    if preparing:
        response["Cache-Control"] = "private, no-store"
    return response


@login_required
@require_safe
def certificate_download(request, certificate_id: int):
    certificate = selectors.certificate_for_download(
        user=request.user,
        certificate_id=certificate_id,
        second_factor_passed=two_factor.session_passed_two_factor(request),
    )
    if certificate is None:
        raise Http404
    if certificate.public_status in WITHDRAWN:
        return _withdrawn(request, certificate)
    second = request.GET.get("second")
    if second in dict(settings.LANGUAGES) and second != certificate.language:
        # Bilingual copies (for use abroad) are rendered on request; the stored PDF is the original.
        pdf = render_pdf(certificate, second_language=second, stamped=certificate.public_status != "valid")
        filename = f"frontline-certificate-{certificate.display_code}-{certificate.language}-{second}.pdf"
    else:
        pdf = services.certificate_pdf_bytes(certificate=certificate)
        if pdf is None:
            return _being_prepared(request, certificate)
        filename = f"frontline-certificate-{certificate.display_code}.pdf"
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response["Cache-Control"] = "private, no-store"
    return response


def _being_prepared(request, certificate):
    """The PDF is rendered in the worker, never in the request: until it is stored the
    download says so and reloads itself (a meta refresh, no script); the reload that finds
    the PDF downloads it."""
    response = render(
        request,
        "certificates/being_prepared.html",
        {
            "certificate": certificate,
            "is_holder": certificate.user_id == request.user.pk,
            "refresh_seconds": PREPARING_REFRESH_SECONDS,
        },
    )
    response["Cache-Control"] = "private, no-store"
    response["Retry-After"] = str(PREPARING_REFRESH_SECONDS)
    return response


def _withdrawn(request, certificate):
    """A revoked or superseded certificate is no longer a document anyone should be handed: no
    copy of it is served (the stored original stays on disk as evidence). The page says why,
    and points to the public verification page and, after a renewal, to the renewed one."""
    response = render(
        request,
        "certificates/download_refused.html",
        {
            "certificate": certificate,
            "status": certificate.public_status,
            "renewal": certificate.superseded_by if certificate.status == certificate.Status.SUPERSEDED else None,
            "is_holder": certificate.user_id == request.user.pk,
        },
        status=410,
    )
    response["Cache-Control"] = "private, no-store"
    return response


@require_safe
def verify(request):
    """The public form: type a code, see what it certifies."""
    form = VerifyForm(request.GET or None)
    if request.GET and form.is_valid():
        return redirect("certificate_verify", code=codes.display(form.cleaned_data["code"]))
    return render(request, "certificates/verify.html", {"form": form})


@require_safe
def verify_code(request, code: str):
    """Valid, expired, revoked, superseded or unknown; holder's name, course and dates only."""
    if ratelimit.used_up(request, group="verify-miss", rate=MISS_RATE) or not ratelimit.allow(
        request, group="verify", rate=LOOKUP_RATE
    ):
        return render(request, "certificates/rate_limited.html", status=429)
    form = VerifyForm({"code": code})
    certificate = selectors.certificate_by_code(code=form.cleaned_data["code"]) if form.is_valid() else None
    if certificate is None:
        ratelimit.allow(request, group="verify-miss", rate=MISS_RATE)
    return render(
        request,
        "certificates/verify_result.html",
        {"certificate": certificate, "code": code, "form": form},
        status=200 if certificate else 404,
    )
