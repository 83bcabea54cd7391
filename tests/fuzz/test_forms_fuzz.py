"""Property-based tests: generated input posted to every form of the site.

Sign-up, profile, attempt submission, certificate verification, CSV invitation upload and
headcount entry each receive long strings, NUL bytes, right-to-left text, emoji, Tajik
Cyrillic, whitespace, numbers of every shape, repeated fields, missing fields, unexpected
fields and binary junk. Whatever arrives, the answer is never a server error, and a form
either stores everything it was given (exactly as given, after its documented clean-up) or
nothing at all.

The database fixtures are built once per test; every generated example runs inside a
savepoint that is rolled back afterwards, so examples neither see nor disturb each other,
and rows are counted before and after each request.
"""

import codecs
import csv
import io
import os
import random
import re
import unicodedata
from contextlib import contextmanager
from datetime import timedelta
from urllib.parse import quote, urlencode

import pytest
from allauth.account.models import EmailAddress
from django.core.cache import cache
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction
from django.test import Client
from django.urls import reverse
from django.utils import timezone, translation
from hypothesis import HealthCheck, event, given, note, settings
from hypothesis import strategies as st

from accounts import names
from accounts.models import User
from assessments import grading as q
from assessments import services as assessment_services
from assessments.models import Attempt
from certificates import codes
from certificates.models import Certificate
from invitations.models import InvitationBatch
from reports.models import Headcount
from tests.factories import sign_in_with_second_factor

pytestmark = pytest.mark.django_db

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


# --- Sign-up ----------------------------------------------------------------------------------


@FUZZ
@given(data=st.data())
def test_signup_creates_one_complete_user_or_nothing(reference, data):
    active_agencies, active_regions = reference["active_agency_ids"], reference["active_region_ids"]
    specs = {
        "email": email_field(),
        "full_name": full_name_field(),
        "agency": choice_of_pk(active_agencies, reference["retired_agency"].pk),
        "region": choice_of_pk(active_regions, reference["retired_region"].pk),
        "position": position_field(),
        "preferred_language": language_field(),
    }
    fields, verdicts, expected = draw_fields(data, specs)
    password_mode = data.draw(st.sampled_from(["good"] * 6 + ["nasty", "mismatch", "missing"]))
    if password_mode == "good":
        fields["password1"] = fields["password2"] = PASSWORD
        verdicts["password"] = VALID
    elif password_mode == "nasty":
        fields["password1"] = fields["password2"] = password = data.draw(NASTY)
        verdicts["password"] = INVALID if "\x00" in password or len(password) < 8 else UNKNOWN
    elif password_mode == "mismatch":
        fields["password1"], fields["password2"] = PASSWORD, PASSWORD + data.draw(st.text(min_size=1, max_size=5))
        verdicts["password"] = INVALID
    else:
        fields[data.draw(st.sampled_from(["password1", "password2"]))] = MISSING
        fields.setdefault("password1", PASSWORD)
        fields.setdefault("password2", PASSWORD)
        verdicts["password"] = INVALID
    extras = draw_extras(data, reserved=set(fields))
    verdict = overall(verdicts.values())
    note(f"verdicts: {verdicts}")

    with rolled_back():
        users_before, addresses_before = User.objects.count(), EmailAddress.objects.count()
        response = send(
            Client(), url("account_signup", data.draw(LANGUAGE)), post_data(fields, extras), data.draw(ENCODING)
        )
        event(f"{verdict} -> {response.status_code}")
        created = User.objects.count() - users_before

        assert response.status_code < 500
        assert created in (0, 1)
        assert EmailAddress.objects.count() - addresses_before == created
        assert (response.status_code == 302) == (created == 1), response.status_code
        if verdict == INVALID:
            assert created == 0
            assert response.status_code == 200
        elif verdict == VALID:
            assert created == 1, response.context["form"].errors if response.context else response.status_code
        if created:
            user = User.objects.latest("pk")
            assert not user.is_staff and not user.is_superuser
            assert user.check_password(fields["password1"])
            assert user.agency.is_active and user.region.is_active
            assert user.preferred_language in LANGUAGES
            assert "\x00" not in user.full_name + user.position + user.email
            assert_looks_like_a_name(user.full_name)
            assert len(user.position) <= 200
            assert EmailAddress.objects.get(user=user).email.lower() == user.email.lower()
            for name in ("full_name", "position", "preferred_language", "email"):
                if verdicts[name] == VALID:
                    assert getattr(user, name) == expected[name], name
            for name in ("agency", "region"):
                if verdicts[name] == VALID:
                    assert getattr(user, f"{name}_id") == expected[name], name


