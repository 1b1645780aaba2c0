"""Every footer at 80x24 names where to turn now and how to hide the screen, first."""

from __future__ import annotations

import time
from datetime import date

import pytest

from companion.contacts.crisis import CrisisScreen
from companion.ui.keybar import KeyBar
from companion.urge.screen import UrgeScreen

from .support import footer_showing, seed

SCREENS = [
    pytest.param((), "MainScreen", id="main"),
    pytest.param(("s", "enter"), "SlipDialog", id="slip"),
    pytest.param(("d",), "StartDateDialog", id="start-day"),
    pytest.param(("h", "enter"), "HooverDialog", id="reached-out"),
    pytest.param(("l",), "SlipsScreen", id="slips"),
    pytest.param(("W",), "WinsScreen", id="wins"),
    pytest.param(("b",), "SafetyNoteDialog", id="checklist-note"),
    pytest.param(("u",), "UrgeStartDialog", id="urge-start"),
    pytest.param(("u", "5"), "UrgeScreen", id="urge"),
    pytest.param(("u", "5", "e"), "UrgeEndDialog", id="urge-end"),
    pytest.param(("r",), "ReviewScreen", id="review"),
    pytest.param(("!",), "CrisisScreen", id="crisis"),
    pytest.param(("L",), "LettersScreen", id="letters"),
    pytest.param(("3", "a"), "ReasonDialog", id="reason"),
    pytest.param(("3", "g"), "GuidedScreen", id="guided"),
    pytest.param(("t",), "DatesScreen", id="dates"),
    pytest.param(("m",), "ModeDialog", id="mode"),
    pytest.param(("2", "v"), "UrgeHistoryScreen", id="urge-history"),
    pytest.param(("1", "v"), "HooversScreen", id="reached-out-list"),
    pytest.param(("w",), "WinDialog", id="win"),
    pytest.param(("4", "a"), "PersonDialog", id="person"),
]


@pytest.mark.parametrize(("keys", "screen"), SCREENS)
async def test_the_crisis_key_and_quick_hide_are_in_every_footer(
    make_app, data_dir, keys, screen
) -> None:
    """Wherever the person is, the footer's first keys are the crisis view and hide."""
    seed(data_dir, start=date(2026, 10, 1), alias="Sam")
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        for key in keys:
            await pilot.press(key)
            await pilot.pause()
        assert type(app.screen).__name__ == screen
        footer = await footer_showing(pilot, "^l Hide")
        crisis = "^g Crisis" if "Crisis" in footer and "^g" in footer else "! Crisis"
        if screen != "CrisisScreen":
            assert crisis in footer, footer
            assert footer.index("Crisis") < 12, f"the crisis key is not first: {footer}"
        assert "^l Hide" in footer, footer


async def test_inside_a_dialog_the_footer_offers_the_key_that_works(make_app, data_dir) -> None:
    """In a dialog ! is refused, so the footer names ctrl+g, and ctrl+g does open the view."""
    seed(data_dir, start=date(2026, 10, 1), alias="Sam")
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("d")
        await pilot.pause()
        footer = await footer_showing(pilot, "^l Hide")
        assert "^g Crisis" in footer
        assert "! Crisis" not in footer
        await pilot.press("ctrl+g")
        await pilot.pause()
        assert type(app.screen).__name__ == "CrisisScreen"


async def test_quit_is_offered_on_the_main_screen(make_app, data_dir) -> None:
    """q is named in the main screen's footer at 80x24."""
    seed(data_dir, start=date(2026, 10, 1), alias="Sam")
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert "q Quit" in await footer_showing(pilot, "^l Hide")


async def test_full_screens_offer_only_keys_that_do_something(make_app, data_dir) -> None:
    """On the urge screen the footer no longer offers u (a session is already open), and
    on the crisis view it no longer offers ! (it is already showing); elsewhere both are."""
    seed(data_dir, start=date(2026, 10, 1))
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await footer_showing(pilot, "u Urge", "! Crisis")
        await pilot.press("u", "5")
        await pilot.pause()
        assert isinstance(app.screen, UrgeScreen)
        footer = await footer_showing(pilot, "e End", "! Crisis")
        assert "u Urge" not in footer
        await pilot.press("exclamation_mark")
        await pilot.pause()
        assert isinstance(app.screen, CrisisScreen)
        assert "! Crisis" not in await footer_showing(pilot, "Copy number")


async def wait_for(pilot, done, what: str, timeout: float = 30.0) -> None:
    """Poll until ``done()`` is true; fail after ``timeout`` seconds naming ``what``."""
    deadline = time.monotonic() + timeout
    while not done():
        assert time.monotonic() < deadline, f"never happened: {what}"
        await pilot.pause(0.05)


async def test_a_click_on_a_key_in_the_footer_presses_it(make_app, data_dir) -> None:
    """Someone with a mouse clicks "u Urge" at the foot of the main screen: the urge
    dialog opens, as the key would open it; a click on the gap between keys does nothing."""
    seed(data_dir, start=date(2026, 10, 1))
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        footer = await footer_showing(pilot, "u Urge")
        await pilot.click(KeyBar, offset=(footer.index("Win") + 3, 0))  # the space after it
        await pilot.pause()
        assert type(app.screen).__name__ == "MainScreen"
        await pilot.click(KeyBar, offset=(footer.index("u Urge") + 2, 0))
        await wait_for(pilot, lambda: type(app.screen).__name__ == "UrgeStartDialog", "urge")


async def test_keys_that_do_not_fit_are_left_out_whole(make_app, data_dir) -> None:
    """On a narrow terminal the footer never shows half a key: a key that does not fit
    is left out, and the palette's key stays at the right end."""
    seed(data_dir, start=date(2026, 10, 1))
    app = make_app()
    async with app.run_test(size=(60, 24)) as pilot:
        await pilot.press("W")  # the wins list offers more keys than 60 columns hold
        footer = await footer_showing(pilot, "^p palette")
        assert footer.rstrip().endswith("▏^p palette"), footer
        before = footer.split("▏")[0].rstrip()
        words = {"Crisis", "Hide", "Back", "Add", "Edit", "Remove", "Undo", "Urge", "Filter"}
        assert before.split()[-1] in words, f"a key was cut in half: {footer!r}"
        assert "Edit" in before and "Urge" not in before, footer
