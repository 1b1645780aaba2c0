"""Milestones along a stretch: which ones, how far to the next, and when one is reached."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from companion.domain.milestones import FIXED, Milestone, milestone_at, progress, reached_today

START = date(2026, 1, 1)


def test_the_first_year_milestones() -> None:
    """The first year marks 1, 3, 7, 14, 30, 60, 90, 180 and 365 days, with plain names."""
    first_year = [milestone_at(START, index) for index in range(len(FIXED))]
    assert [m.days for m in first_year] == [1, 3, 7, 14, 30, 60, 90, 180, 365]
    assert [m.name for m in first_year] == [
        "1 day",
        "3 days",
        "1 week",
        "2 weeks",
        "30 days",
        "60 days",
        "90 days",
        "180 days",
        "1 year",
    ]


@pytest.mark.parametrize(
    ("start", "two_years", "on_day", "three_years"),
    [
        (date(2024, 2, 29), 730, date(2026, 2, 28), 1095),  # no 29 Feb until 2028
        (date(2023, 3, 1), 731, date(2025, 3, 1), 1096),  # the span holds 29 Feb 2024
        (date(2025, 1, 1), 730, date(2027, 1, 1), 1095),
        (date(2026, 11, 25), 731, date(2028, 11, 25), 1096),
    ],
)
def test_anniversaries_follow_the_calendar(
    start: date, two_years: int, on_day: date, three_years: int
) -> None:
    """After the first year each anniversary falls on the same calendar day, leap days included."""
    second = milestone_at(start, len(FIXED))
    third = milestone_at(start, len(FIXED) + 1)
    assert second == Milestone(two_years, "2 years")
    assert start + timedelta(days=second.days) == on_day
    assert third == Milestone(three_years, "3 years")


def test_anniversary_from_29_february_lands_on_28_february() -> None:
    """A stretch begun on 29 Feb 2024 reaches 2 years on 28 Feb 2026."""
    start = date(2024, 2, 29)
    two = milestone_at(start, len(FIXED))
    assert start + timedelta(days=two.days) == date(2026, 2, 28)
    assert reached_today(start, two.days) == two


def test_anniversaries_keep_counting_up() -> None:
    """Milestones only ever grow, every year, far into the future."""
    days = [milestone_at(START, index).days for index in range(40)]
    assert days == sorted(set(days))
    assert milestone_at(START, 38).name == "31 years"


@pytest.mark.parametrize(
    ("days", "previous", "upcoming", "to_go"),
    [
        (0, None, 1, 1),
        (1, 1, 3, 2),
        (2, 1, 3, 1),
        (10, 7, 14, 4),
        (364, 180, 365, 1),
        (365, 365, 730, 365),
    ],
)
def test_progress_between_milestones(
    days: int, previous: int | None, upcoming: int, to_go: int
) -> None:
    """The counter shows the last milestone passed, the next one, and the days to go."""
    where = progress(START, days)
    assert (where.previous.days if where.previous else None) == previous
    assert where.next.days == upcoming
    assert where.days_to_go == to_go


def test_progress_fraction_on_known_days() -> None:
    """The bar is empty at the start, half full midway, and full only at the milestone."""
    assert progress(START, 0).fraction == 0.0
    assert progress(START, 10).fraction == pytest.approx(3 / 7)
    assert progress(START, 45).fraction == pytest.approx(0.5)
    assert progress(START, 59).fraction < 1.0
    assert progress(START, 60).fraction == 0.0  # a new leg starts on the milestone itself


@settings(max_examples=300, deadline=None)
@given(
    st.dates(min_value=date(1900, 1, 1), max_value=date(2100, 12, 31)),
    st.integers(min_value=0, max_value=20_000),
)
def test_progress_always_makes_sense(start: date, days: int) -> None:
    """The bar stays between empty and full, and the next milestone is always ahead."""
    where = progress(start, days)
    assert 0.0 <= where.fraction <= 1.0
    assert where.days_to_go == where.next.days - days
    assert where.days_to_go >= 1
    if where.previous is not None:
        assert where.previous.days <= days < where.next.days
        assert where.previous.days < where.next.days
    else:
        assert days < where.next.days == 1


@pytest.mark.parametrize("start", [date(2024, 2, 29), date(2023, 3, 1), START])
def test_a_milestone_is_reached_exactly_on_its_day(start: date) -> None:
    """The "milestone reached" note shows on a milestone day and on no other day."""
    marks = {milestone_at(start, index).days for index in range(len(FIXED) + 5)}
    for days in range(0, 2_200):
        reached = reached_today(start, days)
        if days in marks:
            assert reached is not None
            assert reached.days == days
        else:
            assert reached is None


def test_the_bar_never_runs_backwards_or_overflows() -> None:
    """Even for a day count below zero the bar shows empty, not a negative amount."""
    assert progress(START, -3).fraction == 0.0
    assert progress(START, -3).next.days == 1
