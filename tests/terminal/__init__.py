"""Driving the installed ``companion`` command in a real terminal: tmux, keys in, text out.

Every test gets its own tmux server (its own socket name), started with an empty
config, no status line and UTC as the time zone, so the app sees exactly the size
asked for and the same calendar day as the test. Nothing here sleeps for a fixed
time: each step waits until the screen shows what a person would wait for.
"""

from __future__ import annotations

import os
import re
import shlex
import shutil
import subprocess
import sys
import time
import uuid
from collections.abc import Callable
from pathlib import Path
from typing import NoReturn

import pytest

COMPANION = Path(sys.executable).parent / "companion"
"""The console script that ``pip install .`` puts next to this Python."""

TIMEOUT = 30.0
"""How long, in seconds, a step may take before the test gives up and shows the screen.

Generous on purpose: on a busy machine a first frame can take several seconds, and a test
that waits longer than it needs costs nothing when the app is quick."""

POLL = 0.1
"""How often, in seconds, the screen is read while waiting."""

TOTALS = re.compile(r"Longest \d+ days? · Total \d+ days?")
"""The day counter's line of running totals."""

PANE_TITLES = ("1 No Contact", "2 Urge surfing", "3 Reasons I left", "4 Crisis contacts")
"""The four panes of the main screen, as their borders show them."""

TMUX_CONFIG = """\
set -g remain-on-exit on
set -g status off
set -g history-limit 2000
set -s escape-time 0
"""
"""Keep a pane that has exited (to read what it showed last), use the whole window for the
app, keep scrollback to search, and send escape at once."""


def in_ci() -> bool:
    """Whether this run is CI's, where every terminal test must really run."""
    return os.environ.get("CI", "").lower() == "true"


def missing(reason: str) -> NoReturn:
    """Skip a test whose tool is missing; in CI fail instead, so green means it ran."""
    if in_ci():
        pytest.fail(f"CI=true, and {reason}", pytrace=False)
    pytest.skip(reason)


def installed_companion() -> Path:
    """The installed ``companion`` command; skips the test when it was not installed."""
    if not COMPANION.exists():
        missing(
            f"the companion command is not installed next to {sys.executable}: "
            'run `pip install ".[test]"` (as the README says) and then the tests'
        )
    return COMPANION


def tmux_command() -> str:
    """The tmux program; skips the test when it is missing."""
    found = shutil.which("tmux")
    if found is None:
        missing("tmux is not installed (.ci/run installs it; or: apt-get install tmux)")
    return found


