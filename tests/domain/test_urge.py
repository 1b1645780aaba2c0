"""Urge surfing: the session's clock, guidance, pacer, skills, figures, storage and words."""

from __future__ import annotations

import json
import random
import re
from collections.abc import Callable, Sequence
from dataclasses import replace
from datetime import UTC, datetime, timedelta, timezone
from itertools import pairwise
from typing import Any

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from companion.domain.errors import ValidationError
from companion.domain.fields import NOTE_LIMIT
from companion.domain.urge import (
    ANCHORS,
    MODES,
    OUTCOMES,
    TRIGGERS,
    Rating,
    UrgeSession,
    clock_text,
)
from companion.domain.urge_figures import FIGURES_FROM, Figures, personal_figures, urge_stats
from companion.domain.urge_guidance import (
    GUIDANCE,
    GUIDANCE_STARTS,
    SKILLS,
    SOBER,
    Breath,
    breath_at,
    skills_for,
)

T0 = datetime(2026, 11, 25, 2, 0, tzinfo=UTC)
"""Two in the morning: when a session in these tests starts."""
MICRO = timedelta(microseconds=1)
FAST = settings(max_examples=120, deadline=None)
SOME = settings(max_examples=60, deadline=None)


def at(minutes: float) -> datetime:
    """A moment ``minutes`` after T0."""
    return T0 + timedelta(minutes=minutes)


def secs(seconds: float) -> timedelta:
    """A span of ``seconds``."""
    return timedelta(seconds=seconds)


def session(
    points: Sequence[tuple[float, int]],
    *,
    start: datetime = T0,
    outcome: str | None = "not_contacted",
    mode: str = "timed",
    minutes: int = 20,
) -> UrgeSession:
    """A session rated ``value`` at each ``(minute, value)``, closed a minute after the last.

    The first point is the rating at the start; pass ``outcome=None`` to leave it running.
    """
    first_minute, first_value = points[0]
    began = start + timedelta(minutes=first_minute)
    built = UrgeSession.start(first_value, began, mode=mode, minutes=minutes)
    for minute, value in points[1:]:
        built = built.rated(value, start + timedelta(minutes=minute))
    if outcome is not None:
        last_minute = points[-1][0]
        built = built.ended(outcome, start + timedelta(minutes=last_minute + 1))
    return built


def values(built: UrgeSession) -> list[tuple[datetime, int]]:
    """The ratings as (time, value) pairs."""
    return [(r.at, r.value) for r in built.ratings]


# --- Starting -----------------------------------------------------------------------


def test_a_timed_session_runs_for_the_minutes_chosen() -> None:
    """Choosing a 10-minute session gives a 10-minute timer, rated once at the start."""
    built = UrgeSession.start(7, T0, mode="timed", minutes=10)
    assert built.mode == "timed"
    assert built.minutes == 10
    assert built.started_at == T0
    assert values(built) == [(T0, 7)]
    assert built.running
    assert built.ended_at is None
    assert built.outcome == ""
    assert built.first == built.last == 7
    assert built.remaining(T0) == timedelta(minutes=10)


def test_a_timed_session_is_twenty_minutes_unless_told() -> None:
    """Starting without choosing a length gives the 20-minute default."""
    assert UrgeSession.start(5, T0).minutes == 20


@pytest.mark.parametrize("asked", [1, 3, 20, 45, 24 * 60])
def test_the_quick_session_is_always_three_minutes(asked: int) -> None:
    """The breathing space lasts three minutes whatever length was passed along."""
    built = UrgeSession.start(6, T0, mode="quick", minutes=asked)
    assert built.mode == "quick"
    assert built.minutes == 3
    assert built.remaining(T0) == timedelta(minutes=3)


@pytest.mark.parametrize("asked", [1, 20, 45])
def test_an_open_session_has_no_set_length(asked: int) -> None:
    """An "until it eases" session has no timer: no time left and never time up."""
    built = UrgeSession.start(8, T0, mode="open", minutes=asked)
    assert built.mode == "open"
    assert built.minutes is None
    assert built.remaining(at(600)) is None
    assert not built.time_up(at(600))


def test_an_unknown_kind_of_session_is_refused() -> None:
    """A mode that is not offered cannot be started."""
    with pytest.raises(ValidationError):
        UrgeSession.start(5, T0, mode="forever")


@pytest.mark.parametrize("rating", [-1, 10, 3.5, True, "5", None])
def test_a_session_cannot_start_with_an_impossible_rating(rating: Any) -> None:
    """The first rating is a whole number from 0 to 9 like every other."""
    with pytest.raises(ValidationError):
        UrgeSession.start(rating, T0)


@pytest.mark.parametrize("checkin", [0, 61])
def test_check_ins_come_every_one_to_sixty_minutes(checkin: int) -> None:
    """A check-in interval of 0 or over an hour is refused."""
    with pytest.raises(ValidationError):
        UrgeSession.start(5, T0, checkin_minutes=checkin)


def test_each_session_gets_its_own_id() -> None:
    """Two sessions started at the same moment are still told apart."""
    assert UrgeSession.start(5, T0).id != UrgeSession.start(5, T0).id


def test_a_session_needs_an_aware_start() -> None:
    """A start time without a time zone is refused rather than guessed."""
    with pytest.raises(ValidationError):
        UrgeSession.start(5, datetime(2026, 11, 25, 2, 0))


# --- Rating -------------------------------------------------------------------------


@pytest.mark.parametrize("value", range(10))
def test_every_rating_from_0_to_9_is_accepted(value: int) -> None:
    """A check-in of any anchor from 0 to 9 is added after the first."""
    before = UrgeSession.start(5, T0)
    after = before.rated(value, at(2))
    assert values(after) == [(T0, 5), (at(2), value)]
    assert after.last == value
    assert after.first == 5
    assert values(before) == [(T0, 5)]  # the old session is untouched


