"""Urge surfing: from one key and a digit to a saved session, and back after a restart."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from textual.widgets import Input, TextArea

from companion.contacts.crisis import CrisisScreen
from companion.counter.dialogs import SlipDialog, StartDateDialog
from companion.domain.dates import format_moment
from companion.domain.urge import UrgeSession
from companion.letters.dialog import UnsentDialog
from companion.main_screen import MainScreen
from companion.store.repository import Repository
from companion.ui.dialogs import ConfirmDialog
from companion.ui.long_table import LongTable
from companion.urge.dialogs import SkillDialog, UrgeEndDialog
from companion.urge.history import UrgeHistoryScreen
from companion.urge.screen import UrgeScreen
from companion.urge.start import UrgeStartDialog

from ..conftest import NOW
from .support import (
    footer_showing,
    history_read,
    reopen,
    screen_text,
    screen_words,
    seed,
    toasts,
)


async def start_session(pilot, rating: str = "7") -> None:
    """Press u and a digit, as a person in a craving would."""
    await pilot.press("u")
    await pilot.pause()
    await pilot.press(rating)
    await pilot.pause()


async def test_u_and_a_digit_start_the_timer_at_once(make_app, data_dir) -> None:
    """Two keys: the timer is running and the session is already saved."""
    seed(data_dir, start=date(2026, 10, 1))
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("u")
        await pilot.pause()
        assert isinstance(app.screen, UrgeStartDialog)
        assert "one step away from reaching out" in screen_text(app)
        await pilot.press("7")
        await pilot.pause()
        assert isinstance(app.screen, UrgeScreen)
        text = screen_text(app)
        assert "0:00 in · 20:00 left" in text
        assert "Name it" in text
        assert "Breathe in" in text
    saved = reopen(data_dir)
    (session,) = saved.urges
    assert session.running and session.first == 7 and session.minutes == 20
    saved.close()


async def test_check_ins_draw_the_wave_and_are_saved(make_app, data_dir, clock) -> None:
    """After two minutes the screen asks again; one digit answers and is saved."""
    seed(data_dir)
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await start_session(pilot, "6")
        assert "How strong is it now?" not in screen_text(app)
        clock.advance(minutes=2)
        await pilot.pause(0.3)
        text = screen_text(app)
        assert "How strong is it now? Press 0 to 9." in text
        assert "2:00 in · 18:00 left" in text
        await pilot.press("9")
        await pilot.pause()
        text = screen_text(app)
        assert "Now: 9" in text
        assert "Take a step back" not in text  # skills are offered by name, not dumped
        assert "TIPP" in text  # at 8 or more: TIPP, STOP, a safe person
    saved = reopen(data_dir)
    assert [r.value for r in saved.urges[0].ratings] == [6, 9]
    saved.close()


async def test_skill_card_carries_its_caution(make_app, data_dir) -> None:
    """At a 9, a opens TIPP, and the medical caution is shown with it."""
    seed(data_dir)
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await start_session(pilot, "9")
        await pilot.press("a")
        await pilot.pause()
        assert isinstance(app.screen, SkillDialog)
        assert "heart condition" in screen_text(app)
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, UrgeScreen)


async def test_extend_adds_five_minutes(make_app, data_dir) -> None:
    """+ gives five more minutes, and the new length is saved."""
    seed(data_dir)
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await start_session(pilot)
        await pilot.press("plus")
        await pilot.pause()
        assert "25:00 left" in screen_text(app)
    saved = reopen(data_dir)
    assert saved.urges[0].minutes == 25
    saved.close()


async def test_time_up_is_marked_quietly(make_app, data_dir, clock) -> None:
    """When the time is up the screen says so, and the session stays open until closed."""
    seed(data_dir)
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await start_session(pilot)
        clock.advance(minutes=21)
        await pilot.pause(0.3)
        assert "Time's up" in screen_text(app)
        assert app.screen.has_class("-time-up")
        assert isinstance(app.screen, UrgeScreen)


async def test_quick_breathing_space(make_app, data_dir, clock) -> None:
    """l before the digit picks the three-minute breathing space, step by step."""
    seed(data_dir)
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("u", "l")
        await pilot.pause()
        assert "3-minute breathing space" in screen_text(app)
        await pilot.press("5")
        await pilot.pause()
        assert "3:00 left" in screen_text(app)
        assert "Stop" in screen_text(app)
        clock.advance(seconds=75)
        await pilot.pause(0.3)
        assert "Breathe" in screen_text(app)


async def test_open_session_has_no_end_time(make_app, data_dir) -> None:
    """l twice picks "until it eases": elapsed time only."""
    seed(data_dir)
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("u", "l", "l")
        await pilot.pause()
        assert "until it eases" in screen_text(app)
        await pilot.press("4")
        await pilot.pause()
        assert "0:00 in" in screen_text(app)
        assert "left" not in screen_text(app).split("\n")[1]


async def test_crisis_key_inside_a_session_and_back(make_app, data_dir) -> None:
    """! from the session shows where to turn; escape goes back to the running timer."""
    seed(data_dir)
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await start_session(pilot)
        await pilot.press("exclamation_mark")
        await pilot.pause()
        assert isinstance(app.screen, CrisisScreen)
        assert "emergency number" in screen_text(app)
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, UrgeScreen)


async def test_not_safe_opens_the_crisis_view(make_app, data_dir) -> None:
    """Answering "not really" to the safety question brings help first."""
    seed(data_dir)
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await start_session(pilot)
        await pilot.press("n")
        await pilot.pause()
        assert isinstance(app.screen, CrisisScreen)
    saved = reopen(data_dir)
    assert saved.urges[0].unsafe
    saved.close()


async def test_ctrl_g_from_the_unsent_message_keeps_the_words(make_app, data_dir) -> None:
    """Mid-sentence in the message box, ctrl+g shows help; escape returns with the words."""
    seed(data_dir, alias="Sam")
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await start_session(pilot)
        await pilot.press("w")
        await pilot.pause()
        assert isinstance(app.screen, UnsentDialog)
        assert "Write everything you want to say to Sam" in screen_text(app)
        await pilot.press(*"I miss you! [b]really[/b]")
        await pilot.press("ctrl+g")
        await pilot.pause()
        assert isinstance(app.screen, CrisisScreen)
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, UnsentDialog)
        assert app.screen.query_one("#unsent", TextArea).text == "I miss you! [b]really[/b]"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, UrgeScreen)
    saved = reopen(data_dir)
    (letter,) = saved.letters
    assert letter.text == "I miss you! [b]really[/b]"
    assert letter.session_id == saved.urges[0].id
    saved.close()


async def test_letters_typed_in_a_field_stay_letters(make_app, data_dir) -> None:
    """u and ! typed into a text field are text, not keys that open things."""
    seed(data_dir, start=date(2026, 10, 1))
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("d")
        await pilot.pause()
        await pilot.press("u", "exclamation_mark")
        await pilot.pause()
        assert isinstance(app.screen, StartDateDialog)
        assert app.screen.query_one("#date", Input).value == "u!"


@pytest.mark.parametrize(
    ("key", "outcome", "said"),
    [
        ("1", "not_contacted", "Closed. You stayed with something hard."),
        ("2", "deciding", "Closed. You stayed with something hard."),
        ("4", "they_contacted", "Being contacted never counts against you."),
    ],
)
async def test_each_way_a_session_can_end(make_app, data_dir, key, outcome, said) -> None:
    """e shows the wave and the outcomes; one key closes the session and it is saved."""
    seed(data_dir, alias="Sam")
    app = make_app()
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await start_session(pilot)
        await pilot.press("e")
        await pilot.pause()
        assert isinstance(app.screen, UrgeEndDialog)
        assert "I didn't contact Sam" in screen_text(app)
        assert "Sam contacted me" in screen_text(app)
        await pilot.press("tab", *"a walk", "shift+tab", key)
        await pilot.pause()
        assert isinstance(app.screen, MainScreen)
        assert said in toasts(app)
        assert "Sessions closed: 1 (1 in 7 days)" in screen_words(app)
    saved = reopen(data_dir)
    (session,) = saved.urges
    assert session.outcome == outcome and session.helped == "a walk"
    assert not session.running
    saved.close()


async def test_contacted_them_opens_the_slip_gently(make_app, data_dir) -> None:
    """ "I contacted them" asks, kindly, whether to log a slip; yes opens the slip form."""
    seed(data_dir, start=date(2026, 10, 1))
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await start_session(pilot)
        await pilot.press("e")
        await pilot.pause()
        await pilot.press("3")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmDialog)
        assert "doesn't undo" in screen_text(app)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, SlipDialog)
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, MainScreen)
    saved = reopen(data_dir)
    assert saved.urges[0].outcome == "contacted"
    assert len(saved.history.slips) == 1
    saved.close()


async def test_resume_after_a_restart_shows_the_true_time(make_app, data_dir, clock) -> None:
    """Closed mid-session (or killed), the next start offers to resume with the real time."""
    seed(data_dir)
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await start_session(pilot)
        clock.advance(minutes=1)
        await pilot.press("4")
        await pilot.pause()
    clock.advance(minutes=6, seconds=30)  # the app was closed for a while
    again = make_app()
    async with again.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert isinstance(again.screen, ConfirmDialog)
        assert "(7 minutes" in screen_words(again)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(again.screen, UrgeScreen)
        assert "7:30 in · 12:30 left" in screen_text(again)
        # The last rating was 6½ minutes ago, so a check-in is due at once.
        assert "How strong is it now?" in screen_text(again)


async def test_close_a_session_left_open(make_app, data_dir, clock) -> None:
    """Or the person closes the old session with how it went."""
    seed(data_dir)
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await start_session(pilot)
    clock.advance(hours=3)
    again = make_app()
    async with again.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("n")  # "Close it"
        await pilot.pause()
        assert isinstance(again.screen, UrgeEndDialog)
        await pilot.press("1")
        await pilot.pause()
        assert isinstance(again.screen, MainScreen)
    saved = reopen(data_dir)
    assert saved.urges[0].outcome == "not_contacted"
    saved.close()


async def test_escape_leaves_the_timer_running(make_app, data_dir, clock) -> None:
    """Escape goes back to the panes; the pane says a session runs; u returns to it."""
    seed(data_dir)
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await start_session(pilot)
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, MainScreen)
        assert "A session is running" in screen_text(app)
        clock.advance(minutes=3)
        await pilot.press("u")
        await pilot.pause()
        assert isinstance(app.screen, UrgeScreen)
        assert "3:00 in" in screen_text(app)


async def test_history_and_personal_figures(make_app, data_dir, clock) -> None:
    """After five sessions, v in the pane shows each one and the person's own urge curve."""
    seed(data_dir)
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        for _ in range(5):
            await start_session(pilot, "6")
            clock.advance(minutes=4)
            await pilot.press("9")
            clock.advance(minutes=4)
            await pilot.press("3")
            await pilot.press("e")
            await pilot.pause()
            await pilot.press("1")
            await pilot.pause()
            clock.advance(hours=5)
        assert "Sessions closed: 5 (5 in 7 days)" in screen_words(app)
        await pilot.press("2", "v")
        await pilot.pause()
        assert isinstance(app.screen, UrgeHistoryScreen)
        await history_read(pilot)
        text = screen_text(app)
        flat = screen_words(app)
        assert "usually strongest about 4 minutes in" in flat
        assert "In 5 of them it fell to half its peak or less, usually by about 8" in flat
        assert text.count("I didn't contact them") == 5


