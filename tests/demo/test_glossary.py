"""The glossary holds: every seed text whose English uses a glossary term is translated with
that term's rendering, in Russian and in Tajik (demo/content/glossary.toml)."""

import re
import tomllib
from pathlib import Path

import polib
import pytest

CONTENT = Path(__file__).resolve().parents[2] / "demo" / "content"
TERMS = tomllib.loads((CONTENT / "glossary.toml").read_text(encoding="utf-8"))["terms"]
LANGUAGES = ("ru", "tg")


def entries(language: str):
    for path in sorted((CONTENT / "locale" / language).glob("*.po")):
        for entry in polib.pofile(str(path)):
            if entry.msgstr and not entry.obsolete:
                yield path.name, entry


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("term", TERMS, ids=[term["en"] for term in TERMS])
def test_every_text_using_a_term_uses_its_rendering(term, language):
    english = re.compile(rf"\b{re.escape(term['en'])}\b", re.IGNORECASE)
    rendering = re.compile(term[f"{language}_forms"], re.IGNORECASE)
    using = [(name, entry) for name, entry in entries(language) if english.search(entry.msgid)]

    strays = [f"{name}: {entry.msgstr[:120]}" for name, entry in using if not rendering.search(entry.msgstr)]

    assert using, f"no seed text uses {term['en']!r}: drop it from the glossary or fix its spelling"
    assert not strays, f"{term['en']!r} should be rendered {term[language]!r} in:\n" + "\n".join(strays)


def test_every_term_has_both_renderings_and_their_forms_match_them():
    for term in TERMS:
        for language in LANGUAGES:
            assert re.search(term[f"{language}_forms"], term[language], re.IGNORECASE), (term["en"], language)


@pytest.mark.parametrize("retired", ["хариду фурӯши одамон", "беҷазоӣ", "ғуломии қарзӣ"])
def test_no_tajik_text_uses_a_retired_rendering(retired):
    found = [f"{name}: {entry.msgstr[:120]}" for name, entry in entries("tg") if retired in entry.msgstr.lower()]
    assert not found, "\n".join(found)
