"""Contact modes and necessary contact: one name for each mode, figures untouched, never a slip."""

from __future__ import annotations

from datetime import date

import pytest
from textual.widgets import Select, TextArea

from companion.domain.modes import ModeChange
from companion.main_screen import MainScreen
from companion.modes.dialogs import ModeDialog, NecessaryDialog
from companion.modes.logs import ModesScreen, NecessaryScreen
from companion.ui.dialogs import ConfirmDialog

from ..conftest import NOW
from .support import (
    add,
    counter_title,
    figures,
    reopen,
    rows,
    screen_text,
    screen_words,
    seed,
    toasts,
)


async def test_changing_mode_keeps_every_figure_and_the_history(make_app, data_dir) -> None:
    """m chooses a mode: the title and wording change, the figures don't, and every change
    is listed."""
    seed(data_dir, start=date(2026, 9, 1))
    app = make_app()
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await pilot.pause()  # the panes are drawn once laid out
        before = [line for line in screen_text(app).splitlines() if "Longest" in line]
        assert counter_title(app) == "1 No Contact"
        await pilot.press("m")
        await pilot.pause()
        assert isinstance(app.screen, ModeDialog)
        app.screen.query_one("#mode", Select).value = "unavoidable"
        await pilot.pause()
        assert "children, work or court" in screen_words(app)
        app.screen.query_one("#rules", TextArea).text = "Email only. [b]Never[/b] calls."
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, MainScreen)
        assert counter_title(app) == "1 Unavoidable contact"
        assert "within your rules" in screen_text(app)
        assert [line for line in screen_text(app).splitlines() if "Longest" in line] == before
        assert "Everything logged so far stays" in toasts(app)
        await pilot.press("m")
        await pilot.pause()
        assert app.screen.query_one("#mode", Select).value == "unavoidable"
        # The rules in force are offered again, so nothing has to be typed twice.
        assert app.screen.query_one("#rules", TextArea).text == "Email only. [b]Never[/b] calls."
        app.screen.query_one("#mode", Select).value = "none"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert counter_title(app) == "1 No Contact"
        app.action_command("modes.show")
        await pilot.pause()
        assert isinstance(app.screen, ModesScreen)
        assert [r.split(" | ")[1] for r in rows(app)] == ["No Contact", "Unavoidable contact"]
        assert "Email only. [b]Never[/b] calls." in screen_text(app)
    saved = reopen(data_dir)
    assert sorted(c.mode for c in saved.modes.all()) == ["none", "unavoidable"]
    saved.close()


async def test_necessary_contact_in_no_contact_offers_a_mode(make_app, data_dir) -> None:
    """n in No Contact explains, and offers to choose a mode; choosing one goes straight on."""
    seed(data_dir, start=date(2026, 9, 1))
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("n")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmDialog)
        await pilot.pause()
        assert "Would you like to choose another mode?" in screen_words(app)
        await pilot.press("y")
        await pilot.pause()
        assert isinstance(app.screen, ModeDialog)
        app.screen.query_one("#mode", Select).value = "low"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, NecessaryDialog)


async def test_necessary_contact_never_counts_as_a_slip(make_app, data_dir) -> None:
    """In low contact, n logs necessary contact: no figure moves, and it is listed."""
    seed(data_dir, start=date(2026, 9, 1))
    add(data_dir, ModeChange("low", date(2026, 9, 1), NOW))
    app = make_app()
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        await pilot.pause()  # the panes are drawn once laid out
        before = figures(app)
        await pilot.press("n")
        await pilot.pause()
        assert isinstance(app.screen, NecessaryDialog)
        await pilot.press("ctrl+s")  # nothing said about what it was about yet
        await pilot.pause()
        assert isinstance(app.screen, NecessaryDialog)
        assert "what it was about" in screen_words(app)
        await pilot.press(*"pick-up on Friday", "ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, MainScreen)
        assert figures(app) == before
        assert "never counts as a slip" in toasts(app)
        assert "Necessary contact logged 1 time, never counted as a slip." in screen_words(app)
        app.action_command("modes.necessary_list")
        await pilot.pause()
        assert isinstance(app.screen, NecessaryScreen)
        assert "pick-up on Friday" in rows(app)[0]
    saved = reopen(data_dir)
    assert saved.history.slips == ()
    assert [c.about for c in saved.necessary.all()] == ["pick-up on Friday"]
    saved.close()


async def test_in_low_contact_a_slip_is_contact_outside_the_rules(make_app, data_dir) -> None:
    """With a mode chosen, s asks about contact outside the person's own rules, and points
    to n for necessary contact."""
    seed(data_dir, start=date(2026, 9, 1))
    add(data_dir, ModeChange("low", date(2026, 9, 1), NOW))
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("s")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmDialog)
        words = screen_words(app)
        assert "Contact outside your own rules?" in words
        assert "logged with n instead, and is never a slip" in words


@pytest.mark.parametrize("mode", ["none", "low", "unavoidable"])
async def test_each_mode_has_one_name_everywhere(make_app, data_dir, mode) -> None:
    """The name picked in the mode dialog is the day counter's title and the list's word."""
    seed(data_dir, start=date(2026, 9, 1))
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("m")
        await pilot.pause()
        picker = app.screen.query_one("#mode", Select)
        picker.value = mode
        await pilot.pause()
        picked = str(picker.query_one("SelectCurrent #label").render())
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert counter_title(app) == f"1 {picked}"
        app.action_command("modes.show")
        await pilot.pause()
        assert [r.split(" | ")[1] for r in rows(app)] == [picked]
