"""The data folder: one JSON file, saved atomically, with backups, a lock and recovery.

A save never overwrites the data file in place. The new content goes to a temp file in
the same folder, is flushed to the disk, and then replaces the old file in one rename,
so after a crash the file holds either the old or the new state, never a mix. Files
that cannot be read are set aside (never deleted) and the newest good backup is used;
when no backup is good, nothing is written at all.
"""

from __future__ import annotations

import contextlib
import copy
import errno
import gc
import json
import os
import re
import stat
import tempfile
import time
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, cast

from companion.store import names, seal
from companion.store.lock import InstanceLock
from companion.store.problems import (
    _NOTHING_LOST,
    DISK_REFUSED,
    AlreadyOpenError,
    Damaged,
    NewerVersionError,
    Recovery,
    SaveError,
    StoreError,
    UnreadableError,
    _plain_reason,
    _save_message,
)

SCHEMA_VERSION: int = 2
"""The version of the stored layout this code writes and fully understands."""
FILE_NAME = names.SNAPSHOT
"""The data file inside the folder; names stay neutral on purpose."""
LOCK_NAME = "data.lock"
"""The sidecar file that carries the single-instance lock."""
BACKUP_DIR_NAME = seal.BACKUP_DIR_NAME
"""The folder inside the data folder that keeps earlier versions of the file."""
APP_NAME = "companion"
"""The marker that tells our own files apart from any other JSON."""

Tables = dict[str, Any]
"""TinyDB's tables: ``{table_name: {doc_id_str: document}}``."""
Validator = Callable[[Tables], None]
"""Raises when loaded tables cannot be used. It gets its own top-level dict of the
tables (it may take a table out of it) and must not change any table or record."""
Migration = Callable[[Tables], Tables]
"""Turns tables of one schema version into tables of the next."""

_TEMP_SUFFIX = ".tmp"

LOCK_PATIENCE = 2.0
"""Seconds to wait for a lock held by a copy of the app that is ending."""


@dataclass(frozen=True)
class _Loaded:
    """The parts of a data file that loading needs."""

    tables: Tables
    version: int
    saved_at: datetime | None


class _NotUpgradable(Exception):
    """An older file could not be brought up to the current schema version."""


def _utc_now() -> datetime:
    """The current time as an aware UTC datetime."""
    return datetime.now(UTC)


def _is_tables(value: object) -> bool:
    """Whether ``value`` has TinyDB's shape: a dict of dicts of dicts, with string keys."""
    if not isinstance(value, dict):
        return False
    for name, table in value.items():
        if not isinstance(name, str) or not isinstance(table, dict):
            return False
        for doc_id, document in table.items():
            if not isinstance(doc_id, str) or not isinstance(document, dict):
                return False
    return True


def _parse_time(value: object) -> datetime | None:
    """Read an ISO-8601 time written by us; None when absent or unreadable."""
    if not isinstance(value, str):
        return None
    try:
        parsed = datetime.fromisoformat(value)
    except ValueError:
        return None
    return parsed if parsed.tzinfo is not None else parsed.replace(tzinfo=UTC)


@contextlib.contextmanager
def collector_paused() -> Iterator[None]:
    """Keep Python's cycle collector still while a file is parsed. Parsing makes a great
    many objects and no cycles, so collections in the middle only cost time: in a thread
    reading a year of history, one held the screen still for 50 ms. A collection that
    is due runs afterwards, as usual."""
    was_on = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_on:
            gc.enable()


def _examine(raw: bytes, source: Path) -> _Loaded:
    """Parse and check the envelope of a data file (opened first, when sealed, with its
    folder's keys); raise Damaged or NewerVersionError."""
    raw = seal.opened(raw, source)
    try:
        with collector_paused():
            document = json.loads(raw.decode("utf-8"))
    except (ValueError, RecursionError) as error:
        raise Damaged(str(error)) from error
    if not isinstance(document, dict) or document.get("app") != APP_NAME:
        raise Damaged("not a data file of this app")
    version = document.get("schema_version")
    if type(version) is not int or version < 0:
        raise Damaged("no usable schema version")
    if version > SCHEMA_VERSION:
        raise NewerVersionError(
            f"The data in {source} was saved by a newer version of companion. "
            "Please open it with that version; nothing was changed."
        )
    tables = document.get("tables")
    if not _is_tables(tables):
        raise Damaged("tables have the wrong shape")
    return _Loaded(cast(Tables, tables), version, _parse_time(document.get("saved_at")))


