"""Contact modes, necessary contact, little wins and dates that matter, in the domain."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from companion.domain.errors import ValidationError
from companion.domain.marked_dates import MarkedDate, coming_up, in_calendar_order, parse_month_day
from companion.domain.modes import (
    ModeChange,
    NecessaryContact,
    allows_necessary,
    current_mode,
    mode_on,
)
from companion.domain.wins import Win, check_win, has_win_on

from .support import LOGGED, TODAY, history, slip


def change(mode: str, since: date, minute: int = 0, rules: str = "") -> ModeChange:
    """A mode chosen from ``since``, logged ``minute`` minutes after LOGGED."""
    return ModeChange(mode, since, LOGGED + timedelta(minutes=minute), rules)


# Contact modes ------------------------------------------------------------------------


def test_no_contact_until_a_mode_is_chosen() -> None:
    """With nothing chosen, the mode is no contact, and necessary contact isn't kept apart."""
    assert current_mode([], TODAY) == "none"
    assert not allows_necessary("none")
    assert allows_necessary("low") and allows_necessary("unavoidable")


def test_modes_change_over_time_and_history_stays() -> None:
    """Each day has the mode chosen latest for it; earlier choices stay in force before."""
    changes = [
        change("low", date(2026, 3, 1)),
        change("unavoidable", date(2026, 6, 1)),
        change("none", date(2026, 10, 1)),
    ]
    assert current_mode(changes, date(2026, 2, 28)) == "none"
    assert current_mode(changes, date(2026, 3, 1)) == "low"
    assert current_mode(changes, date(2026, 9, 30)) == "unavoidable"
    assert current_mode(changes, TODAY) == "none"
    # Two choices for the same day: the one made later wins.
    same_day = [*changes, change("low", date(2026, 10, 1), minute=5)]
    found = mode_on(same_day, TODAY)
    assert found is not None and found.mode == "low"


def test_a_mode_round_trips_and_refuses_damage() -> None:
    """A stored mode reads back the same; an unknown mode or a damaged record is refused."""
    kept = change("unavoidable", date(2026, 5, 2), rules="Email only, about the children.")
    assert ModeChange.from_dict(kept.to_dict()) == kept
    with pytest.raises(ValidationError):
        change("sometimes", TODAY)
    for damage in ({"mode": 3}, {"since": "soon"}, {"logged_at": "2026-01-01T10:00"}):
        with pytest.raises(ValidationError):
            ModeChange.from_dict({**kept.to_dict(), **damage})


def test_slips_with_and_without_a_reset() -> None:
    """A new stretch restarts the count and takes one day off the total; a brief exception
    changes no figure at all."""
    start = date(2026, 1, 1)
    plain = history(start).summary(TODAY)
    exception = history(start, [slip(date(2026, 6, 1), new_stretch=False)]).summary(TODAY)
    reset = history(start, [slip(date(2026, 6, 1))]).summary(TODAY)
    assert plain is not None and exception is not None and reset is not None
    assert exception.current == plain.current
    assert exception.total_days == plain.total_days
    assert exception.longest_days == plain.longest_days
    assert reset.current.start == date(2026, 6, 1)
    assert reset.total_days == plain.total_days - 1


def test_necessary_contact_needs_what_it_was_about() -> None:
    """An empty or overlong "about" is refused with words a person can act on."""
    with pytest.raises(ValidationError, match="what it was about"):
        NecessaryContact(TODAY, "text", "   ", LOGGED)
    with pytest.raises(ValidationError, match="up to 200"):
        NecessaryContact(TODAY, "text", "x" * 201, LOGGED)
    with pytest.raises(ValidationError):
        NecessaryContact(TODAY, "pigeon", "pick-up", LOGGED)
    kept = NecessaryContact(TODAY, "call", "  pick-up at 5  ", LOGGED, "[b]calm[/b]")
    assert kept.about == "pick-up at 5"
    assert NecessaryContact.from_dict(kept.to_dict()) == kept


# Little wins --------------------------------------------------------------------------


def test_a_win_is_one_line_of_a_few_words() -> None:
    """Empty, too long or several lines: each refused with a plain message."""
    with pytest.raises(ValidationError, match="Small things count"):
        check_win("  ")
    with pytest.raises(ValidationError, match="up to 300"):
        check_win("x" * 1_000_000)
    with pytest.raises(ValidationError, match="one line"):
        check_win("one\ntwo")
    win = Win(TODAY, " I slept well ", LOGGED)
    assert win.text == "I slept well"
    assert Win.from_dict(win.to_dict()) == win
    assert has_win_on([win], TODAY) and not has_win_on([win], TODAY - timedelta(days=1))


