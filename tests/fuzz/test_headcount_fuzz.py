"""Property-based tests of headcount entry: exactly what was posted is saved, or nothing."""

import re

import pytest
from django.test import Client
from hypothesis import event, given, note
from hypothesis import strategies as st

from reports.models import Headcount
from tests.factories import sign_in_with_second_factor
from tests.fuzz.fields import Field, draw_fields
from tests.fuzz.strategies import (
    ENCODING,
    FUZZ,
    INVALID,
    LANGUAGE,
    NASTY,
    NUMBERS,
    VALID,
    draw_extras,
    overall,
    post_data,
    rolled_back,
    send,
    url,
)

pytestmark = pytest.mark.django_db


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
