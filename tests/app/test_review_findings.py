"""Keys that arrive together, names with brackets, and dialogs over dialogs: nothing breaks."""

from __future__ import annotations

from datetime import date

from textual.widgets import Input, TextArea

from companion.ui.crisis import CrisisScreen
from companion.ui.dialogs import StartDateDialog
from companion.ui.hide import HiddenScreen
from companion.ui.main_screen import MainScreen
from companion.ui.reason_dialog import ReasonDialog
from companion.ui.urge_dialogs import UnsentDialog
from companion.ui.urge_screen import UrgeScreen

from .support import reopen, seed


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


async def test_a_double_save_closes_only_the_dialog(make_app, data_dir) -> None:
    """Two saves arriving together close the dialog once; the screen below stays."""
    seed(data_dir, start=date(2026, 10, 1))
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("d")
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, StartDateDialog)
        dialog._save()
        dialog._save()
        await pilot.pause()
        assert isinstance(app.screen, MainScreen)


async def test_a_bracketed_name_in_the_unsent_message_box(make_app, data_dir) -> None:
    """A name like "[/]" is shown as typed, never read as markup (it used to crash)."""
    seed(data_dir, alias="[/]")
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("u", "5", "w")
        await pilot.pause()
        assert isinstance(app.screen, UnsentDialog)


async def test_a_dialog_over_a_dialog_loses_nothing(make_app, data_dir) -> None:
    """Mid-reason, ctrl+g and choosing a country, then back: the reason still saves."""
    seed(data_dir)
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("3", "a")
        await pilot.pause()
        app.screen.query_one("#text", TextArea).text = "they read my diary"
        await pilot.press("ctrl+g")
        await pilot.pause()
        await pilot.press("o")
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, CrisisScreen)
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, ReasonDialog)
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert [r.text for r in app.repository.reasons] == ["they read my diary"]


async def test_two_removals_two_undos(make_app, data_dir) -> None:
    """Deleting twice and pressing ctrl+z twice brings both reasons back."""
    from .test_reasons import seed_reasons

    seed_reasons(data_dir, "one", "two")
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("3", "delete")
        await pilot.pause()
        await pilot.press("delete")
        await pilot.pause()
        assert app.repository.reasons == []
        await pilot.press("ctrl+z")
        await pilot.pause()
        await pilot.press("ctrl+z")
        await pilot.pause()
        assert sorted(r.text for r in app.repository.reasons) == ["one", "two"]
    saved = reopen(data_dir)
    assert len(saved.reasons) == 2
    saved.close()


async def test_u_twice_then_a_digit_still_starts_the_timer(make_app, data_dir) -> None:
    """u pressed twice in a hurry, then a digit: the timer runs."""
    seed(data_dir)
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("u", "u", "5")
        await pilot.pause()
        assert isinstance(app.screen, UrgeScreen)
        assert app.current_urge is not None


async def test_typing_in_the_start_field_of_a_dialog_is_kept(make_app, data_dir) -> None:
    """A sanity check that the date field still takes what is typed."""
    seed(data_dir, start=date(2026, 10, 1))
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("d", *"yesterday")
        await pilot.pause()
        assert app.screen.query_one("#date", Input).value == "yesterday"
