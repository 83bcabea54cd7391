"""Load test: simulated trainees against gunicorn + PostgreSQL, compared with a bare Django view.

    pip install -e ".[bench]"       # locust
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/frontline_load REDIS_URL=redis://127.0.0.1:6379/1 \\
        .venv/bin/python bench/load.py [--users 200] [--seconds 60] [--saturation-seconds 15] [--repeat 3]

The database must hold the data of ``manage.py generate_load_data`` (the seed courses and a
country of trainees). The script does the rest itself and prints its progress:

1. collects the static files into a temporary STATIC_ROOT (WhiteNoise serves them, as in
   production);
2. prepares ``--users`` bench trainees (``bench-trainee-NNN@load.frontline.test``, removed by
   ``generate_load_data --clear``) with a password and a confirmed address, in the generated
   trainees' mix of languages: the first course passed with a certificate (PDF rendered once,
   kept under bench/out/), every lesson of the second and third done (their assessments
   open), the fourth not started. State left by the previous run is reset first;
3. starts gunicorn (``config.wsgi``, 2 gthread workers of 4 threads, a free port) with production settings: DEBUG
   off, a random SECRET_KEY, ALLOWED_HOSTS=127.0.0.1, HTTPS as seen behind a TLS proxy
   (``BEHIND_TLS_PROXY=1``; the clients send ``X-Forwarded-Proto: https``, so the SSL redirect,
   HSTS and secure cookies stay on), the environment's DATABASE_URL and REDIS_URL; the only
   difference from the site is ``bench.settings``, whose URLconf adds the bare view at
   ``/bench/bare/``;
4. signs every trainee in through the real login form (PBKDF2 included), each from its own
   loopback address as 200 people would, before the measured run (timed, shown apart);
5. runs locust headless (bench/locustfile.py): ``--users`` trainees for ``--seconds`` seconds
   reading lessons, opening course pages, the catalogue and "My learning", marking lessons
   complete, taking assessments and downloading certificates, with 1-3 s of think time (a
   trainee's task that is under way when the time is up may finish, within 30 s);
6. then, ``--repeat`` times, the throughput ceiling: ``--saturation-users`` clients with no
   think time on a signed-in trainee's lesson pages, then on the bare view, for
   ``--saturation-seconds`` each; the ratio is lesson-page rps / bare-view rps (medians);
7. stops gunicorn and prints the tables.

Locust runs on the same two cores as gunicorn and PostgreSQL, so every figure includes the
load generator's share of the CPU; compare ratios and medians of repeated runs.

Targets: p95 <= 500 ms and no error over the trainees' run; the lesson page at >= 1/10 of
the bare view's throughput. Exit status 0 when all are met, 1 when one is missed, 2 when the
set-up is wrong.
"""

import argparse
import csv
import http.client
import json
import os
import random
import re
import secrets
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from urllib.parse import urlencode

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "bench" / "out"
VENV_BIN = Path(sys.executable).parent
EMAIL = "bench-trainee-{:03d}@load.frontline.test"  # the generated data's domain: --clear removes them
PASSWORD = "bench-trainee-password-1"
P95_TARGET_MS = 500
RATIO_TARGET = 0.1
GENERATE = (
    "DATABASE_URL=... .venv/bin/python manage.py migrate && "
    "DATABASE_URL=... .venv/bin/python manage.py generate_load_data"
)
KIND_ORDER = [
    "lesson",
    "course",
    "catalogue",
    "my_learning",
    "lesson_complete",
    "assessment",
    "attempt_start",
    "attempt",
    "attempt_submit",
    "attempt_result",
    "certificates",
    "certificate_pdf",
]


def say(message: str) -> None:
    print(f"[{time.strftime('%H:%M:%S')}] {message}", flush=True)


# ----------------------------------------------------------------------------- environment


