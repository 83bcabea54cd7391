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

FALLBACKS = {"tg": "ru"}


class TranslationWithNeighbour(trans_real.DjangoTranslation):
    def _add_fallback(self, localedirs=None):
        neighbour = FALLBACKS.get(self.language())
        if neighbour and self.domain == "django":
            # The neighbour falls back to English in turn.
            self.add_fallback(trans_real.translation(neighbour))
            return
        super()._add_fallback(localedirs)


def install() -> None:
    if trans_real.DjangoTranslation is not TranslationWithNeighbour:
        trans_real.DjangoTranslation = TranslationWithNeighbour
    for language in FALLBACKS:
        trans_real._translations.pop(language, None)
