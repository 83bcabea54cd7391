"""Tajikistan's agencies and regions, loaded by accounts/migrations/0002."""

import pytest
from django.utils import translation

from accounts.models import Agency, Region
from tests.factories import AgencyFactory

pytestmark = pytest.mark.django_db

AGENCY_CODES = {
    "police",
    "mia-ctip",
    "border-troops",
    "consular",
    "migration",
    "prosecutor",
    "customs",
    "drug-control",
    "labour-inspectorate",
}
REGION_CODES = {
    "dushanbe",
    "sughd",
    "khatlon",
    "gbao",
    "drs",
    "abroad-ru",
    "abroad-kz",
    "abroad-tr",
    "abroad-ae",
}


def test_migration_loaded_every_agency():
    assert set(Agency.objects.values_list("code", flat=True)) == AGENCY_CODES
    assert Agency.objects.get(code="mia-ctip").parent.code == "police"
    assert all(a.name and a.name_ru and a.name_tg and a.is_active for a in Agency.objects.all())


def test_migration_loaded_every_region():
    assert set(Region.objects.values_list("code", flat=True)) == REGION_CODES
    abroad = set(Region.objects.filter(kind=Region.Kind.ABROAD).values_list("code", flat=True))
    assert abroad == {"abroad-ru", "abroad-kz", "abroad-tr", "abroad-ae"}


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        ("en", "Customs Service"),
        ("ru", "Таможенная служба"),
        ("tg", "Хадамоти гумрук"),
        ("de", "Customs Service"),
    ],
)
def test_display_name_follows_active_language(language, expected):
    customs = Agency.objects.get(code="customs")
    with translation.override(language):
        assert customs.display_name == expected
        assert str(customs) == expected


@pytest.mark.parametrize("language", ["ru", "tg"])
def test_display_name_falls_back_to_english_when_translation_empty(language):
    agency = AgencyFactory(name="Only English", name_ru="", name_tg="")
    with translation.override(language):
        assert agency.display_name == "Only English"


def test_region_display_name_in_russian():
    with translation.override("ru"):
        assert Region.objects.get(code="sughd").display_name == "Согдийская область"