def server_environment(port: int, static_root: Path) -> dict[str, str]:
    """Production settings for the loopback: what README's production section sets."""
    env = {key: value for key, value in os.environ.items() if key not in {"DJANGO_DEBUG", "ROOT_URLCONF"}}
    env.update(
        {
            "DJANGO_SETTINGS_MODULE": "bench.settings",
            "SECRET_KEY": env.get("BENCH_SECRET_KEY") or secrets.token_urlsafe(50),
            "ALLOWED_HOSTS": "127.0.0.1",
            "CSRF_TRUSTED_ORIGINS": f"https://127.0.0.1:{port}",
            "SITE_URL": f"https://127.0.0.1:{port}",
            "BEHIND_TLS_PROXY": "1",
            "STATIC_ROOT": str(static_root),
            "MEDIA_ROOT": str(OUT / "media"),
            "PRIVATE_MEDIA_ROOT": str(OUT / "private-media"),
            "LOG_LEVEL": "WARNING",
            "PYTHONPATH": str(ROOT),
        }
    )
    return env


def configure(env: dict[str, str]) -> None:
    os.environ.update(env)
    os.environ.pop("DJANGO_DEBUG", None)
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


# ----------------------------------------------------------------------------- data


def check_data() -> None:
    from wagtail.models import Locale

    from bench.loaddata.bulk import generated_users
    from courses.selectors import catalogue_courses

    if not generated_users().exists() or catalogue_courses(locale=Locale.get_default()).count() < 4:
        say(f"No generated data in this database. Create it first:\n    {GENERATE}")
        sys.exit(2)


def courses_in_roles():
    """The four seed courses (default language): certified, two assessments open, not started."""
    from wagtail.models import Locale

    from courses.selectors import catalogue_courses

    courses = list(catalogue_courses(locale=Locale.get_default())[:4])
    return courses[0], courses[1:3], courses[3]


def language_mix(count: int) -> list[str]:
    """The generated trainees' languages (bench.loaddata.country.LANGUAGES), spread evenly."""
    from bench.loaddata.country import LANGUAGES

    total = sum(weight for _code, weight in LANGUAGES)
    languages = []
    for code, weight in LANGUAGES:
        languages += [code] * round(count * weight / total)
    languages = (languages + [LANGUAGES[0][0]] * count)[:count]
    random.Random(7).shuffle(languages)
    return languages


def prepare_trainees(count: int):
    """Bench trainees with a known password and a confirmed address; reused when present."""
    from allauth.account.models import EmailAddress
    from django.contrib.auth import get_user_model
    from django.contrib.auth.hashers import make_password

    from accounts.models import Agency, Region

    User = get_user_model()
    emails = [EMAIL.format(n) for n in range(1, count + 1)]
    languages = dict(zip(emails, language_mix(count), strict=True))
    password = make_password(PASSWORD)  # one hash for all: hashing 200 times would take a minute
    agencies = list(Agency.objects.filter(is_active=True).order_by("sort_order", "pk"))
    regions = list(Region.objects.filter(is_active=True).order_by("sort_order", "pk"))
    existing = set(User.objects.filter(email__in=emails).values_list("email", flat=True))
    User.objects.bulk_create(
        [
            User(
                email=email,
                full_name=f"Bench Trainee {n:03d}",
                password=password,
                agency=agencies[n % len(agencies)],
                region=regions[n % len(regions)],
                position="Officer",
                preferred_language=languages[email],
            )
            for n, email in enumerate(emails, start=1)
            if email not in existing
        ]
    )
    users = list(User.objects.filter(email__in=emails).order_by("email"))
    User.objects.filter(pk__in=[u.pk for u in users]).update(password=password, is_active=True, erased_at=None)
    for user in users:
        if user.preferred_language != languages[user.email]:
            User.objects.filter(pk=user.pk).update(preferred_language=languages[user.email])
            user.preferred_language = languages[user.email]
    verified = set(EmailAddress.objects.filter(user__in=users, verified=True).values_list("user_id", flat=True))
    EmailAddress.objects.filter(user__in=users).exclude(user_id__in=verified).delete()
    EmailAddress.objects.bulk_create(
        [EmailAddress(user=u, email=u.email, verified=True, primary=True) for u in users if u.pk not in verified]
    )
    return users


