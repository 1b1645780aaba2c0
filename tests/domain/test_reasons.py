"""Reasons I left: checks, glance, storage, the person's order, moving, search, review,
the guided prompts and their words."""

from __future__ import annotations

import json
import random
import unicodedata
from collections.abc import Sequence
from dataclasses import replace
from datetime import UTC, date, datetime, timedelta, timezone
from itertools import pairwise
from typing import Any

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from companion.domain.errors import ValidationError
from companion.domain.fields import NOTE_LIMIT
from companion.domain.reasons import (
    CATEGORIES,
    CATEGORY_LIMIT,
    PROMPT_SETS,
    SUMMARY_LIMIT,
    VOICES,
    PromptSet,
    Reason,
    all_prompts,
    category_label,
    check_category,
    check_summary,
    check_text,
    first_of_set,
    for_urge,
    matching,
    moved,
    next_position,
    ordered,
    prompt_at,
    review_order,
)

T0 = datetime(2026, 11, 25, 2, 0, tzinfo=UTC)
"""Two in the morning: when the reasons in these tests were written."""
FAST = settings(max_examples=120, deadline=None)
SOME = settings(max_examples=60, deadline=None)


def at(minutes: int) -> datetime:
    """A moment ``minutes`` after T0."""
    return T0 + timedelta(minutes=minutes)


def reason(
    ident: str,
    *,
    pinned: bool = False,
    position: int = 0,
    minutes: int = 0,
    helped: int = 0,
    text: str | None = None,
    summary: str = "",
    category: str = "happened",
) -> Reason:
    """A reason with a readable id, written ``minutes`` after T0."""
    return Reason(
        text=f"Reason {ident}" if text is None else text,
        created_at=at(minutes),
        category=category,
        summary=summary,
        pinned=pinned,
        helped=helped,
        position=position,
        id=ident,
    )


def ids(reasons: Sequence[Reason]) -> list[str]:
    """The ids, in the order given."""
    return [r.id for r in reasons]


def applied(reasons: Sequence[Reason], changes: Sequence[Reason]) -> list[Reason]:
    """The reasons with ``changes`` saved over them (as the store does), in the same order."""
    by_id = {r.id: r for r in changes}
    return [by_id.get(r.id, r) for r in reasons]


def record(**changes: Any) -> dict[str, Any]:
    """A good stored record, with some fields changed."""
    data: dict[str, Any] = {
        "id": "abc123",
        "text": "He read my messages every night.",
        "summary": "He read my messages",
        "category": "happened",
        "incident": "2025-03-14",
        "pinned": True,
        "helped": 2,
        "position": 4,
        "created_at": "2026-11-25T02:00:00+00:00",
        "edited_at": None,
    }
    data.update(changes)
    return data


@st.composite
def reason_lists(draw: st.DrawFn, max_size: int = 9) -> list[Reason]:
    """Reasons with unique ids and deliberately clashing positions and times."""
    specs = draw(
        st.lists(
            st.tuples(
                st.booleans(),
                st.integers(-2, 4),
                st.integers(0, 3),
                st.integers(0, 3),
            ),
            max_size=max_size,
        )
    )
    return [
        reason(f"r{i}", pinned=pinned, position=position, minutes=minutes, helped=helped)
        for i, (pinned, position, minutes, helped) in enumerate(specs)
    ]


# --- Text -----------------------------------------------------------------------------


@pytest.mark.parametrize("text", ["", " ", "\n\n", "\t \r\n  ", "\u3000"])
def test_an_empty_reason_is_refused_with_a_message(text: str) -> None:
    """Saving nothing, or only spaces and blank lines, is refused with a kind sentence."""
    with pytest.raises(ValidationError) as caught:
        check_text(text)
    assert str(caught.value).strip()
    with pytest.raises(ValidationError):
        Reason(text=text, created_at=T0)


def test_a_reason_can_be_as_long_as_the_note_limit_and_no_longer() -> None:
    """Exactly NOTE_LIMIT characters is kept whole; one more is refused, not cut short."""
    longest = "x" * NOTE_LIMIT
    assert check_text(longest) is longest
    assert Reason(text=longest, created_at=T0).text == longest
    with pytest.raises(ValidationError) as caught:
        check_text(longest + "x")
    assert f"{NOTE_LIMIT:,}" in str(caught.value)
    with pytest.raises(ValidationError):
        Reason(text=longest + "x", created_at=T0)


