"""axe-core on the public, verifier and trainee pages the journeys do not already pass through.

(The journeys in test_trainee.py and test_coordinator.py check the pages they visit: sign-up,
e-mail confirmation, course, lesson, assessment, questions, result, certificates, verification,
and every report page.) Each test visits every page before failing, so one run lists every
violation at once.
"""

import pytest

from tests.e2e.conftest import axe_violations, log_in

PUBLIC_PAGES = {
    "home": "",
    "catalogue": "courses/",
    "course, not logged in": "courses/identifying-victims/",
    "search results": "search/?q=asylum",
    "verification form": "verify/",
    "verification of an unknown code": "verify/0000-0000-0000-0000-0/",
    "log in": "accounts/login/",
    "password reset": "accounts/password/reset/",
    "page not found": "no-such-page/",
}
TRAINEE_PAGES = {
    "my learning": "learning/",
    "course, logged in": "courses/identifying-victims/",
    "assessment before the lessons are done": "courses/identifying-victims/assessment/",
    "certificates, none yet": "certificates/",
    "profile": "accounts/profile/",
    "my data": "accounts/my-data/",
    "erasure request": "accounts/my-data/erase/",
    "e-mail addresses": "accounts/email/",
    "change password": "accounts/password/change/",
}


def check_pages(page, pages: dict[str, str], language: str) -> None:
    found = {}
    for name, path in pages.items():
        page.goto(f"/{language}/{path}")
        assert page.locator("html").get_attribute("lang") == language, f"{name}: not shown in {language}"
        violations = axe_violations(page)
        if violations:
            found[f"{name} ({page.url})"] = violations
    assert not found, found


@pytest.mark.parametrize("language", ["en", "tg"])
def test_public_and_verifier_pages_are_accessible(new_page, language):
    check_pages(new_page(), PUBLIC_PAGES, language)


@pytest.mark.parametrize("language", ["en", "tg"])
def test_trainee_pages_are_accessible(new_page, language):
    page = new_page()
    log_in(page, "trainee@frontline.test", language=language)
    check_pages(page, TRAINEE_PAGES, language)
