"""The language switch: the address of the page being read, in the language chosen.

Django's ``translate_url`` resolves the address in the language active for the switch request,
which comes from the cookie or the browser (``/i18n/setlang/`` has no language prefix). A page
open in another language (a ``/tg/`` invitation link read on a Russian phone, or a tab left
open before the last switch) then resolves to nothing and the switch sent the reader back to
the same page. Here the address is resolved in its own prefix's language instead.

Pages of the site tree are found by their translation rather than their path, since a
translated page may have its own slug; a page with no live translation yet leads to its
nearest ancestor that has one (its course, else the language's home page).
"""

from dataclasses import dataclass
from urllib.parse import unquote, urlsplit, urlunsplit

from django.conf import settings
from django.urls import NoReverseMatch, Resolver404, resolve, reverse
from django.utils import translation
from wagtail.models import Locale, Page

WAGTAIL_SERVE = "wagtail_serve"


@dataclass(frozen=True)
class Switched:
    url: str
    # False when the page has no translation in the language and a page above it was chosen.
    same_page: bool = True


def switched_url(request, url: str, language: str) -> Switched:
    """``url`` (a path on this site, perhaps with a query) as it reads in ``language``."""
    parts = urlsplit(url)
    current = translation.get_language_from_path(parts.path)
    if current is None or language not in dict(settings.LANGUAGES):
        # Outside the language-prefixed site (the admin): the language is not in the address.
        return Switched(url)
    with translation.override(current):
        try:
            match = resolve(unquote(parts.path))
        except Resolver404:
            match = None
        if match is not None and match.url_name == WAGTAIL_SERVE:
            page = _page_at(request, match.args[0] if match.args else match.kwargs.get("path", ""))
            if page is not None:
                return _page_in(request, page, language, parts)
    path = _reversed_in(match, language) if match is not None else None
    if path is None:
        path = _with_prefix(parts.path, current, language)
    return Switched(urlunsplit(("", "", path, parts.query, parts.fragment)))


def _page_at(request, path: str | None) -> Page | None:
    # Wagtail's own routing, from the root page of the active (the address's) language.
    result = Page.route_for_request(request, path or "")
    return result[0] if result else None


def _page_in(request, page: Page, language: str, parts) -> Switched:
    locale = Locale.objects.filter(language_code=language).first()
    if locale is None:
        return Switched(_with_prefix(parts.path, translation.get_language_from_path(parts.path), language))
    candidates = [page, *page.get_ancestors().filter(depth__gt=1).order_by("-depth")]
    for index, candidate in enumerate(candidates):
        same_page = index == 0
        translated = candidate if candidate.locale_id == locale.pk else candidate.get_translation_or_none(locale)
        if translated is None or not translated.live:
            continue
        url = translated.get_url(request=request)
        if url:
            query = parts.query if same_page else ""
            return Switched(urlunsplit(("", "", url, query, parts.fragment if same_page else "")), same_page)
    return Switched(f"/{language}/", same_page=False)


def _reversed_in(match, language: str) -> str | None:
    name = f"{match.namespace}:{match.url_name}" if match.namespace else match.url_name
    if not name:
        return None
    with translation.override(language):
        try:
            return reverse(name, args=match.args, kwargs=match.kwargs)
        except NoReverseMatch:
            return None


def _with_prefix(path: str, current: str, language: str) -> str:
    """The same address under another language prefix (for addresses that match no view:
    the page not found is then shown in the new language)."""
    rest = path[len(current) + 1 :]
    return f"/{language}{rest}" if rest.startswith("/") else f"/{language}/"
