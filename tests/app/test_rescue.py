"""When the data cannot be opened, the app still opens: where to turn first, what
happened in plain words, where the files are, and what can be done. Nothing on disk
changes unless the person chooses."""

from __future__ import annotations

import errno
import hashlib
import json
import os
from collections.abc import Callable
from pathlib import Path

import pytest

from companion.domain.profile import Profile
from companion.domain.reasons import Reason
from companion.rescue.choices import BACKUP, FRESH, LOOK, SET_ASIDE_PREFIX, carry_out, situation
from companion.rescue.screen import RescueApp
from companion.store.durable import SCHEMA_VERSION
from companion.store.problems import StoreError
from companion.store.repository import Repository

from ..conftest import NOW, every_file
from .support import screen_words, until_toast

LOCKS = {"data.lock", "fold.lock"}
"""Made by trying to open a folder; they hold nothing."""


def files(root: Path) -> dict[str, str]:
    """Every file under ``root`` (lock files aside) with a hash of its bytes."""
    return {
        str(path.relative_to(root)): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(root.rglob("*"))
        if path.is_file() and not path.is_symlink() and path.name not in LOCKS
    }


def saved(root: Path, alias: str, folds: int = 1) -> None:
    """A folder as the app leaves it, with backups (each fold makes one)."""
    for n in range(folds + 1):
        repo = Repository.open(root)
        repo.save_profile(Profile(alias=f"{alias} {n}", welcomed=True))
        repo.ledger.fold_here()
        repo.close()


def empty_file_no_backups(root: Path) -> None:
    root.mkdir()
    (root / "data.json").write_bytes(b"")


def a_folder_named_like_the_file(root: Path) -> None:
    root.mkdir()
    (root / "data.json").mkdir()


def newer_version_with_older_backups(root: Path) -> None:
    saved(root, "Sam", folds=2)
    document = json.loads((root / "data.json").read_text())
    document["schema_version"] = SCHEMA_VERSION + 1
    (root / "data.json").write_text(json.dumps(document))


def a_linked_data_file(root: Path) -> None:
    elsewhere = root.parent / "elsewhere"
    saved(elsewhere, "Sam")
    root.mkdir()
    (root / "data.json").symlink_to(elsewhere / "data.json")


CASES: dict[str, tuple[Callable[[Path], None], str, tuple[str, ...]]] = {
    "empty-file": (empty_file_no_backups, "could not be read", (FRESH,)),
    "folder-as-file": (a_folder_named_like_the_file, "Could not read the data", (FRESH,)),
    "newer-version": (newer_version_with_older_backups, "newer version", (LOOK, BACKUP, FRESH)),
    "linked-file": (a_linked_data_file, "is a link to", (FRESH,)),
}


def opening_fails(root: Path) -> StoreError:
    """Open the folder as the app does; the error it raises."""
    with pytest.raises(StoreError) as caught:
        Repository.open(root)
    return caught.value


@pytest.mark.parametrize("case", list(CASES))
async def test_a_folder_that_cannot_be_opened_still_shows_where_to_turn(
    tmp_path: Path, case: str
) -> None:
    """Each way the data can be unusable opens the rescue screen: the emergency numbers
    first, the store's own words for what happened, the folder, the choices this folder
    allows; quitting changes no file."""
    make, words, choices = CASES[case]
    root = tmp_path / "data"
    make(root)
    before = files(root)
    error = opening_fails(root)
    found = situation(root, error)
    assert found.choices == choices
    app = RescueApp(found)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        shown = screen_words(app)
        assert "If you need someone now" in shown and "112" in shown and "911" in shown
        assert "findahelpline.com" in shown
        await pilot.press("end")
        app.query_one("#rescue").scroll_end(animate=False)
        await pilot.pause()
        everything = " ".join(str(widget.render()) for widget in app.screen.query("Static, Button"))
        assert words in everything and str(root) in everything
        for choice in choices:
            assert f"rescue-{choice}" in [button.id for button in app.query("Button")]
        await pilot.press("q")
    assert app.return_value is None
    assert files(root) == before


