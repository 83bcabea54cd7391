from django.core.paginator import Paginator
from django.shortcuts import render
from wagtail.models import Locale, Page

from courses.models import CoursePage, LessonPage

RESULTS_PER_PAGE = 10


def search(request):
    """Search published courses and lessons in the reader's language."""
    query = request.GET.get("q", "").strip()[:200]
    results = Page.objects.none()
    if query:
        locale = Locale.get_active()
        results = (
            Page.objects.live()
            .public()
            .filter(locale=locale)
            .type(CoursePage, LessonPage)
            .specific()
            .search(query)
        )
    page = Paginator(results, RESULTS_PER_PAGE).get_page(request.GET.get("page"))
    return render(request, "cms/search.html", {"query": query, "page": page})
