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


def current_totp_code() -> str:
    # A code is accepted once; step into a fresh 30-second window if this one is nearly over.
    if 30 - time.time() % 30 < 3:
        time.sleep(30 - time.time() % 30 + 0.5)
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
    assert len(rows) == 2, rows  # the header and the one trainee of that cell
    assert "Дилшод Раҳимов" in rows[1]

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
        page.locator("main input[type=file]").set_input_files(
            {"name": "trainees.csv", "mimeType": "text/csv", "buffer": invitations}
        )
        page.locator("main form button[type=submit]").click()
        page.wait_for_url(re.compile(r"/reports/invitations/\d+/"))
        assert [text.strip() for text in page.locator(".kpi-value").all_inner_texts()[:2]] == ["1", "1"]
        assert_accessible(page, f"invitation preview ({language})")
