"""Wagtail's front-end URLs, with pages served through ``cms.routing.serve``."""

from django.urls import re_path
from wagtail import urls as wagtail_urls

from cms import routing

urlpatterns = [
    *(pattern for pattern in wagtail_urls.urlpatterns if pattern.name != "wagtail_serve"),
    re_path(wagtail_urls.serve_pattern, routing.serve, name="wagtail_serve"),
]
