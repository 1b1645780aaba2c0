"""The command line: arguments, the data folder, and starting the app."""

from __future__ import annotations

import argparse
import gc
import os
import sys
from collections.abc import MutableMapping
from pathlib import Path
from typing import TYPE_CHECKING

from companion import __version__

if TYPE_CHECKING:
    from companion.store.problems import StoreError

from companion.start import ENV_HOME as ENV_HOME
from companion.start import data_folder as data_folder


def parser() -> argparse.ArgumentParser:
    """The argument parser; its wording stays neutral."""
    result = argparse.ArgumentParser(
        prog="companion",
        description="A private, keyboard-driven day-by-day journal for the terminal.",
        epilog=f"The data folder can also be set with the environment variable {ENV_HOME}.",
    )
    result.add_argument("--version", action="version", version=f"companion {__version__}")
    data_option(result)
    commands = result.add_subparsers(
        dest="command", title="commands", metavar="COMMAND", help="(none: open the app)"
    )
    from companion.status import DEFAULT_FORMAT, FIELDS

    status = commands.add_parser(
        "status",
        help="print one short line for a shell prompt or a status bar",
        description=(
            "Print one short line: by default the number of days, and nothing else. "
            "It only reads the data (it works while companion is open). Exit status: 0 "
            "with a line, 3 and nothing printed when there is no data yet, 1 when the "
            "data could not be read. A folder sealed with a passphrase prints 'locked'."
        ),
        epilog="fields: " + "; ".join(f"{{{name}}} {words}" for name, words in FIELDS.items()),
    )
    data_option(status, argparse.SUPPRESS)
    status.add_argument(
        "--format",
        default=DEFAULT_FORMAT,
        metavar="TEXT",
        help=f"the line, with fields in braces (default: {DEFAULT_FORMAT})",
    )
    export = commands.add_parser(
        "export",
        help="write a full backup of your data to a file",
        description=(
            "Write every record to one JSON file (readable only by you), to keep somewhere "
            "safe or to read in on another computer with 'companion import'. It only reads "
            "the data, so it works while companion is open."
        ),
    )
    data_option(export, argparse.SUPPRESS)
    export.add_argument(
        "--out",
        metavar="FILE",
        help="where to write it (default: a new file in your home folder)",
    )
    export.add_argument(
        "--record",
        action="store_true",
        help=(
            "write instead the record of each time they reached out, in Markdown and as "
            "a printable PDF beside it, with the hashes that let anyone check it is "
            "complete and unaltered"
        ),
    )
    export.add_argument(
        "--json", action="store_true", help="with --record: the same record as JSON (no PDF)"
    )
    export.add_argument(
        "--plain",
        action="store_true",
        help="a backup of data sealed with a passphrase is sealed too; this writes it plain",
    )
    from companion.domain.sections import PRIVATE, SECTIONS

    export.add_argument(
        "--summary",
        action="store_true",
        help="write instead a summary to share, in Markdown (plain text)",
    )
    export.add_argument(
        "--sections",
        default=",".join(SECTIONS),
        metavar="LIST",
        help=f"with --summary: which sections, of {','.join(SECTIONS)} (default: all)",
    )
    export.add_argument(
        "--private",
        default="",
        metavar="LIST",
        help=(
            f"with --summary: add what is yours alone, of {','.join(PRIVATE)} (how each "
            "contact made you feel, letters never sent); left out unless named"
        ),
    )
    check = commands.add_parser(
        "verify",
        help="check that a record made by 'export --record' is complete and unaltered",
        description=(
            "Recompute every hash of a record (Markdown or JSON) and compare its entries "
            "with the events they were made from. Exit status 0 when it holds, 1 when it "
            "does not (and where it first differs)."
        ),
    )
    check.add_argument("file", metavar="FILE", help="the record to check")
    into = commands.add_parser(
        "import",
        help="read a full backup back in",
        description=(
            "Check a backup made by 'companion export', say what it would add or change, "
            "and, once you agree, add it to your data (nothing is removed; the state before "
            "is kept in the backups folder first). Close companion first."
        ),
    )
    data_option(into, argparse.SUPPRESS)
    into.add_argument("file", metavar="FILE", help="the backup to read in")
    into.add_argument("--yes", action="store_true", help="do not ask before reading it in")
    return result


