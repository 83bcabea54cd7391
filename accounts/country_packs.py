"""Country packs: what makes an installation Tajik, Kyrgyz or any other country's, as data.

A pack is a directory holding ``pack.toml`` (format in ``countries/README.md``): the country's
names, time zone, the trainees' default language, its agencies and regions with their names in
each language, and the schematic map (an SVG path and label position per region, or a marker
point for a place too small to draw). ``countries/tj`` is the default.

This module only reads and validates; ``accounts.reference_data.country_pack_load`` writes the
agencies and regions. It imports nothing from the apps, because ``config/settings.py`` reads
the pack's time zone and default language through it before Django is set up.
"""

import functools
import math
import re
import tomllib
import zoneinfo
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from types import MappingProxyType
from typing import NoReturn

from django.conf import settings

PACK_FILE = "pack.toml"
FALLBACK_LANGUAGE = "en"  # every name needs an English form: the columns' and the interface's fallback
# The values of accounts.models.Region.Kind (not imported: settings reads this module).
REGION_KINDS = ("domestic", "abroad")
CODE_LENGTH = 50  # accounts.models.LocalizedName.code
NAME_LENGTH = 200  # accounts.models.LocalizedName.name

_CODE = re.compile(r"^[-a-zA-Z0-9_]+$")  # what a SlugField accepts
_SVG_PATH = re.compile(r"^[MmLlHhVvCcSsQqTtAaZz0-9.,\s-]+$")
_TOP_LEVEL_KEYS = {"code", "name", "time_zone", "default_language", "map", "agencies", "regions"}
_AGENCY_KEYS = {"code", "name", "parent"}
_REGION_KEYS = {"code", "kind", "name", "shape", "marker"}


class CountryPackError(ValueError):
    """A pack that cannot be used, naming the file and the field at fault."""

    def __init__(self, *, path: Path | str, field: str, problem: str):
        self.path = Path(path)
        self.field = field
        self.problem = problem
        super().__init__(f"{self.path}: {field}: {problem}" if field else f"{self.path}: {problem}")


@dataclass(frozen=True)
class Point:
    x: float
    y: float


@dataclass(frozen=True)
class Shape:
    """A region drawn on the map: its outline and where its label goes."""

    path: str
    label: Point


@dataclass(frozen=True)
class PackAgency:
    code: str
    names: Mapping[str, str]
    parent: str | None = None


@dataclass(frozen=True)
class PackRegion:
    code: str
    kind: str
    names: Mapping[str, str]
    shape: Shape | None = None
    marker: Point | None = None


@dataclass(frozen=True)
class CountryPack:
    path: Path
    code: str
    names: Mapping[str, str]
    time_zone: str
    default_language: str
    view_box: str
    agencies: tuple[PackAgency, ...]
    regions: tuple[PackRegion, ...]

    def name(self, language: str | None) -> str:
        """The country's name in ``language`` (``ru``, ``tg-TJ``…), English when it has none."""
        return self.names.get((language or "").split("-")[0]) or self.names[FALLBACK_LANGUAGE]

    def region(self, code: str) -> PackRegion | None:
        return next((region for region in self.regions if region.code == code), None)


def read_pack(directory: Path | str, *, languages: Iterable[str]) -> CountryPack:
    """The pack in ``directory``, validated; names may be given in ``languages`` only."""
    path = Path(directory) / PACK_FILE
    try:
        with path.open("rb") as file:
            data = tomllib.load(file)
    except FileNotFoundError:
        raise CountryPackError(path=path, field="", problem="no such file") from None
    except OSError as error:
        raise CountryPackError(path=path, field="", problem=f"cannot be read ({error.strerror})") from None
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as error:
        raise CountryPackError(path=path, field="", problem=f"is not valid TOML ({error})") from None
    return _Reader(path, tuple(languages)).pack(data)


def current_pack() -> CountryPack:
    """The pack this installation runs with (``settings.COUNTRY_PACK_DIR``), read once per process."""
    return _cached_pack(str(settings.COUNTRY_PACK_DIR), tuple(code for code, _name in settings.LANGUAGES))


@functools.cache
def _cached_pack(directory: str, languages: tuple[str, ...]) -> CountryPack:
    return read_pack(directory, languages=languages)


