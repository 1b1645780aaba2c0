"""The lists and logs around the streak: times they reached out, contact modes, necessary
contact, brief exceptions, little wins and dates that matter."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest
from textual.widgets import Checkbox, DataTable, Input, Select, TextArea

from companion.counter.dialogs import SlipDialog
from companion.counter.slips import SlipsScreen
from companion.dates.dialog import MarkedDateDialog
from companion.dates.log import DatesScreen
from companion.domain.hoovers import CHANNELS, Hoover
from companion.domain.marked_dates import MarkedDate
from companion.domain.modes import ModeChange
from companion.hoovers.dialog import HooverDialog
from companion.hoovers.log import HooversScreen
from companion.main_screen import MainScreen
from companion.modes.dialogs import ModeDialog, NecessaryDialog
from companion.modes.logs import ModesScreen, NecessaryScreen
from companion.store.repository import Repository
from companion.ui.dialogs import ConfirmDialog
from companion.wins.dialog import WinDialog
from companion.wins.log import WinsScreen

from .support import reopen, screen_text, screen_words, seed, toasts

NOW = datetime(2026, 11, 25, 10, 0, tzinfo=UTC)


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


# Times they reached out ------------------------------------------------------------


@pytest.mark.parametrize("channel", list(CHANNELS))
async def test_each_way_of_reaching_out_is_kept(make_app, data_dir, channel) -> None:
    """Every way they can reach out can be logged, and is listed as it was chosen."""
    seed(data_dir, start=date(2026, 9, 1), alias="Sam")
    add(data_dir)
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("h")
        await pilot.pause()
        assert isinstance(app.screen, HooverDialog)
        app.screen.query_one("#channel", Select).value = channel
        await pilot.pause()
        if channel == "someone":
            app.screen.query_one("#via", Input).value = "their sister"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert "Sam reached out 1 time, not answered" in screen_text(app)
        await pilot.press("v")
        await pilot.pause()
        assert isinstance(app.screen, HooversScreen)
        expected = "Through their sister" if channel == "someone" else CHANNELS[channel]
        assert expected in rows(app)[0]
    saved = reopen(data_dir)
    assert [h.channel for h in saved.hoovers] == [channel]
    saved.close()


async def test_the_list_is_newest_first_and_filters_by_way(make_app, data_dir) -> None:
    """v lists every time, newest first; f shows one way at a time, then all again."""
    seed(data_dir, start=date(2026, 9, 1))
    add(
        data_dir,
        Hoover(on=date(2026, 11, 1), channel="text", logged_at=NOW, said="miss you"),
        Hoover(on=date(2026, 11, 20), channel="email", logged_at=NOW, said="[red]urgent[/]"),
        Hoover(on=date(2026, 11, 10), channel="text", logged_at=NOW, said="call me"),
    )
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("v")
        await pilot.pause()
        assert isinstance(app.screen, HooversScreen)
        assert [r.split(" | ")[0] for r in rows(app)] == [
            "Fri 20 Nov 2026",
            "Tue 10 Nov 2026",
            "Sun 1 Nov 2026",
        ]
        assert "[red]urgent[/]" in screen_text(app)  # shown as typed, never as markup
        await pilot.press("f")  # the first way that has entries: texts
        await pilot.pause()
        assert [r.split(" | ")[3] for r in rows(app)] == ["call me", "miss you"]
        assert "Showing: a text message (2 of 3)" in screen_words(app)
        await pilot.press("f")
        await pilot.pause()
        assert [r.split(" | ")[3] for r in rows(app)] == ["[red]urgent[/]"]
        await pilot.press("f")
        await pilot.pause()
        assert len(rows(app)) == 3
        assert "Showing every way" in screen_words(app)


async def test_edit_and_remove_with_undo(make_app, data_dir) -> None:
    """e edits an entry in place; delete removes it and ctrl+z brings it back, saved."""
    seed(data_dir, start=date(2026, 9, 1))
    add(data_dir, Hoover(on=date(2026, 11, 20), channel="text", logged_at=NOW, said="hi"))
    app = make_app()
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await pilot.press("v", "e")
        await pilot.pause()
        assert isinstance(app.screen, HooverDialog)
        assert app.screen.query_one("#said", TextArea).text == "hi"
        app.screen.query_one("#said", TextArea).text = "hi, it's me again"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, HooversScreen)
        assert "hi, it's me again" in rows(app)[0]
        await pilot.press("delete")
        await pilot.pause()
        assert rows(app) == []
        assert "Nothing logged yet" in screen_text(app)
        assert reopen_count(app) == 0
        await pilot.press("ctrl+z")
        await pilot.pause()
        assert "hi, it's me again" in rows(app)[0]
        await pilot.press("escape")
        await pilot.pause()
        assert "Reached out 1 time, not answered" in screen_text(app)
    saved = reopen(data_dir)
    assert [(h.said, h.channel) for h in saved.hoovers] == [("hi, it's me again", "text")]
    saved.close()


def reopen_count(app) -> int:
    """How many entries the app's repository holds now."""
    return len(app.repository.hoovers)


