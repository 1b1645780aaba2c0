"""The command's first step. ``companion status`` runs at every shell prompt, so it is
answered here from what the app keeps for it (``store.glance``) before the argument
parser, the store or the domain is imported; anything else, or a status line the glance
cannot answer, goes on to the whole command line (``cli``)."""

from __future__ import annotations

import os
import sys
from pathlib import Path

ENV_HOME = "COMPANION_HOME"
"""An environment variable naming the data folder (``--data`` comes first)."""


def data_folder(option: str | None) -> Path:
    """The folder for the data: ``--data``, then $COMPANION_HOME, then the platform's default."""
    chosen = option or os.environ.get(ENV_HOME)
    if chosen:
        return Path(chosen).expanduser()
    from platformdirs import user_data_path

    return user_data_path("companion", appauthor=False)


def _options(args: list[str]) -> dict[str, str] | None:
    """``--data`` and ``--format`` (as ``--name value`` or ``--name=value``), or None for
    anything else (help, a mistake), which the whole command line answers."""
    found: dict[str, str] = {}
    rest = iter(args)
    for arg in rest:
        name, equals, value = arg.partition("=")
        given = value if equals else next(rest, None)
        if name not in ("--data", "--format") or name in found or given is None:
            return None
        found[name] = given
    return found


def quick_status(args: list[str]) -> int | None:
    """The exit status of ``companion status`` answered from the glance, or None."""
    from companion import status

    options = _options(args)
    if options is None:
        return None
    try:
        form = status.check_format(options.get("--format", status.DEFAULT_FORMAT))
    except ValueError:
        return None
    return status.quick(data_folder(options.get("--data")), form)


def main(argv: list[str] | None = None) -> int:
    """The command line; return the exit status."""
    args = sys.argv[1:] if argv is None else argv
    if args[:1] == ["status"]:
        answered = quick_status(args[1:])
        if answered is not None:
            return answered
    from companion.cli import main as whole

    return whole(argv)
