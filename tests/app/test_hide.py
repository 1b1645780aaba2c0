"""Quick hide: ctrl+l covers the screen and any key brings back the one below."""

from __future__ import annotations

from datetime import date

from companion.ui.hide import HiddenScreen
from companion.urge.screen import UrgeScreen

from .support import seed


async def test_two_keys_on_the_hidden_screen_bring_back_only_it(make_app, data_dir) -> None:
    """Mashing keys after ctrl+l returns to the screen below, and no further."""
    seed(data_dir, start=date(2026, 10, 1))
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("u", "5")
        await pilot.pause()
        await pilot.press("ctrl+l")
        await pilot.pause()
        hidden = app.screen
        assert isinstance(hidden, HiddenScreen)
        hidden._leave()
        hidden._leave()  # a second key in the same instant
        await pilot.pause()
        assert isinstance(app.screen, UrgeScreen)