async def test_a_second_copy_shows_where_to_turn_and_offers_no_change(tmp_path: Path) -> None:
    """With the app already open elsewhere, the second copy still shows the numbers and
    says why it cannot open the data; it offers nothing that would write."""
    root = tmp_path / "data"
    saved(root, "Sam")
    first = Repository.open(root)
    try:
        found = situation(root, opening_fails(root))
        assert found.choices == (LOOK,)
        app = RescueApp(found)
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.pause()
            assert "112" in screen_words(app)
            assert "already open" in " ".join(str(w.render()) for w in app.query("Static"))
            await pilot.press("f")  # not offered: nothing happens
            await pilot.pause()
            assert app.is_running
            await pilot.press("q")
    finally:
        first.close()


async def test_looking_while_another_copy_is_open_changes_nothing(tmp_path: Path, clock) -> None:
    """l beside a copy that holds the folder: the data opens to read, says so, shows
    what is saved, keeps a new reason in memory only, and asks before quitting loses
    it; not one file in the folder is made, changed or removed."""
    from companion.app import build_app

    root = tmp_path / "data"
    saved(root, "Sam")
    first = Repository.open(root)
    try:
        first.save_reason(Reason(text="kept by the first window", created_at=NOW))
        app = RescueApp(situation(root, opening_fails(root)))
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.pause()
            await pilot.press("l")
        assert app.return_value == LOOK
        before = every_file(root)
        looking = build_app(root, clock, look=True)
        looking.NOTIFICATION_TIMEOUT = 600
        async with looking.run_test(size=(100, 30), notifications=True) as pilot:
            shown = await until_toast(pilot, "open to look at only")
            assert "nothing in its folder is changed" in shown
            assert "kept by the first window" in screen_words(looking)
            await pilot.press("3", "a", *"written while looking", "ctrl+s")
            await pilot.pause()
            assert "written while looking" in screen_words(looking)
            await pilot.press("q")
            await pilot.pause()
            assert looking.is_running  # it asks first
            assert "Quit anyway" in screen_words(looking)
            await pilot.press("enter")
        assert every_file(root) == before
        assert [reason.text for reason in first.reasons] == ["kept by the first window"]
    finally:
        first.close()


def test_looking_at_a_newer_file_shows_the_newest_backup_and_moves_nothing(
    tmp_path: Path,
) -> None:
    """A data file from a newer version: looking shows the newest backup this version
    reads, from memory (the newer file and its journal stay exactly where they are), and
    refuses to write."""
    root = tmp_path / "data"
    newer_version_with_older_backups(root)
    before = every_file(root)
    repo = Repository.open(root, look=True)
    try:
        assert repo.profile.alias == "Sam 1"  # what the newest readable backup holds
        assert repo.ledger.read_only and repo.folder.looked_at is not None
        assert str(repo.folder.looked_at) in (repo.ledger.waiting_why or "")
        repo.save_reason(Reason(text="only in memory", created_at=NOW))
        assert [reason.text for reason in repo.reasons] == ["only in memory"]
        assert repo.ledger.waiting and not repo.ledger.write_waiting()
    finally:
        repo.close()
    assert every_file(root) == before


def test_a_failed_look_is_not_offered_again(tmp_path: Path) -> None:
    """When opening to look fails as well, the rescue screen offers only what is left."""
    root = tmp_path / "data"
    newer_version_with_older_backups(root)
    error = opening_fails(root)
    assert LOOK in situation(root, error).choices
    assert LOOK not in situation(root, error, looked=True).choices


async def choose_and_carry_out(root: Path, key: str, choice: str) -> Path:
    """Open the rescue screen on ``root``, press ``key``, check it chose ``choice``, and
    do it as the command line would; the folder the files were moved into."""
    app = RescueApp(situation(root, opening_fails(root)))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press(key)
    assert app.return_value == choice
    return carry_out(choice, root)


