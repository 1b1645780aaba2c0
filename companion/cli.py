"""The command line: arguments, the data folder, and starting the app."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import MutableMapping
from pathlib import Path
from typing import TYPE_CHECKING

from platformdirs import user_data_path

from companion import __version__
from companion.domain.helplines import CRISIS_LINE

if TYPE_CHECKING:
    from companion.store.problems import StoreError

ENV_HOME = "COMPANION_HOME"
"""An environment variable naming the data folder (``--data`` comes first)."""


def data_folder(option: str | None) -> Path:
    """The folder for the data: ``--data``, then $COMPANION_HOME, then the platform's default."""
    chosen = option or os.environ.get(ENV_HOME)
    if chosen:
        return Path(chosen).expanduser()
    return user_data_path("companion", appauthor=False)


def parser() -> argparse.ArgumentParser:
    """The argument parser; its wording stays neutral."""
    result = argparse.ArgumentParser(
        prog="companion",
        description="A private, keyboard-driven day-by-day journal for the terminal.",
        epilog=f"The data folder can also be set with the environment variable {ENV_HOME}.",
    )
    result.add_argument("--version", action="version", version=f"companion {__version__}")
    result.add_argument(
        "--data",
        metavar="DIR",
        help="the folder that holds your data (default: your user data folder)",
    )
    return result


def quiet_textual(environ: MutableMapping[str, str]) -> list[str]:
    """Take out of ``environ`` Textual's development switches (``TEXTUAL_LOG`` writes
    every key pressed to a file, ``TEXTUAL=devtools`` sends the screen to a console,
    ``TEXTUAL_SCREENSHOT`` saves it): none of them may see what the person types. Must
    run before Textual is imported; returns the names taken out."""
    names = [name for name in environ if name == "TEXTUAL" or name.startswith("TEXTUAL_")]
    for name in names:
        del environ[name]
    return names


def rescue(root: Path, error: StoreError, *, looked: bool = False) -> str | None:
    """The data could not be opened: show where to turn and what can be done, and do
    what the person chooses. The choice made (the caller opens the data again, or to
    look at only), or None when they quit."""
    from companion.rescue.choices import LOOK, carry_out, situation
    from companion.rescue.screen import RescueApp

    found = situation(root, error, looked=looked)
    # Without a terminal (a script, a pipe) there is no screen to show: the message only.
    choice = RescueApp(found).run() if sys.stdin.isatty() and sys.stdout.isatty() else None
    if choice is None:
        print(f"companion: {error}", file=sys.stderr)
        print(CRISIS_LINE, file=sys.stderr)
        return None
    if choice == LOOK:
        return choice
    try:
        carry_out(choice, root)
    except OSError as problem:
        print(f"companion: that could not be done: {problem.strerror or problem}.", file=sys.stderr)
        print(CRISIS_LINE, file=sys.stderr)
        return None
    return choice


def main(argv: list[str] | None = None) -> int:
    """Start the app; return the exit status."""
    args = parser().parse_args(argv)
    os.umask(0o077)
    quiet_textual(os.environ)
    root = data_folder(args.data)
    from companion.app import build_app
    from companion.store.problems import StoreError
    from companion.ui import crash

    look = looked = False
    while True:
        try:
            app = build_app(root, look=look)
            break
        except StoreError as error:
            looked = looked or look
            choice = rescue(root, error, looked=looked)
            if choice is None:
                return 1
            look = choice == "look"
    try:
        app.run()
    except Exception as error:  # outside the app's own loop: the same care, no traceback
        kept = app.crash or crash.keep_after(root, error, app)
        print(kept.message(), file=sys.stderr)
        return 1
    if app.crash is not None:
        print(app.crash.message(), file=sys.stderr)
        return 1
    return app.return_code or 0


if __name__ == "__main__":
    sys.exit(main())
