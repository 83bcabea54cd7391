"""Wagtail's front-end URLs, with pages served through ``cms.routing.serve``.

Wagtail's own front-end login (``_util/login/``, Django's LoginView) is replaced by a redirect
to allauth's login: it would sign a user in with the password alone, past the rate limits, the
e-mail verification and the second factor.
"""

from django.urls import path, re_path
from django.views.generic import RedirectView
from wagtail import urls as wagtail_urls

from cms import routing

WAGTAIL_LOGIN = "wagtailcore_login"

urlpatterns = [
    path(
        "_util/login/",
        RedirectView.as_view(pattern_name="account_login", query_string=True),
        name=WAGTAIL_LOGIN,
    ),
    *(pattern for pattern in wagtail_urls.urlpatterns if pattern.name not in {"wagtail_serve", WAGTAIL_LOGIN}),
    re_path(wagtail_urls.serve_pattern, routing.serve, name="wagtail_serve"),
]