class _Reader:
    """Checks one pack's data field by field; the first problem raises ``CountryPackError``."""

    def __init__(self, path: Path, languages: tuple[str, ...]):
        self.path = path
        self.languages = languages

    def fail(self, field: str, problem: str) -> NoReturn:
        raise CountryPackError(path=self.path, field=field, problem=problem)

    def pack(self, data: dict) -> CountryPack:
        """The fields in the order a pack lists them, so the first problem reported is the topmost."""
        self.known_keys("", data, _TOP_LEVEL_KEYS)
        code = self.code("code", data.get("code"))
        names = self.names("name", data.get("name"))
        time_zone = self.time_zone("time_zone", data.get("time_zone"))
        default_language = self.text("default_language", data.get("default_language"))
        if default_language not in self.languages:
            self.fail("default_language", f"must be one of {', '.join(self.languages)}")
        map_table = self.table("map", data.get("map"))
        self.known_keys("map", map_table, {"view_box"})
        return CountryPack(
            path=self.path,
            code=code,
            names=names,
            time_zone=time_zone,
            default_language=default_language,
            view_box=self.view_box("map.view_box", map_table.get("view_box")),
            agencies=self.agencies(data.get("agencies")),
            regions=self.regions(data.get("regions")),
        )

    def agencies(self, value) -> tuple[PackAgency, ...]:
        agencies: list[PackAgency] = []
        for field, item in self.entries("agencies", value):
            self.known_keys(field, item, _AGENCY_KEYS)
            code = self.unique_code(f"{field}.code", item.get("code"), [agency.code for agency in agencies])
            parent = item.get("parent")
            if parent is not None:
                parent = self.code(f"{field}.parent", parent)
                if parent not in {agency.code for agency in agencies}:
                    self.fail(f"{field}.parent", f"“{parent}” is not an agency listed above this one")
            agencies.append(PackAgency(code=code, names=self.names(f"{field}.name", item.get("name")), parent=parent))
        return tuple(agencies)

    def regions(self, value) -> tuple[PackRegion, ...]:
        regions: list[PackRegion] = []
        for field, item in self.entries("regions", value):
            self.known_keys(field, item, _REGION_KEYS)
            code = self.unique_code(f"{field}.code", item.get("code"), [region.code for region in regions])
            kind = item.get("kind", REGION_KINDS[0])
            if kind not in REGION_KINDS:
                self.fail(f"{field}.kind", f"must be one of {', '.join(REGION_KINDS)}")
            if "shape" in item and "marker" in item:
                self.fail(field, "has both a shape and a marker; give one or neither")
            regions.append(
                PackRegion(
                    code=code,
                    kind=kind,
                    names=self.names(f"{field}.name", item.get("name")),
                    shape=self.shape(f"{field}.shape", item["shape"]) if "shape" in item else None,
                    marker=self.point(f"{field}.marker", item["marker"]) if "marker" in item else None,
                )
            )
        return tuple(regions)

    def entries(self, field: str, value) -> list[tuple[str, dict]]:
        if not isinstance(value, list) or not value:
            self.fail(field, f"needs at least one entry ([[{field}]])")
        return [(f"{field}[{index}]", self.table(f"{field}[{index}]", item)) for index, item in enumerate(value)]

    def table(self, field: str, value) -> dict:
        if not isinstance(value, dict):
            self.fail(field, "is missing or is not a table")
        return value

    def known_keys(self, field: str, table: dict, allowed: set[str]) -> None:
        unknown = sorted(set(table) - allowed)
        if unknown:
            self.fail(
                f"{field}.{unknown[0]}" if field else unknown[0], f"is not a known field ({', '.join(sorted(allowed))})"
            )

    def text(self, field: str, value, *, max_length: int = NAME_LENGTH) -> str:
        if not isinstance(value, str) or not value.strip():
            self.fail(field, "is missing or empty")
        if len(value) > max_length:
            self.fail(field, f"is longer than {max_length} characters")
        return value.strip()

    def code(self, field: str, value) -> str:
        code = self.text(field, value, max_length=CODE_LENGTH)
        if not _CODE.match(code):
            self.fail(field, "may hold only letters, digits, hyphens and underscores")
        return code

    def unique_code(self, field: str, value, seen: list[str]) -> str:
        code = self.code(field, value)
        if code in seen:
            self.fail(field, f"“{code}” is listed twice")
        return code

    def names(self, field: str, value) -> Mapping[str, str]:
        table = self.table(field, value)
        for language in table:
            if language not in self.languages:
                self.fail(f"{field}.{language}", f"is not a language of the site ({', '.join(self.languages)})")
        if FALLBACK_LANGUAGE not in table:
            self.fail(f"{field}.{FALLBACK_LANGUAGE}", "is missing (every name needs its English form)")
        return MappingProxyType({language: self.text(f"{field}.{language}", text) for language, text in table.items()})

    def time_zone(self, field: str, value) -> str:
        name = self.text(field, value)
        try:
            zoneinfo.ZoneInfo(name)
        except (zoneinfo.ZoneInfoNotFoundError, ValueError):
            self.fail(field, f"“{name}” is not a known time zone (such as Asia/Dushanbe)")
        return name

    def view_box(self, field: str, value) -> str:
        text = self.text(field, value)
        numbers = text.replace(",", " ").split()
        try:
            values = [float(number) for number in numbers]
        except ValueError:
            values = []
        if len(values) != 4 or not all(map(math.isfinite, values)) or values[2] <= 0 or values[3] <= 0:
            self.fail(field, "must be four numbers: min-x min-y width height (both sizes above 0)")
        return " ".join(numbers)

    def shape(self, field: str, value) -> Shape:
        table = self.table(field, value)
        self.known_keys(field, table, {"path", "label"})
        path = self.text(f"{field}.path", table.get("path"), max_length=10_000)
        if not _SVG_PATH.match(path):
            self.fail(f"{field}.path", "is not SVG path data (commands such as M, L, Z and numbers)")
        return Shape(path=path, label=self.point(f"{field}.label", table.get("label")))

    def point(self, field: str, value) -> Point:
        if (
            not isinstance(value, list)
            or len(value) != 2
            or not all(isinstance(n, int | float) and not isinstance(n, bool) and math.isfinite(n) for n in value)
        ):
            self.fail(field, "must be two numbers, [x, y]")
        return Point(x=value[0], y=value[1])
