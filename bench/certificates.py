"""Benchmark: how long one certificate PDF takes to render, and how much memory it needs.

    .venv/bin/python bench/certificates.py [N]      (N renders, default 50)

Runs against a throw-away SQLite database in a temporary directory unless DATABASE_URL is
set; stored files (the PDF rendered when the certificate is issued) go to a temporary
MEDIA_ROOT. Renders alternate the holder's language between English, Russian and Tajik.
Target: median render time at most 150 ms.
"""

import os
import resource
import statistics
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

TARGET_MEDIAN_MS = 150
HOLDERS = [
    ("en", "Dilshod Rahimov", "Border troops"),
    ("ru", "Дилшод Рахимов", "Пограничные войска"),
    ("tg", "Ҷамшед Қодирӣ Ғафуров", "Қӯшунҳои сарҳадӣ"),
]


def setup_django(workdir: Path) -> None:
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
    os.environ["DJANGO_SETTINGS_MODULE"] = "config.settings"
    os.environ["DJANGO_DEBUG"] = "1"
    os.environ.setdefault("DATABASE_URL", f"sqlite:///{workdir / 'bench.sqlite3'}")
    os.environ.setdefault("MEDIA_ROOT", str(workdir / "media"))
    os.environ.setdefault("LOG_LEVEL", "WARNING")
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0, interactive=False)


def build_certificate():
    """One trainee, course, passed attempt and certificate (minimal objects, no seed content)."""
    from certificates.services import certificate_issue
    from tests.factories import (
        AgencyFactory,
        CoursePageFactory,
        PassedAttemptFactory,
        RegionFactory,
        UserFactory,
        build_catalogue,
        publish,
    )

    course = publish(
        CoursePageFactory(
            parent=build_catalogue(), title="Identifying victims of trafficking", slug="bench-course", summary="Bench."
        )
    )
    user = UserFactory(
        email="bench@example.org",
        full_name=HOLDERS[0][1],
        agency=AgencyFactory(code="bench", name=HOLDERS[0][2], name_ru=HOLDERS[1][2], name_tg=HOLDERS[2][2]),
        region=RegionFactory(code="bench", name="Dushanbe"),
        position="Inspector",
    )
    return certificate_issue(attempt=PassedAttemptFactory(user=user, course=course, score=90))


def render(certificate, index: int) -> bytes:
    from certificates.pdf import render_pdf

    language, holder, agency = HOLDERS[index % len(HOLDERS)]
    certificate.language, certificate.holder_name, certificate.agency_name = language, holder, agency
    return render_pdf(certificate)


def main() -> int:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 50
    if n < 1:
        raise SystemExit("N must be at least 1")
    with tempfile.TemporaryDirectory(prefix="frontline-bench-") as workdir:
        setup_django(Path(workdir))
        start = time.perf_counter()
        # Issuing renders and stores the PDF once (immediate task backend): that is the
        # warm-up, when fonts and caches load.
        certificate = build_certificate()
        issue_ms = (time.perf_counter() - start) * 1000

        times, cpu_times, sizes = [], [], []
        for index in range(n):
            start, cpu_start = time.perf_counter(), time.process_time()
            pdf = render(certificate, index)
            times.append((time.perf_counter() - start) * 1000)
            cpu_times.append((time.process_time() - cpu_start) * 1000)
            sizes.append(len(pdf))

        # Memory is traced in a separate pass: tracing slows allocation and would skew timings.
        tracemalloc.start()
        for index in range(len(HOLDERS)):
            render(certificate, index)
        _current, traced_peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
        maxrss_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux

    median = statistics.median(times)
    p95 = statistics.quantiles(times, n=20, method="inclusive")[-1] if n > 1 else times[0]
    verdict = "PASS" if median <= TARGET_MEDIAN_MS else "FAIL"
    print(f"certificate PDF renders: N={n} (languages {'/'.join(h[0] for h in HOLDERS)}, alternating)")
    print(f"  warm-up (issue + first render, not counted): {issue_ms:.1f} ms")
    print(f"  median {median:.1f} ms   p95 {p95:.1f} ms   min {min(times):.1f} ms   max {max(times):.1f} ms")
    print(f"  CPU time per render: median {statistics.median(cpu_times):.1f} ms (less sensitive to a busy machine)")
    print(f"  PDF size: {statistics.median(sizes) / 1024:.1f} KiB (median)")
    print(f"  peak memory: tracemalloc peak {traced_peak / 2**20:.1f} MB per render pass, maxrss {maxrss_mb:.1f} MB")
    print(f"  target: median <= {TARGET_MEDIAN_MS} ms -> {verdict}")
    return 0 if verdict == "PASS" else 1


if __name__ == "__main__":
    sys.exit(main())
