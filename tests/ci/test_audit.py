"""`.ci/audit`, the dependency audit, against canned advisory answers (no network)."""

import importlib.machinery
import importlib.util
import json
import sys
from pathlib import Path

import pytest

SCRIPT = Path(__file__).resolve().parents[2] / ".ci" / "audit"


@pytest.fixture
def audit(monkeypatch):
    loader = importlib.machinery.SourceFileLoader("ci_audit", str(SCRIPT))
    spec = importlib.util.spec_from_loader("ci_audit", loader)
    module = importlib.util.module_from_spec(spec)
    monkeypatch.setitem(sys.modules, "ci_audit", module)  # dataclasses look their module up
    loader.exec_module(module)
    monkeypatch.delenv("AUDIT_STRICT", raising=False)
    return module


def fake_network(audit, monkeypatch, answers):
    """answers: URL suffix -> (status, json) or an exception; anything else is unreachable."""
    calls = []

    def http(url, payload=None):
        calls.append(url)
        for suffix, answer in answers.items():
            if url.endswith(suffix):
                if isinstance(answer, Exception):
                    raise answer
                return answer
        raise audit.Unreachable("Name or service not known")

    monkeypatch.setattr(audit, "http", http)
    return calls


def installed(audit, monkeypatch, *pins):
    monkeypatch.setattr(audit, "python_packages", lambda venv: [audit.Package("PyPI", n, v) for n, v in pins])


def project(version, *vulns):
    return 200, {"info": {"version": version}, "vulnerabilities": list(vulns)}


VULN = {"id": "PYSEC-2099-1", "aliases": ["CVE-2099-1"], "summary": "bad", "fixed_in": ["2.0"], "withdrawn": None}


def test_a_vulnerable_pin_at_the_latest_release_fails(audit, monkeypatch, tmp_path, capsys):
    installed(audit, monkeypatch, ("pip", "26.3"), ("oldlib", "1.0"))
    fake_network(
        audit,
        monkeypatch,
        {
            "/pypi/pip/26.3/json": (404, None),
            "/pypi/pip/json": project("26.3"),
            "/pypi/oldlib/json": project("1.0", VULN),
        },
    )
    assert audit.main(tmp_path) == 1
    out = capsys.readouterr().out
    assert "VULNERABLE: PYSEC-2099-1 (UNKNOWN)" in out
    assert "FAILED" in out and "oldlib 1.0" in out
    assert "npm: no package.json" in out


def test_an_older_pin_is_reported_unverified_not_clean(audit, monkeypatch, tmp_path, capsys):
    installed(audit, monkeypatch, ("pip", "26.3"), ("treebeard", "5.3.1"))
    fake_network(
        audit,
        monkeypatch,
        {
            "/pypi/pip/26.3/json": (404, None),
            "/pypi/pip/json": project("26.3"),
            "/pypi/treebeard/json": project("7.0.3"),
        },
    )
    assert audit.main(tmp_path) == 0
    out = capsys.readouterr().out
    assert "UNVERIFIED: pinned 5.3.1, latest 7.0.3" in out
    assert "AUDIT INCOMPLETE: 1 of 2" in out
    monkeypatch.setenv("AUDIT_STRICT", "1")
    assert audit.main(tmp_path) == 2


def test_per_release_json_is_used_when_it_answers(audit, monkeypatch, tmp_path, capsys):
    installed(audit, monkeypatch, ("pip", "26.3"), ("treebeard", "5.3.1"))
    fake_network(
        audit,
        monkeypatch,
        {
            "/pypi/pip/26.3/json": (200, {"vulnerabilities": []}),
            "/pypi/treebeard/5.3.1/json": (200, {"vulnerabilities": [VULN]}),
        },
    )
    assert audit.main(tmp_path) == 1
    assert "PyPI release" in capsys.readouterr().out


def test_nothing_reachable_says_audit_not_performed(audit, monkeypatch, tmp_path, capsys):
    installed(audit, monkeypatch, ("pip", "26.3"), ("django", "6.1.3"))
    (tmp_path / "package.json").write_text(json.dumps({"devDependencies": {"axe-core": "4.14.1"}}))
    fake_network(audit, monkeypatch, {})
    assert audit.main(tmp_path) == 0
    out = capsys.readouterr().out
    assert "PyPI: AUDIT NOT PERFORMED: no advisory database reachable (" in out
    assert "npm: AUDIT NOT PERFORMED: no advisory database reachable (" in out
    assert "no known vulnerability" not in out


