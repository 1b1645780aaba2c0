"""The passphrase as a person meets it: set from the palette, the folder sealed; the
unlock screen (a wrong passphrase writes nothing, the numbers are there without it);
locking when idle lets go of every record; change and removal."""

from __future__ import annotations

import gc
import time
import types
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from textual.widgets import Input

from companion.domain.reasons import Reason
from companion.passphrase.unlock import UnlockApp
from companion.store import seal, sealing
from companion.store.repository import Repository

from ..conftest import NOW, every_file
from .support import palette, screen_words, seed, until_shown, until_toast

pytestmark = pytest.mark.usefixtures("cheap_seal")

SECRET = "kept-only-sealed-41c9"
PASSPHRASE = "four words of mine"


def holding(root: Path, secret: str) -> list[Path]:
    """Files under ``root`` whose bytes hold ``secret``."""
    return [p for p in root.rglob("*") if p.is_file() and secret.encode() in p.read_bytes()]


def sealed_folder(root: Path) -> None:
    """A folder with a secret reason, sealed with PASSPHRASE; its keys forgotten."""
    seed(root, start=date(2026, 10, 1))
    repo = Repository.open(root)
    repo.save_reason(Reason(text=f"{SECRET} the first reason", created_at=NOW))
    repo.ledger.reseal(lambda: sealing.turn_on(root, PASSPHRASE, None))
    repo.close()
    seal.KEYRING.clear()


def unlocked(tmp_path: Path, clock: Any, monkeypatch: pytest.MonkeyPatch) -> tuple[Path, Any]:
    """A sealed folder with a secret reason, unlocked, and the app built on it (looking
    for idle time every moment)."""
    import companion.app as app_module
    from companion.app import build_app

    monkeypatch.setattr(app_module, "IDLE_CHECK_SECONDS", 0.05)
    root = tmp_path / "data"
    sealed_folder(root)
    seal.unlock_folder(root, PASSPHRASE)
    return root, build_app(root, clock)


async def until_locked(pilot: Any) -> None:
    """Wait until the app has closed to lock (it checks for idle time every moment)."""
    deadline = time.monotonic() + 30
    while pilot.app.is_running:
        assert time.monotonic() < deadline, "the app did not lock"
        await pilot.pause(0.05)


async def test_a_passphrase_set_from_the_palette_seals_every_file(make_app, data_dir) -> None:
    """Set a passphrase, typed twice: the notice says how many files were sealed; a
    reason written afterwards is sealed too; without the passphrase the folder holds
    nothing readable and does not open."""
    seed(data_dir, start=date(2026, 10, 1))
    repo = Repository.open(data_dir)
    repo.save_reason(Reason(text=f"{SECRET} before sealing", created_at=NOW))
    repo.close()
    app = make_app()
    async with app.run_test(size=(100, 30), notifications=True) as pilot:
        await palette(pilot, "Set a passphrase")
        assert "no one can open your data again" in screen_words(app)
        await pilot.press(*"short", "tab", *"short", "ctrl+s")
        await pilot.pause()
        assert "at least 8 characters" in screen_words(app)
        fields = app.screen.query(Input)
        fields[0].value = PASSPHRASE
        fields[1].value = PASSPHRASE + "x"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert "not the same" in screen_words(app)
        fields[1].value = PASSPHRASE
        await pilot.press("ctrl+s")
        shown = await until_toast(pilot, "Sealed")
        assert "files" in shown and "asks for your passphrase" in shown
        assert app.sealed
        await pilot.press("3", "a", *f"{SECRET} after sealing", "ctrl+s")
        await pilot.pause()
        assert f"{SECRET} after sealing" in screen_words(app)
        await pilot.press("q")
    seal.KEYRING.clear()
    assert holding(data_dir, SECRET) == []
    with pytest.raises(seal.Locked):
        Repository.open(data_dir)
    seal.unlock_folder(data_dir, PASSPHRASE)
    again = Repository.open(data_dir)
    texts = sorted(reason.text for reason in again.reasons)
    again.close()
    assert texts == [f"{SECRET} after sealing", f"{SECRET} before sealing"]


async def test_the_unlock_screen_writes_nothing_for_a_wrong_passphrase(tmp_path: Path) -> None:
    """Wrong passphrases: a calm line, not one byte changed; after three, a short wait
    with the field closed; ! on the empty field shows where to turn, ! inside a
    passphrase is typed; the right one unlocks."""
    root = tmp_path / "data"
    sealed_folder(root)
    before = every_file(root)
    app = UnlockApp(root)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert "Passphrase" in screen_words(app) and SECRET not in screen_words(app)
        await pilot.press("!")
        await pilot.pause()
        assert "If you need someone now" in screen_words(app) and "112" in screen_words(app)
        await pilot.press("escape")
        await pilot.pause()
        for n in range(3):
            await pilot.press(*"wrong!one", "enter")
            await pilot.pause()
            assert "does not open your data" in screen_words(app), n
        field = app.query_one("#passphrase", Input)
        assert field.disabled and "try again in" in screen_words(app)
        assert every_file(root) == before
        assert app.is_running and not seal.KEYRING
        app._wait_left = 0  # the wait, as long as it is, ends
        app._tick()
        assert not field.disabled
        await pilot.press(*PASSPHRASE, "enter")
    assert app.return_value is True
    assert seal.keys_for(root) is not None


