"""The day counter: setting the start day, logging and undoing slips, midnight, quitting."""

from __future__ import annotations

import errno
from datetime import date

import pytest
from textual.widgets import DataTable, HelpPanel, Input, Select, TextArea

from companion import app as app_module
from companion.counter.dialogs import SlipDialog, StartDateDialog
from companion.counter.pane import DayCounter
from companion.counter.slips import SlipsScreen
from companion.main_screen import MainScreen
from companion.store.repository import Repository
from companion.ui.dialogs import ConfirmDialog
from companion.ui.hide import HiddenScreen

from ..conftest import NOW
from .support import (
    DISK_FULL,
    break_the_disk,
    figures,
    fill_the_disk,
    reopen,
    rows,
    screen_text,
    seed,
    toasts,
    until_toast,
)


async def test_set_start_day_with_live_preview(make_app, data_dir) -> None:
    """d opens the dialog; the preview shows the day understood; enter saves it."""
    seed(data_dir)
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("d")
        await pilot.pause()
        assert isinstance(app.screen, StartDateDialog)
        await pilot.press(*"2 weeks ago")
        await pilot.pause()
        assert "→ Wed 11 Nov 2026" in screen_text(app)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, MainScreen)
        text = screen_text(app)
        assert "2 weeks since Wed 11 Nov 2026" in text
        assert "2 weeks today" in text  # a milestone, acknowledged quietly
    saved = reopen(data_dir)
    assert saved.history.start == date(2026, 11, 11)
    saved.close()


@pytest.mark.parametrize(
    ("typed", "message"),
    [
        ("tomorrow-ish", "couldn't read that"),
        ("2027-03-01", "hasn't happened yet"),
        ("1850-01-01", "before 1900"),
        ("", "Type a date"),
    ],
)
async def test_start_day_refusals_keep_the_dialog_open(
    make_app, data_dir, typed: str, message: str
) -> None:
    """Each kind of bad date gets its own message, and nothing is saved."""
    seed(data_dir, start=date(2026, 10, 1))
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("d")
        await pilot.pause()
        field = app.screen.query_one("#date", Input)
        field.value = typed
        await pilot.pause()
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, StartDateDialog)
        assert message in screen_text(app)
        assert field.value == typed
        await pilot.press("escape")
        await pilot.pause()
        assert "since Thu 1 Oct 2026" in screen_text(app)
    saved = reopen(data_dir)
    assert saved.history.start == date(2026, 10, 1)
    saved.close()


async def test_log_a_slip_starts_a_new_stretch_and_keeps_the_total(make_app, data_dir) -> None:
    """s asks gently, logs the contact, and the total keeps every earlier day."""
    seed(data_dir, start=date(2026, 10, 1), alias="Sam")
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()  # the panes are drawn once laid out
        assert "Total 55 days" in screen_text(app)
        await pilot.press("s")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmDialog)
        assert "still counts" in screen_text(app)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, SlipDialog)
        assert "I sent Sam a message" in screen_text(app)
        app.screen.query_one("#note", TextArea).text = "They said it was urgent. It wasn't."
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, MainScreen)
        text = screen_text(app)
        assert "A new stretch, from Wed 25 Nov 2026" in text
        # Today had contact, so it is not a No Contact day; the 54 before it all stay.
        assert "Longest 54 days · Total 54 days" in text
        assert "failed" not in text.lower()
    saved = reopen(data_dir)
    (slip,) = saved.history.slips
    assert slip.on == date(2026, 11, 25)
    assert slip.note == "They said it was urgent. It wasn't."
    saved.close()


async def test_slip_can_be_declined_at_the_gentle_check(make_app, data_dir) -> None:
    """Not now at the first question logs nothing."""
    seed(data_dir, start=date(2026, 10, 1))
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("s")
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, MainScreen)
    saved = reopen(data_dir)
    assert saved.history.slips == ()
    saved.close()


async def test_slip_needs_a_start_day_first(make_app, data_dir) -> None:
    """Without a start day, s says what to do instead of opening an empty form."""
    seed(data_dir)
    app = make_app()
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await pilot.press("s")
        await pilot.pause()
        assert isinstance(app.screen, MainScreen)
        assert "press d" in toasts(app)


