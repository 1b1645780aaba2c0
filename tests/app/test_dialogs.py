"""Shared dialog behaviour: saves, dialogs over dialogs, keys inside, dropdowns, messages once."""

from __future__ import annotations

from datetime import date

import pytest
from textual.widgets import Input, TextArea

from companion.contacts.crisis import CrisisScreen
from companion.counter.dialogs import StartDateDialog
from companion.letters.dialog import UnsentDialog
from companion.main_screen import MainScreen
from companion.reasons.dialog import ReasonDialog

from ..conftest import NOW
from .support import break_the_disk, screen_text, screen_words, seed, steady_cursors, toasts


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


ONE_KEY_ELSEWHERE = ("u", "r", "h", "exclamation_mark", "q", "d", "s", "w", "m", "3", "7")
"""Keys that open or start something from the main screen; inside a dialog they must not."""


def _dialogs() -> list[object]:
    """Every dialog of the app, as a factory, with the keys that dialog itself answers."""
    from datetime import UTC, datetime

    from companion.checklist.dialogs import ChannelDialog, SafetyNoteDialog
    from companion.contacts.dialogs import (
        CountryDialog,
        HelplineDialog,
        LineDraft,
        PersonDialog,
        PersonDraft,
    )
    from companion.counter.dialogs import SlipDialog
    from companion.dates.dialog import DateDraft, MarkedDateDialog
    from companion.domain.helplines import load_shipped, shipped_text
    from companion.domain.urge import UrgeSession
    from companion.domain.urge_guidance import SKILLS
    from companion.hoovers.dialog import HooverDialog, HooverDraft
    from companion.modes.dialogs import ModeDialog, ModeDraft, NecessaryDialog, NecessaryDraft
    from companion.reasons.dialog import ReasonDraft
    from companion.settings.dialogs import AliasDialog
    from companion.ui.dialogs import ConfirmDialog, NoticeDialog
    from companion.urge.dialogs import SkillDialog, TriggerDialog, UrgeEndDialog, UrgeLengthDialog
    from companion.urge.start import UrgeStartDialog
    from companion.wins.dialog import WinDialog, WinDraft

    today = date(2026, 11, 25)
    now = datetime(2026, 11, 25, 10, 0, tzinfo=UTC)
    session = UrgeSession.start(6, now)
    countries = load_shipped(shipped_text()).countries
    return [
        pytest.param(lambda: StartDateDialog(today, "2026-10-01"), "", id="start-day"),
        pytest.param(lambda: SlipDialog(today, "Sam"), "", id="slip"),
        pytest.param(
            lambda: ConfirmDialog("Log a slip", "Contact happened?", "Log it"), "yn", id="confirm"
        ),
        pytest.param(lambda: NoticeDialog("A gentle caution", "Facts first."), "", id="notice"),
        pytest.param(lambda: AliasDialog("Sam"), "", id="alias"),
        pytest.param(lambda: UrgeLengthDialog(20), "", id="urge-length"),
        pytest.param(lambda: HooverDialog(today, HooverDraft(), "Sam"), "", id="hoover"),
        pytest.param(lambda: ModeDialog(today, ModeDraft()), "", id="mode"),
        pytest.param(lambda: NecessaryDialog(today, NecessaryDraft()), "", id="necessary"),
        pytest.param(lambda: WinDialog(today, WinDraft()), "", id="win"),
        pytest.param(lambda: MarkedDateDialog(DateDraft()), "", id="date"),
        pytest.param(lambda: ReasonDialog(today, ReasonDraft(), False), "", id="reason"),
        pytest.param(lambda: PersonDialog(PersonDraft(), False), "", id="person"),
        pytest.param(lambda: HelplineDialog(LineDraft(), False), "", id="helpline"),
        pytest.param(lambda: CountryDialog(countries, None, None), "", id="country"),
        pytest.param(lambda: UrgeStartDialog(20), "0123456789l", id="urge-start"),
        pytest.param(lambda: UrgeEndDialog(session, now, "Sam"), "1234", id="urge-end"),
        pytest.param(lambda: UnsentDialog("", "Sam"), "", id="unsent"),
        pytest.param(lambda: TriggerDialog(), "", id="trigger"),
        # The skill card closes on any key but the global ones: only ! is left to try.
        pytest.param(lambda: SkillDialog(next(iter(SKILLS.values()))), "urhqdswm37", id="skill"),
        pytest.param(lambda: SafetyNoteDialog("no", "Sam"), "ymn", id="safety-note"),
        pytest.param(lambda: ChannelDialog("", False), "", id="channel"),
    ]


