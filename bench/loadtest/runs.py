"""Locust runs: one headless locust process per measurement, its CSV figures and the server's CPU."""

import csv
import os
import subprocess
import time
from pathlib import Path

from bench.loadtest.common import OUT, ROOT, VENV_BIN, say
from bench.loadtest.server import Server


def run_locust(name: str, user_class: str, users: int, seconds: int, port: int, plan_path: Path, server: Server):
    import psutil

    prefix = OUT / name
    command = [
        str(VENV_BIN / "locust"),
        "-f",
        str(ROOT / "bench" / "locustfile.py"),
        "--headless",
        "--users",
        str(users),
        "--spawn-rate",
        str(users),
        "--run-time",
        f"{seconds}s",
        "--host",
        f"http://127.0.0.1:{port}",
        "--csv",
        str(prefix),
        "--only-summary",
        "--loglevel",
        "WARNING",
        "--stop-timeout",
        "30",
        user_class,
    ]
    env = dict(os.environ, BENCH_PLAN=str(plan_path))
    processes = [psutil.Process(pid) for pid in server.pids()]
    before = sum(p.cpu_times().user + p.cpu_times().system for p in processes)
    started = time.monotonic()
    with (OUT / f"{name}.log").open("w") as log:
        locust = subprocess.Popen(command, env=env, stdout=log, stderr=subprocess.STDOUT, cwd=ROOT)
        while locust.poll() is None:
            time.sleep(1)
            elapsed = time.monotonic() - started
            if seconds >= 30 and int(elapsed) % 15 == 0 and elapsed < seconds:
                say(f"  … {int(elapsed)} s")
    elapsed = time.monotonic() - started
    server_cpu = sum(p.cpu_times().user + p.cpu_times().system for p in processes if p.is_running()) - before
    rows = read_stats(prefix)
    failures = read_failures(prefix)
    return rows, failures, server_cpu / elapsed


def read_stats(prefix: Path) -> dict[str, dict]:
    rows = {}
    with open(f"{prefix}_stats.csv", newline="") as handle:
        for row in csv.DictReader(handle):
            rows[row["Name"]] = {
                "requests": int(row["Request Count"]),
                "errors": int(row["Failure Count"]),
                "rps": float(row["Requests/s"]),
                "p50": float(row["50%"] or 0),
                "p95": float(row["95%"] or 0),
                "p99": float(row["99%"] or 0),
            }
    return rows


def read_failures(prefix: Path) -> list[str]:
    path = Path(f"{prefix}_failures.csv")
    if not path.exists():
        return []
    with path.open(newline="") as handle:
        return [f"{row['Occurrences']:>5} × {row['Name']}: {row['Error']}" for row in csv.DictReader(handle)]
