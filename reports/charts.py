"""Geometry for the dashboard's inline SVG: a schematic map of the country's regions and a
monthly bar chart. Computed here, printed by templates; no external tiles or scripts.

The map's shapes are data: each region's outline, label position or marker comes from the
country pack (``accounts.country_packs``), matched by region code."""

from dataclasses import dataclass
from datetime import date

from accounts.country_packs import CountryPack, current_pack

# The map prints only each region's figure, large enough to read on a phone: the view box is
# 400 units wide and shows about 320 CSS px wide at 390 px, so 17 units print at about 13.5 px.
# Names would not fit inside the outlines at that size; the table beside the map gives them.
# A shape's figure starts at the pack's label point, where the pack leaves room for a label.


@dataclass(frozen=True)
class MapRegion:
    region: object  # accounts.models.Region
    total: object  # reports.selectors.Cell
    path: str | None = None
    label_x: float = 0
    label_y: float = 0

    # Where a marker's name went under its dot (kept for packs' tests of positions).
    @property
    def caption_x(self) -> float:
        return self.label_x - 20

    @property
    def caption_y(self) -> float:
        return self.label_y + 26

    # A marker's figure goes left of its dot, inside the shape the dot lies in, not across an outline.
    @property
    def figure_x(self) -> float:
        return self.label_x - 15

    @property
    def figure_y(self) -> float:
        return self.label_y + 6


@dataclass(frozen=True)
class CountryMap:
    """The pack's ``view_box``; ``shapes`` drawn as outlines, ``markers`` as points, and the
    regions the pack does not draw (duty stations abroad, places added in the admin) ``unmapped``."""

    view_box: str
    shapes: list[MapRegion]
    markers: list[MapRegion]
    unmapped: list[MapRegion]

    @property
    def drawn(self) -> list[MapRegion]:
        """The regions on the map, for the table that names them beside it."""
        return self.shapes + self.markers


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
    month: date
    value: int
    x: float
    y: float
    width: float
    height: float
    to_date: bool = False  # the current month, counted up to today

    label_y: float = 0  # the month name's baseline: alternate months a line lower, so the names fit

    @property
    def label_x(self) -> float:
        return self.x + self.width / 2


@dataclass(frozen=True)
class Tick:
    value: int
    y: float

    @property
    def label_y(self) -> float:
        return self.y + 4  # the figure's baseline, so it sits level with its grid line


@dataclass(frozen=True)
class BarChart:
    """Monthly bars in a ``width`` x ``height`` view box: a gutter on the left for the axis
    values (so no figure sits on a bar), the bars above ``baseline``, month names under it on
    two alternating lines.

    Sized for a phone: at 390 px the view box is drawn about 325 px wide, so the 14-unit text
    (site.css) shows at about 12.5 CSS px, and each month name has two bars' width."""

    bars: list[Bar]
    ticks: list[Tick]
    maximum: int
    width: int
    height: int
    baseline: float
    gutter: float

    @property
    def view_box(self) -> str:
        return f"0 0 {self.width} {self.height}"

    @property
    def total(self) -> int:
        return sum(bar.value for bar in self.bars)

    @property
    def current(self) -> Bar | None:
        return next((bar for bar in self.bars if bar.to_date), None)


def nice_ceiling(value: int) -> int:
    """The smallest round number (1, 2, 2.5, 3, 4, 5, 6 or 8 x 10^n, whole) at or above ``value``:
    the top of the axis, so the tallest bar fills most of the height."""
    if value <= 0:
        return 0
    magnitude = 1
    while magnitude * 10 < value:
        magnitude *= 10
    steps = (1, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10)
    return next(int(step * magnitude) for step in steps if step * magnitude >= value and step * magnitude % 1 == 0)


def bar_chart(series, *, today: date, width: int = 360, height: int = 210, gutter: int = 42, gap: int = 5) -> BarChart:
    """Bars for (month, count) pairs, scaled to a round axis maximum; the bar of ``today``'s
    month is marked as counted to date."""
    # Month names hang below the baseline on two lines 18 units apart (a 14-unit line of text
    # is about 16.5 units high), and the last one needs room to the right of its bar's middle.
    top, baseline, right = 14, height - 44, 8
    plot_height = baseline - top
    peak = max((value for _month, value in series), default=0)
    maximum = nice_ceiling(peak)
    slot = (width - gutter - right) / max(len(series), 1)
    current = today.replace(day=1)
    bars = []
    for index, (month, value) in enumerate(series):
        bar_height = (plot_height * value / maximum) if maximum else 0
        bars.append(
            Bar(
                month=month,
                value=value,
                x=gutter + index * slot + gap / 2,
                y=baseline - bar_height,
                width=slot - gap,
                height=bar_height,
                to_date=month == current,
                label_y=baseline + (16 if index % 2 == 0 else 34),
            )
        )
    ticks = [Tick(0, baseline)]
    if maximum and maximum % 2 == 0:
        ticks.append(Tick(maximum // 2, baseline - plot_height / 2))
    if maximum:
        ticks.append(Tick(maximum, top))
    return BarChart(
        bars=bars,
        ticks=ticks,
        maximum=maximum,
        width=width,
        height=height,
        baseline=baseline,
        gutter=gutter,
    )
