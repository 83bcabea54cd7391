"""Fixtures for digests, scheduled reports and big exports: a coordinator of one agency in one
region, a national one, and trainees inside and outside the first one's scope."""

from datetime import timedelta

import pytest
from django.urls import NoReverseMatch, clear_url_caches, reverse
from django.utils import timezone, translation

from tests.assessments.builders import issue_certificate
from tests.factories import (
    AgencyFactory,
    AssignmentFactory,
    RegionFactory,
    UserFactory,
    build_course,
    make_coordinator,
    sign_in_with_second_factor,
)


@pytest.fixture(autouse=True)
def _unsubscribe_url(settings):
    """Until the real ``email_unsubscribe`` view is merged, a stand-in under the same name."""
    try:
        reverse("email_unsubscribe", args=["token"])
    except NoReverseMatch:
        settings.ROOT_URLCONF = "tests.digests.urls"
        clear_url_caches()
        yield
        clear_url_caches()
    else:
        yield


@pytest.fixture(autouse=True)
def _english():
    with translation.override("en"):
        yield


@pytest.fixture
def frontier(db):
    return AgencyFactory(
        code="frontier", name="Frontier Service", name_ru="Пограничная служба", name_tg="Хадамоти марзбонӣ"
    )


@pytest.fixture
def harbour(db):
    return AgencyFactory(code="harbour", name="Harbour Police", name_ru="Портовая полиция", name_tg="Пулиси бандар")


@pytest.fixture
def east(db):
    return RegionFactory(code="east", name="Eastern Province", name_ru="Восточная провинция", name_tg="Вилояти шарқӣ")


@pytest.fixture
def west(db):
    return RegionFactory(code="west", name="Western Province", name_ru="Западная провинция", name_tg="Вилояти ғарбӣ")


@pytest.fixture
def course(db, frontier, harbour):
    return build_course(title="Identifying victims", lessons=1, audiences=[frontier, harbour])


@pytest.fixture
def coordinator(db, frontier, east):
    return make_coordinator(
        email="coordinator@example.org", full_name="Malika Saidova", agency=None, region=None, scopes=[(frontier, east)]
    )


@pytest.fixture
def national(db):
    return make_coordinator(email="national@example.org", full_name="Nodira National", agency=None, region=None)


@pytest.fixture
def client_coordinator(client, coordinator):
    sign_in_with_second_factor(client, coordinator)
    return client


@pytest.fixture
def programme(db, course, frontier, harbour, east, west):
    """In the coordinator's scope (Frontier, East): one certified trainee, one whose assignment
    fell overdue three days ago, one due next month. Outside it: a Harbour trainee in the East
    and a Frontier trainee in the West, both overdue."""
    today = timezone.localdate()
    certified = UserFactory(full_name="Certified Inscope", agency=frontier, region=east)
    issue_certificate(certified, course)
    late = UserFactory(full_name="Late Inscope", agency=frontier, region=east)
    AssignmentFactory(user=late, course=course, due_on=today - timedelta(days=3))
    AssignmentFactory(user=UserFactory(agency=frontier, region=east), course=course, due_on=today + timedelta(days=30))
    for agency, region in ((harbour, east), (frontier, west)):
        outsider = UserFactory(full_name=f"Outsider {agency.code} {region.code}", agency=agency, region=region)
        AssignmentFactory(user=outsider, course=course, due_on=today - timedelta(days=2))
    return {"certified": certified, "late": late}
