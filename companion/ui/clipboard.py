"""What the app puts on the clipboard, and taking it off again.

A number copied from the crisis contacts goes to the terminal's clipboard (OSC 52), and
tmux, when it accepts that, keeps it in a paste buffer too. Neither should hold it longer
than the person needs: it is cleared after ``CLEAR_AFTER`` seconds, on quick hide, and on
quit. Clearing sends OSC 52 with nothing in it, and inside tmux also deletes the paste
buffers that hold exactly what the app copied (no other buffer is touched).
"""

from __future__ import annotations

import contextlib
import os
import shutil
import subprocess
from typing import Any

from textual.app import App
from textual.timer import Timer

CLEAR_AFTER = 60.0
"""Seconds a copied number stays on the clipboard."""
TMUX_SECONDS = 2.0
"""The longest a tmux command may take before it is given up."""


class Clipboard:
    """The app's own use of the clipboard: what it copied, until that is cleared."""

    def __init__(self, app: App[Any]) -> None:
        """Copy and clear through ``app``'s terminal."""
        self.app = app
        self.copied: str | None = None
        """What the app put on the clipboard and has not cleared yet."""
        self._timer: Timer | None = None

    def copy(self, text: str) -> None:
        """Put ``text`` on the clipboard; it is cleared in ``CLEAR_AFTER`` seconds."""
        if self.copied is not None and self.copied != text:
            self._clear_tmux(self.copied)
        self.app.copy_to_clipboard(text)
        self.copied = text
        if self._timer is not None:
            self._timer.stop()
        self._timer = self.app.set_timer(CLEAR_AFTER, self.clear)

    def clear(self) -> None:
        """Take what the app copied off the clipboard (nothing else is touched)."""
        if self._timer is not None:
            self._timer.stop()
            self._timer = None
        copied, self.copied = self.copied, None
        if copied is None:
            return
        with contextlib.suppress(Exception):  # a terminal that has gone away
            self.app.copy_to_clipboard("")
        self._clear_tmux(copied)

    @staticmethod
    def _clear_tmux(copied: str) -> None:
        """Inside tmux, delete the paste buffers holding exactly ``copied``."""
        tmux = shutil.which("tmux")
        if not os.environ.get("TMUX") or tmux is None:
            return

        def run(*args: str) -> str:
            return subprocess.run(
                [tmux, *args], capture_output=True, text=True, timeout=TMUX_SECONDS, check=False
            ).stdout

        with contextlib.suppress(OSError, subprocess.SubprocessError):
            for name in run("list-buffers", "-F", "#{buffer_name}").split():
                if run("show-buffer", "-b", name) == copied:
                    run("delete-buffer", "-b", name)
