"""The layers contract (.importlinter) is kept by the tree, and an import against it fails,
one written inside a function included: the CI gate does what the README says."""

import configparser
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
LINT_IMPORTS = Path(sys.executable).with_name("lint-imports")
CONFIG = configparser.ConfigParser()
CONFIG.read(ROOT / ".importlinter")
PACKAGES = CONFIG["importlinter"]["root_packages"].split()
LAYERS = [line.strip() for line in CONFIG["importlinter:contract:layers"]["layers"].splitlines() if line.strip()]

pytestmark = pytest.mark.skipif(not LINT_IMPORTS.exists(), reason="import-linter is not installed")


def lint(tree: Path) -> subprocess.CompletedProcess:
    return subprocess.run(
        [str(LINT_IMPORTS), "--config", str(tree / ".importlinter"), "--no-cache"],
        cwd=tree,
        env={"PYTHONPATH": str(tree), "PATH": "/usr/bin:/bin"},
        capture_output=True,
        text=True,
        timeout=120,
    )


@pytest.fixture
def tree(tmp_path) -> Path:
    """The apps' Python files and the contract, copied where they may be broken."""
    for package in PACKAGES:
        shutil.copytree(
            ROOT / package,
            tmp_path / package,
            ignore=lambda _dir, names: [n for n in names if not (n.endswith(".py") or "." not in n)] + ["__pycache__"],
        )
    shutil.copy(ROOT / ".importlinter", tmp_path / ".importlinter")
    return tmp_path


def test_every_app_is_in_the_contract_and_ci_runs_it():
    in_layers = {name.strip() for layer in LAYERS for name in layer.split("|")}
    apps = {path.parent.name for path in ROOT.glob("*/apps.py")}
    assert apps <= in_layers <= set(PACKAGES)
    assert "ignore_imports" not in CONFIG["importlinter:contract:layers"]  # no exception left
    assert "lint-imports" in (ROOT / ".ci" / "run").read_text()


def test_the_tree_keeps_the_layers(tree):
    result = lint(tree)
    assert result.returncode == 0, result.stdout + result.stderr


def test_an_upward_import_inside_a_function_fails(tree):
    with (tree / "cms" / "i18n.py").open("a") as module:
        module.write("\n\ndef _upward():\n    from reports import selectors\n\n    return selectors\n")

    result = lint(tree)

    assert result.returncode == 1
    assert "cms.i18n -> reports.selectors" in result.stdout
