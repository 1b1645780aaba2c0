"""The person's data as the app holds it: a small snapshot, the journal on top, and the
history read only when a list of it is opened.

On disk the data folder holds:

- ``data.json``: what the first screen needs (settings, reasons, people, the sessions and
  wins of the last days, the open session, running totals), in TinyDB's layout of tables
  of documents, plus ``_store``: where the journal stands, the next ids and the totals;
- ``journal/``: one flushed line per save since the snapshot (see :mod:`.journal`);
- ``history/<table>-<year>.json``: older records of the long lists, a file per year.

A save appends one line to the journal, so its cost follows the size of the change and
never the size of the history. Folding the journal into the files (see :mod:`.fold`)
rewrites whole files, so it runs in a separate process: a big ``json.dumps`` in a thread
would still hold the screen still, because of Python's global lock.
"""

from __future__ import annotations

import contextlib
import dataclasses
import os
import subprocess
import sys
import time
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any, Protocol, cast

from companion.store import journal as journal_files
from companion.store import seal
from companion.store.durable import (
    BACKUP_DIR_NAME,
    SCHEMA_VERSION,
    DataFolder,
    Migration,
    Tables,
    Validator,
    _examine,
    _utc_now,
)
from companion.store.journal import Journal, Op
from companion.store.lock import InstanceLock
from companion.store.problems import (
    _NOTHING_LOST,
    DISK_REFUSED,
    Damaged,
    NewerVersionError,
    SaveError,
    refusal,
)
from companion.store.problems import _save_message as save_message

META = "_store"
"""The table of ``data.json`` that says where the journal stands."""
META_ID = "1"
"""Its one document."""
HISTORY_DIR_NAME = "history"
"""The folder of the files per year."""
FOLD_LOCK_NAME = "fold.lock"
"""Held by whoever writes the snapshot files (a fold, or the app while it opens)."""
FOLD_AT = 512 * 1024
"""Journal bytes after which it is folded into the snapshot."""
SNAPSHOT_BACKUPS = 3
"""Earlier versions kept of each snapshot file (the journal keeps what came between)."""


class Tally(Protocol):
    """Running totals of one table, following each change of a record."""

    def changed(self, old: Mapping[str, Any] | None, new: Mapping[str, Any] | None) -> None:
        """Take ``old`` out of the totals and put ``new`` in (None: absent)."""

    def to_dict(self) -> dict[str, Any]:
        """Plain JSON-ready values."""


Placement = Callable[[str, Mapping[str, Any]], Any]
"""The day a record of a history table belongs to, or None to keep it in the data file."""


@dataclass(frozen=True)
class Layout:
    """What the ledger needs to know of the tables: how to check them, which ones keep
    history in files per year, where each record belongs, and which keep totals."""

    validate: Validator | None = None
    migrations: Mapping[int, Migration] | None = None
    history: tuple[str, ...] = ()
    settled_on: Placement | None = None
    tallies: Mapping[str, Callable[[Mapping[str, Any] | None], Tally]] | None = None
    hot_days: int = 8


@dataclass
class Meta:
    """Where the snapshot stands: the first journal segment not folded into it, the next
    document id of each table, and the stored totals."""

    journal: int = 1
    next_ids: dict[str, int] | None = None
    tallies: dict[str, Any] | None = None

    @classmethod
    def take(cls, tables: Tables) -> Meta | None:
        """Remove the meta document from ``tables`` and read it (None when there is none)."""
        table = tables.pop(META, None)
        if table is None:
            return None
        doc = table.get(META_ID) if isinstance(table, dict) else None
        if not isinstance(doc, dict):
            raise Damaged("the journal's position is missing")
        number, ids, tallies = doc.get("journal"), doc.get("next_ids", {}), doc.get("tallies", {})
        if type(number) is not int or number < 1:
            raise Damaged("the journal's position is damaged")
        if not isinstance(ids, dict) or not all(type(v) is int for v in ids.values()):
            raise Damaged("the next ids are damaged")
        if not isinstance(tallies, dict):
            raise Damaged("the totals are damaged")
        return cls(number, dict(ids), dict(tallies))

    def put(self, tables: Tables) -> None:
        """Write the meta document into ``tables``."""
        tables[META] = {
            META_ID: {
                "journal": self.journal,
                "next_ids": dict(sorted((self.next_ids or {}).items())),
                "tallies": dict(sorted((self.tallies or {}).items())),
            }
        }


