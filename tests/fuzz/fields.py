"""Field oracles: the documented rules of each form field, as Hypothesis strategies that draw
``(value, verdict, expected cleaned value)``, and what a stored name must look like.
"""

import re
import unicodedata

from hypothesis import strategies as st

from accounts import names
from accounts.models import User
from tests.fuzz.strategies import (
    EMOJI,
    INVALID,
    INVISIBLE,
    LANGUAGES,
    LONG,
    MISSING,
    NASTY,
    NUMBERS,
    RTL,
    TAJIK,
    UNKNOWN,
    VALID,
    WHITESPACE,
    WITH_NUL,
    sent_value,
)

# --- Field oracles: the documented rules of each form field -----------------------------------


def optional_text(max_length: int):
    def classify(value: str):
        if "\x00" in value or len(value.strip()) > max_length:
            return value, INVALID, None
        return value, VALID, value.strip()

    return classify


def collapse(value: str) -> str:
    """Inner whitespace collapsed, as the invitation list stores a position."""
    return " ".join(value.split())


def full_name_rule(value: str):
    """Sign-up's and the profile's full name: the CharField's checks, then accounts.names:
    stored normalised, refused when nothing visible is left or normalising lengthened it."""
    if "\x00" in value or len(value.strip()) > 200:
        return value, INVALID, None
    name = names.normalise(value)
    if not names.is_visible(name) or len(name) > 200:
        return value, INVALID, None
    return value, VALID, name


def assert_looks_like_a_name(name: str):
    """What any stored full name is, whoever typed it and wherever (stated without accounts.names)."""
    assert name and len(name) <= 200
    assert unicodedata.is_normalized("NFC", name), ascii(name)
    assert name == " ".join(name.split()), ascii(name)
    assert any(
        unicodedata.category(char)[0] in "LNPS" and char not in "\u3164\u115f\u1160\uffa0\u2800" for char in name
    ), ascii(name)
    assert not any(unicodedata.category(char) == "Cc" for char in name), ascii(name)
    assert not re.search("[\u202a-\u202e\u2066-\u2069\u200b]", name), ascii(name)
    assert unicodedata.category(name[0])[0] not in "CZ" and unicodedata.category(name[-1])[0] not in "CZ", ascii(name)


class Field:
    """A form field's inputs: ``good`` ones a person would type, ``chaotic`` ones from anywhere.

    Both draw ``(value, verdict, expected cleaned value)``; ``classify`` is the field's rule.
    """

    def __init__(self, good, chaotic, classify, *, required=True, repeatable=True):
        self.good = good.map(classify)
        self.chaotic = st.one_of(good, chaotic).map(classify)
        self.required = required
        self.repeatable = repeatable  # False where the values are already lists


def full_name_field() -> Field:
    readable = st.one_of(TAJIK, RTL, EMOJI, st.text(min_size=1, max_size=60)).filter(
        lambda v: names.is_visible(names.normalise(v)) and "\x00" not in v
    )
    padded = st.builds(lambda pad, name, end: pad + name + end, INVISIBLE, readable, INVISIBLE)
    return Field(st.one_of(readable, padded), st.one_of(NASTY, WHITESPACE, INVISIBLE, WITH_NUL, LONG), full_name_rule)


def position_field() -> Field:
    readable = st.one_of(TAJIK, RTL, EMOJI, st.just("")).filter(lambda v: len(v.strip()) <= 200)
    return Field(readable, st.one_of(NASTY, WITH_NUL, LONG), optional_text(200), required=False)


def choice_of_pk(active_pks: list[int], inactive_pk: int) -> Field:
    """A ModelChoiceField over active rows: a listed pk is valid, anything int() cannot read
    or that names no active row is refused; other spellings of a listed pk may be accepted."""

    def classify(value: str):
        if value in {str(pk) for pk in active_pks}:
            return value, VALID, int(value)
        try:
            number = int(value)
        except (TypeError, ValueError):
            return value, INVALID, None
        return value, (UNKNOWN if number in active_pks else INVALID), (number if number in active_pks else None)

    listed = st.sampled_from([str(pk) for pk in active_pks])
    wrong = st.sampled_from(
        [
            "abc",
            "-1",
            "1.5",
            "",
            "0",
            str(inactive_pk),
            str(max(active_pks) + 100),
            "99999999999999999999999",
            "None",
            "[1]",
            f" {active_pks[0]} ",
            f"{active_pks[0]}.0",
            f"0{active_pks[0]}",
            f"{active_pks[0]},{active_pks[1]}",
        ]
    )
    return Field(listed, st.one_of(wrong, NUMBERS, NASTY), classify)


def language_field() -> Field:
    def classify(value: str):
        return (value, VALID, value) if value in LANGUAGES else (value, INVALID, None)

    wrong = st.sampled_from(["EN", " ru", "tg\x00", "fa", "", "de", "en-us", "ru "])
    return Field(st.sampled_from(LANGUAGES), st.one_of(wrong, NASTY), classify)


def email_field() -> Field:
    local = st.text("abcdefghijklmnopqrstuvwxyz0123456789._-", min_size=1, max_size=20).filter(
        lambda v: v[0] not in "._-" and v[-1] not in "._-" and ".." not in v
    )
    good = st.builds(
        lambda name, domain, upper, pad: pad + (f"{name}@{domain}".upper() if upper else f"{name}@{domain}") + pad,
        local,
        st.sampled_from(["example.org", "mail.example.tj", "example.com"]),
        st.booleans(),
        st.sampled_from(["", " ", "  "]),
    )

    plain = re.compile(r" *[a-z0-9]([a-z0-9._-]*[a-z0-9])?@(example\.org|mail\.example\.tj|example\.com) *", re.I)

    def classify(value: str):
        if plain.fullmatch(value) and ".." not in value:
            return value, VALID, value.strip().lower()
        if "\x00" in value or "@" not in value:
            return value, INVALID, None
        return value, UNKNOWN, None

    return Field(good, st.one_of(NASTY, st.builds(lambda a: a + "@example.org", NASTY)), classify)


def draw_fields(data, specs: dict[str, Field]):
    """Every field's sent value, verdict and expected cleaned value.

    Either all fields are good, or one is chaotic, or any number are: so valid submissions
    are common, and each invalid one has (after shrinking) a single culprit.
    """
    mode = data.draw(st.sampled_from(["good", "one", "many"]), label="mode")
    if mode == "good":
        chaotic = set()
    elif mode == "one":
        chaotic = {data.draw(st.sampled_from(sorted(specs)), label="chaotic field")}
    else:
        chaotic = {name for name in sorted(specs) if data.draw(st.booleans(), label=f"{name} chaotic")}
    fields, verdicts, expected = {}, {}, {}
    for name, spec in specs.items():
        if name in chaotic:
            fields[name], verdicts[name], expected[name] = sent_value(data, spec.chaotic, repeatable=spec.repeatable)
            if fields[name] is MISSING:
                verdicts[name] = INVALID if spec.required else VALID
                expected[name] = None if spec.required else ""
        else:
            fields[name], verdicts[name], expected[name] = data.draw(spec.good)
    return fields, verdicts, expected


def snapshot(user: User) -> dict:
    user.refresh_from_db()
    return {
        field: getattr(user, field)
        for field in (
            "email",
            "full_name",
            "agency_id",
            "region_id",
            "position",
            "preferred_language",
            "is_staff",
            "is_superuser",
            "password",
        )
    }
