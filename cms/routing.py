"""Serving pages in a fixed, small number of queries, through Wagtail's public API only.

Wagtail's ``serve`` view finds the site with a query on every request (``Site.find_for_request``)
and then walks the tree from the site's root page, one level at a time (the root's translation,
its specific type, then a query for each child with the next slug): about ten queries for a
lesson four levels down. Measured against the query budgets (tests/courses/test_query_counts.py:
a lesson page in two queries), that walk alone is over budget, so pages are found here instead:

* the site is Wagtail's own ``get_site_for_hostname``, remembered per host (cms.published);
* a page's ``url_path`` is the walk written down (Wagtail keeps it up to date on every save and
  move), so the page is found with one query and remembered with its course's published
  content; every request gets its own instance, unpickled from what was remembered, as if it
  came from a cache;
* the page is then served as Wagtail's ``serve`` does (its ``on_serve_page`` and
  ``before_serve_page`` hooks, so view restrictions apply, then the page's ``serve``).

Nothing is written on the request: links are built with ``Page.relative_url(site)``
(the ``page_url`` tag, cms.templatetags.frontline). The shortcut is taken only where it is
exactly equivalent to the walk: no page type of this project overrides ``route``
(tests/cms/test_routing.py checks that), the page is live and so is the language's root page
that Wagtail itself would start from. Anything else (the home page, a path that matches
nothing, a draft) goes to Wagtail's own view, including the 404.
"""

import pickle

from django.db.models import Exists
from django.http import HttpResponse
from django.http.request import split_domain_port
from django.utils.translation import get_language
from wagtail import hooks
from wagtail.coreutils import get_supported_content_language_variant
from wagtail.models import Page, Site
from wagtail.models.sites import get_site_for_hostname
from wagtail.url_routing import RouteResult
from wagtail.views import serve as wagtail_serve
from wagtail.views import serve_chain

from cms.pages import UNRESTRICTED, unrestricted
from cms.published import Memo
from web.http_methods import require_GET_or_POST

SITE = Memo[Site | None]("site", keep_none=False)
SITE_ROOT_PATHS = Memo[list]("site_root_paths")
# Pickled, so that no two requests share an instance (nor the caches of its StreamFields).
PAGE_AT = Memo[bytes | None]("page_at", keep_none=False)


def site_for(request) -> Site | None:
    """The site serving ``request``, as ``Site.find_for_request`` would find it."""
    hostname = split_domain_port(request.get_host())[0]
    port = request.get_port()

    def load():
        try:
            return get_site_for_hostname(hostname, port)
        except Site.DoesNotExist:
            return None

    return SITE.get((hostname, port), load)


def route(request, path: str) -> RouteResult | None:
    """The page a request's path leads to, as Wagtail's walk would find it; None when the
    shortcut does not apply (Wagtail then walks)."""
    components = [component for component in path.split("/") if component]
    if not components:
        return None
    site = site_for(request)
    if site is None:
        return None
    try:
        language = get_supported_content_language_variant(get_language())
    except LookupError:
        return None
    root_path = next(
        (
            root.root_path
            for root in SITE_ROOT_PATHS.get(None, Site.get_site_root_paths)
            if root.site_id == site.pk and root.language_code == language
        ),
        None,
    )
    if root_path is None:
        return None
    url_path = root_path + "/".join(components) + "/"
    pickled = PAGE_AT.get(url_path, lambda: _live_page(url_path, root_path), course=_subtree_of)
    if pickled is None:
        return None
    return RouteResult(pickle.loads(pickled))


def _subtree_of(pickled: bytes) -> tuple[str, str]:
    """A page is built from its own course's content (a course page, or a lesson or assessment
    below one): its own tree path and its parent's name the course it may belong to."""
    page = pickle.loads(pickled)
    return page.path, page.path[: -Page.steplen]


def _live_page(url_path: str, root_path: str) -> bytes | None:
    """The live page at ``url_path``, its specific type, with whether a view restriction may
    apply (cms.pages), when the language's root page is live too."""
    live_root = Exists(Page.objects.filter(url_path=root_path, live=True))
    pages = list(
        Page.objects.filter(url_path=url_path, live=True)
        .filter(live_root)
        .annotate(**{UNRESTRICTED: unrestricted()})
        .specific()[:2]
    )
    if len(pages) != 1 or type(pages[0]).route is not Page.route:
        return None
    return pickle.dumps(pages[0])


@require_GET_or_POST  # pages are read, and forms on them sent; nothing else
def serve(request, path):
    """Wagtail's ``serve`` (its hooks, view restrictions, the page's ``serve``) for the page
    ``route`` finds; Wagtail's own view when it finds none."""
    result = route(request, path)
    if result is None:
        return wagtail_serve(request, path)
    page, args, kwargs = result
    on_serve_chain = serve_chain
    for fn in reversed(hooks.get_hooks("on_serve_page")):
        on_serve_chain = fn(on_serve_chain)
    for fn in hooks.get_hooks("before_serve_page"):
        response = fn(page, request, args, kwargs)
        if isinstance(response, HttpResponse):
            return response
    return on_serve_chain(page, request, args, kwargs)
