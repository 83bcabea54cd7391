"""The project's own catalogues are complete: makemessages finds nothing untranslated or fuzzy."""

import shutil
from pathlib import Path

import polib
import pytest
from django.conf import settings
from django.core.management import call_command

LANGUAGES = ["ru", "tg"]
IGNORE = [".venv/*", "tests/*", "bench/*", "staticfiles/*", "node_modules/*", "locales/*", "media/*"]


@pytest.fixture(scope="module")
def fresh_catalogues(tmp_path_factory):
    """makemessages run over the current sources, merged into copies of the committed catalogues."""
    target = tmp_path_factory.mktemp("locales")
    for language in LANGUAGES:
        source = Path(settings.BASE_DIR) / "locales" / language / "LC_MESSAGES" / "django.po"
        destination = target / language / "LC_MESSAGES"
        destination.mkdir(parents=True)
        shutil.copy(source, destination / "django.po")
    with pytest.MonkeyPatch.context() as patch:
        patch.chdir(settings.BASE_DIR)
        patch.setattr(settings, "LOCALE_PATHS", [target])
        call_command("makemessages", locale=LANGUAGES, ignore_patterns=IGNORE, add_location="file", verbosity=0)
    return {language: polib.pofile(str(target / language / "LC_MESSAGES" / "django.po")) for language in LANGUAGES}


@pytest.mark.parametrize("language", LANGUAGES)
def test_no_untranslated_or_fuzzy_strings(fresh_catalogues, language):
    catalogue = fresh_catalogues[language]
    untranslated = [entry.msgid for entry in catalogue.untranslated_entries()]
    fuzzy = [entry.msgid for entry in catalogue.fuzzy_entries()]
    assert untranslated == [], f"{len(untranslated)} untranslated in {language}: {untranslated[:10]}"
    assert fuzzy == [], f"{len(fuzzy)} fuzzy in {language}: {fuzzy[:10]}"


@pytest.mark.parametrize("path", sorted((Path(settings.BASE_DIR) / "locales").glob("**/LC_MESSAGES/*.po")), ids=str)
def test_catalogues_compile(path):
    """Placeholders and plural forms are consistent (msgfmt --check would say otherwise)."""
    catalogue = polib.pofile(str(path))
    for entry in catalogue.translated_entries():
        for placeholder in ("%(", "%s", "%d"):
            assert entry.msgid.count(placeholder) <= max(
                [entry.msgstr.count(placeholder)] + [text.count(placeholder) for text in entry.msgstr_plural.values()]
            ), entry.msgid
