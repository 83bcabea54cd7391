"""The seed courses' glossary of legal terms (demo/content/glossary.toml), read once per process."""

import functools
import tomllib
from dataclasses import dataclass
from pathlib import Path

GLOSSARY_FILE = Path(__file__).resolve().parent / "content" / "glossary.toml"


@dataclass(frozen=True)
class Term:
    en: str
    ru: str
    tg: str
    note: str


@functools.cache
def glossary_terms() -> tuple[Term, ...]:
    terms = tomllib.loads(GLOSSARY_FILE.read_text(encoding="utf-8"))["terms"]
    return tuple(Term(en=t["en"], ru=t["ru"], tg=t["tg"], note=t.get("note", "")) for t in terms)
