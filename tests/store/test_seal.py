"""The passphrase: every file of the folder sealed, opened only with it, and changed or
removed without ever leaving a folder that opens with neither passphrase."""

from __future__ import annotations

import contextlib
import json
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

import pytest

from companion.domain.profile import Profile
from companion.domain.reasons import Reason
from companion.store import seal, sealing
from companion.store.problems import Damaged, StoreError
from companion.store.repository import Repository
from companion.store.seal import MAGIC, Keys, Locked, WrongPassphrase

from ..conftest import every_file

pytestmark = pytest.mark.usefixtures("cheap_seal")

SECRET = "a-secret-only-here-7f3a"
NOW = datetime(2026, 11, 25, 10, 0, tzinfo=UTC)


def filled(root: Path, folds: int = 2) -> None:
    """A plain folder with the secret in a reason and the alias, snapshots, backups, a
    history year and a journal not yet folded."""
    for n in range(folds):
        repo = Repository.open(root, now=lambda: NOW)
        repo.save_profile(Profile(alias=f"{SECRET} {n}", welcomed=True))
        repo.save_reason(Reason(text=f"{SECRET} reason {n}", created_at=NOW))
        repo.ledger.fold_here()
        repo.close()
    repo = Repository.open(root, now=lambda: NOW)
    repo.save_reason(Reason(text=f"{SECRET} in the journal", created_at=NOW))
    repo.close()


def reseal(root: Path, work: Callable[[Repository], int]) -> int:
    """Open the folder as the app holds it and run a change of sealing on it."""
    repo = Repository.open(root, now=lambda: NOW)
    try:
        return repo.ledger.reseal(lambda: work(repo))
    finally:
        repo.close()


def turn_on(root: Path, passphrase: str) -> int:
    old = seal.keys_for(root)
    return reseal(root, lambda _repo: sealing.turn_on(root, passphrase, old))


def holding(root: Path, secret: bytes) -> list[str]:
    """Files under ``root`` whose bytes hold ``secret``."""
    return [
        str(p.relative_to(root))
        for p in root.rglob("*")
        if p.is_file() and secret in p.read_bytes()
    ]


def reasons_after_unlock(root: Path, passphrase: str) -> list[str]:
    seal.KEYRING.clear()
    seal.unlock_folder(root, passphrase)
    repo = Repository.open(root, now=lambda: NOW)
    try:
        return sorted(reason.text for reason in repo.reasons)
    finally:
        repo.close()


def test_a_sealed_folder_holds_nothing_readable_and_opens_with_its_passphrase(
    tmp_path: Path,
) -> None:
    root = tmp_path / "data"
    filled(root)
    before = reasons_after_unlock_plain(root)
    written = turn_on(root, "correct horse")
    assert written >= 3
    seal.KEYRING.clear()
    assert holding(root, SECRET.encode()) == []
    for path in root.rglob("*"):
        if path.is_file() and path.name not in sealing.LEFT_PLAIN and path.stat().st_size:
            raw = path.read_bytes()
            assert raw.startswith(MAGIC) or path.suffix == ".jsonl", path
    with pytest.raises(Locked):
        Repository.open(root)
    assert reasons_after_unlock(root, "correct horse") == before


def reasons_after_unlock_plain(root: Path) -> list[str]:
    repo = Repository.open(root, now=lambda: NOW)
    try:
        return sorted(reason.text for reason in repo.reasons)
    finally:
        repo.close()


def test_a_wrong_passphrase_changes_no_byte(tmp_path: Path) -> None:
    root = tmp_path / "data"
    filled(root)
    turn_on(root, "correct horse")
    seal.KEYRING.clear()
    before = every_file(root)
    with pytest.raises(WrongPassphrase) as caught:
        seal.unlock_folder(root, "Correct horse")
    assert "does not open" in str(caught.value)
    assert every_file(root) == before
    assert not seal.KEYRING


def test_changing_leaves_nothing_the_old_passphrase_opens(tmp_path: Path) -> None:
    root = tmp_path / "data"
    filled(root)
    turn_on(root, "first one")
    old = seal.keys_for(root)
    assert old is not None
    before = reasons_after_unlock(root, "first one")
    turn_on(root, "second one")
    seal.KEYRING.clear()
    with pytest.raises(WrongPassphrase):
        seal.unlock_folder(root, "first one")
    for path in root.rglob("*"):
        if path.is_file() and path.read_bytes().startswith(MAGIC):
            with pytest.raises(Damaged):
                Keys(dict(old.keys), old.current).open(path.read_bytes())
    assert holding(root, SECRET.encode()) == []
    assert reasons_after_unlock(root, "second one") == before


