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
    users = prepare_trainees(max(args.users, args.saturation_users))
    reset_progress(users)
    ensure_certificates(users)
    pages = page_plan()
    connections.close_all()

    say(
        f"starting gunicorn on 127.0.0.1:{port} ({args.workers} workers, {args.worker_class}"
        f"{f' x {args.threads} threads' if args.threads > 1 else ''})…"
    )
    server = Server(env, port, args.workers, args.worker_class, args.threads)
    rows = failures = cpu = None  # the trainees' run, unless --skip-trainees
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
    return print_results(args, login_seconds, rows, failures, cpu, ceiling)


if __name__ == "__main__":
    sys.exit(main())