# Dates that matter ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("14 Feb", (2, 14, None)),
        ("Feb 14", (2, 14, None)),
        ("3 march", (3, 3, None)),
        ("29 Feb", (2, 29, None)),
        ("2027-01-10", (1, 10, 2027)),
        ("10 Jan 2027", (1, 10, 2027)),
    ],
)
def test_dates_are_read_as_people_type_them(
    typed: str, expected: tuple[int, int, int | None]
) -> None:
    """Day and month in either order, with or without a year."""
    assert parse_month_day(typed) == expected


@pytest.mark.parametrize("typed", ["", "christmas", "14", "2027-02-30", "31 Apr"])
def test_unreadable_dates_say_how_to_write_them(typed: str) -> None:
    """What can't be read is refused with an example."""
    with pytest.raises(ValidationError, match="14 Feb"):
        parse_month_day(typed)


def marked(name: str, month: int, day: int, year: int | None = None) -> MarkedDate:
    """A date that matters."""
    return MarkedDate(name, month, day, LOGGED, year)


def test_the_week_before_a_date_across_the_year_end() -> None:
    """On 28 Dec, 2 Jan is 5 days away; 5 Jan is 8 days away and not yet mentioned."""
    dates = [marked("Their birthday", 1, 2), marked("Our anniversary", 1, 5)]
    ahead = coming_up(dates, date(2026, 12, 28))
    assert [(a.marked.name, a.on, a.days) for a in ahead] == [
        ("Their birthday", date(2027, 1, 2), 5)
    ]
    assert ahead[0].when() == "in 5 days"
    on_the_day = coming_up(dates, date(2027, 1, 5))
    assert [(a.marked.name, a.when()) for a in on_the_day] == [("Our anniversary", "today")]
    # The day after, it is a whole year away again.
    assert coming_up(dates, date(2027, 1, 6)) == []


def test_29_february_falls_on_the_28th_without_a_leap_day() -> None:
    """A leap-day birthday is mentioned every year, on 28 Feb when there is no 29th."""
    leap = marked("Their birthday", 2, 29)
    assert leap.next_on(date(2027, 2, 20)) == date(2027, 2, 28)
    assert leap.next_on(date(2028, 2, 20)) == date(2028, 2, 29)


def test_a_one_time_date_passes() -> None:
    """A court date is mentioned before it, then listed as past."""
    court = marked("Court hearing", 1, 10, 2027)
    assert court.next_on(date(2027, 1, 4)) == date(2027, 1, 10)
    assert [a.days for a in coming_up([court], date(2027, 1, 4))] == [6]
    assert court.next_on(date(2027, 1, 11)) is None
    birthday = marked("Their birthday", 3, 1)
    assert in_calendar_order([court, birthday], date(2027, 1, 11)) == [birthday, court]
    with pytest.raises(ValidationError):
        marked("Nothing", 2, 30)
    with pytest.raises(ValidationError, match="name"):
        marked("  ", 2, 3)
    assert MarkedDate.from_dict(court.to_dict()) == court


@given(
    today=st.dates(min_value=date(1990, 1, 1), max_value=date(2090, 12, 31)),
    month=st.integers(1, 12),
    day=st.integers(1, 28),
)
def test_a_yearly_date_is_mentioned_exactly_in_the_week_before(
    today: date, month: int, day: int
) -> None:
    """Whatever the day, a yearly date shows when it is 0 to 7 days away, and never else."""
    yearly = marked("A hard day", month, day)
    on = yearly.next_on(today)
    assert on is not None and today <= on < today + timedelta(days=367)
    assert (on.month, on.day) == (month, day)
    shown = coming_up([yearly], today)
    assert bool(shown) == ((on - today).days <= 7)


def test_times_need_a_time_zone() -> None:
    """Records written without a time zone are refused."""
    naive = datetime(2026, 1, 1, 10, 0)
    with pytest.raises(ValidationError):
        Win(TODAY, "a walk", naive)
    with pytest.raises(ValidationError):
        MarkedDate("x", 1, 1, naive)
    assert Win(TODAY, "a walk", datetime(2026, 1, 1, tzinfo=UTC)).text == "a walk"
