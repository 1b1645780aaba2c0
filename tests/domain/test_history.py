"""The No Contact figures: current stretch, longest, total, and every stretch."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta
from itertools import pairwise

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from companion.domain.dates import DateInputError, format_day
from companion.domain.errors import ValidationError
from companion.domain.history import History, Slip, Stretch, Summary
from tests.domain.support import TODAY, Scenario, history, scenarios, slip, walk

START = date(2026, 11, 1)
FAST = settings(max_examples=150, deadline=None)


def summary_of(built: History, today: date) -> Summary:
    """The summary, which must exist once a start day is set."""
    result = built.summary(today)
    assert result is not None
    return result


def d(day: int) -> date:
    """A day in November 2026."""
    return date(2026, 11, day)


# --- Worked examples -------------------------------------------------------------


def test_no_start_day_means_no_figures() -> None:
    """Before the person sets a start day there is nothing to count."""
    assert History().summary(TODAY) is None


def test_the_start_day_is_day_zero() -> None:
    """On the day No Contact began the counter shows 0 days, the next day 1."""
    built = history(START)
    on_start = summary_of(built, START)
    assert on_start.current == Stretch(START, None, 0)
    assert on_start.total_days == 0
    assert on_start.longest_days == 0
    next_day = summary_of(built, d(2))
    assert next_day.current.days == 1
    assert next_day.total_days == 1
    assert next_day.longest_days == 1


def test_a_slip_ends_the_stretch_and_starts_a_new_one_on_its_day() -> None:
    """A slip on the 10th after starting on the 1st leaves 8 clean days (2nd to 9th)."""
    built = history(START, [slip(d(10))])
    on_slip_day = summary_of(built, d(10))
    assert on_slip_day.stretches == (Stretch(d(1), d(10), 8), Stretch(d(10), None, 0))
    assert on_slip_day.current.days == 0
    assert on_slip_day.total_days == 8
    assert on_slip_day.longest_days == 8
    two_days_later = summary_of(built, d(12))
    assert two_days_later.current == Stretch(d(10), None, 2)
    assert two_days_later.total_days == 10
    assert two_days_later.longest_days == 8


def test_a_slip_the_day_after_the_start_leaves_an_empty_stretch() -> None:
    """Slipping on day 1 means the first stretch had no clean days, never minus one."""
    built = history(START, [slip(d(2)), slip(d(3))])
    result = summary_of(built, d(5))
    assert [s.days for s in result.stretches] == [0, 0, 2]
    assert result.total_days == 2


def test_a_slip_on_the_start_day_takes_nothing_away() -> None:
    """A slip on day 0 is not counted against the person: the count runs from the start."""
    with_slip = summary_of(history(START, [slip(START)]), d(8))
    without = summary_of(history(START), d(8))
    assert with_slip.current == without.current == Stretch(START, None, 7)
    assert with_slip.total_days == without.total_days == 7
    assert with_slip.stretches == without.stretches


def test_a_brief_exception_changes_no_figure() -> None:
    """A slip marked as a brief exception leaves every count as it was."""
    plain = summary_of(history(START), d(20))
    excepted = summary_of(history(START, [slip(d(10), new_stretch=False)]), d(20))
    assert replace(excepted, slips=0, exceptions=0) == replace(plain, slips=0)
    assert (excepted.slips, excepted.exceptions) == (1, 1)


def test_several_slips_on_one_day_count_that_day_once() -> None:
    """Three slips on the same day cost one day, not three."""
    once = summary_of(history(START, [slip(d(10))]), d(20))
    thrice = summary_of(history(START, [slip(d(10)), slip(d(10)), slip(d(10))]), d(20))
    assert thrice.total_days == once.total_days == 18
    assert thrice.stretches == once.stretches
    assert thrice.slips == 3


def test_the_longest_stretch_is_remembered_after_a_slip() -> None:
    """A long first stretch stays the longest after a slip restarts the count."""
    built = history(date(2026, 1, 1), [slip(date(2026, 9, 1))])
    result = summary_of(built, TODAY)
    assert result.stretches[0].days == 242  # 2 Jan to 31 Aug
    assert result.current.days == 85  # 1 Sep is day 0, 25 Nov is day 85
    assert result.longest_days == 242
    assert result.total_days == 242 + 85


def test_slips_after_today_are_ignored() -> None:
    """If the clock goes back, slips dated after today do not disturb today's figures."""
    future = TODAY + timedelta(days=3)
    with_future = History(start=START, slips=(slip(d(10)), slip(future)))
    without = history(START, [slip(d(10))])
    assert summary_of(with_future, TODAY) == summary_of(without, TODAY)


def test_a_start_after_today_is_clamped() -> None:
    """If the clock goes back before the start day, the counter shows 0 rather than failing."""
    ahead = History(start=TODAY + timedelta(days=5), slips=(slip(TODAY + timedelta(days=6)),))
    result = summary_of(ahead, TODAY)
    assert result.started == TODAY
    assert result.current == Stretch(TODAY, None, 0)
    assert result.total_days == 0
    assert result.longest_days == 0
    assert result.stretches == (result.current,)
    assert result.slips == 0


