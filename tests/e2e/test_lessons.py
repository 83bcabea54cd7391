"""Lessons on a phone, with and without JavaScript, and on paper: the outline within the first
screen, knowledge checks that answer, checklists whose ticks are kept, and a print that is
only the lesson."""

import io
import re
import unicodedata

from pypdf import PdfReader

from tests.e2e.conftest import assert_accessible, log_in

TRAINEE = "trainee@frontline.test"
COURSE = "/en/courses/identifying-victims/"
DEFINITION = COURSE + "the-definition/"  # knowledge checks and a legal provision with a link
INDICATORS = COURSE + "general-indicators/"  # an indicator checklist
PHONE = {"width": 390, "height": 844}


def phone_page(new_page):
    page = new_page()
    page.set_viewport_size(PHONE)
    log_in(page, TRAINEE)
    return page


def test_outline_summary_is_within_the_first_phone_screen(new_page):
    page = phone_page(new_page)
    page.goto(DEFINITION)
    summary = page.locator(".lesson-outline > summary")
    box = summary.bounding_box()
    assert box["y"] + box["height"] <= PHONE["height"], "'In this course' is on the first screen"
    assert box["y"] < page.locator("main h1").bounding_box()["y"], "the outline comes before the lesson"
    assert "In this course" in summary.inner_text()
    assert re.search(r"\d of \d lessons complete", summary.inner_text())
    # Closed on a phone (the lesson text starts on the first screen); one tap opens it.
    assert not page.locator(".lesson-outline").evaluate("details => details.open")
    assert not page.locator(".lesson-outline ol.outline").is_visible()
    summary.click()
    assert page.locator(".lesson-outline ol.outline a[aria-current=page]").is_visible()
    position = page.locator(".lesson-position").text_content()  # shown in capitals: the source text
    assert "Lesson 1 of 5" in position
    assert re.search(r"Reading time: \d+ minutes", position)
    assert_accessible(page, "lesson with its outline open (phone)")


def test_outline_is_open_beside_the_text_on_a_wide_screen(new_page):
    page = new_page()
    page.set_viewport_size({"width": 1280, "height": 900})
    log_in(page, TRAINEE)
    page.goto(DEFINITION)
    assert page.locator(".lesson-outline").evaluate("details => details.open")
    outline, text = page.locator(".lesson-outline").bounding_box(), page.locator("article.lesson").bounding_box()
    assert outline["x"] > text["x"] + text["width"] - 1, "the outline sits to the right of the text"


def test_knowledge_check_reveals_the_explanation_without_navigating(new_page):
    page = phone_page(new_page)
    page.goto(DEFINITION)
    navigations = []
    page.on("framenavigated", lambda frame: navigations.append(frame.url))
    check = page.locator("[data-knowledge-check]").first
    explanation = check.locator(".kc-explanation")
    assert not explanation.is_visible()

    check.locator("button.kc-check").click()  # nothing chosen yet
    assert check.locator(".kc-verdict-missing").is_visible()
    assert not explanation.is_visible()

    wrong = check.locator(".kc-choice:not([data-correct]) input").first
    wrong.check()
    check.locator("button.kc-check").click()
    assert explanation.is_visible()
    assert check.locator(".kc-verdict-wrong").is_visible()
    assert check.locator(".kc-choice.is-chosen .kc-mark-wrong").is_visible()
    assert check.locator(".kc-choice[data-correct] .kc-mark-right").first.is_visible()

    check.locator(".kc-choice[data-correct] input").first.check()
    check.locator("button.kc-check").click()
    assert check.locator(".kc-verdict-right").is_visible()
    assert not check.locator(".kc-verdict-wrong").is_visible()
    assert not navigations, f"answering navigated to {navigations}"
    assert_accessible(page, "lesson with an answered knowledge check")


