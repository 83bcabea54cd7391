"""Geometry for the dashboard's inline SVG: a schematic map of the country's regions and a
monthly bar chart. Computed here, printed by templates; no external tiles or scripts.

The map's shapes are data: each region's outline, label position or marker comes from the
country pack (``accounts.country_packs``), matched by region code."""

from dataclasses import dataclass

from accounts.country_packs import CountryPack, current_pack


@dataclass(frozen=True)
class MapRegion:
    region: object  # accounts.models.Region
    total: object  # reports.selectors.Cell
    path: str | None = None
    label_x: float = 0
    label_y: float = 0

    # Offsets of the printed texts from the pack's point: a shape's figure goes under its name,
    # a marker's name and figure under its dot.
    @property
    def value_y(self) -> float:
        return self.label_y + 15

    @property
    def caption_x(self) -> float:
        return self.label_x - 20

    @property
    def caption_y(self) -> float:
        return self.label_y + 26


@dataclass(frozen=True)
class CountryMap:
    """The pack's ``view_box``; ``shapes`` drawn as outlines, ``markers`` as points, and the
    regions the pack does not draw (duty stations abroad, places added in the admin) ``unmapped``."""

    view_box: str
    shapes: list[MapRegion]
    markers: list[MapRegion]
    unmapped: list[MapRegion]


def country_map(regions, figures, *, pack: CountryPack | None = None) -> CountryMap:
    """Place each of ``regions`` on ``pack``'s map (the current pack by default); ``figures``
    maps a region's id to its coverage cell."""
    pack = pack or current_pack()
    shapes, markers, unmapped = [], [], []
    for region in regions:
        total = figures[region.pk]
        drawn = pack.region(region.code)
        if drawn and drawn.shape:
            shapes.append(MapRegion(region, total, drawn.shape.path, drawn.shape.label.x, drawn.shape.label.y))
        elif drawn and drawn.marker:
            markers.append(MapRegion(region, total, None, drawn.marker.x, drawn.marker.y))
        else:
            unmapped.append(MapRegion(region, total))
    return CountryMap(view_box=pack.view_box, shapes=shapes, markers=markers, unmapped=unmapped)


@dataclass(frozen=True)
class Bar:
    month: object
    value: int
    x: float
    y: float
    width: float
    height: float


def bar_chart(series, *, width: int = 480, height: int = 160, gap: int = 6) -> tuple[list[Bar], int]:
    """Bars for (month, count) pairs, scaled to the largest count; returns (bars, maximum)."""
    maximum = max((value for _month, value in series), default=0)
    slot = width / max(len(series), 1)
    bars = []
    for index, (month, value) in enumerate(series):
        bar_height = (height * value / maximum) if maximum else 0
        bars.append(Bar(month, value, index * slot + gap / 2, height - bar_height, slot - gap, bar_height))
    return bars, maximum
