"""The person's own figures from their urge sessions: how many, how often ridden out, and
how long they took to ease."""

from __future__ import annotations

import statistics
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta

from companion.domain.urge import UrgeSession


@dataclass(frozen=True)
class Figures:
    """A person's own urge curve, once there are enough sessions to say anything."""

    sessions: int
    """How many sessions these figures come from."""
    median_peak_minute: float
    """Median minutes from the start of a session to its peak."""
    median_half_minute: float | None
    """Median minutes until the rating fell to half the peak, where it did."""
    fell_to_half: int
    """In how many of the sessions the rating fell to half the peak or less."""


FIGURES_FROM = 5
"""Sessions needed before personal figures are shown."""


PEAKS_FROM = 3
"""Closed sessions needed before the little chart of their peaks is shown."""


@dataclass(frozen=True)
class UrgeStats:
    """What the idle pane shows."""

    closed: int
    """Sessions closed with an outcome (a session still running is not counted)."""
    this_week: int
    """Of those, how many started in the last 7 days."""
    not_contacted: int
    """Closed sessions the person ended with "I didn't contact them".

    "Still deciding" and "they contacted me" are not counted here: the person has not
    said they held back, and the app says only what they said.
    """
    recent_peaks: tuple[int, ...]
    """The highest rating of each recent closed session, oldest first."""
    figures: Figures | None
    """Personal figures, from FIGURES_FROM sessions on."""


def urge_stats(sessions: Iterable[UrgeSession], now: datetime, recent: int = 24) -> UrgeStats:
    """Counts and personal figures over every closed session."""
    closed = sorted((s for s in sessions if not s.running), key=lambda s: s.started_at)
    week_ago = now - timedelta(days=7)
    return UrgeStats(
        closed=len(closed),
        this_week=sum(1 for s in closed if s.started_at >= week_ago),
        not_contacted=sum(1 for s in closed if s.outcome == "not_contacted"),
        recent_peaks=tuple(s.peak.value for s in closed[len(closed) - max(recent, 0) :]),
        figures=personal_figures(closed),
    )


def personal_figures(sessions: Sequence[UrgeSession]) -> Figures | None:
    """Median peak minute and minutes to half the peak, from FIGURES_FROM sessions on."""
    rated = [s for s in sessions if not s.running]
    if len(rated) < FIGURES_FROM:
        return None
    halves = [m for m in (s.minutes_to_half() for s in rated) if m is not None]
    return Figures(
        sessions=len(rated),
        median_peak_minute=statistics.median(s.peak_minute() for s in rated),
        median_half_minute=statistics.median(halves) if halves else None,
        fell_to_half=len(halves),
    )
