"""Settings remembered across restarts: the theme and the guided-writing voice."""

from __future__ import annotations

from datetime import date

from .support import screen_words, seed


async def test_a_chosen_theme_is_still_chosen_after_a_restart(make_app, data_dir) -> None:
    """ctrl+p, theme, nord: after quitting and starting again the app is still in nord."""
    seed(data_dir, start=date(2026, 10, 1))
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        assert app.theme != "nord"
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*"theme")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await pilot.pause(0.3)
        await pilot.press(*"nord")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await pilot.pause()
        assert app.theme == "nord"
    again = make_app()
    async with again.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert again.theme == "nord"


async def test_the_guided_voice_is_still_chosen_after_a_restart(make_app, data_dir) -> None:
    """ctrl+t in guided writing picks "write to yourself"; next time it opens that way."""
    from companion.domain.reasons import VOICES

    seed(data_dir)
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("3", "g")
        await pilot.pause()
        await pilot.press("ctrl+t")
        await pilot.pause()
        assert "Write to yourself, as a friend would" in screen_words(app)
        await pilot.press("escape")
        await pilot.pause()
    again = make_app()
    async with again.run_test(size=(120, 40)) as pilot:
        await pilot.press("3", "g")
        await pilot.pause()
        assert VOICES["you"] in screen_words(again)
        assert VOICES["i"] not in screen_words(again)
