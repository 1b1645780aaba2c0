"""The data folder keeps what was saved, in a readable file, through damage and failures."""

from __future__ import annotations

import errno
import hashlib
import json
import os
import re
import stat
import tempfile
from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from tinydb import Query, TinyDB
from tinydb.storages import MemoryStorage

from companion.store import durable
from companion.store.durable import BACKUP_DIR_NAME, FILE_NAME, SCHEMA_VERSION, DataFolder
from companion.store.lock import InstanceLock
from companion.store.problems import (
    NewerVersionError,
    Recovery,
    SaveError,
    StoreError,
    UnreadableError,
)

Tables = dict[str, Any]


class Clock:
    """A clock that moves one minute forward each time it is read."""

    def __init__(self) -> None:
        """Start at a fixed moment."""
        self.moment = datetime(2026, 3, 1, 9, 30, tzinfo=UTC)

    def __call__(self) -> datetime:
        """Return the next minute."""
        self.moment += timedelta(minutes=1)
        return self.moment


def state(n: int) -> Tables:
    """A small set of tables that records ``n``, with a non-ASCII word in it."""
    return {"notes": {"1": {"n": n, "text": f"café note {n}"}, "2": {"kept": True}}}


def reject_poison(tables: Tables) -> None:
    """A validator that refuses any document marked as poison."""
    for table in tables.values():
        for document in table.values():
            if document.get("poison"):
                raise ValueError("poisoned document")


def envelope(tables: Tables, version: int = SCHEMA_VERSION) -> bytes:
    """A data file as the app writes it, for the given tables and version."""
    document = {
        "app": "companion",
        "schema_version": version,
        "saved_at": "2026-01-02T03:04:05+00:00",
        "tables": tables,
    }
    return json.dumps(document, ensure_ascii=False, indent=1, sort_keys=True).encode()


def files(root: Path, *, skip_lock: bool = False) -> dict[str, str]:
    """Every file under ``root`` with a hash of its bytes."""
    found = {}
    for path in sorted(root.rglob("*")):
        if path.is_file() and not (skip_lock and path.name == "data.lock"):
            found[str(path.relative_to(root))] = hashlib.sha256(path.read_bytes()).hexdigest()
    return found


def temps(root: Path) -> list[str]:
    """Names of leftover temp files in ``root``."""
    return [name for name in os.listdir(root) if name.endswith(".tmp")]


def reopen(root: Path, **options: Any) -> tuple[Tables, Recovery | None]:
    """Open the folder afresh and return what it holds and any recovery."""
    with DataFolder(root, **options) as folder:
        return folder.read(), folder.recovery


def saved(root: Path, *states: Tables, **options: Any) -> None:
    """Save each of ``states`` in turn in a fresh session."""
    with DataFolder(root, **options) as folder:
        for tables in states:
            folder.write(tables)


# Everyday use ------------------------------------------------------------------------


def test_saved_data_comes_back_after_reopening(tmp_path: Path) -> None:
    """What was saved is there the next time the folder is opened."""
    saved(tmp_path, state(1), state(2))
    tables, recovery = reopen(tmp_path)
    assert tables == state(2)
    assert recovery is None


def test_new_folder_starts_empty_without_creating_a_data_file(tmp_path: Path) -> None:
    """A first start shows no data and writes no data file until something is saved."""
    root = tmp_path / "new" / "place"
    with DataFolder(root) as folder:
        assert folder.read() == {}
        folder.write({})
    assert not (root / FILE_NAME).exists()


def test_read_returns_a_fresh_copy_each_time(tmp_path: Path) -> None:
    """Changing what read() or write() was given does not change what is stored."""
    with DataFolder(tmp_path) as folder:
        given = state(1)
        folder.write(given)
        given["notes"]["1"]["n"] = 99
        first = folder.read()
        first["notes"]["1"]["text"] = "changed"
        first["other"] = {}
        assert folder.read() == state(1)
        assert folder.read() is not folder.read()


