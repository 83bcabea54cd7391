"""`.ci/audit`, the wrapper around pip-audit and npm audit, with both tools faked (no network).

The fake venv's python answers `-c "import pip_audit"` and `-m pip_audit … --output FILE` from
canned files; the fake npm prints a canned `npm audit --json` answer.
"""

import importlib.machinery
import importlib.util
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

SCRIPT = Path(__file__).resolve().parents[2] / ".ci" / "audit"

FAKE_PYTHON = """#!/bin/sh
[ "$1" = "-c" ] && exit "$(cat "$FAKE/pip-installed")"
echo "$@" > "$FAKE/pip-audit-args"
while [ $# -gt 0 ]; do [ "$1" = "--output" ] && out="$2"; shift; done
[ -f "$FAKE/pip-audit.json" ] && cp "$FAKE/pip-audit.json" "$out"
cat "$FAKE/pip-audit.stderr" >&2
exit "$(cat "$FAKE/pip-audit.rc")"
"""
FAKE_NPM = """#!/bin/sh
echo "$@" > "$FAKE/npm-args"
cat "$FAKE/npm.stdout"
cat "$FAKE/npm.stderr" >&2
exit "$(cat "$FAKE/npm.rc")"
"""

CLEAN_PIP = {"dependencies": [{"name": "django", "version": "6.1.3", "vulns": []}], "fixes": []}
CLEAN_NPM = {"auditReportVersion": 2, "vulnerabilities": {}, "metadata": {"vulnerabilities": {"total": 0}}}
UNREACHABLE = "requests.exceptions.ConnectionError: Max retries exceeded (Name or service not known)"


def npm_vulnerability(severity: str, ghsa: str = "GHSA-aaaa-bbbb-cccc") -> dict:
    via = {"source": 1099, "name": "axe-core", "title": "Bad thing", "url": f"advisories/{ghsa}", "severity": severity}
    return {
        "auditReportVersion": 2,
        "vulnerabilities": {
            "axe-core": {"name": "axe-core", "severity": severity, "via": [via], "range": "<4.99"},
            "wrapper-pkg": {"name": "wrapper-pkg", "severity": severity, "via": ["axe-core"], "range": "*"},
        },
    }


class Fakes:
    """The canned answers, written where the fake tools read them."""

    def __init__(self, root: Path):
        self.dir = root / "answers"
        self.bin = root / "bin"
        self.venv = root / "venv"
        for folder in (self.dir, self.bin, self.venv / "bin"):
            folder.mkdir(parents=True)
        for path, text in ((self.venv / "bin" / "python", FAKE_PYTHON), (self.bin / "npm", FAKE_NPM)):
            path.write_text(text)
            path.chmod(0o755)
        self.pip(report=CLEAN_PIP)
        self.npm(stdout=CLEAN_NPM)
        (self.dir / "pip-installed").write_text("0")

    def pip(self, *, report=None, stderr: str = "", rc: int = 0):
        (self.dir / "pip-audit.json").unlink(missing_ok=True)
        if report is not None:
            (self.dir / "pip-audit.json").write_text(json.dumps(report))
        (self.dir / "pip-audit.stderr").write_text(stderr)
        (self.dir / "pip-audit.rc").write_text(str(rc))

    def npm(self, *, stdout, stderr: str = "", rc: int = 0):
        (self.dir / "npm.stdout").write_text(stdout if isinstance(stdout, str) else json.dumps(stdout))
        (self.dir / "npm.stderr").write_text(stderr)
        (self.dir / "npm.rc").write_text(str(rc))

    def args(self, tool: str) -> str:
        return (self.dir / f"{tool}-args").read_text()


@pytest.fixture
def fakes(tmp_path, monkeypatch):
    fakes = Fakes(tmp_path)
    monkeypatch.setenv("FAKE", str(fakes.dir))
    monkeypatch.setenv("AUDIT_VENV", str(fakes.venv))
    monkeypatch.setenv("PATH", f"{fakes.bin}{os.pathsep}/usr/bin{os.pathsep}/bin")
    monkeypatch.delenv("AUDIT_STRICT", raising=False)
    return fakes


@pytest.fixture
def audit(monkeypatch):
    loader = importlib.machinery.SourceFileLoader("ci_audit", str(SCRIPT))
    spec = importlib.util.spec_from_loader("ci_audit", loader)
    module = importlib.util.module_from_spec(spec)
    loader.exec_module(module)
    return module


def test_nothing_found_passes_and_both_tools_are_asked_the_right_way(audit, fakes, capsys):
    assert audit.main() == 0

    out = capsys.readouterr().out
    assert "Dependency audit: nothing found." in out
    assert "NOT PERFORMED" not in out
    assert "--vulnerability-service osv" in fakes.args("pip-audit")
    assert "--skip-editable" in fakes.args("pip-audit")
    assert "audit --audit-level=moderate --package-lock-only --json" in fakes.args("npm")


