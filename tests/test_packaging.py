"""The package as a person installs it: the command, the shipped stylesheets, one at a time."""

from __future__ import annotations

import importlib.metadata
import importlib.util
import json
import os
import shutil
import subprocess
import sys
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest

import companion

from .terminal import Terminal, first_run, installed_companion

REPO = Path(__file__).resolve().parent.parent
"""The root of the source tree."""

WORDS_KEPT_OUT_OF_HELP = ("abuse", "abusive", "narcissist", "victim", "trauma", "no contact")
"""``--help`` can be seen by anyone nearby: it stays neutral."""

BUILD_LEFTOVERS = (
    ".git",
    ".venv",
    "build",
    "dist",
    "*.egg-info",
    "__pycache__",
    ".mypy_cache",
    ".ruff_cache",
    ".hypothesis",
    ".pytest_cache",
)
"""What is not copied when the wheel is built from a copy of the source tree."""


def clean_env() -> dict[str, str]:
    """This environment without PYTHONPATH, so only installed code can be imported."""
    return {key: value for key, value in os.environ.items() if key != "PYTHONPATH"}


def run(*args: str | Path, cwd: Path, timeout: float = 60) -> subprocess.CompletedProcess[str]:
    """Run a command, capturing its output as text, with no input."""
    return subprocess.run(
        [str(arg) for arg in args],
        cwd=cwd,
        env=clean_env(),
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )


# The command ------------------------------------------------------------------------


def test_help_names_the_data_folder_options_and_stays_neutral(tmp_path: Path) -> None:
    """``companion --help`` explains --data and COMPANION_HOME in words anyone may see."""
    result = run(installed_companion(), "--help", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert "--data" in result.stdout
    assert "COMPANION_HOME" in result.stdout
    lowered = result.stdout.lower()
    shown = [word for word in WORDS_KEPT_OUT_OF_HELP if word in lowered]
    assert not shown, f"--help says {shown}:\n{result.stdout}"
    assert not (tmp_path / "default-home").exists(), "--help must not create the data folder"


def test_version_is_the_package_version(tmp_path: Path) -> None:
    """``companion --version`` and ``python -m companion --version`` print the same version."""
    expected = f"companion {companion.__version__}"
    by_command = run(installed_companion(), "--version", cwd=tmp_path)
    assert by_command.returncode == 0, by_command.stderr
    assert by_command.stdout.strip() == expected
    by_module = run(sys.executable, "-m", "companion", "--version", cwd=tmp_path)
    assert by_module.returncode == 0, by_module.stderr
    assert by_module.stdout.strip() == expected


# What the wheel ships -----------------------------------------------------------------

_WHERE = (
    "import companion, companion.app as a, json; "
    "print(json.dumps([companion.__file__, *[str(p) for p in a.stylesheets()]]))"
)


def test_installed_app_finds_its_stylesheets_inside_the_package(tmp_path: Path) -> None:
    """Outside the source tree, the installed app loads its .tcss files from site-packages."""
    installed_companion()
    result = run(sys.executable, "-c", _WHERE, cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    module, *sheets = (Path(path) for path in json.loads(result.stdout))
    assert "site-packages" in module.parts, (
        f"companion is imported from {module}: the README's install is not editable; "
        'run `pip install ".[test]"` without -e'
    )
    assert sheets, "the app lists no stylesheets"
    for sheet in sheets:
        assert sheet.suffix == ".tcss", sheet
        assert sheet.is_file(), f"{sheet} is missing from the installed package"
        assert "site-packages" in sheet.parts, f"{sheet} is not inside the installed package"


def _can_build_without_isolation() -> bool:
    """Whether this environment has the build requirements from pyproject.toml."""
    try:
        setuptools = importlib.metadata.version("setuptools")
    except importlib.metadata.PackageNotFoundError:
        return False
    major = int(setuptools.split(".")[0])
    return major >= 69 and importlib.util.find_spec("wheel") is not None


def test_the_wheel_ships_every_stylesheet(tmp_path: Path) -> None:
    """Every styles/*.tcss of the repo is inside the wheel, under companion/styles/."""
    source = tmp_path / "source"
    shutil.copytree(REPO, source, ignore=shutil.ignore_patterns(*BUILD_LEFTOVERS))
    wheels = tmp_path / "wheels"
    command: list[str | Path] = [sys.executable, "-m", "pip", "wheel", "--no-deps", "-q"]
    if _can_build_without_isolation():
        command.append("--no-build-isolation")
    # Otherwise pip fetches the build requirements, exactly as `pip install .` does.
    result = run(*command, "-w", wheels, ".", cwd=source, timeout=300)
    assert result.returncode == 0, result.stdout + result.stderr
    (wheel,) = wheels.glob("companion-*.whl")
    with zipfile.ZipFile(wheel) as archive:
        names = set(archive.namelist())
    expected = {f"companion/styles/{sheet.name}" for sheet in (REPO / "styles").glob("*.tcss")}
    assert "companion/styles/app.tcss" in expected
    missing = sorted(expected - names)
    assert not missing, f"{wheel.name} lacks {missing}"


# One at a time ----------------------------------------------------------------------


@pytest.fixture
def terminal(tmp_path: Path) -> Iterator[Terminal]:
    """A private tmux server for this test, stopped at the end whatever happened."""
    term = Terminal(tmp_path)
    try:
        yield term
    finally:
        term.close()


def snapshot(folder: Path) -> dict[str, bytes]:
    """Every file under ``folder`` with its bytes."""
    return {
        str(path.relative_to(folder)): path.read_bytes()
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }


def test_a_second_instance_says_so_and_changes_nothing(terminal: Terminal, tmp_path: Path) -> None:
    """While companion is open, starting it again on the same data explains and writes nothing."""
    data = tmp_path / "data"
    first_run(terminal, data)
    before = snapshot(data)
    assert any(name.startswith("journal/") for name in before)

    second = run(installed_companion(), "--data", data, cwd=tmp_path, timeout=30)

    assert second.returncode != 0
    assert "already open" in second.stderr, second.stderr
    assert "Traceback" not in second.stderr, second.stderr
    assert snapshot(data) == before
    assert "3 weeks since" in terminal.screen(), "the first window should still be open"
