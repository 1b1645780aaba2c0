"""Dates that matter: their birthday, anniversaries, holidays, a court date.

Days like these can bring an urge or a message from them. In the week before one,
the day counter says so quietly and offers to plan.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import Any

from companion.domain.dates import EARLIEST, YEAR_FIRST, format_day, plural
from companion.domain.errors import ValidationError
from companion.domain.fields import check_line, check_note, new_id, parse_aware, read_field

NAME_LIMIT = 80
"""The longest name of a date."""

WEEK = 7
"""How many days ahead a date is mentioned."""

_HELP = "Type a day and month, such as 14 Feb or 3 March, or a full date such as 2027-01-10."


def check_date_name(text: str) -> str:
    """The name of a date: one line, not empty."""
    return check_line(text, "The name", NAME_LIMIT, "Give the date a name, such as their birthday.")


def parse_month_day(text: str) -> tuple[int, int, int | None]:
    """Read "14 Feb", "Feb 14", "2027-01-10" or "10 Jan 2027": (month, day, year or None)."""
    cleaned = " ".join(text.strip().lower().split())
    if not cleaned:
        raise ValidationError(_HELP)
    if not re.search(r"\d", cleaned):
        raise ValidationError(f"I couldn't read that as a day. {_HELP}")
    year_first = YEAR_FIRST.match(cleaned)
    if year_first:
        month, day, year = int(year_first["m"]), int(year_first["d"]), int(year_first["y"])
        try:
            date(year, month, day)
        except ValueError:
            raise ValidationError(f"That day doesn't exist. {_HELP}") from None
        return month, day, year
    # The parser is a large module, read only when a date is first typed in words.
    from dateutil import parser as date_parser

    try:
        # Two leap-year defaults show which parts were typed (29 Feb stays possible).
        first = date_parser.parse(cleaned, default=datetime(2000, 1, 1), dayfirst=True)
        second = date_parser.parse(cleaned, default=datetime(2004, 3, 3), dayfirst=True)
    except (ValueError, OverflowError):
        raise ValidationError(f"I couldn't read that as a day. {_HELP}") from None
    if first.day != second.day or first.month != second.month:
        raise ValidationError(f"Which day and month? {_HELP}")
    typed_year = first.year if first.year == second.year else None
    return first.month, first.day, typed_year


def when_words(month: int, day: int, year: int | None) -> str:
    """A date that matters in words: "14 Feb, every year" (no year) or "Sun 10 Jan 2027"."""
    if year is None:
        return f"{day} {calendar.month_abbr[month]}, every year"
    return format_day(date(year, month, day))


def _on_year(month: int, day: int, year: int) -> date:
    """That day in ``year``; 29 Feb falls on 28 Feb in a year without one."""
    if month == 2 and day == 29 and not calendar.isleap(year):
        return date(year, 2, 28)
    return date(year, month, day)


@dataclass(frozen=True)
class MarkedDate:
    """A date that matters, every year or once."""

    name: str
    """What the day is, in the person's words."""
    month: int
    """1 to 12."""
    day: int
    """The day of the month."""
    logged_at: datetime
    """When it was noted."""
    year: int | None = None
    """The year of a one-time date; None for a date that comes every year."""
    plan: str = ""
    """The person's plan for getting through it."""
    id: str = field(default_factory=new_id)
    """A stable identifier."""

    def __post_init__(self) -> None:
        """Refuse what cannot be right."""
        object.__setattr__(self, "name", check_date_name(self.name))
        try:
            when = date(2000 if self.year is None else self.year, self.month, self.day)
        except (ValueError, TypeError, OverflowError):
            raise ValidationError(f"That day doesn't exist. {_HELP}") from None
        if when < EARLIEST:
            raise ValidationError("That date is before 1900.")
        if self.logged_at.tzinfo is None:
            raise ValidationError("The time a date was noted has no time zone.")
        if not self.id:
            raise ValidationError("A date is missing its identifier.")
        check_note(self.plan)

    @property
    def every_year(self) -> bool:
        """True for a date that comes back each year."""
        return self.year is None

    def next_on(self, today: date) -> date | None:
        """The next time it falls on or after ``today``; None once a one-time date is past."""
        if self.year is not None:
            once = date(self.year, self.month, self.day)
            return once if once >= today else None
        this_year = _on_year(self.month, self.day, today.year)
        return this_year if this_year >= today else _on_year(self.month, self.day, today.year + 1)

    def words(self) -> str:
        """When it falls, in words: "14 Feb, every year" or "Sun 10 Jan 2027"."""
        return when_words(self.month, self.day, self.year)

    def to_dict(self) -> dict[str, Any]:
        """Plain JSON-ready values."""
        return {
            "id": self.id,
            "name": self.name,
            "month": self.month,
            "day": self.day,
            "year": self.year,
            "logged_at": self.logged_at.isoformat(),
            "plan": self.plan,
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> MarkedDate:
        """Rebuild, refusing anything malformed."""
        what = "A date that matters"
        year = data.get("year") if isinstance(data, Mapping) else None
        if year is not None and (not isinstance(year, int) or isinstance(year, bool)):
            raise ValidationError(f"{what} is damaged (year).")
        return cls(
            name=read_field(data, "name", str, what),
            month=read_field(data, "month", int, what),
            day=read_field(data, "day", int, what),
            logged_at=parse_aware(data.get("logged_at"), "time a date was noted"),
            year=year,
            plan=read_field(data, "plan", str, what, ""),
            id=read_field(data, "id", str, what),
        )


@dataclass(frozen=True)
class Ahead:
    """A date that matters, coming up soon."""

    marked: MarkedDate
    """The date."""
    on: date
    """The day it falls this time."""
    days: int
    """Days from today: 0 is today."""

    def when(self) -> str:
        """ "today", "tomorrow" or "in 3 days"."""
        if self.days == 0:
            return "today"
        return "tomorrow" if self.days == 1 else f"in {plural(self.days, 'day')}"


def coming_up(dates: Iterable[MarkedDate], today: date, within: int = WEEK) -> list[Ahead]:
    """The dates falling from today to ``within`` days ahead, soonest first."""
    found = []
    for marked in dates:
        on = marked.next_on(today)
        if on is not None and on - today <= timedelta(days=within):
            found.append(Ahead(marked, on, (on - today).days))
    return sorted(found, key=lambda a: (a.days, a.marked.name.casefold()))


def in_calendar_order(dates: Iterable[MarkedDate], today: date) -> list[MarkedDate]:
    """Dates by when they next fall; past one-time dates last, newest first."""

    def key(marked: MarkedDate) -> tuple[int, int, str]:
        on = marked.next_on(today)
        if on is None:
            past = date(marked.year or 1900, marked.month, marked.day)
            return (1, -past.toordinal(), marked.name.casefold())
        return (0, on.toordinal(), marked.name.casefold())

    return sorted(dates, key=key)
