"""When they reach out: logged with h from anywhere, never counted against the person."""

from __future__ import annotations

from datetime import date

import pytest
from textual.widgets import Checkbox, Input, Select, TextArea

from companion.contacts.crisis import CrisisScreen
from companion.counter.dialogs import SlipDialog
from companion.domain.hoovers import CHANNELS, Hoover
from companion.hoovers.dialog import HooverDialog
from companion.hoovers.log import HooversScreen
from companion.main_screen import MainScreen
from companion.ui.dialogs import ConfirmDialog, NoticeDialog
from companion.urge.screen import UrgeScreen

from ..conftest import NOW
from .support import add, reopen, rows, screen_text, screen_words, seed


async def test_h_logs_it_and_the_streak_is_untouched(make_app, data_dir) -> None:
    """h, a caution the first time, then the log; the counter keeps its days and counts it."""
    seed(data_dir, start=date(2026, 9, 1), alias="Sam")
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()  # the panes are drawn once laid out
        before = [line for line in screen_text(app).splitlines() if "Longest" in line]
        await pilot.press("h")
        await pilot.pause()
        assert isinstance(app.screen, NoticeDialog)
        assert "Facts first: when it happened, how" in screen_words(app)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, HooverDialog)
        assert "Sam reached out" in screen_text(app)
        app.screen.query_one("#said", TextArea).text = "[b]I've changed[/b], they said."
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, MainScreen)
        text = screen_text(app)
        assert "Sam reached out 1 time, not answered" in text
        assert [line for line in text.splitlines() if "Longest" in line] == before
        await pilot.press("h")  # the caution is shown once only
        await pilot.pause()
        assert isinstance(app.screen, HooverDialog)
    saved = reopen(data_dir)
    assert [h.said for h in saved.hoovers] == ["[b]I've changed[/b], they said."]
    assert saved.history.slips == ()
    saved.close()


async def test_feeling_unsafe_opens_the_crisis_view(make_app, data_dir) -> None:
    """Ticking "this made me feel unsafe" brings the crisis contacts at once."""
    seed(data_dir, start=date(2026, 9, 1))
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("h", "enter")
        await pilot.pause()
        app.screen.query_one("#unsafe", Checkbox).value = True
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, CrisisScreen)


async def test_answering_offers_the_slip_gently(make_app, data_dir) -> None:
    """ "I answered" is logged, then a slip is offered kindly, never forced."""
    seed(data_dir, start=date(2026, 9, 1))
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("h", "enter")
        await pilot.pause()
        app.screen.query_one("#answered", Checkbox).value = True
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmDialog)
        assert "that's all right" in screen_words(app)
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, MainScreen)
        assert "reached out" not in screen_text(app)  # answered: not in the unanswered count
    saved = reopen(data_dir)
    assert [h.answered for h in saved.hoovers] == [True]
    assert saved.history.slips == ()
    saved.close()


async def test_h_from_inside_an_urge_session(make_app, data_dir) -> None:
    """Mid-urge, h logs that they reached out; escape from it returns to the timer."""
    seed(data_dir, start=date(2026, 9, 1))
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("u", "6")
        await pilot.pause()
        await pilot.press("h", "enter")
        await pilot.pause()
        assert isinstance(app.screen, HooverDialog)
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, UrgeScreen)


async def test_the_first_note_is_calm_and_promises_only_what_is_true(make_app, data_dir) -> None:
    """The note before the first entry puts facts first and says the log stays on this
    computer; nothing warns that they will read it, and no export is promised."""
    seed(data_dir, start=date(2026, 9, 1), alias="Sam")
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("h")
        await pilot.pause()
        assert isinstance(app.screen, NoticeDialog)
        words = screen_words(app)
        assert words.index("Facts first") < words.index("stays on this computer")
        assert "advocate, a lawyer or a court" in words
        assert "seen by them" not in words
        assert "comfortable with them reading" not in words
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, HooverDialog)
        words = screen_words(app)
        assert "How it felt (optional, just for you)" in words
        assert "export" not in words.lower()


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
