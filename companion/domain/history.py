"""No Contact history: when it began, the slips since, and the figures drawn from them.

Days are calendar days. The start day and each slip day are "day 0" of a stretch; a
stretch's count on a given day is how many days have passed since it began, today
included. The day contact happened is not a No Contact day, so logging a slip takes
that one day out of the total and never any day before it. A slip logged as a brief
exception is kept in the history and changes no figure.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from datetime import date, datetime
from itertools import pairwise
from typing import Any, Protocol, TypeVar

from companion.domain.dates import EARLIEST, check_day, format_day, plural
from companion.domain.errors import ValidationError
from companion.domain.fields import check_note, new_id, parse_aware, parse_date

T = TypeVar("T")

SLIP_KINDS: dict[str, str] = {
    "messaged": "I sent {them} a message",
    "called": "I called {them}",
    "answered": "I answered when {they} reached out",
    "met": "We met in person",
    "looked": "I looked at {their} profiles or posts",
    "other": "Something else",
}
"""What kind of contact happened, in the person's own voice; see :func:`slip_label`."""


def with_alias(template: str, alias: str = "") -> str:
    """Fill {them}, {they}, {They} and {their} with the alias, or the plain words."""
    return template.format(
        them=alias or "them",
        they=alias or "they",
        They=alias or "They",
        their=f"{alias}'s" if alias else "their",
    )


def slip_label(kind: str, alias: str = "") -> str:
    """A kind of contact in words, naming the person by their alias when there is one."""
    return with_alias(SLIP_KINDS[kind], alias)