@pytest.mark.parametrize("value", [-1, 10, 3.5, True, False, "5", None])
def test_an_impossible_rating_is_refused(value: Any) -> None:
    """-1, 10, 3.5, True or "5" are not ratings, and nothing is added."""
    built = UrgeSession.start(5, T0)
    with pytest.raises(ValidationError):
        built.rated(value, at(2))
    assert len(built.ratings) == 1


def test_an_ended_session_cannot_be_rated() -> None:
    """Once the person has said how it went, the wave is not extended by a stray key."""
    closed = UrgeSession.start(5, T0).ended("not_contacted", at(20))
    with pytest.raises(ValidationError):
        closed.rated(3, at(21))


def test_a_clock_that_stepped_back_never_dates_a_rating_before_the_last() -> None:
    """If the system clock jumps back, the rating is kept at the last rating's moment."""
    built = UrgeSession.start(5, T0).rated(7, at(3))
    stepped_back = built.rated(6, at(1))
    assert values(stepped_back) == [(T0, 5), (at(3), 7), (at(3), 6)]
    before_start = UrgeSession.start(5, T0).rated(4, T0 - timedelta(hours=1))
    assert values(before_start) == [(T0, 5), (T0, 4)]


@FAST
@given(st.lists(st.tuples(st.integers(-600, 600), st.integers(0, 9)), max_size=20))
def test_ratings_are_never_out_of_order_in_time(steps: list[tuple[int, int]]) -> None:
    """However the clock wanders, each rating is at or after the one before it."""
    built = UrgeSession.start(5, T0)
    for offset, value in steps:
        built = built.rated(value, T0 + secs(offset))
    moments = [r.at for r in built.ratings]
    assert all(a <= b for a, b in pairwise(moments))
    assert [r.value for r in built.ratings] == [5] + [v for _, v in steps]


# --- Extending ------------------------------------------------------------------------


def test_extending_adds_five_minutes_by_default() -> None:
    """Pressing + on a 20-minute session makes it 25, and the time left grows by 5."""
    built = UrgeSession.start(6, T0)
    longer = built.extended()
    assert longer.minutes == 25
    assert longer.remaining(at(20)) == timedelta(minutes=5)
    assert not longer.time_up(at(20))
    assert built.extended(10).minutes == 30
    assert longer.extended().minutes == 30


def test_extending_an_open_session_changes_nothing() -> None:
    """An open session has no end to move."""
    built = UrgeSession.start(6, T0, mode="open")
    assert built.extended() == built
    assert built.extended().minutes is None


def test_extending_an_ended_session_changes_nothing() -> None:
    """A closed session keeps the length it had."""
    closed = UrgeSession.start(6, T0).ended("deciding", at(20))
    assert closed.extended() == closed
    assert closed.extended().minutes == 20


@pytest.mark.parametrize(("length", "more", "expected"), [(1438, 5, 1440), (1440, 5, 1440)])
def test_extending_stops_at_a_day(length: int, more: int, expected: int) -> None:
    """A session can be stretched to a whole day but no further."""
    assert UrgeSession.start(6, T0, minutes=length).extended(more).minutes == expected


# --- Details ------------------------------------------------------------------------


def test_details_are_kept_and_left_alone_when_not_given() -> None:
    """Naming a trigger, then the unsent message, keeps both; unsafe stays as it was."""
    built = UrgeSession.start(6, T0).with_details(trigger="A memory")
    assert built.trigger == "A memory"
    assert built.unsafe is False
    assert built.unsent == ""
    more = built.with_details(unsent="I miss you", unsafe=True)
    assert (more.trigger, more.unsafe, more.unsent) == ("A memory", True, "I miss you")
    assert more.with_details() == more
    assert more.with_details(unsafe=False).unsafe is False
    assert more.with_details(trigger="").trigger == ""


def test_an_unsent_message_beyond_the_note_limit_is_refused() -> None:
    """A message longer than any note can hold is refused, not cut short."""
    with pytest.raises(ValidationError):
        UrgeSession.start(6, T0).with_details(unsent="x" * (NOTE_LIMIT + 1))


# --- Ending -------------------------------------------------------------------------


@pytest.mark.parametrize("outcome", list(OUTCOMES))
def test_a_session_ends_with_any_offered_outcome(outcome: str) -> None:
    """Each answer to "how did it go?" closes the session at that moment."""
    closed = UrgeSession.start(6, T0).ended(outcome, at(12), helped="cold water")
    assert not closed.running
    assert closed.ended_at == at(12)
    assert closed.outcome == outcome
    assert closed.helped == "cold water"


@pytest.mark.parametrize("outcome", ["", "relapsed", "Contacted", "not contacted"])
def test_an_unknown_outcome_is_refused(outcome: str) -> None:
    """Only the offered outcomes close a session."""
    built = UrgeSession.start(6, T0)
    with pytest.raises(ValidationError):
        built.ended(outcome, at(12))
    assert built.running


def test_ending_before_the_start_ends_at_the_start() -> None:
    """A clock that stepped back before the start closes the session with no time, not less."""
    closed = UrgeSession.start(6, T0).ended("not_contacted", T0 - timedelta(hours=2))
    assert closed.ended_at == T0
    assert closed.elapsed(at(30)) == timedelta(0)


# --- Time cannot drift ----------------------------------------------------------------

starts = st.datetimes(
    min_value=datetime(2000, 1, 1),
    max_value=datetime(2090, 1, 1),
    timezones=st.sampled_from(
        [UTC, timezone(timedelta(hours=-5)), timezone(timedelta(hours=5, minutes=30))]
    ),
)
"""Aware start moments in a few time zones."""