# --- Properties --------------------------------------------------------------------


def build(scenario: Scenario, slips: tuple[Slip, ...] | None = None) -> History:
    """The scenario's history, with the slips logged in the given order."""
    chosen = scenario.slips if slips is None else slips
    return history(scenario.start, chosen, scenario.today)


@FAST
@given(scenarios())
def test_figures_match_counting_the_calendar_by_hand(scenario: Scenario) -> None:
    """Every figure equals what a person gets by walking the calendar day by day."""
    result = summary_of(build(scenario), scenario.today)
    expected = walk(scenario.start, scenario.slips, scenario.today)
    assert result.current.start == expected.current_start
    assert result.current.days == expected.current_days
    assert tuple(s.days for s in result.stretches) == expected.stretch_days
    assert tuple(s.start for s in result.stretches) == expected.stretch_starts
    assert result.total_days == expected.total
    assert result.longest_days == max(expected.stretch_days)
    assert result.slips == len(scenario.slips)


@FAST
@given(scenarios())
def test_total_matches_the_formula(scenario: Scenario) -> None:
    """Total = days since the start minus the distinct days a stretch restarted."""
    result = summary_of(build(scenario), scenario.today)
    reset_days = {s.on for s in scenario.slips if s.new_stretch and s.on > scenario.start}
    assert result.total_days == (scenario.today - scenario.start).days - len(reset_days)


@FAST
@given(scenarios())
def test_figures_hang_together(scenario: Scenario) -> None:
    """Total and longest are never below the current stretch; stretches add up and touch."""
    result = summary_of(build(scenario), scenario.today)
    assert result.total_days >= result.current.days >= 0
    assert result.longest_days >= result.current.days
    assert result.longest_days == max(s.days for s in result.stretches)
    assert sum(s.days for s in result.stretches) == result.total_days
    assert result.stretches[0].start == scenario.start
    assert result.stretches[-1] == result.current
    assert result.current.end is None
    for before, after in pairwise(result.stretches):
        assert before.end == after.start
        assert before.end is not None
        assert before.start < before.end
        assert before.days == max((before.end - before.start).days - 1, 0)


@FAST
@given(scenarios(max_slips=6), st.data())
def test_the_order_slips_are_logged_in_does_not_matter(
    scenario: Scenario, data: st.DataObject
) -> None:
    """Logging the same slips in another order gives exactly the same figures."""
    shuffled = data.draw(st.permutations(scenario.slips))
    first = build(scenario)
    second = build(scenario, tuple(shuffled))
    assert summary_of(first, scenario.today) == summary_of(second, scenario.today)
    assert {s.id for s in first.slips} == {s.id for s in second.slips}
    assert [s.on for s in second.slips] == sorted(s.on for s in second.slips)


@settings(max_examples=60, deadline=None)
@given(scenarios(max_span=90))
def test_total_never_goes_down_as_days_pass(scenario: Scenario) -> None:
    """Coming back each day, the total either stays or grows by one; it never drops."""
    built = build(scenario)
    later = scenario.today + timedelta(days=30)
    totals = []
    day = scenario.start
    while day <= later:
        totals.append(summary_of(built, day).total_days)
        day += timedelta(days=1)
    assert totals[0] == 0
    for before, after in pairwise(totals):
        assert after - before in (0, 1)


@FAST
@given(scenarios(), st.data())
def test_logging_a_slip_costs_at_most_one_day(scenario: Scenario, data: st.DataObject) -> None:
    """Logging one more slip, on any day, lowers the total by one day at most."""
    built = build(scenario)
    span = (scenario.today - scenario.start).days
    offset = data.draw(st.integers(min_value=0, max_value=span))
    extra = slip(scenario.start + timedelta(days=offset), new_stretch=data.draw(st.booleans()))
    before = summary_of(built, scenario.today)
    after = summary_of(built.with_slip(extra, scenario.today), scenario.today)
    assert before.total_days - 1 <= after.total_days <= before.total_days
    assert after.slips == before.slips + 1


@FAST
@given(scenarios(), st.data())
def test_logging_a_new_slip_keeps_the_longest_completed_stretch(
    scenario: Scenario, data: st.DataObject
) -> None:
    """A slip in the current stretch never lowers the best stretch already completed."""
    built = build(scenario)
    before = summary_of(built, scenario.today)
    offset = data.draw(
        st.integers(min_value=0, max_value=(scenario.today - before.current.start).days)
    )
    extra = slip(before.current.start + timedelta(days=offset))
    after = summary_of(built.with_slip(extra, scenario.today), scenario.today)
    completed = [s.days for s in before.stretches[:-1]]
    assert after.longest_days >= max(completed, default=0)
    if extra.on == scenario.today:
        assert after.longest_days >= before.current.days - 1
    assert after.stretches[: len(completed)] == before.stretches[:-1]


