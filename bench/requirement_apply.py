"""Benchmark ``programme.services.requirement_apply`` on PostgreSQL: a requirement for 50,000
trainees, as the worker runs it.

    createdb -h 127.0.0.1 -U postgres frontline_bench
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/frontline_bench .venv/bin/python manage.py migrate
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/frontline_bench .venv/bin/python bench/requirement_apply.py

Creates (once, with bulk_create: no signals) ``--trainees`` trainees in one agency of their own,
a course when the database has none, then ``--runs`` times: a new requirement applied to all of
them (their assignments from the run before deleted first), and the same requirement applied
again (nothing to change: the idempotent path). Prints the progress of the first run, the median
seconds and the queries of each kind of run. Target: a new requirement for 50,000 trainees in at
most 30 s. ``--clear`` removes the bench trainees and requirements afterwards.
Exit status: 0 when the target is met, 1 when it is missed.
"""

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
AGENCY_CODE = "bench-requirement-apply"
EMAIL_DOMAIN = "apply.load.frontline.test"
TARGET_SECONDS = 30


def configure() -> None:
    sys.path.insert(0, str(ROOT))
    os.environ["DJANGO_SETTINGS_MODULE"] = "config.settings"
    os.environ.setdefault("DJANGO_DEBUG", "1")
    import django

    django.setup()


def ensure_trainees(count: int):
    from django.contrib.auth import get_user_model
    from django.utils import timezone

    from accounts.models import Agency, Region

    agency, _ = Agency.objects.get_or_create(code=AGENCY_CODE, defaults={"name": "Benchmark agency"})
    User = get_user_model()
    have = User.objects.filter(agency=agency).count()
    regions = list(Region.objects.values_list("pk", flat=True)[:5]) or [None]
    if have < count:
        started = time.perf_counter()
        now = timezone.now()
        User.objects.bulk_create(
            [
                User(
                    email=f"trainee{n}@{EMAIL_DOMAIN}",
                    full_name=f"Bench trainee {n}",
                    agency=agency,
                    region_id=regions[n % len(regions)],
                    position="Inspector",
                    password="!",
                    date_joined=now,
                )
                for n in range(have, count)
            ],
            batch_size=5000,
        )
        print(f"created {count - have} trainees in {time.perf_counter() - started:.1f} s")
    return agency


def ensure_course():
    from wagtail.models import Locale

    from courses.models import CoursePage

    course = CoursePage.objects.filter(locale=Locale.get_default()).order_by("path").first()
    if course is None:
        from tests.factories import build_course

        course = build_course(title="Benchmark course", lessons=1)
    return course


def timed(function):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as queries:
        started = time.perf_counter()
        result = function()
        seconds = time.perf_counter() - started
    return seconds, len(queries), result


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--trainees", type=int, default=50_000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--clear", action="store_true", help="Remove the bench trainees and requirements at the end.")
    args = parser.parse_args()
    configure()

    from django.conf import settings
    from django.contrib.auth import get_user_model

    from programme.models import Assignment, Requirement
    from programme.services import requirement_apply

    if settings.DATABASES["default"]["ENGINE"] != "django.db.backends.postgresql":
        print("warning: not PostgreSQL; the target is for PostgreSQL", file=sys.stderr)
    agency = ensure_trainees(args.trainees)
    course = ensure_course()
    total = get_user_model().objects.filter(agency=agency, is_active=True).count()
    print(f"{total} trainees in {agency.code}; course {course.title!r}; batches of 2000")

    fresh, again = [], []
    for run in range(1, args.runs + 1):
        Assignment.objects.filter(requirement__agency=agency).delete()
        Requirement.objects.filter(agency=agency).delete()
        requirement = Requirement.objects.create(course=course, agency=agency, due_days=90)

        def report(done, total, first=run == 1):
            if first:
                print(f"  progress: {done}/{total}")

        seconds, queries, changed = timed(lambda r=requirement: requirement_apply(requirement=r, progress=report))
        made = Assignment.objects.filter(requirement=requirement, ended_at=None).count()
        fresh.append((seconds, queries))
        print(f"run {run}: new requirement: {seconds:.2f} s, {queries} queries, {changed} changes, {made} assignments")
        seconds, queries, changed = timed(lambda r=requirement: requirement_apply(requirement=r))
        again.append((seconds, queries))
        print(f"run {run}: applied again:   {seconds:.2f} s, {queries} queries, {changed} changes")

    median_fresh = statistics.median(s for s, _q in fresh)
    median_again = statistics.median(s for s, _q in again)
    print(
        f"\nnew requirement for {total} trainees: median {median_fresh:.2f} s, {fresh[0][1]} queries "
        f"(target <= {TARGET_SECONDS} s)\napplying it again:  median {median_again:.2f} s, {again[0][1]} queries"
    )
    if args.clear:
        Assignment.objects.filter(requirement__agency=agency).delete()
        Requirement.objects.filter(agency=agency).delete()
        get_user_model().objects.filter(agency=agency).delete()
        agency.delete()
    return 0 if median_fresh <= TARGET_SECONDS else 1


if __name__ == "__main__":
    sys.exit(main())
