from django.conf import settings
from django.http import HttpResponse
from django.middleware.csp import ContentSecurityPolicyMiddleware as DjangoCSPMiddleware
from django.template.loader import render_to_string
from django.utils.log import log_response

# The Wagtail admin is a staff-only tool that relies on inline scripts of its own.
ADMIN_PREFIXES = ("/admin/",)


class ContentSecurityPolicyMiddleware(DjangoCSPMiddleware):
    """Django's CSP middleware, applied to every page but the admin interface."""

    def process_response(self, request, response):
        if request.path.startswith(ADMIN_PREFIXES):
            return response
        return super().process_response(request, response)


class PermissionsPolicyMiddleware:
    """Sends ``PERMISSIONS_POLICY`` on every response (Django has no setting for this header):
    no page of the site uses the camera, microphone, location, payments or USB, so no page,
    nor anything injected into one, may ask for them."""

    def __init__(self, get_response):
        self.get_response = get_response
        self.policy = ", ".join(
            f"{feature}=({' '.join(origins)})" for feature, origins in settings.PERMISSIONS_POLICY.items()
        )

    def __call__(self, request):
        response = self.get_response(request)
        if self.policy:
            response.headers.setdefault("Permissions-Policy", self.policy)
        return response


class AnonymousRequestBodyLimitMiddleware:
    """Refuses a body larger than ``ANONYMOUS_MAX_BODY_BYTES`` from a visitor who is not signed
    in, before anything reads it (CsrfViewMiddleware reads the form in ``process_view``, which
    runs after this): nobody can fill the disk with spooled uploads without an account.

    Signed-in users keep Django's own limits (a coordinator's invitation CSV, editors' images).
    The size is taken from Content-Length; a body without one (chunked) is refused too, as no
    form of the site sends one. This only holds under WSGI: an ASGI server reads the whole
    body before any middleware runs, so the proxy's limit (README) is the first line.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if _body_may_exceed(request.META, settings.ANONYMOUS_MAX_BODY_BYTES) and not request.user.is_authenticated:
            return request_too_large(request)
        return self.get_response(request)


def _body_may_exceed(meta, limit: int) -> bool:
    length = meta.get("CONTENT_LENGTH")
    if not length:
        return "chunked" in meta.get("HTTP_TRANSFER_ENCODING", "").lower()
    try:
        return int(length) > limit
    except ValueError:
        return False  # Django reads no body at all with an unreadable length


def request_too_large(request) -> HttpResponse:
    response = HttpResponse(render_to_string("413.html", {"limit": settings.ANONYMOUS_MAX_BODY_BYTES}), status=413)
    log_response("Request body too large (%s): %s", request.method, request.path, response=response, request=request)
    return response
