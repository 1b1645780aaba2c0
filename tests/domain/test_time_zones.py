"""Days are calendar days in the person's own zone, across clock changes and leap days."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from companion.domain.dates import local_today, months_and_days
from companion.domain.history import History, Summary
from tests.domain.support import history, slip

SetZone = Callable[[str], None]


@pytest.fixture
def local_zone(monkeypatch: pytest.MonkeyPatch) -> Iterator[SetZone]:
    """Set the machine's local time zone for one test, then put the old one back."""

    def set_zone(name: str) -> None:
        monkeypatch.setenv("TZ", name)
        time.tzset()

    yield set_zone
    monkeypatch.undo()
    time.tzset()


def summary_of(built: History, today: date) -> Summary:
    """The summary, which must exist once a start day is set."""
    result = built.summary(today)
    assert result is not None
    return result


def instants(first: datetime, last: datetime, step: timedelta) -> Iterator[datetime]:
    """Aware moments from ``first`` to ``last`` inclusive."""
    moment = first
    while moment <= last:
        yield moment
        moment += step


# Each case: a zone, the local day of a clock change, and how long that day really is.
CLOCK_CHANGES = [
    ("Europe/London", date(2024, 3, 31), timedelta(hours=23)),
    ("Europe/London", date(2024, 10, 27), timedelta(hours=25)),
    ("America/New_York", date(2024, 3, 10), timedelta(hours=23)),
    ("America/New_York", date(2024, 11, 3), timedelta(hours=25)),
    ("Australia/Lord_Howe", date(2024, 10, 6), timedelta(hours=23, minutes=30)),
    ("Australia/Lord_Howe", date(2024, 4, 7), timedelta(hours=24, minutes=30)),
    # Chile moves its clocks at midnight: 00:00 on 8 Sep 2024 never happened there.
    ("America/Santiago", date(2024, 9, 8), timedelta(hours=23)),
]


@pytest.mark.parametrize(("zone", "change_day", "length"), CLOCK_CHANGES)
def test_the_day_count_steps_once_at_each_local_midnight_across_a_clock_change(
    local_zone: SetZone, zone: str, change_day: date, length: timedelta
) -> None:
    """Across a clock change the counter goes up by exactly one each local day, never by
    elapsed hours: a 23- or 25-hour day is still one day."""
    local_zone(zone)
    tz = ZoneInfo(zone)
    next_day = change_day + timedelta(days=1)
    day_start = datetime(change_day.year, change_day.month, change_day.day, tzinfo=tz)
    next_start = datetime(next_day.year, next_day.month, next_day.day, tzinfo=tz)
    real_length = next_start.astimezone(UTC) - day_start.astimezone(UTC)
    assert real_length == length, "the scenario must really cross a clock change"

    start = change_day - timedelta(days=2)
    built = history(start, today=start)
    first = datetime(start.year, start.month, start.day, 12, tzinfo=tz).astimezone(UTC)
    seen: list[tuple[date, int]] = []
    for moment in instants(first, first + timedelta(days=4), timedelta(minutes=15)):
        today = local_today(moment)
        assert today == moment.astimezone(tz).date()
        days = summary_of(built, today).current.days
        assert days == (today - start).days
        if not seen or seen[-1][0] != today:
            seen.append((today, days))
    assert [count for _, count in seen] == [0, 1, 2, 3, 4]
    assert [day for day, _ in seen] == [start + timedelta(days=n) for n in range(5)]


def test_a_25_hour_day_is_still_day_zero_at_its_end(local_zone: SetZone) -> None:
    """Starting on the New York day the clocks go back, 24.5 hours later it is still day 0."""
    local_zone("America/New_York")
    tz = ZoneInfo("America/New_York")
    midnight = datetime(2024, 11, 3, tzinfo=tz)
    late = (midnight.astimezone(UTC) + timedelta(hours=24, minutes=30)).astimezone(tz)
    assert late.date() == date(2024, 11, 3)
    built = history(date(2024, 11, 3), today=date(2024, 11, 3))
    assert summary_of(built, local_today(late)).current.days == 0
    after = late + timedelta(minutes=31)
    assert summary_of(built, local_today(after)).current.days == 1


