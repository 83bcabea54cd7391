"""A new trainee, from sign-up to a verified certificate, in a real browser, in English and in
Tajik, answering the assessment with the keyboard alone.

Controls are found by their place in the page rather than by their (translated) labels, so the
same steps run in every language.
"""

import re
import subprocess
import uuid

import pytest
from pypdf import PdfReader

from tests.e2e.conftest import assert_accessible

COURSE_SLUG = "identifying-victims"
FULL_NAME = "Фарух Назаров"


def sign_up(page, site, *, email: str, language: str = "en") -> None:
    page.goto(f"/{language}/accounts/signup/")
    assert_accessible(page, "sign-up")
    page.locator("input[name=email]").fill(email)
    page.locator("input[name=full_name]").fill(FULL_NAME)
    page.locator("select[name=agency]").select_option(index=1)
    page.locator("select[name=region]").select_option(index=1)
    page.locator("input[name=position]").fill("Inspector")
    page.locator("input[name=password1]").fill("a-long-trainee-passphrase")
    page.locator("input[name=password2]").fill("a-long-trainee-passphrase")
    page.locator("main form button[type=submit]").click()
    page.wait_for_url(re.compile(r"/accounts/confirm-email/$"))
    assert_accessible(page, "check your e-mail")

    message = site.mail_to(email)
    link = re.search(r"https?://\S+/accounts/confirm-email/\S+/", message.get_content()).group(0)
    page.goto(link)
    assert_accessible(page, "confirm e-mail")
    page.locator("main form button[type=submit]").click()
    page.wait_for_load_state()


def complete_every_lesson(page, language: str) -> int:
    page.goto(f"/{language}/courses/{COURSE_SLUG}/")
    assert_accessible(page, f"course page ({language})")
    page.locator("main form[action*='/start/'] button").click()
    lessons = 0
    while True:
        page.wait_for_load_state()
        if lessons == 0:
            assert_accessible(page, f"lesson page ({language})")
        is_last = page.locator("a[rel=next]").count() == 0
        page.locator("main form[action*='/complete/'] button").click()
        lessons += 1
        if is_last:
            return lessons


def focused(page) -> dict:
    return page.evaluate(
        "() => { const e = document.activeElement;"
        " return {tag: e.tagName, type: e.type || '', name: e.name || '',"
        " value: e.value || '', checked: !!e.checked}; }"
    )


def answer_with_keyboard(page, answers: dict[str, list[str]]) -> None:
    """Tab through the form as a keyboard user does; arrows pick radios, Space ticks boxes."""
    answered = set()
    for _ in range(400):
        page.keyboard.press("Tab")
        element = focused(page)
        if element["tag"] == "BUTTON" and element["type"] == "submit" and element["name"] == "":
            if page.evaluate("() => !!document.activeElement.closest('form.assessment-form')"):
                assert answered == set(answers), f"not every question was reached: {set(answers) - answered}"
                with page.expect_navigation():
                    page.keyboard.press("Enter")
                return
            continue
        if not element["name"].startswith("q-"):
            continue
        question = element["name"][2:]
        wanted = answers[question]
        if element["type"] == "checkbox":
            if (element["value"] in wanted) != element["checked"]:
                page.keyboard.press("Space")
        elif element["type"] == "radio":
            for _ in range(10):
                if focused(page)["value"] in wanted:
                    page.keyboard.press("Space")
                    break
                page.keyboard.press("ArrowDown")
        answered.add(question)
    raise AssertionError("the submit button was never reached with the Tab key")


def qr_code_text(pdf_path, workdir) -> str:
    """What a phone camera reads from the certificate's QR code."""
    subprocess.run(
        ["pdftoppm", "-png", "-r", "200", "-singlefile", str(pdf_path), str(workdir / "certificate")], check=True
    )
    result = subprocess.run(
        ["zbarimg", "--quiet", "--raw", str(workdir / "certificate.png")], capture_output=True, text=True, check=True
    )
    return result.stdout.strip()


QUESTION_BOXES = """() => [...document.querySelectorAll('fieldset.question')].map((card) => {
    const box = card.getBoundingClientRect();
    const text = card.querySelector('legend').getBoundingClientRect();
    const border = parseFloat(getComputedStyle(card).borderTopWidth);
    return {top: text.top - (box.top + border), right: box.right - text.right, left: text.left - box.left};
})"""


def assert_questions_inside_their_cards(page):
    """Long questions (Tajik ones on a phone) wrap inside the card, never across its border."""
    desktop = page.viewport_size
    for width in (390, desktop["width"]):
        page.set_viewport_size({"width": width, "height": 844})
        boxes = page.evaluate(QUESTION_BOXES)
        assert boxes
        outside = [box for box in boxes if min(box.values()) < 0]
        assert outside == [], f"{len(outside)} of {len(boxes)} questions cross their card at {width} px"
    page.set_viewport_size(desktop)


@pytest.mark.parametrize("language", ["en", "tg"])
def test_trainee_signs_up_learns_passes_and_verifies_the_certificate(site, new_page, downloads_dir, language):
    page = new_page()
    email = f"trainee-{language}-{uuid.uuid4().hex[:8]}@example.org"
    sign_up(page, site, email=email, language=language)
    assert f"/{language}/learning/" in page.url, "confirming the address logs the trainee in"
    assert page.locator("html").get_attribute("lang") == language
    assert_accessible(page, f"my learning, new trainee ({language})")

    assert complete_every_lesson(page, language) == 5
    page.goto(f"/{language}/courses/{COURSE_SLUG}/")
    page.locator(".assessment-teaser a.button").click()
    assert_accessible(page, f"assessment page ({language})")
    page.locator("main form button[type=submit]").click()
    page.wait_for_url(re.compile(r"/attempts/\d+/"))
    assert_accessible(page, f"assessment questions ({language})")
    assert_questions_inside_their_cards(page)
    attempt_id = re.search(r"/attempts/(\d+)/", page.locator("form.assessment-form").get_attribute("action")).group(1)
    answer_with_keyboard(page, site.oracle("answers", attempt_id))
    assert page.locator(".score-card.passed").is_visible(), "every answer was right, so the trainee passed"
    assert page.locator(".score").inner_text() == "100%"
    assert_accessible(page, f"assessment result ({language})")

    page.locator(f"main a[href='/{language}/certificates/']").click()
    # The site's worker renders the PDF; until it is stored the page says the certificate is
    # being prepared and reloads itself (a meta refresh), and then offers the download.
    page.locator("main a[href$='/pdf/']").first.wait_for(timeout=90_000)
    assert_accessible(page, f"my certificates ({language})")
    with page.expect_download() as download_info:
        page.locator("main a[href$='/pdf/']").first.click()
    pdf_path = downloads_dir / "certificate.pdf"
    download_info.value.save_as(pdf_path)
    assert FULL_NAME in PdfReader(pdf_path).pages[0].extract_text()

    verification_url = qr_code_text(pdf_path, downloads_dir)
    assert verification_url.startswith(site.base_url + "/"), verification_url
    public = new_page(locale="tg-TJ" if language == "tg" else "en-GB")  # an official checking the paper
    public.goto(verification_url)
    assert public.locator(".verdict-valid").is_visible()
    assert FULL_NAME in public.locator("main").inner_text()
    assert_accessible(public, f"verification result ({language})")
