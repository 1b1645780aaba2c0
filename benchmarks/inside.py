"""What a person feels inside the running app: how long a save holds the screen, the
longest moment the screen could not move, and how busy the app is when nothing happens.

Run ``python -m benchmarks.inside DIR [--report FD]`` over a data folder (a copy: it is
written to). The app is built as the command line builds it and run headless at 80x24;
when the first screen is drawn it:

1. starts a 5 ms ticker that keeps the worst lateness of each stage: the first 3 s, the
   saves below, folding the journal into the data files (``repository.compact()`` when
   the repository has one, else its ``fold_in_background(force=True)``, waited for), and
   opening the urge sessions screen;
2. saves 30 new reasons, 30 little wins and 30 check-ins of a running urge session,
   timing each repository call, and tells the screens each time, as the flows do;
3. stops the ticker and measures idle CPU, first on the main screen, then with an urge
   session running on its own screen.

It writes one line ``result {json}`` to the report pipe (standard output otherwise).
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import inspect
import json
import os
import sys
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from benchmarks.launch import SIZE, report

SAVES = 30
"""Saves of each kind."""
TICK = 0.005
"""The ticker's period, in seconds."""
SETTLE = 1.0
"""Seconds a screen is left alone before its idle CPU is measured."""
IDLE = 5.0
"""Seconds of idle CPU measured on each screen."""
FIRST_SECONDS = 3.0
"""How long after the first frame the first stage of the ticker lasts."""
AFTER_FOLD = 1.0
"""Seconds the ticker keeps watching after the fold has ended."""
WAIT_LIMIT = 120.0
"""The longest wait for a screen to appear before the probe gives up."""


@dataclass
class Findings:
    """Everything measured in one run of the app."""

    saves_ms: dict[str, list[float]] = field(default_factory=dict)
    """Each kind of save and how long each call took, in milliseconds."""
    stall_ms: dict[str, float] = field(default_factory=dict)
    """The ticker's worst lateness in each stage, in milliseconds."""
    fold_ms: float | None = None
    """How long folding the journal took, in milliseconds (None when the repository
    has no way to fold)."""
    history_open_ms: float = 0.0
    """From the command to the urge sessions screen being drawn, in milliseconds."""
    history_full_ms: float = 0.0
    """From the command to the screen's work in the background having ended (every
    session listed), in milliseconds."""
    idle_cpu: dict[str, float] = field(default_factory=dict)
    """Process CPU time over wall time on each idle screen, in % of one core."""


class Ticker:
    """A task that wakes every TICK seconds and keeps how late it woke, worst per stage."""

    def __init__(self) -> None:
        """Not running until :meth:`start`."""
        self.stage = "first"
        self.worst: dict[str, float] = {}
        self._task: asyncio.Task[None] | None = None

    def start(self) -> None:
        """Start ticking on the running event loop."""
        self._task = asyncio.get_running_loop().create_task(self._run())

    def enter(self, stage: str) -> None:
        """From now on, lateness counts for ``stage``."""
        self.stage = stage
        self.worst.setdefault(stage, 0.0)

    async def _run(self) -> None:
        """Sleep, see how late the wake-up was, and keep the worst."""
        while True:
            due = time.perf_counter() + TICK
            await asyncio.sleep(TICK)
            late = max(time.perf_counter() - due, 0.0) * 1000
            if late > self.worst.get(self.stage, 0.0):
                self.worst[self.stage] = late

    async def stop(self) -> dict[str, float]:
        """Stop ticking; the worst lateness of each stage, in milliseconds."""
        if self._task is not None:
            self._task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._task
        return dict(self.worst)


async def wait_for(pilot: Any, shown: Callable[[], bool], what: str) -> None:
    """Let the app run until ``shown()`` is true; give up after WAIT_LIMIT seconds."""
    limit = time.perf_counter() + WAIT_LIMIT
    while not shown():
        if time.perf_counter() > limit:
            raise TimeoutError(f"{what} did not appear within {WAIT_LIMIT:g} s")
        await pilot.pause(0.01)
    await pilot.pause()


def busy(app: Any) -> bool:
    """True while any of the app's workers has not finished."""
    return any(not worker.is_finished for worker in app.workers)


async def idle_cpu(seconds: float) -> float:
    """Process CPU time over wall time while the app is left alone, in % of one core."""
    cpu, wall = time.process_time(), time.perf_counter()
    await asyncio.sleep(seconds)
    return (time.process_time() - cpu) / (time.perf_counter() - wall) * 100


def timed(save: Callable[[Any], Any], record: Any) -> float:
    """Call ``save(record)`` and return how long it took, in milliseconds."""
    began = time.perf_counter()
    save(record)
    return (time.perf_counter() - began) * 1000


