"""Child process for the kill test: save an increasing number until killed.

Usage: ``python killchild.py ROOT BACKUPS``. Prints ``START n`` (the number found on
open), then ``ACK n`` after each save of ``n`` has returned. Odd numbers carry a
~200 KB payload and even ones a tiny one, so the file keeps growing and shrinking.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

from companion.store.durable import DataFolder

BIG = "x" * 200_000


def tables_for(seq: int) -> dict[str, Any]:
    """The whole stored state for sequence number ``seq``."""
    return {"log": {"1": {"seq": seq, "pad": BIG if seq % 2 else ""}}}


def main() -> None:
    """Open the folder and save forever, acknowledging each finished save."""
    folder = DataFolder(Path(sys.argv[1]), backups=int(sys.argv[2]))
    folder.open()
    seq = folder.read().get("log", {}).get("1", {}).get("seq", 0)
    sys.stdout.write(f"START {seq}\n")
    sys.stdout.flush()
    while True:
        seq += 1
        folder.write(tables_for(seq))
        sys.stdout.write(f"ACK {seq}\n")
        sys.stdout.flush()


if __name__ == "__main__":
    main()