def reset_progress(users) -> None:
    """Every bench trainee starts the run in the same place, whatever the last run left."""
    from django.db import transaction
    from django.utils import timezone

    from assessments.models import Attempt
    from certificates.models import Certificate
    from courses.models import Enrolment, LessonCompletion
    from courses.selectors import course_lessons

    certified, open_courses, _fresh = courses_in_roles()
    done = [certified, *open_courses]
    now = timezone.now()
    with transaction.atomic():
        kept = Certificate.objects.filter(user__in=users, course=certified, status=Certificate.Status.VALID)
        stale = Certificate.objects.filter(user__in=users).exclude(pk__in=kept.values("pk"))
        Certificate.objects.filter(user__in=users).exclude(superseded_by=None).update(superseded_by=None)
        stale.delete()
        Attempt.objects.filter(user__in=users).exclude(pk__in=kept.values("attempt_id")).delete()
        LessonCompletion.objects.filter(user__in=users).exclude(course__in=done).delete()
        Enrolment.objects.filter(user__in=users).exclude(course__in=done).delete()
        completions = []
        for course in done:
            for lesson in course_lessons(course=course):
                completions += [LessonCompletion(user=u, lesson=lesson, course=course) for u in users]
        LessonCompletion.objects.bulk_create(completions, ignore_conflicts=True)
        Enrolment.objects.bulk_create(
            [Enrolment(user=u, course=course) for course in done for u in users], ignore_conflicts=True
        )
        Enrolment.objects.filter(user__in=users, course__in=open_courses).update(completed_at=None)
        Enrolment.objects.filter(user__in=users, course=certified, completed_at=None).update(completed_at=now)


def ensure_certificates(users) -> None:
    """A valid certificate of the first course for every bench trainee, its PDF on disk."""
    from django.db import transaction
    from django.utils import timezone

    from assessments import grading as q
    from assessments.models import Attempt
    from assessments.selectors import course_assessment
    from certificates.models import Certificate
    from certificates.services import certificate_issue, certificate_render

    certified, _open, _fresh = courses_in_roles()
    assessment = course_assessment(course=certified)
    have = set(
        Certificate.objects.filter(user__in=users, course=certified, status=Certificate.Status.VALID).values_list(
            "user_id", flat=True
        )
    )
    missing = [u for u in users if u.pk not in have]
    if missing:
        say(f"  issuing {len(missing)} certificates (PDFs rendered once, kept in {OUT / 'private-media'})…")
    for user in missing:
        items = q.draw(assessment.questions, per_attempt=assessment.questions_per_attempt)
        with transaction.atomic():
            attempt = Attempt.objects.create(
                user=user,
                assessment=assessment,
                course=certified,
                revision_id=assessment.live_revision_id,
                language=user.preferred_language,
                questions=items,
                pass_mark=assessment.pass_mark,
                status=Attempt.Status.SUBMITTED,
                submitted_at=timezone.now(),
                points=1,
                max_points=1,
                score=100,
                passed=True,
            )
            certificate_issue(attempt=attempt)
    rendered = 0
    for certificate in Certificate.objects.filter(user__in=users, course=certified, status=Certificate.Status.VALID):
        if not certificate.pdf or not certificate.pdf.storage.exists(certificate.pdf.name):
            certificate_render(certificate=certificate)
            rendered += 1
    if rendered:
        say(f"  rendered {rendered} missing certificate PDFs")


def page_plan() -> dict:
    """The URLs each language's trainees visit."""
    from django.urls import reverse
    from django.utils import translation
    from wagtail.models import Locale

    from assessments.selectors import course_assessment
    from courses.selectors import catalogue_page, course_lessons

    certified, open_courses, fresh = courses_in_roles()
    plan = {}
    for locale in Locale.objects.all():
        code = locale.language_code

        def translated(page, locale=locale):
            return page.get_translation_or_none(locale) or page

        courses = [translated(c) for c in (certified, *open_courses, fresh)]
        with translation.override(code):
            urls = {
                "my_learning": reverse("my_learning"),
                "certificates": reverse("my_certificates"),
                "lesson_complete": reverse("lesson_complete", args=[123456789]).replace("123456789", "{id}"),
            }
        catalogue = catalogue_page(locale=locale)
        assessments = [course_assessment(course=c) for c in courses]
        plan[code] = urls | {
            "catalogue": catalogue.url,
            "courses": [c.url for c in courses],
            "lessons": [lesson.url for c in courses for lesson in course_lessons(course=c)],
            "progress_lessons": [(lesson.url, lesson.pk) for lesson in course_lessons(course=courses[3])],
            "open_assessments": [a.url for a in assessments[1:3] if a],
            "assessments": [a.url for a in assessments if a],
        }
    return plan


