"""Slips and the profile survive being saved and loaded; damaged records are refused."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta, timezone
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from companion.domain.errors import ValidationError
from companion.domain.fields import NOTE_LIMIT, check_note
from companion.domain.history import SLIP_KINDS, Slip
from companion.domain.profile import ALIAS_LIMIT, Profile, check_alias
from tests.domain.support import LOGGED

ROUND_TRIPS = settings(max_examples=200, deadline=None)
MISSING = object()
"""Marks a field to drop from a record."""

# --- Slips -------------------------------------------------------------------------

fixed_offsets = st.integers(min_value=-14 * 60, max_value=14 * 60).map(
    lambda minutes: timezone(timedelta(minutes=minutes))
)

slips = st.builds(
    Slip,
    on=st.dates(min_value=date(1900, 1, 1)),
    kind=st.sampled_from(sorted(SLIP_KINDS)),
    logged_at=st.datetimes(
        min_value=datetime(1901, 1, 1), max_value=datetime(9998, 1, 1), timezones=fixed_offsets
    ),
    note=st.text(max_size=300),
    new_stretch=st.booleans(),
    id=st.text(min_size=1, max_size=40),
)


@ROUND_TRIPS
@given(slips)
def test_a_slip_comes_back_exactly_as_saved(original: Slip) -> None:
    """Saving and loading a slip keeps its day, kind, note (byte for byte), id and time."""
    record = original.to_dict()
    loaded = Slip.from_dict(record)
    assert loaded == original
    assert loaded.note == original.note
    assert loaded.logged_at.utcoffset() == original.logged_at.utcoffset()
    assert loaded.to_dict() == record


def test_a_slip_logged_in_a_named_zone_keeps_its_moment() -> None:
    """A slip stamped in London during summer time loads as the same moment and offset."""
    logged = datetime(2024, 7, 1, 21, 30, tzinfo=ZoneInfo("Europe/London"))
    original = Slip(on=date(2024, 7, 1), kind="called", logged_at=logged)
    loaded = Slip.from_dict(original.to_dict())
    assert loaded.logged_at == logged
    assert loaded.logged_at.utcoffset() == timedelta(hours=1)


def test_an_old_record_without_optional_fields_still_loads() -> None:
    """A record with no note and no new_stretch flag loads as a plain slip that restarts."""
    loaded = Slip.from_dict(
        {"id": "x1", "on": "2025-10-17", "kind": "met", "logged_at": LOGGED.isoformat()}
    )
    assert loaded == Slip(on=date(2025, 10, 17), kind="met", logged_at=LOGGED, id="x1")
    assert loaded.note == ""
    assert loaded.new_stretch is True


def good_record() -> dict[str, Any]:
    """A stored slip record that loads fine."""
    return {
        "id": "abc",
        "on": "2025-10-17",
        "kind": "messaged",
        "note": "I wrote back.",
        "new_stretch": True,
        "logged_at": "2025-10-17T21:30:00+01:00",
    }


def test_the_good_record_loads() -> None:
    """The record the refusals below start from is itself fine."""
    assert Slip.from_dict(good_record()).on == date(2025, 10, 17)


@pytest.mark.parametrize(
    ("change", "fragment"),
    [
        ({"on": MISSING}, "slip date is missing"),
        ({"logged_at": MISSING}, "logged is missing"),
        ({"kind": MISSING}, "kind of contact"),
        ({"id": MISSING}, "identifier"),
        ({"id": ""}, "identifier"),
        ({"on": 20251017}, "slip date is missing"),
        ({"on": "17 Oct"}, "not a date"),
        ({"on": "2025-02-30"}, "not a date"),
        ({"on": "1899-12-31"}, "before 1900"),
        ({"kind": "texted"}, "Unknown kind"),
        ({"kind": 3}, "kind of contact"),
        ({"note": 42}, "damaged"),
        ({"note": None}, "damaged"),
        ({"new_stretch": None}, "damaged"),
        ({"new_stretch": "yes"}, "damaged"),
        ({"new_stretch": 1}, "damaged"),
        ({"id": 7}, "identifier"),
        ({"logged_at": "2025-10-17T21:30:00"}, "no time zone"),
        ({"logged_at": "yesterday"}, "not a time"),
        ({"logged_at": 1760733000}, "logged is missing"),
        ({"note": "x" * (NOTE_LIMIT + 1)}, "notes can hold up to"),
    ],
)
def test_a_damaged_slip_record_is_refused(change: dict[str, Any], fragment: str) -> None:
    """A stored slip with a missing or wrong field is refused with a message, never guessed."""
    record = good_record()
    for key, value in change.items():
        if value is MISSING:
            del record[key]
        else:
            record[key] = value
    with pytest.raises(ValidationError, match=fragment):
        Slip.from_dict(record)


def test_a_slip_refuses_impossible_values_however_it_is_made() -> None:
    """A slip built directly is checked too: kind, day, id and note length."""
    with pytest.raises(ValidationError, match="Unknown kind"):
        Slip(on=date(2025, 1, 1), kind="bogus", logged_at=LOGGED)
    with pytest.raises(ValidationError, match="before 1900"):
        Slip(on=date(1899, 12, 31), kind="met", logged_at=LOGGED)
    with pytest.raises(ValidationError, match="identifier"):
        Slip(on=date(2025, 1, 1), kind="met", logged_at=LOGGED, id="")


def test_a_note_may_be_as_long_as_the_limit_but_no_longer() -> None:
    """A note of exactly the limit is kept whole; one character more is refused politely."""
    longest = "é" * NOTE_LIMIT
    assert Slip(on=date(2025, 1, 1), kind="other", logged_at=LOGGED, note=longest).note == longest
    assert check_note(longest) == longest
    with pytest.raises(ValidationError) as refused:
        Slip(on=date(2025, 1, 1), kind="other", logged_at=LOGGED, note=longest + "!")
    message = str(refused.value)
    assert f"{NOTE_LIMIT + 1:,}" in message
    assert "Nothing was saved" in message


def test_a_note_keeps_markup_and_odd_characters_as_typed() -> None:
    """A note with markup, tabs, control characters and emoji is stored exactly as typed."""
    note = "[bold]not bold[/]\t\x00\x1b[31m 💔 \r\n  trailing  "
    original = Slip(on=date(2025, 1, 1), kind="other", logged_at=LOGGED, note=note)
    assert Slip.from_dict(original.to_dict()).note == note


def test_every_kind_has_words_in_the_persons_voice() -> None:
    """Each kind of contact has a sentence to show; the six expected kinds are all there."""
    assert set(SLIP_KINDS) == {"messaged", "called", "answered", "met", "looked", "other"}
    assert all(words.strip() for words in SLIP_KINDS.values())


def test_new_slips_get_distinct_ids() -> None:
    """Two slips made back to back can be told apart to edit or delete."""
    first = Slip(on=date(2025, 1, 1), kind="met", logged_at=LOGGED)
    second = Slip(on=date(2025, 1, 1), kind="met", logged_at=LOGGED)
    assert first.id and second.id and first.id != second.id


# --- Profile -----------------------------------------------------------------------

typed_aliases = st.text(
    alphabet=st.characters(min_codepoint=32, blacklist_categories=("Cs", "Cc", "Zl", "Zp")),
    max_size=ALIAS_LIMIT,
).map(str.strip)
"""Aliases as they come out of the alias box: printable and trimmed."""


@ROUND_TRIPS
@given(typed_aliases, st.booleans())
def test_the_profile_comes_back_exactly_as_saved(alias: str, welcomed: bool) -> None:
    """Saving and loading the settings keeps the alias and the welcome flag."""
    original = Profile(alias=alias, welcomed=welcomed)
    record = original.to_dict()
    assert Profile.from_dict(record) == original
    assert Profile.from_dict(record).to_dict() == record


def test_an_empty_profile_falls_back_to_them_and_they() -> None:
    """With no alias set the app says "them" and "they"."""
    assert Profile().them == "them"
    assert Profile().they == "they"
    assert Profile.from_dict({}) == Profile()
    named = Profile(alias="Sam")
    assert (named.them, named.they) == ("Sam", "Sam")


def test_an_alias_is_trimmed_and_may_be_exactly_the_limit() -> None:
    """Outer spaces are trimmed, and a name of exactly 40 characters is fine."""
    assert check_alias("  Sam  ") == "Sam"
    assert check_alias("   ") == ""
    forty = "x" * ALIAS_LIMIT
    assert check_alias(forty) == forty
    assert Profile(alias=forty).them == forty


def test_an_alias_over_the_limit_is_refused() -> None:
    """A 41-character name is refused, and the message says how long it is."""
    with pytest.raises(
        ValidationError, match=f"{ALIAS_LIMIT} characters or fewer; this one has 41"
    ):
        Profile(alias="x" * (ALIAS_LIMIT + 1))
    with pytest.raises(ValidationError, match="this one has 41"):
        check_alias("y" * 41)


@pytest.mark.parametrize(
    "alias", ["Sam\nSmith", "Sam\rSmith", "\tSam\tB", "S\x00m", "S\x1b[2Jm", "S\x7fm"]
)
def test_an_alias_with_a_line_break_or_control_character_is_refused(alias: str) -> None:
    """A name with a newline or terminal control character is refused with a message."""
    with pytest.raises(ValidationError, match="line breaks or control characters"):
        Profile(alias=alias)
    with pytest.raises(ValidationError, match="line breaks or control characters"):
        check_alias(alias)


@pytest.mark.parametrize(
    "alias",
    [
        "Sam\u2028Smith",  # LINE SEPARATOR: str.splitlines() breaks here
        "Sam\u2029Smith",  # PARAGRAPH SEPARATOR
        "Sam\x85Smith",  # NEXT LINE, a C1 control character and a line break
        "Sam\x9b2JSmith",  # CSI, the 8-bit form of ESC [ (a terminal control sequence)
    ],
)
def test_an_alias_with_a_unicode_line_break_or_c1_control_is_refused(alias: str) -> None:
    """Unicode line breaks and 8-bit control characters break the name onto two lines or
    reach the terminal as control codes, so they are refused like a plain newline."""
    assert len(alias.splitlines()) > 1 or any(0x80 <= ord(ch) <= 0x9F for ch in alias)
    with pytest.raises(ValidationError, match="line breaks or control characters"):
        check_alias(alias)


@pytest.mark.parametrize("alias", ["Sam\n", "\nSam", "Sam\r\n", "   ", "\t"])
def test_a_stored_alias_with_outer_line_breaks_or_only_spaces_is_not_shown_raw(
    alias: str,
) -> None:
    """A settings file holding "Sam\\n" or "   " must not make the app print a broken
    or blank name: the alias is refused, or cleaned the way typing it would clean it."""
    try:
        profile = Profile.from_dict({"alias": alias, "welcomed": True})
    except ValidationError:
        return
    assert profile.them == (check_alias(alias) or "them")
    assert profile.they == (check_alias(alias) or "they")


@pytest.mark.parametrize(
    "record",
    [{"alias": 5}, {"alias": None}, {"welcomed": "yes"}, {"welcomed": 1}, {"alias": ["Sam"]}],
)
def test_a_damaged_profile_record_is_refused(record: dict[str, Any]) -> None:
    """A settings record with the wrong kinds of values is refused with a message."""
    with pytest.raises(ValidationError, match="damaged"):
        Profile.from_dict(record)


def test_a_stored_alias_that_could_not_have_been_typed_is_refused() -> None:
    """A settings file edited to hold an over-long or multi-line alias is refused on load."""
    with pytest.raises(ValidationError, match="characters or fewer"):
        Profile.from_dict({"alias": "x" * 41, "welcomed": True})
    with pytest.raises(ValidationError, match="line breaks"):
        Profile.from_dict({"alias": "a\nb", "welcomed": True})


def test_logged_at_in_utc_round_trips() -> None:
    """A UTC stamp loads back as the same moment."""
    original = Slip(on=date(2025, 1, 1), kind="met", logged_at=datetime(2025, 1, 1, tzinfo=UTC))
    assert Slip.from_dict(original.to_dict()).logged_at == original.logged_at


def test_the_remembered_theme_and_voice_come_back_and_damage_is_refused() -> None:
    """The theme and the guided voice are kept; a profile from before them loads with the
    defaults; a damaged value is refused, never used."""
    chosen = Profile(theme="nord", guided_voice="you")
    assert Profile.from_dict(chosen.to_dict()) == chosen
    assert Profile.from_dict({"alias": "Sam"}) == Profile(alias="Sam")
    for damaged in ({"theme": 3}, {"theme": "a\nb"}, {"guided_voice": "shout"}):
        with pytest.raises(ValidationError):
            Profile.from_dict(damaged)
