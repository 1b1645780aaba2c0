"""Child process for the sealing kill test: change the passphrase back and forth until
killed.

Usage: ``python killchild_seal.py ROOT``. The folder is sealed with ``one`` or ``two``;
the child unlocks it with whichever opens it, then changes it to the other, again and
again, printing ``NOW p`` once each change has returned.
"""

from __future__ import annotations

import sys
from pathlib import Path

from companion.store import seal, sealing
from companion.store.repository import Repository

CHEAP = seal.Cost(iterations=1, lanes=1, memory_kib=8)


def main(root: Path) -> None:
    """Change the passphrase of ``root`` until killed."""
    seal.DEFAULT_COST = CHEAP
    sealing.DEFAULT_COST = CHEAP
    try:
        seal.unlock_folder(root, "one")
        now = "one"
    except seal.WrongPassphrase:
        seal.unlock_folder(root, "two")
        now = "two"
    repo = Repository.open(root)
    while True:
        other = "two" if now == "one" else "one"
        old = seal.keys_for(root)
        repo.ledger.reseal(lambda: sealing.turn_on(root, other, old))  # noqa: B023
        now = other
        print(f"NOW {now}", flush=True)


if __name__ == "__main__":
    main(Path(sys.argv[1]))
