"""Which language version of a page counts: progress, attempts and certificates are stored
against the default-language pages, and shown with titles in the reader's language."""

from wagtail.models import Locale, Page

from cms.published import Memo

DEFAULT_LOCALE = Memo[Locale]("default_locale")
CANONICAL_PAGE = Memo[Page | None]("canonical_page")


def default_locale() -> Locale:
    return DEFAULT_LOCALE.get(None, Locale.get_default)


def canonical_page(page: Page) -> Page:
    """The default-language version of a page, where progress is recorded."""
    locale = default_locale()
    if page.locale_id == locale.pk:
        return page
    return CANONICAL_PAGE.get(page.pk, lambda: page.get_translation_or_none(locale)) or page


def localized_titles(pages) -> dict[str, str]:
    """Titles of pages in the active language where translated, keyed by translation key."""
    titles = {page.translation_key: page.title for page in pages}
    if titles:
        titles.update(
            Page.objects.filter(locale=Locale.get_active(), translation_key__in=list(titles)).values_list(
                "translation_key", "title"
            )
        )
    return titles
