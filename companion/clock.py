"""Where the app reads the time: one place, so tests can set it."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Protocol


class Clock(Protocol):
    """Something that tells the current time."""

    def now(self) -> datetime:
        """The current time, aware, in the local zone."""
        ...


class SystemClock:
    """The machine's clock."""

    def now(self) -> datetime:
        """The current local time, aware."""
        return datetime.now().astimezone()


class FixedClock:
    """A clock that stands still until moved; for tests and snapshots."""

    def __init__(self, moment: datetime) -> None:
        """Start at ``moment`` (aware)."""
        self.moment = moment

    def now(self) -> datetime:
        """The set time."""
        return self.moment

    def advance(self, **delta: float) -> None:
        """Move forward by a ``timedelta`` given as keywords (days=1, minutes=5)."""
        self.moment += timedelta(**delta)
