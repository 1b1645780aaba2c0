"""The layers' rules are checked, not hoped for: the import-linter contracts in pyproject.toml
hold for the code as it is, and each one fails when an import breaks it."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

import companion

PROJECT_ROOT = Path(__file__).resolve().parent.parent
PACKAGE = Path(companion.__file__).resolve().parent
LINT = Path(sys.executable).with_name("lint-imports")


def lint(package_parent: Path) -> subprocess.CompletedProcess[str]:
    """Run the contracts of pyproject.toml over the ``companion`` package in ``package_parent``."""
    env = {**os.environ, "PYTHONPATH": str(package_parent)}
    return subprocess.run(
        [str(LINT), "--no-cache", str(PROJECT_ROOT / "pyproject.toml")],
        capture_output=True,
        text=True,
        cwd=package_parent,
        env=env,
        timeout=300,
        check=False,
    )


def test_the_contracts_hold_for_the_code() -> None:
    """Every contract is kept by the code in this checkout."""
    result = lint(PROJECT_ROOT)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "4 kept, 0 broken" in result.stdout


BREAKS = [
    pytest.param(
        "domain/dates.py",
        "import textual.app\n",
        "The domain is pure; The store knows nothing of screens",
        id="domain-imports-textual",
    ),
    pytest.param(
        "domain/wins.py",
        "from companion.store import repository\n",
        "The domain is pure",
        id="domain-imports-the-store",
    ),
    pytest.param(
        "store/lock.py",
        "from companion.ui import text\n",
        "The store knows nothing of screens",
        id="store-imports-the-ui",
    ),
    pytest.param(
        "ui/text.py",
        "from companion.wins import flows\n",
        "The shared screens know no feature",
        id="shared-ui-imports-a-feature",
    ),
    pytest.param(
        "dates/flows.py",
        "from companion.wins import dialog\n",
        "Features reach each other only through their flows",
        id="a-feature-imports-another-features-dialog",
    ),
]


@pytest.mark.parametrize(("module", "line", "contract"), BREAKS)
def test_each_contract_fails_when_broken(
    tmp_path: Path, module: str, line: str, contract: str
) -> None:
    """A copy of the package with one forbidden import fails that contract, by name (and
    only the contracts named: Textual in the domain reaches the store through it too)."""
    copy = tmp_path / "companion"
    shutil.copytree(PACKAGE, copy, ignore=shutil.ignore_patterns("__pycache__"))
    target = copy / module
    target.write_text(target.read_text() + "\n" + line)
    result = lint(tmp_path)
    assert result.returncode != 0, result.stdout
    expected = contract.split("; ")
    broken = [ln for ln in result.stdout.splitlines() if " BROKEN" in ln]
    assert len(broken) == len(expected), broken
    assert all(any(b.startswith(name) for b in broken) for name in expected), broken


def test_every_feature_folder_is_installed_and_checked() -> None:
    """A new feature folder is installed with the app and kept to the features' rule."""
    import tomllib

    config = tomllib.loads((PROJECT_ROOT / "pyproject.toml").read_text())
    folders = {
        f"companion.{path.parent.name}"
        for path in (PROJECT_ROOT / "companion").glob("*/__init__.py")
    }
    features = folders - {"companion.domain", "companion.store", "companion.ui", "companion.data"}
    assert {"companion.wins", "companion.urge"} <= features
    assert folders <= set(config["tool"]["setuptools"]["packages"])
    contracts = config["tool"]["importlinter"]["contracts"]
    independent = next(c for c in contracts if c["type"] == "independence")
    assert set(independent["modules"]) == features
