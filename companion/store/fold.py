"""Folding: the journal's older segments written into the snapshot files.

Run as ``python -m companion.store.fold ROOT BEFORE`` by the app, in a process of its
own, so rewriting big files never holds the screen still. It folds every segment
numbered below ``BEFORE`` (the app has moved on to that one) and is safe to kill at any
moment: each file is replaced whole and crash-safely, the year files before
``data.json``, and ``data.json`` says which segments it holds. Replaying a segment twice
changes nothing, because every change in it replaces or removes a whole record.

Only one fold runs at a time (the fold lock); the app waits for it at open, so a fold
left running by a copy of the app that was closed never writes under a new one.
"""

from __future__ import annotations

import contextlib
import copy
import sys
from collections.abc import Callable
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

from companion.store import journal as journal_files
from companion.store import seal
from companion.store.durable import DataFolder, Tables, _utc_now
from companion.store.ledger import (
    SNAPSHOT_BACKUPS,
    Layout,
    Meta,
    fold_lock,
    read_year,
    validate_with_meta,
    year_files,
    year_folder,
)
from companion.store.problems import StoreError

Years = dict[str, dict[int, dict[str, Any]]]
"""History documents by table, then by year, then by id."""


def load_years(root: Path, layout: Layout) -> Years | None:
    """Every history file's documents; None when one of them cannot be read at all."""
    years: Years = {}
    for name in layout.history:
        years[name] = {}
        for year, path in year_files(root, name).items():
            docs = read_year(path, layout)
            if docs is None:
                return None
            years[name][year] = docs
    return years


def apply(tables: Tables, op: journal_files.Op) -> None:
    """Change whole tables as one journal op says."""
    table = tables.setdefault(op[1], {})
    if op[0] == "put":
        table[op[2]] = op[3]
    else:
        table.pop(op[2], None)


def settle(
    root: Path,
    layout: Layout,
    tables: Tables,
    years: Years,
    meta: Meta,
    folder: DataFolder,
    now: Callable[[], datetime],
) -> Meta:
    """Write ``tables`` (every record, the history's included) as the snapshot: older
    history into files per year, the rest into ``data.json`` through ``folder``, with
    the totals counted afresh. ``years`` is what the files per year hold now, so that
    only the years that changed are written. Return the meta document written."""
    full = tables
    cutoff = now().date() - timedelta(days=layout.hot_days)
    present: Tables = {}
    placed: Years = {name: {} for name in layout.history}
    for name, docs in full.items():
        if name not in layout.history or layout.settled_on is None:
            present[name] = docs
            continue
        keep: dict[str, Any] = {}
        for doc_id, doc in docs.items():
            day = layout.settled_on(name, doc)
            if day is None or day >= cutoff:
                keep[doc_id] = doc
            else:
                placed[name].setdefault(day.year, {})[doc_id] = doc
        present[name] = keep
    tallies: dict[str, Any] = {}
    for name, make in (layout.tallies or {}).items():
        tally = make(None)
        for doc in full.get(name, {}).values():
            tally.changed(None, doc)
        tallies[name] = tally.to_dict()
    next_ids = dict(meta.next_ids or {})
    for name, docs in full.items():
        numbers = [int(key) for key in docs if key.isdigit()]
        if numbers:
            next_ids[name] = max(next_ids.get(name, 1), max(numbers) + 1)
    for name, by_year in placed.items():
        old = years.get(name, {})
        for year in sorted(set(by_year) | set(old)):
            docs = by_year.get(year, {})
            if docs == old.get(year):
                continue
            target = year_folder(root, name, year, layout, now)
            target.open()
            try:
                target.write({name: docs})
            finally:
                target.close()
    written = Meta(journal=meta.journal, next_ids=next_ids, tallies=tallies)
    written.put(present)
    folder.write(present)
    return written


def fold(root: Path, before: int, layout: Layout, now: Callable[[], datetime] = _utc_now) -> bool:
    """Fold every journal segment below ``before`` into the snapshot; return whether it
    was done (False when another fold is running, nothing is due, or a file could not be
    read: then nothing is written)."""
    with fold_lock(root, wait=0.0) as taken:
        if not taken:
            return False
        folder = DataFolder(
            root,
            backups=SNAPSHOT_BACKUPS,
            validate=validate_with_meta(layout.validate),
            migrations=layout.migrations,
            now=now,
            locked=False,
        )
        try:
            folder.open()
        except StoreError:
            return False
        try:
            tables = copy.deepcopy(folder.tables)
            meta = Meta.take(tables) or Meta(journal=1, next_ids={}, tallies={})
            if meta.journal >= before:
                return False
            years = load_years(root, layout)
            if years is None:
                return False
            for name, by_year in years.items():
                merged: dict[str, Any] = {}
                for docs in by_year.values():
                    merged.update(docs)
                merged.update(tables.get(name, {}))
                tables[name] = merged
            for op in journal_files.replay(root, meta.journal, before).ops:
                apply(tables, op)
            folded_from = meta.journal
            meta.journal = before
            settle(root, layout, tables, years, meta, folder, now)
        finally:
            folder.close()
        for segment in journal_files.segments(root):
            # Keep the segments the newest backup of data.json still needs.
            if segment.number < folded_from:
                with contextlib.suppress(OSError):
                    segment.path.unlink()
        return True


def main(argv: list[str]) -> int:
    """Fold the journal of the data folder ``argv[0]`` below segment ``argv[1]`` (with
    the folder's keys read from standard input, when it is sealed)."""
    from companion.store.tables import LAYOUT

    try:
        keys = sys.stdin.read() if sys.stdin is not None else ""
        if keys.strip():
            seal.hold(Path(argv[0]), seal.Keys.load(keys))
        fold(Path(argv[0]), int(argv[1]), LAYOUT)
    except Exception:  # a fold that fails leaves the journal in place; the app goes on
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
