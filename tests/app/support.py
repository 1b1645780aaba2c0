"""Helpers for the app tests: seeding data and reading the screen as text."""

from __future__ import annotations

import errno
import time
from collections.abc import Iterable
from datetime import date, datetime
from pathlib import Path

import pytest
from textual.app import App
from textual.pilot import Pilot
from textual.widgets import DataTable, Input, TextArea
from textual.widgets._toast import Toast

from companion.app import CompanionApp
from companion.clock import FixedClock
from companion.domain.history import Slip
from companion.domain.hoovers import Hoover
from companion.domain.marked_dates import MarkedDate
from companion.domain.modes import ModeChange
from companion.domain.profile import Profile
from companion.store.repository import Repository

from ..conftest import NOW, TODAY


def seed(
    data_dir: Path,
    *,
    start: date | None = None,
    slips: Iterable[tuple[date, str, str]] = (),
    alias: str = "",
    welcomed: bool = True,
) -> None:
    """Write data as an earlier session would have, then close the folder."""
    repository = Repository.open(data_dir)
    try:
        repository.save_profile(Profile(alias=alias, welcomed=welcomed))
        if start is not None:
            repository.save_start(start, TODAY)
        for on, kind, note in slips:
            repository.save_slip(Slip(on=on, kind=kind, logged_at=NOW, note=note), TODAY)
    finally:
        repository.close()


def damage_with_backup(data_dir: Path, clock: FixedClock) -> None:
    """Save and fold twice (so a backup of the data file exists), then spoil the data file
    as a torn write would."""
    for start in (date(2026, 10, 1), date(2026, 10, 2)):
        repository = Repository.open(data_dir, clock.now)
        repository.save_profile(Profile(alias="", welcomed=True))
        repository.save_start(start, TODAY)
        repository.ledger.fold_here()
        repository.close()
        clock.advance(minutes=1)
    (data_dir / "data.json").write_bytes(b'{"app": "companion", "tab')


def reopen(data_dir: Path) -> Repository:
    """Open the data folder again, as the next start of the app would."""
    return Repository.open(data_dir)


def screen_text(app: App[object]) -> str:
    """Everything on the screen now, as plain text lines."""
    return "\n".join(strip.text for strip in app.screen._compositor.render_strips())


DISK_FULL = "Not written to the disk yet: the disk is full."
"""What the app says when the disk is full (what is saved then waits in memory)."""


def fill_the_disk(app: CompanionApp, monkeypatch: pytest.MonkeyPatch) -> None:
    """From now on every save of ``app`` meets a full disk (nothing reaches the file)
    until ``monkeypatch.undo()``."""

    def full(_ops: object) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(app.repository.ledger.journal, "append", full)


def break_the_disk(app: CompanionApp, monkeypatch: pytest.MonkeyPatch) -> None:
    """From now on every save of ``app`` fails as a failing disk does (an input/output
    error): the save is refused and the dialog stays open with its words."""

    def broken(_ops: object) -> None:
        raise OSError(errno.EIO, "Input/output error")

    monkeypatch.setattr(app.repository.ledger.journal, "append", broken)


async def until_toast(pilot: Pilot[object], text: str, timeout: float = 30.0) -> str:
    """The notices on screen once one of them says ``text``."""
    deadline = time.monotonic() + timeout
    while text not in (shown := toasts(pilot.app)):
        assert time.monotonic() < deadline, f"no notice said {text!r}: {shown!r}"
        await pilot.pause(0.05)
    return shown


async def until_shown(pilot: Pilot[object], text: str, timeout: float = 30.0) -> str:
    """The screen's words once they hold ``text`` (it may wrap); fails after ``timeout``
    seconds, saying what the screen showed."""
    deadline = time.monotonic() + timeout
    while text not in (shown := screen_words(pilot.app)):
        assert time.monotonic() < deadline, f"the screen never showed {text!r}: {shown!r}"
        await pilot.pause(0.05)
    return shown