async def test_session_length_is_a_setting(make_app, data_dir) -> None:
    """From the palette the default length changes; the next session uses it."""
    seed(data_dir)
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        app.action_command("urge.length")
        await pilot.pause()
        await pilot.press("ctrl+u", *"200", "enter")
        await pilot.pause()
        assert "from 5 to 120" in screen_text(app)
        await pilot.press("ctrl+u", *"30", "enter")
        await pilot.pause()
        await start_session(pilot)
        assert "0:00 in · 30:00 left" in screen_text(app)
    saved = reopen(data_dir)
    assert saved.profile.urge_minutes == 30
    saved.close()


async def test_what_helped_is_shown_as_typed(make_app, data_dir) -> None:
    """The history shows what helped in the person's own words, markup and all."""
    seed(data_dir)
    app = make_app()
    async with app.run_test(size=(160, 40)) as pilot:
        await start_session(pilot)
        await pilot.press("e")
        await pilot.pause()
        await pilot.press("tab", *"[b]my sister[/b]", "shift+tab", "1")
        await pilot.pause()
        await pilot.press("2", "v")
        await pilot.pause()
        assert "[b]my sister[/b]" in screen_text(app)


async def test_coming_back_to_what_helped_never_replaces_it(make_app, data_dir) -> None:
    """Enter, shift+tab back into the note and a digit: the digit joins the words."""
    seed(data_dir)
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await start_session(pilot)
        await pilot.press("e")
        await pilot.pause()
        await pilot.press("tab", *"a walk", "enter", "shift+tab")
        await pilot.pause()
        helped = app.screen.query_one("#helped", Input)
        assert app.focused is helped
        await pilot.press(*" 2 times")
        await pilot.pause()
        assert isinstance(app.screen, UrgeEndDialog)
        assert helped.value == "a walk 2 times"
        await pilot.press("tab", "1")
        await pilot.pause()
        assert isinstance(app.screen, MainScreen)
    saved = reopen(data_dir)
    assert saved.urges[0].helped == "a walk 2 times"
    saved.close()


