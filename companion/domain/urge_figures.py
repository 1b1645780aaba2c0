"""The person's own figures from their urge sessions: how many, how often ridden out, and
how long they took to ease."""

from __future__ import annotations

import statistics
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

from companion.domain.errors import ValidationError
from companion.domain.fields import is_whole_number, parse_aware
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


TALLY_RECENT = 48
"""Closed sessions a tally keeps by name, newest last: enough for the chart of recent
peaks and the week's count even after a few of them are removed."""


def _median_of(counts: Mapping[int, int]) -> float | None:
    """The median of values given as ``{value: how many}`` (the mean of the two middle
    values when there is an even number), or None when there are none."""
    total = sum(counts.values())
    if total == 0:
        return None
    wanted = ((total - 1) // 2, total // 2)
    found: list[int] = []
    seen = 0
    for value in sorted(counts):
        seen += counts[value]
        while len(found) < 2 and seen > wanted[len(found)]:
            found.append(value)
    return (found[0] + found[1]) / 2


def _seconds(minutes: float) -> int:
    """Minutes rounded to the nearest whole second."""
    return round(minutes * 60)


@dataclass
class UrgeTally:
    """Running totals over closed sessions, kept up to date as sessions are saved, so the
    figures can be shown without reading every session. Times to peak and to half are
    kept to the second."""

    closed: int = 0
    not_contacted: int = 0
    peak_seconds: Counter[int] = field(default_factory=Counter)
    half_seconds: Counter[int] = field(default_factory=Counter)
    recent: list[tuple[str, datetime, int]] = field(default_factory=list)
    """(id, start, peak rating) of the newest closed sessions, oldest first."""

    def count(self, session: UrgeSession, sign: int) -> None:
        """Add a closed session to the totals (``sign`` 1) or take it away (-1)."""
        if session.running:
            return
        self.closed = max(self.closed + sign, 0)
        if session.outcome == "not_contacted":
            self.not_contacted = max(self.not_contacted + sign, 0)
        self.peak_seconds[_seconds(session.peak_minute())] += sign
        half = session.minutes_to_half()
        if half is not None:
            self.half_seconds[_seconds(half)] += sign
        self.peak_seconds = +self.peak_seconds
        self.half_seconds = +self.half_seconds
        kept = [item for item in self.recent if item[0] != session.id]
        if sign > 0:
            kept.append((session.id, session.started_at, session.peak.value))
            kept.sort(key=lambda item: item[1])
        self.recent = kept[-TALLY_RECENT:]

    def changed(self, old: UrgeSession | None, new: UrgeSession | None) -> None:
        """Follow one session from how it was to how it is now (None: absent)."""
        if old is not None:
            self.count(old, -1)
        if new is not None:
            self.count(new, 1)

    def stats(self, now: datetime, recent: int = 24) -> UrgeStats:
        """What the idle pane shows, as :func:`urge_stats` would give it."""
        week_ago = now - timedelta(days=7)
        peaks = tuple(peak for _, _, peak in self.recent[len(self.recent) - max(recent, 0) :])
        figures = None
        if self.closed >= FIGURES_FROM:
            peak = _median_of(self.peak_seconds)
            half = _median_of(self.half_seconds)
            figures = Figures(
                sessions=self.closed,
                median_peak_minute=(peak or 0) / 60,
                median_half_minute=None if half is None else half / 60,
                fell_to_half=sum(self.half_seconds.values()),
            )
        return UrgeStats(
            closed=self.closed,
            this_week=sum(1 for _, start, _ in self.recent if start >= week_ago),
            not_contacted=self.not_contacted,
            recent_peaks=peaks,
            figures=figures,
        )

    def to_dict(self) -> dict[str, Any]:
        """Plain JSON-ready values."""
        return {
            "closed": self.closed,
            "not_contacted": self.not_contacted,
            "peak_seconds": {str(k): v for k, v in sorted(self.peak_seconds.items())},
            "half_seconds": {str(k): v for k, v in sorted(self.half_seconds.items())},
            "recent": [[i, start.isoformat(), peak] for i, start, peak in self.recent],
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> UrgeTally:
        """Rebuild, refusing anything malformed."""
        try:
            tally = cls(
                closed=_count(data["closed"]),
                not_contacted=_count(data["not_contacted"]),
                peak_seconds=Counter(
                    {int(k): _count(v) for k, v in dict(data["peak_seconds"]).items()}
                ),
                half_seconds=Counter(
                    {int(k): _count(v) for k, v in dict(data["half_seconds"]).items()}
                ),
                recent=[
                    (str(i), parse_aware(start, "session start"), _count(peak))
                    for i, start, peak in data["recent"]
                ],
            )
        except (KeyError, TypeError, ValueError) as error:
            raise ValidationError("The urge totals are damaged.") from error
        return tally


def _count(value: object) -> int:
    """A stored whole number of zero or more."""
    if not is_whole_number(value) or value < 0:
        raise ValueError("not a count")
    return int(value)
