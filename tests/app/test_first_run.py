"""The first start: a welcome, two optional questions, and the main screen after."""

from __future__ import annotations

from datetime import date

from companion.main_screen import MainScreen
from companion.welcome.screen import WelcomeScreen

from .support import reopen, screen_text


async def test_welcome_saves_start_and_alias(make_app, data_dir) -> None:
    """A new person sees the welcome, types a start day and a name, and lands on their count."""
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, WelcomeScreen)
        assert "nothing you write leaves this computer" in screen_text(app)
        assert "A passphrase can seal it all" in screen_text(app)
        await pilot.press(*"3 weeks ago")
        await pilot.pause()
        assert "Wed 4 Nov 2026" in screen_text(app)
        await pilot.press("enter", *"Sam", "enter")
        await pilot.pause()
        assert isinstance(app.screen, MainScreen)
        text = screen_text(app)
        assert "3 weeks since Wed 4 Nov 2026" in text
        assert "Longest 21 days" in text
    saved = reopen(data_dir)
    try:
        assert saved.history.start == date(2026, 11, 4)
        assert saved.profile.alias == "Sam"
        assert saved.profile.welcomed
    finally:
        saved.close()


async def test_welcome_can_be_skipped(make_app, data_dir) -> None:
    """Escape skips both questions; the counter kindly asks for a start day later."""
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, MainScreen)
        assert "When did No Contact begin?" in screen_text(app)
    saved = reopen(data_dir)
    try:
        assert saved.profile.welcomed
        assert saved.history.start is None
    finally:
        saved.close()


async def test_welcome_refuses_a_future_day_and_keeps_the_text(make_app, data_dir) -> None:
    """A day still to come gets a clear message; what was typed stays for correcting."""
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press(*"2030-01-01", "tab", *"Sam", "ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, WelcomeScreen)
        assert "hasn't happened yet" in screen_text(app)
        assert app.screen.query_one("#start").value == "2030-01-01"
        assert app.screen.query_one("#alias").value == "Sam"


async def test_welcome_is_shown_once(make_app) -> None:
    """After the welcome, the next start goes straight to the main screen."""
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("q")
        await pilot.pause()
    again = make_app()
    async with again.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert isinstance(again.screen, MainScreen)


async def test_welcome_offers_the_country_from_the_locale(make_app, data_dir, monkeypatch) -> None:
    """With an Australian locale, Australia is offered; beginning keeps it for helplines."""
    monkeypatch.setenv("LANG", "en_AU.UTF-8")
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert "Australia" in screen_text(app)
        await pilot.press("enter", "enter")  # no date, no name: begin
        await pilot.pause()
    saved = reopen(data_dir)
    try:
        assert saved.country == "AU"
    finally:
        saved.close()


async def test_welcome_country_can_wait(make_app, data_dir) -> None:
    """With no guess, the country is left for later."""
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert "Choose later" in screen_text(app)
        await pilot.press("enter", "enter")
        await pilot.pause()
    saved = reopen(data_dir)
    try:
        assert saved.country is None
    finally:
        saved.close()


async def test_the_welcome_sits_in_the_middle_of_a_large_terminal(make_app) -> None:
    """At 120x40 the welcome box is centred, with as much room above it as below."""
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        lines = screen_text(app).splitlines()
        top = next(i for i, line in enumerate(lines) if "╭" in line)
        bottom = next(i for i, line in enumerate(lines) if "╰" in line)
        above, below = top, len(lines) - 1 - bottom - 1  # the footer's line is not room
        assert above > 2
        assert abs(above - below) <= 1
