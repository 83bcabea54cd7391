"""Browser tests: Debian's Chromium, driven by Playwright, against a real server process.

The site runs as ``manage.py runserver`` in its own process, with a ``manage.py db_worker``
beside it for the queued work (certificate PDFs, invitation e-mails), on its own database (a fresh
SQLite file, or a fresh PostgreSQL database when the suite runs on PostgreSQL), migrated and
seeded with ``seed_demo`` once per test session. The browser tests touch that database only
through the browser and through ``manage.py`` in the site's environment, never through the
test process's own (rolled-back) test database.

axe-core comes from the npm package in ``package.json``; ``./run test`` installs it and
Chromium. Outside ``./run test`` the tests skip, saying what is missing.
"""

import json
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
import uuid
from dataclasses import dataclass
from email import message_from_bytes, policy
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import pytest

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = Path(os.environ.get("CHROMIUM", "/usr/bin/chromium"))
AXE_SOURCE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
DEMO_PASSWORD = "frontline-demo"
SERVER_START_SECONDS = 60
SEED_SECONDS = 600


def pytest_collection_modifyitems(config, items):
    here = Path(__file__).parent
    for item in items:
        if here in Path(item.fspath).parents:
            item.add_marker(pytest.mark.e2e)


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _database_url(workdir: Path) -> tuple[str, callable]:
    """A fresh database for the site, and how to drop it afterwards."""
    url = os.environ.get("DATABASE_URL", "")
    if not url.startswith(("postgres://", "postgresql://")):
        return f"sqlite:///{workdir / 'site.sqlite3'}", lambda: None
    parts = urlsplit(url)
    name = f"frontline_e2e_{uuid.uuid4().hex[:8]}"
    admin = dict(host=parts.hostname, port=parts.port or 5432, user=parts.username, password=parts.password)
    import psycopg

    def run(sql: str) -> None:
        with psycopg.connect(dbname="postgres", autocommit=True, **admin) as conn:
            conn.execute(sql)

    run(f'CREATE DATABASE "{name}"')
    return urlunsplit(parts._replace(path=f"/{name}")), lambda: run(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@dataclass
class Site:
    """The running site: its address, environment and outbox."""

    base_url: str
    env: dict
    mail_dir: Path
    log_path: Path
    worker_log_path: Path | None = None

    def url(self, path: str) -> str:
        return self.base_url + path

    def manage(self, *args: str, timeout: float = 120) -> str:
        result = subprocess.run(
            [sys.executable, "manage.py", *args],
            cwd=ROOT,
            env=self.env,
            capture_output=True,
            text=True,
            timeout=timeout,
        )
        if result.returncode:
            raise AssertionError(f"manage.py {' '.join(args)} failed:\n{result.stdout}\n{result.stderr}")
        return result.stdout

    def oracle(self, *args: str):
        result = subprocess.run(
            [sys.executable, "-m", "tests.e2e.oracle", *args],
            cwd=ROOT,
            env=self.env,
            capture_output=True,
            text=True,
            timeout=60,
        )
        if result.returncode:
            raise AssertionError(f"oracle {args} failed:\n{result.stderr}")
        return json.loads(result.stdout)

    def mail_to(self, address: str, *, timeout: float = 10):
        """The newest e-mail message to ``address`` (file backend: one file per connection)."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            for path in sorted(self.mail_dir.glob("*.log"), key=lambda p: p.stat().st_mtime, reverse=True):
                for raw in path.read_bytes().split(b"-" * 79 + b"\n"):
                    if not raw.strip():
                        continue
                    message = message_from_bytes(raw.strip(b"\n") + b"\n", policy=policy.default)
                    if address in str(message["To"]):
                        return message
            time.sleep(0.2)
        raise AssertionError(f"no e-mail to {address} within {timeout} s")

    def log_tail(self, lines: int = 40) -> str:
        tails = []
        for path in (self.log_path, self.worker_log_path):
            if path is not None and path.exists():
                tails.append(f"--- {path.name}\n" + "\n".join(path.read_text(errors="replace").splitlines()[-lines:]))
        return "\n".join(tails)


def _missing_tools() -> list[str]:
    missing = []
    if not CHROMIUM.exists():
        missing.append(f"Chromium ({CHROMIUM})")
    for tool, package in (("pdftoppm", "poppler-utils"), ("zbarimg", "zbar-tools")):
        if not shutil.which(tool):
            missing.append(f"{tool} ({package})")
    if not AXE_SOURCE.exists():
        missing.append("axe-core (npm ci)")
    try:
        import playwright  # noqa: F401
    except ImportError:
        missing.append("playwright (pip install -e '.[dev]')")
    return missing


@pytest.fixture(scope="session")
def site(tmp_path_factory):
    missing = _missing_tools()
    if missing:
        pytest.skip("browser tests need " + ", ".join(missing) + "; './run test' installs them")
    workdir = tmp_path_factory.mktemp("e2e-site")
    mail_dir = workdir / "mail"
    mail_dir.mkdir()
    database_url, drop_database = _database_url(workdir)
    port = _free_port()
    base_url = f"http://127.0.0.1:{port}"
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "tests.e2e.server_settings",
        "DJANGO_DEBUG": "1",
        "SECRET_KEY": "browser-tests-only-" + uuid.uuid4().hex,
        "DATABASE_URL": database_url,
        "E2E_MAIL_DIR": str(mail_dir),
        "MEDIA_ROOT": str(workdir / "media"),
        "PRIVATE_MEDIA_ROOT": str(workdir / "private-media"),
        "SITE_URL": base_url,
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
        "PYTHONUNBUFFERED": "1",
    }
    log_path = workdir / "server.log"
    worker_log_path = workdir / "worker.log"
    server = worker = None
    try:
        site = Site(base_url=base_url, env=env, mail_dir=mail_dir, log_path=log_path, worker_log_path=worker_log_path)
        site.manage("migrate", "--no-input", timeout=SEED_SECONDS)
        site.manage("seed_demo", timeout=SEED_SECONDS)
        with log_path.open("wb") as log:
            server = subprocess.Popen(
                [sys.executable, "manage.py", "runserver", "--noreload", f"127.0.0.1:{port}"],
                cwd=ROOT,
                env={**env, "DJANGO_DEBUG": "0"},
                stdout=log,
                stderr=subprocess.STDOUT,
            )
        with worker_log_path.open("wb") as log:
            # The queue's worker, as ./run start and production run it: certificates are
            # rendered and invitations sent here, not in the requests the browser makes.
            worker = subprocess.Popen(
                [sys.executable, "manage.py", "db_worker", "--queue-name", "*", "--no-reload", "--interval", "0.2"],
                cwd=ROOT,
                env={**env, "DJANGO_DEBUG": "0"},
                stdout=log,
                stderr=subprocess.STDOUT,
            )
        deadline = time.monotonic() + SERVER_START_SECONDS
        while True:
            try:
                urllib.request.urlopen(base_url + "/en/", timeout=5)
                break
            except OSError as error:
                if server.poll() is not None or worker.poll() is not None or time.monotonic() > deadline:
                    raise AssertionError("the site did not start:\n" + site.log_tail()) from error
                time.sleep(0.3)
        yield site
    finally:
        for process in (server, worker):
            if process is not None:
                process.terminate()
                try:
                    process.wait(timeout=10)
                except subprocess.TimeoutExpired:
                    process.kill()
        drop_database()
        shutil.rmtree(workdir, ignore_errors=True)


@pytest.fixture(scope="session")
def browser(site):
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def downloads_dir():
    path = Path(tempfile.mkdtemp(prefix="frontline-e2e-downloads-"))
    yield path
    shutil.rmtree(path, ignore_errors=True)


@pytest.fixture
def new_page(browser, site):
    """Open a fresh browser (own cookies) on the site; console errors fail the test."""
    contexts, problems = [], []

    def open_page(*, locale: str = "en-GB", expected_responses=None):
        """``expected_responses``: a compiled pattern for "METHOD STATUS URL" of error responses
        a page answers by design (only the Wagtail admin's autosave needs it); keep it narrow."""
        context = browser.new_context(base_url=site.base_url, locale=locale, accept_downloads=True)
        context.set_default_timeout(20_000)
        contexts.append(context)
        page = context.new_page()

        # A CSP violation, a failing script or a missing stylesheet, font or image is a broken
        # page for a real user. (The status of the page itself is each test's own business:
        # some ask for a 404 on purpose; Chromium logs those as console errors too.)
        def on_console(message):
            if message.type == "error" and not message.text.startswith("Failed to load resource"):
                problems.append(f"{page.url}: {message.text}")

        def on_response(response):
            if response.request.resource_type == "document" or response.status < 400:
                return
            described = f"{response.request.method} {response.status} {response.url}"
            if not (expected_responses and expected_responses.search(described)):
                problems.append(f"{page.url}: {response.status} for {response.url}")

        page.on("console", on_console)
        page.on("response", on_response)

        def on_request_failed(request):
            # ERR_ABORTED is the browser's own cancelling: a download ending its navigation, or
            # a favicon still loading when the test moves on. Refusals and resets still count.
            if "ERR_ABORTED" not in (request.failure or ""):
                problems.append(f"{page.url}: {request.url} failed ({request.failure})")

        page.on("requestfailed", on_request_failed)
        page.on("pageerror", lambda error: problems.append(f"{page.url}: {error}"))
        return page

    yield open_page
    for context in contexts:
        context.close()
    assert not problems, "the browser met broken resources or scripts:\n" + "\n".join(problems)


def log_in(page, email: str, password: str = DEMO_PASSWORD, *, language: str = "en") -> None:
    page.goto(f"/{language}/accounts/login/")
    page.locator("input[name=login]").fill(email)
    page.locator("input[name=password]").fill(password)
    page.locator("main form button[type=submit]").first.click()
    page.wait_for_load_state()


AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]


def axe_violations(page) -> list[dict]:
    """Serious and critical WCAG 2.1 A/AA violations axe-core finds on the page as shown."""
    if not page.evaluate("() => typeof window.axe !== 'undefined'"):
        # Evaluated through the DevTools protocol, so the page's CSP (rightly) does not apply.
        page.evaluate(AXE_SOURCE.read_text(encoding="utf-8") + "\n;undefined")
    result = page.evaluate(
        "tags => axe.run(document, {runOnly: {type: 'tag', values: tags}, resultTypes: ['violations']})",
        AXE_TAGS,
    )
    return [
        {
            "id": violation["id"],
            "impact": violation["impact"],
            "help": violation["help"],
            "nodes": [
                {"target": node["target"], "summary": node.get("failureSummary", "")} for node in violation["nodes"]
            ][:3],
        }
        for violation in result["violations"]
        if violation["impact"] in {"serious", "critical"}
    ]


def assert_accessible(page, what: str) -> None:
    violations = axe_violations(page)
    assert not violations, f"{what} ({page.url}): " + json.dumps(violations, ensure_ascii=False, indent=1)
