"""Geometry for the dashboard's inline SVG: a schematic map of Tajikistan's regions and a
monthly bar chart. Computed here, printed by templates; no external tiles or scripts."""

from dataclasses import dataclass

# A schematic outline of each region (viewBox 0 0 400 280), by region code. Not to scale:
# it shows where coverage is missing, not borders.
REGION_SHAPES = {
    "sughd": "M40,50 L60,22 L140,10 L232,38 L252,70 L200,95 L120,100 L70,82 Z",
    "drs": "M40,112 L120,100 L200,95 L252,70 L282,110 L252,140 L180,150 L110,150 L58,140 Z",
    "khatlon": "M58,140 L110,150 L180,150 L192,200 L172,250 L122,270 L80,242 L60,192 Z",
    "gbao": "M252,70 L330,80 L390,112 L386,200 L332,232 L252,242 L192,200 L180,150 L252,140 L282,110 Z",
}
REGION_LABELS = {"sughd": (120, 58), "drs": (178, 116), "khatlon": (95, 205), "gbao": (262, 178)}
DUSHANBE = {"code": "dushanbe", "cx": 112, "cy": 124, "r": 10}


@dataclass(frozen=True)
class MapRegion:
    region: object
    total: object  # reports.selectors.Cell
    path: str | None = None
    label_x: int = 0
    label_y: int = 0


def map_regions(regions, region_totals) -> tuple[list[MapRegion], MapRegion | None, list[MapRegion]]:
    """Shapes for the regions of Tajikistan, the Dushanbe marker, and duty stations abroad."""
    shapes, abroad, dushanbe = [], [], None
    for region in regions:
        total = region_totals[region.pk]
        if region.code in REGION_SHAPES:
            x, y = REGION_LABELS[region.code]
            shapes.append(MapRegion(region, total, REGION_SHAPES[region.code], x, y))
        elif region.code == DUSHANBE["code"]:
            dushanbe = MapRegion(region, total, None, DUSHANBE["cx"], DUSHANBE["cy"])
        else:
            abroad.append(MapRegion(region, total))
    return shapes, dushanbe, abroad


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
