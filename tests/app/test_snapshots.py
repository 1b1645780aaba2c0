"""Snapshots of every screen and dialog, at 80x24 and 120x40, with the clock standing still.

Each test says what the picture should show; update them with ``pytest --snapshot-update``
only after looking at the new picture.
"""

from __future__ import annotations

import fcntl
import shutil
import tempfile
import time
from datetime import date
from pathlib import Path

import pytest
from textual.widgets import Input, TextArea
from textual.worker import WorkerState

from companion.app import build_app
from companion.urge.history import HISTORY_GROUP

from .support import damage_with_backup, screen_words, seed, steady_cursors

SIZES = [pytest.param((80, 24), id="80x24"), pytest.param((120, 40), id="120x40")]


def _keys(keys):
    """A run_before that presses ``keys`` as a person would: after a key that may open a
    screen, the next waits until the screen and its focus have settled; then steadies."""

    async def run_before(pilot) -> None:
        for key in keys:
            typing = isinstance(pilot.app.focused, Input | TextArea) and len(key) == 1
            await pilot.press(key)
            if not typing:
                await _settle(pilot)
        await _steady(pilot)

    return run_before


async def _settle(pilot, timeout: float = 30.0) -> None:
    """Let the app work until no worker waits to start and the screen and focus have
    stayed the same for a few looks in a row; fail after ``timeout`` seconds."""
    app = pilot.app
    deadline = time.monotonic() + timeout
    last: object = None
    same = 0
    while same < 3:
        await pilot.pause(0.05)
        pending = any(worker.state == WorkerState.PENDING for worker in app.workers)
        now = (app.screen, app.focused, len(app.screen_stack))
        same = same + 1 if now == last and not pending else 0
        last = now
        assert time.monotonic() < deadline, f"the screen did not settle in {timeout:g} s"


async def _steady(pilot) -> None:
    """Let the screen settle: cursors that do not blink, and no toast that may or may not
    have timed out yet (their timeouts run on the real clock), and every list read in
    the background fully read."""
    await pilot.pause()
    reading = [worker for worker in pilot.app.workers if worker.group == HISTORY_GROUP]
    if reading:  # an empty list would mean every worker, the open dialog's too
        await pilot.app.workers.wait_for_complete(reading)
    await pilot.pause()
    steady_cursors(pilot.app)
    pilot.app.clear_notifications()
    await pilot.pause()


def _looking(run_before=None):
    """Wrap ``run_before`` so the test can also read the picture it takes.

    After ``run_before`` (and then any ``press``) the screenshot, as it is taken, puts the
    screen's words (``screen_words``) in ``seen``. A fact asserted on ``seen[-1]`` holds of
    the very screen the snapshot shows, so a wrong snapshot accepted by mistake with
    ``--snapshot-update`` still fails its test."""
    seen: list[str] = []

    async def looking(pilot) -> None:
        if run_before is not None:
            await run_before(pilot)
        app = pilot.app
        export = app.export_screenshot

        def export_and_look(*args, **kwargs):
            seen.append(screen_words(app))
            return export(*args, **kwargs)

        app.export_screenshot = export_and_look

    return looking, seen


def _in_order(words: str, *parts: str) -> bool:
    """Whether ``words`` holds each of ``parts``, each one after the one before."""
    start = 0
    for part in parts:
        found = words.find(part, start)
        if found < 0:
            return False
        start = found + len(part)
    return True


@pytest.mark.parametrize("size", SIZES)
def test_main_screen(snap_compare, make_app, data_dir, size) -> None:
    """All four panes; the counter shows 36 days, the span, the next milestone and totals."""
    seed(
        data_dir,
        start=date(2026, 9, 1),
        slips=[(date(2026, 10, 20), "messaged", "")],
        alias="Sam",
    )
    looking, seen = _looking(_steady)
    assert snap_compare(make_app(), terminal_size=size, run_before=looking)
    assert "5 weeks 1 day since Tue 20 Oct 2026 (1 month 5 days)" in seen[-1]