def data_option(into: argparse.ArgumentParser, default: object = None) -> None:
    """The ``--data`` option, on the command line and on each command."""
    into.add_argument(
        "--data",
        metavar="DIR",
        default=default,
        help="the folder that holds your data (default: your user data folder)",
    )


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
    from companion.domain.helplines import CRISIS_LINE
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


def unlock(root: Path) -> bool:
    """A sealed folder: ask for its passphrase; True once it is unlocked."""
    if not (sys.stdin.isatty() and sys.stdout.isatty()):
        print(
            "companion: your data is sealed with a passphrase. Start companion in a "
            "terminal to unlock it.",
            file=sys.stderr,
        )
        return False
    from companion.passphrase.unlock import UnlockApp

    return bool(UnlockApp(root).run())


def no_core_dumps() -> None:
    """Let no crash of this process write its memory (the keys of a sealed folder,
    what is on screen) to a core file, and keep other processes of this account from
    reading it."""
    import contextlib
    import resource

    with contextlib.suppress(ValueError, OSError):
        resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
    if sys.platform.startswith("linux"):
        import ctypes

        with contextlib.suppress(OSError, AttributeError):
            ctypes.CDLL(None).prctl(4, 0, 0, 0, 0)  # PR_SET_DUMPABLE, 0


def main(argv: list[str] | None = None) -> int:
    """Start the app; return the exit status."""
    found = parser()
    args = found.parse_args(argv)
    if args.command == "status":
        from companion.status import check_format, run

        try:
            form = check_format(args.format)
        except ValueError as problem:
            found.error(f"--format: {problem}")
        return run(data_folder(args.data), form)
    if args.command == "verify":
        from companion.carry import verify

        return verify(Path(args.file))
    if args.command in ("export", "import"):
        os.umask(0o077)
        no_core_dumps()
        from companion import carry

        root = data_folder(args.data)
        out = None if getattr(args, "out", None) is None else Path(args.out)
        if args.command == "export":
            from companion.domain.sections import PRIVATE, SECTIONS

            chosen = [n.strip() for n in f"{args.sections},{args.private}".split(",") if n.strip()]
            wrong = [name for name in chosen if name not in SECTIONS | PRIVATE]
            if args.summary and wrong:
                found.error(f"no section {wrong[0]!r}; choose from {', '.join(SECTIONS | PRIVATE)}")
            kind = "summary" if args.summary else "record" if args.record else "backup"
            return carry.export(
                root, kind, out, sections=chosen, as_json=args.json, plain=args.plain
            )
        return carry.import_file(root, Path(args.file), ask=not args.yes)
    os.umask(0o077)
    quiet_textual(os.environ)
    root = data_folder(args.data)
    no_core_dumps()
    from companion.app import build_app
    from companion.store import seal
    from companion.store.problems import StoreError
    from companion.ui import crash

    look = looked = False
    while True:
        if seal.is_sealed(root) and seal.keys_for(root) is None and not unlock(root):
            return 0 if sys.stdin.isatty() else 1  # quitting the prompt is no failure
        try:
            app = build_app(root, look=look)
        except StoreError as error:
            looked = looked or look
            choice = rescue(root, error, looked=looked)
            if choice is None:
                return 1
            look = choice == "look"
            continue
        try:
            app.run()
        except Exception as error:  # outside the app's own loop: the same care, no traceback
            kept = app.crash or crash.keep_after(root, error, app)
            print(kept.message(), file=sys.stderr)
            return 1
        if app.crash is not None:
            print(app.crash.message(), file=sys.stderr)
            return 1
        if not app.locked:
            return app.return_code or 0
        # Locked: the keys and the app that showed the data are let go of before the
        # unlock screen asks again.
        seal.drop(root)
        del app
        gc.collect()


if __name__ == "__main__":
    sys.exit(main())