# --- Profile ----------------------------------------------------------------------------------


@FUZZ
@given(data=st.data())
def test_profile_saves_everything_valid_or_changes_nothing(reference, fuzz_trainee, data):
    active_agencies, active_regions = reference["active_agency_ids"], reference["active_region_ids"]
    specs = {
        "full_name": full_name_field(),
        "agency": choice_of_pk(active_agencies, reference["retired_agency"].pk),
        "region": choice_of_pk(active_regions, reference["retired_region"].pk),
        "position": position_field(),
        "preferred_language": language_field(),
    }
    fields, verdicts, expected = draw_fields(data, specs)
    extras = draw_extras(data, reserved=set(fields) | {"email", "password"})
    extras.update(data.draw(st.fixed_dictionaries({}, optional={"email": NASTY, "is_staff": st.just("on")})))
    verdict = overall(verdicts.values())
    note(f"verdicts: {verdicts}")
    client = Client()
    client.force_login(fuzz_trainee)

    with rolled_back():
        before = snapshot(fuzz_trainee)
        users_before = User.objects.count()
        response = send(client, url("profile", data.draw(LANGUAGE)), post_data(fields, extras), data.draw(ENCODING))
        event(f"{verdict} -> {response.status_code}")
        after = snapshot(fuzz_trainee)

        assert response.status_code < 500
        assert response.status_code in (200, 302)
        assert User.objects.count() == users_before
        # Never writable through the profile form.
        for name in ("email", "is_staff", "is_superuser", "password"):
            assert after[name] == before[name], name
        if response.status_code == 200:
            assert after == before
            assert verdict != VALID, response.context["form"].errors
        else:
            assert verdict != INVALID
            assert "\x00" not in after["full_name"] + after["position"]
            assert_looks_like_a_name(after["full_name"])
            assert after["preferred_language"] in LANGUAGES
            for name in ("full_name", "position", "preferred_language"):
                if verdicts[name] == VALID:
                    assert after[name] == expected[name], name
            for name in ("agency", "region"):
                if verdicts[name] == VALID:
                    assert after[f"{name}_id"] == expected[name], name
                assert after[f"{name}_id"] in (active_agencies if name == "agency" else active_regions)


# --- Attempt submission -----------------------------------------------------------------------


def _question_answers(question: dict) -> Field:
    """What is sent for one question: a choice (or several for multiple choice), an empty
    answer, or values from other questions, other shapes and nowhere."""
    allowed = sorted(q.allowed_values(question))
    single = question["type"] != "multiple_choice"
    good = st.one_of(
        st.sampled_from(allowed).map(lambda v: [v]),
        st.just([""]),
        st.just([]) if single else st.lists(st.sampled_from(allowed), min_size=1, max_size=4),
    )
    other_ids = ["sc-a", "mc-b", "case-sc-b", "true", "false", "True", "tf", "case", "", "1", "0"]
    chaotic = st.one_of(
        st.lists(st.sampled_from(allowed), min_size=2, max_size=4),
        st.lists(st.sampled_from(allowed + other_ids), min_size=1, max_size=3),
        st.lists(st.one_of(NASTY, st.sampled_from(allowed)), min_size=1, max_size=3),
    )

    def classify(sent: list[str]):
        chosen = [v for v in sent if v != ""]
        if not sent:
            return MISSING, VALID, []
        ok = set(chosen) <= set(allowed) and not (single and len(chosen) > 1)
        return sent, (VALID if ok else INVALID), sorted(set(chosen))

    return Field(good, chaotic, classify, required=False, repeatable=False)


