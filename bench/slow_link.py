"""Page weight and a lesson on a slow mobile link, in Chromium, against the production server.

    .venv/bin/python bench/slow_link.py [--runs 5] [--kbits 400] [--rtt-ms 400]

Builds a throw-away SQLite site with the demo content, serves it with gunicorn and the
production settings (compressed static files, no debug), signs the demo trainee in, then loads
each page kind with an empty browser cache through Chromium's network throttling (400 kbit/s
both ways and 400 ms round trip by default: a weak 3G signal at a border post). For each page it
prints the median, over the runs, of the bytes transferred, the requests, the time to first
contentful paint (the text is readable: the stylesheet is render-blocking, so the first paint is
the styled page) and the load event, and the load time as a multiple of the bare Django view's,
measured in the same run (a text/plain page has no contentful paint of its own to compare with).
A second visit with a warm cache shows what the cached stylesheet and scripts save.

The issue's target: a lesson readable (first contentful paint) within 3 s on that link.
"""

import argparse
import json
import os
import secrets
import signal
import socket
import statistics
import subprocess
import sys
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
TARGET_SECONDS = 3.0


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


def page_kinds(env: dict[str, str]) -> dict[str, str]:
    """One URL of each page kind a trainee reads, from the demo content."""
    script = (
        "import django, json; django.setup();"
        "from courses.models import CoursePage, LessonPage;"
        "from wagtail.models import Locale;"
        "out = {};"
        "tg = Locale.objects.get(language_code='tg');"
        "en = Locale.objects.get(language_code='en');"
        "lesson = LessonPage.objects.live().filter(locale=en).order_by('path').first();"
        "course = lesson.get_parent().specific;"
        "tg_lesson = LessonPage.objects.live().filter(locale=tg).order_by('path').first();"
        "out['lesson (en)'] = lesson.url;"
        "out['lesson (tg)'] = tg_lesson.url;"
        "out['course (en)'] = course.url;"
        "print(json.dumps(out))"
    )
    result = subprocess.run([str(PYTHON), "-c", script], cwd=ROOT, env=env, check=True, capture_output=True, text=True)
    pages = {"bare Django view": "/bench/bare/", "home (tg)": "/tg/", "catalogue (ru)": "/ru/courses/"}
    pages.update(json.loads(result.stdout.strip().splitlines()[-1]))
    pages["my learning (tg)"] = "/tg/learning/"
    return pages


def measure(browser, base: str, storage_state, path: str, kbits: int, rtt_ms: int, warm: bool) -> dict:
    context = browser.new_context(storage_state=storage_state, viewport={"width": 390, "height": 844})
    page = context.new_page()
    cdp = context.new_cdp_session(page)
    cdp.send("Network.enable")
    transferred = {"bytes": 0, "requests": 0}

    def finished(event):
        transferred["bytes"] += event.get("encodedDataLength", 0)
        transferred["requests"] += 1

    if warm:
        page.goto(base + path, wait_until="load")
    cdp.send("Network.setCacheDisabled", {"cacheDisabled": not warm})
    cdp.send(
        "Network.emulateNetworkConditions",
        {
            "offline": False,
            "latency": rtt_ms,
            "downloadThroughput": kbits * 1000 / 8,
            "uploadThroughput": kbits * 1000 / 8,
        },
    )
    cdp.on("Network.loadingFinished", finished)
    started = time.perf_counter()
    response = page.goto(base + path, wait_until="load")
    loaded = time.perf_counter() - started
    if response is None or response.status != 200:
        raise SystemExit(f"{path}: status {response and response.status}")
    paint = page.evaluate(
        "() => (performance.getEntriesByName('first-contentful-paint')[0] || {startTime: null}).startTime"
    )
    navigation = page.evaluate("() => performance.getEntriesByType('navigation')[0].toJSON()")
    context.close()
    return {
        "bytes": transferred["bytes"],
        "requests": transferred["requests"],
        "fcp": (paint or navigation["domContentLoadedEventEnd"]) / 1000,
        "load": navigation["loadEventEnd"] / 1000 or loaded,
    }


def sign_in(browser, base: str):
    context = browser.new_context()
    page = context.new_page()
    page.goto(base + "/en/accounts/login/")
    page.fill("input[name=login]", TRAINEE[0])
    page.fill("input[name=password]", TRAINEE[1])
    page.click("main form[method=post] button[type=submit]")
    page.wait_for_load_state("load")
    if "/accounts/login/" in page.url:
        raise SystemExit(f"the demo trainee could not sign in: {page.url}\n{page.inner_text('main')[:500]}")
    state = context.storage_state()
    context.close()
    return state


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5, help="loads per page and cache state (default %(default)s)")
    parser.add_argument("--kbits", type=int, default=400, help="link speed both ways (default %(default)s kbit/s)")
    parser.add_argument("--rtt-ms", type=int, default=400, help="round trip (default %(default)s ms)")
    args = parser.parse_args()

    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory(prefix="frontline-slow-link-") as tmp:
        workdir = Path(tmp)
        port = free_port()
        env = site_environment(workdir, port)
        prepare(env)
        pages = page_kinds(env)
        server = serve(env, port, workdir / "gunicorn.log")
        base = f"http://127.0.0.1:{port}"
        try:
            with sync_playwright() as playwright:
                browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
                state = sign_in(browser, base)
                print(
                    f"\n{args.kbits} kbit/s, {args.rtt_ms} ms round trip, phone viewport, signed-in trainee;"
                    f" median of {args.runs} loads\n"
                )
                header = f"{'page':<22}{'cache':<7}{'kB':>7}{'req':>5}{'paint s':>9}{'load s':>8}{'load x bare':>13}"
                print(header)
                print("-" * len(header))
                bare = {}
                verdict = []
                for name, path in pages.items():
                    for warm in (False, True):
                        runs = [
                            measure(browser, base, state, path, args.kbits, args.rtt_ms, warm) for _ in range(args.runs)
                        ]
                        median = {key: statistics.median(run[key] for run in runs) for key in runs[0]}
                        if name.startswith("bare"):
                            bare[warm] = median
                        ratio = median["load"] / bare[warm]["load"] if bare.get(warm) else 1.0
                        print(
                            f"{name:<22}{'warm' if warm else 'cold':<7}{median['bytes'] / 1000:>7.1f}"
                            f"{median['requests']:>5.0f}{median['fcp']:>9.2f}{median['load']:>8.2f}{ratio:>13.2f}",
                            flush=True,
                        )
                        if name.startswith("lesson") and not warm:
                            verdict.append((name, median["fcp"]))
                browser.close()
        finally:
            server.send_signal(signal.SIGTERM)
            server.wait(timeout=30)
    print()
    for name, seconds in verdict:
        status = "met" if seconds <= TARGET_SECONDS else "MISSED"
        print(f"{name}: readable after {seconds:.2f} s on a cold cache (target {TARGET_SECONDS:.0f} s: {status})")


if __name__ == "__main__":
    sys.exit(main())
