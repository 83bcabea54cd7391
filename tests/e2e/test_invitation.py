"""An invited trainee arrives, on a phone, in Tajik: the coordinator sends the invitation, the
trainee opens the e-mail's link, sets a password, is signed in on the welcome page with the
agency's required courses, starts the first one; signed out, the header offers "Log in", not
"Sign up"; the link, used once, says it no longer works.
"""

import re
import uuid

from django.utils import translation

from tests.e2e.conftest import assert_accessible
from tests.e2e.test_coordinator import COORDINATOR, log_in_with_totp

PHONE = {"width": 390, "height": 844}
PASSWORD = "a-long-trainee-passphrase"


def tajik(text: str) -> str:
    with translation.override("tg"):
        return translation.gettext(text)


def invite(page, email: str) -> None:
    log_in_with_totp(page, COORDINATOR)
    page.goto("/en/reports/invitations/")
    page.locator("main input[type=file]").set_input_files(
        {
            "name": "trainees.csv",
            "mimeType": "text/csv",
            "buffer": (
                f"full_name,email,agency,region,position,language\nЗарина Раҳимова,{email},border-troops,gbao,,tg\n"
            ).encode(),
        }
    )
    page.locator("main form button[type=submit]").click()
    page.wait_for_url(re.compile(r"/reports/invitations/\d+/"))
    page.locator("main form.inline-form button[type=submit]").click()
    page.wait_for_load_state()


def fits_the_screen(page) -> bool:
    return page.evaluate("() => document.documentElement.scrollWidth <= window.innerWidth")


def test_an_invited_trainee_sets_a_password_and_is_welcomed_on_a_phone_in_tajik(site, new_page):
    email = f"invitee-{uuid.uuid4().hex[:8]}@example.org"
    invite(new_page(), email)
    message = site.mail_to(email)
    link = re.search(r"https?://\S+/accounts/invitation/\S+/", message.get_content()).group(0)
    assert "/tg/" in link

    page = new_page(locale="ru-RU")  # a phone set to Russian: the link still opens in Tajik
    page.set_viewport_size(PHONE)
    page.goto(link)
    assert page.locator("html").get_attribute("lang") == "tg"
    assert page.locator("main h1").inner_text() == tajik("Set your password") != "Set your password"
    assert email in page.locator("main").inner_text()
    assert page.locator("header a[href$='/accounts/signup/']").count() == 0, "they have an account"
    assert fits_the_screen(page)
    assert_accessible(page, "set your password (tg, phone)")

    page.locator("input[name=password1]").fill(PASSWORD)
    page.locator("input[name=password2]").fill(PASSWORD)
    page.locator("main form button[type=submit]").click()
    page.wait_for_url(re.compile(r"/tg/learning/welcome/$"))
    assert page.locator("main h1").inner_text() == tajik("Welcome to Frontline")
    courses = page.locator(".welcome-courses li")
    assert courses.count() == 4, "Border Troops require the four seed courses"
    assert (
        tajik("about %(hours)s h %(minutes)s min") % {"hours": 6, "minutes": 40}
        in page.locator(".welcome-summary").inner_text()
    )
    start = page.locator("form.welcome-start button")
    assert start.is_visible()
    box = start.bounding_box()
    assert box["x"] >= 0 and box["x"] + box["width"] <= PHONE["width"]
    assert fits_the_screen(page)
    assert_accessible(page, "welcome (tg, phone)")

    start.click()
    page.wait_for_load_state()
    assert page.locator("main form[action*='/complete/']").count() == 1, "the first lesson is open"

    page.goto("/tg/learning/")
    page.locator("header form[action*='logout'] button").click()
    page.wait_for_load_state()
    page.goto("/tg/")
    assert page.locator("header a[href$='/accounts/signup/']").count() == 0
    assert "button" in page.locator("header a[href$='/accounts/login/']").get_attribute("class")

    replay = new_page(locale="tg-TJ")
    replay.set_viewport_size(PHONE)
    replay.goto(link)
    assert replay.locator("main h1").inner_text() == tajik("This link no longer works")
    assert replay.locator("main a[href$='/accounts/password/reset/']").count() == 1
    assert_accessible(replay, "used invitation link (tg, phone)")