@pytest.mark.parametrize("size", SIZES)
def test_main_screen_empty(snap_compare, make_app, data_dir, size) -> None:
    """Before a start day: the counter asks kindly; the other panes show their notes."""
    seed(data_dir)
    looking, seen = _looking(_steady)
    assert snap_compare(make_app(), terminal_size=size, run_before=looking)
    assert "Press d to set the day." in seen[-1]


@pytest.mark.parametrize("size", SIZES)
def test_welcome(snap_compare, make_app, size) -> None:
    """The first start: what this place is, and two optional questions."""
    looking, seen = _looking(_steady)
    assert snap_compare(make_app(), terminal_size=size, run_before=looking)
    assert "What would you like me to call the person you left? (optional)" in seen[-1]


@pytest.mark.parametrize("size", SIZES)
def test_start_day_dialog(snap_compare, make_app, data_dir, size) -> None:
    """The start-day dialog with a typed day and its preview."""
    seed(data_dir, start=date(2026, 10, 1))

    async def run_before(pilot) -> None:
        await pilot.press("d", "ctrl+u", *"17 Oct")
        await _steady(pilot)

    looking, seen = _looking(run_before)
    assert snap_compare(make_app(), terminal_size=size, run_before=looking)
    assert "→ Sat 17 Oct 2026" in seen[-1]


@pytest.mark.parametrize("size", SIZES)
def test_start_day_dialog_refusal(snap_compare, make_app, data_dir, size) -> None:
    """A future day: the message says so in plain words."""
    seed(data_dir, start=date(2026, 10, 1))

    async def run_before(pilot) -> None:
        await pilot.press("d", "ctrl+u", *"2027-01-01")
        await _steady(pilot)

    looking, seen = _looking(run_before)
    assert snap_compare(make_app(), terminal_size=size, run_before=looking)
    assert "Fri 1 Jan 2027 hasn't happened yet." in seen[-1]


@pytest.mark.parametrize("size", SIZES)
def test_slip_confirm(snap_compare, make_app, data_dir, size) -> None:
    """The gentle question before logging a slip."""
    seed(data_dir, start=date(2026, 10, 1))

    async def run_before(pilot) -> None:
        await pilot.press("s")
        await _steady(pilot)

    looking, seen = _looking(run_before)
    assert snap_compare(make_app(), terminal_size=size, run_before=looking)
    assert "Contact happened? That's all right." in seen[-1]


@pytest.mark.parametrize("size", SIZES)
def test_slip_dialog(snap_compare, make_app, data_dir, size) -> None:
    """The slip form: when, what happened (with the alias), and a note."""
    seed(data_dir, start=date(2026, 10, 1), alias="Sam")

    async def run_before(pilot) -> None:
        await pilot.press("s", "enter")
        await _steady(pilot)

    looking, seen = _looking(run_before)
    assert snap_compare(make_app(), terminal_size=size, run_before=looking)
    assert "I sent Sam a message" in seen[-1]


@pytest.mark.parametrize("size", SIZES)
def test_slips_list(snap_compare, make_app, data_dir, size) -> None:
    """Two slips, newest first, notes on one line each."""
    seed(
        data_dir,
        start=date(2026, 9, 1),
        slips=[
            (date(2026, 9, 14), "answered", "They called about the car.\nI picked up."),
            (date(2026, 10, 20), "looked", "[bold]as typed[/bold]"),
        ],
    )

    async def run_before(pilot) -> None:
        await pilot.press("l")
        await _steady(pilot)

    looking, seen = _looking(run_before)
    assert snap_compare(make_app(), terminal_size=size, run_before=looking)
    assert _in_order(seen[-1], "Tue 20 Oct 2026 I looked", "Mon 14 Sep 2026 I answered")


@pytest.mark.parametrize("size", SIZES)
def test_alias_dialog(snap_compare, make_app, data_dir, size) -> None:
    """Choosing a name for the person they left, from the command palette."""
    seed(data_dir, start=date(2026, 10, 1))

    async def run_before(pilot) -> None:
        pilot.app.action_command("settings.alias")
        await _steady(pilot)

    looking, seen = _looking(run_before)
    assert snap_compare(make_app(), terminal_size=size, run_before=looking)
    assert "What should I call them?" in seen[-1]