@FUZZ
@given(data=st.data())
def test_attempt_submission_grades_once_or_refuses_without_a_write(ready_fuzz_trainee, fuzz_assessment, data):
    client = Client()
    client.force_login(ready_fuzz_trainee)

    with rolled_back():
        attempt = assessment_services.attempt_start(
            user=ready_fuzz_trainee, assessment=fuzz_assessment, rng=random.Random(0)
        )
        if data.draw(st.integers(0, 4), label="expired") == 0:
            Attempt.objects.filter(pk=attempt.pk).update(deadline_at=timezone.now() - timedelta(minutes=5))
        questions = {question["id"]: question for question in q.iter_questions(attempt.questions)}
        sent, verdicts, chosen = draw_fields(
            data,
            {f"{q.ANSWER_PREFIX}{qid}": _question_answers(question) for qid, question in sorted(questions.items())},
        )
        post = {key: value for key, value in sent.items() if value is not MISSING}
        acceptable = overall(verdicts.values()) == VALID
        expected = {key[len(q.ANSWER_PREFIX) :]: values for key, values in chosen.items() if values}
        if data.draw(st.integers(0, 3)) == 0:  # answers to questions that are not part of the attempt
            for key in data.draw(
                st.lists(
                    st.one_of(
                        st.sampled_from(["q-case", "q-", "q-SC", "q-sc ", "q-x", "q-mc-a"]),
                        NASTY.map(lambda v: q.ANSWER_PREFIX + v),
                    ),
                    min_size=1,
                    max_size=2,
                )
            ):
                # Multipart field names arrive stripped ("q-sc " is "q-sc"): a real question.
                if key[len(q.ANSWER_PREFIX) :].strip() not in questions:
                    post[key] = data.draw(st.lists(NASTY, min_size=1, max_size=2))
                    acceptable = False
        extras = draw_extras(data, reserved=set(post))
        post.update({key: value for key, value in extras.items() if not key.startswith(q.ANSWER_PREFIX)})
        note(f"post: {post!r} acceptable: {acceptable}")
        before = Attempt.objects.values().get(pk=attempt.pk)
        certificates_before = Certificate.objects.count()

        submit_url, encoding = url("attempt_submit", data.draw(LANGUAGE), attempt.pk), data.draw(ENCODING)
        response = send(client, submit_url, post, encoding)
        event(f"acceptable={acceptable} -> {response.status_code}")

        assert response.status_code < 500
        attempt.refresh_from_db()
        after = Attempt.objects.values().get(pk=attempt.pk)
        if not acceptable:
            assert response.status_code == 400
            assert after == before
            assert Certificate.objects.count() == certificates_before
            return
        assert response.status_code == 302
        assert attempt.status in (Attempt.Status.SUBMITTED, Attempt.Status.TIMED_OUT)
        assert attempt.submitted_at is not None and attempt.score is not None and attempt.passed is not None
        if attempt.status == Attempt.Status.SUBMITTED:
            assert attempt.answers == expected
        else:
            assert attempt.answers == {}
        for question_id, chosen in attempt.answers.items():
            assert set(chosen) <= q.allowed_values(questions[question_id])
        assert len(attempt.results) == len(questions)
        assert Certificate.objects.count() - certificates_before == (1 if attempt.passed else 0)

        # Graded once: the same post again changes nothing.
        graded = Attempt.objects.values().get(pk=attempt.pk)
        again = send(client, submit_url, post, encoding)
        assert again.status_code == 302
        assert Attempt.objects.values().get(pk=attempt.pk) == graded
        assert Certificate.objects.count() - certificates_before == (1 if attempt.passed else 0)


# --- Certificate verification ---------------------------------------------------------------