# ----------------------------------------------------------------------------- server


class Server:
    def __init__(self, env: dict[str, str], port: int, workers: int, worker_class: str, threads: int):
        self.port = port
        self.log = (OUT / "gunicorn.log").open("w")
        command = [
            str(VENV_BIN / "gunicorn"),
            "config.wsgi",
            "--workers",
            str(workers),
            "--worker-class",
            worker_class,
            "--threads",
            str(threads),
            "--bind",
            f"127.0.0.1:{port}",
            "--backlog",
            "2048",
            "--timeout",
            "60",
            # Longer than a trainee's think time: a browser's idle connection is not closed under
            # it just as it sends a form (gunicorn's default is 2 s; a proxy in front does the same).
            "--keep-alive",
            "10",
            "--chdir",
            str(ROOT),
            "--log-level",
            "warning",
        ]
        self.process = subprocess.Popen(command, env=env, stdout=self.log, stderr=subprocess.STDOUT, cwd=ROOT)

    def wait_ready(self, timeout: float = 60) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise SystemExit(f"gunicorn exited; see {OUT / 'gunicorn.log'}")
            try:
                status, _headers, _body = request(self.port, "GET", "/bench/bare/")
                if status == 200:
                    return
            except OSError:
                pass
            time.sleep(0.2)
        raise SystemExit("gunicorn did not answer in time")

    def pids(self) -> list[int]:
        import psutil

        parent = psutil.Process(self.process.pid)
        return [parent.pid, *(child.pid for child in parent.children(recursive=True))]

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                self.process.kill()
        self.log.close()


def request(port, method, path, *, body=None, cookies=None, headers=None, source=None):
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=120, source_address=source)
    all_headers = {"X-Forwarded-Proto": "https", "Host": f"127.0.0.1:{port}"}
    if cookies:
        all_headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in cookies.items())
    all_headers.update(headers or {})
    try:
        connection.request(method, path, body=body, headers=all_headers)
        response = connection.getresponse()
        return response.status, response.headers, response.read()
    finally:
        connection.close()


def take_cookies(headers, cookies: dict) -> None:
    for header in headers.get_all("Set-Cookie") or []:
        name, _, rest = header.partition("=")
        cookies[name.strip()] = rest.split(";", 1)[0]


def login(port: int, user, number: int) -> tuple[dict, float]:
    """The login form as a browser submits it, from the trainee's own loopback address."""
    source = (f"127.0.{1 + number // 250}.{2 + number % 250}", 0)
    path = f"/{user.preferred_language}/accounts/login/"
    cookies: dict[str, str] = {}
    started = time.perf_counter()
    status, headers, body = request(port, "GET", path, source=source)
    take_cookies(headers, cookies)
    token = re.search(rb'name="csrfmiddlewaretoken" value="([^"]+)"', body)
    if status != 200 or not token:
        raise RuntimeError(f"login page for {user.email}: status {status}")
    origin = f"https://127.0.0.1:{port}"
    status, headers, _body = request(
        port,
        "POST",
        path,
        source=source,
        cookies=cookies,
        body=urlencode({"csrfmiddlewaretoken": token.group(1).decode(), "login": user.email, "password": PASSWORD}),
        headers={"Content-Type": "application/x-www-form-urlencoded", "Origin": origin, "Referer": origin + path},
    )
    take_cookies(headers, cookies)
    if status != 302 or "sessionid" not in cookies:
        raise RuntimeError(f"login of {user.email}: status {status}, {headers.get('Location')}")
    return {k: cookies[k] for k in ("sessionid", "csrftoken") if k in cookies}, time.perf_counter() - started