@pytest.mark.parametrize(
    "text",
    [
        "[bold]He said[/bold] I was [red]nothing[/]",
        "\x1b[31mred\x1b[0m and a bell \x07",
        "a tab\there, a NUL \x00 and a DEL \x7f",
        "Never again 😀👍🏽🏳️‍🌈",
        "שלום, ‮reversed‬ and مرحبا",
        "  leading spaces\r\nwindows line\rold mac line\n\n",
        "\u200b\ufeffzero-width",
        ("é😀\n" * (NOTE_LIMIT // 3))[: NOTE_LIMIT - 1] + "!",
    ],
    ids=["markup", "escapes", "controls", "emoji", "right-to-left", "line-ends", "zw", "1MB"],
)
def test_any_characters_are_kept_exactly(text: str) -> None:
    """Markup, control characters, emoji, right-to-left text or a huge paste come back as
    written: nothing interpreted, trimmed or lost, even after saving and loading."""
    assert check_text(text) == text
    kept = Reason(text=text, created_at=T0)
    assert kept.text == text
    loaded = Reason.from_dict(json.loads(json.dumps(kept.to_dict())))
    assert loaded.text == text
    assert loaded == kept


# --- Summary --------------------------------------------------------------------------


def test_a_summary_is_trimmed_and_may_be_empty() -> None:
    """Spaces around a summary are dropped; no summary at all is fine."""
    assert check_summary("  He broke my phone  ") == "He broke my phone"
    assert check_summary("") == ""
    assert check_summary("   ") == ""
    assert check_summary("\tgist\n") == "gist"


@pytest.mark.parametrize("summary", ["one\ntwo", "one\rtwo", "one\r\ntwo"])
def test_a_summary_of_more_than_one_line_is_refused(summary: str) -> None:
    """A summary is read at a glance, so a second line is refused with a message."""
    with pytest.raises(ValidationError) as caught:
        check_summary(summary)
    assert str(caught.value).strip()
    with pytest.raises(ValidationError):
        Reason(text="words", summary=summary, created_at=T0)


def test_a_summary_can_be_as_long_as_its_limit_and_no_longer() -> None:
    """SUMMARY_LIMIT characters are accepted (spaces around don't count); one more is not."""
    longest = "y" * SUMMARY_LIMIT
    assert check_summary(longest) == longest
    assert check_summary(f"  {longest}  ") == longest
    with pytest.raises(ValidationError) as caught:
        check_summary(longest + "y")
    assert str(SUMMARY_LIMIT) in str(caught.value)
    with pytest.raises(ValidationError):
        Reason(text="words", summary=longest + "y", created_at=T0)


@pytest.mark.parametrize(
    "summary",
    ["   ", "  gist  ", "gist\n", "\r\ngist", "z" * SUMMARY_LIMIT + "   "],
    ids=["spaces-only", "spaces-around", "trailing-newline", "leading-newline", "over-limit"],
)
def test_a_saved_reason_never_holds_a_summary_that_is_not_one_trimmed_short_line(
    summary: str,
) -> None:
    """Whatever is typed as a summary, the reason either refuses it or keeps it the way
    check_summary leaves it: one line, no spaces around, within SUMMARY_LIMIT."""
    try:
        kept = Reason(text="words", summary=summary, created_at=T0)
    except ValidationError:
        return
    assert kept.summary == check_summary(summary)
    assert "\n" not in kept.summary
    assert "\r" not in kept.summary
    assert len(kept.summary) <= SUMMARY_LIMIT


def test_a_summary_of_only_spaces_does_not_hide_the_reason_at_a_glance() -> None:
    """A summary box left with a few spaces in it counts as no summary: the glance shows
    the reason's first line, not a blank."""
    kept = Reason(text="He broke my phone.\nThen he said sorry.", summary="   ", created_at=T0)
    assert kept.glance == "He broke my phone."


# --- Category -------------------------------------------------------------------------


@pytest.mark.parametrize("key", list(CATEGORIES))
def test_every_usual_kind_is_accepted(key: str) -> None:
    """Each offered kind of reason can be chosen."""
    assert check_category(key) == key
    assert Reason(text="words", category=key, created_at=T0).category == key


@pytest.mark.parametrize(
    "name", ["Money", "my mother's moods", "Дети", "家族", "🙂", "c" * CATEGORY_LIMIT]
)
def test_a_kind_of_the_persons_own_is_accepted(name: str) -> None:
    """A short name of the person's own, in any script, is a kind of reason."""
    assert check_category(name) == name
    assert Reason(text="words", category=name, created_at=T0).category == name


def test_a_kind_is_trimmed() -> None:
    """Spaces typed around a kind are dropped by the check."""
    assert check_category("  Money ") == "Money"
    assert check_category(" promises ") == "promises"


@pytest.mark.parametrize(
    "name",
    [
        "",
        "   ",
        "c" * (CATEGORY_LIMIT + 1),
        "two\nlines",
        "two\rlines",
        "a\ttab",
        "nul\x00",
        "line\u2028separator",
        "next\x85line",
        "del\x7f",
    ],
    ids=[
        "empty",
        "spaces",
        "too-long",
        "newline",
        "return",
        "tab",
        "nul",
        "line-separator",
        "next-line",
        "delete",
    ],
)
def test_an_impossible_kind_is_refused(name: str) -> None:
    """No kind, a name over CATEGORY_LIMIT characters, or one over two lines is refused."""
    with pytest.raises(ValidationError) as caught:
        check_category(name)
    assert str(caught.value).strip()
    with pytest.raises(ValidationError):
        Reason(text="words", category=name, created_at=T0)


@pytest.mark.parametrize(
    ("typed", "shown"),
    [(" promises ", "Promises not kept"), ("Money\n", "Money"), ("  Money", "Money")],
)
def test_a_kind_typed_with_spaces_around_is_kept_the_way_the_check_leaves_it(
    typed: str, shown: str
) -> None:
    """A kind with stray spaces or a trailing newline is either refused or kept trimmed,
    so " promises " shows as "Promises not kept", not as a kind of the person's own."""
    try:
        kept = Reason(text="words", category=typed, created_at=T0)
    except ValidationError:
        return
    assert kept.category == check_category(typed)
    assert category_label(kept.category) == shown


@pytest.mark.parametrize(("key", "name"), list(CATEGORIES.items()))
def test_a_usual_kind_is_shown_by_its_name(key: str, name: str) -> None:
    """ "wont_miss" is shown as "What I won't miss", and so on."""
    assert category_label(key) == name
    assert name != key


@pytest.mark.parametrize("name", ["Money", "my mother's moods", "What happened", "家族"])
def test_a_kind_of_the_persons_own_is_shown_as_typed(name: str) -> None:
    """The person's own kind is shown in their own words, unchanged."""
    assert category_label(name) == name


# --- Other fields ---------------------------------------------------------------------


def test_the_date_it_happened_is_not_before_1900() -> None:
    """1 January 1900 can be noted; the day before is refused."""
    assert Reason(text="words", incident=date(1900, 1, 1), created_at=T0).incident == date(
        1900, 1, 1
    )
    with pytest.raises(ValidationError):
        Reason(text="words", incident=date(1899, 12, 31), created_at=T0)


def test_a_count_of_times_it_helped_is_not_negative() -> None:
    """Zero times is the start; minus one is refused."""
    assert Reason(text="words", helped=0, created_at=T0).helped == 0
    with pytest.raises(ValidationError):
        Reason(text="words", helped=-1, created_at=T0)


def test_a_reason_needs_an_aware_time() -> None:
    """A time written without a time zone is refused rather than guessed."""
    with pytest.raises(ValidationError):
        Reason(text="words", created_at=datetime(2026, 11, 25, 2, 0))


def test_a_new_reason_starts_plain() -> None:
    """Unless told otherwise a reason is about what happened, unpinned, never marked as
    helping, first in order, never edited, with its own id."""
    first = Reason(text="words", created_at=T0)
    second = Reason(text="words", created_at=T0)
    assert (first.category, first.summary, first.incident) == ("happened", "", None)
    assert (first.pinned, first.helped, first.position, first.edited_at) == (False, 0, 0, None)
    assert first.id != second.id
    assert first.id


# --- Glance ---------------------------------------------------------------------------


def test_the_glance_is_the_summary_when_there_is_one() -> None:
    """During a craving a long reason is shown by its summary."""
    kept = Reason(
        text="A long story.\nWith many lines.", summary="The night of the party", created_at=T0
    )
    assert kept.glance == "The night of the party"


@pytest.mark.parametrize(
    ("text", "first"),
    [
        ("Only line", "Only line"),
        ("First\nSecond\nThird", "First"),
        ("\n\n   \nAfter blanks\nmore", "After blanks"),
        ("  indented start\nmore", "indented start"),
        ("windows\r\nline", "windows"),
    ],
)
def test_without_a_summary_the_glance_is_the_first_line(text: str, first: str) -> None:
    """With no summary the first written line is shown; blank lines before it are skipped."""
    assert Reason(text=text, created_at=T0).glance == first


# --- Saving and loading ---------------------------------------------------------------

texts = st.text(min_size=1, max_size=200).filter(lambda t: t.strip() != "")
"""Any characters, as long as there are some words."""
summaries = st.text(max_size=SUMMARY_LIMIT).filter(lambda s: "\n" not in s and "\r" not in s)
"""One-line summaries within the limit (any characters)."""
own_kinds = st.text(min_size=1, max_size=CATEGORY_LIMIT).filter(
    lambda c: (
        c.strip() != "" and all(unicodedata.category(ch) not in ("Cc", "Zl", "Zp") for ch in c)
    )
)
"""Kinds of the person's own."""
zones = st.integers(-(24 * 60 - 1), 24 * 60 - 1).map(lambda m: timezone(timedelta(minutes=m)))
"""Fixed offsets of whole minutes, as any system clock could report."""
moments = st.datetimes(
    min_value=datetime(1970, 1, 1), max_value=datetime(2200, 1, 1), timezones=zones
)
"""Aware moments in any offset."""


@FAST
@given(
    text=texts,
    summary=summaries,
    category=st.one_of(st.sampled_from(list(CATEGORIES)), own_kinds),
    incident=st.none() | st.dates(min_value=date(1900, 1, 1)),
    pinned=st.booleans(),
    helped=st.integers(0, 10**9),
    position=st.integers(-(10**9), 10**9),
    created_at=moments,
    edited_at=st.none() | moments,
)
@example(
    text="[bold]x[/]",
    summary="",
    category="promises",
    incident=date(1900, 1, 1),
    pinned=True,
    helped=0,
    position=0,
    created_at=T0,
    edited_at=None,
)
def test_a_reason_comes_back_exactly_as_saved(
    text: str,
    summary: str,
    category: str,
    incident: date | None,
    pinned: bool,
    helped: int,
    position: int,
    created_at: datetime,
    edited_at: datetime | None,
) -> None:
    """Saved to JSON and loaded again, every field of a reason is the same."""
    kept = Reason(
        text=text,
        summary=summary.strip(),
        category=category.strip(),
        incident=incident,
        pinned=pinned,
        helped=helped,
        position=position,
        created_at=created_at,
        edited_at=edited_at,
    )
    loaded = Reason.from_dict(json.loads(json.dumps(kept.to_dict())))
    assert loaded == kept
    assert loaded.text == text
    assert loaded.created_at.utcoffset() == created_at.utcoffset()


def test_a_stored_record_reads_back_field_by_field() -> None:
    """A record written by hand loads with each field where it belongs."""
    loaded = Reason.from_dict(record())
    assert loaded.id == "abc123"
    assert loaded.text == "He read my messages every night."
    assert loaded.summary == "He read my messages"
    assert loaded.category == "happened"
    assert loaded.incident == date(2025, 3, 14)
    assert loaded.pinned is True
    assert (loaded.helped, loaded.position) == (2, 4)
    assert loaded.created_at == T0
    assert loaded.edited_at is None
    assert loaded.to_dict() == record()


def test_an_old_record_without_the_optional_fields_loads() -> None:
    """Only id, text, kind and time are needed; the rest take their plain defaults."""
    loaded = Reason.from_dict(
        {"id": "old", "text": "words", "category": "Money", "created_at": T0.isoformat()}
    )
    assert (loaded.summary, loaded.incident, loaded.pinned) == ("", None, False)
    assert (loaded.helped, loaded.position, loaded.edited_at) == (0, 0, None)
    assert loaded.category == "Money"


def _without(key: str) -> dict[str, Any]:
    data = record()
    del data[key]
    return data


DAMAGED: dict[str, dict[str, Any]] = {
    "no id": _without("id"),
    "no text": _without("text"),
    "no category": _without("category"),
    "no created_at": _without("created_at"),
    "id not text": record(id=5),
    "id null": record(id=None),
    "text null": record(text=None),
    "text a list": record(text=["words"]),
    "empty text": record(text=""),
    "blank text": record(text="  \n "),
    "category a number": record(category=3),
    "empty category": record(category=""),
    "summary null": record(summary=None),
    "summary two lines": record(summary="one\ntwo"),
    "pinned text": record(pinned="yes"),
    "pinned one": record(pinned=1),
    "helped true": record(helped=True),
    "position false": record(position=False),
    "helped text": record(helped="2"),
    "helped float": record(helped=1.5),
    "position null": record(position=None),
    "helped negative": record(helped=-1),
    "incident month 13": record(incident="2026-13-01"),
    "incident words": record(incident="last winter"),
    "incident a number": record(incident=20250314),
    "incident before 1900": record(incident="1899-12-31"),
    "created words": record(created_at="not a date"),
    "created a number": record(created_at=0),
    "created null": record(created_at=None),
    "created naive": record(created_at="2026-11-25T02:00:00"),
    "edited words": record(edited_at="soon"),
    "edited a number": record(edited_at=3),
}
"""Records a damaged or hand-edited file could hold."""


@pytest.mark.parametrize("data", list(DAMAGED.values()), ids=list(DAMAGED))
def test_a_damaged_record_is_refused(data: dict[str, Any]) -> None:
    """A broken record is refused with the domain's calm error, never a crash."""
    with pytest.raises(ValidationError) as caught:
        Reason.from_dict(data)
    assert str(caught.value).strip()


# --- The person's order ---------------------------------------------------------------


def test_pinned_reasons_come_first_each_group_in_its_own_order() -> None:
    """Pinned ones first by position; then the rest by position, the older first on a tie."""
    mixed = [
        reason("later", position=1, minutes=5),
        reason("pin-b", pinned=True, position=3),
        reason("tie-new", position=0, minutes=9),
        reason("pin-a", pinned=True, position=0, minutes=9),
        reason("tie-old", position=0, minutes=1),
    ]
    assert ids(ordered(mixed)) == ["pin-a", "pin-b", "tie-old", "tie-new", "later"]
    assert ordered([]) == []


@FAST
@given(reason_lists())
def test_the_order_is_a_rearrangement_with_pinned_first(reasons: list[Reason]) -> None:
    """Nothing is lost or doubled, every pinned reason is above every other, and within
    each group positions (then times) never go backwards."""
    result = ordered(reasons)
    assert sorted(ids(result)) == sorted(ids(reasons))
    flags = [r.pinned for r in result]
    assert flags == sorted(flags, reverse=True)
    for a, b in pairwise(result):
        if a.pinned == b.pinned:
            assert (a.position, a.created_at) <= (b.position, b.created_at)


def test_a_new_reason_goes_after_every_other() -> None:
    """With none the first place is 0; otherwise one after the highest."""
    assert next_position([]) == 0
    assert next_position([reason("a", position=3), reason("b", position=7), reason("c")]) == 8
    assert next_position([reason("a", position=-4)]) == -3
    assert next_position(iter([reason("a", position=2, pinned=True)])) == 3


# --- Moving ---------------------------------------------------------------------------


def four() -> list[Reason]:
    """Two pinned reasons and two others, in order A, B | C, D."""
    return [
        reason("C", position=0),
        reason("A", pinned=True, position=0),
        reason("D", position=1),
        reason("B", pinned=True, position=1),
    ]


@pytest.mark.parametrize(
    ("ident", "step", "expected"),
    [
        ("B", -1, ["B", "A", "C", "D"]),
        ("A", 1, ["B", "A", "C", "D"]),
        ("D", -1, ["A", "B", "D", "C"]),
        ("C", 1, ["A", "B", "D", "C"]),
    ],
)
def test_moving_swaps_with_the_neighbour_in_the_same_group(
    ident: str, step: int, expected: list[str]
) -> None:
    """Moving a reason up or down swaps it with the one next to it in its own group."""
    reasons = four()
    changes = moved(reasons, ident, step)
    assert changes
    assert ids(ordered(applied(reasons, changes))) == expected


@pytest.mark.parametrize(
    ("ident", "step"),
    [("A", -1), ("B", 1), ("C", -1), ("D", 1)],
    ids=["top-up", "last-pinned-down", "first-unpinned-up", "bottom-down"],
)
def test_moving_past_the_edge_of_a_group_changes_nothing(ident: str, step: int) -> None:
    """The top can't go up, the bottom can't go down, and a pinned reason never drops
    below the unpinned ones (nor an unpinned one rise above the pinned)."""
    assert moved(four(), ident, step) == []


@pytest.mark.parametrize(("ident", "step"), [("nobody", 1), ("B", 0), ("B", 2), ("C", -2)])
def test_an_unknown_reason_or_a_jump_changes_nothing(ident: str, step: int) -> None:
    """An id that is not there, or a step other than one up or one down, moves nothing."""
    assert moved(four(), ident, step) == []
    assert moved([], ident, step) == []


@pytest.mark.parametrize(("ident", "step"), [("a", 2), ("c", -2), ("b", 0), ("a", 3)])
def test_a_jump_of_more_than_one_place_changes_nothing_even_when_in_range(
    ident: str, step: int
) -> None:
    """Among three reasons (all at place 0, from old data), a jump of two places or a
    step of zero moves nothing and renumbers nothing."""
    reasons = [reason("a", minutes=0), reason("b", minutes=1), reason("c", minutes=2)]
    assert moved(reasons, ident, step) == []


def test_only_positions_change_when_moving() -> None:
    """The reasons handed back differ from the originals in their place only."""
    reasons = four()
    before = {r.id: r for r in reasons}
    changes = moved(reasons, "D", -1)
    for changed in changes:
        assert changed.position != before[changed.id].position
        assert replace(changed, position=before[changed.id].position) == before[changed.id]


def test_old_reasons_all_at_the_same_place_still_swap_sensibly() -> None:
    """Reasons from old data that all have position 0 are ordered by when they were
    written; moving the last one up puts it second, and the others keep their order."""
    reasons = [reason("c", minutes=2), reason("a", minutes=0), reason("b", minutes=1)]
    changes = moved(reasons, "c", -1)
    after = ordered(applied(reasons, changes))
    assert ids(after) == ["a", "c", "b"]
    assert len({r.position for r in after}) == 3
    back = ordered(applied(after, moved(after, "c", -1)))
    assert ids(back) == ["c", "a", "b"]


@FAST
@given(reasons=reason_lists(), pick=st.integers(0, 50), step=st.sampled_from([-1, 1]))
def test_moving_keeps_every_reason_and_the_pinned_ones_first(
    reasons: list[Reason], pick: int, step: int
) -> None:
    """After any move the same reasons are there, pinned still first, and the one moved
    has swapped with its neighbour in its group, or nothing changed at an edge."""
    if not reasons:
        return
    target = reasons[pick % len(reasons)]
    before = ordered(reasons)
    changes = moved(reasons, target.id, step)
    after = ordered(applied(reasons, changes))
    assert sorted(ids(after)) == sorted(ids(reasons))
    assert [r.pinned for r in after] == sorted((r.pinned for r in after), reverse=True)
    index = ids(before).index(target.id)
    other = index + step
    expected = ids(before)
    if 0 <= other < len(before) and before[other].pinned == target.pinned:
        expected[index], expected[other] = expected[other], expected[index]
    else:
        assert changes == []
    assert ids(after) == expected


@FAST
@given(reasons=reason_lists(), pick=st.integers(0, 50))
def test_moving_down_then_up_puts_everything_back(reasons: list[Reason], pick: int) -> None:
    """One place down and then one place up again leaves the list as it was."""
    if not reasons:
        return
    target = reasons[pick % len(reasons)]
    down = moved(reasons, target.id, 1)
    if not down:
        return
    lowered = applied(reasons, down)
    restored = applied(lowered, moved(lowered, target.id, -1))
    assert ids(ordered(restored)) == ids(ordered(reasons))


# --- Search ---------------------------------------------------------------------------


def library() -> list[Reason]:
    """A few reasons of different kinds, in the order A, B, C, D, E."""
    return [
        reason("E", position=4, text="Money went missing", category="Money"),
        reason("A", pinned=True, text="The night on Hauptstraße, in the rain."),
        reason("B", position=1, text="He laughed at my work.", summary="His TEMPER at dinner"),
        reason("C", position=2, text="I said I'd leave.", category="promises"),
        reason("D", position=3, text="Three weeks of silence.", category="pattern"),
    ]


@pytest.mark.parametrize(
    ("needle", "found"),
    [
        ("HAUPTSTRASSE", ["A"]),
        ("hauptstrasse", ["A"]),
        ("straße", ["A"]),
        ("his temper", ["B"]),
        ("  temper ", ["B"]),
        ("laughed", ["B"]),
        ("promises", ["C"]),
        ("not kept", ["C"]),
        ("the pattern", ["D"]),
        ("money", ["E"]),
        ("what happened", ["A", "B"]),
        ("e", ["A", "B", "C", "D", "E"]),
        ("nothing like this", []),
    ],
)
def test_search_finds_words_in_any_case_in_text_summary_or_kind(
    needle: str, found: list[str]
) -> None:
    """Search ignores case (even "STRASSE" for "straße") and looks at the text, the
    summary and the kind's shown name, giving results in the person's order."""
    assert ids(matching(library(), needle)) == found


@pytest.mark.parametrize("needle", ["", "   ", "\t\n"])
def test_an_empty_search_shows_everything_in_order(needle: str) -> None:
    """Nothing typed yet (or only spaces) shows every reason, pinned first."""
    assert ids(matching(library(), needle)) == ["A", "B", "C", "D", "E"]


@SOME
@given(reasons=reason_lists(), needle=st.sampled_from(["1", "r", "reason", "R2", "x", "what"]))
def test_search_results_keep_the_persons_order(reasons: list[Reason], needle: str) -> None:
    """Results are exactly the matching reasons, in the same order as the full list."""
    wanted = [
        r
        for r in ordered(reasons)
        if needle.casefold() in (r.text + "\x00" + category_label(r.category)).casefold()
    ]
    assert ids(matching(reasons, needle)) == ids(wanted)


# --- Review ---------------------------------------------------------------------------


def review_set() -> list[Reason]:
    """Two pinned, three that helped before, and four others."""
    return [
        reason("rest-1"),
        reason("helped-1", helped=1),
        reason("pin-2", pinned=True, position=5, helped=9),
        reason("rest-2", position=1),
        reason("helped-5", helped=5),
        reason("pin-1", pinned=True, position=0),
        reason("rest-3", position=2),
        reason("helped-3", helped=3),
        reason("rest-4", position=3),
    ]


@pytest.mark.parametrize("seed", [0, 1, 2, 99])
def test_review_shows_pinned_then_what_helped_then_the_rest(seed: int) -> None:
    """Pinned reasons first in the person's order, then those that helped (most first),
    then everything else."""
    order = ids(review_order(review_set(), random.Random(seed)))
    assert order[:2] == ["pin-1", "pin-2"]
    assert order[2:5] == ["helped-5", "helped-3", "helped-1"]
    assert sorted(order[5:]) == ["rest-1", "rest-2", "rest-3", "rest-4"]


@FAST
@given(reasons=reason_lists(), seed=st.integers(0, 2**32))
def test_review_is_a_rearrangement_in_three_bands(reasons: list[Reason], seed: int) -> None:
    """Every reason appears once; pinned (in order), then helped (most first), then the rest."""
    order = review_order(reasons, random.Random(seed))
    assert sorted(ids(order)) == sorted(ids(reasons))
    pinned = [r for r in order if r.pinned]
    assert order[: len(pinned)] == [r for r in ordered(reasons) if r.pinned]
    unpinned = order[len(pinned) :]
    counts = [r.helped for r in unpinned]
    assert all(a >= b for a, b in pairwise(counts))
    assert order == review_order(reasons, random.Random(seed))


def test_the_same_seed_gives_the_same_review() -> None:
    """With the same random source, a review comes out the same way twice."""
    reasons = [reason(f"r{i}", position=i) for i in range(10)]
    first = ids(review_order(reasons, random.Random(42)))
    assert first == ids(review_order(reasons, random.Random(42)))


def test_different_seeds_shuffle_the_rest() -> None:
    """Reasons that are neither pinned nor marked as helping come in a fresh order."""
    reasons = [reason(f"r{i}", position=i) for i in range(10)]
    orders = {tuple(ids(review_order(reasons, random.Random(seed)))) for seed in range(5)}
    assert len(orders) > 1
    assert all(sorted(order) == sorted(ids(reasons)) for order in orders)


def test_ties_in_helping_are_shuffled_but_stay_together() -> None:
    """Reasons that helped the same number of times come in varying order, after those
    that helped more and before those that helped less."""
    reasons = [reason("more", helped=4), *(reason(f"t{i}", helped=2) for i in range(6))]
    reasons.append(reason("less", helped=1))
    seen = set()
    for seed in range(8):
        order = ids(review_order(reasons, random.Random(seed)))
        assert order[0] == "more"
        assert order[-1] == "less"
        seen.add(tuple(order[1:-1]))
    assert len(seen) > 1


def test_no_reasons_means_nothing_for_an_urge() -> None:
    """With no reasons written, an urge session offers none."""
    assert for_urge([], random.Random(1)) is None
    assert review_order([], random.Random(1)) == []


@pytest.mark.parametrize("seed", [0, 3, 17])
def test_the_reason_for_an_urge_is_the_first_of_the_review(seed: int) -> None:
    """During an urge the reason shown is the one a review would show first."""
    unpinned = [reason(f"r{i}", position=i) for i in range(6)]
    shown = for_urge(unpinned, random.Random(seed))
    assert shown == review_order(unpinned, random.Random(seed))[0]
    everything = review_set()
    assert for_urge(everything, random.Random(seed)) == everything[5]  # pin-1


# --- Guided writing -------------------------------------------------------------------


def test_every_prompt_is_visited_once_in_order() -> None:
    """The guided writing walks each theme's questions in turn, none skipped or repeated."""
    expected = [(s, p) for s, each in enumerate(PROMPT_SETS) for p in range(len(each.prompts))]
    assert all_prompts() == expected
    assert len(all_prompts()) == sum(len(each.prompts) for each in PROMPT_SETS)
    walked = [prompt_at(step) for step in range(len(expected))]
    assert walked == [(PROMPT_SETS[s], PROMPT_SETS[s].prompts[p]) for s, p in expected]
    keys = [(each.category, prompt.key) for each in PROMPT_SETS for prompt in each.prompts]
    assert len(set(keys)) == len(keys)


def test_the_walk_starts_at_the_first_question_and_ends_after_the_last() -> None:
    """Step 0 is the first question, the last step is the letter, then it is finished."""
    last = len(all_prompts()) - 1
    assert prompt_at(0) == (PROMPT_SETS[0], PROMPT_SETS[0].prompts[0])
    assert prompt_at(last) == (PROMPT_SETS[-1], PROMPT_SETS[-1].prompts[-1])
    assert prompt_at(last + 1) is None
    assert prompt_at(last + 100) is None
    assert prompt_at(-1) is None


def test_a_themes_note_shows_at_its_first_question_only() -> None:
    """first_of_set is true exactly where each theme begins."""
    starts: set[int] = set()
    step = 0
    for each in PROMPT_SETS:
        starts.add(step)
        step += len(each.prompts)
    total = len(all_prompts())
    assert [first_of_set(s) for s in range(total)] == [s in starts for s in range(total)]
    assert not first_of_set(-1)
    assert not first_of_set(total)


def test_the_letter_comes_last_and_says_it_is_optional() -> None:
    """The unsent letter is the last theme, and its title says it can be skipped."""
    letter = PROMPT_SETS[-1]
    assert letter.category == "letter"
    assert "optional" in letter.title.lower()
    assert "never sent" in letter.note


@pytest.mark.parametrize(
    "each", [s for s in PROMPT_SETS if s.category in {"promises", "pattern", "letter"}]
)
def test_the_harder_themes_have_a_note_first(each: PromptSet) -> None:
    """Promises, the pattern and the letter each begin with a short plain note."""
    assert each.note.strip()


def test_the_harder_themes_are_all_there() -> None:
    """The themes that need a note are present, so the check above is not empty."""
    assert {"promises", "pattern", "letter"} <= {s.category for s in PROMPT_SETS}


def test_every_theme_becomes_a_usual_kind_of_reason() -> None:
    """Each theme's answers are saved under one of the offered kinds."""
    for each in PROMPT_SETS:
        assert each.category in CATEGORIES
        assert each.prompts
        assert each.title.strip()


# --- Words ----------------------------------------------------------------------------


def shown_texts() -> list[str]:
    """Every fixed string of the reasons pane: questions, titles, notes, kinds, voices."""
    found = [*CATEGORIES.values(), *VOICES.values()]
    for each in PROMPT_SETS:
        found += [each.title, each.note, *(prompt.question for prompt in each.prompts)]
    return found


BANNED = ["fail", "relapse", "narcissist", "should", "must", "why did you"]


def test_the_words_have_been_checked_at_all() -> None:
    """The checks below look at every question, note, kind and voice."""
    everything = shown_texts()
    questions = sum(len(each.prompts) for each in PROMPT_SETS)
    assert len(everything) == len(CATEGORIES) + len(VOICES) + 2 * len(PROMPT_SETS) + questions
    assert any("letter" in text.lower() for text in everything)


@pytest.mark.parametrize("word", BANNED)
def test_no_blaming_or_labelling_words(word: str) -> None:
    """Nothing labels the other person, talks of failing, or tells the person what they
    'should' do or asks 'why did you'."""
    assert [text for text in shown_texts() if word in text.casefold()] == []


def test_no_exclamation_marks() -> None:
    """Nothing shouts."""
    assert [text for text in shown_texts() if "!" in text] == []
