"""What every part of the load test shares: where things are, the bench trainees' sign-in, progress lines."""

import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]  # bench/loadtest/common.py: the project
OUT = ROOT / "bench" / "out"
VENV_BIN = Path(sys.executable).parent
EMAIL = "bench-trainee-{:03d}@load.frontline.test"  # the generated data's domain: --clear removes them
PASSWORD = "bench-trainee-password-1"
GENERATE = (
    "DATABASE_URL=... .venv/bin/python manage.py migrate && "
    "DATABASE_URL=... .venv/bin/python manage.py generate_load_data"
)


def say(message: str) -> None:
    print(f"[{time.strftime('%H:%M:%S')}] {message}", flush=True)
