import functools
import time

from django.conf import settings
from django.contrib.auth import logout
from django.urls import reverse
from django.utils import translation

from accounts import two_factor


class UserLanguageMiddleware:
    """A signed-in user's preferred language wherever the address does not name one.

    Addresses outside the language-prefixed site (the admin, the bare site address) are read in
    the user's language rather than the browser's or an old cookie's: the admin speaks the one
    language the user chose (Wagtail's own profile field only mirrors it, accounts.signals), and
    the bare site address redirects into it. The cookie is kept at that language too, so a
    visitor who signs out keeps it.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = getattr(request, "user", None)
        if translation.get_language_from_path(request.path_info) is None and user is not None:
            if user.is_authenticated and user.preferred_language:
                translation.activate(user.preferred_language)
                request.LANGUAGE_CODE = user.preferred_language
        response = self.get_response(request)
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