async def test_focus_never_selects_what_helped(make_app, data_dir) -> None:
    """Back in the note after enter, a key typed straight away adds to the words."""
    seed(data_dir)
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await start_session(pilot)
        await pilot.press("e")
        await pilot.pause()
        await pilot.press("tab", *"a walk", "enter", "shift+tab", "s")
        await pilot.pause()
        assert app.screen.query_one("#helped", Input).value == "a walks"


async def test_digits_in_the_unsent_letter_stay_words(make_app, data_dir) -> None:
    """Digits typed into the letter are text: they neither rate the urge nor close anything."""
    seed(data_dir)
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await start_session(pilot, "7")
        await pilot.press("w")
        await pilot.pause()
        await pilot.press(*"3 years 9 months")
        await pilot.pause()
        assert isinstance(app.screen, UnsentDialog)
        assert app.screen.query_one("#unsent", TextArea).text == "3 years 9 months"
        assert [r.value for r in app.ctx.running_urge.ratings] == [7]


async def close_session(pilot, clock, ratings: str = "63", outcome: str = "1") -> None:
    """A whole session: u, the first rating, a later one, then e and how it ended."""
    await start_session(pilot, ratings[0])
    for rating in ratings[1:]:
        clock.advance(minutes=3)
        await pilot.press(rating)
    await pilot.press("e")
    await pilot.pause()
    await pilot.press(outcome)
    await pilot.pause()
    clock.advance(hours=2)


