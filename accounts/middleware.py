from django.conf import settings


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
