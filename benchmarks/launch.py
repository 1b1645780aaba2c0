"""One start of an app in a fresh process: built as the command line builds it, run
headless at 80x24, its first full frame reported, then closed.

Run ``python -m benchmarks.launch bare`` or ``python -m benchmarks.launch companion DIR``;
``--report FD`` names an inherited pipe that gets the line ``frame`` the moment the first
screen is mounted and drawn (standard output otherwise).
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path
from typing import Any

SIZE = (80, 24)
"""The terminal size every app is measured at."""


def report(fd: int, line: str) -> None:
    """Send one line to the measuring process."""
    os.write(fd, (line + "\n").encode())


def build(kind: str, folder: Path | None) -> Any:
    """The app to start: the bare one, or companion exactly as ``companion.cli.main`` makes it."""
    if kind == "bare":
        from benchmarks.bare import BareApp

        return BareApp()
    if folder is None:
        raise SystemExit("companion needs a data folder")
    os.umask(0o077)
    from companion.app import build_app

    return build_app(folder)


def main(argv: list[str] | None = None) -> int:
    """Start, report the first frame, and exit."""
    parser = argparse.ArgumentParser(prog="python -m benchmarks.launch")
    parser.add_argument("kind", choices=("bare", "companion"))
    parser.add_argument("folder", nargs="?", type=Path)
    parser.add_argument("--report", type=int, default=1, metavar="FD")
    args = parser.parse_args(argv)
    app = build(args.kind, args.folder)

    async def first_frame(pilot: Any) -> None:
        """Wait for the first screen to be drawn, say so, and close the app."""
        await pilot.pause()
        report(args.report, "frame")
        pilot.app.exit()

    app.run(headless=True, size=SIZE, auto_pilot=first_frame)
    return 0


if __name__ == "__main__":
    sys.exit(main())