async def test_a_first_running_session_is_not_called_no_sessions(make_app, data_dir) -> None:
    """Back on the panes during the very first session: it runs, and nothing says "none"."""
    seed(data_dir)
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await start_session(pilot)
        await pilot.press("escape")
        await pilot.pause()
        words = screen_words(app)
        assert "A session is running" in words
        assert "No sessions yet" not in words


async def test_still_deciding_is_not_counted_as_not_reaching_out(make_app, data_dir, clock) -> None:
    """One session ended "Still deciding": it is counted as closed, and as nothing more."""
    seed(data_dir)
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await close_session(pilot, clock, outcome="2")
        words = screen_words(app)
        assert "Sessions closed: 1 (1 in 7 days)" in words
        assert "without reaching out" not in words
        assert "Not acted on" not in words
        assert "Peak of" not in words  # one session is not a chart
        assert "last 1" not in words


async def test_the_chart_and_the_count_of_held_back_urges(make_app, data_dir, clock) -> None:
    """After three sessions, one ended "I didn't contact them": the pane counts exactly that."""
    seed(data_dir)
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        for outcome in "213":
            await close_session(pilot, clock, outcome=outcome)
            if outcome == "3":  # the gentle slip question
                await pilot.press("escape")
                await pilot.pause()
        words = screen_words(app)
        assert "Sessions closed: 3 (3 in 7 days)" in words
        assert "Ended without reaching out: 1" in words
        assert "Peak of your last 3 sessions" in words


