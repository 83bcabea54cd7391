"""Benchmark the daily reminder sweep on PostgreSQL, against data from ``generate_load_data``.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/frontline_load .venv/bin/python bench/sweep.py [--runs 5]

The sweep (``programme.reminders.sweep``) runs over every generated assignment: first on
``--today`` (default: today), which queues the backlog (every assignment already overdue, due
soon, expiring or expired gets its reminder, and the coordinators their escalations); then a
second time the same day, which must create nothing; then on each of the ``--runs`` following
days, the steady state. Each run prints its wall time, its number of queries and what it
queued. Everything runs in one transaction that is rolled back at the end (``--keep`` commits),
so the benchmark can be repeated on the same data.

Target: every run <= 60 s, with the same handful of queries whatever the number of trainees.
Exit status: 0 when met, 1 when missed, 2 when the set-up is wrong.
"""

import argparse
import os
import statistics
import sys
import time
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TARGET_SECONDS = 60
GENERATE = (
    "DATABASE_URL=... .venv/bin/python manage.py migrate && "
    "DATABASE_URL=... .venv/bin/python manage.py generate_load_data"
)


def configure() -> None:
    sys.path.insert(0, str(ROOT))
    os.environ["DJANGO_SETTINGS_MODULE"] = "config.settings"
    os.environ["DJANGO_DEBUG"] = "1"
    os.environ.setdefault("LOG_LEVEL", "WARNING")

    import django

    django.setup()


class Rollback(Exception):
    pass


def population() -> dict:
    from bench.loaddata.bulk import generated_users
    from certificates.models import Certificate
    from courses.models import LessonCompletion
    from programme.models import Assignment

    users = generated_users()
    return {
        "trainees": users.filter(is_active=True).count(),
        "lesson completions": LessonCompletion.objects.filter(user__in=users).count(),
        "certificates": Certificate.objects.filter(user__in=users).count(),
        "assignments": Assignment.objects.filter(user__in=users).count(),
    }


def run(today: date):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from programme import reminders

    with CaptureQueriesContext(connection) as queries:
        started = time.perf_counter()
        result = reminders.sweep(today=today)
        seconds = time.perf_counter() - started
    return seconds, len(queries.captured_queries), result


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=5, help="daily runs after the first day (default %(default)s)")
    parser.add_argument("--today", type=date.fromisoformat, default=None, help="the first day (YYYY-MM-DD)")
    parser.add_argument("--keep", action="store_true", help="commit what the sweeps queued")
    args = parser.parse_args()
    configure()

    from django.db import connection, transaction
    from django.utils import timezone

    if connection.vendor != "postgresql":
        print("bench/sweep.py measures PostgreSQL: set DATABASE_URL=postgres://…", file=sys.stderr)
        return 2
    counts = population()
    if not counts["assignments"]:
        print(f"No generated assignments. First run:\n  {GENERATE}", file=sys.stderr)
        return 2
    print("Population: " + ", ".join(f"{n:,} {name}" for name, n in counts.items()))
    today = args.today or timezone.localdate()
    rows = []
    try:
        with transaction.atomic():
            rows.append(("first day (backlog)", today, *run(today)))
            rows.append(("same day again", today, *run(today)))
            for day in range(1, args.runs + 1):
                rows.append((f"day +{day}", today + timedelta(days=day), *run(today + timedelta(days=day))))
            if not args.keep:
                raise Rollback
    except Rollback:
        pass

    print(f"{'run':<22}{'day':<12}{'seconds':>9}{'queries':>9}  queued (recertified)")
    for label, day, seconds, queries, result in rows:
        queued = ", ".join(f"{kind} {n:,}" for kind, n in result.queued.items() if n) or "nothing"
        print(f"{label:<22}{day.isoformat():<12}{seconds:>9.2f}{queries:>9}  {queued} ({result.recertified:,})")
    daily = [seconds for label, _d, seconds, _q, _r in rows if label.startswith("day +")]
    all_seconds = [seconds for _l, _d, seconds, _q, _r in rows]
    if daily:
        print(f"median of the {len(daily)} daily runs: {statistics.median(daily):.2f} s")
    median, slowest = statistics.median(all_seconds), max(all_seconds)
    print(f"median of all {len(all_seconds)} runs: {median:.2f} s; slowest {slowest:.2f} s")
    second = rows[1][4]
    ok = max(all_seconds) <= TARGET_SECONDS and second.total == 0 and second.recertified == 0
    print(
        ("OK" if ok else "MISSED")
        + f": every run <= {TARGET_SECONDS} s, and the second run the same day created "
        + f"{second.total} reminders and {second.recertified} assignments"
    )
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