def test_knowledge_check_without_javascript_comes_back_marked(browser, site):
    context = browser.new_context(base_url=site.base_url, java_script_enabled=False, viewport=PHONE)
    try:
        page = context.new_page()
        log_in(page, TRAINEE)
        page.goto(DEFINITION)
        check = page.locator("[data-knowledge-check]").first
        check.locator(".kc-choice[data-correct] input").first.check()
        check.locator("button.kc-check").click()
        page.wait_for_load_state()
        assert re.search(r"\?check=[0-9a-f-]+&choice=\d#kc-", page.url)
        check = page.locator("[data-knowledge-check].is-answered")
        assert check.locator(".kc-explanation").is_visible()
        assert check.locator(".kc-verdict-right").is_visible()
        assert check.locator(".kc-choice[data-correct] input").first.is_checked()
        box = check.bounding_box()
        assert box["y"] < PHONE["height"], "the page comes back at the question"
    finally:
        context.close()


def test_checklist_ticks_survive_a_reload(new_page):
    page = phone_page(new_page)
    page.goto(INDICATORS)
    checklist = page.locator("[data-checklist]").first
    assert checklist.locator("[data-checklist-note-saved]").is_visible()
    assert not checklist.locator("[data-checklist-note-plain]").is_visible()
    boxes = checklist.locator("input[type=checkbox]")
    assert boxes.count() > 3
    checklist.locator("label").nth(2).click()  # the label ticks its box
    boxes.nth(0).check()
    page.reload()
    checklist = page.locator("[data-checklist]").first
    boxes = checklist.locator("input[type=checkbox]")
    assert [boxes.nth(i).is_checked() for i in range(4)] == [True, False, True, False]

    checklist.locator("[data-checklist-clear]").click()
    page.reload()
    boxes = page.locator("[data-checklist]").first.locator("input[type=checkbox]")
    assert not any(boxes.nth(i).is_checked() for i in range(boxes.count()))
    assert_accessible(page, "lesson with a checklist")


def test_print_shows_only_the_lesson(new_page):
    page = new_page()
    log_in(page, TRAINEE)
    page.goto(DEFINITION)
    page.emulate_media(media="print")
    for hidden in (".site-header", ".site-footer", ".lesson-outline", ".lesson-footer", "button.kc-check"):
        assert not page.locator(hidden).first.is_visible(), f"{hidden} is printed"
    source = page.locator(".print-source")
    assert source.is_visible()
    assert source.inner_text().endswith(DEFINITION)
    # The demo lessons link nowhere outside the site; an editor's link to a law is like this one.
    page.locator(".legal-provision").first.evaluate(
        """section => section.insertAdjacentHTML('beforeend',
            '<p><a id="official-text" href="https://www.un.org/protocol">Read the official text</a></p>')"""
    )
    after = page.locator("#official-text").evaluate("a => getComputedStyle(a, '::after').content")
    assert "https://www.un.org/protocol" in after, "an external link's address is printed after it"
    internal = page.locator(".print-source + .lesson-layout a, article.lesson a[href^='/']").first
    assert internal.evaluate("a => getComputedStyle(a, '::after').content") in ("none", "normal")

    pdf = PdfReader(io.BytesIO(page.pdf(format="A4")))
    first_page = unicodedata.normalize("NFKC", pdf.pages[0].extract_text())  # the PDF's "ﬃ" ligatures
    assert first_page.lstrip().startswith("Identifying victims of trafficking")
    assert "Log out" not in first_page and "Search courses" not in first_page
    text = "".join(p.extract_text() for p in pdf.pages)
    assert "Mark as complete" not in text and "Think someone may be a victim" not in text


def test_my_learning_continues_at_the_next_lesson(new_page):
    page = phone_page(new_page)
    page.goto(COURSE)
    page.locator("main form[action*='/start/'] button").click()
    page.wait_for_load_state()
    page.locator("main form[action*='/complete/'] button").click()  # lesson 1 done
    page.wait_for_load_state()
    page.goto("/en/learning/")
    titles = page.locator("main .learning-card h3").all_inner_texts()
    assert len(titles) == len(set(titles)), f"a course is listed twice: {titles}"
    cont = page.locator("main a.learning-next", has_text="Continue: lesson 2 of 5")
    assert cont.count() == 1
    # My learning lists assigned courses by urgency (overdue, then by due date): the demo
    # trainee's overdue and due-soon courses come first, so this one may sit below the fold.
    cont.scroll_into_view_if_needed()
    assert cont.is_visible()
    cont.click()
    page.wait_for_load_state()
    assert page.url.endswith("/general-indicators/")
