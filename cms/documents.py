"""The URLs that serve documents (config/urls.py includes them under /documents/).

These are Wagtail's own views. Wagtail checks the collection's privacy (login, password or
groups) and sends the file with `default-src 'none'` and nosniff. This module adds `sandbox` to
that policy. A browser that renders a document anyway (a built-in viewer, a type it guesses)
then treats it as coming from a unique origin of its own, so a script in it gets neither the
visitor's session nor the site's pages.
"""

from http import HTTPStatus

from django.urls import path
from wagtail.documents import urls as wagtail_document_urls
from wagtail.documents.views.serve import serve as wagtail_serve

from web.http_methods import require_safe

DOCUMENT_CSP = "default-src 'none'; sandbox"


@require_safe  # a download: PUT, DELETE and the like get a 405, not the file
def serve(request, document_id, document_filename):
    response = wagtail_serve(request, document_id, document_filename)
    # The file itself (streamed), or a 304 that would refresh a cached copy's headers. The
    # password form and the redirect to the login page are pages of the site and keep its CSP.
    if response.streaming or response.status_code == HTTPStatus.NOT_MODIFIED:
        response["Content-Security-Policy"] = DOCUMENT_CSP
        response["X-Content-Type-Options"] = "nosniff"
    return response


urlpatterns = [
    # Wagtail's route, by its name: Document.url reverses it with (id, filename).
    path("<int:document_id>/<str:document_filename>", serve, name="wagtaildocs_serve"),
    *(pattern for pattern in wagtail_document_urls.urlpatterns if pattern.name != "wagtaildocs_serve"),
]
