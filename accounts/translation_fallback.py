"""Tajik falls back to Russian, then English, for strings that have no Tajik translation.

Django looks a string up in the active language's catalogues and, failing that, in English. The
Wagtail admin and wagtail-localize ship no Tajik at all, so an editor who works in Tajik would
read the admin in English, a language many of them do not read, between the project's own
strings in Tajik. Russian is the other language of the country's administration: with Russian
between Tajik and English, the admin reads Tajik where the project translated it and Russian
where Wagtail did. Trainee pages are translated in full (tests/i18n), so there the fallback
only ever catches a string a translator has not reached yet.

Django has no setting for a chain of fallbacks; its translation class is extended where it
picks the fallback, and installed once the apps are ready (accounts.apps).
"""

from django.utils.translation import trans_real
from django.views import i18n as i18n_views

FALLBACKS = {"tg": "ru"}


class TranslationWithNeighbour(trans_real.DjangoTranslation):
    def _add_fallback(self, localedirs=None):
        neighbour = FALLBACKS.get(self.language())
        if neighbour is None:
            super()._add_fallback(localedirs)
        elif self.domain == "django":
            # The neighbour falls back to English in turn.
            self.add_fallback(trans_real.translation(neighbour))
        else:
            # The admin's script strings (JavaScriptCatalog, domain "djangojs").
            self.add_fallback(TranslationWithNeighbour(neighbour, domain=self.domain, localedirs=localedirs))


def install() -> None:
    trans_real.DjangoTranslation = TranslationWithNeighbour
    i18n_views.DjangoTranslation = TranslationWithNeighbour
    for language in FALLBACKS:
        trans_real._translations.pop(language, None)
