"""The seed content's PO files match its pages: every string a seed page has is in the
committed template, translated in Russian and Tajik, and no PO file keeps a string that no
page has any more (a rewritten item's old text).

A missing translation does not fail an import (the string stays in English), so without
this a rewritten question would reach a Tajik trainee in English. Slugs may stay untranslated
(the site's "home" and "courses" keep their English URLs).
"""

import polib
import pytest

from demo.translations import LOCALE_DIR, export_templates

LANGUAGES = ["ru", "tg"]


@pytest.fixture
def exported(seeded, tmp_path):
    """The templates the seeded pages give today, by name."""
    return {path.stem: {entry.msgid for entry in polib.pofile(str(path))} for path in export_templates(tmp_path)}


def msgids(path) -> set[str]:
    return {entry.msgid for entry in polib.pofile(str(path)) if not entry.obsolete}


def test_the_committed_templates_are_what_the_pages_export(exported):
    committed = {path.stem: msgids(path) for path in sorted((LOCALE_DIR / "templates").glob("*.pot"))}

    assert set(committed) == set(exported)
    for name, strings in exported.items():
        assert strings - committed[name] == set(), f"{name}.pot lacks strings: run seed_translations export"
        assert committed[name] - strings == set(), f"{name}.pot keeps strings no page has"


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_seed_string_is_translated_and_none_is_left_over(exported, language):
    for name, strings in exported.items():
        catalogue = polib.pofile(str(LOCALE_DIR / language / f"{name}.po"))
        translated = {entry.msgid for entry in catalogue.translated_entries() if "fuzzy" not in entry.flags}
        translated |= {entry.msgid for entry in catalogue if entry.comment.endswith("| slug")}

        assert sorted(strings - translated)[:5] == [], f"{language}/{name}.po: untranslated"
        assert sorted(msgids(LOCALE_DIR / language / f"{name}.po") - strings)[:5] == [], (
            f"{language}/{name}.po: strings no page has"
        )
