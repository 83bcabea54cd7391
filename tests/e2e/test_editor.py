"""An editor writes a lesson in the Wagtail admin, a moderator approves it, it goes live; the
editor translates it to Tajik with wagtail-localize and the moderator publishes the translation.

Everything happens through the admin as its users meet it (the page explorer, the StreamField
block chooser, the footer action menu, the dashboard's review panel, wagtail-localize's React
translation editor); only the published lesson pages are checked with axe-core, the admin being
Wagtail's own editor-facing interface.
"""

import re
import uuid

from playwright.sync_api import expect

from tests.e2e.conftest import DEMO_PASSWORD, assert_accessible

# Not the course the trainee and accessibility tests walk through: they count its lessons, and
# the browser tests share one seeded site.
COURSE_TITLE = "The non-punishment principle"
COURSE_SLUG = "non-punishment"
FIRST_LESSON = "What the non-punishment principle protects"
EDITOR = "editor@frontline.test"
MODERATOR = "moderator@frontline.test"
TRAINEE = "trainee@frontline.test"  # lessons are read signed in: "live" is what a trainee sees
TIMEOUT = 30_000  # for the admin's slower steps (saving, publishing) on a busy machine
# Wagtail 8 autosaves the page form in the background as it is filled in; while a required field
# is still empty the autosave is answered, by design, with a JSON 400 ("validation_error") and
# the admin shows "unsaved". Those are the only error responses the editor's browser may meet.
WAGTAIL_AUTOSAVE = re.compile(r"^POST 400 https?://[^/]+/admin/pages/(add/courses/lessonpage/\d+|\d+/edit)/$")


def sign_in(page, email: str) -> None:
    """Log in through allauth's form (the one in <main>, not the header's search form)."""
    page.goto("/en/accounts/login/")
    form = page.locator("main form").filter(has=page.locator("input[name=login]"))
    form.locator("input[name=login]").fill(email)
    form.locator("input[name=password]").fill(DEMO_PASSWORD)
    form.locator("button[type=submit]").click()
    page.wait_for_url(lambda url: "/accounts/login/" not in url)


def explore(page, row_text: str) -> None:
    """In the admin's page explorer, open the child pages of the row showing ``row_text``."""
    row = page.locator("main tbody tr").filter(has_text=row_text)
    row.get_by_role("link", name=re.compile(r"^Explore child pages")).first.click()
    page.wait_for_load_state()


def open_english_course_in_admin(page) -> None:
    page.goto("/admin/pages/")
    explore(page, "English")  # the English home page (every language has its own tree)
    explore(page, "Courses")
    explore(page, COURSE_TITLE)
    expect(page.get_by_role("heading", name=COURSE_TITLE, level=1)).to_be_visible()


def open_lesson_in_admin(page, title: str) -> None:
    open_english_course_in_admin(page)
    page.locator("main tbody tr").filter(has_text=title).get_by_role("link", name=title).first.click()
    page.wait_for_url(re.compile(r"/admin/pages/\d+/edit/$"))


def write_lesson(page, *, title: str, slug: str, intro: str, body: str) -> None:
    """Add a Lesson under the course, with one Text block, and submit it to the moderators."""
    open_english_course_in_admin(page)
    page.get_by_role("link", name="Add child page").click()
    page.wait_for_load_state()
    if "/add_subpage/" in page.url:  # more than one page type allowed here: choose Lesson
        page.get_by_role("link", name="Lesson", exact=True).click()
    page.wait_for_url(re.compile(r"/admin/pages/add/courses/lessonpage/\d+/$"))

    page.get_by_role("textbox", name=re.compile(r"^Title")).fill(title)
    page.get_by_role("textbox", name="Introduction").fill(intro)
    # The body is a StreamField: "Insert a block" opens the block chooser; "Text" is rich text.
    page.locator("[data-contentpath=body]").get_by_role("button", name="Insert a block").first.click()
    page.get_by_role("option", name="Text", exact=True).click()
    rich_text = page.locator("[data-contentpath=body] [contenteditable=true]").first
    rich_text.click()
    page.keyboard.type(body)
    # Draftail writes its content to the form's hidden input a moment after the last keystroke.
    expect(page.locator("input[name='body-0-value']")).to_have_value(re.compile(re.escape(body)), timeout=TIMEOUT)

    page.get_by_role("tab", name="Promote").click()
    slug_field = page.get_by_role("textbox", name=re.compile(r"^Slug"))
    slug_field.fill(slug)
    expect(slug_field).to_have_value(slug)
    page.get_by_role("tab", name="Content").click()

    page.locator("footer").get_by_role("button", name="More actions").click()
    page.get_by_role("button", name="Submit to Moderators approval").click()
    page.wait_for_url(re.compile(r"/admin/pages/\d+/$"), timeout=TIMEOUT)
    expect(page.get_by_text(f"Page '{title}' created and submitted for moderation")).to_be_visible()


