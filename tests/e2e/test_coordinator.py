"""A training coordinator signs in with a second factor, reads coverage, drills down, exports."""

import csv
import io
import re
import time

from demo.seed import DEMO_TOTP_SECRET
from demo.totp import current_code
from tests.e2e.conftest import assert_accessible, log_in

COORDINATOR = "coordinator@frontline.test"
REPORT_PAGES = {
    "coverage dashboard": "reports/",
    "staff numbers": "reports/headcounts/",
    "invitations upload": "reports/invitations/",
}


_USED_WINDOWS: set[int] = set()


def current_totp_code() -> str:
    # A code is accepted once: wait for a 30-second window no sign-in of this run has used, and
    # step into the next one if this one is nearly over.
    while int(time.time() // 30) in _USED_WINDOWS or 30 - time.time() % 30 < 3:
        time.sleep(0.5)
    _USED_WINDOWS.add(int(time.time() // 30))
    return current_code(secret=DEMO_TOTP_SECRET)


def log_in_with_totp(page, email: str) -> None:
    log_in(page, email)
    page.wait_for_url(re.compile(r"/accounts/2fa/authenticate/"))
    assert_accessible(page, "two-factor code")
    page.locator("input[name=code]").fill(current_totp_code())
    page.locator("main form button[type=submit]").first.click()
    page.wait_for_load_state()
    assert "/2fa/" not in page.url, "the authenticator code was refused"


def matrix_cell_link(page, agency: str, region: str):
    """The link in the matrix cell at the agency's row and the region's column."""
    headers = page.locator("table.matrix thead th").all_inner_texts()
    column = next(i for i, text in enumerate(headers) if region in text)
    row = page.locator("table.matrix tbody tr").filter(has=page.locator("th", has_text=agency))
    return row.locator("th, td").nth(column).locator("a")


def test_coordinator_reads_coverage_drills_into_a_cell_and_exports_it(site, new_page):
    page = new_page()
    log_in_with_totp(page, COORDINATOR)

    page.goto("/en/reports/")
    assert page.locator("table.matrix").is_visible()
    assert page.locator("svg").count() >= 1, "the dashboard shows its map and chart"
    assert_accessible(page, "coverage dashboard")

    matrix_cell_link(page, "Border Troops", "GBAO").click()
    page.wait_for_url(re.compile(r"/reports/trainees/\?"))
    drill_down = page.url
    assert_accessible(page, "drill-down")
    assert "Дилшод Раҳимов" in page.locator("table").inner_text()

    with page.expect_download() as download_info:
        page.get_by_role("link", name="Export CSV").click()
    download = download_info.value
    assert download.suggested_filename.endswith(".csv")
    rows = list(csv.reader(io.StringIO(open(download.path(), encoding="utf-8-sig").read())))
    # The header and the cell's two trainees: the demo trainee and a colleague of the programme demo.
    assert len(rows) == 3, rows
    names = {row[0] for row in rows[1:]}
    assert names == {"Дилшод Раҳимов", "Фирӯз Шарипов"}, names

    # The same pages, in Tajik, pass the same accessibility checks.
    for name, path in REPORT_PAGES.items():
        for language in ("en", "tg"):
            page.goto(f"/{language}/{path}")
            assert page.locator("html").get_attribute("lang") == language
            assert_accessible(page, f"{name} ({language})")
    page.goto(drill_down.replace("/en/", "/tg/", 1))
    assert "Дилшод Раҳимов" in page.locator("main").inner_text()
    assert_accessible(page, "drill-down (tg)")

    # An invitation list with one good row and one bad one: every row is shown before sending.
    invitations = (
        "full_name,email,agency,region\n"
        "Нигина Раҳимова,nigina@example.org,border-troops,gbao\n"
        "Без почты,not-an-address,border-troops,gbao\n"
    ).encode()
    for language in ("en", "tg"):
        page.goto(f"/{language}/reports/invitations/")
        # On a phone the column tables scroll in their own boxes, which a keyboard must reach.
        page.set_viewport_size({"width": 390, "height": 844})
        assert_accessible(page, f"invite trainees at phone width ({language})")
        page.set_viewport_size({"width": 1280, "height": 720})
        page.locator("main input[type=file]").set_input_files(
            {"name": "trainees.csv", "mimeType": "text/csv", "buffer": invitations}
        )
        page.locator("main form button[type=submit]").click()
        page.wait_for_url(re.compile(r"/reports/invitations/\d+/"))
        assert [text.strip() for text in page.locator(".kpi-value").all_inner_texts()[:2]] == ["1", "1"]
        assert_accessible(page, f"invitation preview ({language})")


# Every text drawn in the dashboard's map and chart: its size on screen (the font size times the
# SVG's scale), its box, and the box of the SVG that would clip it.
SVG_TEXTS = """() => [...document.querySelectorAll("svg.map text, svg.chart text")]
  .filter((text) => text.getClientRects().length)
  .map((text) => {
    const svg = text.ownerSVGElement, box = text.getBoundingClientRect(), frame = svg.getBoundingClientRect();
    return {
      text: text.textContent, svg: svg.getAttribute("class"),
      size: parseFloat(getComputedStyle(text).fontSize) * svg.getScreenCTM().a,
      box: [box.left, box.top, box.right, box.bottom], frame: [frame.left, frame.top, frame.right, frame.bottom],
    };
  })"""


def _overlap(a, b) -> bool:
    return a[0] < b[2] - 0.5 and b[0] < a[2] - 0.5 and a[1] < b[3] - 0.5 and b[1] < a[3] - 0.5


def test_dashboard_map_and_chart_read_on_a_phone(site, new_page):
    """At 390 px, in Tajik (the longest names): every figure and month of the map and chart
    prints at 11 CSS px or more, inside its SVG and clear of the others; the region table and
    the monthly figures (no script needed) say the rest."""
    page = new_page(locale="tg-TJ")
    page.set_viewport_size({"width": 390, "height": 844})
    log_in_with_totp(page, COORDINATOR)
    page.goto("/tg/reports/")

    texts = page.evaluate(SVG_TEXTS)
    assert {text["svg"] for text in texts} == {"map", "chart"}
    assert len([text for text in texts if text["svg"] == "chart"]) >= 12 + 1  # the months and the axis
    for text in texts:
        assert text["size"] >= 11, f"{text['text']!r} prints at {text['size']:.1f} px"
        left, top, right, bottom = text["box"]
        frame = text["frame"]
        assert left >= frame[0] - 0.5 and right <= frame[2] + 0.5, f"{text['text']!r} is cut at the side"
        assert top >= frame[1] - 0.5 and bottom <= frame[3] + 0.5, f"{text['text']!r} is cut at the top or bottom"
    for index, text in enumerate(texts):
        for other in texts[index + 1 :]:
            assert not _overlap(text["box"], other["box"]), f"{text['text']!r} overlaps {other['text']!r}"

    regions = page.locator("table.region-coverage tbody tr")
    assert regions.count() == 5
    assert "Вилояти Мухтори Кӯҳистони Бадахшон (ВМКБ)" in regions.all_inner_texts()[2]
    table = page.locator("table.region-coverage").bounding_box()
    assert table["x"] >= 0 and table["x"] + table["width"] <= 390, "the region table fits the phone"

    page.locator("details.chart-figures summary").click()
    to_date = page.locator("details.chart-figures tr.to-date")
    assert to_date.is_visible() and "то имрӯз" in to_date.inner_text()
    assert_accessible(page, "coverage dashboard on a phone (tg)")
