"""The language switcher in a real browser: a phone set to Russian opens a Tajik link (as
invitation links are) and switches to Russian, then English; a tab left open in Tajik still
switches afterwards."""

import re

from tests.e2e.conftest import assert_accessible

COURSE = "/courses/identifying-victims/"


def choose(page, language: str) -> None:
    with page.expect_navigation():
        page.locator(f".language-switcher button[value={language}]").click()


def test_a_russian_browser_switches_a_tajik_page(new_page):
    page = new_page(locale="ru-RU")
    page.goto("/tg/verify/")
    assert page.locator("html").get_attribute("lang") == "tg"

    choose(page, "ru")

    assert re.search(r"/ru/verify/$", page.url)
    assert page.locator("html").get_attribute("lang") == "ru"
    assert page.locator(".language-switcher button[value=ru]").get_attribute("aria-current") == "true"
    assert_accessible(page, "verification form after switching to Russian")

    choose(page, "en")

    assert re.search(r"/en/verify/$", page.url)
    assert page.locator("html").get_attribute("lang") == "en"


def test_a_tab_left_open_in_the_old_language_still_switches(new_page):
    page = new_page(locale="ru-RU")
    page.goto(f"/tg{COURSE}")
    tajik_title = page.locator("main h1").inner_text()
    other_tab = page.context.new_page()
    other_tab.goto("/tg/verify/")

    choose(page, "ru")
    assert page.url.endswith(f"/ru{COURSE}")
    assert page.locator("main h1").inner_text() != tajik_title

    # The cookie now says Russian; the other tab still shows the Tajik page.
    choose(other_tab, "en")

    assert other_tab.url.endswith("/en/verify/")
    assert other_tab.locator("html").get_attribute("lang") == "en"
