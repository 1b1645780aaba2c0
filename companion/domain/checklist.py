"""The blocking checklist: channel by channel, where things stand.

Each channel is "blocked", "filtered and kept as evidence", "not yet" (the default) or
"not relevant". The channels that ship with the app have stable ids and can't be
removed; the person can add, rename and remove their own. Only channels the person
changed or added are stored: a shipped channel with no record is "not yet".

A safety note comes before the list. If the person says they are afraid of how the one
they left might react (or isn't sure, or hasn't answered), talking to an advocate about
a safety plan is the first item. That item is a step rather than a channel: it is
"done" or "not yet".

Progress is told as how many items the person has looked at, never as a score.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from companion.domain.channels import ADVOCATE, ADVOCATE_ID, SAFETY_GROUP, SHIPPED
from companion.domain.errors import ValidationError
from companion.domain.fields import is_one_line, is_whole_number

STATES: dict[str, str] = {
    "not_yet": "Not yet",
    "blocked": "Blocked",
    "filtered": "Filtered and kept as evidence",
    "not_relevant": "Not relevant",
}
"""Where a channel stands, in the order space steps through them, and how each is shown."""

STEP_STATES: dict[str, str] = {"not_yet": "Not yet", "done": "Done"}
"""Where the advocate step stands, in the order space steps through them."""

NOT_YET = "not_yet"
"""The state of anything not looked at yet."""

AFRAID: dict[str, str] = {"yes": "Yes", "unsure": "Not sure", "no": "No"}
"""Answers to "are you afraid of how they might react?"; empty means not answered."""


OWN_PREFIX = "own-"
"""Ids of the person's own channels start with this; shipped ids never do."""

NAME_LIMIT = 80
"""The longest name accepted for a channel of the person's own."""


OWN_GROUP = "Your own"
"""The heading over the person's own channels."""


def check_channel_name(text: str) -> str:
    """A name for the person's own channel: one line, up to NAME_LIMIT characters."""
    name = text.strip()
    if not name:
        raise ValidationError(
            "Give it a name first, for example \u201cDiscord\u201d or \u201cwork chat\u201d."
        )
    if len(name) > NAME_LIMIT:
        raise ValidationError(
            f"Please keep the name to {NAME_LIMIT} characters or fewer; this one has {len(name):,}."
        )
    if not is_one_line(name):
        raise ValidationError("A name is one line, without control characters.")
    return name


@dataclass(frozen=True)
class Channel:
    """A stored record: a shipped channel the person changed, or one of their own."""

    id: str
    """A shipped id (see SHIPPED), or OWN_PREFIX and a fresh id for their own."""
    state: str = NOT_YET
    """A key of STATES."""
    name: str = ""
    """The name of their own channel; always empty for a shipped one."""
    position: int = 0
    """The place of their own channel among their own (lower comes first)."""

    def __post_init__(self) -> None:
        """Refuse what cannot be a channel; keep an own name trimmed."""
        if not self.id or self.id == ADVOCATE_ID:
            raise ValidationError("A checklist record has a wrong identifier.")
        if self.state not in STATES:
            raise ValidationError(f"Unknown state for a channel {self.state!r}.")
        if not is_whole_number(self.position):
            raise ValidationError("A checklist record's place is damaged.")
        if self.own:
            object.__setattr__(self, "name", check_channel_name(self.name))
        elif self.name:
            raise ValidationError("A channel that comes with the app keeps its own name.")

    @property
    def own(self) -> bool:
        """True for a channel the person added."""
        return self.id.startswith(OWN_PREFIX)

    def to_dict(self) -> dict[str, Any]:
        """Plain JSON-ready values (a shipped channel keeps only its id and state)."""
        if not self.own:
            return {"id": self.id, "state": self.state}
        return {"id": self.id, "state": self.state, "name": self.name, "position": self.position}

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Channel:
        """Rebuild, refusing anything malformed."""
        damaged = ValidationError("A checklist record is damaged.")
        if not isinstance(data, Mapping):
            raise damaged
        ident, state = data.get("id"), data.get("state", NOT_YET)
        name, position = data.get("name", ""), data.get("position", 0)
        if not all(isinstance(v, str) for v in (ident, state, name)):
            raise damaged
        if not is_whole_number(position):
            raise damaged
        return cls(id=str(ident), state=str(state), name=str(name), position=int(position))


