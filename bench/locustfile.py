"""The simulated users of ``bench/load.py`` (locust). Not meant to be run by hand: load.py
writes the plan (signed-in trainees' cookies, the URLs of the pages in every language) and
starts locust with it.

* ``Trainee``: reads lessons, opens the course page, the catalogue and "My learning", marks
  lessons complete, takes the assessments still open to them (random answers) and downloads
  their certificate, with a think time between pages.
* ``LessonReader``: a signed-in trainee opening lesson pages back to back (no think time).
* ``BareView``: an anonymous client requesting the bench-only bare view back to back.

Every request is named after its page kind; a response other than the one expected (status,
redirect target, a marker in the page) counts as an error.
"""

import itertools
import json
import os
import random
import re
from http.cookiejar import Cookie, DefaultCookiePolicy
from pathlib import Path
from urllib.parse import urlencode

from locust import FastHttpUser, between, constant, task

PLAN = json.loads(Path(os.environ["BENCH_PLAN"]).read_text())
# The site runs behind a TLS proxy in production; this header is what the proxy adds.
HEADERS = {"X-Forwarded-Proto": "https", "Accept-Language": "en"}
_trainees = itertools.cycle(PLAN["trainees"])
ANSWER = re.compile(r'name="(q-[^"]+)" value="([^"]+)"')
PDF_LINK = re.compile(r'href="([^"]*/certificates/\d+/pdf/)"')
ATTEMPT = re.compile(r"/attempts/\d+/$")
START_FORM = re.compile(r'<form method="post" action="([^"]*/attempts/start/\d+/)"')


class BehindTLSProxy(DefaultCookiePolicy):
    """The proxy speaks HTTPS to the browser: secure cookies go back over this plain connection."""

    def return_ok_secure(self, cookie, request):
        return True


def _cookie(name: str, value: str) -> Cookie:
    return Cookie(
        0, name, value, None, False, PLAN["cookie_domain"], False, False, "/", True, False, None, False, None, None, {}
    )


class SignedIn(FastHttpUser):
    abstract = True
    default_headers = HEADERS
    # Sync gunicorn workers close every connection; don't let the client retry on its own.
    max_retries = 1
    insecure = True

    def on_start(self):
        trainee = next(_trainees)
        self.language = trainee["language"]
        self.pages = PLAN["pages"][self.language]
        self.client.cookiejar.set_policy(BehindTLSProxy())
        for name, value in trainee["cookies"].items():
            self.client.cookiejar.set_cookie(_cookie(name, value))
        self.origin = "https://" + self.host.split("://", 1)[1].rstrip("/")

    def csrf_token(self) -> str:
        return next(cookie.value for cookie in self.client.cookiejar if cookie.name == "csrftoken")

    def get(self, url: str, name: str, marker: str | bytes | None = None):
        with self.client.get(url, name=name, allow_redirects=False, catch_response=True) as response:
            if response.status_code != 200:
                response.failure(f"status {response.status_code} {response.headers.get('Location', '')}")
            elif marker is not None and marker not in (
                response.content if isinstance(marker, bytes) else response.text
            ):
                response.failure(f"{marker!r} missing")
            return response

    def post(self, url: str, fields: list[tuple[str, str]], name: str) -> str | None:
        """POST a form; the answer must be a redirect, whose target is returned."""
        body = urlencode([("csrfmiddlewaretoken", self.csrf_token()), *fields])
        headers = {
            "Content-Type": "application/x-www-form-urlencoded",
            "Origin": self.origin,
            "Referer": self.origin + url,
        }
        with self.client.post(
            url, data=body, headers=headers, name=name, allow_redirects=False, catch_response=True
        ) as response:
            if response.status_code != 302:
                response.failure(f"status {response.status_code}")
                return None
            return response.headers.get("Location")


class Trainee(SignedIn):
    wait_time = between(*PLAN["think_seconds"])

    def on_start(self):
        super().on_start()
        self.to_complete = list(self.pages["progress_lessons"])
        self.assessments = list(self.pages["open_assessments"])
        random.shuffle(self.assessments)
        # Arrive spread over the first think time rather than all in the same millisecond.
        self.wait()

    @task(10)
    def read_lesson(self):
        self.get(random.choice(self.pages["lessons"]), "lesson", 'class="lesson-outline"')

    @task(2)
    def course(self):
        self.get(random.choice(self.pages["courses"]), "course")

    @task(1)
    def catalogue(self):
        self.get(self.pages["catalogue"], "catalogue")

    @task(2)
    def my_learning(self):
        self.get(self.pages["my_learning"], "my_learning")

    @task(2)
    def complete_lesson(self):
        if not self.to_complete:
            return self.read_lesson()
        url, lesson_id = self.to_complete.pop(0)
        self.get(url, "lesson", 'class="lesson-outline"')
        target = self.post(self.pages["lesson_complete"].format(id=lesson_id), [], "lesson_complete")
        if target:
            self.get(target, "lesson" if target in self.pages["lessons"] else "assessment")

    @task(1)
    def certificate(self):
        response = self.get(self.pages["certificates"], "certificates")
        links = PDF_LINK.findall(response.text or "")
        if links:
            self.get(links[0], "certificate_pdf", b"%PDF")
        else:
            response.failure("no certificate to download")

    @task(1)
    def assessment(self):
        if not self.assessments:
            return self.get(random.choice(self.pages["assessments"]), "assessment")
        url = self.assessments.pop()
        form = START_FORM.search(self.get(url, "assessment", "<form").text or "")
        if not form:
            return
        # Starting is a POST to the start form's action (assessments.views.attempt_start).
        target = self.post(form.group(1), [], "attempt_start")
        if not target or not ATTEMPT.search(target):
            return
        page = self.get(target, "attempt", "q-")
        choices: dict[str, list[str]] = {}
        for field, value in ANSWER.findall(page.text or ""):
            choices.setdefault(field, []).append(value)
        answers = [(field, random.choice(values)) for field, values in choices.items()]
        self.wait()  # reading the questions
        result = self.post(target + "submit/", answers, "attempt_submit")
        if result:
            self.get(result, "attempt_result")


class LessonReader(SignedIn):
    wait_time = constant(0)

    @task
    def read_lesson(self):
        self.get(random.choice(self.pages["lessons"]), "lesson", 'class="lesson-outline"')


class BareView(FastHttpUser):
    wait_time = constant(0)
    default_headers = HEADERS
    max_retries = 1

    @task
    def bare(self):
        with self.client.get(PLAN["bare"], name="bare", allow_redirects=False, catch_response=True) as response:
            if response.status_code != 200:
                response.failure(f"status {response.status_code}")
