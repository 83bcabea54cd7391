"""Property-based tests: generated input posted to every form of the site; what they share.

Sign-up, profile, attempt submission, certificate verification, CSV invitation upload and
headcount entry (one test module each, tests/fuzz/test_*_fuzz.py) each receive long strings,
NUL bytes, right-to-left text, emoji, Tajik Cyrillic, whitespace, numbers of every shape,
repeated fields, missing fields, unexpected fields and binary junk. Whatever arrives, the
answer is never a server error, and a form either stores everything it was given (exactly as
given, after its documented clean-up) or nothing at all.

This module holds the Hypothesis settings, the hostile text and how a browser posts it;
tests/fuzz/fields.py the rules of each form field. The database fixtures (conftest.py) are
built once per test; every generated example runs inside a savepoint that is rolled back
afterwards (``rolled_back``), so examples neither see nor disturb each other, and rows are
counted before and after each request.
"""

import os
from contextlib import contextmanager
from urllib.parse import urlencode

from django.core.cache import cache
from django.db import transaction
from django.test import Client
from django.urls import reverse
from django.utils import translation
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st

# FUZZ_EXAMPLES=1000 runs a longer search (the default keeps the suite quick).
EXAMPLES = int(os.environ.get("FUZZ_EXAMPLES", "50"))
FUZZ = settings(
    max_examples=EXAMPLES,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow, HealthCheck.data_too_large],
    database=None,  # no .hypothesis/ directory in the work tree; failures print a reproduction blob
    print_blob=True,
    # CI replays the same examples on every run, so a landing never depends on luck; local runs
    # keep exploring new ones.
    derandomize=bool(os.environ.get("CI")),
)

PASSWORD = "Tr41ning-for-the-frontline"
LANGUAGES = ("en", "ru", "tg")

# What a field's value makes of the whole submission.
VALID, INVALID, UNKNOWN = "valid", "invalid", "unknown"
MISSING = object()


@contextmanager
def rolled_back():
    """Run one example in a savepoint that is always rolled back, with fresh rate limits."""
    cache.clear()
    with transaction.atomic():
        yield
        transaction.set_rollback(True)
    cache.clear()


def overall(verdicts) -> str:
    verdicts = list(verdicts)
    if INVALID in verdicts:
        return INVALID
    if UNKNOWN in verdicts:
        return UNKNOWN
    return VALID


# --- Strategies for hostile text --------------------------------------------------------------

