"""Property-based tests of the account forms: sign-up and the profile (see tests/fuzz/strategies.py).

Whatever arrives, the answer is never a server error, and a form either stores everything it
was given (exactly as given, after its documented clean-up) or nothing at all.
"""

import pytest
from allauth.account.models import EmailAddress
from django.test import Client
from hypothesis import event, given, note
from hypothesis import strategies as st

from accounts.models import User
from tests.fuzz.fields import (
    assert_looks_like_a_name,
    choice_of_pk,
    draw_fields,
    email_field,
    full_name_field,
    language_field,
    position_field,
    snapshot,
)
from tests.fuzz.strategies import (
    ENCODING,
    FUZZ,
    INVALID,
    LANGUAGE,
    LANGUAGES,
    MISSING,
    NASTY,
    PASSWORD,
    UNKNOWN,
    VALID,
    draw_extras,
    overall,
    post_data,
    rolled_back,
    send,
    url,
)

pytestmark = pytest.mark.django_db


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