@dataclass(frozen=True)
class Slip:
    """A time contact happened. It starts a new stretch unless it was a brief exception."""

    on: date
    """The day contact happened."""
    kind: str
    """A key of :data:`SLIP_KINDS`."""
    logged_at: datetime
    """When it was written down."""
    note: str = ""
    """Anything the person wanted to keep about it, exactly as typed."""
    new_stretch: bool = True
    """False for a brief exception that does not restart the count."""
    id: str = field(default_factory=new_id)
    """A stable identifier, used to edit or delete it."""

    def __post_init__(self) -> None:
        """Refuse values that cannot be right, from any source."""
        if self.kind not in SLIP_KINDS:
            raise ValidationError(f"Unknown kind of contact {self.kind!r}.")
        if self.on < EARLIEST:
            raise ValidationError("A slip can't be dated before 1900.")
        if not self.id:
            raise ValidationError("A slip is missing its identifier.")
        if self.logged_at.tzinfo is None:
            raise ValidationError("The time a slip was logged has no time zone.")
        check_note(self.note)

    def to_dict(self) -> dict[str, Any]:
        """Plain JSON-ready values."""
        return {
            "id": self.id,
            "on": self.on.isoformat(),
            "kind": self.kind,
            "note": self.note,
            "new_stretch": self.new_stretch,
            "logged_at": self.logged_at.isoformat(),
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Slip:
        """Rebuild a slip, refusing anything malformed."""
        note = data.get("note", "")
        new_stretch = data.get("new_stretch", True)
        ident = data.get("id")
        if not isinstance(note, str) or not isinstance(new_stretch, bool):
            raise ValidationError("A slip record is damaged.")
        if not isinstance(ident, str):
            raise ValidationError("A slip is missing its identifier.")
        kind = data.get("kind")
        if not isinstance(kind, str):
            raise ValidationError("A slip is missing its kind of contact.")
        return cls(
            on=parse_date(data.get("on"), "slip date"),
            kind=kind,
            logged_at=parse_aware(data.get("logged_at"), "time a slip was logged"),
            note=note,
            new_stretch=new_stretch,
            id=ident,
        )


@dataclass(frozen=True)
class Stretch:
    """One unbroken run of No Contact days."""

    start: date
    """Day 0 of the stretch: the start day, or the day of the slip that began it."""
    end: date | None
    """The day of the slip that ended it, or None for the current stretch."""
    days: int
    """No Contact days in it."""


@dataclass(frozen=True)
class Summary:
    """The figures the day counter shows, for one day."""

    today: date
    """The day these figures are for."""
    started: date
    """The day No Contact first began."""
    current: Stretch
    """The stretch going on now."""
    longest_days: int
    """The longest stretch so far, the current one included."""
    total_days: int
    """All No Contact days since the start; a slip never takes any away."""
    stretches: tuple[Stretch, ...]
    """Every stretch, oldest first, the current one last."""
    slips: int
    """How many slips are logged up to today."""
    exceptions: int = 0
    """How many of those were brief exceptions (they change no other figure)."""


@dataclass(frozen=True)
class History:
    """When No Contact began and every slip since; figures are computed for a given day."""

    start: date | None = None
    """The first day of No Contact, or None before the person has set it."""
    slips: tuple[Slip, ...] = ()
    """Every slip, oldest first."""

    def __post_init__(self) -> None:
        """Keep slips in date order, whatever order they were logged in."""
        ordered = tuple(sorted(self.slips, key=lambda slip: (slip.on, slip.logged_at)))
        object.__setattr__(self, "slips", ordered)

    def with_start(self, start: date, today: date) -> History:
        """Set or correct the start day, refusing a future day or one after a slip."""
        check_day(start, today)
        if self.slips and start > self.slips[0].on:
            first = format_day(self.slips[0].on)
            raise ValidationError(
                f"A slip is logged on {first}, so No Contact must have begun on or before "
                "that day. You can edit or remove that slip first."
            )
        return replace(self, start=start)

    def with_slip(self, slip: Slip, today: date) -> History:
        """Add a slip, or replace the one with the same id."""
        check_day(slip.on, today)
        if self.start is None:
            raise ValidationError("Set the day No Contact began before logging a slip.")
        if slip.on < self.start:
            raise ValidationError(
                f"No Contact began on {format_day(self.start)}; a slip needs to be on or "
                "after that day."
            )
        others = tuple(s for s in self.slips if s.id != slip.id)
        return replace(self, slips=(*others, slip))

    def without_slip(self, slip_id: str) -> History:
        """Remove a slip; unknown ids change nothing."""
        return replace(self, slips=tuple(s for s in self.slips if s.id != slip_id))

    def find_slip(self, slip_id: str) -> Slip | None:
        """The slip with this id, if any."""
        return next((s for s in self.slips if s.id == slip_id), None)

    def summary(self, today: date) -> Summary | None:
        """The figures for ``today``; None until a start day is set."""
        if self.start is None:
            return None
        start = min(self.start, today)
        resets = sorted({s.on for s in self.slips if s.new_stretch and start <= s.on <= today})
        bounds = [start, *(day for day in resets if day > start)]
        stretches = []
        for begin, end in pairwise(bounds):
            stretches.append(Stretch(begin, end, max((end - begin).days - 1, 0)))
        current = Stretch(bounds[-1], None, (today - bounds[-1]).days)
        stretches.append(current)
        # A slip on the start day itself takes no day away: day 0 is never counted.
        total = (today - start).days - sum(1 for day in resets if day > start)
        return Summary(
            today=today,
            started=start,
            current=current,
            longest_days=max(s.days for s in stretches),
            total_days=total,
            stretches=tuple(stretches),
            slips=sum(1 for s in self.slips if s.on <= today),
            exceptions=sum(1 for s in self.slips if s.on <= today and not s.new_stretch),
        )

    @classmethod
    def build(cls, start: str | None, slips: Iterable[Mapping[str, Any]]) -> History:
        """Rebuild from stored values, refusing anything malformed."""
        day = None if start is None else parse_date(start, "start date")
        return cls(start=day, slips=tuple(Slip.from_dict(s) for s in slips))


class Logged(Protocol):
    """A record of something that happened on a day, written down at a moment."""

    @property
    def on(self) -> date:
        """The day it happened."""

    @property
    def logged_at(self) -> datetime:
        """When it was written down."""


L = TypeVar("L", bound=Logged)


def newest_first(records: Iterable[L]) -> list[L]:
    """Records newest day first; of one day, the one written down last first."""
    return sorted(records, key=lambda r: (r.on, r.logged_at), reverse=True)


def stretch_words(before: Summary | None, after: Summary | None) -> str:
    """What logging a slip did to the total, in the words of the rule itself.

    The day contact happened is not a No Contact day; every day before it still counts.
    So the total goes down by that one day at most, and the words say so where it does.
    """
    if after is None:
        return "Logged. A new stretch has begun."
    total = plural(after.total_days, "day")
    if before is not None and after.total_days < before.total_days:
        return (
            f"Logged. A new stretch has begun. Your total is now {total}: the day contact "
            "happened is not counted as a No Contact day, and every day before it still counts."
        )
    return f"Logged. A new stretch has begun. Your total stays {total}: every day still counts."