gaps = st.one_of(
    st.timedeltas(min_value=MICRO, max_value=secs(1)),
    st.timedeltas(min_value=secs(1), max_value=timedelta(minutes=10)),
    st.timedeltas(min_value=timedelta(minutes=10), max_value=timedelta(hours=3)),
    st.sampled_from([timedelta(milliseconds=1), secs(1), timedelta(hours=9, minutes=17)]),
)
"""Gaps between ticks: milliseconds, seconds, minutes, hours, and a laptop's night asleep."""


@FAST
@given(
    start=starts,
    mode=st.sampled_from(["timed", "quick"]),
    length=st.integers(1, 24 * 60),
    steps=st.lists(gaps, min_size=1, max_size=40),
)
@example(start=T0, mode="timed", length=20, steps=[secs(300), timedelta(hours=8)])
def test_elapsed_time_is_the_clock_not_a_count_of_ticks(
    start: datetime, mode: str, length: int, steps: list[timedelta]
) -> None:
    """At every tick, however irregular, the timer shows exactly now minus the start.

    Time left is the length minus that, never below zero, and "time's up" appears
    exactly when the length is reached, not a tick before or after.
    """
    built = UrgeSession.start(5, start, mode=mode, minutes=length)
    assert built.minutes is not None
    planned = timedelta(minutes=built.minutes)
    offsets = {planned - MICRO, planned}
    total = timedelta(0)
    for gap in steps:
        total += gap
        offsets.add(total)
    for offset in sorted(offsets):
        now = start + offset
        elapsed = built.elapsed(now)
        assert elapsed == now - start == offset
        assert built.remaining(now) == max(planned - elapsed, timedelta(0))
        assert built.time_up(now) is (elapsed >= planned)


@FAST
@given(
    start=starts,
    length=st.sampled_from([1, 3, 20, 45]),
    steps=st.lists(gaps, min_size=1, max_size=20),
    later=st.lists(st.timedeltas(min_value=-timedelta(days=30), max_value=timedelta(days=30))),
)
def test_a_closed_session_keeps_its_length_whatever_the_clock_does(
    start: datetime, length: int, steps: list[timedelta], later: list[timedelta]
) -> None:
    """After ending, the elapsed time is fixed: the clock moving on or back changes nothing."""
    built = UrgeSession.start(5, start, minutes=length)
    end = start + sum(steps, timedelta(0))
    closed = built.ended("not_contacted", end)
    for shift in [timedelta(0), *later]:
        now = end + shift
        assert closed.elapsed(now) == end - start
        assert closed.remaining(now) == max(timedelta(minutes=length) - (end - start), timedelta(0))


@pytest.mark.parametrize("mode", ["timed", "quick", "open"])
def test_a_moment_before_the_start_shows_no_time_rather_than_negative(mode: str) -> None:
    """If the clock steps back before the start, the timer shows 0:00 and the full length."""
    built = UrgeSession.start(5, T0, mode=mode)
    assert built.elapsed(T0 - secs(1)) == timedelta(0)
    assert built.elapsed(T0 - timedelta(days=3)) == timedelta(0)
    if built.minutes is not None:
        assert built.remaining(T0 - timedelta(days=3)) == timedelta(minutes=built.minutes)
        assert not built.time_up(T0 - timedelta(days=3))


def test_after_a_laptop_sleep_the_timer_shows_the_true_time() -> None:
    """Five minutes in, the lid closes for eight hours: on waking, time is up, not 5:01."""
    built = UrgeSession.start(7, T0)
    woke = at(5) + timedelta(hours=8)
    assert built.elapsed(woke) == timedelta(hours=8, minutes=5)
    assert built.remaining(woke) == timedelta(0)
    assert built.time_up(woke)
    assert built.step(woke).key == "ride"


def test_time_is_up_exactly_at_the_length() -> None:
    """A 20-minute timer is not up a microsecond early and is up on the dot."""
    built = UrgeSession.start(7, T0)
    assert not built.time_up(at(20) - MICRO)
    assert built.remaining(at(20) - MICRO) == MICRO
    assert built.time_up(at(20))
    assert built.time_up(at(21))


def test_an_open_session_suggests_reaching_out_after_45_minutes() -> None:
    """Only an open session, and only from 45 minutes on, suggests a safe person or a line."""
    open_one = UrgeSession.start(8, T0, mode="open")
    assert not open_one.long_open(at(45) - MICRO)
    assert open_one.long_open(at(45))
    assert not UrgeSession.start(8, T0, minutes=60).long_open(at(50))


# --- Check-ins ----------------------------------------------------------------------


def test_a_check_in_is_due_an_interval_after_the_last_rating() -> None:
    """The 'how strong is it now?' prompt comes 2 minutes after the last rating, not before."""
    built = UrgeSession.start(6, T0)
    assert not built.checkin_due(T0)
    assert not built.checkin_due(at(2) - MICRO)
    assert built.checkin_due(at(2))
    rated = built.rated(5, at(3))
    assert not rated.checkin_due(at(3))
    assert not rated.checkin_due(at(5) - MICRO)
    assert rated.checkin_due(at(5))


def test_the_check_in_interval_can_be_chosen() -> None:
    """With check-ins every 5 minutes, none is due at 4 minutes and one is at 5."""
    built = UrgeSession.start(6, T0, checkin_minutes=5)
    assert not built.checkin_due(at(4))
    assert built.checkin_due(at(5))


def test_no_check_in_is_due_once_ended() -> None:
    """A closed session never asks for another rating."""
    closed = UrgeSession.start(6, T0).ended("not_contacted", at(1))
    assert not closed.checkin_due(at(2))
    assert not closed.checkin_due(at(600))


# --- Guidance steps -------------------------------------------------------------------


def test_the_guidance_steps_come_in_this_order() -> None:
    """Name it, find it in the body, breathe, notice thoughts, needs, ride the wave."""
    assert [s.key for s in GUIDANCE] == ["name", "body", "breathe", "thoughts", "needs", "ride"]
    assert GUIDANCE_STARTS == (0.0, 0.08, 0.18, 0.35, 0.5, 0.65)
    assert [s.key for s in SOBER] == ["stop", "observe", "breathe", "expand", "respond"]


