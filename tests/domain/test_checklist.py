"""The blocking checklist: states, stored records, order, and progress told gently."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from companion.domain.channels import ADVOCATE_ID, SHIPPED
from companion.domain.checklist import (
    AFRAID,
    NAME_LIMIT,
    OWN_GROUP,
    STATES,
    STEP_STATES,
    Channel,
    Item,
    LookedThrough,
    Safety,
    check_channel_name,
    checklist,
    next_position,
    next_state,
    progress,
)
from companion.domain.errors import ValidationError

WORDS_NEVER_USED = ("fail", "should", "narcissist", "relapse", "!", "%", "score")
"""Words and marks the checklist never shows."""


def ids(items: list[Item]) -> list[str]:
    """The ids of the rows, in order."""
    return [item.id for item in items]


# --- The shipped list ----------------------------------------------------------------


def test_the_shipped_channels_cover_the_issue_and_have_stable_unique_ids() -> None:
    """Every channel the issue names is there, once, under a short heading."""
    by_id = {channel.id: channel for channel in SHIPPED}
    assert len(by_id) == len(SHIPPED)
    for expected in (
        "phone",
        "whatsapp",
        "signal",
        "telegram",
        "messenger",
        "imessage",
        "snapchat",
        "email",
        "facebook",
        "instagram",
        "tiktok",
        "x",
        "linkedin",
        "their_family",
        "their_friends",
        "new_partner",
        "mutual_friends",
        "location",
        "shared_accounts",
        "shared_albums",
        "payments",
        "new_accounts",
    ):
        assert expected in by_id
    assert all(re.fullmatch(r"[a-z_]+", channel.id) for channel in SHIPPED)
    assert all(len(channel.name) <= 40 for channel in SHIPPED)


def test_the_words_stay_gentle() -> None:
    """No shipped name, hint or state judges the person or pushes them."""
    shown = [c.name + " " + c.hint + " " + c.group for c in SHIPPED]
    shown += [*STATES.values(), *STEP_STATES.values()]
    shown += [LookedThrough(n, 22).words for n in (0, 1, 9, 22)]
    for text in shown:
        lowered = text.lower()
        assert not [word for word in WORDS_NEVER_USED if word in lowered], text


# --- States ---------------------------------------------------------------------------


def test_four_states_for_a_channel_and_two_for_the_advocate_step() -> None:
    """A channel is blocked, filtered and kept, not yet or not relevant; the step is done."""
    assert STATES == {
        "not_yet": "Not yet",
        "blocked": "Blocked",
        "filtered": "Filtered and kept as evidence",
        "not_relevant": "Not relevant",
    }
    assert set(STEP_STATES) == {"not_yet", "done"}


def test_space_steps_through_the_states_and_round_again() -> None:
    """not yet → blocked → filtered → not relevant → not yet; the step toggles."""
    item = checklist([], Safety(afraid="no"))[0]
    seen = []
    for _ in range(4):
        state = next_state(item)
        seen.append(state)
        item = Item(item.id, item.name, item.group, item.hint, state)
    assert seen == ["blocked", "filtered", "not_relevant", "not_yet"]
    step = checklist([], Safety(afraid="yes"))[0]
    assert step.step
    assert next_state(step) == "done"
    done = Item(step.id, step.name, step.group, step.hint, "done")
    assert next_state(done) == "not_yet"


# --- Stored records ---------------------------------------------------------------------


own_channels = st.builds(
    Channel,
    id=st.text(min_size=1, max_size=20).map(lambda s: "own-" + s),
    state=st.sampled_from(list(STATES)),
    name=st.text(
        alphabet=st.characters(blacklist_categories=("Cc", "Zl", "Zp", "Cs")), min_size=1
    ).filter(lambda s: s.strip() and len(s.strip()) <= NAME_LIMIT),
    position=st.integers(min_value=-(2**40), max_value=2**40),
)


@settings(max_examples=200, deadline=None)
@given(own_channels)
def test_an_own_channel_comes_back_exactly(channel: Channel) -> None:
    """Any name that could be typed, in any script, is kept as typed (outer spaces trimmed)."""
    assert Channel.from_dict(channel.to_dict()) == channel


def test_a_shipped_channel_keeps_only_its_id_and_state() -> None:
    """A shipped channel's name comes from the app, so the record holds id and state."""
    assert Channel("email", "filtered").to_dict() == {"id": "email", "state": "filtered"}
    assert Channel.from_dict({"id": "email", "state": "filtered"}) == Channel("email", "filtered")


@pytest.mark.parametrize(
    "record",
    [
        {},
        [],
        "phone",
        {"id": "", "state": "blocked"},
        {"id": 3, "state": "blocked"},
        {"id": "phone", "state": "burned"},
        {"id": "phone", "state": None},
        {"id": "phone", "state": "done"},
        {"id": "advocate", "state": "not_yet"},
        {"id": "phone", "state": "blocked", "name": "My phone"},
        {"id": "own-1", "state": "blocked", "name": ""},
        {"id": "own-1", "state": "blocked", "name": "   "},
        {"id": "own-1", "state": "blocked", "name": "x" * (NAME_LIMIT + 1)},
        {"id": "own-1", "state": "blocked", "name": "two\nlines"},
        {"id": "own-1", "state": "blocked", "name": "Discord", "position": "1"},
        {"id": "own-1", "state": "blocked", "name": "Discord", "position": True},
        {"id": "own-1", "state": "blocked", "name": 7},
    ],
)
def test_a_damaged_channel_record_is_refused(record) -> None:
    """A damaged record is refused with a plain message, never half-loaded."""
    with pytest.raises(ValidationError):
        Channel.from_dict(record)


