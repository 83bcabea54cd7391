"""Fixtures for the reports area: coordinators with a scope and two-factor authentication."""

import pytest
from django.utils import translation

from tests.factories import AgencyFactory, RegionFactory, make_coordinator, sign_in_with_second_factor


@pytest.fixture(autouse=True)
def _english():
    """A request under /ru/ or /tg/ leaves its language active; each test starts in English."""
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
    return RegionFactory(code="east", name="Eastern Province", name_ru="Восточная провинция", name_tg="ВШП")


@pytest.fixture
def west(db):
    return RegionFactory(code="west", name="Western Province", name_ru="Западная провинция", name_tg="Вилояти ғарбӣ")


@pytest.fixture
def coordinator(db, frontier, east):
    """Coordinates the Frontier Service in the Eastern Province, and has set up two-factor authentication."""
    return make_coordinator(
        email="coordinator@example.org",
        full_name="Malika Saidova",
        agency=frontier,
        region=east,
        scopes=[(frontier, east)],
    )


@pytest.fixture
def client_coordinator(client, coordinator):
    sign_in_with_second_factor(client, coordinator)
    return client
