"""The running urge totals give the same figures as counting every session again, through
any mix of sessions added, changed and removed."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from companion.domain.urge import OUTCOMES, UrgeSession
from companion.domain.urge_figures import UrgeTally, urge_stats

NOW = datetime(2026, 11, 25, 12, 0, tzinfo=UTC)


@st.composite
def sessions(draw: st.DrawFn, ident: int) -> UrgeSession:
    """A session of a few ratings, closed (or still running), started within 40 days."""
    start = NOW - timedelta(seconds=draw(st.integers(0, 40 * 86400)))
    session = UrgeSession.start(draw(st.integers(0, 9)), start)
    moment = start
    for value in draw(st.lists(st.integers(0, 9), max_size=6)):
        moment += timedelta(seconds=draw(st.integers(1, 900)))
        session = session.rated(value, moment)
    if draw(st.booleans()) or ident % 7:
        session = session.ended(draw(st.sampled_from(sorted(OUTCOMES))), moment)
    return session


@st.composite
def histories(draw: st.DrawFn) -> list[tuple[str, int, UrgeSession | None]]:
    """Steps: put a session under one of a few ids, or remove one (None)."""
    steps = []
    for n in range(draw(st.integers(0, 40))):
        slot = draw(st.integers(0, 12))
        steps.append((f"s{slot}", n, None if draw(st.integers(0, 5)) == 0 else draw(sessions(n))))
    return steps


@settings(max_examples=100, deadline=None)
@given(histories())
def test_the_tally_agrees_with_counting_again(
    steps: list[tuple[str, int, UrgeSession | None]],
) -> None:
    """Follow every change; the pane's figures match a count over the sessions left."""
    tally = UrgeTally()
    kept: dict[str, UrgeSession] = {}
    for slot, _, session in steps:
        old = kept.pop(slot, None)
        if session is not None:
            session = replace(session, id=slot)
            kept[slot] = session
        tally.changed(old, session)
        tally = UrgeTally.from_dict(tally.to_dict())  # stored and read back between saves
    exact = urge_stats(kept.values(), NOW)
    quick = tally.stats(NOW)
    assert (quick.closed, quick.this_week, quick.not_contacted) == (
        exact.closed,
        exact.this_week,
        exact.not_contacted,
    )
    assert quick.recent_peaks == exact.recent_peaks
    if exact.figures is None:
        assert quick.figures is None
        return
    assert quick.figures is not None
    assert quick.figures.sessions == exact.figures.sessions
    assert quick.figures.fell_to_half == exact.figures.fell_to_half
    assert abs(quick.figures.median_peak_minute - exact.figures.median_peak_minute) <= 1 / 60
    if exact.figures.median_half_minute is None:
        assert quick.figures.median_half_minute is None
    else:
        assert quick.figures.median_half_minute is not None
        assert abs(quick.figures.median_half_minute - exact.figures.median_half_minute) <= 1 / 60