@FAST
@given(scenarios(), st.data())
def test_a_brief_exception_never_changes_a_figure(scenario: Scenario, data: st.DataObject) -> None:
    """Adding a brief exception on any day leaves every count unchanged."""
    built = build(scenario)
    span = (scenario.today - scenario.start).days
    offset = data.draw(st.integers(min_value=0, max_value=span))
    extra = slip(scenario.start + timedelta(days=offset), new_stretch=False)
    before = summary_of(built, scenario.today)
    after = summary_of(built.with_slip(extra, scenario.today), scenario.today)
    assert replace(after, slips=0, exceptions=0) == replace(before, slips=0, exceptions=0)
    assert after.exceptions == before.exceptions + 1


@FAST
@given(scenarios(), st.integers(min_value=1, max_value=400))
def test_slips_after_today_never_matter(scenario: Scenario, days_ahead: int) -> None:
    """Slips dated after today (clock moved back) leave today's figures untouched."""
    built = build(scenario)
    future = slip(scenario.today + timedelta(days=days_ahead))
    moved_back = History(start=built.start, slips=(*built.slips, future))
    assert summary_of(moved_back, scenario.today) == summary_of(built, scenario.today)


# --- Setting the start and logging slips --------------------------------------------


def test_a_start_day_in_the_future_is_refused() -> None:
    """Choosing tomorrow as the start day is refused with a message."""
    with pytest.raises(DateInputError, match="hasn't happened yet"):
        History().with_start(TODAY + timedelta(days=1), TODAY)


def test_a_start_day_before_1900_is_refused() -> None:
    """A start day before 1900 is refused with a message."""
    with pytest.raises(ValidationError, match="before 1900"):
        History().with_start(date(1899, 12, 31), TODAY)


def test_the_start_cannot_move_after_the_first_slip() -> None:
    """Moving the start past a logged slip is refused and names the slip's day."""
    built = history(START, [slip(d(10)), slip(d(5), new_stretch=False)])
    with pytest.raises(ValidationError) as refused:
        built.with_start(d(6), TODAY)
    assert format_day(d(5)) in str(refused.value)
    assert "A slip is logged on" in str(refused.value)
    assert built.with_start(d(5), TODAY).start == d(5)
    assert built.with_start(date(2026, 10, 1), TODAY).start == date(2026, 10, 1)


def test_the_start_can_be_corrected_earlier() -> None:
    """Correcting the start to an earlier day adds the days in between."""
    moved = history(START).with_start(date(2026, 10, 25), TODAY)
    assert summary_of(moved, TODAY).total_days == 31


def test_a_slip_in_the_future_is_refused() -> None:
    """A slip dated tomorrow is refused with a message."""
    with pytest.raises(DateInputError, match="hasn't happened yet"):
        history(START).with_slip(slip(TODAY + timedelta(days=1)), TODAY)


def test_a_slip_before_the_start_is_refused() -> None:
    """A slip before No Contact began is refused and the message names the start day."""
    with pytest.raises(ValidationError) as refused:
        history(START).with_slip(slip(d(1) - timedelta(days=1)), TODAY)
    assert f"No Contact began on {format_day(START)}" in str(refused.value)


def test_a_slip_needs_a_start_day_first() -> None:
    """Logging a slip before setting the start day is refused with a message."""
    with pytest.raises(ValidationError, match="Set the day No Contact began"):
        History().with_slip(slip(d(10)), TODAY)


def test_saving_a_slip_again_replaces_it() -> None:
    """Editing a slip (same id) moves it rather than adding a second one."""
    built = history(START, [slip(d(10), ident="abc")])
    edited = built.with_slip(slip(d(15), ident="abc", kind="called"), TODAY)
    assert len(edited.slips) == 1
    assert edited.slips[0].on == d(15)
    assert edited.slips[0].kind == "called"
    assert summary_of(edited, TODAY).current.start == d(15)
    assert edited.find_slip("abc") == edited.slips[0]


def test_removing_a_slip_restores_the_figures() -> None:
    """Deleting a slip gives back the figures as if it was never logged; unknown ids do nothing."""
    built = history(START, [slip(d(10), ident="abc")])
    removed = built.without_slip("abc")
    assert removed.slips == ()
    assert removed.find_slip("abc") is None
    assert summary_of(removed, TODAY) == summary_of(history(START), TODAY)
    assert built.without_slip("nope") == built


def test_slips_are_kept_in_date_order() -> None:
    """Slips logged out of order are listed oldest first."""
    built = history(START, [slip(d(20)), slip(d(3)), slip(d(11))])
    assert [s.on for s in built.slips] == [d(3), d(11), d(20)]


def test_history_rebuilds_from_stored_records() -> None:
    """A stored start day and slip records come back as the same history."""
    built = history(START, [slip(d(10)), slip(d(12), new_stretch=False)])
    assert built.start is not None
    again = History.build(built.start.isoformat(), [s.to_dict() for s in built.slips])
    assert again == built
    assert History.build(None, []) == History()


@pytest.mark.parametrize(
    ("start", "fragment"),
    [("1899-12-31", "before 1900"), ("17 Oct", "not a date"), ("2025-02-30", "not a date")],
)
def test_a_damaged_stored_start_day_is_refused(start: str, fragment: str) -> None:
    """A stored start day that is not a real date since 1900 is refused, not guessed."""
    with pytest.raises(ValidationError, match=fragment):
        History.build(start, [])