@pytest.mark.parametrize("size", SIZES)
def test_help(snap_compare, make_app, data_dir, size) -> None:
    """? shows the day counter's help beside the panes."""
    seed(data_dir, start=date(2026, 10, 1))
    looking, seen = _looking(_keys(["?"]))
    assert snap_compare(make_app(), terminal_size=size, run_before=looking)
    assert "No Contact day counter" in seen[-1]


@pytest.mark.parametrize("size", SIZES)
def test_restored_notice(snap_compare, clock, size) -> None:
    """After a damaged file, the notice says what happened and where both files are."""
    fixed = Path(tempfile.gettempdir()) / "companion-snapshot-restore"
    # The folder's path is in the picture, so both sizes use the same one: one at a time,
    # even when they run side by side on two workers.
    with open(f"{fixed}.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        shutil.rmtree(fixed, ignore_errors=True)
        damage_with_backup(fixed, clock)
        looking, seen = _looking(_steady)
        try:
            app = build_app(fixed, clock)
            assert snap_compare(app, terminal_size=size, run_before=looking)
            damaged = fixed / "data.damaged-20261125-100200.json"
            backup = fixed / "backups" / "data-"
            assert _in_order(
                seen[-1], "set aside unchanged at", f"{damaged}.", "backup", f"{backup}"
            )
        finally:
            shutil.rmtree(fixed, ignore_errors=True)


def test_hidden(snap_compare, make_app, data_dir) -> None:
    """ctrl+l: nothing at all on the screen."""
    seed(data_dir, start=date(2026, 10, 1), alias="Sam")
    looking, seen = _looking()
    assert snap_compare(make_app(), press=["ctrl+l"], run_before=looking)
    assert seen[-1] == ""


async def _ride(pilot, clock, ratings=("7", "9", "6", "3")) -> None:
    """Start a session and rate it every two minutes."""
    await pilot.press("u")
    await pilot.pause()
    await pilot.press(ratings[0])
    await pilot.pause()
    for value in ratings[1:]:
        clock.advance(minutes=2)
        await pilot.press(value)
        await pilot.pause()
    await _steady(pilot)


@pytest.mark.parametrize("size", SIZES)
def test_urge_start(snap_compare, make_app, data_dir, size) -> None:
    """The one step before the timer: the ten anchors and the length."""
    seed(data_dir, start=date(2026, 10, 1))
    looking, seen = _looking(_keys(["u"]))
    assert snap_compare(make_app(), terminal_size=size, run_before=looking)
    assert _in_order(seen[-1], "0 no pull at all", "9 one step away", "Length: 20 minutes")


@pytest.mark.parametrize("size", SIZES)
def test_urge_session_started(snap_compare, make_app, data_dir, size) -> None:
    """Just started at 7: clock, pacer, the first step, skills for 5-7, the safety question."""
    seed(data_dir, start=date(2026, 10, 1))
    looking, seen = _looking(_keys(["u", "7"]))
    assert snap_compare(make_app(), terminal_size=size, run_before=looking)
    assert "Now: 7, it feels urgent." in seen[-1]


@pytest.mark.parametrize("size", SIZES)
def test_urge_session_check_in(snap_compare, make_app, data_dir, clock, size) -> None:
    """8:30 in: the wave so far, a later step, and the check-in asking again."""
    seed(data_dir, start=date(2026, 10, 1))

    async def run_before(pilot) -> None:
        await _ride(pilot, clock)
        clock.advance(minutes=2, seconds=30)
        await pilot.pause(0.3)

    looking, seen = _looking(run_before)
    assert snap_compare(make_app(), terminal_size=size, run_before=looking)
    assert "How strong is it now? Press 0 to 9." in seen[-1]


@pytest.mark.parametrize("size", SIZES)
def test_urge_end(snap_compare, make_app, data_dir, clock, size) -> None:
    """Closing: the wave of the whole session and the four ways it can end."""
    seed(data_dir, start=date(2026, 10, 1), alias="Sam")

    async def run_before(pilot) -> None:
        await _ride(pilot, clock)
        await pilot.press("e")
        await _steady(pilot)

    looking, seen = _looking(run_before)
    assert snap_compare(make_app(), terminal_size=size, run_before=looking)
    ends = ["1 I didn't contact Sam", "2 Still deciding", "3 I contacted Sam", "4 Sam contacted me"]
    assert _in_order(seen[-1], *ends)


@pytest.mark.parametrize("size", SIZES)
def test_urge_skill(snap_compare, make_app, data_dir, size) -> None:
    """At a 9, the TIPP card with its medical caution."""
    seed(data_dir)
    looking, seen = _looking(_keys(["u", "9", "a"]))
    assert snap_compare(make_app(), terminal_size=size, run_before=looking)
    assert "Cold water slows the heart and exercise speeds it up." in seen[-1]


@pytest.mark.parametrize("size", SIZES)
def test_urge_unsent(snap_compare, make_app, data_dir, size) -> None:
    """The message that is never sent."""
    seed(data_dir, alias="Sam")
    press = ["u", "8", "w", *"I just want to know why."]
    looking, seen = _looking(_keys(press))
    assert snap_compare(make_app(), terminal_size=size, run_before=looking)
    assert "I just want to know why." in seen[-1]


@pytest.mark.parametrize("size", SIZES)
def test_urge_history_and_pane(snap_compare, make_app, data_dir, clock, size) -> None:
    """Five sessions: the pane's counts and sparkline, then the history with figures."""
    seed(data_dir, start=date(2026, 10, 1))

    async def run_before(pilot) -> None:
        for peak in "98769":
            await _ride(pilot, clock, ("6", peak, "3"))
            await pilot.press("e")
            await pilot.pause()
            await pilot.press("1")
            await pilot.pause()
            clock.advance(hours=7)
        await pilot.press("2", "v")
        await _steady(pilot)

    looking, seen = _looking(run_before)
    assert snap_compare(make_app(), terminal_size=size, run_before=looking)
    assert "Across your 5 sessions" in seen[-1]


@pytest.mark.parametrize("size", SIZES)
def test_main_screen_after_sessions(snap_compare, make_app, data_dir, clock, size) -> None:
    """The urge pane after two sessions: counts and a small sparkline."""
    seed(data_dir, start=date(2026, 10, 1))

    async def run_before(pilot) -> None:
        for peak in "84":
            await _ride(pilot, clock, ("5", peak, "2"))
            await pilot.press("e")
            await pilot.pause()
            await pilot.press("1")
            await pilot.pause()
        await _steady(pilot)

    looking, seen = _looking(run_before)
    assert snap_compare(make_app(), terminal_size=size, run_before=looking)
    assert "Sessions closed: 2" in seen[-1]


@pytest.mark.parametrize("size", SIZES)
def test_crisis_view(snap_compare, make_app, data_dir, size) -> None:
    """! from the main screen: where to turn now."""
    seed(data_dir)
    looking, seen = _looking(_keys(["!"]))
    assert snap_compare(make_app(), terminal_size=size, run_before=looking)
    assert "Emergency numbers 112 Across the EU, the UK, Ireland and India" in seen[-1]


def _seed_reasons(data_dir, count: int) -> None:
    """A list of reasons of several kinds, two pinned."""
    from companion.domain.reasons import CATEGORIES, Reason
    from companion.store.repository import Repository

    from ..conftest import NOW

    seed(data_dir, start=date(2026, 10, 1))
    repository = Repository.open(data_dir)
    kinds = list(CATEGORIES)
    for index in range(count):
        repository.save_reason(
            Reason(
                text=f"Reason number {index + 1}: the time it happened, in my own words.",
                summary="The night with the keys" if index == 3 else "",
                category=kinds[index % len(kinds)],
                created_at=NOW,
                position=index,
                pinned=index in (2, 5),
            )
        )
    repository.close()


@pytest.mark.parametrize("size", SIZES)
def test_reasons_pane_long_list(snap_compare, make_app, data_dir, size) -> None:
    """Forty reasons: pinned first with a star, each on one line with its kind dimmed."""
    _seed_reasons(data_dir, 40)
    looking, seen = _looking(_keys(["3"]))
    assert snap_compare(make_app(), terminal_size=size, run_before=looking)
    assert _in_order(seen[-1], "★ Reason number 3:", "★ Reason number 6:", "Reason number 1:")


@pytest.mark.parametrize("size", SIZES)
def test_reason_dialog(snap_compare, make_app, data_dir, size) -> None:
    """Writing a reason: text, summary, kind, date, pin; Save visible at 80x24."""
    seed(data_dir)
    press = ["3", "a", *"They took my keys so I couldn't leave."]
    looking, seen = _looking(_keys(press))
    assert snap_compare(make_app(), terminal_size=size, run_before=looking)
    assert _in_order(seen[-1], "They took my keys so I couldn't", "Pin to the top", "Save Cancel")


@pytest.mark.parametrize("size", SIZES)
def test_guided_prompt(snap_compare, make_app, data_dir, size) -> None:
    """Guided writing at the start of a harder theme: its note, the question, the voice."""
    from companion.domain.reasons import all_prompts
    from companion.store.repository import Repository

    seed(data_dir)
    repository = Repository.open(data_dir)
    repository.save_guided_step(all_prompts().index((2, 0)))  # promises not kept
    repository.close()
    looking, seen = _looking(_keys(["3", "g"]))
    assert snap_compare(make_app(), terminal_size=size, run_before=looking)
    assert "A promise they made: what was said, and what actually happened." in seen[-1]


@pytest.mark.parametrize("size", SIZES)
def test_review(snap_compare, data_dir, clock, size) -> None:
    """Review: a pinned reason first, one at a time, with its kind."""
    import random

    _seed_reasons(data_dir, 6)
    app = build_app(data_dir, clock, random.Random(3))
    looking, seen = _looking(_keys(["r"]))
    assert snap_compare(app, terminal_size=size, run_before=looking)
    assert "Reason number 3: the time it happened, in my own words. Promises not kept" in seen[-1]


@pytest.mark.parametrize("size", SIZES)
def test_review_closing(snap_compare, data_dir, clock, size) -> None:
    """After three: show more, or a step to steady yourself."""
    import random

    _seed_reasons(data_dir, 6)
    app = build_app(data_dir, clock, random.Random(3))
    press = ["r", "space", "space", "space"]
    looking, seen = _looking(_keys(press))
    assert snap_compare(app, terminal_size=size, run_before=looking)
    assert "m show more (3 left)" in seen[-1]


def _seed_contacts(data_dir, country: str) -> None:
    """A country and two people, one a favourite."""
    from companion.domain.people import Person
    from companion.store.repository import Repository

    from ..conftest import NOW

    seed(data_dir, start=date(2026, 10, 1))
    repository = Repository.open(data_dir)
    repository.save_country(country)
    repository.save_person(
        Person(name="Maya", phone="+44 7700 900123", relation="friend", created_at=NOW)
    )
    repository.save_person(
        Person(
            name="Dr Okafor",
            phone="020 7946 0958 ext 12",
            relation="therapist",
            notes="Mondays and Thursdays",
            favourite=True,
            position=1,
            created_at=NOW,
        )
    )
    repository.close()


COUNTRIES = [pytest.param("GB-ENG", id="england"), pytest.param("AU", id="australia")]
PANE_ORDER = {
    "GB-ENG": ["★ Dr Okaf", "Maya", "Emergency services (999) 999", "National Domes"],
    "AU": ["★ Dr Okaf", "Maya", "Emergency services (000) 000", "1800RESPECT"],
}
"""The contacts pane's rows, in order: the favourite, the other person, the helplines."""
CRISIS_ORDER = {
    "GB-ENG": ["On a mobile, call 999.", "Your people", "Dr Okafor", "Maya"],
    "AU": ["Your people", "Dr Okafor", "Maya", "Domestic abuse support", "1800RESPECT"],
}
"""The crisis view in order (Australia's 000 is drawn only as Digits, not as words)."""


@pytest.mark.parametrize("country", COUNTRIES)
@pytest.mark.parametrize("size", SIZES)
def test_contacts_pane(snap_compare, make_app, data_dir, size, country) -> None:
    """The pane: the favourite first, then the other person, then the country's helplines."""
    _seed_contacts(data_dir, country)
    looking, seen = _looking(_keys(["4"]))
    assert snap_compare(make_app(), terminal_size=size, run_before=looking)
    assert _in_order(seen[-1], *PANE_ORDER[country])


@pytest.mark.parametrize("country", COUNTRIES)
@pytest.mark.parametrize("size", SIZES)
def test_crisis_view_for_a_country(snap_compare, make_app, data_dir, size, country) -> None:
    """!: the emergency number large, your people, then helplines with their check dates."""
    _seed_contacts(data_dir, country)
    looking, seen = _looking(_keys(["!"]))
    assert snap_compare(make_app(), terminal_size=size, run_before=looking)
    assert _in_order(seen[-1], *CRISIS_ORDER[country])


@pytest.mark.parametrize("size", SIZES)
def test_person_dialog(snap_compare, make_app, data_dir, size) -> None:
    """Adding someone you trust."""
    _seed_contacts(data_dir, "GB-ENG")
    press = ["4", "a", *"Sam"]
    looking, seen = _looking(_keys(press))
    assert snap_compare(make_app(), terminal_size=size, run_before=looking)
    assert _in_order(seen[-1], "Someone you trust", "Name", "Sam")


@pytest.mark.parametrize("size", SIZES)
def test_hoover_dialog(snap_compare, make_app, data_dir, size) -> None:
    """h after the caution: when, how, what was said, how it felt, safety, answered."""
    seed(data_dir, start=date(2026, 9, 1), alias="Sam")
    looking, seen = _looking(_keys(["h", "enter"]))
    assert snap_compare(make_app(), terminal_size=size, run_before=looking)
    fields = ["When", "How", "What was said", "How it felt", "unsafe", "I answered"]
    assert _in_order(seen[-1], "Sam reached out", *fields)


@pytest.mark.parametrize("size", SIZES)
def test_main_screen_after_a_hoover(snap_compare, make_app, data_dir, size) -> None:
    """The counter says how many times they reached out, not answered; the streak is as before."""
    seed(data_dir, start=date(2026, 9, 1), alias="Sam")
    press = ["h", "enter", "ctrl+s"]
    looking, seen = _looking(_keys(press))
    assert snap_compare(make_app(), terminal_size=size, run_before=looking)
    assert "Sam reached out 1 time, not answered" in seen[-1]


def _seed_boundaries(data_dir) -> None:
    """Three times they reached out, a mode, necessary contact, wins and two dates."""
    from datetime import UTC, datetime

    from companion.domain.hoovers import Hoover
    from companion.domain.marked_dates import MarkedDate
    from companion.domain.modes import ModeChange, NecessaryContact
    from companion.domain.wins import Win
    from companion.store.repository import Repository

    seed(data_dir, start=date(2026, 9, 1), alias="Sam")
    at = datetime(2026, 11, 25, 9, 0, tzinfo=UTC)
    repo = Repository.open(data_dir)
    repo.save_hoover_caution_seen()
    repo.save_hoover(Hoover(date(2026, 11, 2), "text", at, said="I miss us. Call me?"))
    repo.save_hoover(Hoover(date(2026, 11, 14), "someone", at, via="their sister", said="[b]x"))
    repo.save_hoover(
        Hoover(date(2026, 11, 21), "email", at, said="You owe me an answer.", unsafe=True)
    )
    repo.modes.save(ModeChange("unavoidable", date(2026, 10, 1), at, "Email only, children"))
    repo.necessary.save(NecessaryContact(date(2026, 11, 20), "email", "Pick-up on Friday", at))
    repo.wins.save(Win(date(2026, 11, 24), "Said no to a call, kindly", at))
    repo.wins.save(Win(date(2026, 11, 25), "Walked by the sea", at))
    repo.dates.save(MarkedDate("Their birthday", 11, 28, at, plan="Phone off. Lunch with Jo."))
    repo.dates.save(MarkedDate("Court hearing", 1, 12, at, year=2027))
    repo.close()


BOUNDARY_FACTS = {
    "main-screen": ["1 Unavoidable contact", "out 3 times, not answered"],
    "hoover-list": ["Sat 21 Nov 2026 An email", "Sat 14 Nov 2026 Through", "Mon 2 Nov 2026 A text"],
    "hoover-list-filtered": ["Showing: a text message (1 of 3).", "Mon 2 Nov 2026 A text message"],
    "mode-dialog": ["Your contact mode", "Unavoidable contact ▼", "Email only, children"],
    "modes-list": ["Thu 1 Oct 2026 Unavoidable contact Email only, children"],
    "necessary-dialog": ["Necessary contact", "What it was about"],
    "necessary-list": ["Fri 20 Nov 2026 An email Pick-up on Friday"],
    "win-dialog": ["A little win", "What went right? Small things count."],
    "wins-list": ["Wed 25 Nov 2026 Walked by the sea", "Tue 24 Nov 2026 Said no to a call"],
    "dates-list": ["in 3 days 28 Nov, every year Their birthday", "in 48 days Tue 12 Jan 2027"],
    "date-dialog": ["A date that matters", "What is the day? Their birthday", "Every year"],
}
"""What each of BOUNDARY_VIEWS shows of what was logged, in order (lists newest first)."""

BOUNDARY_VIEWS = {
    "main-screen": [],
    "hoover-list": ["v"],
    "hoover-list-filtered": ["v", "f"],
    "mode-dialog": ["m"],
    "modes-list": ["ctrl+p", *"contact modes", "enter"],
    "necessary-dialog": ["n"],
    "necessary-list": ["ctrl+p", *"necessary contact list", "enter"],
    "win-dialog": ["w"],
    "wins-list": ["W"],
    "dates-list": ["t", "escape"],
    "date-dialog": ["t"],
}


@pytest.mark.parametrize("view", BOUNDARY_VIEWS)
@pytest.mark.parametrize("size", SIZES)
def test_boundary_views(snap_compare, make_app, data_dir, size, view) -> None:
    """Each list and dialog around the streak, with a little of everything logged."""
    _seed_boundaries(data_dir)
    press = BOUNDARY_VIEWS[view]
    looking, seen = _looking(_keys(press))
    assert snap_compare(make_app(), terminal_size=size, run_before=looking)
    assert _in_order(seen[-1], *BOUNDARY_FACTS[view])


@pytest.mark.parametrize("size", SIZES)
def test_little_win_question(snap_compare, make_app, data_dir, size) -> None:
    """No win yet today: the day counter asks quietly what went right."""
    seed(data_dir, start=date(2026, 9, 1))
    looking, seen = _looking(_steady)
    assert snap_compare(make_app(), terminal_size=size, run_before=looking)
    assert "What went right today?" in seen[-1]


@pytest.mark.parametrize("size", SIZES)
def test_checklist_safety_note(snap_compare, make_app, data_dir, size) -> None:
    """The checklist's first open: the safety note, naming Sam, and the three answers."""
    seed(data_dir, start=date(2026, 10, 1), alias="Sam")

    async def run_before(pilot) -> None:
        pilot.app.action_command("checklist.show")
        await _steady(pilot)

    looking, seen = _looking(run_before)
    assert snap_compare(make_app(), terminal_size=size, run_before=looking)
    assert _in_order(seen[-1], "Are you afraid of how Sam might react?", "Yes Not sure No")


@pytest.mark.parametrize("size", SIZES)
def test_checklist(snap_compare, make_app, data_dir, size) -> None:
    """Afraid: the advocate step first; three looked at (at 120x40 the person's own shows
    last, bracketed name as typed); the progress line, the four states' keys, email's hint."""
    from companion.domain.checklist import Channel, Safety
    from companion.store.repository import Repository

    seed(data_dir, start=date(2026, 10, 1))
    repository = Repository.open(data_dir)
    repository.save_checklist_safety(Safety(afraid="yes", seen=True))
    repository.save_channel(Channel("phone", "blocked"))
    repository.save_channel(Channel("email", "filtered"))
    repository.save_channel(Channel("own-1", "not_relevant", name="[b]Their sister's number[/b]"))
    repository.close()

    async def run_before(pilot) -> None:
        pilot.app.action_command("checklist.show")
        await pilot.pause()
        await pilot.press(*["down"] * 8)
        await _steady(pilot)

    looking, seen = _looking(run_before)
    assert snap_compare(make_app(), terminal_size=size, run_before=looking)
    assert "You've looked at 3 of 24." in seen[-1]