def warm_up(port: int, plan: dict) -> None:
    """Every page kind a few times per worker: imports, templates and caches are loaded before timing."""
    trainee = plan["trainees"][0]
    pages = plan["pages"]
    for _ in range(4):
        for urls in pages.values():
            for url in [
                urls["catalogue"],
                urls["my_learning"],
                urls["certificates"],
                *urls["courses"],
                *urls["lessons"],
            ]:
                request(port, "GET", url, cookies=trainee["cookies"])
        request(port, "GET", plan["bare"])


# ----------------------------------------------------------------------------- locust


def run_locust(name: str, user_class: str, users: int, seconds: int, port: int, plan_path: Path, server: Server):
    import psutil

    prefix = OUT / name
    command = [
        str(VENV_BIN / "locust"),
        "-f",
        str(ROOT / "bench" / "locustfile.py"),
        "--headless",
        "--users",
        str(users),
        "--spawn-rate",
        str(users),
        "--run-time",
        f"{seconds}s",
        "--host",
        f"http://127.0.0.1:{port}",
        "--csv",
        str(prefix),
        "--only-summary",
        "--loglevel",
        "WARNING",
        "--stop-timeout",
        "30",
        user_class,
    ]
    env = dict(os.environ, BENCH_PLAN=str(plan_path))
    processes = [psutil.Process(pid) for pid in server.pids()]
    before = sum(p.cpu_times().user + p.cpu_times().system for p in processes)
    started = time.monotonic()
    with (OUT / f"{name}.log").open("w") as log:
        locust = subprocess.Popen(command, env=env, stdout=log, stderr=subprocess.STDOUT, cwd=ROOT)
        while locust.poll() is None:
            time.sleep(1)
            elapsed = time.monotonic() - started
            if seconds >= 30 and int(elapsed) % 15 == 0 and elapsed < seconds:
                say(f"  … {int(elapsed)} s")
    elapsed = time.monotonic() - started
    server_cpu = sum(p.cpu_times().user + p.cpu_times().system for p in processes if p.is_running()) - before
    rows = read_stats(prefix)
    failures = read_failures(prefix)
    return rows, failures, server_cpu / elapsed


def read_stats(prefix: Path) -> dict[str, dict]:
    rows = {}
    with open(f"{prefix}_stats.csv", newline="") as handle:
        for row in csv.DictReader(handle):
            rows[row["Name"]] = {
                "requests": int(row["Request Count"]),
                "errors": int(row["Failure Count"]),
                "rps": float(row["Requests/s"]),
                "p50": float(row["50%"] or 0),
                "p95": float(row["95%"] or 0),
                "p99": float(row["99%"] or 0),
            }
    return rows


def read_failures(prefix: Path) -> list[str]:
    path = Path(f"{prefix}_failures.csv")
    if not path.exists():
        return []
    with path.open(newline="") as handle:
        return [f"{row['Occurrences']:>5} × {row['Name']}: {row['Error']}" for row in csv.DictReader(handle)]


# ----------------------------------------------------------------------------- report


def table(rows: dict[str, dict]) -> str:
    names = [n for n in KIND_ORDER if n in rows] + sorted(n for n in rows if n not in KIND_ORDER and n != "Aggregated")
    lines = [f"  {'page':<18}{'requests':>9}{'rps':>9}{'p50 ms':>9}{'p95 ms':>9}{'p99 ms':>9}{'errors':>8}"]
    for name in [*names, "Aggregated"]:
        if name not in rows:
            continue
        r = rows[name]
        label = "all" if name == "Aggregated" else name
        lines.append(
            f"  {label:<18}{r['requests']:>9,}{r['rps']:>9.1f}"
            f"{r['p50']:>9.0f}{r['p95']:>9.0f}{r['p99']:>9.0f}{r['errors']:>8}"
        )
    return "\n".join(lines)


def percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(fraction * len(ordered)) - 1))]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--users", type=int, default=200, help="simulated trainees (default %(default)s)")
    parser.add_argument("--seconds", type=int, default=60, help="length of the trainees' run (default %(default)s)")
    parser.add_argument(
        "--think",
        type=float,
        nargs=2,
        default=[1.0, 3.0],
        metavar=("MIN", "MAX"),
        help="think time between a trainee's pages, seconds (default 1 3)",
    )
    parser.add_argument(
        "--saturation-users",
        type=int,
        default=16,
        help="clients without think time for the throughput ceiling (default %(default)s)",
    )
    parser.add_argument("--saturation-seconds", type=int, default=15, help="default %(default)s")
    parser.add_argument("--repeat", type=int, default=3, help="lesson/bare throughput pairs (default %(default)s)")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument(
        "--worker-class",
        default="gthread",
        help="gunicorn worker class (default %(default)s: a worker waiting on the database "
        "or the cache serves another request meanwhile)",
    )
    parser.add_argument("--threads", type=int, default=4, help="threads per gthread worker (default %(default)s)")
    parser.add_argument("--skip-trainees", action="store_true", help="only measure the throughput ceiling")
    args = parser.parse_args()

    if not os.environ.get("DATABASE_URL", "").startswith("postgres"):
        print(f"Set DATABASE_URL to the PostgreSQL database with the generated data ({GENERATE}).")
        return 2
    try:
        import locust  # noqa: F401
    except ImportError:
        print('locust is missing: .venv/bin/pip install -e ".[bench]"')
        return 2

    OUT.mkdir(parents=True, exist_ok=True)
    port = free_port()
    static_root = Path(tempfile.mkdtemp(prefix="frontline-bench-static-"))
    env = server_environment(port, static_root)
    configure(env)
    from django.conf import settings
    from django.core.management import call_command

    check_data()
    cache = settings.CACHES["default"]["BACKEND"].rsplit(".", 1)[-1]
    say(
        f"PostgreSQL {settings.DATABASES['default']['NAME']}, cache {cache}, "
        f"sessions {settings.SESSION_ENGINE.rsplit('.', 1)[-1]}, "
        f"CONN_MAX_AGE {settings.DATABASES['default']['CONN_MAX_AGE']}"
    )
    say(f"collectstatic into {static_root}…")
    call_command("collectstatic", interactive=False, verbosity=0)
    say(f"preparing {args.users} bench trainees…")
    users = prepare_trainees(max(args.users, args.saturation_users))
    reset_progress(users)
    ensure_certificates(users)
    pages = page_plan()
    from django.db import connections

    connections.close_all()

    say(
        f"starting gunicorn on 127.0.0.1:{port} ({args.workers} workers, {args.worker_class}"
        f"{f' x {args.threads} threads' if args.threads > 1 else ''})…"
    )
    server = Server(env, port, args.workers, args.worker_class, args.threads)
    exit_status = 0
    try:
        server.wait_ready()
        say(f"signing {len(users)} trainees in through the login form…")
        login_started = time.monotonic()
        with ThreadPoolExecutor(max_workers=8) as pool:
            results = list(pool.map(lambda pair: login(port, pair[1], pair[0]), enumerate(users)))
        login_seconds = [seconds for _cookies, seconds in results]
        say(
            f"  {len(users)} logins in {time.monotonic() - login_started:.1f} s (median "
            f"{statistics.median(login_seconds) * 1000:.0f} ms each, 8 at a time)"
        )
        plan = {
            "trainees": [
                {"email": u.email, "language": u.preferred_language, "cookies": cookies}
                for u, (cookies, _seconds) in zip(users, results, strict=True)
            ],
            "pages": pages,
            "bare": "/bench/bare/",
            "think_seconds": args.think,
            "cookie_domain": "127.0.0.1",
        }
        plan_path = OUT / "plan.json"
        plan_path.write_text(json.dumps(plan))
        say("warming up (every page kind, every language)…")
        warm_up(port, plan)

        if not args.skip_trainees:
            say(f"running {args.users} trainees for {args.seconds} s…")
            rows, failures, cpu = run_locust("trainees", "Trainee", args.users, args.seconds, port, plan_path, server)
        ceiling = []
        for run in range(1, args.repeat + 1):
            say(
                f"throughput ceiling {run}/{args.repeat}: {args.saturation_users} clients, "
                f"{args.saturation_seconds} s lesson pages, then {args.saturation_seconds} s bare view…"
            )
            lesson, lesson_failures, lesson_cpu = run_locust(
                "lesson", "LessonReader", args.saturation_users, args.saturation_seconds, port, plan_path, server
            )
            bare, bare_failures, bare_cpu = run_locust(
                "bare", "BareView", args.saturation_users, args.saturation_seconds, port, plan_path, server
            )
            ceiling.append(
                (lesson["Aggregated"], bare["Aggregated"], lesson_failures + bare_failures, lesson_cpu, bare_cpu)
            )
            say(
                f"  lesson {lesson['Aggregated']['rps']:.0f} rps, bare {bare['Aggregated']['rps']:.0f} rps, "
                f"ratio {lesson['Aggregated']['rps'] / bare['Aggregated']['rps']:.3f}"
            )
    finally:
        say("stopping gunicorn…")
        server.stop()
        shutil.rmtree(static_root, ignore_errors=True)

    print()
    print(
        f"Logins before the run (real form, PBKDF2): {len(login_seconds)}, "
        f"p50 {statistics.median(login_seconds) * 1000:.0f} ms, p95 {percentile(login_seconds, 0.95) * 1000:.0f} ms"
    )
    if not args.skip_trainees:
        total = rows["Aggregated"]
        print(
            f"\n{args.users} trainees, {args.seconds} s, think time {args.think[0]:g}-{args.think[1]:g} s "
            f"(gunicorn {args.workers} {args.worker_class} workers; server CPU {cpu * 100:.0f}% of one core):"
        )
        print(table(rows))
        for line in failures[:20]:
            print("  error:", line)
        p95_ok = total["p95"] <= P95_TARGET_MS
        errors_ok = total["errors"] == 0
        print(
            f"  target p95 <= {P95_TARGET_MS} ms: {'met' if p95_ok else 'MISSED'} ({total['p95']:.0f} ms); "
            f"errors = 0: {'met' if errors_ok else 'MISSED'} ({total['errors']})"
        )
        exit_status |= 0 if p95_ok and errors_ok else 1
    lesson_rps = [c[0]["rps"] for c in ceiling]
    bare_rps = [c[1]["rps"] for c in ceiling]
    ratios = [lesson / bare for lesson, bare in zip(lesson_rps, bare_rps, strict=True)]
    print(
        f"\nThroughput ceiling ({args.saturation_users} clients, no think time, {args.saturation_seconds} s each, "
        f"{args.repeat} runs):"
    )
    print(f"  {'':<22}{'rps per run':<28}{'median':>8}{'p50 ms':>8}{'p95 ms':>8}{'errors':>8}{'server CPU':>12}")
    for label, index, values in (("signed-in lesson page", 0, lesson_rps), ("bare Django view", 1, bare_rps)):
        runs = ", ".join(f"{v:.0f}" for v in values)
        p50 = statistics.median(c[index]["p50"] for c in ceiling)
        p95 = statistics.median(c[index]["p95"] for c in ceiling)
        errors = sum(c[index]["errors"] for c in ceiling)
        cpu = statistics.median(c[3 + index] for c in ceiling)
        print(
            f"  {label:<22}{runs:<28}{statistics.median(values):>8.0f}"
            f"{p50:>8.0f}{p95:>8.0f}{errors:>8}{cpu * 100:>11.0f}%"
        )
    for _l, _b, fails, *_cpu in ceiling:
        for line in fails[:10]:
            print("  error:", line)
    ratio = statistics.median(ratios)
    ratio_ok = ratio >= RATIO_TARGET
    print(
        f"  lesson / bare: {', '.join(f'{r:.3f}' for r in ratios)}; median {ratio:.3f} (1/{1 / ratio:.1f}); "
        f"target >= {RATIO_TARGET:g}: {'met' if ratio_ok else 'MISSED'}"
    )
    exit_status |= 0 if ratio_ok else 1
    return exit_status


if __name__ == "__main__":
    sys.exit(main())