def _focus_off_the_text(screen) -> None:
    """Put the focus where no text is typed: a button if there is one, else a list."""
    from textual.widgets import Button

    buttons = [b for b in screen.query(Button) if b.focusable]
    others = [w for w in screen.query("*") if w.focusable and not isinstance(w, Input | TextArea)]
    target = (buttons or others or [None])[0]
    if target is not None:
        screen.set_focus(target)


@pytest.mark.parametrize(("make_dialog", "own_keys"), _dialogs())
async def test_letters_in_a_dialog_open_nothing_else(make_app, data_dir, make_dialog, own_keys):
    """With focus on a button of any dialog, u r h ! and other keys of the main screen
    open no other screen and start no urge; only the dialog's own keys do anything."""
    seed(data_dir, start=date(2026, 10, 1), alias="Sam")
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        dialog = make_dialog()
        app.push_screen(dialog)
        await pilot.pause()
        _focus_off_the_text(dialog)
        await pilot.pause()
        stack = list(app.screen_stack)
        for key in ONE_KEY_ELSEWHERE:
            if len(key) == 1 and key in own_keys:
                continue
            await pilot.press(key)
            await pilot.pause()
            assert list(app.screen_stack) == stack, f"{key} opened {app.screen!r}"
        assert app.ctx.running_urge is None
        assert not app.repository.urges
        assert app.screen is dialog


async def test_typing_after_tabbing_to_a_button_starts_nothing(make_app, data_dir) -> None:
    """The walk that found it: necessary contact, tab to a button, then r and some words."""
    from companion.domain.modes import ModeChange
    from companion.modes.dialogs import NecessaryDialog
    from companion.store.repository import Repository

    seed(data_dir, start=date(2026, 10, 1))
    repo = Repository.open(data_dir)
    repo.modes.save(ModeChange("low", date(2026, 10, 1), NOW))
    repo.close()
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("n")
        await pilot.pause()
        assert isinstance(app.screen, NecessaryDialog)
        await pilot.press("tab", "tab")
        await pilot.pause()
        assert not isinstance(app.focused, Input | TextArea)
        await pilot.press("r", *"pick-up times")
        await pilot.pause()
        assert isinstance(app.screen, NecessaryDialog)
        assert len(app.screen_stack) == 2
        assert app.ctx.running_urge is None


async def _open_dropdown(pilot, selector: str) -> None:
    """Move to the dropdown ``selector`` and open it."""
    from textual.widgets import Select

    field = pilot.app.screen.query_one(selector, Select)
    pilot.app.screen.set_focus(field)
    await pilot.pause()
    await pilot.press("enter")
    await pilot.pause()
    assert field.expanded


async def _hoover_dropdown(pilot) -> None:
    """The hoover dialog with its "How" list open."""
    await pilot.press("h")
    await pilot.pause()
    await _open_dropdown(pilot, "#channel")


def _seed_for_hoovers(data_dir) -> None:
    """A start day, and the first-use caution already seen."""
    from companion.store.repository import Repository

    seed(data_dir, start=date(2026, 10, 1))
    repo = Repository.open(data_dir)
    repo.save_hoover_caution_seen()
    repo.close()


@pytest.mark.parametrize("size", [(80, 24), (120, 40)])
async def test_an_open_dropdown_is_a_box_of_its_own(make_app, data_dir, size) -> None:
    """The open list of ways they reached out is framed, and no letter of the labels
    beside it runs into its options (it read "WA call", "HIn person")."""
    _seed_for_hoovers(data_dir)
    app = make_app()
    async with app.run_test(size=size) as pilot:
        await _hoover_dropdown(pilot)
        lines = screen_text(app).splitlines()
        first = next(line for line in lines if "A call" in line)
        assert "│A call" in first
        assert "WA call" not in first
        person = next(line for line in lines if "In person" in line)
        assert "│In person" in person


