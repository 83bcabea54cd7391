"""The tables printed at the end of the load test, and whether the targets were met."""

import statistics

P95_TARGET_MS = 500
RATIO_TARGET = 0.1
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


def print_results(args, login_seconds, rows, failures, cpu, ceiling) -> int:
    exit_status = 0
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
