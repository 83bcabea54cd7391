"""A coordinator scope is held once: the database refuses the same (agency, region) twice,
"all agencies" and "all regions" (NULL) included."""

import pytest
from django.db import IntegrityError, transaction

from accounts.models import Agency, CoordinatorScope, Region
from accounts.scope import Scope
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "agency_is_set, region_is_set",
    [(True, True), (True, False), (False, True), (False, False)],
    ids=["agency-and-region", "agency-all-regions", "all-agencies-region", "national"],
)
def test_the_same_scope_cannot_be_held_twice(agency_is_set, region_is_set):
    user = UserFactory()
    agency = Agency.objects.filter(is_active=True).first() if agency_is_set else None
    region = Region.objects.filter(is_active=True).first() if region_is_set else None
    CoordinatorScope.objects.create(user=user, agency=agency, region=region)

    with pytest.raises(IntegrityError), transaction.atomic():
        CoordinatorScope.objects.create(user=user, agency=agency, region=region)

    assert CoordinatorScope.objects.filter(user=user).count() == 1


def test_different_scopes_and_other_users_are_allowed():
    first, second = UserFactory(), UserFactory()
    agency = Agency.objects.filter(is_active=True).first()
    region = Region.objects.filter(is_active=True).first()
    for user in (first, second):
        for pair in ((agency, region), (agency, None), (None, region), (None, None)):
            CoordinatorScope.objects.create(user=user, agency=pair[0], region=pair[1])

    assert CoordinatorScope.objects.count() == 8
    assert Scope.for_user(first).allows(agency.pk, region.pk)
