"""Reading typed dates and saying spans of days in words."""

from __future__ import annotations

import string
from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from companion.domain.dates import (
    EARLIEST,
    DateInputError,
    check_day,
    format_day,
    months_and_days,
    parse_day,
    plural,
    weeks_and_days,
)
from companion.domain.errors import ValidationError
from tests.domain.support import TODAY

# --- Reading typed dates -----------------------------------------------------------


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("2025-10-17", date(2025, 10, 17)),
        ("17 Oct", date(2026, 10, 17)),
        ("17 Dec", date(2025, 12, 17)),
        ("Oct 17 2025", date(2025, 10, 17)),
        ("17/10/2025", date(2025, 10, 17)),
        ("2025/2/3", date(2025, 2, 3)),
        ("today", date(2026, 11, 25)),
        ("yesterday", date(2026, 11, 24)),
        ("3 days ago", date(2026, 11, 22)),
        ("2 weeks ago", date(2026, 11, 11)),
        ("4 months ago", date(2026, 7, 25)),
        ("a year ago", date(2025, 11, 25)),
        ("29 Feb", date(2024, 2, 29)),
        ("17", date(2026, 11, 17)),
        ("30", date(2026, 10, 30)),
        ("  Yesterday  ", date(2026, 11, 24)),
        ("TODAY", date(2026, 11, 25)),
        ("3   Days  Ago", date(2026, 11, 22)),
        ("1900-01-01", date(1900, 1, 1)),
    ],
)
def test_typed_dates_are_read_as_the_person_meant(typed: str, expected: date) -> None:
    """What a person types on 25 Nov 2026 lands on the day they meant, never a later one."""
    assert parse_day(typed, TODAY) == expected


@pytest.mark.parametrize(
    ("typed", "fragment"),
    [
        ("", "Type a date"),
        ("   ", "Type a date"),
        ("banana", "couldn't read"),
        ("october", "couldn't read"),
        ("2025-02-30", "couldn't read"),
        ("2027-01-01", "hasn't happened yet"),
        ("tomorrow", "couldn't read"),
        ("17 Oct 3025", "hasn't happened yet"),
        ("1899-05-01", "before 1900"),
        ("0001-01-01", "before 1900"),
        ("99999 years ago", "before 1900"),
        ("Oct 2025", "Which day"),
    ],
)
def test_unusable_dates_are_refused_with_a_reason(typed: str, fragment: str) -> None:
    """A date that can't be used is refused with a calm sentence saying why."""
    with pytest.raises(DateInputError, match=fragment):
        parse_day(typed, TODAY)


def test_a_future_date_names_the_day_in_the_message() -> None:
    """Refusing a future day says which day was understood."""
    with pytest.raises(DateInputError) as refused:
        parse_day("2027-01-01", TODAY)
    assert "Fri 1 Jan 2027" in str(refused.value)


def test_date_errors_are_validation_errors() -> None:
    """A date refusal is caught by the same handler as every other validation message."""
    assert issubclass(DateInputError, ValidationError)
    assert issubclass(ValidationError, ValueError)


def test_check_day_accepts_today_and_refuses_tomorrow() -> None:
    """Today and 1 Jan 1900 are accepted as they are; tomorrow and 1899 are refused."""
    assert check_day(TODAY, TODAY) == TODAY
    assert check_day(EARLIEST, TODAY) == EARLIEST
    with pytest.raises(DateInputError, match="hasn't happened yet"):
        check_day(date(2026, 11, 26), TODAY)
    with pytest.raises(DateInputError, match="before 1900"):
        check_day(date(1899, 12, 31), TODAY)


_NOISY = st.one_of(
    st.text(),
    st.text(alphabet=string.digits + " /-.:", max_size=30),
    st.lists(
        st.sampled_from(
            ["17", "oct", "2025", " ", "ago", "days", "a", "-", "/", "[bold]", "\x00", "\n"]
        ),
        max_size=12,
    ).map("".join),
    st.sampled_from(
        ["[bold]17 Oct[/]", "\x1b[31m17\x1b[0m", "17\u200boct", "\uff11\uff17 Oct", "٣ days ago"]
    ),
    st.text(min_size=2_000, max_size=5_000),
    st.integers(min_value=-(10**30), max_value=10**30).map(str),
    st.builds(lambda n, u: f"{n} {u} ago", st.integers(0, 10**7), st.sampled_from("dwmy")),
)


