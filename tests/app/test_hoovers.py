"""When they reach out: logged with h from anywhere, never counted against the person."""

from __future__ import annotations

from datetime import date

from textual.widgets import Checkbox, TextArea

from companion.contacts.crisis import CrisisScreen
from companion.hoovers.dialog import HooverDialog
from companion.main_screen import MainScreen
from companion.ui.dialogs import ConfirmDialog, NoticeDialog
from companion.urge.screen import UrgeScreen

from .support import reopen, screen_text, screen_words, seed


async def test_h_logs_it_and_the_streak_is_untouched(make_app, data_dir) -> None:
    """h, a caution the first time, then the log; the counter keeps its days and counts it."""
    seed(data_dir, start=date(2026, 9, 1), alias="Sam")
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
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