class Terminal:
    """One tmux server with one window running ``companion``, read as plain text."""

    def __init__(self, folder: Path) -> None:
        """Keep the tmux config in ``folder``; nothing runs until :meth:`start`."""
        self.tmux = tmux_command()
        self.companion = installed_companion()
        self.socket = f"companion-test-{os.getpid()}-{uuid.uuid4().hex[:10]}"
        self.config = folder / "tmux.conf"
        self.config.write_text(TMUX_CONFIG)
        self.status_file = folder / "exit-status"
        self.env = {key: value for key, value in os.environ.items() if key != "TMUX"}
        self.env["TZ"] = "UTC"
        self.env.setdefault("TERM", "xterm-256color")
        self.running = False

    def run(self, *args: str, check: bool = True) -> subprocess.CompletedProcess[str]:
        """Run one tmux command on this test's own server."""
        return subprocess.run(
            [self.tmux, "-L", self.socket, "-f", str(self.config), *args],
            env=self.env,
            capture_output=True,
            text=True,
            check=check,
            timeout=TIMEOUT,
        )

    def start(
        self, *arguments: str, width: int = 80, height: int = 24, program: list[str] | None = None
    ) -> None:
        """Start ``companion *arguments`` in a fresh window of ``width`` x ``height``
        (``program`` in place of the installed command, if given)."""
        self.close()
        # A fresh server each time: one that is still shutting down after kill-server must
        # not be asked to open the new window.
        self.socket = f"companion-test-{os.getpid()}-{uuid.uuid4().hex[:10]}"
        self.status_file.unlink(missing_ok=True)
        # tmux does not always keep the exit status of a pane that closed its terminal
        # before exiting, so a tiny shell writes it down for exit_status().
        record = f'"$@"; echo "$?" > {shlex.quote(str(self.status_file))}'
        program = program or [str(self.companion)]
        command = shlex.join(["sh", "-c", record, "companion", *program, *arguments])
        size = ["-x", str(width), "-y", str(height)]
        self.run("new-session", "-d", *size, "-e", "TZ=UTC", command)
        self.running = True

    def type(self, text: str) -> None:
        """Type ``text`` exactly as written (no key names are read from it)."""
        self.run("send-keys", "-l", text)

    def press(self, *keys: str) -> None:
        """Press keys by tmux's names: "Enter", "Escape", "C-l", "s", ..."""
        self.run("send-keys", *keys)

    def screen(self, *, history: bool = False) -> str:
        """What the window shows now, as text; with ``history``, the scrollback too."""
        extra = ["-S", "-2000"] if history else []
        return self.run("capture-pane", "-p", *extra).stdout

    def wait_until(
        self, ready: Callable[[str], bool], what: str, timeout: float = TIMEOUT, **kw: bool
    ) -> str:
        """Read the screen until ``ready(screen)``; fail, showing the screen, after ``timeout``."""
        deadline = time.monotonic() + timeout
        while True:
            shown = self.screen(**kw)
            if ready(shown):
                return shown
            if time.monotonic() > deadline:
                pytest.fail(f"waited {timeout:g} s for {what}; the screen shows:\n{shown}")
            time.sleep(POLL)

    def wait_for(self, *texts: str, timeout: float = TIMEOUT) -> str:
        """Wait until every one of ``texts`` is on the screen at once; return that screen."""
        return self.wait_until(
            lambda shown: all(text in shown for text in texts),
            " and ".join(repr(text) for text in texts),
            timeout,
        )

    def exit_status(self, timeout: float = TIMEOUT) -> int | None:
        """Wait until the app has exited; its exit status (None if tmux went away first)."""
        deadline = time.monotonic() + timeout
        while True:
            written = self.status_file.read_text() if self.status_file.exists() else ""
            if written.endswith("\n"):
                return int(written)
            if self.run("has-session", check=False).returncode != 0:
                return None
            if time.monotonic() > deadline:
                pytest.fail(f"companion did not exit; the screen shows:\n{self.screen()}")
            time.sleep(POLL)

    def close(self) -> None:
        """Stop the tmux server and everything running in it."""
        if self.running:
            self.run("kill-server", check=False)
            self.running = False


def totals(shown: str) -> str:
    """The "Longest ... · Total ..." line on the screen; fails if it is not shown."""
    found = TOTALS.search(shown)
    assert found is not None, f"no totals line on the screen:\n{shown}"
    return found.group()


def first_run(terminal: Terminal, data: Path, *, alias: str = "Sam [bold]") -> str:
    """Start on an empty data folder and answer the welcome: 3 weeks ago, and ``alias``.

    Returns the main screen as it shows afterwards.
    """
    terminal.start("--data", str(data))
    terminal.wait_for("Welcome")
    terminal.type("3 weeks ago")
    terminal.wait_for("→")  # the preview of the day it reads
    terminal.press("Enter")
    terminal.type(alias)
    shown = terminal.wait_for(alias)
    assert any("3 weeks ago" in line and alias not in line for line in shown.splitlines()), (
        f"the alias was typed into the date field:\n{shown}"
    )
    terminal.press("Enter")
    return terminal.wait_until(
        lambda s: "Welcome" not in s and all(t in s for t in ("3 weeks since", *PANE_TITLES)),
        "the main screen, whole, with the welcome gone",
    )


def quit_app(terminal: Terminal) -> None:
    """Press q and check the app closed cleanly."""
    terminal.press("q")
    status = terminal.exit_status()
    assert status == 0, f"companion exited with status {status}:\n{terminal.screen()}"