TWENTY_MINUTE_BOUNDARIES = [96, 216, 420, 600, 780]
"""Seconds where each step after the first begins in a 20-minute session (worked by hand)."""
TEN_MINUTE_BOUNDARIES = [48, 108, 210, 300, 390]
"""The same for a 10-minute session: every step comes at the same share, twice as soon."""


@pytest.mark.parametrize(
    ("length", "boundaries"), [(20, TWENTY_MINUTE_BOUNDARIES), (10, TEN_MINUTE_BOUNDARIES)]
)
def test_a_timed_session_moves_to_each_step_on_its_boundary(
    length: int, boundaries: list[int]
) -> None:
    """Each step appears exactly at its share of the session, not a microsecond early."""
    built = UrgeSession.start(6, T0, minutes=length)
    keys = [s.key for s in GUIDANCE]
    assert built.step(T0).key == "name"
    for index, second in enumerate(boundaries, start=1):
        assert built.step(T0 + secs(second) - MICRO).key == keys[index - 1]
        assert built.step(T0 + secs(second)).key == keys[index]


@pytest.mark.parametrize("length", [10, 20])
def test_the_last_step_stays_past_the_end(length: int) -> None:
    """At and after the end, and long after, "Ride the wave" stays on screen."""
    built = UrgeSession.start(6, T0, minutes=length)
    for moment in [at(length), at(length + 5), at(24 * 60 * 3)]:
        assert built.step(moment).key == "ride"


