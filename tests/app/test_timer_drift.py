"""The urge timer's budget: under a second of error after 20 minutes, a suspend and a restart."""

from __future__ import annotations

from benchmarks.timer_drift import BUDGET_SECONDS, measure


async def test_timer_error_stays_under_a_second() -> None:
    """The clock on screen is the true time since the start, whatever the redraws did."""
    drift = await measure()
    assert drift.after_twenty_minutes < BUDGET_SECONDS
    assert drift.after_restart < BUDGET_SECONDS
