"""Benchmark the item analysis of one assessment on PostgreSQL, against data from ``generate_load_data``.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/frontline_load .venv/bin/python bench/item_analysis.py [--runs 10]

Times what the admin's item analysis page computes (assessments/admin_views.py):
``selectors.item_statistics`` (one query that adds the sums and option counts up over the
responses grading stored, ``ItemResponse``, grouped by question, language and options chosen;
the attempts are not read) and the table of the assessment's questions, sorted.
The assessment is the one with the most attempts.
Nothing is written. Two warm-up runs, then ``--runs``; prints the median and the slowest time and
the number of queries of every run.

Target (issue 13, point 6): at most 2 s with the same number of queries on every run.
Exit status: 0 when met, 1 when missed, 2 when the database holds no attempts.

Figures (PostgreSQL 15, two shared cores under load from other work, 128 MB shared_buffers):
``generate_load_data`` with the default 100,000 trainees (303,172 attempts, 19 min to generate),
then ``manage.py migrate``: migration 0004 backfilled 3,514,530 responses from the attempts in
11 min 6 s (table 553 MB, 1.0 GB with its indexes). The busiest assessment has 82,192 attempts
(986,000 responses): 1 query on every run, median 873 ms, slowest 960 ms (10 runs): the target is
met. The plan is a parallel sequential scan of the responses (0.4 s) and a hash aggregate into 548
groups. Without migration 0005's statistics PostgreSQL expects 166,000 groups and sorts on disk
instead: median 1,594 ms, slowest 1,856 ms.
Before the responses table (one query over the attempts' results): median 3,596 ms, slowest 3,652 ms
(5 runs, 303,233 attempts); with two queries, one scan each: median 4,103 ms, slowest 4,960 ms.
"""

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TARGET_MS = 2000


def configure() -> None:
    sys.path.insert(0, str(ROOT))
    os.environ["DJANGO_SETTINGS_MODULE"] = "config.settings"
    os.environ["DJANGO_DEBUG"] = "1"
    os.environ.setdefault("LOG_LEVEL", "WARNING")
    import django

    django.setup()


def busiest_assessment():
    from django.db.models import Count

    from assessments.models import AssessmentPage, Attempt

    busiest = (
        Attempt.objects.filter(assessment__isnull=False)
        .values("assessment")
        .annotate(attempts=Count("pk"))
        .order_by("-attempts")
        .first()
    )
    if busiest is None:
        return None, 0
    return AssessmentPage.objects.get(pk=busiest["assessment"]), busiest["attempts"]


def one_run(assessment) -> tuple[float, int, int]:
    """Milliseconds, queries and questions of one item analysis."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from assessments import item_analysis as ia
    from assessments.selectors import item_statistics

    with CaptureQueriesContext(connection) as captured:
        started = time.perf_counter()
        stats = item_statistics(assessment=assessment)
        questions = ia.assessment_questions(assessment.questions, true_label="True", false_label="False")
        rows = ia.sorted_rows(ia.item_rows(questions, stats), "-facility")
        elapsed = (time.perf_counter() - started) * 1000
    return elapsed, len(captured), len(rows)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=10)
    args = parser.parse_args()
    configure()
    from django.db import connection

    assessment, attempts = busiest_assessment()
    if assessment is None:
        print("No attempts in this database: run manage.py generate_load_data first.", file=sys.stderr)
        return 2
    print(f"{connection.vendor}: assessment {assessment.pk} ({assessment.title}), {attempts} attempts")
    for _ in range(2):
        one_run(assessment)
    times, query_counts = [], set()
    for _ in range(args.runs):
        elapsed, queries, questions = one_run(assessment)
        times.append(elapsed)
        query_counts.add(queries)
    median = statistics.median(times)
    print(
        f"questions: {questions}; median {median:.0f} ms, slowest {max(times):.0f} ms; queries {sorted(query_counts)}"
    )
    met = max(times) <= TARGET_MS and len(query_counts) == 1
    print(f"target {TARGET_MS} ms with a constant number of queries: {'met' if met else 'MISSED'}")
    return 0 if met else 1


if __name__ == "__main__":
    sys.exit(main())