def approve_from_dashboard(page, title: str) -> None:
    page.goto("/admin/")
    panel = page.locator("section, .w-panel").filter(has=page.get_by_role("heading", name="Awaiting your review")).first
    row = panel.locator("tr").filter(has_text=title)
    expect(row).to_have_count(1)
    row.get_by_role("button", name="Actions").click()
    with page.expect_navigation(timeout=TIMEOUT):
        row.get_by_role("button", name="Approve", exact=True).click()
    expect(panel.locator("tr").filter(has_text=title)).to_have_count(0)


def translate_segment(page, tab: str, field: str, text: str) -> None:
    """In wagtail-localize's translation editor, translate the segment under ``field``."""
    page.get_by_role("tab", name=tab).click()
    panel = page.get_by_role("tabpanel", name=tab)
    segment = panel.locator("ul > li").filter(has=page.get_by_role("heading", name=field, exact=True))
    segment.get_by_role("button", name="Translate").click()
    segment.locator("textarea").fill(text)
    segment.get_by_role("button", name="Save").click()
    expect(segment.get_by_text(text, exact=True)).to_be_visible()
    expect(segment.get_by_text("Saving...")).to_have_count(0, timeout=TIMEOUT)
    expect(segment.locator("li.complete")).to_have_count(1)


def status_of(page, path: str) -> int:
    """The status a page's own session gets for ``path`` (without a browser console 404 error)."""
    return page.request.get(path, max_redirects=0).status


def test_editor_writes_a_lesson_a_moderator_approves_it_and_it_is_translated_to_tajik(site, new_page):
    suffix = uuid.uuid4().hex[:6]
    title = f"Referring a presumed victim {suffix}"
    slug = f"referring-a-presumed-victim-{suffix}"
    intro = "What to do in the first hour after you recognise a presumed victim."
    body = "Call the national hotline before you take any statement."
    english_path = f"/en/courses/{COURSE_SLUG}/{slug}/"
    tajik_slug = f"firistodani-qurbonii-ehtimoli-{suffix}"
    tajik_path = f"/tg/courses/{COURSE_SLUG}/{tajik_slug}/"
    tajik = {
        "Title": f"Фиристодани қурбонии эҳтимолӣ {suffix}",
        "Introduction": "Дар соати аввал пас аз шинохтани қурбонии эҳтимолӣ чӣ бояд кард.",
        "Text": "Пеш аз гирифтани ҳар гуна изҳорот ба хати боварии миллӣ занг занед.",
    }

    # 1. The editor writes the lesson and submits it for moderation.
    editor = new_page(expected_responses=WAGTAIL_AUTOSAVE)
    sign_in(editor, EDITOR)
    write_lesson(editor, title=title, slug=slug, intro=intro, body=body)

    # 2. Not live yet: a trainee neither reaches it nor sees it in the course.
    trainee = new_page()
    sign_in(trainee, TRAINEE)
    assert status_of(trainee, english_path) == 404
    trainee.goto(f"/en/courses/{COURSE_SLUG}/")
    expect(trainee.locator("main")).to_contain_text(FIRST_LESSON)
    expect(trainee.locator("main")).not_to_contain_text(title)

    # 3. The moderator approves it from the dashboard; now it is live.
    moderator = new_page()
    sign_in(moderator, MODERATOR)
    approve_from_dashboard(moderator, title)
    trainee.goto(f"/en/courses/{COURSE_SLUG}/")
    expect(trainee.locator("main")).to_contain_text(title)
    response = trainee.goto(english_path)
    assert response.status == 200
    expect(trainee.get_by_role("heading", name=title, level=1)).to_be_visible()
    expect(trainee.locator("main")).to_contain_text(intro)
    expect(trainee.locator("main")).to_contain_text(body)
    assert_accessible(trainee, "new lesson (English)")

    # 4. The editor translates it to Tajik: a draft, since editors do not publish.
    open_lesson_in_admin(editor, title)
    editor.get_by_role("button", name="Actions").first.click()
    editor.get_by_role("link", name="Translate this page").click()
    editor.wait_for_url(re.compile(r"/admin/localize/submit/page/\d+/$"))
    editor.get_by_role("checkbox", name="Tajik").check()
    editor.get_by_role("button", name="Submit").click()
    editor.wait_for_url(re.compile(r"/admin/pages/\d+/edit/$"), timeout=TIMEOUT)
    expect(
        editor.get_by_text(f"The page '{title}' was successfully submitted for translation into Tajik")
    ).to_be_visible()
    tajik_edit_url = editor.url
    for field, text in tajik.items():
        translate_segment(editor, "Content", field, text)
    translate_segment(editor, "Promote", "Slug", tajik_slug)
    expect(editor.locator("footer").get_by_role("button", name="Publish in Tajik")).to_have_count(0)
    assert status_of(trainee, tajik_path) == 404, "the translation went live before a moderator published it"

    # 5. The moderator finds the Tajik version from the English lesson and publishes it.
    open_lesson_in_admin(moderator, title)
    moderator.get_by_role("button", name="Toggle status").click()
    moderator.get_by_role("button", name="Switch locales").click()
    moderator.get_by_role("link", name="Tajik", exact=True).click()
    moderator.wait_for_url(tajik_edit_url)
    expect(moderator.get_by_role("tabpanel", name="Content")).to_contain_text(tajik["Text"])  # the editor's translation
    moderator.locator("footer").get_by_role("button", name="Publish in Tajik").click()
    expect(moderator.get_by_text(f"Published '{tajik['Title']}' in Tajik.")).to_be_visible(timeout=TIMEOUT)

    response = trainee.goto(tajik_path)
    assert response.status == 200
    expect(trainee.get_by_role("heading", name=tajik["Title"], level=1)).to_be_visible()
    expect(trainee.locator("main")).to_contain_text(tajik["Introduction"])
    expect(trainee.locator("main")).to_contain_text(tajik["Text"])
    assert_accessible(trainee, "new lesson (Tajik)")
    trainee.goto(f"/tg/courses/{COURSE_SLUG}/")
    expect(trainee.locator("main")).to_contain_text(tajik["Title"])


