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
   Meanwhile ``--certifiers`` more bench trainees pass an open course's assessment through the
   site (answered correctly), one course after the other, and ask for the PDF every 0.2 s until it
   is there; one ``manage.py db_worker`` (bench/out/worker.log) renders the PDFs. Printed: the
   time from passing to a downloadable PDF (p50/p95, target p95 <= 5 s), the submit request's
   own time, and a bare WeasyPrint render of one certificate measured in the same run;
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
import json
import os
import shutil
import statistics
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

# Run as a script, bench/ is on the path but not the project: its packages are imported from there.
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.loadtest.common import GENERATE, OUT, say
from bench.loadtest.report import print_results
from bench.loadtest.runs import run_locust
from bench.loadtest.server import Server, configure, free_port, login, server_environment, warm_up


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
    parser.add_argument(
        "--certifiers", type=int, default=20, help="trainees who pass during the run (default %(default)s)"
    )
    parser.add_argument(
        "--certify-only",
        action="store_true",
        help="only the certifiers for --seconds (no locust trainees, no throughput ceiling)",
    )
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
    from django.db import connections

    # Imported once Django is set up: the module imports the models.
    from bench.loadtest.certify import Certifiers, Worker, bare_render_seconds, report
    from bench.loadtest.trainees import check_data, ensure_certificates, page_plan, prepare_trainees, reset_progress

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
    everyone = prepare_trainees(max(args.users, args.saturation_users) + args.certifiers)
    reset_progress(everyone)
    ensure_certificates(everyone)
    users, certifying = everyone[: len(everyone) - args.certifiers], everyone[len(everyone) - args.certifiers :]
    pages = page_plan()
    say("a bare WeasyPrint render, for comparison…")
    bare_render = bare_render_seconds()
    say(f"  {bare_render:.2f} s per certificate (median of 5)")
    connections.close_all()

    say(
        f"starting gunicorn on 127.0.0.1:{port} ({args.workers} workers, {args.worker_class}"
        f"{f' x {args.threads} threads' if args.threads > 1 else ''})…"
    )
    server = Server(env, port, args.workers, args.worker_class, args.threads)
    say(f"starting one worker (manage.py db_worker, TASKS_BACKEND {settings.TASKS['default']['BACKEND']})…")
    worker = Worker(env)
    rows = failures = cpu = None  # the trainees' run, unless --skip-trainees
    certified_ok = True
    try:
        server.wait_ready()
        say(f"signing {len(everyone)} trainees in through the login form…")
        login_started = time.monotonic()
        with ThreadPoolExecutor(max_workers=8) as pool:
            signed_in = list(pool.map(lambda pair: login(port, pair[1], pair[0]), enumerate(everyone)))
        results, certifier_results = signed_in[: len(users)], signed_in[len(users) :]
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

        certifiers = Certifiers(
            port,
            [
                {"email": u.email, "language": u.preferred_language, "cookies": cookies, "number": len(users) + n}
                for n, (u, (cookies, _seconds)) in enumerate(zip(certifying, certifier_results, strict=True))
            ],
            pages,
            args.seconds,
        )
        if args.certify_only:
            say(f"{args.certifiers} trainees pass and wait for their PDFs (no other load)…")
            certifiers.start()
            certifiers.join()
        elif not args.skip_trainees:
            say(f"running {args.users} trainees for {args.seconds} s, {args.certifiers} of them more passing…")
            certifiers.start()
            rows, failures, cpu = run_locust("trainees", "Trainee", args.users, args.seconds, port, plan_path, server)
            certifiers.join()
        if args.certify_only or not args.skip_trainees:
            certified_ok = report(certifiers, bare_render, target=5.0)
        ceiling = []
        for run in range(1, 0 if args.certify_only else args.repeat + 1):
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
        say("stopping gunicorn and the worker…")
        server.stop()
        worker.stop()
        shutil.rmtree(static_root, ignore_errors=True)
    if args.certify_only:
        return 0 if certified_ok else 1
    return max(print_results(args, login_seconds, rows, failures, cpu, ceiling), 0 if certified_ok else 1)


if __name__ == "__main__":
    sys.exit(main())