def validate_with_meta(validate: Validator | None) -> Validator:
    """A check of ``data.json`` that also reads the meta document."""

    def check(tables: Tables) -> None:
        """Raise when the tables or the meta document cannot be used."""
        Meta.take(tables)
        if validate is not None:
            validate(tables)

    return check


def waiting_message(error: OSError, root: Path, *, from_the_start: bool = False) -> str:
    """What the person reads while changes wait for the disk: why, and that nothing is
    lost yet (``from_the_start``: the folder could not be written to at open)."""
    why = refusal(error, root)
    if from_the_start:
        return (
            f"Your data is open to read only: {why}. Everything is here to read, and what "
            "you save is kept while companion stays open and written as soon as the folder "
            "takes it. Quitting before then would lose it."
        )
    return (
        f"Not written to the disk yet: {why}. What you save is kept here while companion "
        "stays open, and written as soon as the disk takes it. Quitting now would lose it."
    )


LOOK_MESSAGE = (
    "Your data is open to look at only: nothing in its folder is changed. What you add "
    "now is kept only while companion stays open, and is gone when you quit."
)
"""What the person reads while looking without changing anything."""


@contextlib.contextmanager
def fold_lock(root: Path, wait: float) -> Iterator[bool]:
    """Hold the fold lock for a block, waiting up to ``wait`` seconds; yields whether it
    was taken (a fold left running by an earlier copy of the app holds it)."""
    lock = InstanceLock(root / FOLD_LOCK_NAME, folder=False)
    deadline = time.monotonic() + wait
    try:
        while True:
            try:
                taken = lock.acquire()
            except OSError:  # no folder yet, or one that cannot be written: no fold runs
                taken = False
                break
            if taken or time.monotonic() >= deadline or not root.is_dir():
                break
            time.sleep(0.02)
        yield taken
    finally:
        lock.release()


def year_files(root: Path, table: str) -> dict[int, Path]:
    """The history files of ``table``, by year."""
    folder = root / HISTORY_DIR_NAME
    try:
        names = os.listdir(folder)
    except FileNotFoundError:
        return {}
    found = {}
    prefix = f"{table}-"
    for name in names:
        year = name.removeprefix(prefix).removesuffix(".json")
        if name.startswith(prefix) and name.endswith(".json") and year.isdigit() and len(year) == 4:
            found[int(year)] = folder / name
    return found


def year_folder(
    root: Path, table: str, year: int, layout: Layout, now: Callable[[], datetime]
) -> DataFolder:
    """The snapshot file of one year of ``table``, opened by whoever holds the fold lock."""
    return DataFolder(
        root / HISTORY_DIR_NAME,
        backups=SNAPSHOT_BACKUPS,
        validate=layout.validate,
        migrations=layout.migrations,
        now=now,
        name=f"{table}-{year}.json",
        locked=False,
    )


def read_year(path: Path, layout: Layout) -> dict[str, Any] | None:
    """The documents of one history file, or of its newest good backup, without writing
    anything; None when neither can be read."""
    stem = path.name.removesuffix(".json")
    backups = sorted((path.parent / BACKUP_DIR_NAME).glob(f"{stem}-*.json"), reverse=True)
    for candidate in (path, *backups):
        try:
            loaded = _examine(candidate.read_bytes(), candidate)
            if layout.validate is not None:
                layout.validate(dict(loaded.tables))
        except (OSError, Damaged, NewerVersionError, ValueError):
            continue
        except Exception:  # a record that does not load is damage too
            continue
        tables = loaded.tables
        return next(iter(tables.values()), {}) if tables else {}
    return None


