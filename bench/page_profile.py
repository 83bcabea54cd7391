"""A signed-in trainee's pages against the bare view inside one process: no server, no load
generator sharing the CPU, so what is left is each page's own cost.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/frontline_load REDIS_URL=redis://127.0.0.1:6379/1 \\
        .venv/bin/python bench/page_profile.py [--requests 100] [--batches 5] [--profile lesson]

Needs the data of ``manage.py generate_load_data`` and the bench trainees ``bench/load.py``
creates. Prints, for every page kind of the load test that is a plain GET, the queries of a warm
request and the median time per request over the batches, as a fraction of the bare view's;
``--profile KIND`` adds a pyinstrument call tree of that page (``pip install pyinstrument``).
"""

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=100, help="requests per batch (default %(default)s)")
    parser.add_argument("--batches", type=int, default=5, help="default %(default)s")
    parser.add_argument("--profile", metavar="KIND", help="profile one page kind (lesson, course, …)")
    parser.add_argument("--show-all", action="store_true", help="with --profile: library frames too")
    parser.add_argument("--flat", action="store_true", help="with --profile: time per function, not a tree")
    parser.add_argument("--show-queries", action="store_true", help="print the SQL of every page's warm request")
    args = parser.parse_args()

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "bench.settings")
    os.environ.setdefault("SECRET_KEY", "bench-only-" + "x" * 40)
    os.environ.setdefault("ALLOWED_HOSTS", "testserver")
    os.environ.setdefault("STATIC_ROOT", tempfile.mkdtemp(prefix="frontline-bench-static-"))
    os.environ.setdefault("PRIVATE_MEDIA_ROOT", str(ROOT / "bench" / "out" / "private-media"))  # bench/load.py's
    os.environ.pop("DJANGO_DEBUG", None)
    sys.path.insert(0, str(ROOT))
    print("collectstatic…", flush=True)
    subprocess.run([sys.executable, "manage.py", "collectstatic", "--no-input", "-v0"], cwd=ROOT, check=True)

    import django

    django.setup()
    from django.contrib.auth import get_user_model
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext
    from django.urls import reverse
    from django.utils import translation

    from assessments.models import AssessmentPage
    from certificates.models import Certificate
    from courses.models import CourseIndexPage, CoursePage, LessonPage

    trainee = get_user_model().objects.filter(email__startswith="bench-trainee-").order_by("pk").first()
    if trainee is None:
        raise SystemExit("no bench trainees: run bench/load.py once first")
    client = Client(HTTP_X_FORWARDED_PROTO="https")  # as behind the TLS proxy, like bench/load.py
    client.force_login(trainee)
    language = trainee.preferred_language

    def first_url(model) -> str:
        return model.objects.live().filter(locale__language_code=language).order_by("path").first().get_url()

    with translation.override(language):
        certificate = Certificate.objects.filter(user=trainee).order_by("-pk").first()
        urls = {
            "lesson": first_url(LessonPage),
            "course": first_url(CoursePage),
            "catalogue": first_url(CourseIndexPage),
            "my_learning": reverse("my_learning"),
            "assessment": first_url(AssessmentPage),
            "certificates": reverse("my_certificates"),
            "certificate_pdf": reverse("certificate_download", args=[certificate.pk]) if certificate else None,
            "bare": "/bench/bare/",
        }
    urls = {kind: url for kind, url in urls.items() if url}

    def per_request_ms(url: str) -> float:
        start = time.perf_counter()
        for _ in range(args.requests):
            response = client.get(url, secure=True)
        assert response.status_code == 200, (url, response.status_code)
        return (time.perf_counter() - start) / args.requests * 1000

    queries = {}
    for kind, url in urls.items():
        per_request_ms(url)  # warm caches and connections
        with CaptureQueriesContext(connection) as captured:
            client.get(url, secure=True)
        queries[kind] = len(captured.captured_queries)
        if args.show_queries:
            print(f"{kind}: {url}")
            for query in captured.captured_queries:
                print(f"    {query['sql'][:200]}")
    medians = {kind: statistics.median(per_request_ms(url) for _ in range(args.batches)) for kind, url in urls.items()}
    bare = medians["bare"]
    print(f"trainee {trainee.email} ({language}); {args.batches} batches of {args.requests} requests")
    print(f"  {'page':16} {'queries':>7} {'median ms':>10} {'bare / page':>12}  url")
    for kind, url in urls.items():
        print(f"  {kind:16} {queries[kind]:7} {medians[kind]:10.2f} {bare / medians[kind]:12.3f}  {url}")

    if args.profile:
        from pyinstrument import Profiler

        profiler = Profiler(interval=0.0005)
        profiler.start()
        per_request_ms(urls[args.profile])
        profiler.stop()
        print(profiler.output_text(unicode=True, color=False, show_all=args.show_all, flat=args.flat))


if __name__ == "__main__":
    main()
