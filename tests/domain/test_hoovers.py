"""The hoover log's records and counts."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from companion.domain.errors import ValidationError
from companion.domain.history import newest_first
from companion.domain.hoovers import CHANNELS, Hoover, not_answered

T0 = datetime(2026, 11, 25, 2, 0, tzinfo=UTC)


@settings(max_examples=100, deadline=None)
@given(
    channel=st.sampled_from(list(CHANNELS)),
    said=st.text(max_size=200),
    felt=st.text(max_size=50),
    unsafe=st.booleans(),
    answered=st.booleans(),
    on=st.dates(min_value=date(1900, 1, 1), max_value=date(2100, 1, 1)),
)
def test_an_entry_comes_back_exactly(channel, said, felt, unsafe, answered, on) -> None:
    """Whatever was written, in any characters, is kept exactly."""
    entry = Hoover(
        on=on, channel=channel, logged_at=T0, said=said, felt=felt, unsafe=unsafe, answered=answered
    )
    assert Hoover.from_dict(entry.to_dict()) == entry


@pytest.mark.parametrize(
    "record",
    [
        {},
        {"id": "x", "on": "2026-01-01", "channel": "pigeon", "logged_at": T0.isoformat()},
        {"id": "x", "on": "nonsense", "channel": "call", "logged_at": T0.isoformat()},
        {"id": "x", "on": "2026-01-01", "channel": "call", "logged_at": "2026-01-01T00:00"},
        {"id": "x", "on": "2026-01-01", "channel": "call", "logged_at": T0.isoformat(), "said": 3},
        {"id": "x", "on": "1800-01-01", "channel": "call", "logged_at": T0.isoformat()},
    ],
)
def test_a_damaged_entry_is_refused(record) -> None:
    """A damaged record is refused with a plain message, never half-loaded."""
    with pytest.raises(ValidationError):
        Hoover.from_dict(record)


def test_only_unanswered_attempts_are_counted_and_newest_comes_first() -> None:
    """The count shown is of attempts not answered; the list reads newest first."""
    old = Hoover(on=date(2026, 1, 1), channel="call", logged_at=T0)
    answered = Hoover(on=date(2026, 2, 1), channel="text", logged_at=T0, answered=True)
    new = Hoover(on=date(2026, 3, 1), channel="someone", via="  Aunt Jo ", logged_at=T0)
    assert not_answered([old, answered, new]) == 2
    assert newest_first([old, answered, new]) == [new, answered, old]
    assert new.via == "Aunt Jo"
