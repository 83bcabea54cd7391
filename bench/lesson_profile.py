"""The signed-in lesson page against the bare view inside one process: no server, no load
generator sharing the CPU, so what is left is the page's own cost.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/frontline_load REDIS_URL=redis://127.0.0.1:6379/1 \\
        .venv/bin/python bench/lesson_profile.py [--requests 200] [--batches 5] [--profile]

Needs the data of ``manage.py generate_load_data`` and the bench trainees ``bench/load.py``
creates. Prints the median time per request of each batch, and the ratio; ``--profile`` adds
a pyinstrument call tree of the lesson page (``pip install pyinstrument``).
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
    parser.add_argument("--requests", type=int, default=200, help="requests per batch (default %(default)s)")
    parser.add_argument("--batches", type=int, default=5, help="default %(default)s")
    parser.add_argument("--profile", action="store_true")
    args = parser.parse_args()

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "bench.settings")
    os.environ.setdefault("SECRET_KEY", "bench-only-" + "x" * 40)
    os.environ.setdefault("ALLOWED_HOSTS", "testserver")
    os.environ.setdefault("STATIC_ROOT", tempfile.mkdtemp(prefix="frontline-bench-static-"))
    os.environ.pop("DJANGO_DEBUG", None)
    sys.path.insert(0, str(ROOT))
    print("collectstatic…", flush=True)
    subprocess.run([sys.executable, "manage.py", "collectstatic", "--no-input", "-v0"], cwd=ROOT, check=True)

    import django

    django.setup()
    from django.contrib.auth import get_user_model
    from django.test import Client

    from courses.models import LessonPage

    trainee = get_user_model().objects.filter(email__startswith="bench-trainee-").order_by("pk").first()
    if trainee is None:
        raise SystemExit("no bench trainees: run bench/load.py once first")
    client = Client(HTTP_X_FORWARDED_PROTO="https")  # as behind the TLS proxy, like bench/load.py
    client.force_login(trainee)
    lesson_url = LessonPage.objects.live().filter(locale__language_code=trainee.preferred_language).first().get_url()

    def per_request_ms(url: str) -> float:
        start = time.perf_counter()
        for _ in range(args.requests):
            response = client.get(url, secure=True)
        assert response.status_code == 200, (url, response.status_code)
        return (time.perf_counter() - start) / args.requests * 1000

    for url in (lesson_url, "/bench/bare/"):
        per_request_ms(url)  # warm caches and connections
    lesson = [per_request_ms(lesson_url) for _ in range(args.batches)]
    bare = [per_request_ms("/bench/bare/") for _ in range(args.batches)]
    print(f"lesson page {lesson_url}: median {statistics.median(lesson):.2f} ms per request "
          f"({', '.join(f'{v:.2f}' for v in lesson)})")
    print(f"bare view: median {statistics.median(bare):.2f} ms per request ({', '.join(f'{v:.2f}' for v in bare)})")
    print(f"the lesson page runs at 1/{statistics.median(lesson) / statistics.median(bare):.1f} of the bare view's speed")

    if args.profile:
        from pyinstrument import Profiler

        profiler = Profiler(interval=0.0005)
        profiler.start()
        per_request_ms(lesson_url)
        profiler.stop()
        print(profiler.output_text(unicode=True, color=False))


if __name__ == "__main__":
    main()