def _code_variants(code: str):
    """Ways a person may type a real code: dashes, spaces, lower case, O/I/L for 0/1."""
    display = codes.display(code)
    misreadings = st.sampled_from([("0", "O"), ("0", "o"), ("1", "I"), ("1", "i"), ("1", "L"), ("1", "l")])
    return st.one_of(
        st.sampled_from([display, code, display.lower(), " ".join(code), f"  {display}  ", f"\t{code.lower()}\n"]),
        misreadings.map(lambda pair: display.replace(*pair)),
    )


def _unknown_code():
    """A well-formed code (right alphabet and check character) that no certificate has."""
    return st.text(codes.ALPHABET, min_size=codes.BODY_LENGTH, max_size=codes.BODY_LENGTH).map(
        lambda body: body + codes.check_character(body)
    )


@FUZZ
@given(data=st.data())
def test_verification_answers_found_not_found_or_slow_down(fuzz_certificate, data):
    real = fuzz_certificate.code
    kind = data.draw(st.sampled_from(["real", "real", "unknown", "nasty", "nasty", "typo"]))
    if kind == "real":
        code = data.draw(_code_variants(real))
    elif kind == "unknown":
        code = codes.display(data.draw(_unknown_code().filter(lambda c: c != real)))
    elif kind == "typo":
        index = data.draw(st.integers(0, codes.BODY_LENGTH - 1))
        replacement = data.draw(st.sampled_from(codes.ALPHABET).filter(lambda c: c != real[index]))
        code = codes.display(real[:index] + replacement + real[index + 1 :])
    else:
        code = data.draw(NASTY)
    note(f"{kind}: {code!r}")
    client = Client()

    with rolled_back():
        certificates_before = list(Certificate.objects.values())

        # The form: GET verify/?code=...
        params = {"code": code} if data.draw(st.integers(0, 5)) else {}
        if params and data.draw(st.integers(0, 5)) == 0:
            params["code"] = data.draw(st.lists(NASTY, min_size=1, max_size=2)) + [code]
        params.update(draw_extras(data, reserved={"code"}))
        language = data.draw(LANGUAGE)
        response = client.get(url("certificate_verify_form", language), params)
        event(f"{kind} -> {response.status_code}")
        assert response.status_code in (200, 302)
        if "code" in params and kind in ("real", "unknown"):
            assert response.status_code == 302
        if "code" in params and kind == "typo":
            assert response.status_code == 200
        if response.status_code == 302:
            target = client.get(response["Location"])
            assert target.status_code in (200, 404, 429)
            if kind == "real":
                assert response["Location"] == url("certificate_verify", language, fuzz_certificate.display_code)
                assert target.status_code == 200
                assert fuzz_certificate.holder_name in target.content.decode()

        # The result page: verify/<code>/
        cache.clear()
        response = client.get(
            url("certificate_verify", language, "PLACEHOLDER").replace("PLACEHOLDER", quote(code, safe=""))
        )
        assert response.status_code in (200, 404, 429)
        if kind == "real":
            assert response.status_code == 200
        elif kind in ("unknown", "typo"):
            assert response.status_code == 404
        assert list(Certificate.objects.values()) == certificates_before


# --- CSV invitation upload --------------------------------------------------------------------

COLUMNS = ["full_name", "email", "agency", "region", "position", "language"]
SAFE_CELL = st.text("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZабвгғдҳҷқӣӯ ", min_size=1, max_size=20).filter(
    lambda v: v.strip()
)


def _cell(reference):
    agencies, regions = reference["agencies"], reference["regions"]
    names = (
        [a.code for a in agencies]
        + [a.name for a in agencies]
        + [a.name_tg for a in agencies]
        + [a.name_ru.upper() for a in agencies]
    )
    places = [r.code for r in regions] + [r.name for r in regions] + [r.name_ru for r in regions]
    return st.one_of(
        SAFE_CELL,
        st.sampled_from(names + places + ["retired", "gone", "en", "ru", "tg", "xx", "", " "]),
        st.builds(lambda local: f"{local}@example.org", st.text("abcdefgh0123", min_size=1, max_size=10)),
        st.just("fuzz.trainee@example.org"),
        RTL,
        EMOJI,
        TAJIK,
    )


