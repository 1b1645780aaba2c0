"""``companion status``: one short line for a shell prompt or a status bar.

It reads the data folder as the app would only look at it (no lock taken or waited for,
nothing written), so it works while the app is open, and it never imports the screens.
The default line is the bare number of days: a status bar can be seen by anyone nearby,
so nothing in it names the person, the one they left or what the days are of.
"""

from __future__ import annotations

import string
import sys
from collections.abc import Mapping
from datetime import datetime
from pathlib import Path

NO_DATA = 3
"""The exit status when there is nothing to show (no folder, or no start day yet)."""
FAILED = 1
"""The exit status when the folder could not be read (said on standard error)."""
DEFAULT_FORMAT = "{days}"
FIELDS = {
    "days": "days in the current stretch",
    "longest": "days in the longest stretch",
    "total": "every day counted since the start",
    "week": "urge sessions ridden out in the last 7 days",
    "next": "the next milestone, as a name (for example 2 weeks)",
    "to_next": "days until the next milestone",
}
"""What ``--format`` can use, as ``{name}``."""


def check_format(text: str) -> str:
    """``text`` if every field in it is known; ValueError naming the first that is not."""
    for _, name, spec, _ in string.Formatter().parse(text):
        if name is not None and name not in FIELDS:
            known = ", ".join("{" + field + "}" for field in FIELDS)
            raise ValueError(f"{{{name}}} is not a field; the fields are {known}")
        if spec or (name is not None and not name):
            raise ValueError("use fields as {name}, with nothing else inside the braces")
    return text


def figures(root: Path, now: datetime) -> Mapping[str, object] | None:
    """The fields for the folder at ``root``, or None when there is nothing to show."""
    from companion.domain.milestones import progress
    from companion.store.repository import Repository

    repository = Repository.open(root, look=True)
    try:
        summary = repository.history.summary(now.date())
        if summary is None:
            return None
        stats = repository.urge_stats(now)
    finally:
        repository.close()
    ahead = progress(summary.current.start, summary.current.days)
    return {
        "days": summary.current.days,
        "longest": summary.longest_days,
        "total": summary.total_days,
        "week": stats.this_week,
        "next": ahead.next.name,
        "to_next": ahead.days_to_go,
    }


def has_data(root: Path) -> bool:
    """Whether anything was ever saved in ``root`` (a snapshot, a backup or a journal)."""
    from companion.store import names

    return any((root / name).exists() for name in (names.SNAPSHOT, names.JOURNAL, names.BACKUPS))


def quick(root: Path, form: str) -> int | None:
    """The exit status once the line for ``root`` is printed from what the app keeps
    for it (``store.glance``); None (nothing printed) when the data must be read."""
    from companion.store import glance, names

    if not has_data(root):
        return NO_DATA
    if names.is_sealed(root):
        print("locked")  # nothing of a sealed folder without its passphrase
        return 0
    found = glance.fields(root, datetime.now().astimezone())
    if found is None:
        return None
    print(form.format_map(found))
    return 0


def run(root: Path, form: str) -> int:
    """Print the line for ``root`` in ``form``; the exit status."""
    from companion.store.problems import StoreError

    answered = quick(root, form)
    if answered is not None:
        return answered
    try:
        found = figures(root, datetime.now().astimezone())
    except StoreError as error:
        print(f"companion status: {error}", file=sys.stderr)
        return FAILED
    if found is None:
        return NO_DATA
    print(form.format_map(found))
    return 0
