"""Agencies and regions from a country pack (``accounts.country_packs``).

Loading upserts every agency and region of the pack by its code, in the pack's order, and
deactivates the ones the pack no longer lists. Nothing is deleted: users, certificates,
headcounts and coordinator scopes point at these rows, and history must keep its names.
An entry the pack lists again is active again.

The names stay in the ``name``/``name_ru``/``name_tg`` columns: every report orders and labels
by them, the Wagtail viewsets edit them and the load generator writes them. A language added to
the site adds a column (one migration), which this module then fills from the pack.
"""

from dataclasses import dataclass, field

from django.conf import settings
from django.db import models, transaction

from accounts.country_packs import FALLBACK_LANGUAGE, CountryPack
from accounts.models import Agency, Region


@dataclass
class Changes:
    """The codes a load created, updated, left as they were, and deactivated."""

    created: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    deactivated: list[str] = field(default_factory=list)

    def __str__(self):
        return (
            f"{len(self.created)} created, {len(self.updated)} updated, "
            f"{len(self.unchanged)} unchanged, {len(self.deactivated)} deactivated"
        )


@dataclass
class LoadReport:
    pack: CountryPack
    agencies: Changes
    regions: Changes

    @property
    def changed(self) -> bool:
        return any(
            changes.created or changes.updated or changes.deactivated for changes in (self.agencies, self.regions)
        )


def name_columns(names, *, model: type[models.Model]) -> dict[str, str]:
    """A pack's ``{"en": …, "ru": …}`` as ``model``'s columns; a language without a name is left empty.

    Only the columns ``model`` has: the data migration's historical model may predate a language.
    """
    columns = {"name": names[FALLBACK_LANGUAGE]}
    existing = {model_field.name for model_field in model._meta.get_fields()}
    for language, _label in settings.LANGUAGES:
        if language != FALLBACK_LANGUAGE and f"name_{language}" in existing:
            columns[f"name_{language}"] = names.get(language, "")
    return columns


@transaction.atomic
def country_pack_load(
    *, pack: CountryPack, agency_model: type[models.Model] = Agency, region_model: type[models.Model] = Region
) -> LoadReport:
    """Make the active agencies and regions those of ``pack``; idempotent.

    ``agency_model`` and ``region_model`` let the data migration pass its historical models.
    """
    agencies, agency_ids = Changes(), {}
    for order, entry in enumerate(pack.agencies):
        values = name_columns(entry.names, model=agency_model) | {
            "sort_order": order,
            "is_active": True,
            "parent_id": agency_ids[entry.parent] if entry.parent else None,
        }
        agency_ids[entry.code] = _upsert(agency_model, code=entry.code, values=values, changes=agencies)
    regions = Changes()
    for order, entry in enumerate(pack.regions):
        values = name_columns(entry.names, model=region_model) | {
            "kind": entry.kind,
            "sort_order": order,
            "is_active": True,
        }
        _upsert(region_model, code=entry.code, values=values, changes=regions)
    _deactivate_missing(agency_model, keep=[entry.code for entry in pack.agencies], changes=agencies)
    _deactivate_missing(region_model, keep=[entry.code for entry in pack.regions], changes=regions)
    return LoadReport(pack=pack, agencies=agencies, regions=regions)


def _upsert(model: type[models.Model], *, code: str, values: dict, changes: Changes) -> int:
    """Create or update one row by code, saving only when something differs (so a reload writes nothing)."""
    row = model.objects.filter(code=code).first()
    if row is None:
        row = model.objects.create(code=code, **values)
        changes.created.append(code)
        return row.pk
    differing = [name for name, value in values.items() if getattr(row, name) != value]
    if differing:
        for name in differing:
            setattr(row, name, values[name])
        row.save(update_fields=[name.removesuffix("_id") for name in differing])
        changes.updated.append(code)
    else:
        changes.unchanged.append(code)
    return row.pk


def _deactivate_missing(model: type[models.Model], *, keep: list[str], changes: Changes) -> None:
    for row in model.objects.filter(is_active=True).exclude(code__in=keep).order_by("sort_order", "code"):
        row.is_active = False
        row.save(update_fields=["is_active"])
        changes.deactivated.append(row.code)
