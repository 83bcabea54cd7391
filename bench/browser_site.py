"""A throw-away Frontline site for the browser benches: a fresh SQLite database with the demo
content, served by gunicorn with the production settings (compressed static files, no debug) on a
free loopback port, and the demo accounts signed in through the login form."""

import os
import secrets
import signal
import socket
import subprocess
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PYTHON = ROOT / ".venv" / "bin" / "python"
GUNICORN = ROOT / ".venv" / "bin" / "gunicorn"
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
TRAINEE = ("trainee@frontline.test", "frontline-demo")


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def site_environment(workdir: Path, port: int) -> dict[str, str]:
    env = {key: value for key, value in os.environ.items() if key not in {"DJANGO_DEBUG", "ROOT_URLCONF"}}
    env.update(
        {
            "DJANGO_SETTINGS_MODULE": "bench.settings",
            "DATABASE_URL": f"sqlite:///{workdir / 'site.sqlite3'}",
            "SECRET_KEY": secrets.token_urlsafe(50),
            "ALLOWED_HOSTS": "127.0.0.1",
            "CSRF_TRUSTED_ORIGINS": f"http://127.0.0.1:{port}",
            "SITE_URL": f"http://127.0.0.1:{port}",
            # Plain HTTP on the loopback: the TLS a proxy adds costs round trips this bench
            # leaves out (it would add the same to the bare view).
            "SECURE_SSL_REDIRECT": "0",
            "STATIC_ROOT": str(workdir / "static"),
            "MEDIA_ROOT": str(workdir / "media"),
            "PRIVATE_MEDIA_ROOT": str(workdir / "private-media"),
            "LOG_LEVEL": "WARNING",
            "PYTHONPATH": str(ROOT),
        }
    )
    return env


def prepare(env: dict[str, str]) -> None:
    # seed_demo gives the demo accounts their known password only under DEBUG.
    for step, extra in (
        (["migrate", "--no-input", "-v0"], {}),
        (["collectstatic", "--no-input", "-v0"], {}),
        (["seed_demo"], {"DJANGO_DEBUG": "1"}),
    ):
        print(f"manage.py {' '.join(step)}…", flush=True)
        subprocess.run(
            [str(PYTHON), "manage.py", *step], cwd=ROOT, env=env | extra, check=True, stdout=subprocess.DEVNULL
        )


def serve(env: dict[str, str], port: int, log: Path) -> subprocess.Popen:
    command = [str(GUNICORN), "config.wsgi", "--workers", "2", "--bind", f"127.0.0.1:{port}", "--chdir", str(ROOT)]
    process = subprocess.Popen(command, env=env, cwd=ROOT, stdout=log.open("w"), stderr=subprocess.STDOUT)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{port}/bench/bare/", timeout=2)
            return process
        except OSError:
            if process.poll() is not None:
                raise SystemExit(f"gunicorn exited; see {log}") from None
            time.sleep(0.3)
    raise SystemExit("gunicorn did not answer in time")


def sign_in(browser, base: str, account: tuple[str, str] = TRAINEE):
    context = browser.new_context()
    page = context.new_page()
    page.goto(base + "/en/accounts/login/")
    page.fill("input[name=login]", account[0])
    page.fill("input[name=password]", account[1])
    page.click("main form[method=post] button[type=submit]")
    page.wait_for_load_state("load")
    if "/accounts/login/" in page.url:
        raise SystemExit(f"{account[0]} could not sign in: {page.url}\n{page.inner_text('main')[:500]}")
    state = context.storage_state()
    context.close()
    return state


class BrowserSite:
    """``with BrowserSite() as site:`` builds, serves and finally removes the site."""

    def __enter__(self) -> "BrowserSite":
        self._tmp = tempfile.TemporaryDirectory(prefix="frontline-bench-site-")
        workdir = Path(self._tmp.name)
        self.port = free_port()
        self.base = f"http://127.0.0.1:{self.port}"
        self.env = site_environment(workdir, self.port)
        prepare(self.env)
        self._server = serve(self.env, self.port, workdir / "gunicorn.log")
        return self

    def manage(self, *args: str, debug: bool = False) -> str:
        env = self.env | {"DJANGO_DEBUG": "1"} if debug else self.env
        result = subprocess.run(
            [str(PYTHON), "manage.py", *args], cwd=ROOT, env=env, check=True, capture_output=True, text=True
        )
        return result.stdout

    def python(self, script: str) -> str:
        """The last line a script printed, run with Django set up on the site's database."""
        result = subprocess.run(
            [str(PYTHON), "-c", "import django; django.setup()\n" + script],
            cwd=ROOT,
            env=self.env,
            check=True,
            capture_output=True,
            text=True,
        )
        return result.stdout.strip().splitlines()[-1]

    def __exit__(self, *exc) -> None:
        self._server.send_signal(signal.SIGTERM)
        self._server.wait(timeout=30)
        self._tmp.cleanup()