LESSON_BLOCKS = [
    "Heading",
    "Text",
    "Image",
    "Video",
    "Callout",
    "Legal provision",
    "Indicator checklist",
    "Case study",
    "Knowledge check",
]
QUESTION_BLOCKS = ["Single choice", "Multiple choice", "True or false", "Scenario", "Question pool"]


def insert_blocks(page, field: str, names: list[str]) -> None:
    """Append one block of each type in ``names`` to the StreamField ``field``, from its last
    "Insert a block" button (new blocks open expanded, every child field showing)."""
    stream = page.locator(f"[data-contentpath={field}]").first
    for name in names:
        stream.get_by_role("button", name="Insert a block").last.click()
        page.get_by_role("option", name=name, exact=True).click()
    expect(stream.locator("[data-contentpath] .c-sf-block__type").filter(has_text=names[-1]).last).to_be_visible()


def test_every_field_of_every_block_has_a_name_in_the_page_editor(site, new_page):
    """axe on the page editor: a lesson with one block of each type, the course's learning
    outcomes, an assessment with one question of each type: no serious or critical finding."""
    editor = new_page(expected_responses=WAGTAIL_AUTOSAVE)
    editor.on("dialog", lambda dialog: dialog.accept())  # leaving unsaved forms: "leave the page?"
    sign_in(editor, EDITOR)

    open_english_course_in_admin(editor)
    editor.get_by_role("link", name="Add child page").click()
    editor.wait_for_load_state()
    if "/add_subpage/" in editor.url:
        editor.get_by_role("link", name="Lesson", exact=True).click()
    editor.wait_for_url(re.compile(r"/admin/pages/add/courses/lessonpage/\d+/$"))
    insert_blocks(editor, "body", LESSON_BLOCKS)
    body = editor.locator("[data-contentpath=body]")
    # The fields Wagtail draws without a label of their own: list items and rich text editors.
    expect(body.locator("[data-contentpath=indicators] textarea").first).to_have_attribute("aria-label", "Indicator")
    expect(body.locator("[data-contentpath=discussion_points] textarea").first).to_have_attribute(
        "aria-label", "Discussion point"
    )
    expect(body.locator("[data-contentpath=transcript] [role=textbox]")).to_have_attribute("aria-label", "Transcript")
    assert_accessible(editor, "lesson editor, one block of each type")

    open_english_course_in_admin(editor)
    course_explorer = editor.url  # /admin/pages/<course id>/
    editor.goto(course_explorer + "edit/")
    expect(editor.locator("[data-contentpath=learning_outcomes] input[type=text]").first).to_have_attribute(
        "aria-label", "Outcome"
    )
    assert_accessible(editor, "course editor (learning outcomes)")

    editor.goto(course_explorer)
    editor.locator("main tbody").get_by_role("link", name=re.compile(r"^Assessment")).first.click()
    editor.wait_for_url(re.compile(r"/admin/pages/\d+/edit/$"))
    insert_blocks(editor, "questions", QUESTION_BLOCKS)
    assert_accessible(editor, "assessment editor, one question of each type")
