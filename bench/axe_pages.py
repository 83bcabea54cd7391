"""axe-core on every page type, in English, Russian and Tajik, on a phone and a desktop.

    .venv/bin/python bench/axe_pages.py [--languages en ru tg]

Builds the throw-away demo site of ``bench/browser_site.py``, signs in the demo trainee, the
coordinator (with the demo authenticator code) and the editor, and runs axe-core (the npm
package the browser tests use) with the WCAG 2.1 A and AA rules on each page type at 390x844 and
1280x800. Prints, per page type, the most violations of each impact seen over the languages and
widths, and the rules that found them. The browser tests fail on any serious or critical one;
this prints the moderate and minor ones too, for the record.
"""

import argparse
import json
import re
import sys
import time
from collections import defaultdict
from pathlib import Path

# Run as a script, bench/ is on the path but not the project: its packages are imported from there.
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.browser_site import CHROMIUM, CHROMIUM_ARGS, ROOT, BrowserSite

AXE_SOURCE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
IMPACTS = ("critical", "serious", "moderate", "minor")
WIDTHS = {"phone": {"width": 390, "height": 844}, "desktop": {"width": 1280, "height": 800}}
COURSE = "identifying-victims"
PASSWORD = "frontline-demo"

PUBLIC = {
    "home": "",
    "catalogue": "courses/",
    "course (signed out)": f"courses/{COURSE}/",
    "search results": "search/?q=asylum",
    "verification form": "verify/",
    "sign up": "accounts/signup/",
    "log in": "accounts/login/",
    "page not found": "no-such-page/",
}
TRAINEE = {
    "my learning": "learning/",
    "welcome": "learning/welcome/",
    "course (signed in)": f"courses/{COURSE}/",
    "lesson": "{lesson}",
    "assessment": f"courses/{COURSE}/assessment/",
    "certificates": "certificates/",
    "profile": "accounts/profile/",
    "my data": "accounts/my-data/",
    "change password": "accounts/password/change/",
}
COORDINATOR = {
    "dashboard": "reports/",
    "trainees (drill-down)": "reports/trainees/",
    "staff numbers": "reports/headcounts/",
    "invite trainees": "reports/invitations/",
}


def axe(page) -> list[dict]:
    if not page.evaluate("() => typeof window.axe !== 'undefined'"):
        # Through the DevTools protocol, so the page's CSP (rightly) does not apply.
        page.evaluate(AXE_SOURCE.read_text(encoding="utf-8") + "\n;undefined")
    result = page.evaluate(
        "tags => axe.run(document, {runOnly: {type: 'tag', values: tags}, resultTypes: ['violations']})", AXE_TAGS
    )
    return result["violations"]


class Tally:
    def __init__(self) -> None:
        self.worst: dict[str, dict[str, int]] = defaultdict(lambda: dict.fromkeys(IMPACTS, 0))
        self.rules: dict[str, set[str]] = defaultdict(set)
        self.visits: dict[str, int] = defaultdict(int)

    def add(self, name: str, violations: list[dict]) -> None:
        counts = dict.fromkeys(IMPACTS, 0)
        for violation in violations:
            counts[violation["impact"]] += 1
            self.rules[name].add(f"{violation['id']} ({violation['impact']})")
        for impact in IMPACTS:
            self.worst[name][impact] = max(self.worst[name][impact], counts[impact])
        self.visits[name] += 1

    def print(self) -> None:
        header = f"{'page type':<32}{'visits':>7}  critical/serious/moderate/minor  rules"
        print(header)
        print("-" * len(header))
        for name, worst in self.worst.items():
            counts = "/".join(str(worst[impact]) for impact in IMPACTS)
            print(f"{name:<32}{self.visits[name]:>7}  {counts:<32} {', '.join(sorted(self.rules[name])) or '-'}")


def visit_all(browser, site, tally: Tally, pages: dict[str, str], languages, account=None, admin=False) -> None:
    for width, viewport in WIDTHS.items():
        context = browser.new_context(viewport=viewport, base_url=site.base)
        page = context.new_page()
        if account:
            account(page)
        for language in [None] if admin else languages:
            for name, path in pages.items():
                page.goto(path if admin else f"/{language}/{path}")
                tally.add(name, axe(page))
        context.close()
        print(f"  {', '.join(pages)} at {width} width", flush=True)