def test_files_are_private_even_with_a_permissive_umask(tmp_path: Path) -> None:
    """The folder is 0700 and every file 0600, even when the umask is 022."""
    os.umask(0o022)
    root = tmp_path / "parent" / "data"
    saved(root, state(1), state(2))

    def mode(path: Path) -> int:
        """The permission bits of ``path``."""
        return stat.S_IMODE(os.stat(path).st_mode)

    assert mode(root) == 0o700
    assert mode(root / FILE_NAME) == 0o600
    assert mode(root / "data.lock") == 0o600
    assert mode(root / "backups") == 0o700
    backups = list((root / "backups").iterdir())
    assert backups
    assert all(mode(path) == 0o600 for path in backups)


def test_file_is_labelled_and_readable_by_a_person(tmp_path: Path) -> None:
    """The file says what it is and when it was saved, and reads as plain indented text."""
    clock = Clock()
    with DataFolder(tmp_path, now=clock) as folder:
        folder.write(state(1))
    raw = (tmp_path / FILE_NAME).read_bytes()
    document = json.loads(raw)
    assert set(document) == {"app", "schema_version", "saved_at", "tables"}
    assert document["app"] == "companion"
    assert document["schema_version"] == SCHEMA_VERSION
    assert datetime.fromisoformat(document["saved_at"]) == clock.moment
    assert document["tables"] == state(1)
    text = raw.decode("utf-8")
    assert "café note 1" in text
    assert text.count("\n") > 5
    assert text == json.dumps(document, ensure_ascii=False, indent=1, sort_keys=True) + "\n"


def test_saving_unchanged_data_leaves_the_file_alone(tmp_path: Path) -> None:
    """A save with nothing new does not rewrite the file or add a backup."""
    with DataFolder(tmp_path) as folder:
        folder.write(state(1))
        folder.write(state(2))
        inode = os.stat(tmp_path / FILE_NAME).st_ino
        before = files(tmp_path)
        folder.write(state(2))
        assert os.stat(tmp_path / FILE_NAME).st_ino == inode
        assert files(tmp_path) == before


def test_nothing_is_read_or_written_before_open(tmp_path: Path) -> None:
    """Using a folder that was never opened fails and creates nothing."""
    folder = DataFolder(tmp_path / "data")
    assert not folder.is_open
    with pytest.raises(SaveError):
        folder.write(state(1))
    with pytest.raises(StoreError):
        folder.read()
    assert not (tmp_path / "data").exists()


def test_close_is_idempotent_and_ends_the_session(tmp_path: Path) -> None:
    """After close, saving is refused; closing twice is harmless."""
    folder = DataFolder(tmp_path)
    folder.open()
    assert folder.is_open
    folder.close()
    folder.close()
    assert not folder.is_open
    with pytest.raises(SaveError):
        folder.write(state(1))


@pytest.mark.parametrize(
    "bad",
    [{"notes": {"1": {"x": object()}}}, {"notes": {"1": {"x": float("nan")}}}, {"notes": [1]}],
    ids=["object", "nan", "wrong-shape"],
)
def test_data_that_cannot_be_stored_is_refused_plainly(tmp_path: Path, bad: Tables) -> None:
    """Data that has no faithful JSON form fails to save and changes nothing."""
    with DataFolder(tmp_path) as folder:
        folder.write(state(1))
        with pytest.raises(SaveError, match="some of the data is in a form that can't be"):
            folder.write(bad)
        assert folder.read() == state(1)
    assert reopen(tmp_path)[0] == state(1)
    assert temps(tmp_path) == []


def test_the_files_keep_tinydbs_layout(tmp_path: Path) -> None:
    """The data file and the history files hold TinyDB tables (documents keyed by id), so
    TinyDB itself can read and query what the app saved."""
    from companion.domain.wins import Win
    from companion.store.repository import Repository

    now = datetime(2026, 11, 25, 10, 0, tzinfo=UTC)
    repo = Repository.open(tmp_path, now=lambda: now)
    repo.wins.save(Win(date(2024, 5, 1), "a walk in the rain", now))
    repo.wins.save(Win(date(2026, 11, 25), "called my sister", now))
    repo.ledger.fold_here()
    repo.close()
    for path, text, day in (
        (tmp_path / "data.json", "called my sister", "2026-11-25"),
        (tmp_path / "history" / "wins-2024.json", "a walk in the rain", "2024-05-01"),
    ):
        db = TinyDB(storage=MemoryStorage)
        db.storage.write(json.loads(path.read_text())["tables"])
        assert [doc["on"] for doc in db.table("wins").search(Query().text == text)] == [day]


