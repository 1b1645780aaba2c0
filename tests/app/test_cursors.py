"""The cursor is where the person acts: in every list, after every kind of change, the row
that is highlighted is the one ``e`` opens and ``delete`` removes, and the arrows move it."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta

import pytest
from rich.cells import cell_len
from textual.pilot import Pilot
from textual.widgets import DataTable, Input, OptionList

from companion.checklist.screen import ChecklistScreen
from companion.domain.checklist import Safety
from companion.domain.history import Slip
from companion.domain.hoovers import Hoover
from companion.domain.marked_dates import MarkedDate
from companion.domain.modes import ModeChange, NecessaryContact
from companion.domain.reasons import Reason
from companion.domain.wins import Win
from companion.main_screen import MainScreen
from companion.store.repository import Repository
from companion.ui.cursor import cursor_key
from companion.ui.log_screen import LogScreen
from companion.ui.text import one_line

from .support import reopen, screen_text, screen_words, seed

NOW = datetime(2026, 11, 25, 10, 0, tzinfo=UTC)
WORDS = ("alder", "birch", "cedar")
"""One word per record, so each row (and the dialog it opens) can be told apart."""


# The rule itself -----------------------------------------------------------------------


def test_the_cursor_stays_follows_or_falls_back() -> None:
    """Kept row first; else the same row; else the next one down; else the one above."""
    before = ["a", "b", "c"]
    assert cursor_key(before, 0, ["a", "b", "c", "d"], keep="d") == "d"
    assert cursor_key(before, 1, ["c", "b", "a"]) == "b"
    assert cursor_key(before, 1, ["a", "c"]) == "c"
    assert cursor_key(before, 2, ["a", "b"]) == "b"
    assert cursor_key([None, "a", None, "b"], 3, ["a"]) == "a"
    assert cursor_key(before, None, ["x", "y"]) == "x"
    assert cursor_key(before, 1, []) is None


# Reasons I left --------------------------------------------------------------------------


def seed_reasons(data_dir, *texts: str, pinned: tuple[int, ...] = ()) -> None:
    """Reasons written in an earlier session, in this order."""
    seed(data_dir)
    repository = reopen(data_dir)
    for index, text in enumerate(texts):
        repository.save_reason(
            Reason(text=text, created_at=NOW, position=index, pinned=index in pinned)
        )
    repository.close()


def reason_rows(app) -> list[str]:
    """The reasons as listed, top to bottom (pin marks left out)."""
    options = app.screen.query_one("#reason-list", OptionList)
    return [str(option.prompt).split("  · ")[0].strip(" ★") for option in options.options]


def highlighted_reason(app) -> str | None:
    """The reason under the cursor, as the person sees it."""
    options = app.screen.query_one("#reason-list", OptionList)
    if options.highlighted is None:
        return None
    return reason_rows(app)[options.highlighted]


async def reason_cursor_acts(pilot: Pilot[object], expected: str) -> None:
    """The cursor is on ``expected``, in a focused list; e opens it; Up and Down move it."""
    app = pilot.app
    assert highlighted_reason(app) == expected
    assert isinstance(app.focused, OptionList)
    await pilot.press("e")
    await pilot.pause()
    assert expected in screen_words(app), "e opens the highlighted reason"
    await pilot.press("escape")
    await pilot.pause()
    assert isinstance(app.screen, MainScreen)
    rows = reason_rows(app)
    if len(rows) == 1:
        return
    at = rows.index(expected)
    step, back = ("up", "down") if at > 0 else ("down", "up")
    await pilot.press(step)
    await pilot.pause()
    assert highlighted_reason(app) == rows[at - 1 if step == "up" else at + 1]
    await pilot.press(back)
    await pilot.pause()
    assert highlighted_reason(app) == expected


async def reason_delete_removes_highlighted(pilot: Pilot[object]) -> None:
    """delete removes exactly the row under the cursor."""
    app = pilot.app
    target = highlighted_reason(app)
    others = [row for row in reason_rows(app) if row != target]
    await pilot.press("delete")
    await pilot.pause()
    assert reason_rows(app) == others
    assert target not in [r.text for r in app.repository.reasons]


async def test_reasons_after_adding(make_app, data_dir) -> None:
    """Two reasons added into an empty list: the cursor is on the new one and moves."""
    seed(data_dir)
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("3", "a", *"first reason", "ctrl+s")
        await pilot.pause()
        await pilot.press("a", *"second reason", "ctrl+s")
        await pilot.pause()
        await reason_cursor_acts(pilot, "second reason")
        await pilot.press("up")
        await pilot.pause()
        await reason_delete_removes_highlighted(pilot)
        assert reason_rows(app) == ["second reason"]


async def test_reasons_after_editing(make_app, data_dir) -> None:
    """An edited reason keeps the cursor."""
    seed_reasons(data_dir, *WORDS)
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("3", "down", "e", "end", *" tree", "ctrl+s")
        await pilot.pause()
        await reason_cursor_acts(pilot, "birch tree")
        await reason_delete_removes_highlighted(pilot)


async def test_reasons_after_removing(make_app, data_dir) -> None:
    """Removing a reason leaves the cursor on the one that followed it, not at the top."""
    seed_reasons(data_dir, *WORDS)
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("3", "down")
        await pilot.pause()
        await reason_delete_removes_highlighted(pilot)
        await reason_cursor_acts(pilot, "cedar")
        await pilot.press("delete")
        await pilot.pause()
        await reason_cursor_acts(pilot, "alder")


async def test_reasons_after_undo(make_app, data_dir) -> None:
    """ctrl+z puts the reason back with the cursor on it."""
    seed_reasons(data_dir, *WORDS)
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("3", "down", "down", "delete", "ctrl+z")
        await pilot.pause()
        await reason_cursor_acts(pilot, "cedar")
        await reason_delete_removes_highlighted(pilot)


async def test_reasons_after_pinning(make_app, data_dir) -> None:
    """A pinned reason goes to the top and the cursor goes with it."""
    seed_reasons(data_dir, *WORDS)
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("3", "down", "down", "p")
        await pilot.pause()
        assert reason_rows(app)[0] == "cedar"
        await reason_cursor_acts(pilot, "cedar")
        await reason_delete_removes_highlighted(pilot)


async def test_reasons_after_moving(make_app, data_dir) -> None:
    """shift+up moves the reason and the cursor with it."""
    seed_reasons(data_dir, *WORDS)
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("3", "down", "down", "shift+up")
        await pilot.pause()
        assert reason_rows(app) == ["alder", "cedar", "birch"]
        await reason_cursor_acts(pilot, "cedar")
        await reason_delete_removes_highlighted(pilot)


async def test_reasons_after_filtering(make_app, data_dir) -> None:
    """A filter that hides the reason under the cursor moves it onto a listed one; clearing
    the filter keeps the cursor on that reason."""
    seed_reasons(data_dir, "alder", "birch", "cedar", "birch bark")
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("3", "/", *"birch", "enter")
        await pilot.pause()
        assert reason_rows(app) == ["birch", "birch bark"]
        await reason_cursor_acts(pilot, "birch")
        await pilot.press("down", "escape")
        await pilot.pause()
        assert len(reason_rows(app)) == 4
        await reason_cursor_acts(pilot, "birch bark")
        await reason_delete_removes_highlighted(pilot)


# Every LogScreen list ------------------------------------------------------------------------


def day(index: int) -> date:
    """The day of the index-th record: the first is the newest."""
    return date(2026, 11, 20) - timedelta(days=index)


LISTS: dict[str, tuple[Callable[[Repository], None], str]] = {
    "slips": (
        lambda repo: (
            [
                repo.save_slip(
                    Slip(on=day(i), kind="other", logged_at=NOW, note=w), date(2026, 11, 25)
                )
                for i, w in enumerate(WORDS)
            ]
            and None
        ),
        "counter.slips",
    ),
    "reached out": (
        lambda repo: (
            [
                repo.save_hoover(Hoover(on=day(i), channel="text", logged_at=NOW, said=w))
                for i, w in enumerate(WORDS)
            ]
            and None
        ),
        "hoovers.show",
    ),
    "necessary": (
        lambda repo: (
            [
                repo.necessary.save(
                    NecessaryContact(on=day(i), channel="email", about=w, logged_at=NOW)
                )
                for i, w in enumerate(WORDS)
            ]
            and None
        ),
        "modes.necessary_list",
    ),
    "modes": (
        lambda repo: (
            [
                repo.modes.save(ModeChange(mode="low", since=day(i), logged_at=NOW, rules=w))
                for i, w in enumerate(WORDS)
            ]
            and None
        ),
        "modes.show",
    ),
    "wins": (
        lambda repo: (
            [repo.wins.save(Win(on=day(i), text=w, logged_at=NOW)) for i, w in enumerate(WORDS)]
            and None
        ),
        "wins.show",
    ),
    "dates": (
        lambda repo: (
            [
                repo.dates.save(MarkedDate(name=w, month=12, day=1 + i, logged_at=NOW))
                for i, w in enumerate(WORDS)
            ]
            and None
        ),
        "dates.show",
    ),
}
"""Each list: how to store three records (alder, birch, cedar, in listed order), and the
app action that opens it."""


def seed_list(data_dir, name: str) -> None:
    """The three records of the list ``name``, written in an earlier session."""
    seed(data_dir, start=date(2026, 9, 1))
    repository = reopen(data_dir)
    LISTS[name][0](repository)
    repository.save_hoover_caution_seen()
    repository.close()


def table_rows(app) -> list[str]:
    """Each row of the table on screen, as one line of words."""
    table = app.screen.query_one(DataTable)
    return [" | ".join(str(cell) for cell in table.get_row_at(i)) for i in range(table.row_count)]


def word_of(row: str) -> str:
    """Which of the records a row shows."""
    return next(word for word in WORDS if word in row)


def highlighted_row(app) -> str:
    """The word of the row under the cursor."""
    table = app.screen.query_one(DataTable)
    return word_of(table_rows(app)[table.cursor_row])


async def table_cursor_acts(pilot: Pilot[object], expected: str) -> None:
    """The cursor is on ``expected``; e opens it; Up and Down move it."""
    app = pilot.app
    assert isinstance(app.screen, LogScreen)
    assert highlighted_row(app) == expected
    assert isinstance(app.focused, DataTable)
    list_screen = app.screen
    await pilot.press("e")
    await pilot.pause()
    assert app.screen is not list_screen
    assert expected in screen_words(app), "e opens the highlighted row"
    await pilot.press("escape")
    await pilot.pause()
    assert app.screen is list_screen
    words = [word_of(row) for row in table_rows(app)]
    if len(words) == 1:
        return
    at = words.index(expected)
    step, back = ("up", "down") if at > 0 else ("down", "up")
    await pilot.press(step)
    await pilot.pause()
    assert highlighted_row(app) == words[at - 1 if step == "up" else at + 1]
    await pilot.press(back)
    await pilot.pause()
    assert highlighted_row(app) == expected


async def table_delete_removes_highlighted(pilot: Pilot[object]) -> None:
    """delete removes exactly the row under the cursor."""
    app = pilot.app
    target = highlighted_row(app)
    others = [row for row in table_rows(app) if word_of(row) != target]
    await pilot.press("delete")
    await pilot.pause()
    assert table_rows(app) == others


@pytest.mark.parametrize("name", list(LISTS))
async def test_every_list_after_removing_and_undo(make_app, data_dir, name) -> None:
    """Removing a row leaves the cursor on the next; ctrl+z puts it back under the cursor."""
    seed_list(data_dir, name)
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        app.action_command(LISTS[name][1])
        await pilot.pause()
        assert [word_of(row) for row in table_rows(app)] == list(WORDS)
        await table_cursor_acts(pilot, "alder")
        await pilot.press("down")
        await pilot.pause()
        await table_delete_removes_highlighted(pilot)
        await table_cursor_acts(pilot, "cedar")
        await pilot.press("ctrl+z")
        await pilot.pause()
        await table_cursor_acts(pilot, "birch")
        await table_delete_removes_highlighted(pilot)


async def test_a_list_after_adding_and_editing(make_app, data_dir) -> None:
    """A new win and an edited one keep the cursor on themselves, wherever they land."""
    seed_list(data_dir, "wins")
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        app.action_command("wins.show")
        await pilot.pause()
        await pilot.press("a")
        await pilot.pause()
        app.screen.query_one("#text", Input).value = "birch again"
        app.screen.query_one("#when", Input).value = "30 Oct 2026"
        await pilot.press("ctrl+s")
        await pilot.pause()
        rows = [row.split(" | ")[1] for row in table_rows(app)]
        assert rows == ["alder", "birch", "cedar", "birch again"]
        assert app.screen.query_one(DataTable).cursor_row == 3
        await pilot.press("up", "e", "end", *" tree", "ctrl+s")
        await pilot.pause()
        assert [row.split(" | ")[1] for row in table_rows(app)][2] == "cedar tree"
        await table_cursor_acts(pilot, "cedar")
        await table_delete_removes_highlighted(pilot)
        assert "cedar tree" not in " ".join(table_rows(app))


async def test_a_list_after_filtering(make_app, data_dir) -> None:
    """f shows one way at a time; the cursor stays on its row when that row is still shown,
    and goes to a shown one when it is not."""
    seed(data_dir, start=date(2026, 9, 1))
    repository = reopen(data_dir)
    for index, (word, channel) in enumerate(zip(WORDS, ("call", "text", "call"), strict=True)):
        repository.save_hoover(Hoover(on=day(index), channel=channel, logged_at=NOW, said=word))
    repository.save_hoover_caution_seen()
    repository.close()
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        app.action_command("hoovers.show")
        await pilot.pause()
        await pilot.press("down", "down", "f")
        await pilot.pause()
        assert [word_of(row) for row in table_rows(app)] == ["alder", "cedar"]
        await table_cursor_acts(pilot, "cedar")
        await pilot.press("f")
        await pilot.pause()
        assert [word_of(row) for row in table_rows(app)] == ["birch"]
        await pilot.press("f")
        await pilot.pause()
        assert highlighted_row(app) == "birch"
        await table_delete_removes_highlighted(pilot)


# The blocking checklist ----------------------------------------------------------------------


def highlighted_channel(app) -> str:
    """The name at the start of the row under the cursor."""
    options = app.screen.query_one(OptionList)
    assert options.highlighted is not None
    return " ".join(str(options.get_option_at_index(options.highlighted).prompt).split())


async def test_checklist_after_add_rename_remove_undo_and_marking(make_app, data_dir) -> None:
    """A new own channel, renamed, marked, removed and put back: the cursor follows it, and
    rests on a neighbour when it goes."""
    seed(data_dir)
    repository = reopen(data_dir)
    repository.save_checklist_safety(Safety(afraid="no", seen=True))
    repository.close()
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        app.action_command("checklist.show")
        await pilot.pause()
        assert isinstance(app.screen, ChecklistScreen)
        await pilot.press("a", *"Old forum", "enter")
        await pilot.pause()
        assert highlighted_channel(app).startswith("Old forum")
        await pilot.press("up")
        await pilot.pause()
        above = highlighted_channel(app)
        assert not above.startswith("Old forum")
        await pilot.press("down", "e", "end", *" account", "enter")
        await pilot.pause()
        assert highlighted_channel(app).startswith("Old forum account")
        await pilot.press("b")
        await pilot.pause()
        assert highlighted_channel(app) == "Old forum account Blocked"
        await pilot.press("delete")
        await pilot.pause()
        assert highlighted_channel(app) == above
        assert "Old forum" not in screen_words(app)
        await pilot.press("ctrl+z")
        await pilot.pause()
        assert highlighted_channel(app).startswith("Old forum account")
        await pilot.press("up")
        await pilot.pause()
        assert highlighted_channel(app) == above


# Every character shows ------------------------------------------------------------------------


async def test_table_cells_keep_every_character_of_wide_text(make_app, data_dir) -> None:
    """A win and a date holding emoji are shown whole: the columns are as wide as the
    terminal draws them, so no last character (or cake) goes missing."""
    seed(data_dir, start=date(2026, 9, 1))
    repository = reopen(data_dir)
    repository.wins.save(Win(on=day(0), text="[b]yay[/b] 🎉", logged_at=NOW))
    repository.wins.save(Win(on=day(1), text="🎉🎉 a quiet day 🎉🎉", logged_at=NOW))
    repository.dates.save(
        MarkedDate(name="Their birthday 🎂", month=12, day=1, logged_at=NOW, plan="🎂 cake 🎂")
    )
    repository.close()
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        app.action_command("wins.show")
        await pilot.pause()
        shown = screen_text(app)
        assert "[b]yay[/b] 🎉" in shown
        assert "🎉🎉 a quiet day 🎉🎉" in shown
        await pilot.press("escape")
        await pilot.pause()
        app.action_command("dates.show")
        await pilot.pause()
        shown = screen_text(app)
        assert "Their birthday 🎂" in shown
        assert "🎂 cake 🎂" in shown


def test_a_line_is_cut_to_the_cells_it_is_given() -> None:
    """one_line measures in terminal cells: a wide character counts twice."""
    assert one_line("🎂🎂🎂", 6) == "🎂🎂🎂"
    assert one_line("🎂🎂🎂🎂", 6) == "🎂🎂…"
    assert cell_len(one_line("🎂" * 50, 9)) <= 9
    assert one_line("ab\ncd", 10) == "ab…"
