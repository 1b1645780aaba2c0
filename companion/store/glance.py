"""What ``companion status`` needs to answer at once, kept by the app beside the data.

A status line is asked for at every shell prompt, so it cannot read years of data each
time. While the folder is plain, the app keeps here after each change: the day the
current stretch began, the start, the longest stretch before it, how many days slips
took out of the total, when this week's urge sessions began and the next milestones,
with the size and time of every file the data is in. ``companion status`` trusts it only
while those files are exactly so (and the day has not gone back); else it reads the data.
It holds dates and counts, never a word anyone wrote; a sealed folder has none.

This module imports nothing but the standard library's lightest parts, and the store's
names, so that the status line starts quickly.
"""

from __future__ import annotations

import json
import os
from datetime import date, datetime
from pathlib import Path
from typing import Any

from companion.store import names

VERSION = 1
MILESTONES_AHEAD = 12
"""How many of the next milestones are kept (years of them, past the first months)."""
WEEK = 7 * 24 * 3600


def signature(root: Path) -> list[list[Any]]:
    """The name, size and change time of every file the data is kept in."""
    found = []
    for path in (root / names.SNAPSHOT, *_journal(root)):
        try:
            info = os.stat(path)
        except OSError:
            continue
        found.append([str(path.relative_to(root)), info.st_size, info.st_mtime_ns])
    return found


def _journal(root: Path) -> list[Path]:
    try:
        return sorted(Path(entry.path) for entry in os.scandir(root / names.JOURNAL))
    except OSError:
        return []


def keep(root: Path, facts: dict[str, Any] | None) -> None:
    """Write ``facts`` with the files' signature as they are now (None: remove it). A
    failure is passed over: the status line then reads the data, as it would anyway."""
    path = root / names.GLANCE
    try:
        if facts is None:
            path.unlink(missing_ok=True)
            return
        text = json.dumps({"version": VERSION, **facts, "seen": signature(root)})
        fresh = path.with_name(path.name + ".new")
        fresh.write_text(text, encoding="utf-8")
        os.replace(fresh, path)
    except OSError:
        return


def fields(root: Path, now: datetime) -> dict[str, object] | None:
    """The status line's fields for ``now``, or None when the glance is missing, not
    this version's, or older than the data (the data must then be read)."""
    try:
        kept = json.loads((root / names.GLANCE).read_text(encoding="utf-8"))
        if kept.get("version") != VERSION or kept.get("seen") != signature(root):
            return None
        today = now.date()
        if today < date.fromisoformat(kept["written"]):
            return None
        days = (today - date.fromisoformat(kept["current"])).days
        ahead = [(at, name) for at, name in kept["milestones"] if at > days]
        if not ahead:
            return None
        moment = now.timestamp()
        return {
            "days": days,
            "longest": max(int(kept["longest_before"]), days),
            "total": (today - date.fromisoformat(kept["start"])).days - int(kept["taken"]),
            "week": sum(1 for began in kept["sessions"] if began >= moment - WEEK),
            "next": ahead[0][1],
            "to_next": ahead[0][0] - days,
        }
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return None
