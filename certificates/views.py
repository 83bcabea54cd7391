from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render

from certificates import codes, ratelimit, selectors, services
from certificates.forms import VerifyForm
from certificates.pdf import render_pdf

# Lookups per client address: per minute for everyone, per hour for codes that match nothing.
LOOKUPS_PER_MINUTE = 20
MISSES_PER_HOUR = 30


@login_required
def my_certificates(request):
    certificates = selectors.certificates_of(user=request.user).select_related("course")
    return render(
        request,
        "certificates/my_certificates.html",
        {"certificates": certificates, "languages": settings.LANGUAGES},
    )


@login_required
def certificate_download(request, certificate_id: int):
    certificate = selectors.certificate_for_download(user=request.user, certificate_id=certificate_id)
    if certificate is None:
        raise Http404
    second = request.GET.get("second")
    if second in dict(settings.LANGUAGES) and second != certificate.language:
        # Bilingual copies (for use abroad) are rendered on request; the stored PDF is the original.
        pdf = render_pdf(certificate, second_language=second)
        filename = f"frontline-certificate-{certificate.display_code}-{certificate.language}-{second}.pdf"
    else:
        pdf = services.certificate_pdf_bytes(certificate=certificate)
        filename = f"frontline-certificate-{certificate.display_code}.pdf"
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response["Cache-Control"] = "private, no-store"
    return response


def verify(request):
    """The public form: type a code, see what it certifies."""
    form = VerifyForm(request.GET or None)
    if request.GET and form.is_valid():
        return redirect("certificate_verify", code=codes.display(form.cleaned_data["code"]))
    return render(request, "certificates/verify.html", {"form": form})


def verify_code(request, code: str):
    """Valid, expired, revoked, superseded or unknown; holder's name, course and dates only."""
    if ratelimit.exceeded(request, scope="verify-miss", limit=MISSES_PER_HOUR, period=3600) or not ratelimit.allow(
        request, scope="verify", limit=LOOKUPS_PER_MINUTE, period=60
    ):
        return render(request, "certificates/rate_limited.html", status=429)
    form = VerifyForm({"code": code})
    certificate = selectors.certificate_by_code(code=form.cleaned_data["code"]) if form.is_valid() else None
    if certificate is None:
        ratelimit.allow(request, scope="verify-miss", limit=MISSES_PER_HOUR, period=3600)
    return render(
        request,
        "certificates/verify_result.html",
        {"certificate": certificate, "code": code, "form": form},
        status=200 if certificate else 404,
    )
