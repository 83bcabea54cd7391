"""Users in the Wagtail admin: profile fields, coordinator scopes, deletion and erasure."""

import re

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse
from wagtail.models import ModelLogEntry

from accounts import services
from accounts.models import CoordinatorScope, User
from tests.admin.conftest import staff_with
from tests.factories import AgencyFactory, RegionFactory, UserFactory, sign_in_with_second_factor

pytestmark = pytest.mark.django_db

SCOPES = "coordinator_scopes"


def text(response) -> str:
    return response.content.decode()


def edit_url(user) -> str:
    return reverse("wagtailusers_users:edit", args=[user.pk])


def erase_url(user) -> str:
    return reverse("wagtailusers_users:erase", args=[user.pk])


def scope_forms(*rows, initial: int = 0) -> dict:
    """The scopes formset's POST data: rows of (id or None, agency, region, delete)."""
    data = {
        f"{SCOPES}-TOTAL_FORMS": str(len(rows)),
        f"{SCOPES}-INITIAL_FORMS": str(initial),
        f"{SCOPES}-MIN_NUM_FORMS": "0",
        f"{SCOPES}-MAX_NUM_FORMS": "1000",
    }
    for n, (pk, agency, region, delete) in enumerate(rows):
        data[f"{SCOPES}-{n}-id"] = pk or ""
        data[f"{SCOPES}-{n}-agency"] = agency.pk if agency else ""
        data[f"{SCOPES}-{n}-region"] = region.pk if region else ""
        if delete:
            data[f"{SCOPES}-{n}-DELETE"] = "on"
    return data


def profile(user, **changes) -> dict:
    data = {
        "email": user.email,
        "full_name": user.full_name,
        "agency": user.agency_id or "",
        "region": user.region_id or "",
        "position": user.position,
        "preferred_language": user.preferred_language,
        "is_active": "on",
    }
    data.update(changes)
    return {key: value for key, value in data.items() if value is not None}


# --- Create and edit with the profile -------------------------------------------------------


def test_the_create_form_asks_for_the_profile_not_first_and_last_names(client_admin):
    response = client_admin.get(reverse("wagtailusers_users:add"))

    assert response.status_code == 200
    form = response.context["form"]
    assert {"email", "full_name", "agency", "region", "position", "preferred_language"} <= set(form.fields)
    assert not {"first_name", "last_name"} & set(form.fields)
    assert 'name="full_name"' in text(response) and 'name="agency"' in text(response)


def test_creating_a_user_stores_the_profile(client_admin, agency, region):
    response = client_admin.post(
        reverse("wagtailusers_users:add"),
        {
            "email": "new.person@example.org",
            "full_name": "New Person",
            "agency": agency.pk,
            "region": region.pk,
            "position": "Shift supervisor",
            "preferred_language": "tg",
            "password1": "a-long-enough-passphrase-42",
            "password2": "a-long-enough-passphrase-42",
        },
    )

    assert response.status_code == 302, response.context["form"].errors
    user = User.objects.get(email="new.person@example.org")
    assert (user.full_name, user.agency, user.region, user.position, user.preferred_language) == (
        "New Person",
        agency,
        region,
        "Shift supervisor",
        "tg",
    )
    assert user.check_password("a-long-enough-passphrase-42")


def test_editing_a_user_changes_the_profile(client_admin, trainee):
    other_agency, other_region = AgencyFactory(), RegionFactory()

    response = client_admin.post(
        edit_url(trainee),
        {
            **profile(trainee, full_name="Renamed Trainee", agency=other_agency.pk, region=other_region.pk),
            "position": "Senior inspector",
            **scope_forms(),
        },
    )

    assert response.status_code == 302, response.context["form"].errors
    trainee.refresh_from_db()
    assert (trainee.full_name, trainee.agency, trainee.region, trainee.position) == (
        "Renamed Trainee",
        other_agency,
        other_region,
        "Senior inspector",
    )


def test_a_missing_full_name_is_a_form_error(client_admin, trainee):
    response = client_admin.post(edit_url(trainee), {**profile(trainee, full_name=""), **scope_forms()})

    assert response.status_code == 200
    assert "full_name" in response.context["form"].errors
    trainee.refresh_from_db()
    assert trainee.full_name == "Test Trainee"


# --- Coordinator scopes ---------------------------------------------------------------------


def test_the_edit_page_shows_the_scopes_formset(client_admin, trainee, agency):
    CoordinatorScope.objects.create(user=trainee, agency=agency, region=None)

    response = client_admin.get(edit_url(trainee))

    assert response.status_code == 200
    body = text(response)
    assert "Coordinator scopes (what this user may see in reports)" in body
    assert f'name="{SCOPES}-TOTAL_FORMS"' in body and f'name="{SCOPES}-0-agency"' in body