async def test_remove_and_undo_a_slip(make_app, data_dir) -> None:
    """In the slips list, delete removes a slip and ctrl+z puts it back, saved both times."""
    seed(data_dir, start=date(2026, 10, 1), slips=[(date(2026, 10, 20), "called", "a note")])
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()  # the panes are drawn once laid out
        assert "Longest 36 days" in screen_text(app)
        await pilot.press("l")
        await pilot.pause()
        assert isinstance(app.screen, SlipsScreen)
        assert "Tue 20 Oct 2026" in screen_text(app)
        await pilot.press("delete")
        await pilot.pause()
        assert app.screen.query_one(DataTable).row_count == 0
        removed = reopen_slips(app)
        assert removed == ()
        await pilot.press("ctrl+z")
        await pilot.pause()
        assert app.screen.query_one(DataTable).row_count == 1
        await pilot.press("escape")
        await pilot.pause()
        assert "Longest 36 days" in screen_text(app)
    saved = reopen(data_dir)
    assert [s.note for s in saved.history.slips] == ["a note"]
    saved.close()


def reopen_slips(app) -> tuple:
    """The slips as saved right now (read from the app's repository, which mirrors the file)."""
    return app.repository.history.slips


async def test_edit_a_slip_from_the_list(make_app, data_dir) -> None:
    """e opens the slip with its values; changes are saved."""
    seed(data_dir, start=date(2026, 10, 1), slips=[(date(2026, 10, 20), "called", "first")])
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("l")
        await pilot.pause()
        await pilot.press("e")
        await pilot.pause()
        assert isinstance(app.screen, SlipDialog)
        assert app.screen.query_one("#when", Input).value == "2026-10-20"
        assert app.screen.query_one("#note", TextArea).text == "first"
        app.screen.query_one("#note", TextArea).text = "second thoughts"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, SlipsScreen)
        assert "second thoughts" in screen_text(app)
    saved = reopen(data_dir)
    assert [s.note for s in saved.history.slips] == ["second thoughts"]
    saved.close()


async def log_a_slip_with_a_note(pilot) -> None:
    """s, log it, a note that matters, ctrl+s."""
    await pilot.press("s")
    await pilot.pause()
    await pilot.press("enter")
    await pilot.pause()
    pilot.app.screen.query_one("#note", TextArea).text = "every word of this matters"
    await pilot.press("ctrl+s")


async def test_a_failed_save_keeps_every_word(make_app, data_dir, monkeypatch) -> None:
    """When the disk fails, the person is told, and the dialog comes back with their note."""
    seed(data_dir, start=date(2026, 10, 1))
    app = make_app()

    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        break_the_disk(app, monkeypatch)
        await log_a_slip_with_a_note(pilot)
        await pilot.pause()
        assert isinstance(app.screen, SlipDialog)
        assert app.screen.query_one("#note", TextArea).text == "every word of this matters"
        assert "Could not save: input/output error" in toasts(app)
        assert app.repository.history.slips == ()
    saved = reopen(data_dir)
    assert saved.history.slips == ()
    saved.close()


async def test_with_the_disk_full_a_slip_waits_here_and_quitting_asks_first(
    make_app, data_dir, monkeypatch
) -> None:
    """A full disk: the slip is kept in memory and shown, the person is told it is not
    written yet; q then asks before quitting (quitting would lose it), and once the
    disk has room again it is written and the person told."""
    seed(data_dir, start=date(2026, 10, 1))
    app = make_app()

    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        fill_the_disk(app, monkeypatch)
        await log_a_slip_with_a_note(pilot)
        shown = await until_toast(pilot, DISK_FULL)
        assert "Quitting now would lose it" in shown
        assert [s.note for s in app.repository.history.slips] == ["every word of this matters"]
        await pilot.press("q")
        await pilot.pause()
        assert type(app.screen).__name__ == "ConfirmDialog"
        await pilot.press("escape")  # stay
        await pilot.pause()
        assert app.is_running and type(app.screen).__name__ == "MainScreen"
        monkeypatch.undo()  # the disk has room again
        await until_toast(pilot, "written to the disk now")
        assert app.repository.ledger.waiting == []
    saved = reopen(data_dir)
    assert [s.note for s in saved.history.slips] == ["every word of this matters"]
    saved.close()