@pytest.mark.parametrize(
    "record",
    [
        None,
        [],
        {"afraid": "maybe"},
        {"afraid": 1},
        {"seen": "yes"},
        {"advocate": "blocked"},
        {"advocate": None},
    ],
)
def test_damaged_safety_answers_are_refused(record) -> None:
    """The stored answers are one of the offered ones, or the record is refused."""
    with pytest.raises(ValidationError):
        Safety.from_dict(record)


@pytest.mark.parametrize("afraid", ["", *AFRAID])
def test_safety_answers_come_back_exactly(afraid: str) -> None:
    """Each answer, seen or not, step done or not, survives a save and a load."""
    for seen in (True, False):
        for advocate in STEP_STATES:
            safety = Safety(afraid=afraid, seen=seen, advocate=advocate)
            assert Safety.from_dict(safety.to_dict()) == safety
    assert Safety.from_dict({}) == Safety()


# --- Own channels ------------------------------------------------------------------------


def test_an_own_name_is_one_line_of_up_to_80_characters() -> None:
    """Empty is refused in plain words; 80 is fine, 81 is not; the count is told."""
    with pytest.raises(ValidationError, match="Give it a name"):
        check_channel_name("   ")
    assert check_channel_name("  " + "d" * NAME_LIMIT + " ") == "d" * NAME_LIMIT
    with pytest.raises(ValidationError, match="1,000,000"):
        check_channel_name("p" * 1_000_000)
    with pytest.raises(ValidationError, match="one line"):
        check_channel_name("Discord\nand more")
    assert check_channel_name("[bold]x[/]") == "[bold]x[/]"


def test_own_channels_come_last_in_the_order_they_were_added() -> None:
    """After every shipped channel, under their own heading, by their place."""
    second = Channel("own-b", name="Work chat", position=1)
    first = Channel("own-a", name="Discord", position=0, state="blocked")
    items = checklist([second, first], Safety(afraid="no"))
    assert ids(items)[-2:] == ["own-a", "own-b"]
    assert [i.group for i in items[-2:]] == [OWN_GROUP, OWN_GROUP]
    assert items[-2].state == "blocked" and items[-2].own
    assert next_position([second, first, Channel("phone", "blocked")]) == 2
    assert next_position([]) == 0


# --- Order -----------------------------------------------------------------------------


@pytest.mark.parametrize("afraid", ["yes", "unsure", ""])
def test_the_advocate_step_comes_first_unless_they_said_no(afraid: str) -> None:
    """Afraid, not sure or not answered: "talk to an advocate" is the very first row."""
    items = checklist([Channel("own-a", name="Discord")], Safety(afraid=afraid))
    assert items[0].id == ADVOCATE_ID
    assert items[0].name == "Talk to an advocate about a safety plan"
    assert items[0].states[items[0].state] == "Not yet"
    assert ids(items)[1:] == [c.id for c in SHIPPED] + ["own-a"]


def test_no_advocate_step_when_they_are_not_afraid() -> None:
    """Said no: the list starts with phone calls; the step's answer is kept for later."""
    items = checklist([], Safety(afraid="no", advocate="done"))
    assert ids(items) == [c.id for c in SHIPPED]
    again = checklist([], Safety(afraid="yes", advocate="done"))
    assert again[0].states[again[0].state] == "Done"


def test_stored_states_show_and_untouched_ones_are_not_yet() -> None:
    """A record sets a shipped channel's state; without one it is "not yet"."""
    items = checklist(
        [Channel("email", "filtered"), Channel("x", "not_relevant")], Safety(afraid="no")
    )
    states = {item.id: item.states[item.state] for item in items}
    assert states["email"] == "Filtered and kept as evidence"
    assert states["x"] == "Not relevant"
    assert states["phone"] == "Not yet"


def test_a_channel_this_version_does_not_know_is_not_listed() -> None:
    """A record from a newer version is loaded without complaint, and simply not shown."""
    unknown = Channel.from_dict({"id": "future_app", "state": "blocked"})
    assert "future_app" not in ids(checklist([unknown], Safety()))


# --- Progress -----------------------------------------------------------------------------


def test_progress_counts_what_has_been_looked_at() -> None:
    """Blocked, filtered, not relevant and done all count; not yet doesn't."""
    channels = [Channel("phone", "blocked"), Channel("email", "filtered")]
    channels.append(Channel("x", "not_relevant"))
    items = checklist(channels, Safety(afraid="yes", advocate="done"))
    assert progress(items) == LookedThrough(looked_at=4, total=len(SHIPPED) + 1)


def test_progress_words_change_as_things_are_looked_at() -> None:
    """None yet, some, and all: each in plain words, with no score and no hurry."""
    assert LookedThrough(0, 22).words.startswith("None of the 22 looked at yet.")
    assert "not yet is a fine answer" in LookedThrough(0, 22).words
    assert LookedThrough(9, 21).words == (
        "You've looked at 9 of 21. There's no rush, and not yet is a fine answer."
    )
    assert LookedThrough(22, 22).words.startswith("You've looked at all 22.")