async def test_figures_never_say_zero_minutes(make_app, data_dir, clock) -> None:
    """Five sessions strongest at the very start read "right at the start", not "0 minutes"."""
    seed(data_dir)
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        for _ in range(4):
            await close_session(pilot, clock, ratings="81")
        await pilot.press("2", "v")
        await pilot.pause()
        words = screen_words(app)
        assert "After 5 closed sessions (you have closed 4 so far)" in words
        await pilot.press("escape")
        await pilot.pause()
        await close_session(pilot, clock, ratings="81")
        await pilot.press("2", "v")
        await pilot.pause()
        words = screen_words(app)
        assert "the pull was usually at its strongest right at the start" in words
        assert "0 minutes" not in words
        assert "usually by about 3 minutes" in words


async def test_crisis_and_hide_keys_fit_the_footer_at_80x24(make_app, data_dir) -> None:
    """On the running session at 80x24 the footer still shows ! Crisis and ^l Hide."""
    seed(data_dir)
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await start_session(pilot)
        footer = await footer_showing(pilot, "e End")
        assert "! Crisis" in footer
        assert "^l Hide" in footer


async def test_u_twice_then_a_digit_still_starts_the_timer(make_app, data_dir) -> None:
    """u pressed twice in a hurry, then a digit: the timer runs."""
    seed(data_dir)
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("u", "u", "5")
        await pilot.pause()
        assert isinstance(app.screen, UrgeScreen)
        assert app.ctx.running_urge is not None


async def test_a_session_left_open_is_dated_like_every_other_day(make_app, data_dir) -> None:
    """The question about a session left open names its start as "Wed 25 Nov 2026, 10:00",
    the day in the style the counter uses, then the time."""
    from companion.domain.urge import UrgeSession
    from companion.store.repository import Repository

    seed(data_dir, start=date(2026, 10, 1))
    repo = Repository.open(data_dir)
    repo.save_urge(UrgeSession.start(6, NOW))
    repo.close()
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert "A session is still open" in screen_words(app)
        assert "on Wed 25 Nov 2026, 10:00 (" in screen_words(app)


async def test_the_list_of_urge_sessions_dates_each_like_every_other_day(make_app, data_dir):
    """Each session in the list starts with its day in the one style, then the time."""
    from datetime import timedelta

    from companion.domain.urge import UrgeSession
    from companion.store.repository import Repository

    seed(data_dir, start=date(2026, 10, 1))
    repo = Repository.open(data_dir)
    session = UrgeSession.start(6, NOW - timedelta(hours=2))
    repo.save_urge(session.ended("not_contacted", NOW - timedelta(hours=1)))
    repo.close()
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        app.action_command("urge.history")
        await pilot.pause()
        assert "Wed 25 Nov 2026, 08:00" in screen_text(app)


async def test_years_of_sessions_show_newest_first_with_figures_from_the_totals(
    make_app, data_dir, clock
) -> None:
    """Three years of sessions, folded into history files: the figures are there from the
    totals, and every session is listed, newest first, once the years are read."""
    seed(data_dir)
    repository = Repository.open(data_dir, clock.now)
    started = []
    with repository.batch():
        for day in range(0, 3 * 365, 9):
            moment = NOW - timedelta(days=day, hours=3)
            session = UrgeSession.start(6, moment).rated(8, moment + timedelta(minutes=3))
            ended = session.rated(2, moment + timedelta(minutes=9))
            repository.save_urge(ended.ended("not_contacted", moment + timedelta(minutes=10)))
            started.append(moment)
    repository.ledger.fold_here()
    repository.close()
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("2", "v")
        await pilot.pause()
        assert isinstance(app.screen, UrgeHistoryScreen)
        assert f"Across your {len(started)} sessions" in screen_words(app)
        await history_read(pilot)
        table = app.screen.query_one(LongTable)
        assert table.row_count == len(started)
        newest = format_moment(max(started))
        oldest = format_moment(min(started))
        assert table.get_row_at(0)[0] == newest
        assert table.get_row_at(table.row_count - 1)[0] == oldest
        assert app.repository.ledger.history_loaded("urges") is False
        assert newest in screen_text(app) and oldest not in screen_text(app)
        await pilot.press("end")
        await pilot.pause()
        assert oldest in screen_text(app) and newest not in screen_text(app)
        assert table.cursor_row == len(started) - 1
        await pilot.press("pageup", "home")
        await pilot.pause()
        assert newest in screen_text(app) and table.cursor_row == 0
