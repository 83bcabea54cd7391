"""The invitation tests use the reports area's coordinators (a scope and two-factor authentication)."""

import pytest

from tests.invitations.helpers import HEADER
from tests.reports.conftest import _english, client_coordinator, coordinator, east, frontier, harbour, west  # noqa: F401


@pytest.fixture
def valid_csv(frontier, east):  # noqa: F811 - the fixtures imported above
    return (
        HEADER
        + "Dilshod Rahimov,dilshod@example.org,frontier,east,Border guard,tg\n"
        + "Aziz Karimov,aziz@example.org,Frontier Service,EAST,Inspector,ru\n"
        + "Anna Petrova,anna@example.org,FRONTIER,Eastern Province,,en\n"
    )
