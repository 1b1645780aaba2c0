"""Shared builders and an independent, day-by-day model of the No Contact figures."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta

from hypothesis import strategies as st

from companion.domain.history import SLIP_KINDS, History, Slip

TODAY = date(2026, 11, 25)
"""The day most tests treat as today."""

LOGGED = datetime(2026, 11, 25, 12, 0, tzinfo=UTC)
"""A fixed, aware moment a slip was written down."""


def slip(
    on: date,
    *,
    new_stretch: bool = True,
    kind: str = "messaged",
    ident: str | None = None,
    logged_at: datetime = LOGGED,
) -> Slip:
    """A slip on ``on``; an id is generated unless one is given."""
    if ident is None:
        return Slip(on=on, kind=kind, logged_at=logged_at, new_stretch=new_stretch)
    return Slip(on=on, kind=kind, logged_at=logged_at, new_stretch=new_stretch, id=ident)


def history(start: date, slips: Iterable[Slip] = (), today: date = TODAY) -> History:
    """A history built the way the app builds it: set the start, then log each slip."""
    built = History().with_start(start, today)
    for each in slips:
        built = built.with_slip(each, today)
    return built


@dataclass(frozen=True)
class Expected:
    """The figures worked out by walking the calendar one day at a time."""

    current_start: date
    current_days: int
    stretch_days: tuple[int, ...]
    stretch_starts: tuple[date, ...]
    total: int


def walk(start: date, slips: Iterable[Slip], today: date) -> Expected:
    """Count No Contact days by hand: each day after the start is one, unless a slip
    that starts a new stretch happened on it; such a day begins a new stretch at 0."""
    resets = {s.on for s in slips if s.new_stretch}
    starts = [start]
    counts = [0]
    day = start + timedelta(days=1)
    while day <= today:
        if day in resets:
            starts.append(day)
            counts.append(0)
        else:
            counts[-1] += 1
        day += timedelta(days=1)
    return Expected(
        current_start=starts[-1],
        current_days=counts[-1],
        stretch_days=tuple(counts),
        stretch_starts=tuple(starts),
        total=sum(counts),
    )


@dataclass(frozen=True)
class Scenario:
    """A start day, a today, and slips (offsets in days from the start)."""

    start: date
    today: date
    slips: tuple[Slip, ...]


@st.composite
def scenarios(draw: st.DrawFn, max_span: int = 120, max_slips: int = 8) -> Scenario:
    """A valid history: slips on or after the start and not after today."""
    start = draw(st.dates(min_value=date(1990, 1, 1), max_value=date(2030, 12, 31)))
    span = draw(st.integers(min_value=0, max_value=max_span))
    today = start + timedelta(days=span)
    entries = draw(
        st.lists(
            st.tuples(
                st.integers(min_value=0, max_value=span),
                st.booleans(),
                st.sampled_from(sorted(SLIP_KINDS)),
                st.integers(min_value=0, max_value=10_000),
            ),
            max_size=max_slips,
        )
    )
    slips = tuple(
        slip(
            start + timedelta(days=offset),
            new_stretch=new_stretch,
            kind=kind,
            logged_at=LOGGED + timedelta(minutes=minutes),
        )
        for offset, new_stretch, kind, minutes in entries
    )
    return Scenario(start=start, today=today, slips=slips)