async def footer_showing(pilot: Pilot[object], *texts: str, timeout: float = 30.0) -> str:
    """The screen's last line once it shows all of ``texts``: a screen's footer is drawn a
    moment after the screen itself, later still on a busy machine. Fails after ``timeout``
    seconds, saying what the line was."""
    deadline = time.monotonic() + timeout
    while True:
        lines = [line for line in screen_text(pilot.app).splitlines() if line.strip()]
        footer = lines[-1] if lines else ""
        if all(text in footer for text in texts):
            return footer
        assert time.monotonic() < deadline, f"the footer never showed {texts}: {footer!r}"
        await pilot.pause(0.05)


_FRAME = str.maketrans({ch: " " for ch in "│▌▐╭╮╰╯─━▔▁▊▎"})


def screen_words(app: App[object]) -> str:
    """The screen as one line of words, frames removed: for text that may wrap."""
    return " ".join(screen_text(app).translate(_FRAME).split())


def toasts(app: App[object]) -> str:
    """The words of the notifications on screen now (read from the toasts themselves)."""
    return " ".join(" ".join(str(toast.render()).split()) for toast in app.screen.query(Toast))


def steady_cursors(app: App[object]) -> None:
    """Stop text cursors blinking, so screenshots are the same every time."""
    for field in app.screen.query(Input):
        field.cursor_blink = False
    for area in app.screen.query(TextArea):
        area.cursor_blink = False
        # A text area keeps drawn lines in a cache whose key cannot tell "blink off" from
        # "blinking, in its dark half": forget them, so the cursor is drawn as it is now.
        area.notify_style_update()
        area.refresh()


def at(moment: datetime) -> str:
    """A moment as ISO text (for readable assertions)."""
    return moment.isoformat()


def figures(app) -> list[str]:
    """The lines of the day counter that carry figures."""
    return [
        line
        for line in screen_text(app).splitlines()
        if "since" in line or "Longest" in line or "of No Contact" in line or "rules" in line
    ]


def counter_title(app) -> str:
    """The day counter's border title."""
    return str(app.screen.query_one("#day-counter").border_title)


def add(data_dir, *records: object) -> None:
    """Store records as an earlier session would have."""
    repo = Repository.open(data_dir)
    for record in records:
        if isinstance(record, Hoover):
            repo.save_hoover(record)
        elif isinstance(record, ModeChange):
            repo.modes.save(record)
        elif isinstance(record, MarkedDate):
            repo.dates.save(record)
    repo.save_hoover_caution_seen()
    repo.close()


def rows(app) -> list[str]:
    """The rows of the list on screen, each as one line of words."""
    table = app.screen.query_one(DataTable)
    return [" | ".join(str(cell) for cell in table.get_row_at(i)) for i in range(table.row_count)]


async def history_read(pilot: Pilot[object]) -> None:
    """Wait until every list being read in the background has been read and drawn."""
    from companion.urge.history import HISTORY_GROUP

    app = pilot.app
    reading = [w for w in app.workers if w.group == HISTORY_GROUP]
    if reading:  # an empty list would mean every worker, an open dialog's too
        await app.workers.wait_for_complete(reading)
    await pilot.pause()


async def palette(pilot: Pilot[object], title: str) -> None:
    """Run the palette command named ``title``, and wait for what it opens."""
    await pilot.press("ctrl+p")
    await pilot.pause()
    await pilot.press(*title.lower())
    await until_shown(pilot, title)
    under = len(pilot.app.screen_stack) - 1  # the screens below the palette
    await pilot.press("enter")
    # What the command opens comes a moment after the palette closes (a flow runs as the
    # app's work). A command may open nothing (a notice, a lock): after a few seconds the
    # caller checks for itself.
    opened = time.monotonic() + 5
    while pilot.app.is_running and time.monotonic() < opened:
        stack = pilot.app.screen_stack
        if len(stack) > under and type(stack[-1]).__name__ != "CommandPalette":
            break
        await pilot.pause(0.05)
    await pilot.pause()
