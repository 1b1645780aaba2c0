"""Coming back to a field never puts what the person typed at the mercy of the next key."""

from __future__ import annotations

from datetime import date

from textual.widgets import Input

from companion.counter.dialogs import SlipDialog, StartDateDialog

from .support import seed


async def test_a_typed_date_survives_tabbing_away_and_back(make_app, data_dir) -> None:
    """The saved day is selected at first, so typing replaces it; after that, never."""
    seed(data_dir, start=date(2026, 10, 1))
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("d")
        await pilot.pause()
        assert isinstance(app.screen, StartDateDialog)
        await pilot.press(*"3 weeks ago")
        await pilot.press("tab", "shift+tab", "space", "x")
        await pilot.pause()
        assert app.screen.query_one("#date", Input).value == "3 weeks ago x"


async def test_a_slip_day_and_note_survive_a_change_of_focus(make_app, data_dir) -> None:
    """'today' is selected so a day can be typed over it; the typed day then stays."""
    seed(data_dir, start=date(2026, 10, 1), alias="Sam")
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("s")
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, SlipDialog)
        await pilot.press(*"yesterday")
        await pilot.press("tab", "shift+tab", "x")
        await pilot.pause()
        assert app.screen.query_one("#when", Input).value == "yesterdayx"
