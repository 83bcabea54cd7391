"""Personal data: the audit trail of coordinator scope and role changes, in the services and in
the Django admin."""

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse
from wagtail.models import ModelLogEntry

from accounts import services
from accounts.models import CoordinatorScope
from tests.factories import (
    sign_in_with_second_factor,
)

pytestmark = pytest.mark.django_db


# --- Audit trail of roles and scopes -----------------------------------------------------------


def test_scope_changes_are_audited(world, agency, region):
    coordinator = world["coordinator"]
    # The scope changes below end at the cell the coordinator holds already, and a scope is held once.
    CoordinatorScope.objects.filter(user=coordinator).delete()
    ModelLogEntry.objects.filter(action=services.SCOPE_CHANGE_ACTION).delete()

    scope = CoordinatorScope.objects.create(user=coordinator, agency=None, region=region)
    scope.agency = agency
    scope.save()
    scope.save()  # unchanged: no entry
    scope.delete()

    entries = list(ModelLogEntry.objects.filter(action=services.SCOPE_CHANGE_ACTION).order_by("pk"))
    assert [e.data["change"] for e in entries] == ["created", "changed", "deleted"]
    assert all(e.object_id == str(coordinator.pk) and e.data["user"] == coordinator.pk for e in entries)
    assert entries[0].data["new"] == {"agency": "*", "region": region.code}
    assert entries[1].data["old"] == {"agency": "*", "region": region.code}
    assert entries[1].data["new"] == {"agency": agency.code, "region": region.code}
    assert entries[2].data["old"] == {"agency": agency.code, "region": region.code} and entries[2].data["new"] is None


def test_role_changes_are_audited(trainee):
    group = Group.objects.create(name="Role test group")

    trainee.groups.add(group)
    trainee.is_staff = True
    trainee.save()
    trainee.save()  # unchanged: no entry
    trainee.groups.remove(group)
    group.user_set.add(trainee)
    trainee.groups.clear()
    trainee.is_staff = False
    trainee.save(update_fields=["is_staff"])

    entries = list(ModelLogEntry.objects.filter(action=services.ROLE_CHANGE_ACTION).order_by("pk"))
    joined = {"groups": {"old": [], "new": ["Role test group"]}, "groups_added": ["Role test group"]}
    left = {"groups": {"old": ["Role test group"], "new": []}, "groups_removed": ["Role test group"]}
    assert [e.data["changes"] for e in entries] == [
        joined,
        {"is_staff": {"old": False, "new": True}},
        left,
        joined,
        left,
        {"is_staff": {"old": True, "new": False}},
    ]
    assert all(e.object_id == str(trainee.pk) for e in entries)


def test_changes_in_the_admin_are_audited_with_the_acting_user(client, superuser, trainee, agency, region):
    group = Group.objects.create(name="Audit test group")
    sign_in_with_second_factor(client, superuser)
    url = reverse("wagtailusers_users:edit", args=[trainee.pk])
    assert client.get(url).status_code == 200
    data = {
        "email": trainee.email,
        "full_name": trainee.full_name,
        "agency": agency.pk,
        "region": region.pk,
        "position": trainee.position,
        "preferred_language": "en",
        "is_active": "on",
        "is_staff": "on",
        "groups": [group.pk],
        "coordinator_scopes-TOTAL_FORMS": "1",
        "coordinator_scopes-INITIAL_FORMS": "0",
        "coordinator_scopes-MIN_NUM_FORMS": "0",
        "coordinator_scopes-MAX_NUM_FORMS": "1000",
        "coordinator_scopes-0-agency": agency.pk,
        "coordinator_scopes-0-region": "",
    }

    response = client.post(url, data)

    assert response.status_code == 302, response.context["form"].errors if response.context else response
    entries = ModelLogEntry.objects.filter(
        object_id=str(trainee.pk), action__in=[services.ROLE_CHANGE_ACTION, services.SCOPE_CHANGE_ACTION]
    )
    assert {e.action for e in entries} == {services.ROLE_CHANGE_ACTION, services.SCOPE_CHANGE_ACTION}
    assert all(e.user_id == superuser.pk for e in entries)
    changes = [e.data["changes"] for e in entries if e.action == services.ROLE_CHANGE_ACTION]
    assert {"is_staff": {"old": False, "new": True}} in changes
    assert {"groups": {"old": [], "new": ["Audit test group"]}, "groups_added": ["Audit test group"]} in changes
