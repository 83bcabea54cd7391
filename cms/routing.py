"""Serving pages in a fixed, small number of queries.

Wagtail routes a request by walking the tree from the site's root page, one level at a time
(a query for the child with the next slug, another for its specific type), after fetching the
root and its translation: about ten queries for a lesson four levels down. A page's
``url_path`` is that walk written down (Wagtail keeps it up to date on every save and move),
so the same page is found with one query, and then kept with the published content
(cms.published): once warm, serving a page costs no query to find it.

The shortcut is taken only where it is exactly equivalent to the walk: no page type of this
project overrides ``route`` (tests/cms/test_routing.py checks that), the page is live and the
language's root page that Wagtail itself would start from (``Site.get_site_root_paths``, which
Wagtail caches and uses to build every page URL) is live too. Anything else (the home page,
a path that matches nothing, a draft) goes the usual way, including the 404.
"""

import copy

from django.db.models import Exists
from django.http.request import split_domain_port
from django.utils.translation import get_language
from wagtail.coreutils import get_supported_content_language_variant
from wagtail.models import Page, Site
from wagtail.url_routing import RouteResult
from wagtail.views import serve as wagtail_serve

from cms import published
from cms.pages import UNRESTRICTED, unrestricted
from web.http_methods import require_GET_or_POST

SITE_FIELDS = ["id", "hostname", "port", "site_name", "root_page_id", "is_default_site"]


def site_root_paths(request):
    """``Site.get_site_root_paths()``, kept with the published content (cms.published) and put
    where Wagtail's page URLs look for it on the request."""
    if not hasattr(request, "_wagtail_cached_site_root_paths"):
        request._wagtail_cached_site_root_paths = published.remembered("root_paths", None, Site.get_site_root_paths)
    return request._wagtail_cached_site_root_paths


def find_site(request) -> Site | None:
    """``Site.find_for_request`` from the remembered list of sites, choosing as Wagtail's
    ``get_site_for_hostname`` does; Wagtail then finds it on the request."""
    if hasattr(request, "_wagtail_site"):
        return request._wagtail_site
    rows = published.remembered("sites", None, lambda: list(Site.objects.order_by("pk").values(*SITE_FIELDS)))
    # A new instance for every request: nothing fetched through one (its root page) is shared.
    sites = [Site.from_db("default", SITE_FIELDS, [row[name] for name in SITE_FIELDS]) for row in rows]
    hostname = split_domain_port(request._get_raw_host())[0]
    request._wagtail_site = _best_site(sites, hostname, request.get_port())
    return request._wagtail_site


def _best_site(sites, hostname: str, port) -> Site | None:
    def match(site) -> int:  # wagtail.models.sites.MATCH_*
        if site.hostname == hostname and str(site.port) == str(port):
            return 0
        if site.hostname == hostname and site.is_default_site:
            return 1
        return 2 if site.is_default_site else 3

    candidates = sorted((s for s in sites if s.hostname == hostname or s.is_default_site), key=match)
    if not candidates:
        return None
    if len(candidates) == 1 or match(candidates[0]) in (0, 1):
        return candidates[0]
    if match(candidates[0]) == 2:
        return candidates[len(candidates) == 2]
    return None


def route(request, path: str) -> RouteResult | None:
    """The page a request's path leads to, as Wagtail's walk would find it; None when the
    shortcut does not apply (Wagtail then walks)."""
    components = [component for component in path.split("/") if component]
    if not components:
        return None
    site = find_site(request)
    if site is None:
        return None
    try:
        language = get_supported_content_language_variant(get_language())
    except LookupError:
        return None
    root_path = next(
        (
            root.root_path
            for root in site_root_paths(request)
            if root.site_id == site.pk and root.language_code == language
        ),
        None,
    )
    if root_path is None:
        return None
    url_path = root_path + "/".join(components) + "/"
    page = published.remembered("page", url_path, lambda: _live_page(url_path, root_path), keep_none=False)
    if page is None:
        return None
    # The remembered page is shared by every request of the process; each gets its own copy.
    return RouteResult(copy.copy(page))


def _live_page(url_path: str, root_path: str) -> Page | None:
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
    return pages[0]


@require_GET_or_POST  # pages are read, and forms on them sent; nothing else
def serve(request, path):
    """Wagtail's own serve view (hooks, view restrictions, the page's ``serve``), with the
    route found by ``route`` when it applies; Wagtail reads it from the request."""
    if not hasattr(request, "_wagtail_route_for_request"):
        result = route(request, path)
        if result is not None:
            request._wagtail_route_for_request = result
    return wagtail_serve(request, path)
