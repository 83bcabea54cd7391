"""Benchmark the coverage reports on PostgreSQL, against data from ``generate_load_data``.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/frontline_load .venv/bin/python bench/reports.py [--runs 30]

Requests go through Django's test client as a superuser coordinator with a TOTP authenticator
(so the two-factor gate passes): the dashboard for one course and for all required courses,
the drill-down of one cell, the matrix exported as CSV and XLSX, and a cell's trainee list as
CSV. Each is requested twice to warm up, then ``--runs`` times; the table gives the median and
95th-percentile time (streamed responses are read to the end) and the number of queries.

Targets: dashboard p95 <= 300 ms with the same number of queries on every run; matrix export
p95 <= 1 s. ``--explain`` prints, for each page, its slowest query and EXPLAIN ANALYZE of it.
Exit status: 0 when every target is met, 1 when one is missed, 2 when the set-up is wrong.
"""

import argparse
import math
import os
import statistics
import sys
import time
from pathlib import Path
from urllib.parse import urlencode

ROOT = Path(__file__).resolve().parent.parent
COORDINATOR_EMAIL = "bench-coordinator@load.frontline.test"  # removed by generate_load_data --clear
TOTP_SECRET = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP"
DASHBOARD_P95_MS = 300
EXPORT_P95_MS = 1000
GENERATE = (
    "DATABASE_URL=... .venv/bin/python manage.py migrate && "
    "DATABASE_URL=... .venv/bin/python manage.py generate_load_data"
)


def configure() -> None:
    """Settings as the README's development server has them, with the test client's host allowed."""
    sys.path.insert(0, str(ROOT))
    os.environ["DJANGO_SETTINGS_MODULE"] = "config.settings"
    os.environ["DJANGO_DEBUG"] = "1"
    hosts = [h for h in os.environ.get("ALLOWED_HOSTS", "127.0.0.1,localhost").split(",") if h.strip()]
    os.environ["ALLOWED_HOSTS"] = ",".join(dict.fromkeys(hosts + ["testserver"]))

    import django

    django.setup()


def coordinator():
    """A superuser (sees every agency and region) with a TOTP authenticator; reused if present."""
    from allauth.mfa.models import Authenticator
    from django.contrib.auth import get_user_model

    user, _created = get_user_model().objects.get_or_create(
        email=COORDINATOR_EMAIL,
        defaults={"full_name": "Benchmark coordinator", "is_staff": True, "is_superuser": True},
    )
    if not user.is_superuser or not user.is_active:
        user.is_superuser = user.is_staff = user.is_active = True
        user.save(update_fields=["is_superuser", "is_staff", "is_active"])
    Authenticator.objects.get_or_create(
        user=user, type=Authenticator.Type.TOTP, defaults={"data": {"secret": TOTP_SECRET}}
    )
    return user


def pages() -> list[tuple[str, str, str]]:
    """(label, url, kind) for everything measured; kind is dashboard, export or info."""
    from django.db.models import Count

    from bench.loaddata.bulk import generated_users
    from reports.selectors import report_courses

    course = report_courses().first()
    # The busiest agency x region cell among the generated trainees.
    cell = (
        generated_users()
        .filter(agency__isnull=False, region__isnull=False)
        .values("agency_id", "region_id")
        .annotate(n=Count("pk"))
        .order_by("-n")
        .first()
    )
    one_cell = urlencode({"agency": cell["agency_id"], "region": cell["region_id"], "course": course.pk})
    return [
        ("dashboard, one course", f"/en/reports/?course={course.pk}", "dashboard"),
        ("dashboard, all required courses", "/en/reports/", "dashboard"),
        (f"drill-down ({cell['n']:,} trainees, page 1)", f"/en/reports/trainees/?{one_cell}", "info"),
        ("matrix export CSV", "/en/reports/export/matrix.csv", "export"),
        ("matrix export XLSX", "/en/reports/export/matrix.xlsx", "export"),
        (f"trainee export CSV ({cell['n']:,} rows)", f"/en/reports/export/trainees.csv?{one_cell}", "info"),
        ("at-risk list, page 1", "/en/reports/at-risk/", "info"),
        ("at-risk list, overdue, by name", "/en/reports/at-risk/?reason=overdue&sort=name", "info"),
        ("at-risk export CSV", "/en/reports/at-risk/export.csv", "info"),
    ]


def sign_in(client, user) -> None:
    """Signed in with a password and a TOTP code in this session, as the reports require
    (``accounts.two_factor``): the session records allauth writes after both."""
    from allauth.mfa.models import Authenticator

    client.force_login(user)
    session = client.session
    now = time.time()
    totp = Authenticator.objects.get(user=user, type=Authenticator.Type.TOTP)
    session["account_authentication_methods"] = [
        {"method": "password", "at": now, "email": user.email},
        {"method": "mfa", "at": now, "id": totp.pk, "type": totp.type},
    ]
    session["account_authentication_methods_user"] = str(user.pk)
    session.save()


