"""Site search: published courses and lessons in the reader's language."""

import logging
import unicodedata

from django.core.paginator import Paginator
from django.db import DatabaseError, transaction
from django.shortcuts import render
from wagtail.models import Locale, Page
from wagtail.search.query import PlainText

from courses.models import CoursePage, LessonPage
from web.http_methods import require_safe

logger = logging.getLogger(__name__)

RESULTS_PER_PAGE = 10
MAX_QUERY_LENGTH = 200


def search_words(typed: str) -> str:
    """The typed query as plain words for the full-text index.

    Control characters become spaces and invisible format characters go: a NUL ends the query
    early in SQLite's FTS5 and PostgreSQL refuses it. Double quotes become spaces too: the search
    backend wraps each word in double quotes for FTS5 without escaping the ones inside. Neither
    is ever part of an indexed word."""
    kept = []
    for char in typed[: MAX_QUERY_LENGTH * 10]:  # the rest would be cut off anyway
        category = unicodedata.category(char)
        if category == "Cc" or char == '"':
            kept.append(" ")
        elif not category.startswith("C"):
            kept.append(char)
    return " ".join("".join(kept).split())[:MAX_QUERY_LENGTH]


def matching_pages(*, query: str):
    """Published courses and lessons in the active language matching the words of ``query``
    (a lazy queryset)."""
    if not query:
        return Page.objects.none()
    return (
        Page.objects.live()
        .public()
        .filter(locale=Locale.get_active())
        .type(CoursePage, LessonPage)
        .specific()
        .search(PlainText(query))  # words only: no operators, phrases or field filters parsed
    )


@require_safe
def search(request):
    """Search published courses and lessons in the reader's language."""
    query = search_words(request.GET.get("q", ""))
    results = matching_pages(query=query)
    try:
        # A savepoint, so a query the database refuses does not break PostgreSQL's transaction.
        with transaction.atomic():
            page = Paginator(results, RESULTS_PER_PAGE).get_page(request.GET.get("page"))
            page.object_list = list(page.object_list)
    except DatabaseError:
        logger.warning("Search for %r failed in the database; showing no results", query, exc_info=True)
        page = Paginator(Page.objects.none(), RESULTS_PER_PAGE).get_page(1)
    return render(request, "courses/search.html", {"query": query, "page": page})