async def test_counter_moves_at_local_midnight(make_app, data_dir, clock, monkeypatch) -> None:
    """Left open overnight, the count goes up by one without a restart."""
    monkeypatch.setattr(app_module, "DAY_CHECK_SECONDS", 0.05)
    seed(data_dir, start=date(2026, 11, 18))
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()  # the panes are drawn once laid out
        assert "1 week since" in screen_text(app)
        clock.advance(hours=14)  # 00:00 on 26 Nov
        await pilot.pause(0.3)
        assert "1 week 1 day since" in screen_text(app)


async def test_quit_and_start_again_keeps_everything(make_app, data_dir) -> None:
    """q quits; the next start shows the same figures."""
    seed(data_dir, start=date(2026, 10, 1), slips=[(date(2026, 10, 20), "met", "")])
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()  # the panes are drawn once laid out
        before = screen_text(app)
        await pilot.press("q")
        await pilot.pause()
    assert app.return_code == 0
    again = make_app()
    async with again.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        after = screen_text(again)
    assert "Longest 36 days" in before
    assert before.split("\n")[:11] == after.split("\n")[:11]


async def test_keys_focus_each_pane(make_app, data_dir) -> None:
    """1 to 4 move between the panes."""
    seed(data_dir)
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        for key, pane_id in (
            ("2", "urge"),
            ("3", "reasons"),
            ("4", "contacts"),
            ("1", "day-counter"),
        ):
            await pilot.press(key)
            await pilot.pause()
            pane = app.screen.query_one(f"#{pane_id}")
            focused = app.focused
            assert focused is not None
            assert focused is pane or pane in focused.ancestors


async def test_help_shows_what_the_pane_does(make_app, data_dir) -> None:
    """? opens help for the focused pane, and ? again closes it."""
    seed(data_dir)
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("?")
        await pilot.pause()
        assert app.screen.query(HelpPanel)
        assert "The big number is how many days" in screen_text(app)
        await pilot.press("?")
        await pilot.pause()
        assert not app.screen.query(HelpPanel)


async def test_quick_hide_from_inside_a_dialog_keeps_the_text(make_app, data_dir) -> None:
    """ctrl+l blanks everything, even mid-typing; any key brings back the dialog as it was."""
    seed(data_dir, start=date(2026, 10, 1), alias="Sam")
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("s")
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        await pilot.press("tab", "tab", "tab", *"half a thought")
        await pilot.press("ctrl+l")
        await pilot.pause()
        assert isinstance(app.screen, HiddenScreen)
        assert screen_text(app).strip() == ""
        await pilot.press("x")
        await pilot.pause()
        assert isinstance(app.screen, SlipDialog)
        assert app.screen.query_one("#note", TextArea).text == "half a thought"


async def test_quick_hide_swallows_every_key_but_one(make_app, data_dir) -> None:
    """While hidden, keys that normally open things only bring the screen back."""
    seed(data_dir, start=date(2026, 10, 1))
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("ctrl+l")
        await pilot.pause()
        await pilot.press("ctrl+p")
        await pilot.pause()
        assert isinstance(app.screen, MainScreen)
        assert "since Thu 1 Oct 2026" in screen_text(app)


async def test_typed_text_is_shown_exactly(make_app, data_dir) -> None:
    """Markup-like text and control characters in a name or note are shown, never obeyed."""
    note = "[bold]not bold[/bold] [/] \x1b[31mred?\x07"
    seed(
        data_dir,
        start=date(2026, 10, 1),
        alias="[red]J[/]",
        slips=[(date(2026, 10, 20), "messaged", note)],
    )
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("l")
        await pilot.pause()
        text = screen_text(app)
        assert "I sent [red]J[/] a message" in text
        assert "[bold]not bold[/bold] [/] ␛[31mred?␇" in text


async def test_palette_offers_the_apps_commands(make_app, data_dir) -> None:
    """ctrl+p lists the day counter's actions by name."""
    seed(data_dir)
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*"slip")
        await pilot.pause(0.3)
        assert "Log a slip" in screen_text(app)


async def test_a_huge_pasted_note_is_kept_whole(make_app, data_dir) -> None:
    """A 1 MB note is saved in full and the slips list still shows it on one line."""
    seed(data_dir, start=date(2026, 10, 1))
    note = ("It went on and on. " * 55_000)[:1_000_000]
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("s")
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        app.screen.query_one("#note", TextArea).text = note
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, MainScreen)
        await pilot.press("l")
        await pilot.pause()
        assert "It went on and on. It went on" in screen_text(app)
    saved = reopen(data_dir)
    assert saved.history.slips[0].note == note
    saved.close()