@settings(max_examples=400, deadline=None)
@given(_NOISY)
def test_any_text_is_either_a_past_day_or_a_calm_refusal(typed: str) -> None:
    """Whatever is typed or pasted, the person gets a day since 1900 or a message, never a crash."""
    try:
        day = parse_day(typed, TODAY)
    except DateInputError as refused:
        assert str(refused)
    else:
        assert EARLIEST <= day <= TODAY


@settings(max_examples=200, deadline=None)
@given(
    st.dates(min_value=date(1900, 1, 1), max_value=date(9000, 12, 31)),
    st.sampled_from(
        ["17", "30", "31", "29 Feb", "17 Oct", "31 Dec", "1 Jan", "yesterday", "12 weeks ago"]
    ),
)
def test_a_day_without_a_year_is_never_after_today(today: date, typed: str) -> None:
    """On any day, a day typed without a year is the most recent one already past."""
    try:
        day = parse_day(typed, today)
    except DateInputError as refused:
        assert "before 1900" in str(refused)
    else:
        assert EARLIEST <= day <= today
        assert (today - day).days <= 366 * 8 + 1


@settings(max_examples=150, deadline=None)
@given(st.dates(min_value=date(1900, 1, 1), max_value=TODAY))
def test_an_iso_date_reads_back_as_itself(day: date) -> None:
    """Any past day typed as YYYY-MM-DD, or day first with slashes, reads back unchanged."""
    assert parse_day(day.isoformat(), TODAY) == day
    assert parse_day(f"{day.day}/{day.month}/{day.year}", TODAY) == day


# --- Saying spans in words ---------------------------------------------------------


@pytest.mark.parametrize(
    ("days", "words"),
    [
        (0, "0 days"),
        (1, "1 day"),
        (6, "6 days"),
        (7, "1 week"),
        (8, "1 week 1 day"),
        (14, "2 weeks"),
        (17, "2 weeks 3 days"),
        (-5, "0 days"),
    ],
)
def test_weeks_and_days(days: int, words: str) -> None:
    """Day counts are said in weeks and days, with singular and plural right."""
    assert weeks_and_days(days) == words


@pytest.mark.parametrize(
    ("start", "end", "words"),
    [
        (date(2025, 10, 17), date(2026, 11, 25), "1 year 1 month 8 days"),
        (date(2026, 11, 25), date(2026, 11, 25), "0 days"),
        (date(2026, 11, 24), date(2026, 11, 25), "1 day"),
        (date(2026, 10, 25), date(2026, 11, 25), "1 month"),
        (date(2024, 2, 29), date(2025, 2, 28), "1 year"),
        (date(2023, 11, 25), date(2026, 11, 25), "3 years"),
        (date(2026, 11, 26), date(2026, 11, 25), "0 days"),
    ],
)
def test_months_and_days(start: date, end: date, words: str) -> None:
    """Spans are said by the calendar: years, months and days."""
    assert months_and_days(start, end) == words


def test_format_day() -> None:
    """A day is shown the way people read it, with the weekday."""
    assert format_day(date(2025, 10, 17)) == "Fri 17 Oct 2025"
    assert format_day(date(2024, 2, 29)) == "Thu 29 Feb 2024"
    assert format_day(date(2026, 1, 5)) == "Mon 5 Jan 2026"


@pytest.mark.parametrize(
    ("count", "words"), [(0, "0 days"), (1, "1 day"), (2, "2 days"), (365, "365 days")]
)
def test_plural(count: int, words: str) -> None:
    """One day, two days: the word follows the number."""
    assert plural(count, "day") == words


def test_format_moment_is_a_day_in_the_same_style_with_its_time() -> None:
    """A moment reads as its local day in format_day's style, then the time of day."""
    from datetime import UTC, datetime

    from companion.domain.dates import format_moment

    moment = datetime(2026, 12, 1, 21, 27, tzinfo=UTC)  # the tests run in UTC
    assert format_moment(moment) == "Tue 1 Dec 2026, 21:27"
    assert format_moment(moment).startswith(format_day(date(2026, 12, 1)))
    assert format_moment(datetime(2026, 1, 5, 7, 3, tzinfo=UTC)) == "Mon 5 Jan 2026, 07:03"