def _write_all(fd: int, data: bytes) -> None:
    """Write every byte, looping over short writes."""
    view = memoryview(data)
    while view:
        written = os.write(fd, view)
        if written <= 0:
            raise OSError(errno.EIO, "the system accepted no data")
        view = view[written:]


def sync_folder(folder: Path) -> None:
    """Flush a folder itself, so a rename in it survives a power cut."""
    fd = os.open(folder, os.O_RDONLY | os.O_DIRECTORY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def replace_file(
    path: Path, data: bytes, *, prefix: str = ".", before: Callable[[], None] | None = None
) -> None:
    """Put ``data`` at ``path`` crash-safely (0600): written to a temp file in the same
    folder and flushed, then renamed over ``path`` in one step, then the folder flushed.
    After a crash the file is whole, old or new. ``before`` runs just before the rename.
    Raises OSError; a temp file left by a failure is removed."""
    fd = -1
    temp: str | None = None
    try:
        fd, temp = tempfile.mkstemp(dir=path.parent, prefix=prefix, suffix=_TEMP_SUFFIX)
        _write_all(fd, data)
        os.fsync(fd)
        closing, fd = fd, -1
        os.close(closing)
        if before is not None:
            before()
        os.replace(temp, path)
        temp = None
        sync_folder(path.parent)
    finally:
        if fd >= 0:
            with contextlib.suppress(OSError):
                os.close(fd)
        if temp is not None:
            with contextlib.suppress(OSError):
                os.unlink(temp)


class DataFolder:
    """The folder that holds the data file, its backups and the instance lock."""

    def __init__(
        self,
        root: Path,
        *,
        backups: int = 8,
        validate: Validator | None = None,
        migrations: Mapping[int, Migration] | None = None,
        now: Callable[[], datetime] = _utc_now,
        name: str = FILE_NAME,
        locked: bool = True,
        look: bool = False,
    ) -> None:
        """Describe the folder; nothing on disk is touched until :meth:`open`.

        ``name`` is the file's name in the folder (its backups and temp files are named
        after it). With ``locked=False`` the folder's instance lock is neither taken nor
        needed: the caller holds another lock that keeps writers of this file apart.
        With ``look`` the folder is only read: no lock is taken, nothing on the disk is
        changed (a damaged file is left where it is, a backup is used from memory, one
        written by a newer version is passed over) and every write is refused.
        """
        if backups < 0:
            raise ValueError("backups must be zero or more")
        self.root = Path(root)
        self.path = self.root / name
        self._stem = name.removesuffix(".json")
        self._temp_prefix = f".{self._stem}."
        self._backup_pattern = re.compile(re.escape(self._stem) + r"-(\d+)\.json")
        self._locked = locked and not look
        self.look = look
        self.looked_at: Path | None = None
        """Looking only: the backup shown, when the data file itself could not be."""
        self.looked_past_newer = False
        """Looking only: the data file was saved by a newer version, so its journal (which
        that version wrote) is not read over the backup shown."""
        self.backup_dir = self.root / BACKUP_DIR_NAME
        self.backups = backups
        self.recovery: Recovery | None = None
        self._validate = validate
        self._migrations = dict(migrations or {})
        self._now = now
        self._lock = InstanceLock(self.root / LOCK_NAME)
        self._tables: Tables | None = None
        self._disk_version = SCHEMA_VERSION
        self._load_failed = False
        self.privacy_problem: str | None = None
        """What could not be made private at open, if anything (see ``_make_private``)."""

    # Session -------------------------------------------------------------------

    @property
    def is_open(self) -> bool:
        """Whether the folder is locked by us and its data is loaded."""
        return self._holds_lock and self._tables is not None

    @property
    def _holds_lock(self) -> bool:
        """Whether writes are allowed as far as the lock is concerned."""
        return self._lock.held or not self._locked

    def lock_intact(self) -> bool:
        """Whether the folder at the path is still the one this session locked (always
        true for a folder opened without its lock)."""
        return not self._locked or self._lock.intact()

    def open(self) -> None:
        """Lock the folder and load the data, recovering from a backup if needed."""
        if self.is_open:
            return
        self.recovery = None
        self._tables = None
        self._load_failed = False
        self.lock()
        try:
            self._load()
            if self.look:
                return
            self._remove_stale_temps()
            self._separate_backups()
            self.privacy_problem = self._make_private()
        except OSError as error:
            self._abandon()
            raise UnreadableError(
                f"Could not read the data in {self.root}: {_plain_reason(error)}. "
                "Nothing was changed."
            ) from error
        except BaseException:
            self._abandon()
            raise

    def lock(self) -> None:
        """Make the folder if needed and take its instance lock (``open`` does this too);
        raise AlreadyOpenError when another copy of the app holds it."""
        os.umask(0o077)
        if self.look:
            return
        # A copy of the app that was just killed can hold the lock a moment longer (a
        # process it was starting has its files open until it has started): wait a
        # little before calling it a second copy.
        deadline = time.monotonic() + LOCK_PATIENCE
        while True:
            try:
                self._make_root()
                acquired = self._lock.acquire() if self._locked else True
            except OSError as error:
                raise StoreError(
                    f"Could not open the data folder {self.root}: {_plain_reason(error)}. "
                    "Nothing was changed."
                ) from error
            if acquired:
                return
            if time.monotonic() >= deadline:
                raise AlreadyOpenError()
            time.sleep(0.05)

    def close(self) -> None:
        """Release the lock; every finished save is already on the disk."""
        self._tables = None
        self._lock.release()

    def __enter__(self) -> DataFolder:
        """Open the folder for a ``with`` block."""
        self.open()
        return self

    def __exit__(self, *exc_info: object) -> None:
        """Close the folder at the end of a ``with`` block."""
        self.close()

    def _abandon(self) -> None:
        """Forget any data and unlock after a failed open; later writes are refused."""
        self._tables = None
        self._load_failed = True
        self._lock.release()

    # Reading and writing ---------------------------------------------------------

    def read(self) -> Tables:
        """A fresh copy of the tables held in memory; the disk is not touched."""
        return copy.deepcopy(self.tables)

    @property
    def tables(self) -> Tables:
        """The tables held in memory, not copied: the caller must not change them."""
        if self._tables is None or not self._holds_lock:
            raise StoreError("The data folder is not open.")
        return self._tables

    def write(self, tables: Tables) -> None:
        """Save ``tables`` atomically; raise SaveError and change nothing if that fails."""
        if self.look:
            raise SaveError(f"Could not save: the data is open to look at only. {_NOTHING_LOST}")
        if self._tables is None or not self._holds_lock:
            if self._load_failed:
                raise SaveError(
                    "Could not save: your data could not be opened, so nothing will be "
                    "written. Nothing was changed."
                )
            raise SaveError(f"Could not save: the data folder is not open. {_NOTHING_LOST}")
        current = self._disk_version == SCHEMA_VERSION
        if current and tables == self._tables:
            return
        try:
            data, stored = self._encode(tables)
        except (TypeError, ValueError, RecursionError, Damaged) as error:
            raise SaveError(_save_message(error, self.root)) from error
        if current and stored == self._tables:
            return
        self._commit(data, stored)

    def _encode(self, tables: Tables) -> tuple[bytes, Tables]:
        """The file's bytes for ``tables``, and the tables as they read back from them."""
        document = {
            "app": APP_NAME,
            "schema_version": SCHEMA_VERSION,
            "saved_at": self._now().isoformat(),
            "tables": tables,
        }
        text = json.dumps(document, ensure_ascii=False, indent=1, sort_keys=True, allow_nan=False)
        data = seal.sealed((text + "\n").encode("utf-8"), self.path)
        # Read it back with the loader itself: a bug must never commit an unreadable file.
        return data, _examine(data, self.path).tables

    def _commit(self, data: bytes, tables: Tables) -> None:
        """Replace the data file with ``data`` crash-safely, then adopt ``tables``."""
        try:
            replace_file(self.path, data, prefix=self._temp_prefix, before=self._keep_backup)
        except Exception as error:
            raise SaveError(_save_message(error, self.root)) from error
        self._tables = tables
        self._disk_version = SCHEMA_VERSION

    def _sync_root(self) -> None:
        """Flush the folder itself so a rename in it survives a power cut."""
        sync_folder(self.root)

    # Backups -----------------------------------------------------------------------

    def backup_files(self) -> list[Path]:
        """The backup files, newest first."""
        return [path for _, path in self._backup_entries()]

    def _backup_entries(self) -> list[tuple[int, Path]]:
        """Backups with their nanosecond stamps, newest first."""
        try:
            names = os.listdir(self.backup_dir)
        except FileNotFoundError:
            return []
        found = []
        for name in names:
            match = self._backup_pattern.fullmatch(name)
            if match is not None:
                found.append((int(match.group(1)), self.backup_dir / name))
        found.sort(reverse=True)
        return found

    def _keep_backup(self) -> None:
        """Copy the current file into the backups; a failure here never fails a save."""
        if self.backups <= 0 or not self.path.exists():
            return
        try:
            entries = self._backup_entries()
            # Make room first, so a kill at any moment never leaves more than ``backups``.
            for _, old in entries[self.backups - 1 :]:
                with contextlib.suppress(OSError):
                    old.unlink()
            if not self.backup_dir.is_dir():
                os.mkdir(self.backup_dir, 0o700)
                os.chmod(self.backup_dir, 0o700)
            moment = self._now()
            stamp = int(moment.timestamp()) * 1_000_000_000 + moment.microsecond * 1_000
            if entries and stamp <= entries[0][0]:
                stamp = entries[0][0] + 1  # keep names in save order even if the clock steps back
            # A copy, never a hard link: a link is the same file, so damage done to the
            # data file in place (emptied, cut short) would reach its backup too.
            replace_file(
                self.backup_dir / f"{self._stem}-{stamp}.json",
                self.path.read_bytes(),
                prefix=self._temp_prefix,
            )
        except OSError:
            return

    # Loading -----------------------------------------------------------------------

    def _make_root(self) -> None:
        """Create the folder (0700) if it does not exist yet."""
        if self.root.is_dir():
            return
        try:
            os.makedirs(self.root, mode=0o700)
        except FileExistsError:
            return
        os.chmod(self.root, 0o700)

    def _remove_stale_temps(self) -> None:
        """Delete temp files left by a writer that was killed mid-save."""
        for folder in (self.root, self.backup_dir):
            with contextlib.suppress(OSError):
                for name in os.listdir(folder):
                    if name.startswith(self._temp_prefix) and name.endswith(_TEMP_SUFFIX):
                        with contextlib.suppress(OSError):
                            os.unlink(folder / name)

    def _make_private(self) -> str | None:
        """Tighten the folder (and the folders in it) to 0700 and every file in them to
        0600, as a folder made by hand or copied may be open to other accounts. What it
        could not tighten, in plain words (None when all is private)."""
        if not self._locked:
            return None  # the folder's own session does this
        stuck: list[str] = []
        folders = [self.root] + [p for p in self.root.iterdir() if p.is_dir()]
        for folder in folders:
            entries = [folder] + [p for p in folder.iterdir() if not p.is_dir()]
            for path in entries:
                try:  # the folder itself may be a link, followed; a file that is one is not
                    mode = path.stat().st_mode if path == self.root else path.lstat().st_mode
                    if stat.S_ISLNK(mode):
                        continue
                    wanted = 0o700 if stat.S_ISDIR(mode) else 0o600
                    if mode & 0o777 & ~wanted:
                        os.chmod(path, mode & 0o777 & wanted)
                except OSError as error:
                    if error.errno != errno.EROFS:  # nothing on a read-only disk changes
                        stuck.append(str(path))
        if not stuck:
            return None
        return (
            "Some of your files could not be made private to your account, so others "
            f"using this computer may be able to read them: {', '.join(stuck[:5])}"
            f"{' and more' if len(stuck) > 5 else ''}. Nothing was changed in them."
        )

    def _separate_backups(self) -> None:
        """A backup that is the data file itself (a hard link, as earlier versions made,
        or one left by a crash between linking and renaming) becomes a file of its own,
        so no damage can reach two kept states at once."""
        try:
            here = os.stat(self.path)
        except OSError:
            return
        for backup in self.backup_files():
            with contextlib.suppress(OSError):
                if os.stat(backup).st_ino == here.st_ino:
                    replace_file(backup, backup.read_bytes(), prefix=self._temp_prefix)

    def _prepare(self, loaded: _Loaded) -> Tables:
        """Upgrade older tables in memory, then check them with ``validate``."""
        tables = loaded.tables
        for version in range(loaded.version, SCHEMA_VERSION):
            migrate = self._migrations.get(version)
            if migrate is None:
                raise _NotUpgradable(f"no migration from version {version}")
            try:
                tables = migrate(tables)
            except Exception as error:
                raise _NotUpgradable(str(error)) from error
            if not _is_tables(tables):
                raise _NotUpgradable(f"migration from version {version} gave the wrong shape")
        if self._validate is not None:
            try:
                self._validate(dict(tables))
            except Exception as error:
                raise Damaged(str(error)) from error
        return tables

    def _load(self) -> None:
        """Load the data file, or the newest good backup, following the fail-closed rules.

        A data file that is a symbolic link is refused: a save replaces the file at its
        name, so the link would become a plain file and its target would never see
        another change. (A linked data folder is followed: every file in it is reached
        through the link alike.)"""
        if self.path.is_symlink():
            raise UnreadableError(
                f"Your data file {self.path} is a link to {os.readlink(self.path)}. "
                "companion keeps its data in plain files and does not follow a link to one, "
                "so nothing was changed. Put the file itself in the folder in place of the "
                "link, then start companion again."
            )
        try:
            raw: bytes | None = self.path.read_bytes()
        except FileNotFoundError:
            raw = None
        newer = False
        if raw is not None and raw.startswith(seal.MAGIC) and seal.keys_for(self.path) is None:
            raise UnreadableError(
                f"Your data in {self.root} is sealed with a passphrase, but the file that "
                f"holds its key ({seal.KEY_NAME}, and its copy in {BACKUP_DIR_NAME}) is "
                "missing, so it cannot be opened. Nothing was changed. If you have a copy "
                "of the folder elsewhere, its key file can be put back here."
            )
        if raw is not None:
            try:
                loaded = _examine(raw, self.path)
                tables = self._prepare(loaded)
            except Damaged:
                pass
            except NewerVersionError:
                if not self.look:
                    raise
                newer = True
            except _NotUpgradable as error:
                raise UnreadableError(
                    f"The data in {self.path} was saved by an older version that this one "
                    "cannot upgrade. Nothing was changed."
                ) from error
            else:
                self._tables = tables
                self._disk_version = loaded.version
                return
        elif not self._backup_entries():
            self._tables = {}
            self._disk_version = SCHEMA_VERSION
            return
        found = self._newest_good_backup()
        if found is None:
            if raw is None:
                raise UnreadableError(
                    f"The data file {self.path} is missing and none of the backups in "
                    f"{self.backup_dir} could be read. Nothing was changed."
                )
            raise UnreadableError(
                f"The data file {self.path} could not be read and there is no readable "
                "backup. Nothing was changed; the file is still there."
            )
        backup, loaded = found
        if self.look:
            self._tables = loaded.tables
            self.looked_at = backup
            self.looked_past_newer = newer
            return
        try:
            data, stored = self._encode(loaded.tables)
        except (TypeError, ValueError, RecursionError, Damaged) as error:
            raise UnreadableError(
                f"The backup {backup} could not be prepared for use. Nothing was changed."
            ) from error
        damaged = None
        try:
            if raw is not None:
                damaged = self._set_aside()
            self._commit(data, stored)
        except (OSError, SaveError) as error:
            # A full disk or a folder that cannot be written to: the backup is used from
            # memory (the damaged file stays where it is, or where it was set aside), and
            # the next start restores it again until it can be written.
            cause = error if isinstance(error, OSError) else error.__cause__
            if not isinstance(cause, OSError) or cause.errno not in DISK_REFUSED:
                raise
            self._tables = stored
            self._disk_version = SCHEMA_VERSION
            self.recovery = Recovery(damaged, backup, loaded.saved_at, unwritten=True)
            return
        self.recovery = Recovery(damaged, backup, loaded.saved_at)

    def _newest_good_backup(self) -> tuple[Path, _Loaded] | None:
        """The newest backup that reads and validates, with its upgraded tables."""
        for _, path in self._backup_entries():
            try:
                loaded = _examine(path.read_bytes(), path)
                tables = self._prepare(loaded)
            except (OSError, Damaged, _NotUpgradable):
                continue
            except NewerVersionError:
                if not self.look:
                    raise
                continue
            return path, _Loaded(tables, loaded.version, loaded.saved_at)
        return None

    def _set_aside(self) -> Path:
        """Move the unreadable data file to a new, unused name next to it; never overwrite."""
        stamp = self._now().strftime("%Y%m%d-%H%M%S")
        count = 1
        while True:
            suffix = "" if count == 1 else f"-{count}"
            target = self.root / f"{self._stem}.damaged-{stamp}{suffix}.json"
            try:
                os.link(self.path, target)
            except FileExistsError:
                count += 1
                continue
            except OSError:
                # No hard links here: rename instead; we hold the lock, so the check holds.
                if os.path.lexists(target):
                    count += 1
                    continue
                os.rename(self.path, target)
                break
            os.unlink(self.path)
            break
        self._sync_root()
        return target
