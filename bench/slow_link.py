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
import statistics
import sys
import time
from pathlib import Path

# Run as a script, bench/ is on the path but not the project: its packages are imported from there.
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.browser_site import CHROMIUM, CHROMIUM_ARGS, BrowserSite, sign_in

TARGET_SECONDS = 3.0


def page_kinds(site: BrowserSite) -> dict[str, str]:
    """One URL of each page kind a trainee reads, from the demo content."""
    script = (
        "import json\n"
        "from courses.models import LessonPage\n"
        "lesson = LessonPage.objects.live().filter(locale__language_code='en').order_by('path').first()\n"
        "tg_lesson = LessonPage.objects.live().filter(locale__language_code='tg').order_by('path').first()\n"
        "print(json.dumps({'lesson (en)': lesson.url, 'lesson (tg)': tg_lesson.url,"
        " 'course (en)': lesson.get_parent().url}))"
    )
    pages = {"bare Django view": "/bench/bare/", "home (tg)": "/tg/", "catalogue (ru)": "/ru/courses/"}
    pages.update(json.loads(site.python(script)))
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


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5, help="loads per page and cache state (default %(default)s)")
    parser.add_argument("--kbits", type=int, default=400, help="link speed both ways (default %(default)s kbit/s)")
    parser.add_argument("--rtt-ms", type=int, default=400, help="round trip (default %(default)s ms)")
    args = parser.parse_args()

    from playwright.sync_api import sync_playwright

    with BrowserSite() as site, sync_playwright() as playwright:
        pages = page_kinds(site)
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        state = sign_in(browser, site.base)
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
                    measure(browser, site.base, state, path, args.kbits, args.rtt_ms, warm) for _ in range(args.runs)
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
    print()
    for name, seconds in verdict:
        status = "met" if seconds <= TARGET_SECONDS else "MISSED"
        print(f"{name}: readable after {seconds:.2f} s on a cold cache (target {TARGET_SECONDS:.0f} s: {status})")


if __name__ == "__main__":
    sys.exit(main())
