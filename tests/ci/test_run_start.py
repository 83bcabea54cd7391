"""``./run start`` runs the site, a worker and the scheduler together: each line prefixed with its
process's name, and when one of them ends the other two are stopped and its status is returned.
Tested on the script's own functions, with stand-ins for the three commands."""

import re
import subprocess
import uuid
from pathlib import Path

import pytest

RUN = Path(__file__).resolve().parents[2] / "run"
STAND_INS = {
    "runserver": 'trap \\"echo web stopping; exit 0\\" TERM; echo web up; while :; do sleep 0.1; done',
    "db_worker": "echo worker up; sleep 1; echo worker fails; exit 3",
    "crontask": "echo scheduler up; exec -a {marker} sleep 60",
}


def start_all_script(marker: str) -> str:
    text = RUN.read_text()
    functions = "".join(
        re.search(rf"^{name}\(\) {{\n.*?^}}\n", text, re.S | re.M).group(0) for name in ("start_all", "prefix")
    )
    for command, stand_in in STAND_INS.items():
        functions, replaced = re.subn(
            rf'"exec [^\n]*manage\.py {command}[^\n]*"', f'"{stand_in.format(marker=marker)}"', functions
        )
        assert replaced == 1, command
    return "set -euo pipefail\nVENV=.venv\n" + functions + "start_all\n"


def test_the_three_run_together_prefixed_and_stop_together_when_one_ends():
    marker = f"frontline-scheduler-stand-in-{uuid.uuid4().hex}"
    result = subprocess.run(["bash", "-c", start_all_script(marker)], capture_output=True, text=True, timeout=30)

    lines = result.stdout.splitlines()
    assert result.returncode == 3, result.stdout + result.stderr
    assert "web       | web up" in lines
    assert "worker    | worker fails" in lines
    assert "scheduler | scheduler up" in lines
    assert "web       | web stopping" in lines  # stopped with SIGTERM, its last words still printed
    assert any("stopping the others" in line for line in lines)
    assert any("worker" in line and "db_worker" in line for line in lines[:5])  # the start message says what runs
    leftover = subprocess.run(["pgrep", "-f", marker], capture_output=True, text=True)
    assert leftover.stdout.strip() == "", "the scheduler's stand-in was left running"


@pytest.mark.parametrize("name", ["start_all", "prefix"])
def test_run_is_valid_bash(name):
    assert subprocess.run(["bash", "-n", str(RUN)]).returncode == 0
    assert f"{name}()" in RUN.read_text()
