"""Forms that help, on a phone (390 px wide), in Tajik: after a failed submit the error summary
has the focus (with and without JavaScript) and its links reach the fields; the password rules
are the password field's accessible description; long e-mail addresses and the staff numbers
table never make the page scroll sideways."""

import re
import uuid

from playwright.sync_api import expect

from tests.e2e.conftest import CHROMIUM, assert_accessible
from tests.e2e.test_coordinator import COORDINATOR, log_in_with_totp

PHONE = {"width": 390, "height": 844}
PASSPHRASE = "a-long-trainee-passphrase"
DESCRIPTIONS = """field => (field.getAttribute('aria-describedby') || '').split(/\\s+/).filter(Boolean)
    .map(id => { const e = document.getElementById(id); return e ? e.textContent.trim() : null; })"""


def long_email() -> str:
    # One unbreakable word, as long as a real official's address can be (55 characters).
    return f"nodirayusupova{uuid.uuid4().hex[:8]}.borderguard@frontlinetraining.tj"


def assert_no_sideways_scroll(page, what: str) -> None:
    widths = page.evaluate("() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]")
    assert widths[0] <= widths[1], f"{what} ({page.url}) is {widths[0]} px wide in a {widths[1]} px window"


def phone_page(new_page):
    page = new_page(locale="tg-TJ")
    page.set_viewport_size(PHONE)
    return page


def submit_weak_signup(page, email: str) -> None:
    page.goto("/tg/accounts/signup/")
    page.locator("input[name=email]").fill(email)
    page.locator("input[name=password1]").fill("12345")
    page.locator("input[name=password2]").fill("12345")
    page.locator("main form button[type=submit]").click()
    page.wait_for_load_state()


def test_failed_signup_puts_the_focus_on_the_error_summary(new_page):
    page = phone_page(new_page)
    submit_weak_signup(page, long_email())

    summary = page.locator(".error-summary")
    expect(summary).to_be_focused()
    assert summary.locator("h2").inner_text() == "Хатогиҳо ёфт шуданд"
    assert summary.locator("a").evaluate_all("links => links.map(a => a.getAttribute('href'))") == [
        "#id_full_name",
        "#id_agency",
        "#id_region",
        "#id_password1",
    ]
    main = page.locator("main").inner_text()
    assert "This password" not in main and "Ин парол хеле кӯтоҳ аст." in main
    assert_no_sideways_scroll(page, "sign-up with errors")
    assert_accessible(page, "sign-up with errors")

    # The browser's own parse: the rules and the errors are what the password field is described by.
    descriptions = page.locator("#id_password1").evaluate(DESCRIPTIONS)
    assert len(descriptions) == 2 and all(descriptions), descriptions
    assert descriptions[0].startswith("Пароли шумо бояд на камтар аз 8 аломат")

    # A link in the summary moves the focus to its field and shows the field's label.
    summary.locator("a[href='#id_password1']").click()
    expect(page.locator("#id_password1")).to_be_focused()
    label_top = page.locator("label[for=id_password1]").evaluate("label => label.getBoundingClientRect().top")
    assert 0 <= label_top < PHONE["height"], label_top


def test_error_summary_takes_the_focus_without_javascript(browser, site):
    assert CHROMIUM.exists()
    context = browser.new_context(base_url=site.base_url, locale="tg-TJ", viewport=PHONE, java_script_enabled=False)
    try:
        page = context.new_page()
        submit_weak_signup(page, long_email())
        expect(page.locator(".error-summary")).to_be_focused()
        page.locator(".error-summary a[href='#id_full_name']").click()
        expect(page.locator("#id_full_name")).to_be_focused()
    finally:
        context.close()


def test_long_email_address_wraps_on_every_account_page(site, new_page):
    page = phone_page(new_page)
    email = long_email()
    page.goto("/tg/accounts/signup/")
    page.locator("input[name=email]").fill(email)
    page.locator("input[name=full_name]").fill("Нодира Юсупова")
    page.locator("select[name=agency]").select_option(index=1)
    page.locator("select[name=region]").select_option(index=1)
    page.locator("input[name=password1]").fill(PASSPHRASE)
    page.locator("input[name=password2]").fill(PASSPHRASE)
    page.locator("main form button[type=submit]").click()
    page.wait_for_url(re.compile(r"/accounts/confirm-email/$"))
    assert_no_sideways_scroll(page, "check your e-mail")

    link = re.search(r"https?://\S+/accounts/confirm-email/\S+/", site.mail_to(email).get_content()).group(0)
    page.goto(link)
    assert email in page.locator("main").inner_text()
    assert_no_sideways_scroll(page, "confirm your e-mail")
    page.locator("main form button[type=submit]").click()
    page.wait_for_load_state()

    for what, path in (
        ("profile", "accounts/profile/"),
        ("my data", "accounts/my-data/"),
        ("e-mail address", "accounts/email/"),
    ):
        page.goto(f"/tg/{path}")
        assert page.locator("html").get_attribute("lang") == "tg"
        if what == "profile":
            assert email in page.locator("main").inner_text()
        assert_no_sideways_scroll(page, what)

    # A failed erasure request: the summary, on a phone, in Tajik.
    page.goto("/tg/accounts/my-data/")
    page.locator("form[action*='/erase/'] button[type=submit]").click()
    page.wait_for_load_state()
    expect(page.locator(".error-summary")).to_be_focused()
    assert_no_sideways_scroll(page, "my data with errors")


def test_staff_numbers_scroll_inside_their_box_only(new_page):
    page = phone_page(new_page)
    log_in_with_totp(page, COORDINATOR)
    page.goto("/tg/reports/headcounts/")

    assert_no_sideways_scroll(page, "staff numbers")
    scroller = page.locator(".table-scroll").first
    sizes = scroller.evaluate("box => [box.scrollWidth, box.clientWidth]")
    assert sizes[0] > sizes[1], "the table is wider than the phone and scrolls in its box"
    assert scroller.get_attribute("role") == "region" and scroller.get_attribute("tabindex") == "0"
    assert scroller.get_attribute("aria-label")
    assert_accessible(page, "staff numbers on a phone")

    # The keyboard reaches the box and scrolls it; the page itself stays put.
    scroller.focus()
    page.keyboard.press("ArrowRight")
    page.keyboard.press("End")
    expect(scroller).to_be_focused()
    assert page.evaluate("() => window.scrollX") == 0