def _clean_table(reference):
    """A well-formed list: full header, plain cells, at least one row."""
    agencies, regions = reference["agencies"], reference["regions"]
    row = st.tuples(
        SAFE_CELL,
        st.text("abcdefgh0123", min_size=1, max_size=10).map(lambda v: f"{v}@example.org"),
        st.sampled_from([a.code for a in agencies] + [a.name for a in agencies]),
        st.sampled_from([r.code for r in regions] + [r.name_ru for r in regions]),
        st.one_of(st.just(""), SAFE_CELL),
        st.sampled_from(["", "en", "ru", "tg", "xx"]),
    ).map(list)
    return st.lists(row, min_size=1, max_size=8)


def _encode(text: str, encoding: str) -> bytes:
    if encoding == "utf-8-sig":
        return codecs.BOM_UTF8 + text.encode("utf-8", "surrogatepass")
    if encoding == "utf-16":
        return text.encode("utf-16", "surrogatepass")  # with BOM
    if encoding == "cp1251":
        return text.encode("cp1251", "replace")
    return text.encode("utf-8", "surrogatepass")


def _csv_bytes(data, reference):
    """(file bytes, expected rows or None, kind): a clean list, a hostile or messy one, or junk."""
    kind = data.draw(
        st.sampled_from(["clean", "clean", "hostile", "hostile", "hostile", "messy", "messy", "binary", "mutated"])
    )
    encoding = data.draw(st.sampled_from(["utf-8", "utf-8-sig", "utf-16", "cp1251"]))
    delimiter = data.draw(st.sampled_from([",", ";", "\t"]))
    if kind in ("clean", "hostile"):
        rows = data.draw(_clean_table(reference))
        if kind == "hostile":  # a well-formed list with a few hostile cells: NUL, controls, bidi, emoji, length
            for _ in range(data.draw(st.integers(1, 3))):
                row = data.draw(st.sampled_from(rows))
                row[data.draw(st.integers(0, len(row) - 1))] = data.draw(
                    st.one_of(
                        WITH_NUL,
                        st.text(st.characters(max_codepoint=31), min_size=1, max_size=3),
                        BIDI,
                        EMOJI,
                        LONG,
                        INVISIBLE,
                        NASTY,
                    )
                )
        out = io.StringIO()
        writer = csv.writer(out, delimiter=delimiter)
        writer.writerow(COLUMNS)
        writer.writerows(rows)
        text = out.getvalue()
        if data.draw(st.integers(0, 3)) == 0:  # Excel's line naming the delimiter
            text = f"sep={delimiter}" + data.draw(st.sampled_from(["\n", "\r\n"])) + text
        # UTF-16 carries NUL and control characters that a byte-level check cannot see.
        encoding = data.draw(st.sampled_from(["utf-16", "utf-8", "utf-16", "utf-8-sig"]))
        return _encode(text, encoding), (rows if kind == "clean" else None), kind
    if kind == "binary":
        return (
            data.draw(
                st.one_of(
                    st.binary(max_size=2000),
                    st.sampled_from(
                        [
                            b"PK\x03\x04junk",
                            b"\xd0\xcf\x11\xe0xls",
                            codecs.BOM_UTF16_LE + b"\x00\xd8",
                            b"\xff\xfe",
                            b"\x00" * 10,
                            b"sep=;",
                            b"sep=;\n",
                            b" \n \n",
                            b",,,\n;;;",
                        ]
                    ),
                )
            ),
            None,
            kind,
        )
    header_cells = data.draw(
        st.lists(
            st.one_of(st.sampled_from(COLUMNS + ["Full Name", "E-mail", "EMAIL", " agency ", "notes"]), NASTY),
            max_size=8,
        )
    )
    if data.draw(st.integers(0, 3)):
        header_cells = COLUMNS + header_cells[:2]
    rows = data.draw(st.lists(st.lists(_cell(reference), min_size=4, max_size=8), max_size=6))
    for _ in range(data.draw(st.integers(0, 3)) if rows else 0):  # a few hostile cells
        row = data.draw(st.sampled_from(rows))
        if row:
            row[data.draw(st.integers(0, len(row) - 1))] = data.draw(NASTY)
    if data.draw(st.booleans()):
        out = io.StringIO()
        writer = csv.writer(out, delimiter=delimiter)
        writer.writerow(header_cells)
        writer.writerows(rows)
        text = out.getvalue()
    else:  # naive joining: stray quotes and delimiters inside cells
        text = "\n".join(delimiter.join(cells) for cells in [header_cells, *rows])
    if data.draw(st.integers(0, 5)) == 0:
        text = f"sep={delimiter}\n" + text
    raw = _encode(text, encoding)
    if kind == "mutated":
        position = data.draw(st.integers(0, len(raw)))
        raw = raw[:position] + data.draw(st.binary(min_size=1, max_size=20)) + raw[position:]
    return raw, None, kind


