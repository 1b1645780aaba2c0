"""Unsent letters: stored faithfully, damaged records refused, older drafts never lost."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from companion.domain.errors import ValidationError
from companion.domain.letters import Letter, all_letters, for_session
from companion.domain.urge import UrgeSession

T0 = datetime(2026, 11, 20, 22, 0, tzinfo=UTC)


def test_a_letter_round_trips_every_word() -> None:
    """Markup, new lines and all come back as written."""
    letter = Letter(T0, "Dear [b]you[/b]\n\nNo.", "s1")
    assert Letter.from_dict(letter.to_dict()) == letter


@pytest.mark.parametrize(
    "damage", [{"text": 3}, {"id": None}, {"written_at": "soon"}, {"session_id": []}]
)
def test_a_damaged_letter_is_refused(damage) -> None:
    """A record that could not have been written is refused, not half-read."""
    record = {**Letter(T0, "words").to_dict(), **damage}
    with pytest.raises(ValidationError):
        Letter.from_dict(record)


def test_older_drafts_inside_sessions_are_listed_once() -> None:
    """A draft in a session is listed until a kept letter of that session replaces it."""
    old = UrgeSession.start(5, T0).with_details(unsent="old words")
    newer = UrgeSession.start(5, T0 + timedelta(days=1)).with_details(unsent="  ")
    listed = all_letters([], [old, newer])
    assert [letter.text for letter in listed] == ["old words"]
    moved = Letter(T0, "old words, and more", old.id)
    later = Letter(T0 + timedelta(days=2), "later")
    assert all_letters([moved, later], [old]) == [later, moved]
    assert for_session([moved, later], old.id) == moved
