"""The terminal tests' own guard: in CI a missing tool fails the run instead of skipping."""

from __future__ import annotations

from pathlib import Path

import pytest

from . import installed_companion, tmux_command


def test_in_ci_a_missing_command_fails_with_a_clear_message(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """CI=true and no installed companion: the test fails, naming what to install."""
    monkeypatch.setenv("CI", "true")
    monkeypatch.setattr("tests.terminal.COMPANION", tmp_path / "no-such-command")
    with pytest.raises(pytest.fail.Exception, match="companion command is not installed"):
        installed_companion()


def test_in_ci_a_missing_tmux_fails_with_a_clear_message(monkeypatch: pytest.MonkeyPatch) -> None:
    """CI=true and no tmux on the PATH: the test fails, naming tmux."""
    monkeypatch.setenv("CI", "true")
    monkeypatch.setenv("PATH", "/nonexistent")
    with pytest.raises(pytest.fail.Exception, match="tmux is not installed"):
        tmux_command()


def test_outside_ci_a_missing_tool_skips(monkeypatch: pytest.MonkeyPatch) -> None:
    """On a developer's machine without tmux the terminal tests skip, saying why."""
    monkeypatch.delenv("CI", raising=False)
    monkeypatch.setenv("PATH", "/nonexistent")
    with pytest.raises(pytest.skip.Exception, match="tmux is not installed"):
        tmux_command()
