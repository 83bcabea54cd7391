"""A new trainee, from sign-up to a verified certificate, in a real browser and keyboard only
where it matters most: the assessment."""

import re
import subprocess
import uuid

from pypdf import PdfReader

from tests.e2e.conftest import assert_accessible

COURSE_PATH = "/en/courses/identifying-victims/"


def sign_up(page, site, *, email: str, language: str = "en") -> None:
    page.goto(f"/{language}/accounts/signup/")
    assert_accessible(page, "sign-up")
    page.locator("input[name=email]").fill(email)
    page.locator("input[name=full_name]").fill("Фарух Назаров")
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


def complete_every_lesson(page) -> int:
    page.goto(COURSE_PATH)
    assert_accessible(page, "course page")
    page.get_by_role("button", name="Start the course").click()
    lessons = 0
    while True:
        page.wait_for_load_state()
        if lessons == 0:
            assert_accessible(page, "lesson page")
        button = page.get_by_role("button", name=re.compile(r"^Mark as complete"))
        label = button.inner_text()
        button.click()
        lessons += 1
        if label == "Mark as complete":  # the last lesson: there is nothing to continue to
            return lessons


def focused(page) -> dict:
    return page.evaluate(
        "() => { const e = document.activeElement;"
        " return {tag: e.tagName, type: e.type || '', name: e.name || '', value: e.value || '', checked: !!e.checked}; }"
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
    subprocess.run(["pdftoppm", "-png", "-r", "200", "-singlefile", str(pdf_path), str(workdir / "certificate")], check=True)
    result = subprocess.run(
        ["zbarimg", "--quiet", "--raw", str(workdir / "certificate.png")], capture_output=True, text=True, check=True
    )
    return result.stdout.strip()


def test_trainee_signs_up_learns_passes_and_verifies_the_certificate(site, new_page, downloads_dir):
    page = new_page()
    email = f"trainee-{uuid.uuid4().hex[:8]}@example.org"
    sign_up(page, site, email=email)
    assert "/learning/" in page.url, "confirming the address logs the trainee in"
    assert_accessible(page, "my learning (new trainee)")

    assert complete_every_lesson(page) == 5
    page.goto(COURSE_PATH)
    page.get_by_role("link", name="Go to the assessment").click()
    assert_accessible(page, "assessment page")
    page.get_by_role("button", name="Start the assessment").click()
    page.wait_for_url(re.compile(r"/attempts/\d+/"))
    assert_accessible(page, "assessment questions")
    attempt_id = re.search(r"/attempts/(\d+)/", page.locator("form.assessment-form").get_attribute("action")).group(1)
    answer_with_keyboard(page, site.oracle("answers", attempt_id))
    page.wait_for_load_state()
    assert page.get_by_text("You passed").count() or page.get_by_text("passed", exact=False).count()
    assert_accessible(page, "assessment result")

    page.get_by_role("link", name="Get your certificate").click()
    assert_accessible(page, "my certificates")
    with page.expect_download() as download_info:
        page.get_by_role("link", name="Download PDF").first.click()
    pdf_path = downloads_dir / "certificate.pdf"
    download_info.value.save_as(pdf_path)
    text = PdfReader(pdf_path).pages[0].extract_text()
    assert "Фарух Назаров" in text

    verification_url = qr_code_text(pdf_path, downloads_dir)
    assert verification_url.startswith(site.base_url + "/"), verification_url
    public = new_page()  # a border official checking the paper: not logged in
    public.goto(verification_url)
    assert_accessible(public, "verification result")
    body = public.locator("main").inner_text()
    assert "Valid" in body or "valid" in body
    assert "Фарух Назаров" in body