@dataclass(frozen=True)
class Safety:
    """The safety note's answers, kept in the settings."""

    afraid: str = ""
    """A key of AFRAID, or empty when not answered."""
    seen: bool = False
    """True once the safety note has been shown."""
    advocate: str = NOT_YET
    """A key of STEP_STATES: where the advocate step stands."""

    def __post_init__(self) -> None:
        """Refuse answers that could not have been given."""
        if self.afraid and self.afraid not in AFRAID:
            raise ValidationError(f"Unknown answer {self.afraid!r}.")
        if self.advocate not in STEP_STATES:
            raise ValidationError(f"Unknown state for the advocate step {self.advocate!r}.")

    @property
    def advocate_first(self) -> bool:
        """True unless the person said no: the advocate step then comes first."""
        return self.afraid != "no"

    def to_dict(self) -> dict[str, Any]:
        """Plain JSON-ready values."""
        return {"afraid": self.afraid, "seen": self.seen, "advocate": self.advocate}

    @classmethod
    def from_dict(cls, data: Any) -> Safety:
        """Rebuild, refusing anything malformed."""
        damaged = ValidationError("The checklist's safety answers are damaged.")
        if not isinstance(data, Mapping):
            raise damaged
        afraid, seen = data.get("afraid", ""), data.get("seen", False)
        advocate = data.get("advocate", NOT_YET)
        if not isinstance(afraid, str) or not isinstance(seen, bool):
            raise damaged
        if not isinstance(advocate, str):
            raise damaged
        return cls(afraid=afraid, seen=seen, advocate=advocate)


@dataclass(frozen=True)
class Item:
    """One row of the checklist as shown."""

    id: str
    """The channel's id, or ADVOCATE_ID."""
    name: str
    """What the row says."""
    group: str
    """The heading it is listed under."""
    hint: str
    """Plain words shown while it is selected."""
    state: str
    """A key of STATES, or of STEP_STATES for the advocate step."""

    @property
    def own(self) -> bool:
        """True for a channel the person added."""
        return self.id.startswith(OWN_PREFIX)

    @property
    def step(self) -> bool:
        """True for the advocate step (done or not yet), not a channel."""
        return self.id == ADVOCATE_ID

    @property
    def states(self) -> dict[str, str]:
        """The states this row can have, in the order space steps through them."""
        return STEP_STATES if self.step else STATES

    @property
    def looked_at(self) -> bool:
        """True once it is anything but "not yet"."""
        return self.state != NOT_YET


def next_state(item: Item) -> str:
    """The state after this row's current one (space steps through them, round again)."""
    order = list(item.states)
    return order[(order.index(item.state) + 1) % len(order)]


def checklist(channels: Iterable[Channel], safety: Safety) -> list[Item]:
    """The rows in order: the advocate step first when it applies, the shipped channels
    in their order, then the person's own in theirs.

    A stored record for a shipped id this version doesn't know (written by a newer
    version) is kept in storage but not listed.
    """
    stored = {channel.id: channel for channel in channels}
    items: list[Item] = []
    if safety.advocate_first:
        items.append(Item(ADVOCATE.id, ADVOCATE.name, SAFETY_GROUP, ADVOCATE.hint, safety.advocate))
    for shipped in SHIPPED:
        record = stored.get(shipped.id)
        state = record.state if record is not None else NOT_YET
        items.append(Item(shipped.id, shipped.name, shipped.group, shipped.hint, state))
    own = sorted((c for c in stored.values() if c.own), key=lambda c: (c.position, c.name))
    items.extend(Item(c.id, c.name, OWN_GROUP, "", c.state) for c in own)
    return items


def next_position(channels: Iterable[Channel]) -> int:
    """The place for a new channel of the person's own: after all the others."""
    return max((c.position for c in channels if c.own), default=-1) + 1


@dataclass(frozen=True)
class LookedThrough:
    """How far the person has looked through the list."""

    looked_at: int
    """Rows that are anything but "not yet"."""
    total: int
    """Rows in the list."""

    @property
    def words(self) -> str:
        """The progress in plain words: never a score, never a judgement."""
        if self.looked_at == 0:
            return (
                f"None of the {self.total} looked at yet. Take your time; not yet is a fine answer."
            )
        if self.looked_at >= self.total:
            return (
                f"You've looked at all {self.total}. Any of them can change whenever things change."
            )
        return (
            f"You've looked at {self.looked_at} of {self.total}. There's no rush, "
            "and not yet is a fine answer."
        )


def progress(items: Iterable[Item]) -> LookedThrough:
    """How many rows have been looked at, out of how many."""
    rows = list(items)
    return LookedThrough(looked_at=sum(1 for item in rows if item.looked_at), total=len(rows))