def test_adding_and_removing_scopes_is_saved_and_audited(client_admin, superuser, trainee, agency, region):
    kept = CoordinatorScope.objects.create(user=trainee, agency=agency, region=None)
    removed = CoordinatorScope.objects.create(user=trainee, agency=None, region=region)
    earlier = set(ModelLogEntry.objects.values_list("pk", flat=True))

    response = client_admin.post(
        edit_url(trainee),
        {
            **profile(trainee),
            **scope_forms(
                (kept.pk, agency, None, False),
                (removed.pk, None, region, True),
                (None, agency, region, False),
                initial=2,
            ),
        },
    )

    assert response.status_code == 302
    assert set(CoordinatorScope.objects.filter(user=trainee).values_list("agency", "region")) == {
        (agency.pk, None),
        (agency.pk, region.pk),
    }
    changes = ModelLogEntry.objects.filter(object_id=str(trainee.pk), action=services.SCOPE_CHANGE_ACTION).exclude(
        pk__in=earlier
    )
    assert sorted(entry.data["change"] for entry in changes) == ["created", "deleted"]
    assert all(entry.user_id == superuser.pk for entry in changes)


@pytest.mark.parametrize(
    "pair",
    [("agency", "region"), ("agency", None), (None, "region")],
    ids=["agency-and-region", "all-regions", "all-agencies"],
)
def test_the_same_scope_twice_in_one_save_is_a_form_error(client_admin, trainee, agency, region, pair):
    scope = (agency if pair[0] else None, region if pair[1] else None)

    response = client_admin.post(
        edit_url(trainee),
        {**profile(trainee, full_name="Not Saved"), **scope_forms((None, *scope, False), (None, *scope, False))},
    )

    assert response.status_code == 200
    assert "The same coordinator scope is entered twice" in text(response)
    assert not CoordinatorScope.objects.filter(user=trainee).exists()
    trainee.refresh_from_db()
    assert trainee.full_name == "Test Trainee"  # nothing of the save is kept


def test_a_national_scope_is_added_by_ticking_all_agencies_and_regions(client_admin, trainee):
    data = {**profile(trainee), **scope_forms((None, None, None, False))}
    data[f"{SCOPES}-0-everywhere"] = "on"

    response = client_admin.post(edit_url(trainee), data)

    assert response.status_code == 302
    assert list(CoordinatorScope.objects.filter(user=trainee).values_list("agency", "region")) == [(None, None)]
    assert re.search(r'name="coordinator_scopes-0-everywhere"[^>]*checked', text(client_admin.get(edit_url(trainee))))


def test_an_empty_new_row_adds_no_scope_and_everywhere_with_an_agency_is_an_error(client_admin, trainee, agency):
    assert (
        client_admin.post(edit_url(trainee), {**profile(trainee), **scope_forms((None, None, None, False))}).status_code
        == 302
    )
    assert not CoordinatorScope.objects.filter(user=trainee).exists()

    data = {**profile(trainee, full_name="Not Saved"), **scope_forms((None, agency, None, False))}
    data[f"{SCOPES}-0-everywhere"] = "on"
    response = client_admin.post(edit_url(trainee), data)

    assert response.status_code == 200
    assert "not both" in text(response)
    assert not CoordinatorScope.objects.filter(user=trainee).exists()


def test_a_new_scope_equal_to_a_stored_one_is_a_form_error(client_admin, trainee, agency, region):
    stored = CoordinatorScope.objects.create(user=trainee, agency=agency, region=region)

    response = client_admin.post(
        edit_url(trainee),
        {
            **profile(trainee),
            **scope_forms((stored.pk, agency, region, False), (None, agency, region, False), initial=1),
        },
    )

    assert response.status_code == 200
    assert "The same coordinator scope is entered twice" in text(response)
    assert CoordinatorScope.objects.filter(user=trainee).count() == 1


def test_role_and_group_changes_are_audited_with_the_acting_user(client_admin, superuser, trainee, agency):
    """Moved from the Django admin's test: the same audit, through Wagtail's edit view."""
    group = Group.objects.create(name="Audit test group")

    response = client_admin.post(
        edit_url(trainee),
        {**profile(trainee), "is_staff": "on", "groups": [group.pk], **scope_forms((None, agency, None, False))},
    )

    assert response.status_code == 302, response.context["form"].errors
    entries = ModelLogEntry.objects.filter(
        object_id=str(trainee.pk), action__in=[services.ROLE_CHANGE_ACTION, services.SCOPE_CHANGE_ACTION]
    )
    assert {e.action for e in entries} == {services.ROLE_CHANGE_ACTION, services.SCOPE_CHANGE_ACTION}
    assert all(e.user_id == superuser.pk for e in entries)
    changes = [e.data["changes"] for e in entries if e.action == services.ROLE_CHANGE_ACTION]
    assert {"is_staff": {"old": False, "new": True}} in changes
    assert {"groups": {"old": [], "new": ["Audit test group"]}, "groups_added": ["Audit test group"]} in changes


# --- Deletion -------------------------------------------------------------------------------