RTL = st.text(st.characters(min_codepoint=0x0590, max_codepoint=0x06FF), min_size=1, max_size=40)
BIDI = st.sampled_from(["\u202e", "\u202d", "\u200f", "\u200e", "\u2067", "\u2069", "\u061c"])
EMOJI = st.lists(
    st.sampled_from(["😀", "🇹🇯", "👩🏽‍⚕️", "🏳️‍🌈", "❤️", "🧕", "\u200d", "\ufe0f", "🚨", "𝔉𝔯𝔬𝔫𝔱"]), min_size=1, max_size=20
).map("".join)
TAJIK = st.text(
    st.sampled_from(list("абвгғдеёжзиӣйкқлмнопрстуӯфхҳчҷшъэюяАБВГҒДЕЁЖЗИӢЙКҚЛМНОПРСТУӮФХҲЧҶШЪЭЮЯ -")),
    min_size=1,
    max_size=40,
)
WHITESPACE = st.lists(
    st.sampled_from([" ", "\t", "\n", "\r\n", "\r", "\u00a0", "\u2003", "\u3000", "\u2028", "\x0b", "\x0c"]),
    min_size=1,
    max_size=10,
).map("".join)
NUMBERS = st.one_of(
    st.integers(-(10**6), 10**7).map(str),
    st.integers(max_value=-1).map(str),
    st.integers(min_value=2**31).map(str),
    st.floats().map(str),
    st.decimals(allow_nan=False, allow_infinity=False, places=3).map(str),
    st.sampled_from(
        ["1.5", "-1", "abc", "0", "1e3", "NaN", "inf", "0x1F", "1_000", "٣", "１２", "+7", " 4 ", "5.0", "1,5"]
    ),
    st.integers(min_value=10**30, max_value=10**60).map(str),
)
# Characters a reader cannot see: zero-width, joiners, direction marks and overrides, fillers,
# controls, variation selectors, tags, and spaces.
INVISIBLE = st.lists(
    st.sampled_from(
        [
            "\u200b",
            "\u200c",
            "\u200d",
            "\u200e",
            "\u200f",
            "\u202a",
            "\u202e",
            "\u2066",
            "\u2069",
            "\u2060",
            "\ufeff",
            "\u00ad",
            "\u3164",
            "\u115f",
            "\u2800",
            "\x07",
            "\x1b",
            "\x7f",
            "\x85",
            "\ufe0f",
            "\U000e0041",
            " ",
            "\t",
            "\u00a0",
            "\u3000",
        ]
    ),
    min_size=1,
    max_size=8,
).map("".join)
WITH_NUL = st.builds(lambda a, b: a + "\x00" + b, st.text(max_size=12), st.text(max_size=12))
LONG = st.builds(
    lambda unit, n: (unit * (n // len(unit) + 1))[:n],
    st.text(min_size=1, max_size=8),
    st.integers(min_value=150, max_value=10_000),
)
ATOMS = st.one_of(st.text(max_size=30), RTL, BIDI, EMOJI, TAJIK, WHITESPACE, INVISIBLE, NUMBERS, WITH_NUL, st.just(""))
NASTY = st.one_of(ATOMS, LONG, st.lists(ATOMS, min_size=2, max_size=4).map("".join))
JUNK_KEYS = st.one_of(
    st.sampled_from(
        [
            "next",
            "is_staff",
            "is_superuser",
            "id",
            "pk",
            "user",
            "email2",
            "username",
            "status",
            "score",
            "csrfmiddlewaretoken",
            "remember",
            "agency_id",
            "region_id",
            "passed",
            "language",
        ]
    ),
    st.text(st.characters(exclude_categories=("Cs",), exclude_characters='"\r\n'), min_size=1, max_size=20),
    RTL,
    EMOJI,
)


def sent_value(data, field_strategy, *, repeatable=True):
    """What the client sends for one field: nothing, one value, or the field repeated.

    ``field_strategy`` draws ``(value, verdict, expected)``. Django reads a repeated field's
    last value, so that one decides the verdict. Returns ``(sent, verdict, expected)`` with
    ``sent`` MISSING, a string or a list of strings.
    """
    shape = data.draw(st.sampled_from(["one"] * 6 + ["missing"] + (["repeated"] if repeatable else [])))
    if shape == "missing":
        return MISSING, None, None
    value, verdict, expected = data.draw(field_strategy)
    if shape == "repeated":
        return data.draw(st.lists(NASTY, min_size=1, max_size=3)) + [value], verdict, expected
    return value, verdict, expected


def url(name: str, language: str, *args) -> str:
    """The URL under a language prefix (a request under /ru/ leaves Russian active, so always say)."""
    with translation.override(language):
        return reverse(name, args=args)


LANGUAGE = st.sampled_from(["en", "en", "ru", "tg"])
ENCODING = st.sampled_from(["multipart", "multipart", "urlencoded"])


def send(client: Client, path: str, data: dict, encoding: str):
    """POST as a browser would: multipart, or a urlencoded body (where NUL arrives as %00)."""
    if encoding == "urlencoded":
        return client.post(path, urlencode(data, doseq=True), content_type="application/x-www-form-urlencoded")
    return client.post(path, data)


def post_data(fields: dict, extras: dict) -> dict:
    data = {name: value for name, value in fields.items() if value is not MISSING}
    data.update(extras)
    return data


def draw_extras(data, reserved) -> dict:
    keys = data.draw(st.lists(JUNK_KEYS.filter(lambda key: key not in reserved), max_size=4, unique=True))
    return {key: data.draw(st.one_of(NASTY, st.lists(NASTY, min_size=2, max_size=3))) for key in keys}
