"""Milestones along a stretch: quiet markers, never targets to fail."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from dateutil.relativedelta import relativedelta

from companion.domain.dates import plural

FIXED: tuple[int, ...] = (1, 3, 7, 14, 30, 60, 90, 180, 365)
"""Milestones in days in the first year; after it, each anniversary."""

_NAMES = {7: "1 week", 14: "2 weeks", 365: "1 year"}


@dataclass(frozen=True)
class Milestone:
    """A milestone: how many days in, and its name."""

    days: int
    """Days into the stretch."""
    name: str
    """How it is said: "2 weeks", "90 days", "3 years"."""


@dataclass(frozen=True)
class MilestoneProgress:
    """Where a stretch stands between two milestones."""

    previous: Milestone | None
    """The last milestone reached, if any."""
    next: Milestone
    """The next one ahead."""
    days: int
    """Days into the stretch now."""

    @property
    def fraction(self) -> float:
        """How far from the previous milestone to the next, 0.0 to 1.0."""
        low = self.previous.days if self.previous else 0
        return min(max((self.days - low) / (self.next.days - low), 0.0), 1.0)

    @property
    def days_to_go(self) -> int:
        """Days left until the next milestone."""
        return self.next.days - self.days


def milestone_at(stretch_start: date, index: int) -> Milestone:
    """The ``index``-th milestone (0-based) of a stretch that began on ``stretch_start``."""
    if index < len(FIXED):
        days = FIXED[index]
        return Milestone(days, _NAMES.get(days, plural(days, "day")))
    years = index - len(FIXED) + 2
    anniversary = stretch_start + relativedelta(years=years)
    return Milestone((anniversary - stretch_start).days, plural(years, "year"))


def progress(stretch_start: date, days: int) -> MilestoneProgress:
    """The milestones either side of ``days`` into a stretch."""
    index = 0
    previous = None
    while (milestone := milestone_at(stretch_start, index)).days <= days:
        previous = milestone
        index += 1
    return MilestoneProgress(previous=previous, next=milestone, days=days)


def reached_today(stretch_start: date, days: int) -> Milestone | None:
    """The milestone that falls exactly on ``days``, if one does."""
    reached = progress(stretch_start, days).previous
    return reached if reached is not None and reached.days == days else None