def test_osv_severity_decides(audit, monkeypatch, tmp_path, capsys):
    installed(audit, monkeypatch, ("lowlib", "1.0"), ("modlib", "1.0"))
    fake_network(
        audit,
        monkeypatch,
        {
            "/v1/querybatch": (200, {"results": [{"vulns": [{"id": "GHSA-low"}]}, {"vulns": [{"id": "PYSEC-mod"}]}]}),
            "/v1/vulns/GHSA-low": (200, {"id": "GHSA-low", "database_specific": {"severity": "LOW"}}),
            # No severity of its own: taken from its GHSA alias.
            "/v1/vulns/PYSEC-mod": (200, {"id": "PYSEC-mod", "aliases": ["GHSA-mod"]}),
            "/v1/vulns/GHSA-mod": (200, {"id": "GHSA-mod", "database_specific": {"severity": "MODERATE"}}),
        },
    )
    assert audit.main(tmp_path) == 1
    out = capsys.readouterr().out
    assert "ok, GHSA-low (LOW)" in out
    assert "VULNERABLE: PYSEC-mod (MEDIUM)" in out


def test_ignore_file_accepts_a_known_advisory(audit, monkeypatch, tmp_path, capsys):
    installed(audit, monkeypatch, ("pip", "26.3"), ("oldlib", "1.0"))
    (tmp_path / ".ci").mkdir()
    (tmp_path / ".ci" / "audit-ignore").write_text("PYSEC-2099-1  not reachable from our code\n")
    fake_network(
        audit,
        monkeypatch,
        {
            "/pypi/pip/26.3/json": (404, None),
            "/pypi/pip/json": project("26.3"),
            "/pypi/oldlib/json": project("1.0", VULN),
        },
    )
    assert audit.main(tmp_path) == 0
    assert "PYSEC-2099-1 (UNKNOWN; ignored)" in capsys.readouterr().out


def test_npm_lock_file_and_bulk_advisories(audit, monkeypatch, tmp_path, capsys):
    installed(audit, monkeypatch, ("pip", "26.3"))
    (tmp_path / "package.json").write_text("{}")
    (tmp_path / "package-lock.json").write_text(
        json.dumps(
            {
                "lockfileVersion": 3,
                "packages": {
                    "": {},
                    "node_modules/axe-core": {"version": "4.14.1"},
                    "node_modules/minimist": {"version": "1.2.0"},
                },
            }
        )
    )
    fake_network(
        audit,
        monkeypatch,
        {
            "/pypi/pip/26.3/json": (200, {"vulnerabilities": []}),
            "/advisories/bulk": (
                200,
                {
                    "minimist": [
                        {
                            "id": 1,
                            "url": "https://github.com/advisories/GHSA-xvch-5gv4-984h",
                            "severity": "critical",
                            "vulnerable_versions": "<1.2.6",
                            "title": "Prototype Pollution",
                        },
                        {"id": 2, "url": "", "severity": "high", "vulnerable_versions": ">=2.0.0 <2.0.1"},
                    ]
                },
            ),
        },
    )
    assert audit.main(tmp_path) == 1
    out = capsys.readouterr().out
    assert "VULNERABLE: GHSA-xvch-5gv4-984h (CRITICAL)" in out
    assert "npm-2" not in out
    assert "axe-core  4.14.1   npm advisories  ok: no known vulnerability" in out


@pytest.mark.parametrize(
    "vector, score",
    [
        ("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H", 9.8),
        ("CVSS:3.1/AV:N/AC:L/PR:N/UI:R/S:C/C:L/I:L/A:N", 6.1),
        ("CVSS:3.0/AV:L/AC:H/PR:L/UI:N/S:U/C:L/I:N/A:N", 2.5),
        ("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:N/I:N/A:N", 0.0),
    ],
)
def test_cvss3_base_score(audit, vector, score):
    assert audit.cvss3_score(vector) == score


@pytest.mark.parametrize(
    "version, ranges, hit",
    [
        ("1.2.0", "<1.2.6", True),
        ("1.2.6", "<1.2.6", False),
        ("2.0.0", ">=2.0.0 <2.0.1 || >=3.0.0 <3.0.2", True),
        ("3.0.2", ">=2.0.0 <2.0.1 || >=3.0.0 <3.0.2", False),
        ("4.14.1", "*", True),
        ("4.14.1", "~weird", True),
    ],
)
def test_npm_ranges(audit, version, ranges, hit):
    assert audit.npm_version_matches(version, ranges) is hit