def test_removing_writes_every_file_back_as_plain_json(tmp_path: Path) -> None:
    root = tmp_path / "data"
    filled(root)
    before = reasons_after_unlock_plain(root)
    turn_on(root, "pass")
    keys = seal.keys_for(root)
    assert keys is not None
    reseal(root, lambda _repo: sealing.turn_off(root, keys))
    seal.KEYRING.clear()
    assert not seal.is_sealed(root)
    assert not [p for p in root.rglob("*") if p.is_file() and p.read_bytes().startswith(MAGIC)]
    json.loads((root / "data.json").read_text())
    assert reasons_after_unlock_plain(root) == before


def test_a_damaged_sealed_file_is_restored_from_its_sealed_backup(tmp_path: Path) -> None:
    root = tmp_path / "data"
    filled(root)
    turn_on(root, "pass")
    seal.KEYRING.clear()
    data = bytearray((root / "data.json").read_bytes())
    data[len(data) // 2] ^= 0x01
    (root / "data.json").write_bytes(bytes(data))
    seal.unlock_folder(root, "pass")
    repo = Repository.open(root, now=lambda: NOW)
    try:
        assert repo.recovery is not None
        assert f"{SECRET} in the journal" in [reason.text for reason in repo.reasons]
    finally:
        repo.close()
    assert holding(root, SECRET.encode()) == []


class Stop(BaseException):
    """Stands for a kill: raised in place of a file's replace."""


def stopped_at(monkeypatch: pytest.MonkeyPatch, n: int) -> Callable[[], None]:
    """Make the ``n``th replace of a file from now on stop the process; undo with the
    returned function."""
    from companion.store import durable

    real = durable.replace_file
    count = [0]

    def counting(*args: object, **kwargs: object) -> None:
        count[0] += 1
        if count[0] == n:
            raise Stop()
        real(*args, **kwargs)  # type: ignore[arg-type]

    for module in (durable, sealing):
        monkeypatch.setattr(module, "replace_file", counting)
    return monkeypatch.undo


@pytest.mark.parametrize("step", range(1, 30))
def test_a_stop_at_any_step_of_a_change_leaves_a_folder_that_opens(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, step: int
) -> None:
    """Changing the passphrase stopped at the nth write: the folder opens with the old
    passphrase or the new one (never neither), with every reason, and nothing plain."""
    root = tmp_path / "data"
    filled(root)
    turn_on(root, "old")
    before = reasons_after_unlock(root, "old")
    old = seal.keys_for(root)
    undo = stopped_at(monkeypatch, step)
    try:
        reseal(root, lambda _repo: sealing.turn_on(root, "new", old))
        finished = True
    except Stop:
        finished = False
    undo()
    seal.KEYRING.clear()
    opened = []
    for passphrase in ("old", "new"):
        try:
            seal.unlock_folder(root, passphrase)
        except WrongPassphrase:
            continue
        opened.append(passphrase)
        break
    assert opened, "neither passphrase opens the folder"
    assert reasons_after_unlock(root, opened[0]) == before
    assert holding(root, SECRET.encode()) == []
    if finished:
        assert opened == ["new"]


@pytest.mark.parametrize("step", range(1, 20))
def test_a_stop_at_any_step_of_turning_it_on_leaves_a_folder_that_opens(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, step: int
) -> None:
    root = tmp_path / "data"
    filled(root)
    before = reasons_after_unlock_plain(root)
    undo = stopped_at(monkeypatch, step)
    with contextlib.suppress(Stop):
        turn_on(root, "new")
    undo()
    seal.KEYRING.clear()
    if seal.is_sealed(root):
        assert reasons_after_unlock(root, "new") == before
        assert holding(root, SECRET.encode()) == []
    else:
        assert reasons_after_unlock_plain(root) == before


def test_the_cost_is_raised_once_the_passphrase_opens_the_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = tmp_path / "data"
    filled(root, folds=1)
    turn_on(root, "pass")
    seal.KEYRING.clear()
    higher = seal.Cost(iterations=2, lanes=1, memory_kib=16)
    monkeypatch.setattr(seal, "DEFAULT_COST", higher)
    before = (root / "data.key").read_bytes()
    with pytest.raises(WrongPassphrase):
        seal.unlock_folder(root, "wrong")
    assert (root / "data.key").read_bytes() == before
    seal.unlock_folder(root, "pass")
    assert seal.read_key_file(root).cost == higher
    assert reasons_after_unlock(root, "pass")


def test_a_key_file_damaged_with_its_copy_intact_still_opens(tmp_path: Path) -> None:
    root = tmp_path / "data"
    filled(root, folds=1)
    turn_on(root, "pass")
    (root / "data.key").write_bytes(b"")
    assert reasons_after_unlock(root, "pass")
    (root / "backups" / "data.key").write_bytes(b"{")
    seal.KEYRING.clear()
    with pytest.raises(StoreError) as caught:
        seal.unlock_folder(root, "pass")
    assert "could not be read" in str(caught.value)


def test_every_kind_of_record_and_every_file_left_behind_is_sealed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A month of heavy use whose every written word is the secret (reasons, people's
    notes, urge notes, wins, contacts logged, slips, modes, dates, a letter), a damaged
    copy set aside and a draft kept after a problem: once sealed, not one byte of the
    folder holds the secret, and everything reads back with the passphrase."""
    from benchmarks import generate
    from companion.domain.letters import Letter
    from companion.ui import crash

    monkeypatch.setattr(generate, "_WORDS", (SECRET,))
    root = tmp_path / "data"
    generate.generate(root, "1m", today=NOW.date())
    repo = Repository.open(root, now=lambda: NOW)
    repo.save_letter(Letter(written_at=NOW, text=f"{SECRET} never sent"))
    repo.close()
    (root / "data.damaged-20261101-101010.json").write_text(f'{{"tables": "{SECRET}"')
    crash.keep_drafts(root, [{"where": "ReasonDialog text", "text": SECRET}], NOW)
    assert len(holding(root, SECRET.encode())) >= 5
    counts = reasons_after_unlock_plain(root)
    turn_on(root, "a long passphrase")
    seal.KEYRING.clear()
    assert holding(root, SECRET.encode()) == []
    assert reasons_after_unlock(root, "a long passphrase") == counts
    drafts = crash.unseen_drafts(root)
    assert SECRET in crash.read_drafts(drafts)


def test_a_fold_in_its_own_process_reads_and_writes_sealed_files(tmp_path: Path) -> None:
    """The background fold gets the keys on its pipe: the journal is folded into sealed
    snapshot files, nothing plain is written, and everything reads back."""
    root = tmp_path / "data"
    filled(root)
    turn_on(root, "pass phrase")
    repo = Repository.open(root, now=lambda: NOW)
    try:
        repo.save_reason(Reason(text=f"{SECRET} folded in the background", created_at=NOW))
        first = repo.ledger.journal_size
        assert repo.fold_in_background(force=True)
        assert repo.ledger.wait_for_fold(60)
        assert repo.ledger._fold is not None and repo.ledger._fold.returncode == 0
        assert repo.ledger.journal_size < first
    finally:
        repo.close()
    assert holding(root, SECRET.encode()) == []
    texts = reasons_after_unlock(root, "pass phrase")
    assert f"{SECRET} folded in the background" in texts


def test_sealed_data_without_its_key_file_says_so_and_changes_nothing(tmp_path: Path) -> None:
    root = tmp_path / "data"
    filled(root, folds=1)
    turn_on(root, "pass phrase")
    seal.KEYRING.clear()
    for path in seal.key_paths(root):
        path.unlink()
    before = every_file(root)
    with pytest.raises(StoreError) as caught:
        Repository.open(root)
    assert "sealed with a passphrase" in str(caught.value) and "data.key" in str(caught.value)
    after = every_file(root)
    assert {k: v for k, v in after.items() if not k.endswith(".lock")} == {
        k: v for k, v in before.items() if not k.endswith(".lock")
    }


def test_kills_while_changing_the_passphrase_never_leave_neither(tmp_path: Path) -> None:
    """A process changing the passphrase back and forth, killed at random moments
    (24 times): each time the folder opens with one of the two, every reason is there,
    and no file holds the secret in plain text."""
    import os
    import random
    import signal
    import subprocess
    import sys
    import time

    root = tmp_path / "data"
    filled(root)
    before = reasons_after_unlock_plain(root)
    turn_on(root, "one")
    seal.KEYRING.clear()
    child = Path(__file__).with_name("killchild_seal.py")
    rng = random.Random(14)
    changes = 0
    for _ in range(24):
        process = subprocess.Popen(
            [sys.executable, str(child), str(root)],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            cwd=Path(__file__).resolve().parents[2],
            env={**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[2])},
        )
        time.sleep(rng.uniform(0.3, 1.5))
        process.send_signal(signal.SIGKILL)
        out, err = process.communicate(timeout=60)
        assert process.returncode == -signal.SIGKILL, err.decode()[-2000:]
        changes += out.count(b"NOW")
        seal.KEYRING.clear()
        opened = None
        for passphrase in ("one", "two"):
            try:
                seal.unlock_folder(root, passphrase)
            except seal.WrongPassphrase:
                continue
            opened = passphrase
            break
        assert opened is not None, "neither passphrase opens the folder"
        assert reasons_after_unlock(root, opened) == before
        seal.KEYRING.clear()
        assert holding(root, SECRET.encode()) == []
    assert changes > 24  # the kills came in the middle of the work, not before it