def test_a_user_with_a_certificate_cannot_be_deleted_and_erasure_is_suggested(client_admin, trainee, certificate):
    response = client_admin.post(reverse("wagtailusers_users:delete", args=[trainee.pk]))

    assert response.status_code == 302
    assert "Erase their personal data instead" in text(client_admin.get(response["Location"]))
    assert User.objects.filter(pk=trainee.pk).exists()


def test_a_user_without_records_can_be_deleted(client_admin):
    newcomer = UserFactory(email="newcomer@example.org")

    assert client_admin.post(reverse("wagtailusers_users:delete", args=[newcomer.pk])).status_code == 302
    assert not User.objects.filter(pk=newcomer.pk).exists()


# --- Erasure --------------------------------------------------------------------------------


def test_erasure_asks_for_confirmation_then_erases(client_admin, superuser, trainee, certificate):
    confirmation = client_admin.get(erase_url(trainee))

    assert confirmation.status_code == 200
    body = text(confirmation)
    assert "Erase personal data" in body and "Test Trainee" in body and "This cannot be undone." in body
    trainee.refresh_from_db()
    assert trainee.erased_at is None

    response = client_admin.post(erase_url(trainee))

    assert response.status_code == 302
    trainee.refresh_from_db()
    assert trainee.erased_at is not None and trainee.full_name == ""
    certificate.refresh_from_db()
    assert certificate.holder_name == ""
    entry = ModelLogEntry.objects.get(action=services.ERASE_ACTION)
    assert (entry.object_id, entry.user_id) == (str(trainee.pk), superuser.pk)
    assert "The personal data of 1 user was erased." in text(client_admin.get(response["Location"]))


def test_the_list_and_the_edit_page_offer_erasure_to_those_who_may(client_admin, superuser, trainee):
    assert erase_url(trainee) in text(client_admin.get(reverse("wagtailusers_users:index")))
    assert erase_url(trainee) in text(client_admin.get(edit_url(trainee)))
    assert erase_url(superuser) not in text(client_admin.get(reverse("wagtailusers_users:index")))


def test_nobody_erases_themselves_here(client_admin, superuser):
    for method in ("get", "post"):
        response = getattr(client_admin, method)(erase_url(superuser))
        assert response.status_code == 302
        assert "use the “Your data” page" in text(client_admin.get(response["Location"]))
    superuser.refresh_from_db()
    assert superuser.erased_at is None


def test_staff_cannot_erase_a_superuser(client, superuser):
    staff = staff_with("view_user", "change_user")
    sign_in_with_second_factor(client, staff)

    response = client.post(erase_url(superuser))

    assert response.status_code in (302, 403)
    superuser.refresh_from_db()
    assert superuser.erased_at is None
    assert not ModelLogEntry.objects.filter(action=services.ERASE_ACTION).exists()


def test_staff_with_change_permission_may_erase_others_may_not(client, trainee):
    viewer = staff_with("view_user")
    sign_in_with_second_factor(client, viewer)

    client.post(erase_url(trainee))
    trainee.refresh_from_db()
    assert trainee.erased_at is None

    changer = staff_with("view_user", "change_user", email="changer@example.org")
    sign_in_with_second_factor(client, changer)
    assert client.get(erase_url(trainee)).status_code == 200
    client.post(erase_url(trainee))
    trainee.refresh_from_db()
    assert trainee.erased_at is not None


def test_an_erased_user_is_not_erased_twice(client_admin, trainee):
    client_admin.post(erase_url(trainee))
    erased_at = User.objects.get(pk=trainee.pk).erased_at

    response = client_admin.post(erase_url(trainee))

    assert response.status_code == 302
    assert "already erased" in text(client_admin.get(response["Location"]))
    assert User.objects.get(pk=trainee.pk).erased_at == erased_at
    assert ModelLogEntry.objects.filter(action=services.ERASE_ACTION).count() == 1


@pytest.mark.parametrize("who", ["trainee", "editor"])
def test_non_staff_and_editors_cannot_open_the_user_views(client, trainee, editor, who):
    sign_in_with_second_factor(client, {"trainee": trainee, "editor": editor}[who])
    victim = UserFactory(email="victim@example.org", full_name="Victim Person")

    for url in (reverse("wagtailusers_users:index"), edit_url(victim), erase_url(victim)):
        response = client.get(url)
        assert response.status_code in (302, 403), url
        assert "Victim Person" not in text(response)
    client.post(erase_url(victim))
    victim.refresh_from_db()
    assert victim.erased_at is None and victim.full_name == "Victim Person"


def test_a_password_only_session_is_sent_to_the_second_factor(client, superuser, trainee):
    client.force_login(superuser)

    for url in (reverse("wagtailusers_users:index"), edit_url(trainee), erase_url(trainee)):
        assert client.get(url)["Location"].startswith(reverse("mfa_reauthenticate")), url
    client.post(erase_url(trainee))
    trainee.refresh_from_db()
    assert trainee.erased_at is None