async def saves(app: Any) -> dict[str, list[float]]:
    """The saves a person makes, each call timed: reasons, wins, and check-ins."""
    from companion.domain.reasons import Reason, next_position
    from companion.domain.urge import UrgeSession
    from companion.domain.wins import Win

    repo, ctx, now = app.repository, app.ctx, app.clock.now
    found: dict[str, list[float]] = {"reason": [], "win": [], "check-in": []}
    gap = 0.02  # the screens get a moment between two saves, as between two keys
    for number in range(SAVES):
        reason = Reason(
            text=f"Reason {number}: the calm I have now is mine and I want to keep it.",
            created_at=now(),
            position=next_position(repo.reasons),
        )
        found["reason"].append(timed(repo.save_reason, reason))
        ctx.changed("reasons", keep=reason.id)
        await asyncio.sleep(gap)
    for number in range(SAVES):
        win = Win(ctx.today, f"Win {number}: I went for a walk instead of checking.", now())
        found["win"].append(timed(repo.wins.save, win))
        ctx.changed("wins", keep=win.id)
        await asyncio.sleep(gap)
    session = UrgeSession.start(7, now())
    ctx.running_urge = session
    repo.save_urge(session)
    ctx.changed("urge")
    for number in range(SAVES):
        session = session.rated((7 - number // 5) % 10, now())
        ctx.running_urge = session
        found["check-in"].append(timed(repo.save_urge, session))
        ctx.changed("urge")
        await asyncio.sleep(gap)
    ended = session.ended("not_contacted", now())
    ctx.running_urge = None
    repo.save_urge(ended)
    ctx.changed("urge")
    return found


async def fold(repository: Any) -> float | None:
    """Fold the journal into the data files and wait for the end; milliseconds, or None
    when the repository cannot fold. The app's own fold runs in another process, so the
    event loop only waits by polling, as the app itself never waits."""
    began = time.perf_counter()
    compact = getattr(repository, "compact", None)
    if callable(compact):
        result = compact()
        if inspect.isawaitable(result):
            await result
        return (time.perf_counter() - began) * 1000
    start = getattr(repository, "fold_in_background", None)
    if not callable(start):
        return None
    start(True)
    ended = getattr(getattr(repository, "ledger", None), "wait_for_fold", None)
    limit = began + WAIT_LIMIT
    while callable(ended) and not ended(0):
        if time.perf_counter() > limit:
            raise TimeoutError(f"the fold did not end within {WAIT_LIMIT:g} s")
        await asyncio.sleep(0.01)
    return (time.perf_counter() - began) * 1000


async def probe(pilot: Any) -> Findings:
    """Run every measurement on the app ``pilot`` drives."""
    from companion.urge.history import UrgeHistoryScreen
    from companion.urge.screen import UrgeScreen

    app = pilot.app
    findings = Findings()
    await pilot.pause()
    ticker = Ticker()
    ticker.enter("first")
    ticker.start()
    await asyncio.sleep(FIRST_SECONDS)

    ticker.enter("saves")
    findings.saves_ms = await saves(app)

    ticker.enter("fold")
    findings.fold_ms = await fold(app.repository)
    await asyncio.sleep(AFTER_FOLD)

    ticker.enter("opening history")
    began = time.perf_counter()
    app.action_command("urge.history")
    await wait_for(pilot, lambda: isinstance(app.screen, UrgeHistoryScreen), "urge sessions")
    findings.history_open_ms = (time.perf_counter() - began) * 1000
    ticker.enter("history")  # the screen is drawn; the years are read in the background
    await wait_for(pilot, lambda: not busy(app), "every urge session")
    findings.history_full_ms = (time.perf_counter() - began) * 1000
    await asyncio.sleep(0.5)
    findings.stall_ms = await ticker.stop()
    await pilot.press("escape")
    await wait_for(pilot, lambda: not isinstance(app.screen, UrgeHistoryScreen), "main screen")

    await asyncio.sleep(SETTLE)
    findings.idle_cpu["main"] = await idle_cpu(IDLE)

    await pilot.press("u")
    await pilot.pause()
    await pilot.press("5")
    await wait_for(pilot, lambda: isinstance(app.screen, UrgeScreen), "urge session")
    await asyncio.sleep(SETTLE)
    findings.idle_cpu["urge"] = await idle_cpu(IDLE)
    return findings


def main(argv: list[str] | None = None) -> int:
    """Open the app over the folder, measure, report, and exit."""
    parser = argparse.ArgumentParser(prog="python -m benchmarks.inside")
    parser.add_argument("folder", type=Path)
    parser.add_argument("--report", type=int, default=1, metavar="FD")
    args = parser.parse_args(argv)
    os.umask(0o077)
    from companion.app import build_app

    app = build_app(args.folder)

    async def run(pilot: Any) -> None:
        """Measure, say what was found, and close the app."""
        findings = await probe(pilot)
        report(args.report, "result " + json.dumps(asdict(findings)))
        pilot.app.exit()

    app.run(headless=True, size=SIZE, auto_pilot=run)
    return 0


if __name__ == "__main__":
    sys.exit(main())
