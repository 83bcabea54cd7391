"""Verification codes: 80 random bits, Crockford base32, a mod-37 check character."""

import pytest

from certificates import codes

CODE = "7K2M9QXD4HTAPZ3N"  # a body; its check character is computed in the tests


def full(body: str = CODE) -> str:
    return body + codes.check_character(body)


def test_generated_code_has_16_crockford_characters_and_a_valid_check_character():
    for _ in range(200):
        code = codes.generate()
        assert len(code) == 17
        assert all(char in codes.ALPHABET for char in code[:16])
        assert code[16] in codes.ALPHABET  # never * ~ $ = U
        assert code[16] == codes.check_character(code[:16])
        assert codes.is_well_formed(code)


def test_codes_carry_80_random_bits_and_differ_every_time():
    generated = [codes.generate() for _ in range(1000)]

    assert codes.RANDOM_BITS == 80
    assert len(set(generated)) == 1000
    # Over 1000 draws every position (hence every 5-bit group) takes many values.
    for position in range(16):
        assert len({code[position] for code in generated}) > 20


def test_crockford_alphabet_leaves_out_ambiguous_letters():
    assert len(codes.ALPHABET) == 32
    assert not set("ILOU") & set(codes.ALPHABET)
    assert len(codes.CHECK_ALPHABET) == 37


@pytest.mark.parametrize("code", [full(), full("0000000000000000"), full("ZZZZZZZZZZZZZZZZ"), codes.generate()])
def test_every_single_character_substitution_is_caught(code):
    for position in range(17):
        alphabet = codes.ALPHABET if position < 16 else codes.CHECK_ALPHABET
        for replacement in alphabet:
            if replacement == code[position]:
                continue
            typo = code[:position] + replacement + code[position + 1 :]
            assert not codes.is_well_formed(typo), typo


@pytest.mark.parametrize("code", [full(), codes.generate(), codes.generate()])
def test_every_adjacent_transposition_is_caught(code):
    for position in range(16):
        swapped = code[:position] + code[position + 1] + code[position] + code[position + 2 :]
        if swapped == code:
            continue
        assert not codes.is_well_formed(swapped), swapped


@pytest.mark.parametrize(
    "typed",
    [
        pytest.param(lambda c: c.lower(), id="lower-case"),
        pytest.param(lambda c: codes.display(c), id="dashes"),
        pytest.param(lambda c: codes.display(c).lower(), id="lower-case-dashes"),
        pytest.param(lambda c: " ".join(codes.display(c).split("-")), id="spaces"),
        pytest.param(lambda c: f"  {c[:8]}  {c[8:]} ", id="stray-spaces"),
    ],
)
def test_normalise_accepts_what_people_type(typed):
    code = full()

    assert codes.normalise(typed(code)) == code
    assert codes.is_well_formed(codes.normalise(typed(code)))


def test_normalise_reads_o_i_l_as_zero_and_one():
    code = full("0110000000000001")
    typed = "oIl0-0000-0000-000L-" + code[16]

    assert codes.normalise(typed) == code
    assert codes.normalise(typed.lower()) == code


@pytest.mark.parametrize("wrong", ["", "ABC", full() + "0", full()[:-1], "U" + full()[1:]])
def test_wrong_length_or_alphabet_is_not_well_formed(wrong):
    assert not codes.is_well_formed(wrong)


def test_display_groups_the_code_in_fours_then_the_check_character():
    code = full()

    assert codes.display(code) == f"7K2M-9QXD-4HTA-PZ3N-{code[16]}"
    assert codes.normalise(codes.display(code)) == code


def test_a_code_issued_with_a_hard_check_character_still_verifies():
    body = next(b for b in (f"{n:016d}" for n in range(200)) if codes.check_character(b) not in codes.ALPHABET)
    old = full(body)

    assert old[16] in "*~$=U"
    assert codes.is_well_formed(codes.normalise(codes.display(old).lower()))


CYRILLIC_FOR_LATIN = str.maketrans("ABEKMHOPCTXY", "АВЕКМНОРСТХУ")


@pytest.mark.parametrize(
    "typed",
    [
        pytest.param(lambda c: codes.display(c).translate(CYRILLIC_FOR_LATIN), id="cyrillic-look-alikes"),
        pytest.param(lambda c: codes.display(c).translate(CYRILLIC_FOR_LATIN).lower(), id="cyrillic-lower-case"),
        pytest.param(lambda c: codes.display(c).replace("-", "\u2013"), id="en-dashes"),
        pytest.param(lambda c: codes.display(c).replace("-", " \u2014 "), id="em-dashes-and-spaces"),
        pytest.param(
            lambda c: c.translate(
                str.maketrans(
                    "0123456789ABCDEFGHJKMNPQRSTVWXYZ",
                    "０１２３４５６７８９ＡＢＣＤＥＦＧＨＪＫＭＮＰＱＲＳＴＶＷＸＹＺ",
                )
            ),
            id="full-width",
        ),
    ],
)
def test_normalise_reads_what_a_russian_or_tajik_keyboard_types(typed):
    code = full("7KAM9QXD4HTCPZ3E")

    assert codes.normalise(typed(code)) == code


def test_a_cyrillic_zero_letter_reads_as_zero():
    code = full("0000000000000000")

    assert codes.normalise("ОООО-оооо-0000-0000-" + code[16]) == code


@pytest.mark.parametrize(
    ("typed", "found"),
    [
        ("", (codes.Problem.EMPTY, "")),
        ("7K2M-9QXD", (codes.Problem.LENGTH, "8")),
        (full() + "7", (codes.Problem.LENGTH, "18")),
        ("7K2M-9QXD-4HTA-PZ3Ж-" + full()[16], (codes.Problem.CHARACTER, "Ж")),
        ("7K2M-9QXD-4HTA-PZ3U-" + full()[16], (codes.Problem.CHARACTER, "U")),
        (full()[:16] + "!", (codes.Problem.CHARACTER, "!")),
        (full()[1] + full()[0] + full()[2:], (codes.Problem.CHECK, "")),
        (full(), None),
    ],
)
def test_problem_says_what_to_check(typed, found):
    assert codes.problem(codes.normalise(typed)) == found
