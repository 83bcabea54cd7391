"""No answer lost in an assessment, in a real browser: the page's script saves each answer as it
is chosen (a reload or a closed tab keeps it), the time left counts down, and submitting with
blanks asks first, listing them.

Controls are found by their place in the page rather than by their (translated) labels."""

import re
import uuid

import pytest

from tests.e2e.conftest import DEMO_PASSWORD, assert_accessible, log_in

COURSE_SLUG = "identifying-victims"

READY_TRAINEE = """
from allauth.account.models import EmailAddress
from accounts.models import User
from courses.models import CoursePage
from courses.services import lesson_mark_complete
from courses.selectors import course_lessons
user = User.objects.create_user(email={email!r}, password={password!r}, full_name="Gulnora Autosave")
EmailAddress.objects.create(user=user, email=user.email, verified=True, primary=True)
course = CoursePage.objects.live().get(slug={slug!r}, locale__language_code="en")
for lesson in course_lessons(course=course):
    lesson_mark_complete(user=user, lesson=lesson)
"""


@pytest.fixture
def ready_trainee(site) -> str:
    """A new trainee (their own attempts, no cool-down) with every lesson of the course done."""
    email = f"autosave-{uuid.uuid4().hex[:8]}@example.org"
    site.manage("shell", "-c", READY_TRAINEE.format(email=email, password=DEMO_PASSWORD, slug=COURSE_SLUG))
    return email


def clock_seconds(page) -> int:
    parts = [int(part) for part in page.locator(".attempt-clock-value").inner_text().split(":")]
    seconds = 0
    for part in parts:
        seconds = seconds * 60 + part
    return seconds


def test_answers_chosen_are_saved_as_they_go_and_the_clock_counts_down(site, new_page, ready_trainee):
    page = new_page()
    log_in(page, ready_trainee)
    page.goto(f"/en/courses/{COURSE_SLUG}/assessment/")
    page.locator("main form button[type=submit]").click()
    page.wait_for_url(re.compile(r"/attempts/\d+/$"))

    assert page.locator(".attempt-clock").is_visible(), "the script shows the clock"
    assert not page.locator(".attempt-timer-static").is_visible(), "and hides the sentence it replaces"
    before = clock_seconds(page)
    page.wait_for_timeout(2200)
    after = clock_seconds(page)
    assert 1 <= before - after <= 3, (before, after)
    assert 29 * 60 <= before <= 30 * 60
    assert_accessible(page, "attempt with the clock")

    cards = page.locator("fieldset.question")
    chosen = []
    for index in (0, 2):
        choice = cards.nth(index).locator("input").last
        with page.expect_response(lambda r: r.url.endswith("/save/") and r.request.method == "POST") as saved:
            choice.check()
        assert saved.value.status == 200
        chosen.append((choice.get_attribute("name"), choice.get_attribute("value")))
    status = page.locator("[data-save-status]").inner_text()
    assert re.fullmatch(rf"Answers saved at .+\. Answered: 2 of {cards.count()}\.", status), status

    page.reload()  # or a closed tab, a lost connection, a flat battery: what was chosen is on the server
    for name, value in chosen:
        assert page.locator(f"input[name='{name}'][value='{value}']").is_checked()
    assert page.locator("form.assessment-form input:checked").count() == 2

    page.locator("form.assessment-form .attempt-actions button[type=submit]:not([name])").click()
    page.wait_for_url(re.compile(r"\?confirm=unanswered"))
    listed = page.locator(".unanswered-list li")
    total = cards.count()
    assert listed.count() == total - 2, "every question left blank is listed"
    assert page.locator("fieldset.question.is-unanswered").count() == total - 2
    assert page.locator("form.assessment-form input:checked").count() == 2, "the answers given are kept"
    assert_accessible(page, "confirming a submission with blanks")

    page.locator(".unanswered button[name=confirm]").click()
    page.wait_for_load_state()
    assert page.locator(".score-card").is_visible(), "submitted anyway: graded"
