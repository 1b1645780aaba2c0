"""Child process for the kill test: save an increasing number until killed.

Usage: ``python killchild.py ROOT BACKUPS [STEP SAVE]``. Prints ``START n`` (the number
found on open), then ``ACK n`` after each save of ``n`` has returned. Odd numbers carry a
~200 KB payload and even ones a tiny one, so the file keeps growing and shrinking.

With ``STEP`` and ``SAVE`` the child kills itself (SIGKILL) in the ``SAVE``-th save of
this run, right after that step of replacing the file: ``written`` (the temp file
written), ``synced`` (the temp file flushed), ``backup`` (the backup made), ``renamed``
(the temp renamed over the data file) or ``folder`` (the folder flushed).
"""

from __future__ import annotations

import os
import signal
import stat
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from companion.store import durable
from companion.store.durable import DataFolder

BIG = "x" * 200_000


def tables_for(seq: int) -> dict[str, Any]:
    """The whole stored state for sequence number ``seq``."""
    return {"log": {"1": {"seq": seq, "pad": BIG if seq % 2 else ""}}}


SAVES = [0]
"""How many saves this run has begun."""


def die_after(
    step: str, wanted: str, save: int, call: Callable[..., Any], mine: Callable[..., bool]
) -> Callable[..., Any]:
    """``call``, followed by a SIGKILL of this process when it is the ``wanted`` step of
    the ``save``-th save, done for the data file itself (``mine(*args)``: the backup is
    written the same way, in the middle of the data file's own steps)."""
    done: set[int] = set()

    def wrapped(*args: Any, **kwargs: Any) -> Any:
        result = call(*args, **kwargs)
        if step == wanted and SAVES[0] == save and save not in done and mine(*args):
            done.add(save)
            os.kill(os.getpid(), signal.SIGKILL)
        return result

    return wrapped


def aim(wanted: str, save: int, root: Path) -> None:
    """Put the kill after step ``wanted`` of the data file in the ``save``-th save. The
    first write and the first file flush of a save are the data file's temp (its backup
    is made after them); its rename is the one onto ``data.json``, and its folder flush
    the one of the data folder (a backup's is of the backups folder)."""
    first = lambda *_args: True  # noqa: E731
    regular = lambda fd: stat.S_ISREG(os.fstat(fd).st_mode)  # noqa: E731
    durable._write_all = die_after("written", wanted, save, durable._write_all, first)  # type: ignore[assignment]
    durable.os.fsync = die_after("synced", wanted, save, os.fsync, regular)  # type: ignore[assignment]
    DataFolder._keep_backup = die_after(  # type: ignore[method-assign]
        "backup", wanted, save, DataFolder._keep_backup, first
    )
    onto_data = lambda _src, dst: Path(dst).name == "data.json"  # noqa: E731
    durable.os.replace = die_after("renamed", wanted, save, os.replace, onto_data)  # type: ignore[assignment]
    of_root = lambda folder: Path(folder) == root  # noqa: E731
    durable.sync_folder = die_after("folder", wanted, save, durable.sync_folder, of_root)  # type: ignore[assignment]


def main() -> None:
    """Open the folder and save forever, acknowledging each finished save."""
    if len(sys.argv) > 3:
        aim(sys.argv[3], int(sys.argv[4]), Path(sys.argv[1]))
    folder = DataFolder(Path(sys.argv[1]), backups=int(sys.argv[2]))
    folder.open()
    seq = folder.read().get("log", {}).get("1", {}).get("seq", 0)
    sys.stdout.write(f"START {seq}\n")
    sys.stdout.flush()
    while True:
        seq += 1
        SAVES[0] += 1
        folder.write(tables_for(seq))
        sys.stdout.write(f"ACK {seq}\n")
        sys.stdout.flush()


if __name__ == "__main__":
    main()