@settings(FUZZ, max_examples=EXAMPLES + EXAMPLES // 5)
@given(data=st.data())
def test_csv_upload_previews_or_explains_and_never_creates_accounts(reference, fuzz_trainee, fuzz_coordinator, data):
    client = Client()
    sign_in_with_second_factor(client, fuzz_coordinator)
    raw, clean_rows, kind = _csv_bytes(data, reference)
    name = data.draw(st.one_of(st.just("trainees.csv"), NASTY.map(lambda v: v + ".csv"), st.just("список.CSV")))
    shape = data.draw(st.sampled_from(["file"] * 8 + ["missing", "text", "twice"]))
    if shape == "file":
        post = {"file": SimpleUploadedFile(name, raw, content_type="text/csv")}
    elif shape == "missing":
        post = {}
    elif shape == "text":
        post = {"file": data.draw(NASTY)}
    else:
        post = {"file": [SimpleUploadedFile("a.csv", b"junk"), SimpleUploadedFile(name, raw, content_type="text/csv")]}
    post.update(draw_extras(data, reserved={"file"}))
    note(f"{shape}: {raw[:300]!r}")

    with rolled_back():
        users_before, addresses_before = User.objects.count(), EmailAddress.objects.count()
        batches_before = InvitationBatch.objects.count()

        language = data.draw(LANGUAGE)
        response = client.post(url("reports_invite", language), post)
        event(f"{kind} {shape} -> {response.status_code}")

        if response.status_code == 400:
            # Django refuses a multipart part whose headers pass 1 KB: a file name longer than
            # any file system allows. Nothing is stored and the page says so in the language.
            assert shape in ("file", "twice") and len(name.encode()) > 255
            assert f'<html lang="{language}"'.encode() in response.content
            assert (User.objects.count(), InvitationBatch.objects.count()) == (users_before, batches_before)
            return
        assert response.status_code in (200, 302)
        assert User.objects.count() == users_before
        assert EmailAddress.objects.count() == addresses_before
        if response.status_code == 200:
            assert InvitationBatch.objects.count() == batches_before
            assert response.context["form"].errors
            assert clean_rows is None or shape != "file", response.context["form"].errors
            return
        assert InvitationBatch.objects.count() == batches_before + 1
        batch = InvitationBatch.objects.latest("pk")
        assert response["Location"] == url("reports_invite_preview", language, batch.pk)
        assert batch.status == InvitationBatch.Status.PREVIEW
        assert batch.rows and all(isinstance(row["errors"], list) for row in batch.rows)
        for row in batch.valid_rows:
            assert row["agency_id"] and row["region_id"] and row["email"]
            assert_looks_like_a_name(row["full_name"])
            assert row["language"] in LANGUAGES
        if clean_rows is not None and shape == "file":
            assert [row["full_name"] for row in batch.rows] == [collapse(r[0]) for r in clean_rows]
            assert [row["email"] for row in batch.rows] == [r[1].lower() for r in clean_rows]
        preview = client.get(response["Location"])
        assert preview.status_code == 200
        assert User.objects.count() == users_before


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be"])
def test_csv_with_a_nul_character_is_refused_not_stored(client, fuzz_coordinator, encoding):
    """Found by the test above on PostgreSQL: UTF-16 text may hold NUL characters, which a
    JSON column cannot store; such a file is refused like any other binary file."""
    sign_in_with_second_factor(client, fuzz_coordinator)
    text = "full_name,email,agency,region\nAziz\x00,aziz@example.org,frontier,east\n"
    bom = codecs.BOM_UTF16_LE if encoding.endswith("le") else codecs.BOM_UTF16_BE
    upload = SimpleUploadedFile("trainees.csv", bom + text.encode(encoding), content_type="text/csv")

    response = client.post(url("reports_invite", "en"), {"file": upload})

    assert response.status_code == 200
    assert "This does not look like a CSV file." in response.content.decode()
    assert not InvitationBatch.objects.exists()


# --- Headcount entry --------------------------------------------------------------------------


def _headcount_value(value: str):
    """IntegerField(min 0, max 1,000,000, optional): '' clears; int() after dropping a '.0' tail."""
    if value == "":
        return value, VALID, None
    try:
        number = int(re.sub(r"\.0*\s*$", "", value))
    except ValueError:
        return value, INVALID, None
    return value, (VALID if 0 <= number <= 1_000_000 else INVALID), number


HEADCOUNT = Field(
    st.one_of(st.integers(0, 1_000_000).map(str), st.integers(0, 5000).map(str), st.just("")),
    st.one_of(
        st.sampled_from(
            [
                "0",
                "1000000",
                "1000001",
                "-1",
                "1.5",
                "5.0",
                " 7 ",
                "abc",
                "1e3",
                "   ",
                "\x00",
                "12\x00",
                "99999999999999999999999",
                "٣",
                "NaN",
                "1_000",
                "+3",
                "0x10",
            ]
        ),
        NUMBERS,
        NASTY,
    ),
    _headcount_value,
    required=False,
)


@FUZZ
@given(data=st.data())
def test_headcounts_save_exactly_what_was_posted_or_nothing(reference, fuzz_coordinator, data):
    frontier, harbour = reference["agencies"]
    east, west = reference["regions"]
    cells = [(frontier.pk, east.pk), (frontier.pk, west.pk), (harbour.pk, east.pk)]  # the coordinator's scope
    outside = (harbour.pk, west.pk)
    client = Client()
    sign_in_with_second_factor(client, fuzz_coordinator)

    fields, verdicts, values = draw_fields(data, {f"staff-{a}-{r}": HEADCOUNT for a, r in cells})
    expected = {(a, r): (None if values[f"staff-{a}-{r}"] == "" else values[f"staff-{a}-{r}"]) for a, r in cells}
    extras = draw_extras(data, reserved=set(fields))
    if data.draw(st.booleans()):
        extras[f"staff-{outside[0]}-{outside[1]}"] = data.draw(st.integers(0, 100).map(str))
    if data.draw(st.booleans()):
        extras[f"staff-{frontier.pk}-{reference['retired_region'].pk}"] = "3"
    verdict = overall(verdicts.values())
    note(f"verdicts: {verdicts}")

    with rolled_back():
        Headcount.objects.create(agency=frontier, region=east, staff=40)
        Headcount.objects.create(agency=harbour, region=west, staff=11)  # outside the scope
        before = {(h.agency_id, h.region_id): h.staff for h in Headcount.objects.all()}

        response = send(
            client, url("reports_headcounts", data.draw(LANGUAGE)), post_data(fields, extras), data.draw(ENCODING)
        )
        event(f"{verdict} -> {response.status_code}")

        assert response.status_code in (200, 302)
        after = {(h.agency_id, h.region_id): h.staff for h in Headcount.objects.all()}
        if not post_data(fields, extras):
            assert response.status_code == 200 and after == before
            return
        if verdict == INVALID or response.status_code == 200:
            assert response.status_code == 200
            assert verdict == INVALID, response.context["form"].errors
            assert after == before
            return
        assert response.status_code == 302
        assert after.get(outside) == 11
        assert set(after) <= set(cells) | {outside}
        for cell in cells:
            assert after.get(cell) == expected[cell], cell
