"""Lint, formatting and types are part of the test run: a failing check fails the run."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
"""The root of the source tree, where pyproject.toml holds each tool's settings."""


@pytest.mark.parametrize(
    "check",
    [
        pytest.param(["ruff", "check", "."], id="ruff-check"),
        pytest.param(["ruff", "format", "--check", "."], id="ruff-format"),
        pytest.param(["mypy"], id="mypy"),
    ],
)
def test_check_passes(check: list[str]) -> None:
    """The tool finds nothing to complain about; on failure its own report is shown."""
    result = subprocess.run(
        [sys.executable, "-m", *check],
        cwd=REPO,
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    report = (result.stdout + result.stderr).strip()
    assert result.returncode == 0, f"`{' '.join(check)}` failed:\n{report}"
