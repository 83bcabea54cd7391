import functools
import time

from django.conf import settings
from django.contrib.auth import logout
from django.urls import reverse

from accounts import two_factor


class UserLanguageMiddleware:
    """Remembers a signed-in user's preferred language in the language cookie.

    The cookie is what LocaleMiddleware consults when a URL carries no language prefix, so a
    trainee who opens the bare site address lands in the language stored on their account.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated and user.preferred_language:
            if request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME) != user.preferred_language:
                response.set_cookie(
                    settings.LANGUAGE_COOKIE_NAME,
                    user.preferred_language,
                    max_age=settings.LANGUAGE_COOKIE_AGE,
                    secure=settings.LANGUAGE_COOKIE_SECURE,
                    samesite="Lax",
                )
        return response


class SessionIdleTimeoutMiddleware:
    """Signs a user out after ``SESSION_IDLE_SECONDS`` without a request.

    The last-seen time is rewritten at most once a minute, so an active user does not cost a
    session write on every page.
    """

    REFRESH_AFTER_SECONDS = 60

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated:
            now = int(time.time())
            last_seen = request.session.get("last_seen", now)
            if now - last_seen > settings.SESSION_IDLE_SECONDS:
                logout(request)
            elif now - last_seen >= self.REFRESH_AFTER_SECONDS or "last_seen" not in request.session:
                request.session["last_seen"] = now
        return self.get_response(request)


class AdminSecondFactorMiddleware:
    """Staff who can see or change other people's personal data in the admin (superusers, and
    anyone with user, scope, group or certificate permissions) pass a second factor in this
    session before any admin page is shown; until they have an authenticator, they are sent to
    set one up."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if (
            request.path.startswith(admin_prefixes())
            and two_factor.handles_personal_data_in_admin(request.user)
            and not two_factor.session_passed_two_factor(request)
        ):
            return two_factor.second_factor_redirect(request, two_factor.admin_message())
        return self.get_response(request)


@functools.cache
def admin_prefixes() -> tuple[str, ...]:
    return (reverse("wagtailadmin_home"),)
