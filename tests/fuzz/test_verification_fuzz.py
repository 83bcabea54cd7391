"""Property-based tests of the public certificate verification: found, not found or slow down."""

from urllib.parse import quote

import pytest
from django.core.cache import cache
from django.test import Client
from hypothesis import event, given, note
from hypothesis import strategies as st

from certificates import codes
from certificates.models import Certificate
from tests.fuzz.strategies import FUZZ, LANGUAGE, NASTY, draw_extras, rolled_back, url

pytestmark = pytest.mark.django_db


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
