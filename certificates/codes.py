"""Verification codes: 80 random bits as 16 Crockford base32 characters, plus a check
character (Crockford's mod-37 checksum) so a mistyped code is caught before any lookup.

Displayed as ``XXXX-XXXX-XXXX-XXXX-C``; input is forgiving: case, spaces and dashes are
ignored, and O/I/L read as 0/1/1.
"""

import secrets

ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
CHECK_ALPHABET = ALPHABET + "*~$=U"
BODY_LENGTH = 16
RANDOM_BITS = BODY_LENGTH * 5  # 80
_READ_AS = str.maketrans({"O": "0", "I": "1", "L": "1"})


def _value(body: str) -> int:
    number = 0
    for char in body:
        number = number * 32 + ALPHABET.index(char)
    return number


def check_character(body: str) -> str:
    return CHECK_ALPHABET[_value(body) % 37]


def generate() -> str:
    """A new code, normalised (no dashes): 16 body characters and the check character."""
    number = secrets.randbits(RANDOM_BITS)
    body = "".join(ALPHABET[(number >> shift) & 31] for shift in range(RANDOM_BITS - 5, -1, -5))
    return body + check_character(body)


def normalise(text: str) -> str:
    return "".join(text.split()).replace("-", "").upper().translate(_READ_AS)


def is_well_formed(code: str) -> bool:
    """Whether a normalised code has the right length, alphabet and check character."""
    if len(code) != BODY_LENGTH + 1:
        return False
    body, check = code[:BODY_LENGTH], code[BODY_LENGTH]
    if any(char not in ALPHABET for char in body):
        return False
    return check_character(body) == check


def display(code: str) -> str:
    body = code[:BODY_LENGTH]
    groups = [body[i : i + 4] for i in range(0, BODY_LENGTH, 4)]
    return "-".join(groups + [code[BODY_LENGTH:]])
