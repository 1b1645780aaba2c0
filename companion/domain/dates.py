"""Reading the dates a person types, and saying spans of days in plain words."""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta

from dateutil.relativedelta import relativedelta

from companion.domain.errors import ValidationError

EARLIEST = date(1900, 1, 1)
"""No date before this is accepted."""

EXAMPLES = "for example 2025-10-17, 17 Oct, yesterday or 3 weeks ago"
"""The forms shown to a person when a date cannot be read."""

_AGO = re.compile(
    r"^(?P<count>\d{1,6}|a|an|one)\s*(?P<unit>days?|d|weeks?|w|months?|m|years?|y)\s*(ago|back)?$"
)
_WORD_COUNTS = {"a": 1, "an": 1, "one": 1}
YEAR_FIRST = re.compile(r"^(?P<y>\d{4})[-/.](?P<m>\d{1,2})[-/.](?P<d>\d{1,2})$")


class DateInputError(ValidationError):
    """A typed date that cannot be used, with the reason in plain words."""


def local_today(now: datetime) -> date:
    """The calendar day of ``now`` in the machine's local time zone."""
    if now.tzinfo is None:
        return now.date()
    return now.astimezone().date()


def parse_day(text: str, today: date) -> date:
    """Read a day from what a person typed, relative to ``today``.

    Accepts ISO dates, "17 Oct", "Oct 17 2025", "today", "yesterday" and "N days /
    weeks / months / years ago". A day with no year is the most recent one that has
    already happened. Raises :class:`DateInputError` with a message for the person.
    """
    cleaned = " ".join(text.strip().lower().split())
    if not cleaned:
        raise DateInputError(f"Type a date, {EXAMPLES}.")
    day = _relative_day(cleaned, today)
    if day is None:
        day = _calendar_day(cleaned, today)
    return check_day(day, today)


def check_day(day: date, today: date) -> date:
    """Refuse a day in the future or before 1900; return it unchanged otherwise."""
    if day > today:
        raise DateInputError(
            f"{format_day(day)} hasn't happened yet. Pick today or a day before it."
        )
    if day < EARLIEST:
        raise DateInputError("That is before 1900. Please pick a later date.")
    return day


def _relative_day(cleaned: str, today: date) -> date | None:
    """Read "today", "yesterday" and "N units ago", or return None."""
    if cleaned in ("today", "now", "tonight", "this morning"):
        return today
    if cleaned in ("yesterday", "last night"):
        return today - timedelta(days=1)
    match = _AGO.match(cleaned)
    if match is None:
        return None
    raw = match["count"]
    count = _WORD_COUNTS.get(raw) or int(raw)
    unit = match["unit"][0]
    try:
        if unit == "d":
            return today - timedelta(days=count)
        if unit == "w":
            return today - timedelta(weeks=count)
        if unit == "m":
            return today - relativedelta(months=count)
        return today - relativedelta(years=count)
    except (OverflowError, ValueError):
        raise DateInputError("That is before 1900. Please pick a later date.") from None


def _calendar_day(cleaned: str, today: date) -> date:
    """Read a calendar date; a missing year means the most recent such day."""
    if not re.search(r"\d", cleaned):
        # Month names alone ("october") would silently become a day of that month.
        raise DateInputError(f"I couldn't read that as a date. Try {EXAMPLES}.")
    unreadable = DateInputError(f"I couldn't read that as a date. Try {EXAMPLES}.")
    year_first = YEAR_FIRST.match(cleaned)
    if year_first:
        try:
            return date(int(year_first["y"]), int(year_first["m"]), int(year_first["d"]))
        except ValueError:
            raise unreadable from None
    # The parser is a large module, read only when a date is first typed in words.
    from dateutil import parser as date_parser

    try:
        # Two different defaults reveal which parts the person left out.
        first = date_parser.parse(cleaned, default=datetime(2000, 1, 1), dayfirst=True)
        second = date_parser.parse(cleaned, default=datetime(2004, 3, 3), dayfirst=True)
    except (ValueError, OverflowError):
        raise unreadable from None
    if first.day != second.day:
        raise DateInputError("Which day of the month? For example 17 Oct.")
    if first.month != second.month:
        return _this_month(first, today)
    if first.year != second.year:
        return _latest_past(first.month, first.day, today)
    return first.date()


def _this_month(parsed: datetime, today: date) -> date:
    """A day number alone ("17"): that day this month, or last month if still to come."""
    for back in range(0, 3):
        month = today.replace(day=1) - relativedelta(months=back)
        try:
            day = month.replace(day=parsed.day)
        except ValueError:
            continue
        if day <= today:
            return day
    raise DateInputError(f"I couldn't read that as a date. Try {EXAMPLES}.")


def _latest_past(month: int, day_of_month: int, today: date) -> date:
    """The most recent day with this month and day that is not after today."""
    for year in range(today.year, today.year - 9, -1):
        try:
            day = date(year, month, day_of_month)
        except ValueError:
            continue  # 29 Feb in a year without one
        if day <= today:
            return day
    raise DateInputError(f"I couldn't read that as a date. Try {EXAMPLES}.")


def format_day(day: date) -> str:
    """A day as people read it: "Fri 17 Oct 2025". Every day the app shows reads so."""
    return f"{day:%a} {day.day} {day:%b %Y}"


def format_moment(moment: datetime) -> str:
    """A moment in local time, as a day in the one style and then the time of day:
    "Fri 17 Oct 2025, 21:27". Every day with a time the app shows reads so."""
    local = moment.astimezone() if moment.tzinfo is not None else moment
    return f"{format_day(local.date())}, {local:%H:%M}"


def plural(count: int, word: str) -> str:
    """ "1 day", "2 days"."""
    return f"{count} {word}" if count == 1 else f"{count} {word}s"


def weeks_and_days(days: int) -> str:
    """ "3 weeks 2 days", "1 week", "5 days"."""
    weeks, rest = divmod(max(days, 0), 7)
    if weeks == 0:
        return plural(rest, "day")
    if rest == 0:
        return plural(weeks, "week")
    return f"{plural(weeks, 'week')} {plural(rest, 'day')}"


def months_and_days(start: date, end: date) -> str:
    """ "1 year 2 months 3 days" between two days, by the calendar."""
    span = relativedelta(end, start) if end >= start else relativedelta()
    parts = []
    if span.years:
        parts.append(plural(span.years, "year"))
    if span.months:
        parts.append(plural(span.months, "month"))
    if span.days or not parts:
        parts.append(plural(span.days, "day"))
    return " ".join(parts)