async def test_starting_fresh_moves_everything_aside_and_deletes_nothing(tmp_path: Path) -> None:
    """f on an unreadable folder: the file is moved, byte for byte, into a set-aside
    folder inside the data folder, and the data folder then opens empty."""
    root = tmp_path / "data"
    empty_file_no_backups(root)
    (root / "data.json").write_bytes(b'{"app": "companion", "tab')
    before = (root / "data.json").read_bytes()
    aside = await choose_and_carry_out(root, "f", FRESH)
    assert aside.parent == root and aside.name.startswith(SET_ASIDE_PREFIX)
    assert (aside / "data.json").read_bytes() == before
    repo = Repository.open(root)
    assert not repo.profile.welcomed
    repo.close()


async def test_a_newer_file_gives_way_to_the_newest_backup_this_version_reads(
    tmp_path: Path,
) -> None:
    """A data file from a newer version, with backups from this one: b opens the newest
    readable backup; the newer file is kept, moved aside."""
    root = tmp_path / "data"
    newer_version_with_older_backups(root)
    newer = (root / "data.json").read_bytes()
    aside = await choose_and_carry_out(root, "b", BACKUP)
    assert (aside / "data.json").read_bytes() == newer
    repo = Repository.open(root)
    assert repo.profile.alias == "Sam 1"  # the state before the last fold
    assert repo.recovery is not None
    repo.close()
    assert os.listdir(aside)


def read_only(monkeypatch: pytest.MonkeyPatch, root: Path) -> None:
    """From now on nothing under ``root`` can be written, as on a read-only disk."""
    real_open = os.open
    writes = os.O_WRONLY | os.O_RDWR | os.O_CREAT | os.O_TRUNC | os.O_APPEND

    def inside(path: object) -> bool:
        return str(os.fspath(path)).startswith(str(root))  # type: ignore[call-overload]

    def refused(path: object) -> OSError:
        return OSError(errno.EROFS, os.strerror(errno.EROFS), str(path))

    def guarded_open(path: object, flags: int, *args: object, **kwargs: object) -> int:
        if flags & writes and inside(path):
            raise refused(path)
        return real_open(path, flags, *args, **kwargs)  # type: ignore[arg-type]

    def guard(name: str) -> None:
        real = getattr(os, name)

        def guarded(path: object, *args: object, **kwargs: object) -> object:
            if inside(path):
                raise refused(path)
            return real(path, *args, **kwargs)

        monkeypatch.setattr(os, name, guarded)

    monkeypatch.setattr(os, "open", guarded_open)
    for name in ("replace", "rename", "unlink", "mkdir", "chmod"):
        guard(name)


async def test_a_read_only_folder_opens_to_read_and_keeps_what_is_saved(
    make_app, data_dir, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A data folder that cannot be written to (no lock file in it yet): the app opens
    on the data, says it is open to read only, keeps a new reason in memory and shows
    it, and writes it once the folder can be written to again."""
    repo = Repository.open(data_dir)
    repo.save_profile(Profile(alias="", welcomed=True))
    repo.close()
    (data_dir / "data.lock").unlink()
    before = files(data_dir)
    read_only(monkeypatch, data_dir)
    app = make_app()
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        shown = await until_toast(pilot, "open to read only")
        assert "can't be written to" in shown and "Quitting before then" in shown
        assert files(data_dir) == before
        await pilot.press("3", "a", *"written while read-only", "ctrl+s")
        await pilot.pause()
        assert "written while read-only" in screen_words(app)
        assert files(data_dir) == before
        monkeypatch.undo()  # the folder can be written to again
        await until_toast(pilot, "written to the disk now")
    again = Repository.open(data_dir)
    assert [reason.text for reason in again.reasons] == ["written while read-only"]
    again.close()
