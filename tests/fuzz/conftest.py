"""Fixtures for the property-based form tests: reference data, a trainee, a coordinator,
an assessment and a certificate, each built once per test function (not per example)."""

import pytest

from accounts.models import Agency, Region
from tests.assessments.builders import build_assessment, complete_lessons, issue_certificate
from tests.factories import AgencyFactory, RegionFactory, UserFactory, build_course, make_coordinator
from tests.isolation import _english, _media_in_tmp  # noqa: F401 (autouse fixtures)

# The field oracles assert; rewritten like a test module's, their failures show the values.
pytest.register_assert_rewrite("tests.fuzz.fields")


@pytest.fixture
def reference(db):
    """Two active agencies and regions (named in three scripts) and one of each retired,
    beside the Tajik reference data that a migration loads."""
    agencies = [
        AgencyFactory(
            code="frontier", name="Frontier Service", name_ru="Пограничная служба", name_tg="Хадамоти марзбонӣ"
        ),
        AgencyFactory(code="harbour", name="Harbour Police", name_ru="Портовая полиция", name_tg="Пулиси бандар"),
    ]
    regions = [
        RegionFactory(code="east", name="Eastern Province", name_ru="Восточная провинция", name_tg="Вилояти шарқӣ"),
        RegionFactory(code="west", name="Western Province", name_ru="Западная провинция", name_tg="Вилояти ғарбӣ"),
    ]
    retired_agency = AgencyFactory(code="retired", name="Retired Unit", is_active=False)
    retired_region = RegionFactory(code="gone", name="Former Region", is_active=False)
    return {
        "agencies": agencies,
        "regions": regions,
        "retired_agency": retired_agency,
        "retired_region": retired_region,
        "active_agency_ids": sorted(Agency.objects.filter(is_active=True).values_list("pk", flat=True)),
        "active_region_ids": sorted(Region.objects.filter(is_active=True).values_list("pk", flat=True)),
    }


@pytest.fixture
def fuzz_trainee(reference):
    return UserFactory(
        email="fuzz.trainee@example.org",
        full_name="Fuzz Trainee",
        agency=reference["agencies"][0],
        region=reference["regions"][0],
        position="Inspector",
        preferred_language="en",
    )


@pytest.fixture
def fuzz_coordinator(reference):
    """Coordinates the Frontier Service in both provinces and the Harbour Police in the east, with TOTP."""
    frontier, harbour = reference["agencies"]
    east, west = reference["regions"]
    return make_coordinator(
        email="fuzz.coordinator@example.org",
        full_name="Fuzz Coordinator",
        agency=frontier,
        region=east,
        scopes=[(frontier, east), (frontier, west), (harbour, east)],
    )


@pytest.fixture
def fuzz_course(catalogue):
    return build_course(title="Fuzzed course", lessons=1, catalogue=catalogue)


@pytest.fixture
def fuzz_assessment(fuzz_course):
    """The builders' default stream: single, true/false, multiple choice and a scenario."""
    return build_assessment(fuzz_course)


@pytest.fixture
def ready_fuzz_trainee(fuzz_trainee, fuzz_course):
    complete_lessons(fuzz_trainee, fuzz_course)
    return fuzz_trainee


@pytest.fixture
def fuzz_certificate(fuzz_trainee, fuzz_course):
    return issue_certificate(fuzz_trainee, fuzz_course)
