"""Little wins: the gentle daily question, writing a win, and the list of wins."""

from __future__ import annotations

from datetime import date

from textual.widgets import Input

from companion.main_screen import MainScreen
from companion.wins.dialog import WinDialog
from companion.wins.log import WinsScreen

from .support import reopen, rows, screen_text, screen_words, seed


async def test_the_win_question_is_gentle_and_goes_away(make_app, data_dir, clock) -> None:
    """Asked once a day; x puts it away until tomorrow; writing a win answers it."""
    seed(data_dir, start=date(2026, 9, 1))
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()  # the panes are drawn once laid out
        assert "What went right today?" in screen_text(app)
        await pilot.press("x")
        await pilot.pause()
        assert "What went right today?" not in screen_text(app)
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        assert "What went right today?" not in screen_text(app)  # still put away today
        clock.advance(days=1)
        app.check_day()
        await pilot.pause()
        assert "What went right today?" in screen_text(app)  # a new day asks again
        await pilot.press("w")
        await pilot.pause()
        assert isinstance(app.screen, WinDialog)
        await pilot.press(*"I ate a proper lunch", "enter")
        await pilot.pause()
        assert isinstance(app.screen, MainScreen)
        assert "What went right today?" not in screen_text(app)


async def test_wins_are_kept_listed_and_refused_kindly(make_app, data_dir) -> None:
    """An empty win or a huge paste is refused with words and nothing typed is lost; the
    list shows each win as typed, newest first."""
    seed(data_dir, start=date(2026, 9, 1))
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("w", "enter")
        await pilot.pause()
        assert isinstance(app.screen, WinDialog)
        assert "Small things count" in screen_words(app)
        paste = "a" * 1_000_000
        app.screen.query_one("#text", Input).value = paste
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, WinDialog)
        assert "up to 300 characters" in screen_words(app)
        assert app.screen.query_one("#text", Input).value == paste
        app.screen.query_one("#text", Input).value = "[bold]Said no[/bold] to a call"
        app.screen.query_one("#when", Input).value = "yesterday"
        await pilot.press("ctrl+s")
        await pilot.pause()
        await pilot.press("w", *"A walk", "enter")
        await pilot.pause()
        app.action_command("wins.show")
        await pilot.pause()
        assert isinstance(app.screen, WinsScreen)
        assert rows(app) == [
            "Wed 25 Nov 2026 | A walk",
            "Tue 24 Nov 2026 | [bold]Said no[/bold] to a call",
        ]
    saved = reopen(data_dir)
    assert len(saved.wins.all()) == 2
    saved.close()


async def test_the_quiet_line_keys_work_from_any_pane(make_app, data_dir) -> None:
    """The day counter says w and x; they work wherever the focus is on the main screen."""
    seed(data_dir, start=date(2026, 9, 1))
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("2", "x")
        await pilot.pause()
        assert "What went right today?" not in screen_text(app)
        await pilot.press("3", "w")
        await pilot.pause()
        assert isinstance(app.screen, WinDialog)