async def test_the_reached_out_line_measures_wide_names_in_cells(make_app, data_dir) -> None:
    """A name of emoji fits by length but not on screen: the short line shows, never a cut one."""
    from rich.cells import cell_len

    from companion.counter.pane import DayCounter
    from companion.domain.hoovers import Hoover

    seed(data_dir, start=date(2026, 9, 1), alias="🌻🌻🌻")
    repository = reopen(data_dir)
    repository.save_hoover(Hoover(on=date(2026, 11, 20), channel="text", logged_at=NOW))
    repository.close()
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        width = app.screen.query_one(DayCounter).content_size.width
        full = "🌻🌻🌻 reached out 1 time, not answered"
        assert len(full) <= width < cell_len(full), "the name no longer tests the edge"
        text = screen_text(app)
        assert "Reached out 1 time, not answered" in text
        assert "🌻 reached out" not in text


async def test_the_words_say_the_rule_where_the_total_changes(make_app, data_dir) -> None:
    """A slip today takes that one day from the total; the words say so, and no more."""
    seed(data_dir, start=date(2026, 10, 1), alias="Sam")
    app = make_app()
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        await pilot.pause()
        assert "Total 55 days" in screen_text(app)
        help_words = " ".join(DayCounter.HELP.split())  # what ? shows for the counter
        assert "The day contact happened is not counted as a No Contact day" in help_words
        assert "every day before it still counts" in help_words
        assert "ever taken away" not in help_words
        await pilot.press("s")
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        assert "honestly. Every day before it" in screen_text(app)
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert "Total 54 days" in screen_text(app)
        said = toasts(app)
        assert "Your total is now 54 days" in said
        assert "the day contact happened is not counted as a No Contact day" in said
        assert "every day before it still counts" in said


async def test_a_second_slip_on_the_same_day_leaves_the_total_as_it_is(make_app, data_dir) -> None:
    """The day is already not counted: the words say the total stays, and it does."""
    seed(data_dir, start=date(2026, 10, 1), alias="Sam", slips=[(date(2026, 11, 25), "called", "")])
    app = make_app()
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        await pilot.pause()
        assert "Total 54 days" in screen_text(app)
        await pilot.press("s")
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert "Total 54 days" in screen_text(app)
        assert "Your total stays 54 days" in toasts(app)


async def test_typing_in_the_start_field_of_a_dialog_is_kept(make_app, data_dir) -> None:
    """A sanity check that the date field still takes what is typed."""
    seed(data_dir, start=date(2026, 10, 1))
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("d", *"yesterday")
        await pilot.pause()
        assert app.screen.query_one("#date", Input).value == "yesterday"


async def test_a_slip_can_be_a_brief_exception(make_app, data_dir) -> None:
    """s offers "a brief exception: no reset"; chosen, no figure changes and the list says so."""
    seed(data_dir, start=date(2026, 9, 1), alias="Sam")
    app = make_app()
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await pilot.pause()
        before = figures(app)
        assert any("since Tue 1 Sep 2026" in line for line in before)
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


async def test_a_folder_name_with_brackets_reads_as_written_when_quitting_asks(
    tmp_path, clock, monkeypatch
) -> None:
    """A data folder named with square brackets: the question before quitting, which
    names the folder, shows its name exactly as it is, never read as markup."""
    from companion.app import build_app

    folder = tmp_path / "my [bold]folder[/]"
    seed(folder, start=date(2026, 10, 1))
    app = build_app(folder, clock)
    async with app.run_test(size=(100, 30), notifications=True) as pilot:
        await pilot.pause()

        def refused(_ops: object) -> None:
            raise OSError(errno.EACCES, "Permission denied")

        monkeypatch.setattr(app.repository.ledger.journal, "append", refused)
        await log_a_slip_with_a_note(pilot)
        await until_toast(pilot, "can't be written to")
        await pilot.press("q")
        await pilot.pause()
        assert type(app.screen).__name__ == "ConfirmDialog"
        asked = " ".join(str(w.render()) for w in app.screen.query(".dialog-body"))
        assert "my [bold]folder[/]" in " ".join(asked.split()), asked
        await pilot.press("escape")
