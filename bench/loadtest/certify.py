"""Trainees who pass while the others use the site: how long until their certificate PDF can
be downloaded, with the PDF rendered by one worker (``manage.py db_worker``).

Each certifier is a bench trainee of its own (not one of locust's): it starts an open course's
assessment through the site, answers it correctly (the right values are read from the attempt
in the database, as tests/e2e/oracle.py does), submits it, and then asks for the PDF every
0.2 s, as the "being prepared" page's reload would, until the answer is the PDF. Measured:
the submit request itself, and the time from sending the submit to the first PDF response.

Imports the models: import it only after ``server.configure()`` has set Django up.
"""

import random
import re
import statistics
import subprocess
import sys
import threading
import time
from urllib.parse import urlencode, urlsplit

from assessments.grading import ANSWER_PREFIX, correct_values, iter_questions
from assessments.models import Attempt
from bench.loadtest.common import OUT, ROOT, say
from bench.loadtest.server import request
from certificates.models import Certificate

POLL_SECONDS = 0.2
GIVE_UP_SECONDS = 120
ATTEMPT = re.compile(r"/attempts/(\d+)/$")
START_FORM = re.compile(rb'<form method="post" action="([^"]*/attempts/start/\d+/)"')


def bare_render_seconds(repeat: int = 5) -> float:
    """The median time of rendering one certificate with WeasyPrint in this process (no queue,
    no HTTP): what the worker does for each certificate."""
    from certificates.pdf import render_pdf

    certificate = Certificate.objects.filter(status=Certificate.Status.VALID).order_by("-pk").first()
    render_pdf(certificate)  # fonts and templates loaded once, as in a running worker
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        render_pdf(certificate)
        times.append(time.perf_counter() - started)
    return statistics.median(times)


class Worker:
    """One ``manage.py db_worker`` with the site's environment, its output in bench/out/worker.log."""

    def __init__(self, env: dict[str, str]):
        self.log = (OUT / "worker.log").open("wb")
        self.process = subprocess.Popen(
            [
                sys.executable,
                "manage.py",
                "db_worker",
                "--queue-name",
                "*",
                "--no-reload",
                "--interval",
                "0.25",
                "--verbosity",
                "0",
            ],
            cwd=ROOT,
            env=env,
            stdout=self.log,
            stderr=subprocess.STDOUT,
        )

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                self.process.kill()
        self.log.close()


class Certifiers:
    """``trainees`` (email, language, cookies, number) pass the open assessments (``pages``),
    each starting within the first half of ``seconds``, one course after the other."""

    def __init__(self, port: int, trainees: list[dict], pages: dict, seconds: float):
        self.port, self.trainees, self.pages, self.seconds = port, trainees, pages, seconds
        self.samples: list[dict] = []
        self.errors: list[str] = []
        self.lock = threading.Lock()
        self.threads = [threading.Thread(target=self.run, args=(t,), daemon=True) for t in trainees]

    def start(self) -> None:
        for thread in self.threads:
            thread.start()

    def join(self) -> None:
        for thread in self.threads:
            thread.join(timeout=self.seconds + GIVE_UP_SECONDS * 2)

    def run(self, trainee: dict) -> None:
        rng = random.Random(trainee["email"])
        time.sleep(rng.uniform(0, self.seconds / 2))
        for url in self.pages[trainee["language"]]["open_assessments"]:
            try:
                sample = self.pass_and_wait(trainee, url)
            except Exception as error:  # noqa: BLE001 - counted and printed, the others go on
                with self.lock:
                    self.errors.append(f"{trainee['email']} {url}: {error}")
                continue
            with self.lock:
                self.samples.append(sample)
            time.sleep(rng.uniform(1, 3))

    def call(self, trainee, method, path, fields=None):
        origin = f"https://127.0.0.1:{self.port}"
        headers = {}
        body = None
        if method == "POST":
            body = urlencode([("csrfmiddlewaretoken", trainee["cookies"]["csrftoken"]), *(fields or [])], doseq=True)
            headers = {"Content-Type": "application/x-www-form-urlencoded", "Origin": origin, "Referer": origin + path}
        source = (f"127.0.{1 + trainee['number'] // 250}.{2 + trainee['number'] % 250}", 0)
        return request(self.port, method, path, body=body, cookies=trainee["cookies"], headers=headers, source=source)

    def pass_and_wait(self, trainee: dict, assessment_url: str) -> dict:
        status, _headers, page = self.call(trainee, "GET", assessment_url)
        form = START_FORM.search(page)
        if status != 200 or not form:
            raise RuntimeError(f"assessment page: status {status}, no start form")
        status, headers, _ = self.call(trainee, "POST", form.group(1).decode())
        match = ATTEMPT.search(headers.get("Location") or "")
        if status != 302 or not match:
            raise RuntimeError(f"attempt_start: status {status} {headers.get('Location')}")
        attempt_id = int(match.group(1))
        attempt = Attempt.objects.get(pk=attempt_id)
        answers = [
            (f"{ANSWER_PREFIX}{question['id']}", value)
            for question in iter_questions(attempt.questions)
            for value in correct_values(question)
        ]
        path = urlsplit(headers["Location"]).path  # with its language prefix
        started = time.perf_counter()
        status, headers, _ = self.call(trainee, "POST", path + "submit/", answers)
        submitted = time.perf_counter() - started
        if status != 302:
            raise RuntimeError(f"attempt_submit: status {status}")
        certificate = Certificate.objects.filter(attempt_id=attempt_id).first()
        if certificate is None:
            raise RuntimeError("passed, but no certificate was issued")
        pdf_path = f"/{trainee['language']}/certificates/{certificate.pk}/pdf/"
        while True:
            status, headers, body = self.call(trainee, "GET", pdf_path)
            if status == 200 and headers.get("Content-Type") == "application/pdf" and body.startswith(b"%PDF"):
                return {"submit": submitted, "ready": time.perf_counter() - started}
            if status != 200:
                raise RuntimeError(f"certificate_pdf: status {status}")
            if time.perf_counter() - started > GIVE_UP_SECONDS:
                raise RuntimeError(f"no PDF after {GIVE_UP_SECONDS} s")
            time.sleep(POLL_SECONDS)


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(share * len(ordered)) - 1))]


def report(certifiers: Certifiers, bare: float, target: float) -> bool:
    """Print the figures; True when the p95 meets ``target`` seconds and nothing failed."""
    ready = [s["ready"] for s in certifiers.samples]
    submit = [s["submit"] for s in certifiers.samples]
    say(f"certificates: {len(ready)} passes measured, {len(certifiers.errors)} failed")
    for error in certifiers.errors[:5]:
        say(f"  {error}")
    if not ready:
        return False
    p50, p95 = statistics.median(ready), percentile(ready, 0.95)
    say(
        f"  PDF downloadable after passing: p50 {p50:.2f} s, p95 {p95:.2f} s, max {max(ready):.2f} s "
        f"(target p95 <= {target:.0f} s)"
    )
    say(
        f"  the submit request itself (result page, no PDF): p50 {statistics.median(submit) * 1000:.0f} ms, "
        f"p95 {percentile(submit, 0.95) * 1000:.0f} ms"
    )
    say(f"  bare WeasyPrint render of one certificate: {bare:.2f} s; p95 / bare = {p95 / bare:.1f}")
    return p95 <= target and not certifiers.errors
