"""Dates that matter: marked, mentioned in the week ahead, planned for, across the year end."""

from __future__ import annotations

from datetime import date

from textual.widgets import Checkbox, Input, TextArea

from companion.dates.dialog import MarkedDateDialog
from companion.dates.log import DatesScreen
from companion.domain.marked_dates import MarkedDate

from ..conftest import NOW
from .support import add, reopen, rows, screen_text, screen_words, seed


async def test_a_date_in_the_week_ahead_is_mentioned_and_planned(make_app, data_dir) -> None:
    """t opens the dates; a date three days away is noted quietly, and its plan kept."""
    seed(data_dir, start=date(2026, 9, 1))
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("t")
        await pilot.pause()
        assert isinstance(app.screen, DatesScreen)
        assert "No dates yet" in screen_words(app)
        await pilot.press("a")
        await pilot.pause()
        assert isinstance(app.screen, MarkedDateDialog)
        await pilot.press(*"Their birthday", "tab", *"28 nov")
        await pilot.pause()
        assert "→ 28 Nov, every year" in screen_text(app)
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, DatesScreen)
        assert rows(app) == ["in 3 days | 28 Nov, every year | Their birthday | no plan yet"]
        await pilot.press("escape")
        await pilot.pause()
        assert "Their birthday: in 3 days. Press t to plan for it." in screen_text(app)
        assert "What went right today?" not in screen_text(app)  # one quiet line at a time
        await pilot.press("t")  # with a date this week, its plan opens at once
        await pilot.pause()
        assert isinstance(app.screen, MarkedDateDialog)
        assert app.focused is app.screen.query_one("#plan", TextArea)
        app.screen.query_one("#plan", TextArea).text = "Phone off. Lunch with Jo."
        await pilot.press("ctrl+s", "escape")
        await pilot.pause()
        assert "Their birthday: in 3 days. Your plan is ready (t)." in screen_text(app)
    saved = reopen(data_dir)
    assert [(d.name, d.month, d.day, d.plan) for d in saved.dates.all()] == [
        ("Their birthday", 11, 28, "Phone off. Lunch with Jo.")
    ]
    saved.close()


async def test_dates_across_the_year_end(make_app, data_dir, clock) -> None:
    """On 28 Dec a date on 2 Jan is five days away, in the short form at 80x24."""
    clock.advance(days=33)  # 28 Dec 2026
    seed(data_dir, start=date(2026, 9, 1))
    add(data_dir, MarkedDate("Their birthday", 1, 2, NOW))
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()  # the panes are drawn once laid out
        assert "Their birthday: in 5 days · t plans" in screen_text(app)
        await pilot.press("t")
        await pilot.pause()
        assert isinstance(app.screen, MarkedDateDialog)
        assert app.screen.query_one("#name", Input).value == "Their birthday"
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, DatesScreen)
        assert rows(app)[0].startswith("in 5 days | 2 Jan, every year")


async def test_a_once_only_date_needs_its_year(make_app, data_dir) -> None:
    """Unticking "every year" without a year says what is missing; nothing typed is lost."""
    seed(data_dir, start=date(2026, 9, 1))
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("t", "a")
        await pilot.pause()
        await pilot.press(*"Court", "tab", *"10 Jan")
        app.screen.query_one("#every-year", Checkbox).value = False
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, MarkedDateDialog)
        assert "needs its year" in screen_words(app)
        assert app.screen.query_one("#name", Input).value == "Court"
        app.screen.query_one("#when", Input).value = "10 Jan 2027"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, DatesScreen)
        assert "Sun 10 Jan 2027" in rows(app)[0]