def test_a_23_hour_day_reaches_day_one_after_23_hours(local_zone: SetZone) -> None:
    """Starting on the London day the clocks go forward, day 1 arrives 23 hours later."""
    local_zone("Europe/London")
    tz = ZoneInfo("Europe/London")
    midnight = datetime(2024, 3, 31, tzinfo=tz).astimezone(UTC)
    built = history(date(2024, 3, 31), today=date(2024, 3, 31))
    just_before = midnight + timedelta(hours=22, minutes=59)
    just_after = midnight + timedelta(hours=23)
    assert summary_of(built, local_today(just_before)).current.days == 0
    assert summary_of(built, local_today(just_after)).current.days == 1


def test_lord_howe_half_hour_shift_moves_midnight(local_zone: SetZone) -> None:
    """On Lord Howe Island, after the 30-minute change, 13:15 UTC is already the next day."""
    local_zone("Australia/Lord_Howe")
    # Before the change (UTC+10:30) 13:15 UTC is 23:45; after it (UTC+11) it is 00:15.
    assert local_today(datetime(2024, 10, 5, 13, 15, tzinfo=UTC)) == date(2024, 10, 5)
    assert local_today(datetime(2024, 10, 6, 13, 15, tzinfo=UTC)) == date(2024, 10, 7)
    assert local_today(datetime(2024, 10, 6, 12, 59, tzinfo=UTC)) == date(2024, 10, 6)


def test_an_aware_time_is_read_in_the_machines_zone(local_zone: SetZone) -> None:
    """The same moment is a different calendar day in Sydney and in New York."""
    moment = datetime(2026, 11, 25, 20, 0, tzinfo=UTC)
    local_zone("Australia/Sydney")
    assert local_today(moment) == date(2026, 11, 26)
    local_zone("America/New_York")
    assert local_today(moment) == date(2026, 11, 25)
    local_zone("Pacific/Kiritimati")
    assert local_today(datetime(2026, 11, 25, 10, 0, tzinfo=UTC)) == date(2026, 11, 26)


def test_an_aware_time_in_another_zone_is_converted(local_zone: SetZone) -> None:
    """A time stamped in Tokyo is counted on the day it was in the machine's zone."""
    local_zone("Europe/London")
    tokyo = datetime(2026, 11, 26, 8, 0, tzinfo=ZoneInfo("Asia/Tokyo"))  # 23:00 in London
    assert local_today(tokyo) == date(2026, 11, 25)


def test_a_naive_time_is_taken_as_it_is(local_zone: SetZone) -> None:
    """A time with no zone is taken at face value, whatever the machine's zone."""
    local_zone("Pacific/Auckland")
    assert local_today(datetime(2026, 11, 25, 23, 59)) == date(2026, 11, 25)
    local_zone("America/Los_Angeles")
    assert local_today(datetime(2026, 11, 25, 0, 0)) == date(2026, 11, 25)


@pytest.mark.parametrize(
    ("start", "today", "days"),
    [
        (date(2024, 2, 28), date(2024, 3, 1), 2),
        (date(2023, 2, 28), date(2023, 3, 1), 1),
        (date(2024, 2, 29), date(2025, 2, 28), 365),
        (date(2024, 2, 29), date(2025, 3, 1), 366),
        (date(2023, 3, 1), date(2024, 3, 1), 366),
        (date(1999, 12, 31), date(2000, 3, 1), 61),
        (date(2099, 12, 31), date(2100, 3, 1), 60),
    ],
)
def test_leap_days_are_counted_like_any_other_day(start: date, today: date, days: int) -> None:
    """29 February is a day like any other: counts match the calendar across leap years."""
    result = summary_of(history(start, today=today), today)
    assert result.current.days == result.total_days == (today - start).days == days


def test_a_slip_on_29_february_costs_that_day(local_zone: SetZone) -> None:
    """A slip late on 29 Feb in New York (already 1 Mar in UTC) is counted on 29 Feb."""
    local_zone("America/New_York")
    tz = ZoneInfo("America/New_York")
    late = datetime(2024, 2, 29, 23, 30, tzinfo=tz)
    assert late.astimezone(UTC).date() == date(2024, 3, 1)
    slip_day = local_today(late.astimezone(UTC))
    assert slip_day == late.astimezone(tz).date() == date(2024, 2, 29)
    built = history(date(2024, 2, 1), [slip(slip_day)], today=date(2024, 3, 10))
    result = summary_of(built, date(2024, 3, 10))
    assert result.stretches[0].days == 27  # 2 Feb to 28 Feb
    assert result.current.start == date(2024, 2, 29)
    assert result.current.days == 10  # 1 Mar to 10 Mar
    assert result.total_days == 37
    assert months_and_days(date(2024, 2, 29), date(2024, 3, 10)) == "10 days"
