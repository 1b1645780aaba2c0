"""An unexpected problem: what was typed is kept in the data folder, nothing private goes
anywhere else, and the next start gives the words back."""

from __future__ import annotations

import json
import time
from datetime import date

import pytest
from textual import events

from companion.app import CompanionApp
from companion.ui import crash
from companion.ui.field import LINE_LIMIT, Field

from .support import screen_words, seed, toasts

SECRET = "the address of my new flat is 14 Quiet Lane"
"""Typed into a reason just before the problem."""


def explode(_app: CompanionApp) -> None:
    """Stands for a bug: an error whose message quotes what the person wrote."""
    raise RuntimeError(f"could not handle {SECRET}")


async def test_a_crash_keeps_the_words_being_typed_and_reports_none_of_them(
    make_app, data_dir, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A reason half written when something breaks: its words are kept in a draft in the
    data folder, the report beside it names the code only, and the app exits with 1."""
    seed(data_dir, start=date(2026, 10, 1))
    monkeypatch.setattr(CompanionApp, "action_quick_hide", explode)
    app = make_app()
    with pytest.raises(RuntimeError):
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.pause()
            await pilot.press("3", "a")
            await pilot.pause()
            await pilot.press(*SECRET)
            await pilot.pause()
            await pilot.press("ctrl+l")
            await pilot.pause()
    assert app.return_code == 1
    kept = app.crash
    assert kept is not None and kept.drafts is not None and kept.report is not None
    assert kept.drafts.parent == data_dir / crash.DRAFTS_DIR
    texts = [item["text"] for item in json.loads(kept.drafts.read_text())["texts"]]
    assert SECRET in texts
    report = kept.report.read_text()
    assert kept.report.parent == data_dir / crash.REPORTS_DIR
    assert "RuntimeError" in report and "explode" in report
    assert "Quiet Lane" not in report and "could not handle" not in report
    assert (kept.drafts.stat().st_mode & 0o777) == 0o600
    message = kept.message()
    assert str(kept.drafts) in message and "Quiet Lane" not in message
    assert "emergency number" in message

    again = make_app()
    async with again.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert type(again.screen).__name__ == "NoticeDialog"
        assert SECRET in screen_words(again)
        await pilot.press("escape")
        await pilot.pause()
        assert type(again.screen).__name__ == "MainScreen"
    assert crash.unseen_drafts(data_dir) == []
    assert json.loads(kept.drafts.with_name(kept.drafts.stem + ".seen.json").read_text())

    third = make_app()
    async with third.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert type(third.screen).__name__ == "MainScreen"


async def test_the_palette_offers_no_screenshot(
    make_app, data_dir, tmp_path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Textual's "Screenshot" would write every word on screen to the downloads folder:
    the palette does not offer it, and the action behind it writes nothing."""
    home = tmp_path / "home"
    home.mkdir()
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("XDG_DOWNLOAD_DIR", str(home / "Downloads"))
    seed(data_dir, start=date(2026, 10, 1))
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        titles = [command.title for command in app.get_system_commands(app.screen)]
        assert "Screenshot" not in titles and "Hide the screen" in titles
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*"screenshot")
        await pilot.pause(0.3)
        assert "Save an SVG" not in screen_words(app)
        app.action_screenshot()
        app.deliver_screenshot()
        await pilot.pause(0.3)
    assert list(home.rglob("*")) == []
    assert not [path for path in tmp_path.rglob("*.svg")]


async def test_a_huge_paste_into_a_line_is_cut_to_fit_with_a_word(make_app, data_dir) -> None:
    """A megabyte pasted into a one-line field by mistake: the field keeps the first
    characters it can hold, says so calmly, and the app goes on."""
    seed(data_dir, start=date(2026, 10, 1))
    app = make_app()
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await pilot.pause()
        await pilot.press("4", "a")  # a trusted person: the name is one line
        await pilot.pause()
        field = app.screen.focused
        assert isinstance(field, Field)
        await pilot.press(*"Jo ")
        field.post_message(events.Paste("x" * 1_000_000))
        await pilot.pause()
        assert len(field.value) == LINE_LIMIT and field.value.startswith("Jo x")
        deadline = time.monotonic() + 30
        while "longer than this line can hold" not in toasts(app):
            assert time.monotonic() < deadline, "no word about the cut"
            await pilot.pause(0.05)
        await pilot.press("backspace")
        await pilot.press("y")
        assert len(field.value) == LINE_LIMIT and field.value.endswith("y")