def log_in(page, email: str) -> None:
    page.goto("/en/accounts/login/")
    form = page.locator("main form").filter(has=page.locator("input[name=login]"))
    form.locator("input[name=login]").fill(email)
    form.locator("input[name=password]").fill(PASSWORD)
    form.locator("button[type=submit]").click()
    page.wait_for_load_state()


def log_in_with_code(site):
    used = set()

    def log_in_coordinator(page) -> None:
        log_in(page, "coordinator@frontline.test")
        page.wait_for_url(re.compile(r"/accounts/2fa/authenticate/"))
        # A code is accepted once (the demo command prints it only under DEBUG).
        while (code := site.manage("demo_totp_code", debug=True).split()[-1]) in used:
            time.sleep(2)
        used.add(code)
        page.locator("input[name=code]").fill(code)
        page.locator("main form button[type=submit]").first.click()
        page.wait_for_load_state()
        if "/2fa/" in page.url:
            raise SystemExit("the demo authenticator code was refused")

    return log_in_coordinator


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--languages", nargs="+", default=["en", "ru", "tg"])
    args = parser.parse_args()

    from playwright.sync_api import sync_playwright

    tally = Tally()
    with BrowserSite() as site, sync_playwright() as playwright:
        found = json.loads(
            site.python(
                "import json\n"
                "from django.contrib.auth import get_user_model\n"
                "from courses.models import CoursePage, LessonPage\n"
                "from courses.services import lesson_mark_complete\n"
                "user = get_user_model().objects.get(email='trainee@frontline.test')\n"
                f"course = CoursePage.objects.get(slug='{COURSE}', locale__language_code='en')\n"
                "lessons = list(LessonPage.objects.child_of(course).live().order_by('path'))\n"
                "[lesson_mark_complete(user=user, lesson=lesson) for lesson in lessons]\n"
                "print(json.dumps({'lesson': lessons[0].slug, 'edit': lessons[0].pk}))"
            )
        )
        TRAINEE["lesson"] = f"courses/{COURSE}/{found['lesson']}/"
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        print("public pages…", flush=True)
        visit_all(browser, site, tally, PUBLIC, args.languages)
        print("trainee pages…", flush=True)
        visit_all(
            browser, site, tally, TRAINEE, args.languages, account=lambda page: log_in(page, "trainee@frontline.test")
        )
        print("an attempt and its result…", flush=True)
        attempt(browser, site, tally, args.languages)
        print("coordinator pages…", flush=True)
        visit_all(browser, site, tally, COORDINATOR, args.languages, account=log_in_with_code(site))
        print("editor pages…", flush=True)
        editor_pages = {"admin dashboard": "/admin/", "page explorer": "/admin/pages/"}
        editor_pages["lesson editor"] = f"/admin/pages/{found['edit']}/edit/"
        visit_all(
            browser,
            site,
            tally,
            editor_pages,
            args.languages,
            account=lambda page: log_in(page, "editor@frontline.test"),
            admin=True,
        )
        browser.close()
    print()
    tally.print()


def attempt(browser, site, tally: Tally, languages) -> None:
    """One attempt per language and width: the questions, then the result of submitting it."""
    for viewport in WIDTHS.values():
        context = browser.new_context(viewport=viewport, base_url=site.base)
        page = context.new_page()
        log_in(page, "trainee@frontline.test")
        for language in languages:
            page.goto(f"/{language}/courses/{COURSE}/assessment/")
            start = page.locator("main form[action*='/attempts/start/'] button[type=submit]")
            if not start.count():
                # The cool-down after the previous language's attempt: let the site forget it.
                site.python("from assessments.models import Attempt\nAttempt.objects.all().delete()\nprint('ok')")
                page.reload()
            start.first.click()
            page.wait_for_load_state()
            tally.add("assessment attempt", axe(page))
            page.locator("main input[type=radio], main input[type=checkbox]").first.check()
            page.locator("main form[action*='/submit/'] button[type=submit]").last.click()
            page.wait_for_load_state()
            confirm = page.locator("main form[action*='/submit/'] button[type=submit]")
            if "/submit/" in page.url or (confirm.count() and "result" not in page.url):
                tally.add("unanswered confirmation", axe(page))
                confirm.last.click()
                page.wait_for_load_state()
            tally.add("attempt result", axe(page))
        context.close()


if __name__ == "__main__":
    sys.exit(main())
