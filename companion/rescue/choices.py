"""What can be done with a data folder that could not be opened, and doing it.

Every choice moves files aside inside the data folder (a rename, never a copy over and
never a delete), so whatever was there can still be found and read afterwards.
"""

from __future__ import annotations

import json
import os
import re
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from companion.store import journal, seal
from companion.store.durable import BACKUP_DIR_NAME, FILE_NAME, SCHEMA_VERSION
from companion.store.problems import AlreadyOpenError, Damaged, NewerVersionError, StoreError

LOOK = "look"
"""Open the data to read only: nothing in the folder is changed."""
FRESH = "fresh"
"""Set the data aside and start with an empty folder."""
BACKUP = "backup"
"""Set aside the newer data and open the newest backup this version can read."""
SET_ASIDE_PREFIX = "set-aside-"
"""The folder, inside the data folder, that a choice moves files into."""
MOVED = (FILE_NAME, "journal", "history", BACKUP_DIR_NAME)
"""What starting fresh sets aside (the lock files and crash drafts stay)."""


@dataclass(frozen=True)
class Situation:
    """A data folder that could not be opened: why, and what can be done about it."""

    root: Path
    problem: str
    """The store's own plain message."""
    choices: tuple[str, ...]
    """Among LOOK, BACKUP and FRESH, the ones that can be done here."""


def _readable(path: Path) -> bool:
    """Whether ``path`` is a data file in a form this version reads (not a link)."""
    try:
        raw = seal.opened(path.read_bytes(), path) if not path.is_symlink() else b"null"
        document = json.loads(raw)
    except (OSError, ValueError, Damaged):
        return False
    version = document.get("schema_version") if isinstance(document, dict) else None
    return isinstance(version, int) and 0 <= version <= SCHEMA_VERSION


def _has_journal(root: Path) -> bool:
    """Whether changes were saved in the journal (a folder not yet folded has no file)."""
    try:
        return bool(journal.segments(root))
    except OSError:
        return False


def readable_backups(root: Path) -> list[Path]:
    """Backups this version can read, newest first."""
    folder = root / BACKUP_DIR_NAME
    try:
        names = sorted(folder.iterdir(), reverse=True)
    except OSError:
        return []
    # Only the data file's own backups (not the key file, nor a state kept before an
    # import, which the store never restores from).
    own = [path for path in names if re.fullmatch(r"data-\d+\.json", path.name)]
    return [path for path in own if _readable(path)]


def situation(root: Path, error: StoreError, *, looked: bool = False) -> Situation:
    """What the person can do about ``error``, found without writing anything
    (``looked``: opening the data to look at has been tried, and failed too)."""
    backups = readable_backups(root)
    choices: list[str] = []
    saved = backups or _readable(root / FILE_NAME) or _has_journal(root)
    if not looked and saved:
        choices.append(LOOK)
    if isinstance(error, AlreadyOpenError):
        return Situation(root, str(error), tuple(choices))
    writable = root.is_dir() and os.access(root, os.W_OK)
    if writable and isinstance(error, NewerVersionError) and backups:
        choices.append(BACKUP)
    if writable:
        choices.append(FRESH)
    return Situation(root, str(error), tuple(choices))


def _aside(root: Path) -> Path:
    """A new folder to move files into, named by the moment."""
    stamp = datetime.now(UTC).strftime("%Y%m%d-%H%M%S")
    folder = root / f"{SET_ASIDE_PREFIX}{stamp}"
    n = 1
    while folder.exists():
        n += 1
        folder = root / f"{SET_ASIDE_PREFIX}{stamp}-{n}"
    folder.mkdir(mode=0o700)
    return folder


def start_fresh(root: Path) -> Path:
    """Move the data, its journal, history and backups into a set-aside folder; where."""
    aside = _aside(root)
    for name in MOVED:
        if (root / name).exists() or (root / name).is_symlink():
            os.rename(root / name, aside / name)
    return aside


def use_backup(root: Path) -> Path:
    """Set aside the data file, its journal and the backups this version cannot read,
    so the next open restores the newest one it can; where they went."""
    aside = _aside(root)
    keep = set(readable_backups(root))
    for name in (FILE_NAME, "journal"):
        if (root / name).exists():
            os.rename(root / name, aside / name)
    backups = root / BACKUP_DIR_NAME
    newer = [path for path in backups.iterdir() if path not in keep]
    if newer:
        (aside / BACKUP_DIR_NAME).mkdir(mode=0o700)
        for path in newer:
            os.rename(path, aside / BACKUP_DIR_NAME / path.name)
    return aside


def carry_out(choice: str, root: Path) -> Path:
    """Do ``choice`` on ``root``; the folder the files were moved into."""
    if choice == BACKUP:
        return use_backup(root)
    return start_fresh(root)
