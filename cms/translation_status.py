"""Which published pages are not (or no longer) published in every other language.

A page published in the default language reaches Russian and Tajik readers only once its
translation is published there (nothing goes live in a language unreviewed). So a new lesson
is missing from the ru/tg courses, and a changed one reads as it was, until someone translates
it and a moderator publishes it: this is the list of what is waiting, for the admin's
dashboard (cms.wagtail_hooks). A fixed number of queries, whatever the number of pages.
"""

from dataclasses import dataclass

from django.db.models import Exists, OuterRef, Q
from wagtail.models import Locale, Page

from cms.i18n import default_locale

MISSING, DRAFT, OUTDATED = "missing", "draft", "outdated"


@dataclass(frozen=True)
class LanguageLag:
    locale: Locale
    state: str  # MISSING: no page in that language; DRAFT: never published; OUTDATED: older than the source
    translation_id: int | None = None  # the page in that language, where there is one


@dataclass(frozen=True)
class PageBehind:
    page: Page  # the default-language page
    kind: str  # its type, as editors know it ("lesson")
    lags: tuple[LanguageLag, ...]


@dataclass(frozen=True)
class TranslationsBehind:
    pages: list[PageBehind]
    total: int  # pages behind in at least one language (``pages`` holds the first ``limit``)


def _up_to_date_in(locale: Locale) -> Exists:
    """A live version in ``locale`` published since the source was: an alias follows its source."""
    return Exists(
        Page.objects.filter(translation_key=OuterRef("translation_key"), locale=locale, live=True).filter(
            Q(alias_of__isnull=False) | Q(last_published_at__gte=OuterRef("last_published_at"))
        )
    )


def translations_behind(*, limit: int = 20) -> TranslationsBehind:
    """Live default-language pages whose version in another language is missing, a draft or
    older than the source, in tree order (a course before its lessons)."""
    source_locale = default_locale()
    locales = list(Locale.objects.exclude(pk=source_locale.pk).order_by("language_code"))
    if not locales:
        return TranslationsBehind(pages=[], total=0)
    behind = Q()
    for locale in locales:
        behind |= Q(**{f"up_to_date_{locale.pk}": False})
    sources = (
        Page.objects.live()
        .filter(locale=source_locale, depth__gt=1, alias_of__isnull=True)
        .annotate(**{f"up_to_date_{locale.pk}": _up_to_date_in(locale) for locale in locales})
        .filter(behind)
        .select_related("content_type")
        .order_by("path")
    )
    total = sources.count()
    pages = list(sources[:limit])
    versions = {
        (row["translation_key"], row["locale_id"]): row
        for row in Page.objects.filter(
            translation_key__in=[page.translation_key for page in pages], locale__in=locales
        ).values("pk", "translation_key", "locale_id", "live")
    }
    rows = []
    for page in pages:
        lags = []
        for locale in locales:
            if getattr(page, f"up_to_date_{locale.pk}"):
                continue
            version = versions.get((page.translation_key, locale.pk))
            if version is None:
                lags.append(LanguageLag(locale=locale, state=MISSING))
            else:
                state = OUTDATED if version["live"] else DRAFT
                lags.append(LanguageLag(locale=locale, state=state, translation_id=version["pk"]))
        model = page.specific_class
        kind = model.get_verbose_name() if model is not None else ""
        rows.append(PageBehind(page=page, kind=kind, lags=tuple(lags)))
    return TranslationsBehind(pages=rows, total=total)
