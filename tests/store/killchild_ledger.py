"""Child process for the journal's kill test: save through the app's repository until killed.

Usage: ``python killchild_ledger.py ROOT``. Prints ``START n`` (the step found on open),
then ``ACK n`` after the saves of ``n`` have returned: a little win dated in 2023 (so a
fold moves it into history) and then the guided-writing step ``n``. Folds run now and
then, in the background and in this process, so kills land in the middle of them too.
"""

from __future__ import annotations

import sys
from datetime import UTC, date, datetime
from pathlib import Path

from companion.domain.wins import Win
from companion.store.repository import Repository

NOW = datetime(2026, 11, 25, 10, 0, tzinfo=UTC)


def main() -> None:
    """Open the folder and save forever, acknowledging each finished save."""
    repo = Repository.open(Path(sys.argv[1]), now=lambda: NOW)
    step = repo.guided_step
    sys.stdout.write(f"START {step}\n")
    sys.stdout.flush()
    while True:
        step += 1
        text = f"win {step} " + "x" * 200
        repo.wins.save(Win(date(2023, 1 + step % 12, 1), text, NOW, id=f"w{step}"))
        repo.save_guided_step(step)
        sys.stdout.write(f"ACK {step}\n")
        sys.stdout.flush()
        if step % 15 == 0:
            repo.fold_in_background(force=True)
        elif step % 40 == 0:
            repo.ledger.fold_here()


if __name__ == "__main__":
    main()
