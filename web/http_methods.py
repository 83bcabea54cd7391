"""Which HTTP methods a view answers; any other gets a 405 with a short page in the reader's
language.

Django's decorators (django.views.decorators.http) answer 405 with an empty body. A browser can
meet one: a re-opened or bookmarked address of a button, or the login page sending the reader
back to the POST-only address they were on when their session ended. So the refusal says what
happened, in the reader's language.
"""

from functools import wraps

from django.http import HttpResponseNotAllowed
from django.template.loader import render_to_string
from django.utils.log import log_response


def method_not_allowed(request, allowed) -> HttpResponseNotAllowed:
    response = HttpResponseNotAllowed(allowed, render_to_string("405.html"))
    log_response("Method Not Allowed (%s): %s", request.method, request.path, response=response, request=request)
    return response


def require_http_methods(methods):
    """Only ``methods`` reach the view (as Django's decorator of that name, with a readable 405)."""
    allowed = tuple(methods)

    def decorator(view):
        @wraps(view)
        def inner(request, *args, **kwargs):
            if request.method not in allowed:
                return method_not_allowed(request, allowed)
            return view(request, *args, **kwargs)

        return inner

    return decorator


# Pages and downloads that only read.
require_GET = require_http_methods(["GET"])  # where even HEAD would write (an audited download)
require_safe = require_http_methods(["GET", "HEAD"])
# Buttons that change something: a GET (a link, a reload) must never do it.
require_POST = require_http_methods(["POST"])
# Forms: shown on GET, sent with POST.
require_GET_or_POST = require_http_methods(["GET", "HEAD", "POST"])