# Contact modes and necessary contact ----------------------------------------------------


async def test_changing_mode_keeps_every_figure_and_the_history(make_app, data_dir) -> None:
    """m chooses a mode: the title and wording change, the figures don't, and every change
    is listed."""
    seed(data_dir, start=date(2026, 9, 1))
    app = make_app()
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
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


async def test_a_slip_can_be_a_brief_exception(make_app, data_dir) -> None:
    """s offers "a brief exception: no reset"; chosen, no figure changes and the list says so."""
    seed(data_dir, start=date(2026, 9, 1), alias="Sam")
    app = make_app()
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        before = figures(app)
        await pilot.press("s", "enter")
        await pilot.pause()
        assert isinstance(app.screen, SlipDialog)
        stretch = app.screen.query_one("#stretch", Select)
        assert stretch.value is True  # a new stretch is the default
        stretch.value = False
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, MainScreen)
        assert figures(app) == before
        assert "brief exception" in toasts(app)
        await pilot.press("l")
        await pilot.pause()
        assert isinstance(app.screen, SlipsScreen)
        assert "(a brief exception)" in rows(app)[0]
    saved = reopen(data_dir)
    assert [s.new_stretch for s in saved.history.slips] == [False]
    saved.close()


# Little wins -------------------------------------------------------------------------


async def test_the_win_question_is_gentle_and_goes_away(make_app, data_dir, clock) -> None:
    """Asked once a day; x puts it away until tomorrow; writing a win answers it."""
    seed(data_dir, start=date(2026, 9, 1))
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
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


# Dates that matter ---------------------------------------------------------------------


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


# Found in review ---------------------------------------------------------------------


async def test_answering_offers_a_slip_on_the_day_they_reached_out(make_app, data_dir) -> None:
    """Logged as answered five days back: the slip dialog opens on that day, as "I answered"."""
    seed(data_dir, start=date(2026, 9, 1))
    add(data_dir)
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("h")
        await pilot.pause()
        app.screen.query_one("#when", Input).value = "2026-11-20"
        app.screen.query_one("#answered", Checkbox).value = True
        await pilot.press("ctrl+s")
        await pilot.pause()
        await pilot.press("y")
        await pilot.pause()
        assert isinstance(app.screen, SlipDialog)
        assert app.screen.query_one("#when", Input).value == "2026-11-20"
        assert app.screen.query_one("#kind", Select).value == "answered"


async def test_h_twice_opens_one_log(make_app, data_dir) -> None:
    """h pressed again while the log (or its caution) is open opens nothing more."""
    seed(data_dir, start=date(2026, 9, 1))
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("h", "h")
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, HooverDialog)
        await pilot.press("tab", "tab", "tab", "tab", "h")  # focus off the text fields
        await pilot.pause()
        dialogs = [s for s in app.screen_stack if isinstance(s, HooverDialog)]
        assert len(dialogs) == 1
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, MainScreen)


async def test_undo_refuses_a_slip_before_a_later_start(make_app, data_dir) -> None:
    """A slip removed, the start moved after it, then undo: refused with a way forward,
    and the start day can still be changed."""
    seed(data_dir, start=date(2026, 9, 1), slips=[(date(2026, 10, 1), "called", "")])
    app = make_app()
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await pilot.press("l", "delete")
        await pilot.pause()
        app.ctx.try_save(app.repository.save_start, date(2026, 10, 15), app.ctx.today)
        await pilot.press("ctrl+z")
        await pilot.pause()
        assert "set the start day to that day or earlier first" in toasts(app)
        assert app.repository.history.slips == ()
    saved = reopen(data_dir)
    assert saved.history.slips == ()
    assert saved.history.start == date(2026, 10, 15)
    saved.close()


async def test_every_list_has_help(make_app, data_dir) -> None:
    """? in a list shows what the list is for."""
    seed(data_dir, start=date(2026, 9, 1))
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("v")
        await pilot.pause()
        await pilot.press("question_mark")
        await pilot.pause()
        assert "a or h logs another." in screen_text(app)


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


async def test_a_brief_exception_is_named_in_the_count_of_slips(make_app, data_dir) -> None:
    """The roomy counter says how many slips were brief exceptions."""
    seed(data_dir, start=date(2026, 9, 1), slips=[(date(2026, 10, 1), "called", "")])
    repo = Repository.open(data_dir)
    from companion.domain.history import Slip

    repo.save_slip(Slip(date(2026, 11, 1), "messaged", NOW, new_stretch=False), date(2026, 11, 25))
    repo.close()
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        text = screen_text(app)
        assert "Slips logged: 2 (1 brief exception). Recent stretches:" in text


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
