"""How far the urge timer's clock strays from the true time.

Drives the real app for 20 simulated minutes with irregular gaps between redraws
(from a few milliseconds to half a minute), one five-minute "suspend" where no redraw
happens at all, and then a restart with the session resumed. After each stage it reads
the "M:SS in" on screen and compares it with the true time since the start.

Budget: under one second of error at every stage.

Run: ``python -m benchmarks.timer_drift``.
"""

from __future__ import annotations

import asyncio
import random
import re
import tempfile
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

from companion.app import build_app
from companion.clock import FixedClock

BUDGET_SECONDS = 1.0
"""The largest error allowed."""
SIMULATED = timedelta(minutes=20)
"""How long the simulated session runs before the first reading."""
_SHOWN = re.compile(r"(?:(\d+):)?(\d+):(\d\d) in")


@dataclass(frozen=True)
class Drift:
    """The error of the shown clock at each stage, in seconds."""

    after_twenty_minutes: float
    """After 20 simulated minutes of irregular redraws and a suspend."""
    after_restart: float
    """Right after quitting and resuming the session."""

    @property
    def worst(self) -> float:
        """The largest of the two."""
        return max(self.after_twenty_minutes, self.after_restart)


def _shown_elapsed(app: object) -> timedelta:
    """The elapsed time the urge screen shows right now."""
    screen = app.screen  # type: ignore[attr-defined]
    text = "\n".join(strip.text for strip in screen._compositor.render_strips())
    found = _SHOWN.search(text)
    if found is None:
        raise AssertionError(f"no running clock on screen:\n{text}")
    hours, minutes, seconds = (int(part) if part else 0 for part in found.groups())
    return timedelta(hours=hours, minutes=minutes, seconds=seconds)


async def measure(seed: int = 2026) -> Drift:
    """Run the simulation once and return the errors."""
    rng = random.Random(seed)
    start = datetime(2026, 11, 25, 2, 0, tzinfo=UTC)
    clock = FixedClock(start)
    with tempfile.TemporaryDirectory() as folder:
        data = Path(folder) / "data"
        app = build_app(data, clock)
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.press("escape")  # skip the first-run welcome
            await pilot.pause()
            await pilot.press("u")
            await pilot.pause()
            await pilot.press("7")
            await pilot.pause()
            suspended = False
            while clock.now() - start < SIMULATED:
                if not suspended and clock.now() - start > timedelta(minutes=9):
                    clock.advance(minutes=5)  # the laptop sleeps: not a single redraw
                    suspended = True
                clock.advance(seconds=rng.choice((0.004, 0.05, 0.3, 1.7, 4.0, 29.0)))
                await pilot.pause(rng.choice((0.0, 0.01, 0.12)))
            await pilot.pause(0.25)
            first = abs((_shown_elapsed(app) - (clock.now() - start)).total_seconds())
        clock.advance(seconds=rng.uniform(30, 300))  # closed for a while
        again = build_app(data, clock)
        async with again.run_test(size=(80, 24)) as pilot:
            await pilot.pause()
            await pilot.press("enter")  # Resume
            await pilot.pause(0.25)
            second = abs((_shown_elapsed(again) - (clock.now() - start)).total_seconds())
    return Drift(first, second)


def main() -> None:
    """Print the errors against the budget."""
    drift = asyncio.run(measure())
    verdict = "within" if drift.worst < BUDGET_SECONDS else "OVER"
    print(
        f"urge timer error: {drift.after_twenty_minutes:.3f} s after 20 simulated minutes, "
        f"{drift.after_restart:.3f} s after a restart ({verdict} the {BUDGET_SECONDS:g} s budget)"
    )


if __name__ == "__main__":
    main()
