"""People's full names as typed at sign-up, in the profile or in a bulk invitation list.

One rule for every entry point: ``normalise`` tidies what was typed and ``is_visible`` says
whether anything a reader could see is left. A name made only of spaces, zero-width
characters, direction marks or other invisible characters is no name: it would print an
empty certificate and show a blank row in the coordinators' reports.
"""

import re
import unicodedata

MAX_LENGTH = 200  # User.full_name

# Removed wherever they are: explicit embeddings, overrides and isolates (LRE RLE PDF LRO RLO,
# LRI RLI FSI PDI), never part of a name, an unclosed one reversing or reordering the text
# printed after it; and the zero-width space, word joiner and byte-order mark, which join or
# separate nothing in a name.
REMOVED = re.compile("[\u202a-\u202e\u2066-\u2069\u200b\u2060\ufeff]")

# Letters and symbols that are drawn as nothing: the Hangul fillers and the blank Braille pattern.
BLANK_GRAPHICS = frozenset("\u115f\u1160\u3164\uffa0\u2800")


def _invisible(char: str) -> bool:
    """Spaces, separators, control and format characters (zero-width space, joiners, direction
    marks, BOM…), private-use and unassigned code points, and the blank letters above."""
    return unicodedata.category(char)[0] in "CZ" or char in BLANK_GRAPHICS


def normalise(value: str) -> str:
    """The name as stored: NFC; direction overrides, zero-width spaces and control characters removed; every run of
    whitespace one space; no invisible characters at either end.

    Joiners and direction marks inside a name stay (Persian and Arabic spellings and emoji
    sequences need them), and so do combining marks.
    """
    value = unicodedata.normalize("NFC", value)
    value = REMOVED.sub("", value)
    # Control characters that are not whitespace (BEL, ESC, DEL, C1…) carry nothing printable.
    value = "".join(char for char in value if not (unicodedata.category(char) == "Cc" and not char.isspace()))
    value = " ".join(value.split())
    start, end = 0, len(value)
    while start < end and _invisible(value[start]):
        start += 1
    while end > start and _invisible(value[end - 1]):
        end -= 1
    return value[start:end]


def is_visible(name: str) -> bool:
    """Whether the name holds at least one character a reader can see: a letter, digit,
    punctuation mark or symbol (combining marks alone do not count)."""
    return any(unicodedata.category(char)[0] in "LNPS" and char not in BLANK_GRAPHICS for char in name)