SHARED = (type, types.ModuleType, types.FunctionType, types.BuiltinFunctionType)
"""What belongs to the whole process rather than to the app (modules and their caches)."""


def path_to(start: object, secret: str, limit: int = 400_000) -> list[str]:
    """How ``start`` reaches a string holding ``secret`` (each object on the way, short),
    or [] when it reaches none (up to ``limit`` objects, modules and their caches left
    out)."""
    parents: dict[int, object] = {}
    seen = {id(start)}
    todo = [start]
    while todo and len(seen) < limit:
        item = todo.pop()
        for ref in gc.get_referents(item):
            if id(ref) in seen or isinstance(ref, SHARED):
                continue
            seen.add(id(ref))
            parents[id(ref)] = item
            if isinstance(ref, str):
                if secret in ref:
                    chain, node = [repr(ref)[:60]], item
                    while node is not start:
                        chain.append(f"{type(node).__name__} {repr(node)[:60]}")
                        node = parents[id(node)]
                    return chain
            elif not isinstance(ref, (bytes, int, float)):
                todo.append(ref)
    return []


async def test_idle_time_locks_the_app_and_lets_go_of_every_record(
    tmp_path: Path, clock, monkeypatch: pytest.MonkeyPatch
) -> None:
    """With the injected clock moved past the idle time, the app closes to lock: it no
    longer holds a record (no string reachable from it holds the secret), and the text
    being typed is kept sealed, to be shown after unlocking."""
    from companion.app import build_app

    root, app = unlocked(tmp_path, clock, monkeypatch)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert f"{SECRET} the first reason" in screen_words(app)
        await pilot.press("3", "a", *f"{SECRET} half written")
        await pilot.pause()
        clock.advance(minutes=4)
        await pilot.pause(0.3)
        assert app.is_running  # five minutes by default
        clock.advance(minutes=2)
        await until_locked(pilot)
    assert app.locked
    gc.collect()
    found = path_to(app, SECRET)
    assert not found, "\n".join(found)
    assert holding(root, SECRET) == []
    seal.KEYRING.clear()
    seal.unlock_folder(root, PASSPHRASE)
    again = build_app(root, clock)
    async with again.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        shown = screen_words(again)
        assert "locked itself while you were typing" in shown
        assert f"{SECRET} half written" in shown


async def test_changing_and_removing_from_the_palette(tmp_path: Path, clock) -> None:
    """Change: the current passphrase is asked first (a wrong one is refused in the
    dialog); afterwards only the new one opens. Remove: back to plain files."""
    from companion.app import build_app

    root = tmp_path / "data"
    sealed_folder(root)
    seal.unlock_folder(root, PASSPHRASE)
    app = build_app(root, clock)
    app.NOTIFICATION_TIMEOUT = 600
    async with app.run_test(size=(100, 30), notifications=True) as pilot:
        await palette(pilot, "Change the passphrase")
        fields = app.screen.query(Input)
        fields[0].value = "not the one"
        fields[1].value = fields[2].value = "a newer passphrase"
        await pilot.press("ctrl+s")
        await pilot.pause()
        await until_shown(pilot, "not the passphrase your data is sealed with")
        assert "not the passphrase your data is sealed with" in screen_words(app)
        fields = app.screen.query(Input)
        fields[0].value = PASSPHRASE
        await pilot.press("ctrl+s")
        await until_toast(pilot, "The old one opens nothing")
        await pilot.press("q")
    seal.KEYRING.clear()
    with pytest.raises(seal.WrongPassphrase):
        seal.unlock_folder(root, PASSPHRASE)
    seal.unlock_folder(root, "a newer passphrase")
    again = build_app(root, clock)
    again.NOTIFICATION_TIMEOUT = 600
    async with again.run_test(size=(100, 30), notifications=True) as pilot:
        await palette(pilot, "Remove the passphrase")
        app_fields = again.screen.query(Input)
        app_fields[0].value = "a newer passphrase"
        await pilot.press("ctrl+s")
        await until_shown(pilot, "Remove it")
        await pilot.press("y")
        await until_toast(pilot, "back as plain files")
        await pilot.press("q")
    seal.KEYRING.clear()
    assert not seal.is_sealed(root)
    assert holding(root, SECRET)  # plain, as the person chose
    repo = Repository.open(root)
    assert [r.text for r in repo.reasons] == [f"{SECRET} the first reason"]
    repo.close()


async def test_an_urge_session_keeps_its_time_across_a_lock(
    tmp_path: Path, clock, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A session running when the app locks itself is kept (sealed) with its start, and
    offered again after unlocking, with the time that truly passed."""
    from companion.app import build_app

    root, app = unlocked(tmp_path, clock, monkeypatch)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await pilot.press("u", "7")
        await pilot.pause()
        assert app.ctx.running_urge is not None
        clock.advance(minutes=6)
        await until_locked(pilot)
    assert app.locked
    assert not app.ctx.running_urge  # let go of in memory, kept on the disk (sealed)
    seal.KEYRING.clear()
    clock.advance(minutes=10)
    seal.unlock_folder(root, PASSPHRASE)
    again = build_app(root, clock)
    async with again.run_test(size=(100, 30)) as pilot:
        await until_shown(pilot, "A session is still open")
        shown = screen_words(again)
        assert "A session is still open" in shown and "16 minutes ago" in shown