class Ledger:
    """The data folder as the app uses it: read once at open, one journal line per save."""

    def __init__(
        self,
        root: Path,
        layout: Layout,
        *,
        now: Callable[[], datetime] = _utc_now,
        look: bool = False,
    ) -> None:
        """Describe the folder; nothing on disk is touched until :meth:`open`. With
        ``look`` it is only read, never written: what is saved stays in memory."""
        self.root = Path(root)
        self.layout = layout
        self._now = now
        self.folder = DataFolder(
            self.root,
            backups=SNAPSHOT_BACKUPS,
            validate=validate_with_meta(layout.validate),
            migrations=layout.migrations,
            now=now,
            look=look,
        )
        self.journal = Journal(self.root)
        self._tables: Tables = {}
        self._gone: dict[str, set[str]] = {}
        self._cold: dict[str, dict[str, Any]] = {}
        self.unreadable_years: list[Path] = []
        self._tallies: dict[str, Tally] = {}
        self._next: dict[str, int] = {}
        self._first = 1
        self._held: list[tuple[Op, Op]] | None = None
        self._fold: subprocess.Popen[bytes] | None = None
        self.waiting: list[list[Op]] = []
        """Changes made while the disk refused them (full, or not writable): applied in
        memory, so nothing typed is lost while the app is open, and written to the journal
        in order as soon as the disk takes them again."""
        self.waiting_why: str | None = None
        """Why the disk refused, in plain words, while anything waits."""
        self._journal_from = 1
        self._fold_soon = False
        """Totals were counted afresh at open: the next fold stores them, however small
        the journal is, so the count is not made again at every start."""
        self.damaged_lines = 0

    def now(self) -> datetime:
        """The time, as the folder tells it (for save stamps and events)."""
        return self._now()

    # Opening and closing ----------------------------------------------------------

    @property
    def look(self) -> bool:
        """Whether the folder is only read (see ``DataFolder``'s ``look``)."""
        return self.folder.look

    @property
    def recovery(self) -> Any:
        """What was recovered from a backup at open, if anything."""
        return self.folder.recovery

    @property
    def is_open(self) -> bool:
        """Whether the folder is locked by us and its data is loaded."""
        return self.folder.is_open

    def open(self) -> None:
        """Lock the folder, read the snapshot and replay the journal over it."""
        self.folder.lock()  # before anything is written, even the fold lock's file
        held = contextlib.nullcontext(False) if self.look else fold_lock(self.root, wait=10.0)
        with held:
            if seal.is_sealed(self.root):
                try:
                    self._finish_sealing()
                except BaseException:
                    self.folder.close()
                    raise
            self.folder.open()
            try:
                # Records are replaced whole, never changed in place: copying the
                # tables is enough to keep the folder's own copy as it was read.
                tables = {name: dict(table) for name, table in self.folder.tables.items()}
                meta = Meta.take(tables)
                upgraded = meta is not None
                if meta is None and self.look:  # an older layout is read as it is
                    meta = Meta(journal=1, next_ids={}, tallies={})
                elif meta is None:
                    meta = self._settle_old_layout(tables)
                self._start(tables, meta)
                # Only a snapshot written before its tables kept totals needs its count
                # stored at once; a folder with no snapshot yet holds only its journal.
                self._fold_soon = self._fold_soon and upgraded
            except BaseException:
                self.journal.close()
                self.folder.close()
                raise

    def _finish_sealing(self) -> None:
        """A sealed folder opens only with its keys held; a change of passphrase that was
        interrupted is finished first (never when only looking)."""
        from companion.store import sealing

        keys = seal.keys_for(self.root)
        if keys is None:
            raise seal.Locked()
        found = seal.read_key_file(self.root)
        if found.state != seal.SEALED and not self.look:
            try:
                sealing.finish(self.root, keys, found)
            except OSError as error:
                raise SaveError(save_message(error, self.root)) from error

    def reseal(self, work: Callable[[], int]) -> int:
        """Fold everything saved into the snapshot, then run ``work`` (which writes every
        file of the folder again, see ``sealing``) with the journal closed and no fold
        running; what it returns. SaveError when it cannot be done now."""
        if self._held is not None or self.look or not self.folder.is_open:
            raise SaveError(f"Could not do that now. {_NOTHING_LOST}")
        if not self.wait_for_fold(60) or not self.write_waiting():
            raise SaveError(f"Could not do that now: the disk is busy or full. {_NOTHING_LOST}")
        self.fold_here()
        self.journal.close()
        try:
            with fold_lock(self.root, wait=30.0) as taken:
                if not taken:
                    raise SaveError(f"Could not do that now: the disk is busy. {_NOTHING_LOST}")
                return work()
        except OSError as error:
            raise SaveError(save_message(error, self.root)) from error
        finally:
            with contextlib.suppress(OSError):
                self.journal.open(at_least=self._first)

    def _start(self, tables: Tables, meta: Meta) -> None:
        """Hold ``tables`` and replay every journal line saved after the snapshot."""
        self._tables = tables
        self._first = meta.journal
        self._next = dict(meta.next_ids or {})
        stored = meta.tallies or {}
        self._tallies = {
            name: make(stored.get(name)) for name, make in (self.layout.tallies or {}).items()
        }
        # A newer version's journal is not read over an older backup shown to look at.
        last = meta.journal if self.folder.looked_past_newer else None
        replayed = journal_files.replay(self.root, meta.journal, before=last)
        for op in replayed.ops:
            self._apply(op)
        self.damaged_lines = replayed.damaged
        missing = self._tallies.keys() - stored.keys()
        for name in missing:
            self._count_afresh(name)
        self._fold_soon = bool(missing)
        self._journal_from = meta.journal
        if self.look:
            self.waiting_why = LOOK_MESSAGE
            if self.folder.looked_at is not None:
                self.waiting_why += f" What you see is the backup {self.folder.looked_at}."
            return
        try:
            self.journal.open(at_least=meta.journal)
        except OSError as error:
            if error.errno not in DISK_REFUSED:
                raise
            # A folder that cannot be written to (or a disk too full to start a segment):
            # the data opens to read, and what is saved waits in memory (see _append).
            self.waiting_why = waiting_message(error, self.root, from_the_start=True)
        recovery = self.folder.recovery
        if recovery is not None and replayed.ops:
            numbers = [
                s.number for s in journal_files.segments(self.root) if s.number >= meta.journal
            ]
            whole = numbers[:1] == [meta.journal] and numbers == list(
                range(numbers[0], numbers[0] + len(numbers))
            )
            self.folder.recovery = dataclasses.replace(recovery, later="all" if whole else "some")

    def _count_afresh(self, name: str) -> None:
        """Count a table's totals over every record: the stored ones are missing, as in a
        folder written before the table kept them. Done once: the fold after the first
        frame stores them, whatever the journal's size (see ``fold_in_background``)."""
        tally = self.layout.tallies[name](None)  # type: ignore[index]
        loaded = self.history_loaded(name)
        for doc in self.history(name).values():
            tally.changed(None, doc)
        if not loaded:
            self._cold.pop(name, None)
        self._tallies[name] = tally

    def _settle_old_layout(self, tables: Tables) -> Meta:
        """A data file written before the journal existed (or a new folder): move its
        older history into files per year now, once, and write the new data file."""
        meta = Meta(journal=1, next_ids={}, tallies={})
        if not any(tables.get(name) for name in self.layout.history):
            return meta
        from companion.store.fold import settle

        return settle(self.root, self.layout, tables, {}, meta, self.folder, self._now)

    def write_waiting(self) -> bool:
        """Write the changes the disk refused so far, in order; True when none is left
        waiting (they stay in memory, and waiting, while the disk still refuses)."""
        if self.look:
            return False
        try:
            if not self.journal.is_open:
                self.journal.open(at_least=self._journal_from)
            while self.waiting:
                self.journal.append(self.waiting[0])
                self.waiting.pop(0)
        except OSError:
            return False
        self.waiting_why = None
        return True

    @property
    def read_only(self) -> bool:
        """Whether the folder could not be written to at all since it was opened."""
        return not self.journal.is_open

    def close(self) -> None:
        """Release the folder after a last try at writing what waits (the app asks the
        person before quitting while anything does)."""
        self.write_waiting()
        self.journal.close()
        self.folder.close()
        self._tables = {}
        self._cold = {}

    # Reading ---------------------------------------------------------------------

    def table(self, name: str) -> dict[str, Any]:
        """The documents of a table held in memory, by id (for a history table: those of
        the last days and the open ones). The caller must not change them."""
        return cast(dict[str, Any], self._tables.get(name, {}))

    def history(self, name: str) -> dict[str, Any]:
        """Every document of a history table, reading its files per year the first time."""
        if name not in self._cold:
            cold: dict[str, Any] = {}
            for _, path in sorted(year_files(self.root, name).items()):
                docs = read_year(path, self.layout)
                if docs is None:
                    self.unreadable_years.append(path)
                    continue
                cold.update(docs)
            self._cold[name] = cold
        merged = {
            key: doc for key, doc in self._cold[name].items() if key not in self._gone.get(name, ())
        }
        merged.update(self.table(name))
        return merged

    def history_pages(self, name: str) -> Callable[[], Iterator[list[dict[str, Any]]]]:
        """Every document of a history table, a year at a time, newest year first (the open
        ones with the newest). Taken as things stand now; the pages can be read in a thread,
        since nothing held here is changed while they are read."""
        hot = dict(self.table(name))
        gone = set(self._gone.get(name, ()))
        files = year_files(self.root, name)
        loaded = self._cold.get(name)
        settled_on = self.layout.settled_on
        unreadable = self.unreadable_years

        def year(doc: Mapping[str, Any]) -> int:
            """The year a document belongs to; the open ones count as the newest."""
            day = None if settled_on is None else settled_on(name, doc)
            return 9999 if day is None else int(day.year)

        def grouped(docs: Mapping[str, Any]) -> dict[int, dict[str, Any]]:
            """Documents by year."""
            groups: dict[int, dict[str, Any]] = {}
            for doc_id, doc in docs.items():
                groups.setdefault(year(doc), {})[doc_id] = doc
            return groups

        def pages() -> Iterator[list[dict[str, Any]]]:
            """Read and yield one year after another."""
            if loaded is not None:
                every = {k: v for k, v in loaded.items() if k not in gone}
                every.update(hot)
                groups = grouped(every)
                for number in sorted(groups, reverse=True):
                    yield list(groups[number].values())
                return
            recent = grouped(hot)
            for number in sorted(set(files) | set(recent), reverse=True):
                docs: dict[str, Any] = {}
                if number in files:
                    found = read_year(files[number], self.layout)
                    if found is None:
                        unreadable.append(files[number])
                        found = {}
                    docs = {k: v for k, v in found.items() if k not in gone and k not in hot}
                docs.update(recent.get(number, {}))
                if docs:
                    yield list(docs.values())

        return pages

    def history_loaded(self, name: str) -> bool:
        """Whether the whole history of ``name`` is in memory."""
        return name in self._cold

    def tally(self, name: str) -> Tally | None:
        """The running totals of a table, if it keeps them."""
        return self._tallies.get(name)

    def new_id(self, name: str) -> str:
        """A document id not used yet in table ``name``."""
        taken = max((int(key) for key in self.table(name) if key.isdigit()), default=0)
        number = max(self._next.get(name, 1), taken + 1)
        self._next[name] = number + 1
        return str(number)

    # Writing ---------------------------------------------------------------------

    def put(self, name: str, doc_id: str, doc: dict[str, Any]) -> None:
        """Store a document (new, or replacing the one with its id) with one save."""
        self._save(
            ["put", name, doc_id, doc, self._old(name, doc_id, for_journal=True)], name, doc_id
        )

    def delete(self, name: str, doc_id: str) -> None:
        """Remove a document with one save."""
        self._save(["del", name, doc_id, self._old(name, doc_id, for_journal=True)], name, doc_id)

    @contextlib.contextmanager
    def batch(self) -> Iterator[None]:
        """Make every save inside the block one journal line, written at its end; if that
        fails, everything done inside the block is undone and SaveError raised."""
        if self._held is not None:
            yield
            return
        self._held = []
        try:
            yield
        except BaseException:
            self._undo_held()
            raise
        held, self._held = self._held, None
        if held:
            try:
                self._append([op for op, _ in held])
            except SaveError:
                self._held = held
                self._undo_held()
                raise

    def _undo_held(self) -> None:
        """Put memory back as it was before the block's saves."""
        held, self._held = self._held or [], None
        for _, undo in reversed(held):
            self._apply(undo)

    def _old(self, name: str, doc_id: str, *, for_journal: bool) -> dict[str, Any] | None:
        """The document as it is before a change (for the journal only in tables that keep
        totals)."""
        if for_journal and name not in self._tallies:
            return None
        found = self.table(name).get(doc_id)
        if found is None and name in self._cold and doc_id not in self._gone.get(name, ()):
            found = self._cold[name].get(doc_id)
        return cast(dict[str, Any] | None, found)

    def _save(self, op: Op, name: str, doc_id: str) -> None:
        """Append ``op`` (or hold it in a batch) and apply it in memory."""
        before = self._old(name, doc_id, for_journal=False)
        if self._held is not None:
            self._apply(op)
            self._held.append((op, self._undoing(op, before)))
            return
        self._append([op])
        self._apply(op)
        if self.journal.size >= FOLD_AT:
            self.fold_in_background()

    def _undoing(self, op: Op, before: dict[str, Any] | None) -> Op:
        """The op that takes ``op`` back, given the document as it was."""
        name, doc_id = op[1], op[2]
        after = op[3] if op[0] == "put" else None
        if before is None:
            return ["del", name, doc_id, after]
        return ["put", name, doc_id, before, after]

    def _append(self, ops: list[Op]) -> None:
        """Write ops as one flushed journal line; raise SaveError if that fails."""
        if not self.folder.is_open:
            raise SaveError(f"Could not save: the data folder is not open. {_NOTHING_LOST}")
        if not self.folder.lock_intact():
            raise SaveError(
                f"Could not save: the data folder {self.root} was moved or replaced while "
                "companion was open, so nothing more is written there. Everything saved "
                "before is in the folder that was moved. Quit, and start again."
            )
        if (self.waiting or not self.journal.is_open) and not self.write_waiting():
            self.waiting.append(ops)
            return
        try:
            self.journal.append(ops)
        except OSError as error:
            if error.errno not in DISK_REFUSED:
                raise SaveError(save_message(error, self.root)) from error
            self.waiting.append(ops)
            self.waiting_why = waiting_message(error, self.root)
        except (TypeError, ValueError, RecursionError) as error:
            raise SaveError(save_message(error, self.root)) from error

    def _apply(self, op: Op) -> None:
        """Change memory as ``op`` says (also when replaying the journal)."""
        kind, name, doc_id = op[0], op[1], op[2]
        old = op[-1]
        table = self._tables.setdefault(name, {})
        tally = self._tallies.get(name)
        if kind == "put":
            new = op[3]
            table[doc_id] = new
            self._gone.get(name, set()).discard(doc_id)
        else:
            new = None
            table.pop(doc_id, None)
            if name in self.layout.history:
                self._gone.setdefault(name, set()).add(doc_id)
        if doc_id.isdigit():
            self._next[name] = max(self._next.get(name, 1), int(doc_id) + 1)
        if tally is not None:
            tally.changed(old, new)

    # Folding ----------------------------------------------------------------------

    @property
    def journal_size(self) -> int:
        """Bytes of journal saved since the last fold began (or since the snapshot)."""
        total = 0
        for segment in journal_files.segments(self.root):
            if segment.number >= self._first:
                with contextlib.suppress(OSError):
                    total += segment.path.stat().st_size
        return total

    def fold_in_background(self, force: bool = False) -> bool:
        """Start folding the journal into the snapshot in another process, when it has
        grown (or ``force``); return whether a fold was started."""
        if self._fold is not None and self._fold.poll() is None:
            return False
        if not force and not self._fold_soon and self.journal_size < FOLD_AT:
            return False
        if self._held is not None or not self.folder.is_open or not self.journal.is_open:
            return False
        try:
            before = self.journal.rotate()
            self._first = before
            self._fold_soon = False
            self._fold = subprocess.Popen(
                [sys.executable, "-m", "companion.store.fold", str(self.root), str(before)],
                stdin=subprocess.PIPE,
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
                start_new_session=True,
                close_fds=True,
            )
        except OSError:
            return False
        # A sealed folder's keys go on the pipe (never in the arguments or environment,
        # which other accounts can read): the fold reads and writes sealed files too.
        keys = seal.keys_for(self.root)
        stdin = self._fold.stdin
        if stdin is not None:
            with contextlib.suppress(OSError):
                stdin.write(keys.dump().encode("ascii") if keys is not None else b"")
            with contextlib.suppress(OSError):
                stdin.close()
        return True

    def fold_here(self) -> bool:
        """Fold the journal into the snapshot in this process, waiting for it (for tools
        and tests; the app folds in the background)."""
        from companion.store.fold import fold

        if self._held is not None or not self.folder.is_open:
            return False
        before = self.journal.rotate()
        self._first = before
        return fold(self.root, before, self.layout, self._now)

    def wait_for_fold(self, timeout: float) -> bool:
        """Wait for a fold started here to end; True when none is running any more."""
        if self._fold is None:
            return True
        try:
            self._fold.wait(timeout)
        except subprocess.TimeoutExpired:
            return False
        return True


__all__ = ["SCHEMA_VERSION", "Layout", "Ledger", "Meta"]