# Damage and recovery ---------------------------------------------------------------------


def _poisoned(good: bytes) -> bytes:
    """A well-formed file whose content the validator rejects."""
    return envelope({"notes": {"1": {"poison": True}}})


DAMAGE: dict[str, Callable[[bytes], bytes]] = {
    "empty": lambda good: b"",
    "truncated": lambda good: good[: len(good) // 2],
    "trailing-garbage": lambda good: good + b'}{"x": 1',
    "nul-bytes": lambda good: b"\0" * len(good),
    "not-utf8": lambda good: good.replace("é".encode(), "é".encode("latin-1")),
    "not-json": lambda good: b"this is not data\n",
    "tinydb-own-format": lambda good: b'{"_default": {}}',
    "json-list": lambda good: b"[1, 2]",
    "tables-wrong-shape": lambda good: envelope({"notes": [1, 2]}),
    "fails-validation": _poisoned,
}


@pytest.mark.parametrize("damage", DAMAGE.values(), ids=DAMAGE.keys())
def test_damaged_file_is_set_aside_and_backup_restored(
    tmp_path: Path, damage: Callable[[bytes], bytes]
) -> None:
    """A damaged file is kept as it was, the newest good backup comes back, and it is said."""
    clock = Clock()
    saved(tmp_path, state(1), state(2), state(3), now=clock)
    data = tmp_path / FILE_NAME
    damaged_bytes = damage(data.read_bytes())
    data.write_bytes(damaged_bytes)
    newest_backup = DataFolder(tmp_path).backup_files()[0]

    with DataFolder(tmp_path, validate=reject_poison, now=clock) as folder:
        assert folder.read() == state(2)
        recovery = folder.recovery
        assert recovery is not None
        folder.write(state(4))

    assert recovery.damaged_path is not None
    assert recovery.damaged_path.parent == tmp_path
    assert re.fullmatch(r"data\.damaged-\d{8}-\d{6}\.json", recovery.damaged_path.name)
    assert recovery.damaged_path.read_bytes() == damaged_bytes
    assert recovery.restored_from == newest_backup
    assert recovery.restored_saved_at is not None
    assert recovery.restored_saved_at < clock.moment
    message = recovery.message()
    assert str(recovery.damaged_path) in message
    assert str(recovery.restored_from) in message
    assert "could not be read" in message
    tables, again = reopen(tmp_path, validate=reject_poison)
    assert tables == state(4)
    assert again is None


@pytest.mark.parametrize("damage", DAMAGE.values(), ids=DAMAGE.keys())
def test_damaged_file_without_backup_is_left_alone(
    tmp_path: Path, damage: Callable[[bytes], bytes]
) -> None:
    """With no backup, opening refuses, leaves the file byte for byte, and never saves."""
    tmp_path.joinpath(FILE_NAME).write_bytes(damage(envelope(state(1))))
    before = files(tmp_path)
    folder = DataFolder(tmp_path, validate=reject_poison)
    with pytest.raises(UnreadableError) as caught:
        folder.open()
    assert str(tmp_path / FILE_NAME) in str(caught.value)
    assert "Nothing was changed" in str(caught.value)
    assert not folder.is_open
    with pytest.raises(SaveError):
        folder.write(state(2))
    assert files(tmp_path, skip_lock=True) == before


def test_when_every_backup_is_damaged_nothing_is_touched(tmp_path: Path) -> None:
    """Damaged file plus damaged backups: refuse, and leave every file as it was."""
    saved(tmp_path, state(1), state(2), state(3))
    (tmp_path / FILE_NAME).write_bytes(b"")
    for backup in DataFolder(tmp_path).backup_files():
        backup.write_bytes(b'{"half": ')
    before = files(tmp_path)
    with pytest.raises(UnreadableError):
        DataFolder(tmp_path).open()
    assert files(tmp_path) == before


def test_damaged_newest_backup_is_skipped_for_an_older_good_one(tmp_path: Path) -> None:
    """Recovery uses the newest backup that is actually readable."""
    saved(tmp_path, state(1), state(2), state(3))
    (tmp_path / FILE_NAME).write_bytes(b"\0\0\0")
    newest, older = DataFolder(tmp_path).backup_files()
    newest.write_bytes(b"")
    with DataFolder(tmp_path) as folder:
        assert folder.read() == state(1)
        assert folder.recovery is not None
        assert folder.recovery.restored_from == older


def test_missing_file_with_backups_is_restored(tmp_path: Path) -> None:
    """A deleted data file comes back from the newest backup, and the notice says so."""
    saved(tmp_path, state(1), state(2))
    (tmp_path / FILE_NAME).unlink()
    with DataFolder(tmp_path) as folder:
        assert folder.read() == state(1)
        recovery = folder.recovery
    assert recovery is not None
    assert recovery.damaged_path is None
    assert "missing" in recovery.message()
    assert str(recovery.restored_from) in recovery.message()
    assert json.loads((tmp_path / FILE_NAME).read_bytes())["tables"] == state(1)


def test_missing_file_with_only_bad_backups_is_refused(tmp_path: Path) -> None:
    """No data file and no readable backup: refuse rather than start empty."""
    saved(tmp_path, state(1), state(2))
    (tmp_path / FILE_NAME).unlink()
    for backup in DataFolder(tmp_path).backup_files():
        backup.write_bytes(b"")
    before = files(tmp_path)
    with pytest.raises(UnreadableError, match="missing"):
        DataFolder(tmp_path).open()
    assert files(tmp_path) == before
    assert not (tmp_path / FILE_NAME).exists()


def test_set_aside_never_overwrites_an_earlier_damaged_file(tmp_path: Path) -> None:
    """Two damaged files in the same second both stay, under different names."""

    def fixed() -> datetime:
        """Always the same moment."""
        return datetime(2026, 3, 1, 9, 30, 0, tzinfo=UTC)

    saved(tmp_path, state(1), state(2), state(3))
    earlier = tmp_path / "data.damaged-20260301-093000.json"
    earlier.write_bytes(b"earlier damage")
    (tmp_path / FILE_NAME).write_bytes(b"later damage")
    with DataFolder(tmp_path, now=fixed) as folder:
        assert folder.recovery is not None
        assert folder.recovery.damaged_path == tmp_path / "data.damaged-20260301-093000-2.json"
    assert earlier.read_bytes() == b"earlier damage"
    assert (tmp_path / "data.damaged-20260301-093000-2.json").read_bytes() == b"later damage"


def test_recovery_message_without_a_known_time() -> None:
    """The notice still reads well when the backup's save time is unknown."""
    recovery = Recovery(None, Path("/somewhere/backups/data-1.json"), None)
    assert recovery.message() == (
        "Your data file was missing. Your entries were restored from the newest readable "
        "backup, /somewhere/backups/data-1.json."
    )


# Versions ----------------------------------------------------------------------------


def test_newer_file_is_refused_and_untouched(tmp_path: Path) -> None:
    """Data from a newer version is not opened, not changed, and the lock is let go."""
    tmp_path.joinpath(FILE_NAME).write_bytes(envelope(state(1), version=SCHEMA_VERSION + 1))
    before = files(tmp_path)
    folder = DataFolder(tmp_path)
    with pytest.raises(NewerVersionError, match="newer version"):
        folder.open()
    with pytest.raises(SaveError):
        folder.write(state(2))
    assert files(tmp_path, skip_lock=True) == before
    lock = InstanceLock(tmp_path / "data.lock")
    assert lock.acquire()
    lock.release()


def test_older_file_is_upgraded_in_memory_and_saved_as_new(tmp_path: Path) -> None:
    """An older file is upgraded on open; the upgrade reaches the disk with the next save."""
    old = envelope({"notes": {"1": {"words": "hello"}}}, version=SCHEMA_VERSION - 1)
    tmp_path.joinpath(FILE_NAME).write_bytes(old)

    def rename_field(tables: Tables) -> Tables:
        """The version before called the text 'words'."""
        return {
            name: {key: {"text": doc["words"]} for key, doc in table.items()}
            for name, table in tables.items()
        }

    with DataFolder(tmp_path, migrations={SCHEMA_VERSION - 1: rename_field}) as folder:
        assert folder.read() == {"notes": {"1": {"text": "hello"}}}
        assert tmp_path.joinpath(FILE_NAME).read_bytes() == old
        folder.write(folder.read())  # same tables, but the file is still version 0
    stored = json.loads(tmp_path.joinpath(FILE_NAME).read_bytes())
    assert stored["schema_version"] == SCHEMA_VERSION
    assert stored["tables"] == {"notes": {"1": {"text": "hello"}}}


def test_migrations_run_in_order_up_to_the_current_version(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """With the current version raised to 3, a version 1 file goes through 1->2 and 2->3."""
    tmp_path.joinpath(FILE_NAME).write_bytes(envelope(state(1), version=1))
    monkeypatch.setattr(durable, "SCHEMA_VERSION", 3)
    steps: list[int] = []

    def step(version: int) -> Callable[[Tables], Tables]:
        """A migration that records that it ran."""

        def migrate(tables: Tables) -> Tables:
            """Mark the tables with the version reached."""
            steps.append(version)
            return {**tables, "meta": {"1": {"reached": version + 1}}}

        return migrate

    with DataFolder(tmp_path, migrations={1: step(1), 2: step(2)}) as folder:
        assert folder.read()["meta"] == {"1": {"reached": 3}}
        folder.write(folder.read())
    assert steps == [1, 2]
    assert json.loads(tmp_path.joinpath(FILE_NAME).read_bytes())["schema_version"] == 3


def test_older_file_without_a_migration_is_refused_and_untouched(
    tmp_path: Path,
) -> None:
    """An older file that cannot be upgraded is left exactly as it was."""
    tmp_path.joinpath(FILE_NAME).write_bytes(envelope(state(1), version=0))
    before = files(tmp_path)
    with pytest.raises(UnreadableError, match="older version"):
        DataFolder(tmp_path).open()
    assert files(tmp_path, skip_lock=True) == before


# Backups -------------------------------------------------------------------------------


def test_backups_keep_only_the_newest_states(tmp_path: Path) -> None:
    """After 20 saves there are exactly `backups` backups: the states just before the last."""
    with DataFolder(tmp_path, backups=8) as folder:
        for n in range(1, 21):
            folder.write(state(n))
        backups = folder.backup_files()
    assert len(backups) == 8
    assert len(list((tmp_path / "backups").iterdir())) == 8
    kept = [json.loads(path.read_bytes())["tables"]["notes"]["1"]["n"] for path in backups]
    assert kept == list(range(19, 11, -1))
    assert reopen(tmp_path)[0] == state(20)


def test_no_backups_when_turned_off(tmp_path: Path) -> None:
    """With backups=0 no copies are kept."""
    saved(tmp_path, state(1), state(2), state(3), backups=0)
    assert DataFolder(tmp_path).backup_files() == []


# Failures while saving -------------------------------------------------------------


FAULTS: dict[str, BaseException] = {
    "disk-full": OSError(errno.ENOSPC, os.strerror(errno.ENOSPC)),
    "io-error": OSError(errno.EIO, os.strerror(errno.EIO)),
    "ctrl-c": KeyboardInterrupt(),
}


@pytest.mark.parametrize("step", ["write", "fsync", "replace"])
@pytest.mark.parametrize("fault", FAULTS.values(), ids=FAULTS.keys())
def test_failed_save_keeps_the_previous_state(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, step: str, fault: BaseException
) -> None:
    """A save that fails at any step is reported, and the previous state stays everywhere."""
    folder = DataFolder(tmp_path)
    folder.open()
    folder.write(state(1))

    def broken(*args: object, **kwargs: object) -> Any:
        """Fail like the system would."""
        raise fault

    with monkeypatch.context() as patch:
        patch.setattr(os, step, broken)
        expected = KeyboardInterrupt if isinstance(fault, KeyboardInterrupt) else SaveError
        with pytest.raises(expected) as caught:
            folder.write(state(2))
    if isinstance(caught.value, SaveError):
        assert caught.value.__cause__ is fault
        assert "Nothing already saved was lost" in str(caught.value)
        if fault is FAULTS["disk-full"]:
            assert str(caught.value).startswith("Could not save: the disk is full.")
    assert folder.read() == state(1)
    assert temps(tmp_path) == []
    folder.close()
    tables, recovery = reopen(tmp_path)
    assert tables == state(1)
    assert recovery is None


def test_save_works_again_after_a_failure(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Once the disk has room again, the same save goes through."""

    def full(*args: object) -> int:
        """Fail like a full disk."""
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    with DataFolder(tmp_path) as folder:
        folder.write(state(1))
        with monkeypatch.context() as patch:
            patch.setattr(os, "write", full)
            with pytest.raises(SaveError):
                folder.write(state(2))
        folder.write(state(2))
    assert reopen(tmp_path)[0] == state(2)


def test_failed_folder_sync_is_reported(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """If the folder cannot be flushed after the rename, the save is not called done."""
    folder = DataFolder(tmp_path)
    folder.open()
    folder.write(state(1))
    calls: list[int] = []
    real_fsync = os.fsync

    root = os.stat(tmp_path).st_ino

    def folder_fails(fd: int) -> None:
        """Let the files' flushes work (the new file's and its backup's), then fail the
        data folder's own flush."""
        calls.append(fd)
        if os.fstat(fd).st_ino == root:
            raise OSError(errno.EIO, os.strerror(errno.EIO))
        real_fsync(fd)

    with monkeypatch.context() as patch:
        patch.setattr(os, "fsync", folder_fails)
        with pytest.raises(SaveError, match="input/output error"):
            folder.write(state(2))
    assert folder.read() == state(1)  # a retry will write the whole state again
    assert temps(tmp_path) == []
    folder.close()
    assert reopen(tmp_path)[0] in (state(1), state(2))


def test_failed_backup_does_not_fail_the_save(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A backup that cannot be made is skipped; the save itself still happens."""
    with DataFolder(tmp_path) as folder:
        folder.write(state(1))
        folder.write(state(2))
        before = folder.backup_files()

        real = durable.replace_file

        def broken(path: Path, *args: Any, **kwargs: Any) -> None:
            """Fail for the backups folder only, as a full or broken disk there would."""
            if path.parent == folder.backup_dir:
                raise OSError(errno.EPERM, os.strerror(errno.EPERM))
            real(path, *args, **kwargs)

        with monkeypatch.context() as patch:
            patch.setattr(durable, "replace_file", broken)
            folder.write(state(3))
        assert folder.backup_files() == before
        assert folder.read() == state(3)
    assert reopen(tmp_path)[0] == state(3)


def test_unwritable_folder_is_named_in_the_message(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Permission problems say which folder can't be written to."""
    with DataFolder(tmp_path) as folder:
        folder.write(state(1))

        def refuse(*args: object, **kwargs: object) -> Any:
            """Fail like a read-only file system."""
            raise OSError(errno.EROFS, os.strerror(errno.EROFS))

        with monkeypatch.context() as patch:
            patch.setattr(tempfile, "mkstemp", refuse)
            with pytest.raises(SaveError) as caught:
                folder.write(state(2))
    assert str(caught.value) == (
        f"Could not save: the folder {tmp_path} can't be written to. "
        "Nothing already saved was lost."
    )
    assert reopen(tmp_path)[0] == state(1)


def test_stale_temp_files_are_removed_on_open(tmp_path: Path) -> None:
    """Temp files left by a killed save are cleaned up; the data and other files are not."""
    saved(tmp_path, state(1))
    (tmp_path / ".data.k1llEd.tmp").write_bytes(b'{"app": "comp')
    (tmp_path / ".data.x.tmp").write_bytes(b"")
    (tmp_path / "unrelated.tmp").write_bytes(b"mine")
    tables, recovery = reopen(tmp_path)
    assert tables == state(1)
    assert recovery is None
    assert temps(tmp_path) == ["unrelated.tmp"]


def test_a_backup_that_is_the_data_file_itself_is_made_a_file_of_its_own(
    tmp_path: Path,
) -> None:
    """A backup hard-linked to the data file (earlier versions made backups that way; a
    crash between linking and renaming left one): at open it becomes its own file with
    the same bytes, so emptying the data file in place leaves the backup whole."""
    with DataFolder(tmp_path) as folder:
        folder.write(state(1))
        folder.write(state(2))
    backup = tmp_path / BACKUP_DIR_NAME / "data-9999999999999999999.json"
    os.link(tmp_path / FILE_NAME, backup)
    with DataFolder(tmp_path) as folder:
        assert os.stat(backup).st_ino != os.stat(tmp_path / FILE_NAME).st_ino
        assert backup.read_bytes() == (tmp_path / FILE_NAME).read_bytes()
        assert folder.read() == state(2)
    (tmp_path / FILE_NAME).write_bytes(b"")
    with DataFolder(tmp_path) as folder:
        assert folder.recovery is not None
        assert folder.read() == state(2)


def test_an_open_folder_and_its_files_are_made_private_at_open(tmp_path: Path) -> None:
    """A folder copied or made by hand as 0755 with 0644 files (a backup among them) is
    tightened to 0700 and 0600 when the app opens it, and nothing in the files changes."""
    with DataFolder(tmp_path) as folder:
        folder.write(state(1))
        folder.write(state(2))
        backup = folder.backup_files()[0]
    before = (tmp_path / FILE_NAME).read_bytes(), backup.read_bytes()
    os.chmod(tmp_path, 0o755)
    os.chmod(tmp_path / BACKUP_DIR_NAME, 0o755)
    for path in (tmp_path / FILE_NAME, backup):
        os.chmod(path, 0o644)
    with DataFolder(tmp_path) as folder:
        assert folder.privacy_problem is None
    assert stat.S_IMODE(os.stat(tmp_path).st_mode) == 0o700
    assert stat.S_IMODE(os.stat(tmp_path / BACKUP_DIR_NAME).st_mode) == 0o700
    assert stat.S_IMODE(os.stat(tmp_path / FILE_NAME).st_mode) == 0o600
    assert stat.S_IMODE(os.stat(backup).st_mode) == 0o600
    assert ((tmp_path / FILE_NAME).read_bytes(), backup.read_bytes()) == before


def test_a_file_that_cannot_be_made_private_is_named(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """When a file cannot be tightened (owned by another account, say), the folder still
    opens and says which file is still open to others."""
    with DataFolder(tmp_path) as folder:
        folder.write(state(1))
    os.chmod(tmp_path / FILE_NAME, 0o644)

    def refused(path: Any, mode: int) -> None:
        raise PermissionError(errno.EPERM, os.strerror(errno.EPERM), str(path))

    monkeypatch.setattr(os, "chmod", refused)
    with DataFolder(tmp_path) as folder:
        assert folder.read() == state(1)
        problem = folder.privacy_problem
    assert problem is not None and str(tmp_path / FILE_NAME) in problem
    assert "could not be made private" in problem


def test_a_data_file_that_is_a_link_is_refused_plainly_and_left_alone(tmp_path: Path) -> None:
    """data.json as a symbolic link to a file elsewhere: the folder does not open (a save
    would replace the link with a plain file), the message says what to do, and neither
    the link nor its target changes."""
    elsewhere = tmp_path / "elsewhere"
    with DataFolder(elsewhere) as folder:
        folder.write(state(1))
    root = tmp_path / "data"
    root.mkdir()
    (root / FILE_NAME).symlink_to(elsewhere / FILE_NAME)
    before = (elsewhere / FILE_NAME).read_bytes()
    with pytest.raises(UnreadableError, match=r"is a link to .* Put the file itself"):
        DataFolder(root).open()
    assert (root / FILE_NAME).is_symlink()
    assert (elsewhere / FILE_NAME).read_bytes() == before


def test_a_linked_data_folder_is_followed_for_every_save(tmp_path: Path) -> None:
    """The data folder is a link to a folder elsewhere: it opens, saves land in the
    folder linked to, and the link stays a link."""
    target = tmp_path / "target"
    with DataFolder(target) as folder:
        folder.write(state(1))
    link = tmp_path / "data"
    link.symlink_to(target, target_is_directory=True)
    with DataFolder(link) as folder:
        assert folder.read() == state(1)
        folder.write(state(2))
    assert link.is_symlink()
    assert reopen(target)[0] == state(2)