def test_a_python_advisory_fails_naming_the_package_and_the_fix(audit, fakes, capsys):
    vuln = {"id": "PYSEC-2099-1", "fix_versions": ["6.1.4"], "aliases": ["CVE-2099-1"], "description": "bad"}
    fakes.pip(report={"dependencies": [{"name": "django", "version": "6.1.3", "vulns": [vuln]}]}, rc=1)

    assert audit.main() == 1

    out = capsys.readouterr().out
    assert "ADVISORY django 6.1.3: PYSEC-2099-1 (fixed in 6.1.4)" in out
    assert "Dependency audit FAILED: 1 advisories" in out


@pytest.mark.parametrize(("severity", "code"), [("low", 0), ("moderate", 1), ("high", 1), ("critical", 1)])
def test_npm_advisories_fail_from_moderate_up(audit, fakes, capsys, severity, code):
    fakes.npm(stdout=npm_vulnerability(severity), rc=1)

    assert audit.main() == code

    out = capsys.readouterr().out
    assert ("ADVISORY axe-core <4.99: GHSA-aaaa-bbbb-cccc" in out) is (code == 1)
    assert "wrapper-pkg" not in out  # vulnerable only through axe-core, reported once there


def test_accepted_advisories_are_ignored_with_their_reason(audit, fakes, capsys, monkeypatch):
    monkeypatch.setattr(audit, "IGNORED_VULNS", {"GHSA-aaaa-bbbb-cccc": "test-only tool", "PYSEC-2099-1": "unused"})
    fakes.npm(stdout=npm_vulnerability("high"), rc=1)

    assert audit.main() == 0

    out = capsys.readouterr().out
    assert "ignored GHSA-aaaa-bbbb-cccc: test-only tool" in out
    assert "--ignore-vuln GHSA-aaaa-bbbb-cccc --ignore-vuln PYSEC-2099-1" in fakes.args("pip-audit")


def test_unreachable_services_are_reported_as_not_performed_and_pass(audit, fakes, capsys):
    fakes.pip(report=None, stderr=f"Traceback …\n{UNREACHABLE}\n", rc=1)
    fakes.npm(stdout={"message": "405 Method Not Allowed - POST advisories/bulk", "error": {}}, rc=1)

    assert audit.main() == 0

    out = capsys.readouterr().out
    assert f"!!! AUDIT NOT PERFORMED: Python: pip-audit gave no report ({UNREACHABLE})" in out
    assert "!!! AUDIT NOT PERFORMED: npm: npm audit gave no report (405 Method Not Allowed" in out
    assert "nothing found in what could be checked" in out


def test_strict_mode_fails_with_2_when_something_could_not_be_checked(audit, fakes, capsys, monkeypatch):
    monkeypatch.setenv("AUDIT_STRICT", "1")
    fakes.npm(stdout="", stderr="npm error code EAI_AGAIN\n", rc=1)

    assert audit.main() == 2

    out = capsys.readouterr().out
    assert "AUDIT NOT PERFORMED: npm: npm audit gave no report (npm error code EAI_AGAIN)" in out
    assert "AUDIT_STRICT=1" in out


def test_an_advisory_fails_with_1_even_when_another_part_could_not_be_checked(audit, fakes, monkeypatch):
    monkeypatch.setenv("AUDIT_STRICT", "1")
    fakes.pip(report=None, stderr=UNREACHABLE, rc=1)
    fakes.npm(stdout=npm_vulnerability("moderate"), rc=1)

    assert audit.main() == 1


def test_missing_tools_are_reported_not_crashed_on(audit, fakes, capsys, monkeypatch):
    monkeypatch.setattr(audit.shutil, "which", lambda name: None)  # no npm anywhere on PATH
    (fakes.dir / "pip-installed").write_text("1")

    assert audit.main() == 0

    out = capsys.readouterr().out
    assert f"AUDIT NOT PERFORMED: Python: pip-audit is not installed in {fakes.venv}" in out
    assert "AUDIT NOT PERFORMED: npm: npm is not installed" in out


def test_dependencies_pip_audit_skipped_are_listed_but_not_the_editable_project(audit, fakes, capsys):
    report = {
        "dependencies": [
            {"name": "django", "version": "6.1.3", "vulns": []},
            {"name": "private-lib", "skip_reason": "Dependency not found on PyPI and could not be audited"},
            {"name": "frontline", "skip_reason": "distribution marked as editable"},
        ]
    }
    fakes.pip(report=report)

    assert audit.main() == 0

    out = capsys.readouterr().out
    assert "AUDIT NOT PERFORMED: Python: private-lib (Dependency not found on PyPI" in out
    assert "frontline" not in out


def test_the_script_exits_with_the_verdict(fakes):
    fakes.npm(stdout=npm_vulnerability("critical"), rc=1)

    result = subprocess.run([sys.executable, str(SCRIPT)], capture_output=True, text=True, env=os.environ)

    assert result.returncode == 1, result.stdout + result.stderr
    assert "GHSA-aaaa-bbbb-cccc critical" in result.stdout


def test_no_advisory_service_address_is_written_in_the_repository():
    assert "://" not in SCRIPT.read_text()