def fetch(client, url: str) -> int:
    response = client.get(url)
    if response.status_code != 200:
        raise RuntimeError(f"GET {url} answered {response.status_code}")
    body = b"".join(response.streaming_content) if response.streaming else response.content
    return len(body)


def is_session_refresh(sql: str) -> bool:
    """The session is saved again now and then (sliding expiry), whatever the page: not counted."""
    return "django_session" in sql or sql.strip().upper() in {"BEGIN", "COMMIT"}


def measure(client, url: str, runs: int) -> dict:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    for _warm_up in range(2):
        fetch(client, url)
    times, counts, slowest = [], [], None
    for _run in range(runs):
        with CaptureQueriesContext(connection) as queries:
            started = time.perf_counter()
            size = fetch(client, url)
            times.append((time.perf_counter() - started) * 1000)
        counted = [q for q in queries.captured_queries if not is_session_refresh(q["sql"])]
        counts.append(len(counted))
        query = max(counted, key=lambda q: float(q["time"]), default=None)
        if query and (slowest is None or float(query["time"]) > float(slowest["time"])):
            slowest = query
    ordered = sorted(times)
    return {
        "median": statistics.median(times),
        "p95": ordered[math.ceil(0.95 * len(ordered)) - 1],
        "queries": (min(counts), max(counts)),
        "bytes": size,
        "slowest": slowest,
    }


def explain(sql: str) -> str:
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("EXPLAIN (ANALYZE, BUFFERS) " + sql)
        return "\n".join(row[0] for row in cursor.fetchall())


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=30, help="measured requests per page (default 30)")
    parser.add_argument("--explain", action="store_true", help="print each page's slowest query with EXPLAIN ANALYZE")
    args = parser.parse_args(argv)
    if args.runs < 1:
        parser.error("--runs must be at least 1")

    url = os.environ.get("DATABASE_URL", "")
    if url.split("://")[0] not in {"postgres", "postgresql", "pgsql"}:
        print(
            "bench/reports.py measures PostgreSQL only: set DATABASE_URL, e.g.\n"
            "  DATABASE_URL=postgres://postgres@127.0.0.1:5432/frontline_load .venv/bin/python bench/reports.py",
            file=sys.stderr,
        )
        return 2
    configure()

    from django.db import connection
    from django.test import Client

    from bench.loaddata.bulk import generated_users

    if connection.vendor != "postgresql":
        print(f"DATABASE_URL points at {connection.vendor}, not PostgreSQL.", file=sys.stderr)
        return 2
    from django.db.migrations.executor import MigrationExecutor

    executor = MigrationExecutor(connection)
    if executor.migration_plan(executor.loader.graph.leaf_nodes()):
        print(
            f"{connection.settings_dict['NAME']} has unapplied migrations: run manage.py migrate first.",
            file=sys.stderr,
        )
        return 2
    trainees = generated_users().filter(agency__isnull=False).count()
    if not trainees:
        print(
            f"No generated trainees in {connection.settings_dict['NAME']}. Fill it first:\n  {GENERATE}",
            file=sys.stderr,
        )
        return 2

    client = Client()
    sign_in(client, coordinator())
    print(
        f"Database {connection.settings_dict['NAME']}: {trainees:,} generated trainees; "
        f"{args.runs} runs after 2 warm-ups.\n"
    )

    header = f"{'page':44} {'median ms':>10} {'p95 ms':>8} {'queries':>8} {'size':>9}  target"
    print(header)
    print("-" * (len(header) + 20))
    failed, slow_queries = False, []
    for label, page_url, kind in pages():
        try:
            result = measure(client, page_url, args.runs)
        except Exception as error:  # noqa: BLE001 - any page that fails (a template being edited, say) fails its line
            print(f"{label:44} ERROR: {type(error).__name__}: {error}")
            failed = True
            continue
        low, high = result["queries"]
        queries = f"{low}" if low == high else f"{low}-{high}"
        if kind == "dashboard":
            ok = result["p95"] <= DASHBOARD_P95_MS and low == high
            target = f"p95 <= {DASHBOARD_P95_MS} ms, constant queries: {'PASS' if ok else 'FAIL'}"
        elif kind == "export":
            ok = result["p95"] <= EXPORT_P95_MS
            target = f"p95 <= {EXPORT_P95_MS} ms: {'PASS' if ok else 'FAIL'}"
        else:
            ok, target = True, "(no target)"
        failed |= not ok
        size = f"{result['bytes'] / 1024:.0f} kB"
        print(f"{label:44} {result['median']:>10.0f} {result['p95']:>8.0f} {queries:>8} {size:>9}  {target}")
        slow_queries.append((label, result["slowest"]))
    print()
    print(
        f"Targets: dashboard p95 <= {DASHBOARD_P95_MS} ms with a constant query count; "
        f"matrix export p95 <= {EXPORT_P95_MS} ms."
    )
    print("Result: " + ("FAIL" if failed else "PASS"))

    if args.explain:
        for label, query in slow_queries:
            if not query:
                continue
            print(f"\n=== {label}: slowest query, {float(query['time']) * 1000:.0f} ms ===\n{query['sql']}\n")
            print(explain(query["sql"]))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