@SOME
@given(length=st.integers(1, 120))
def test_the_steps_only_ever_move_forward_and_none_is_skipped(length: int) -> None:
    """Watching a timed session second by second, each step shows up once, in order."""
    built = UrgeSession.start(6, T0, minutes=length)
    seen: list[str] = []
    for second in range(0, length * 60 + 2, max(1, length // 10)):
        key = built.step(T0 + secs(second)).key
        if not seen or seen[-1] != key:
            seen.append(key)
    assert seen == [s.key for s in GUIDANCE]


QUICK_BOUNDARIES = [36, 72, 108, 144]
"""Seconds where each SOBER step after the first begins: five equal parts of 180 s."""


@pytest.mark.parametrize("asked", [3, 20])
def test_the_quick_session_walks_through_sober_in_equal_parts(asked: int) -> None:
    """Stop, Observe, Breathe, Expand, Respond: 36 seconds each, then Respond stays."""
    built = UrgeSession.start(6, T0, mode="quick", minutes=asked)
    keys = [s.key for s in SOBER]
    assert built.step(T0).key == "stop"
    for index, second in enumerate(QUICK_BOUNDARIES, start=1):
        assert built.step(T0 + secs(second) - MICRO).key == keys[index - 1]
        assert built.step(T0 + secs(second)).key == keys[index]
    for moment in [at(3) - MICRO, at(3), at(4), at(600)]:
        assert built.step(moment).key == "respond"


def test_an_extended_quick_session_stays_on_respond() -> None:
    """More time on the breathing space keeps the last step, it does not start SOBER again."""
    built = UrgeSession.start(6, T0, mode="quick").extended()
    assert built.step(at(4)).key == "respond"


def test_an_open_session_paces_its_steps_like_twenty_minutes() -> None:
    """Without a length, the guidance uses the 20-minute scale and then stays on the last step."""
    open_one = UrgeSession.start(6, T0, mode="open")
    twenty = UrgeSession.start(6, T0, minutes=20)
    moments = [T0] + [T0 + secs(s) + d for s in TWENTY_MINUTE_BOUNDARIES for d in (-MICRO, MICRO)]
    for moment in [*moments, at(20), at(90)]:
        assert open_one.step(moment) == twenty.step(moment)
    assert open_one.step(at(90)).key == "ride"


# --- Breathing pacer ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("second", "expected"),
    [
        (0.0, Breath(True, 0.0, 4.0)),
        (1.0, Breath(True, 0.25, 3.0)),
        (2.0, Breath(True, 0.5, 2.0)),
        (4.0, Breath(False, 1.0, 6.0)),
        (7.0, Breath(False, 0.5, 3.0)),
        (9.0, Breath(False, 1 / 6, 1.0)),
        (10.0, Breath(True, 0.0, 4.0)),
        (12.0, Breath(True, 0.5, 2.0)),
        (3600.0 + 7.0, Breath(False, 0.5, 3.0)),
    ],
)
def test_the_pacer_breathes_in_for_four_and_out_for_six(second: float, expected: Breath) -> None:
    """In for 4 s while the circle fills, out for 6 s while it empties, every 10 s."""
    got = breath_at(secs(second))
    assert got.breathing_in is expected.breathing_in
    assert got.fullness == pytest.approx(expected.fullness)
    assert got.seconds_left == pytest.approx(expected.seconds_left)


def test_the_pacer_fills_on_the_in_breath_and_empties_on_the_out_breath() -> None:
    """Tenth by tenth of a second, the circle only grows breathing in and only shrinks out."""
    states = [breath_at(timedelta(milliseconds=100 * i)) for i in range(100)]
    breathing_in = [s.fullness for s in states[:40]]
    breathing_out = [s.fullness for s in states[40:]]
    assert all(s.breathing_in for s in states[:40])
    assert not any(s.breathing_in for s in states[40:])
    assert all(a < b for a, b in pairwise(breathing_in))
    assert all(a > b for a, b in pairwise(breathing_out))


def test_a_negative_elapsed_is_the_start_of_an_in_breath() -> None:
    """A clock before the start shows the pacer at rest, ready to breathe in."""
    assert breath_at(secs(-3)) == breath_at(timedelta(0)) == Breath(True, 0.0, 4.0)


@FAST
@given(st.timedeltas(min_value=-timedelta(days=2), max_value=timedelta(days=2)))
def test_the_pacer_never_overflows_or_runs_backwards(elapsed: timedelta) -> None:
    """Fullness stays within 0 and 1 and the seconds left are within the breath's length."""
    got = breath_at(elapsed)
    assert 0.0 <= got.fullness <= 1.0
    limit = 4.0 if got.breathing_in else 6.0
    assert 0.0 < got.seconds_left <= limit


# --- Skills ---------------------------------------------------------------------------


@pytest.mark.parametrize("rating", [8, 9])
def test_a_near_overwhelming_wave_offers_tipp_first_with_its_caution(rating: int) -> None:
    """At 8 or 9, cooling the body comes first, with the heart caution that is always shown."""
    offered = skills_for(rating)
    assert offered[0] == "tipp"
    caution = SKILLS["tipp"].caution
    assert caution.strip()
    assert "heart" in caution.lower()


@pytest.mark.parametrize("rating", [5, 6, 7])
def test_a_strong_wave_offers_three_ways_to_shift_attention(rating: int) -> None:
    """From 5 to 7, three distraction-type skills: shift attention, pros and cons, the tape."""
    assert skills_for(rating) == ("distract", "pros_cons", "tape")


@pytest.mark.parametrize("rating", [0, 1, 2, 3, 4])
def test_a_quieter_wave_offers_reasons_and_comfort(rating: int) -> None:
    """Below 5, the person's own reasons and something soothing."""
    assert skills_for(rating) == ("reasons", "soothe")


@pytest.mark.parametrize("rating", range(10))
def test_never_more_than_three_skills_and_all_of_them_exist(rating: int) -> None:
    """No wall of options: at most three, each one a skill the app can show."""
    offered = skills_for(rating)
    assert 1 <= len(offered) <= 3
    assert len(set(offered)) == len(offered)
    assert all(key in SKILLS and SKILLS[key].key == key for key in offered)


# --- Peak and fall ------------------------------------------------------------------

WAVE = [(0, 7), (2, 8), (4, 9), (6, 7), (8, 4), (10, 3)]
"""A wave that rises to 9 at minute 4 and falls to 4 (under half) at minute 8."""


def test_the_peak_and_the_fall_to_half_of_a_known_wave() -> None:
    """Rated 7, 8, 9, 7, 4, 3 two minutes apart: peak 9 at minute 4, half at minute 8."""
    built = session(WAVE)
    assert built.peak == Rating(at(4), 9)
    assert built.peak_minute() == 4.0
    assert built.minutes_to_half() == 8.0


def test_exactly_half_counts_as_falling_to_half() -> None:
    """From a peak of 8, a rating of 4 is half the peak."""
    assert session([(0, 6), (1, 8), (3, 5), (5, 4)]).minutes_to_half() == 5.0


def test_a_wave_that_never_falls_to_half_has_no_half_time() -> None:
    """Staying at 5 or more after a peak of 9 means there is no time to half."""
    assert session([(0, 6), (3, 9), (6, 7), (9, 5)]).minutes_to_half() is None


def test_a_wave_that_fell_only_before_its_peak_has_no_half_time() -> None:
    """A low rating before the peak is not a fall: 2, then 9 three minutes later, then 8."""
    assert session([(0, 2), (3, 9), (6, 8)]).minutes_to_half() is None


def test_a_peak_of_zero_has_no_half_time() -> None:
    """With no pull at all, there is nothing to fall from."""
    assert session([(0, 0), (2, 0), (4, 0)]).minutes_to_half() is None


def test_the_first_of_equal_peaks_is_the_peak() -> None:
    """Rated 9 at minute 2 and again at minute 5: the peak is the first, at minute 2."""
    built = session([(0, 6), (2, 9), (5, 9), (7, 3)])
    assert built.peak == Rating(at(2), 9)
    assert built.peak_minute() == 2.0
    assert built.minutes_to_half() == 7.0


def test_peak_minute_counts_seconds() -> None:
    """A peak 90 seconds in is at minute 1.5."""
    assert session([(0, 5), (1.5, 8), (3, 2)]).peak_minute() == 1.5


def test_a_rating_the_stepped_back_clock_put_beside_the_peak_is_not_a_fall() -> None:
    """Rated 2 at the start, then 9 after the clock stepped back: the wave never fell.

    The 9 is recorded at the start's moment, so it shares a time with the earlier 2;
    that earlier 2 came before the peak and must not count as falling to half.
    """
    built = UrgeSession.start(2, T0).rated(9, T0 - timedelta(minutes=1))
    assert values(built) == [(T0, 2), (T0, 9)]
    assert built.peak.value == 9
    assert built.minutes_to_half() is None


# --- Wave ---------------------------------------------------------------------------


def test_the_wave_shows_the_rating_in_effect_at_even_moments() -> None:
    """Over 10 minutes in 5 columns, each column shows the rating at minutes 2, 4, ... 10."""
    built = session(WAVE, outcome=None)
    assert built.wave(at(10), 5) == [8, 9, 7, 4, 3]
    assert built.wave(at(10), 10) == [7, 8, 8, 9, 9, 7, 7, 4, 4, 3]
    assert built.wave(at(10), 1) == [3]
    assert built.wave(at(5), 5) == [7, 8, 8, 9, 9]


def test_the_wave_of_a_closed_session_ends_at_its_end() -> None:
    """Looking back an hour later, the wave still spans the session, not the hour."""
    closed = session(WAVE)  # ended at minute 11
    assert closed.wave(at(71), 11) == closed.wave(at(11), 11)
    assert closed.wave(at(71), 11)[-1] == 3


@pytest.mark.parametrize("columns", [0, -3])
def test_no_columns_means_no_wave(columns: int) -> None:
    """A pane too narrow to draw anything gets nothing to draw."""
    assert session(WAVE).wave(at(10), columns) == []


@SOME
@given(
    points=st.lists(st.tuples(st.integers(0, 600), st.integers(0, 9)), min_size=1, max_size=12),
    columns=st.integers(1, 80),
)
def test_the_wave_only_shows_ratings_that_were_given(
    points: list[tuple[int, int]], columns: int
) -> None:
    """Every column holds one of the person's ratings, and the last column is the latest."""
    ordered = sorted(points)
    built = session([(0, ordered[0][1]), *((s / 60, v) for s, v in ordered[1:])], outcome=None)
    now = T0 + secs(ordered[-1][0] + 30)
    drawn = built.wave(now, columns)
    assert len(drawn) == columns
    assert set(drawn) <= {r.value for r in built.ratings}
    assert drawn[-1] == built.last


# --- Stats and personal figures -------------------------------------------------------


def closed_at(day: datetime, peak: int = 7, outcome: str = "not_contacted") -> UrgeSession:
    """A short closed session started at ``day`` peaking at ``peak``."""
    return session([(0, peak // 2), (2, peak), (4, 0)], start=day, outcome=outcome)


NOW = datetime(2026, 11, 25, 12, 0, tzinfo=UTC)


def test_running_sessions_are_not_counted() -> None:
    """A session still on screen is not yet surfed, in any figure."""
    running = [session(WAVE, start=NOW - timedelta(hours=i), outcome=None) for i in range(6)]
    stats = urge_stats(running, NOW)
    assert (stats.closed, stats.this_week, stats.not_contacted) == (0, 0, 0)
    assert stats.recent_peaks == ()
    assert stats.figures is None


def test_this_week_counts_sessions_started_in_the_last_seven_days() -> None:
    """Started exactly 7 days ago counts; a microsecond earlier does not; running never does."""
    week = timedelta(days=7)
    sessions = [
        closed_at(NOW - week),
        closed_at(NOW - week - MICRO),
        closed_at(NOW - timedelta(days=30)),
        closed_at(NOW - timedelta(hours=1)),
        session(WAVE, start=NOW - timedelta(minutes=5), outcome=None),
    ]
    stats = urge_stats(sessions, NOW)
    assert stats.closed == 4
    assert stats.this_week == 2


def test_only_i_didnt_contact_them_counts_as_not_contacting() -> None:
    """Still deciding, contacting them, or being contacted are not counted as holding back."""
    sessions = [
        closed_at(NOW - timedelta(days=i), outcome=outcome)
        for i, outcome in enumerate(
            ["not_contacted", "deciding", "contacted", "they_contacted", "not_contacted"]
        )
    ]
    stats = urge_stats(sessions, NOW)
    assert stats.closed == 5
    assert stats.not_contacted == 2


def test_recent_peaks_are_oldest_first_whatever_order_they_come_in() -> None:
    """The little chart of peaks reads left to right from oldest to newest."""
    peaks = [3, 9, 5, 7, 2, 8]
    sessions = [closed_at(NOW - timedelta(days=10 - i), peak=p) for i, p in enumerate(peaks)]
    shuffled = sessions[:]
    random.Random(7).shuffle(shuffled)
    assert urge_stats(shuffled, NOW).recent_peaks == tuple(peaks)


def test_recent_peaks_keep_only_the_latest() -> None:
    """With 30 sessions, the chart shows the newest 24, or as many as asked for."""
    peaks = [i % 10 for i in range(30)]
    sessions = [closed_at(NOW - timedelta(hours=60 - i), peak=p) for i, p in enumerate(peaks)]
    assert urge_stats(sessions, NOW).recent_peaks == tuple(peaks[-24:])
    assert urge_stats(sessions, NOW, recent=3).recent_peaks == tuple(peaks[-3:])
    assert urge_stats(sessions, NOW, recent=1).recent_peaks == (peaks[-1],)


def test_asking_for_no_recent_peaks_gives_none() -> None:
    """A chart with room for no peaks gets none, not every peak there is."""
    sessions = [closed_at(NOW - timedelta(days=i)) for i in range(5)]
    assert urge_stats(sessions, NOW, recent=0).recent_peaks == ()


FIVE = [
    [(0, 6), (2, 8), (5, 4)],  # peak 8 at 2, half at 5
    [(0, 9), (3, 5), (6, 4)],  # peak 9 at 0, half at 6
    [(0, 3), (4, 7), (10, 5)],  # peak 7 at 4, never half
    [(0, 5), (1, 6), (3, 2)],  # peak 6 at 1, half at 3
    [(0, 4), (2, 4), (6, 8), (7, 1)],  # peak 8 at 6, half at 7
]
"""Five sessions: peak minutes 0, 1, 2, 4, 6 and half minutes 3, 5, 6, 7."""
SIXTH = [(0, 2), (8, 9), (9, 3)]
"""Peak 9 at minute 8, half at minute 9."""


def known(points: Sequence[Sequence[tuple[float, int]]]) -> list[UrgeSession]:
    """The sessions, a day apart, each closed."""
    return [session(p, start=T0 - timedelta(days=i)) for i, p in enumerate(points)]


def test_no_figures_below_five_closed_sessions() -> None:
    """Four closed sessions and any number running say nothing about the person's curve."""
    running = [session(WAVE, start=NOW, outcome=None) for _ in range(3)]
    assert FIGURES_FROM == 5
    assert personal_figures(known(FIVE[:4]) + running) is None
    assert urge_stats(known(FIVE[:4]) + running, NOW).figures is None


def test_figures_from_five_closed_sessions() -> None:
    """With five: median peak at minute 2, median half at 5.5 (of 5, 6, 3, 7), 4 fell."""
    expected = Figures(sessions=5, median_peak_minute=2, median_half_minute=5.5, fell_to_half=4)
    running = [session(WAVE, start=NOW, outcome=None)]
    assert personal_figures(known(FIVE)) == expected
    assert personal_figures(known(FIVE) + running) == expected
    assert urge_stats(known(FIVE) + running, NOW).figures == expected


def test_figures_from_six_closed_sessions() -> None:
    """Adding a sixth: median peak (2 + 4) / 2 = 3, median half 6 (of 3, 5, 6, 7, 9), 5 fell."""
    expected = Figures(sessions=6, median_peak_minute=3, median_half_minute=6, fell_to_half=5)
    assert personal_figures(known([*FIVE, SIXTH])) == expected


def test_figures_when_no_session_fell_to_half() -> None:
    """If no wave fell to half, there is no median time to half and 0 fell."""
    never = [[(0, 3), (m, 8), (m + 2, 6)] for m in (1, 2, 3, 4, 5)]
    figures = personal_figures(known(never))
    assert figures == Figures(5, 3, None, 0)


# --- Storage ------------------------------------------------------------------------

texts = st.one_of(
    st.text(max_size=60),
    st.sampled_from(
        [
            "[bold red]call me[/]",
            "[link=file:///etc/passwd]x[/link]",
            "\x1b[2J\x1b[31mred",
            "\x00\x07\x08\r\n\t",
            "\u202eright to left",
            "emoji \U0001f30a and \ufeff",
            '{"json": [1, 2]}',
            "",
        ]
    ),
)
"""Anything a person might type or paste, markup and control characters included."""


@st.composite
def sessions(draw: st.DrawFn) -> UrgeSession:
    """A session of any kind, possibly closed, with any details."""
    start = draw(starts)
    mode = draw(st.sampled_from(list(MODES)))
    built = UrgeSession.start(
        draw(st.integers(0, 9)),
        start,
        mode=mode,
        minutes=draw(st.integers(1, 24 * 60)),
        checkin_minutes=draw(st.integers(1, 60)),
    )
    for _ in range(draw(st.integers(0, 8))):
        offset = draw(st.timedeltas(min_value=timedelta(0), max_value=timedelta(hours=3)))
        built = built.rated(draw(st.integers(0, 9)), start + offset)
    built = built.with_details(trigger=draw(texts), unsafe=draw(st.booleans()), unsent=draw(texts))
    if draw(st.booleans()):
        end = start + draw(st.timedeltas(min_value=timedelta(0), max_value=timedelta(hours=5)))
        built = built.ended(draw(st.sampled_from(list(OUTCOMES))), end, helped=draw(texts))
    return built


@FAST
@given(sessions())
def test_a_session_comes_back_from_storage_exactly(built: UrgeSession) -> None:
    """Saved and loaded (through JSON), every rating, time, word and answer is the same."""
    stored = json.loads(json.dumps(built.to_dict()))
    back = UrgeSession.from_dict(stored)
    assert back == built
    assert values(back) == values(built)
    assert back.to_dict() == built.to_dict()


def good_record() -> dict[str, Any]:
    """A healthy stored closed session to damage."""
    return session(WAVE).to_dict()


DELETE = object()
"""Marks a field to remove from the record."""
NAIVE = "2026-11-25T02:00:00"
AWARE = "2026-11-25T02:00:00+00:00"

DAMAGE: dict[str, dict[str, Any]] = {
    "ratings missing": {"ratings": DELETE},
    "ratings empty": {"ratings": []},
    "ratings not a list": {"ratings": "7"},
    "rating of 10": {"ratings": [[AWARE, 10]]},
    "rating of -1": {"ratings": [[AWARE, -1]]},
    "rating true": {"ratings": [[AWARE, True]]},
    "rating 3.5": {"ratings": [[AWARE, 3.5]]},
    "rating as text": {"ratings": [[AWARE, "5"]]},
    "rating without a time": {"ratings": [[AWARE]]},
    "rating with a naive time": {"ratings": [[NAIVE, 5]]},
    "rating with a number for a time": {"ratings": [[5, 5]]},
    "rating not a pair": {"ratings": [[AWARE, 5], "junk"]},
    "start naive": {"started_at": NAIVE},
    "start missing": {"started_at": DELETE},
    "start not a time": {"started_at": "yesterday"},
    "end naive": {"ended_at": NAIVE},
    "unknown mode": {"mode": "forever"},
    "mode missing": {"mode": DELETE},
    "open with minutes": {"mode": "open", "minutes": 20},
    "timed without minutes": {"minutes": None},
    "quick without minutes": {"mode": "quick", "minutes": None},
    "outcome without an end": {"ended_at": None},
    "end without an outcome": {"outcome": ""},
    "unknown outcome": {"outcome": "gave_up"},
    "minutes 0": {"minutes": 0},
    "minutes negative": {"minutes": -5},
    "minutes over a day": {"minutes": 24 * 60 + 1},
    "minutes true": {"minutes": True},
    "minutes as text": {"minutes": "20"},
    "minutes fractional": {"minutes": 20.0},
    "check-in 0": {"checkin_minutes": 0},
    "check-in 61": {"checkin_minutes": 61},
    "check-in as text": {"checkin_minutes": "2"},
    "check-in true": {"checkin_minutes": True},
    "trigger a number": {"trigger": 5},
    "unsent null": {"unsent": None},
    "helped a list": {"helped": ["x"]},
    "outcome null": {"outcome": None},
    "unsafe as text": {"unsafe": "yes"},
    "id a number": {"id": 7},
    "id missing": {"id": DELETE},
    "unsent beyond the note limit": {"unsent": "x" * (NOTE_LIMIT + 1)},
}
"""Ways a stored session can be damaged, each of which must be refused."""


@pytest.mark.parametrize("changes", list(DAMAGE.values()), ids=list(DAMAGE))
def test_a_damaged_record_is_refused(changes: dict[str, Any]) -> None:
    """A record that could not have been written by the app is refused, not half-loaded."""
    record = good_record()
    UrgeSession.from_dict(record)  # the healthy one loads
    for key, value in changes.items():
        if value is DELETE:
            del record[key]
        else:
            record[key] = value
    with pytest.raises(ValidationError):
        UrgeSession.from_dict(record)


def test_an_open_session_is_stored_without_minutes() -> None:
    """An open session saves no length and loads back as open."""
    built = session(WAVE, mode="open")
    record = built.to_dict()
    assert record["minutes"] is None
    assert UrgeSession.from_dict(record) == built


def test_a_record_from_another_time_zone_keeps_its_moments() -> None:
    """Times written with an offset load as the same instants."""
    east = timezone(timedelta(hours=9))
    built = session(WAVE, start=T0.astimezone(east))
    back = UrgeSession.from_dict(built.to_dict())
    assert back.started_at == T0
    assert back.peak_minute() == 4.0


# --- Clock text -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("span", "text"),
    [
        (timedelta(0), "0:00"),
        (secs(5), "0:05"),
        (secs(59.9), "0:59"),
        (secs(65), "1:05"),
        (secs(600), "10:00"),
        (secs(3599), "59:59"),
        (secs(3600), "1:00:00"),
        (secs(3723), "1:02:03"),
        (timedelta(hours=25), "25:00:00"),
        (secs(-1), "0:00"),
        (-timedelta(days=2), "0:00"),
    ],
)
def test_the_clock_reads_like_a_clock(span: timedelta, text: str) -> None:
    """Minutes and seconds, hours only past an hour, and never a negative time."""
    assert clock_text(span) == text


# --- Words --------------------------------------------------------------------------


def shown_texts() -> list[str]:
    """Every string the urge pane can put in front of the person."""
    found = [*MODES.values(), *ANCHORS.values(), *OUTCOMES.values(), *TRIGGERS]
    for step in (*GUIDANCE, *SOBER):
        found += [step.title, step.text]
    for skill in SKILLS.values():
        found += [skill.title, skill.summary, skill.text, skill.caution]
    return found


BANNED = ["fail", "relapse", "defeat", "fight", "resist", "narcissist", "should", "must"]
KEY_NAME = re.compile(r"\bPress ! ")
"""'Press ! for ...' names the crisis key; it is not an exclamation."""


def test_the_words_have_been_checked_at_all() -> None:
    """The word checks below look at every anchor, outcome, step and skill."""
    everything = shown_texts()
    assert len(ANCHORS) == 10
    assert sorted(ANCHORS) == list(range(10))
    assert len(everything) >= len(ANCHORS) + len(OUTCOMES) + 2 * len(GUIDANCE) + 4 * len(SKILLS)
    assert any("Ride the wave" in text for text in everything)


@pytest.mark.parametrize("word", BANNED)
def test_no_blaming_or_combative_words(word: str) -> None:
    """Nothing talks of failing, relapsing, fighting or what the person 'should' do."""
    offending = [text for text in shown_texts() if word in text.lower()]
    assert offending == []


def test_no_exclamation_marks() -> None:
    """Nothing shouts: no exclamation mark, apart from naming the ! key."""
    offending = [text for text in shown_texts() if "!" in KEY_NAME.sub("", text)]
    assert offending == []


@pytest.mark.parametrize("promise", ["will pass", "will go away", "will fade", "will shrink"])
def test_the_guidance_never_promises_the_urge_will_shrink(promise: str) -> None:
    """Steps say urges rise, peak and can come back; none promises this one will go."""
    steps = [text.lower() for step in (*GUIDANCE, *SOBER) for text in (step.title, step.text)]
    assert [text for text in steps if promise in text] == []


def test_every_anchor_is_in_the_persons_own_voice() -> None:
    """Each rating's words are short and lower-case, read as 'it feels like ...'."""
    for value, words in ANCHORS.items():
        assert words, value
        assert words == words.strip()
        assert len(words) <= 40


# --- Rating and session invariants --------------------------------------------------------


def test_a_rating_needs_an_aware_time() -> None:
    """A rating with no time zone cannot be made."""
    with pytest.raises(ValidationError):
        Rating(datetime(2026, 11, 25, 2, 0), 5)


def test_a_session_built_by_hand_is_checked_too() -> None:
    """Changing a running session into an impossible one is refused."""
    built = UrgeSession.start(5, T0)
    impossible: list[Callable[[], UrgeSession]] = [
        lambda: replace(built, ratings=()),
        lambda: replace(built, mode="open"),
        lambda: replace(built, minutes=None),
        lambda: replace(built, outcome="contacted"),
        lambda: replace(built, ended_at=at(5)),
    ]
    for make in impossible:
        with pytest.raises(ValidationError):
            make()


@settings(max_examples=200, deadline=None)
@given(
    seconds=st.floats(min_value=0, max_value=20 * 60, allow_nan=False),
    minutes=st.integers(min_value=1, max_value=120),
)
def test_time_in_and_time_left_add_up_to_the_length(seconds: float, minutes: int) -> None:
    """The clock never shows, say, "0:01 in · 19:58 left": the two always sum to the length."""
    session = UrgeSession.start(5, T0, minutes=minutes)
    now = T0 + timedelta(seconds=seconds)
    elapsed = session.elapsed(now)
    remaining = session.remaining(now)
    assert remaining is not None

    def as_seconds(text: str) -> int:
        parts = [int(p) for p in text.split(":")]
        return sum(p * 60**i for i, p in enumerate(reversed(parts)))

    shown = as_seconds(clock_text(elapsed)) + as_seconds(clock_text(remaining, round_up=True))
    assert shown == max(minutes * 60, as_seconds(clock_text(elapsed)))
