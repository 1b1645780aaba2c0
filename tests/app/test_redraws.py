"""An idle app stays idle: what moves with time is drawn again only when it looks different."""

from __future__ import annotations

import time
from typing import Any, ClassVar

from textual.app import App, ComposeResult
from textual.widgets import ProgressBar, Static

from companion.ui.meter import Meter
from companion.urge.screen import UrgeScreen

from .support import seed


class Updates:
    """Every Static.update of the test, by widget id, with whether it laid out the screen."""

    def __init__(self) -> None:
        """Nothing seen yet."""
        self.seen: list[tuple[str, bool]] = []

    def ids(self) -> list[str]:
        """The ids of the widgets updated, in order."""
        return [ident for ident, _layout in self.seen]


def count_updates(monkeypatch: Any) -> Updates:
    """From now on, note each update of a Static."""
    updates = Updates()
    update = Static.update

    def noted(self: Static, content: Any = "", *, layout: bool = True) -> None:
        updates.seen.append((self.id or "", layout))
        update(self, content, layout=layout)

    monkeypatch.setattr(Static, "update", noted)
    return updates


async def start_session(pilot: Any) -> None:
    """Press u and a 7, as a person in a craving would; return once the session's
    screen is laid out and its wave drawn at its real width (on a busy machine that can
    come a moment after the keys)."""
    await pilot.press("u")
    await pilot.pause()
    await pilot.press("7")
    await pilot.pause()
    deadline = time.monotonic() + 30
    while not (isinstance(pilot.app.screen, UrgeScreen) and pilot.app.screen._wave.size.width):
        assert time.monotonic() < deadline, "the urge screen was never laid out"
        await pilot.pause(0.05)
    pilot.app.screen.tick()  # what a tick at the real width draws, drawn before counting
    await pilot.pause()


async def breathe_for_a_second(pilot: Any, clock: Any, screen: UrgeScreen) -> list[float]:
    """Ten moves of the pacer, a tenth of a second apart; where the bar was after each."""
    shares = []
    for _ in range(10):
        clock.advance(seconds=0.1)
        screen.tick()
        await pilot.pause()
        shares.append(screen.query_one("#pacer", Meter).share)
    return shares


async def test_a_second_of_breathing_moves_the_bar_and_the_clock_once(
    make_app, data_dir, clock, monkeypatch
) -> None:
    """The bar moves at each tick; the clock, the pacer's words and the wave's time axis
    change once in the second, without laying out the screen; nothing else is touched."""
    seed(data_dir)
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await start_session(pilot)
        screen = app.screen
        assert isinstance(screen, UrgeScreen)
        updates = count_updates(monkeypatch)
        shares = await breathe_for_a_second(pilot, clock, screen)
        assert len(set(shares)) == 10
        assert sorted(updates.ids()) == ["pacer-word", "urge-clock", "urge-wave"]
        assert not any(layout for _ident, layout in updates.seen)


async def test_after_the_first_minute_only_the_clock_and_the_words_change(
    make_app, data_dir, clock, monkeypatch
) -> None:
    """Once the wave's axis counts minutes, a second of breathing changes two lines."""
    seed(data_dir)
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await start_session(pilot)
        screen = app.screen
        assert isinstance(screen, UrgeScreen)
        clock.advance(seconds=70)
        screen.tick()
        await pilot.pause()
        updates = count_updates(monkeypatch)
        await breathe_for_a_second(pilot, clock, screen)
        assert sorted(updates.ids()) == ["pacer-word", "urge-clock"]


async def test_a_tick_with_no_time_passed_touches_nothing(
    make_app, data_dir, clock, monkeypatch
) -> None:
    """The clock stands still: however often the pacer looks, nothing is drawn again."""
    seed(data_dir)
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await start_session(pilot)
        screen = app.screen
        assert isinstance(screen, UrgeScreen)
        clock.advance(seconds=0.35)
        screen.tick()
        await pilot.pause()
        updates = count_updates(monkeypatch)
        for _ in range(5):
            screen.tick()
        await pilot.pause()
        assert updates.seen == []


class Bars(App[None]):
    """Textual's progress bar (as the app showed it) above a Meter, both 30 cells wide."""

    CSS: ClassVar[str] = """
    Screen { layout: vertical; }
    ProgressBar, Meter { width: 30; }
    ProgressBar Bar { width: 1fr; }
    """

    def compose(self) -> ComposeResult:
        """The two bars."""
        yield ProgressBar(total=1.0, show_eta=False, show_percentage=False)
        yield Meter()


async def test_a_meter_looks_exactly_like_the_progress_bar() -> None:
    """At every share, in two themes, the Meter draws the same cells in the same colours
    as the progress bar it replaced (it keeps what it drew, and forgets it on a new theme)."""
    app = Bars()
    async with app.run_test(size=(40, 4)) as pilot:
        for theme in ("textual-dark", "textual-light", "textual-dark"):
            app.theme = theme
            await pilot.pause()
            for step in range(0, 131):
                share = step / 130
                app.query_one(ProgressBar).update(progress=share)
                app.query_one(Meter).share = share
                await pilot.pause()
                old, new = app.screen._compositor.render_strips()[:2]
                assert list(new) == list(old), (theme, share)