async def test_the_welcome_country_list_is_a_box_of_its_own(make_app) -> None:
    """The country list on the welcome is framed, over the fields behind it."""
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await _open_dropdown(pilot, "#country")
        lines = screen_text(app).splitlines()
        assert any("│England" in line for line in lines)
        assert not any("▎" in line and "│Scotland" in line for line in lines)


@pytest.mark.parametrize(
    "size", [pytest.param((80, 24), id="80x24"), pytest.param((120, 40), id="120x40")]
)
def test_open_dropdown_snapshot(snap_compare, make_app, data_dir, size) -> None:
    """The hoover dialog with "How" open: a framed list over the dialog, A call to
    Through someone else, the current choice highlighted, nothing showing through."""
    _seed_for_hoovers(data_dir)

    async def run_before(pilot) -> None:
        await _hoover_dropdown(pilot)
        steady_cursors(pilot.app)
        await pilot.pause()

    assert snap_compare(make_app(), terminal_size=size, run_before=run_before)


async def test_an_unreadable_date_is_said_once(make_app, data_dir) -> None:
    """d, "asdfgh", enter: the dialog says once, under the field, that it can't read it."""
    seed(data_dir, start=date(2026, 10, 1))
    app = make_app()
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await pilot.press("d", "ctrl+u", *"asdfgh", "enter")
        await pilot.pause()
        assert isinstance(app.screen, StartDateDialog)
        assert screen_words(app).count("I couldn't read that as a date") == 1
        assert toasts(app) == ""


async def _slip_dated(pilot, day: str) -> None:
    """s, yes, then a slip on ``day``, saved."""
    await pilot.press("s")
    await pilot.pause()
    await pilot.press("y")
    await pilot.pause()
    await pilot.press("ctrl+u", *day, "ctrl+s")
    await pilot.pause()


async def test_a_slip_before_the_start_is_said_once_in_the_dialog(make_app, data_dir) -> None:
    """A slip dated before No Contact began: the dialog comes back saying why, above its
    buttons, with no notice on top; changing the date takes the message away."""
    from companion.counter.dialogs import SlipDialog

    seed(data_dir, start=date(2026, 10, 1))
    app = make_app()
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await _slip_dated(pilot, "2026-09-01")
        assert isinstance(app.screen, SlipDialog)
        assert app.screen.query_one("#when", Input).value == "2026-09-01"
        words = screen_words(app)
        assert words.count("a slip needs to be on or") == 1
        assert "Log it Cancel" in words
        assert toasts(app) == ""
        await pilot.press("ctrl+u", *"2026-10-02")
        await pilot.pause()
        assert "a slip needs to be on or after" not in screen_words(app)
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, MainScreen)
        assert [s.on for s in app.repository.history.slips] == [date(2026, 10, 2)]


async def test_a_start_day_after_a_slip_is_said_in_the_dialog(make_app, data_dir) -> None:
    """A start day after a logged slip is refused inside the start-day dialog, once."""
    seed(data_dir, start=date(2026, 10, 1), slips=[(date(2026, 10, 20), "messaged", "")])
    app = make_app()
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await pilot.press("d", "ctrl+u", *"2026-11-01", "enter")
        await pilot.pause()
        assert isinstance(app.screen, StartDateDialog)
        assert screen_words(app).count("A slip is logged on") == 1
        assert toasts(app) == ""
        assert app.repository.history.start == date(2026, 10, 1)


async def test_a_notice_over_a_dialog_leaves_its_buttons_clear(
    make_app, data_dir, monkeypatch
) -> None:
    """With the disk failing, the notice shows at the top at 80x24, not over Log it and
    Cancel."""
    from textual.widgets import Button
    from textual.widgets._toast import Toast

    seed(data_dir, start=date(2026, 10, 1))
    app = make_app()

    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        break_the_disk(app, monkeypatch)
        await _slip_dated(pilot, "2026-11-01")
        await pilot.pause()
        assert "Could not save" in toasts(app)
        notices = [toast.region for toast in app.screen.query(Toast)]
        buttons = [button.region for button in app.screen.query(Button)]
        assert notices and buttons
        assert not any(n.overlaps(b) for n in notices for b in buttons)
