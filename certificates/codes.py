"""Verification codes: 80 random bits as 16 Crockford base32 characters, plus a check
character (Crockford's mod-37 checksum) so a mistyped code is caught before any lookup.

Displayed as ``XXXX-XXXX-XXXX-XXXX-C``; input is forgiving: case, spaces and every kind of
dash are ignored, O/I/L read as 0/1/1, and the Cyrillic letters that look like Latin ones
(a Russian or Tajik keyboard left on) as the letters they resemble. New codes never end in
one of the five check characters that only the check position uses (``* ~ $ = U``): they
are hard to read aloud and to find on a phone's keyboard. Codes issued with one still verify.
"""

import enum
import secrets
import unicodedata

ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
CHECK_ALPHABET = ALPHABET + "*~$=U"
BODY_LENGTH = 16
RANDOM_BITS = BODY_LENGTH * 5  # 80
# Upper case only: normalise() upper-cases first. The Cyrillic letters a Russian or Tajik
# keyboard types for Latin look-alikes (А В Е К М Н О Р С Т Х У, З for 3, and the
# Ukrainian and Serbian І Ј Ѕ) read as what they resemble.
_READ_AS = str.maketrans(
    {
        "O": "0",
        "I": "1",
        "L": "1",
        "А": "A",
        "В": "B",
        "Е": "E",
        "К": "K",
        "М": "M",
        "Н": "H",
        "О": "0",
        "Р": "P",
        "С": "C",
        "Т": "T",
        "Х": "X",
        "У": "Y",
        "З": "3",
        "І": "1",
        "Ј": "J",
        "Ѕ": "S",
    }
)
_DASHES = "-‐‑‒–—―−_."


class Problem(enum.StrEnum):
    """Why a typed code cannot be a certificate's: what the verifier should check."""

    EMPTY = "empty"
    LENGTH = "length"
    CHARACTER = "character"
    CHECK = "check"


def _value(body: str) -> int:
    number = 0
    for char in body:
        number = number * 32 + ALPHABET.index(char)
    return number


def check_character(body: str) -> str:
    return CHECK_ALPHABET[_value(body) % 37]


def generate() -> str:
    """A new code, normalised (no dashes): 16 body characters and a check character from the
    body's alphabet (a body whose check would be ``* ~ $ = U`` is drawn again: 5 in 37)."""
    while True:
        number = secrets.randbits(RANDOM_BITS)
        body = "".join(ALPHABET[(number >> shift) & 31] for shift in range(RANDOM_BITS - 5, -1, -5))
        check = check_character(body)
        if check in ALPHABET:
            return body + check


def normalise(text: str) -> str:
    # NFKC turns full-width letters and digits (some phone keyboards) into plain ones.
    compact = "".join(unicodedata.normalize("NFKC", text).split())
    return compact.translate(str.maketrans("", "", _DASHES)).upper().translate(_READ_AS)


def problem(code: str) -> tuple[Problem, str] | None:
    """What is wrong with a normalised code, and the detail to show (the count of characters
    typed, or the first character that is never part of a code); None when well formed."""
    if not code:
        return Problem.EMPTY, ""
    if len(code) != BODY_LENGTH + 1:
        return Problem.LENGTH, str(len(code))
    body, check = code[:BODY_LENGTH], code[BODY_LENGTH]
    stray = next((char for char in body if char not in ALPHABET), None)
    if stray is None and check not in CHECK_ALPHABET:
        stray = check
    if stray is not None:
        return Problem.CHARACTER, stray
    if check_character(body) != check:
        return Problem.CHECK, ""
    return None


def is_well_formed(code: str) -> bool:
    """Whether a normalised code has the right length, alphabet and check character."""
    return problem(code) is None


def display(code: str) -> str:
    body = code[:BODY_LENGTH]
    groups = [body[i : i + 4] for i in range(0, BODY_LENGTH, 4)]
    return "-".join(groups + [code[BODY_LENGTH:]])
