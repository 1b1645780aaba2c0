"""Contact modes, and the contact that is needed and never counts as a slip.

Some people can't keep full No Contact: they share children, a workplace, or a court
case with the person they left. They choose a mode; in low contact or unavoidable
contact (only what can't be avoided), logistics are logged as *necessary contact*,
which never counts as a slip. Only contact outside the person's own rules does.
The mode can change at any time and every change is kept.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from companion.domain.dates import EARLIEST
from companion.domain.errors import ValidationError
from companion.domain.fields import (
    check_line,
    check_note,
    new_id,
    parse_aware,
    parse_date,
    read_field,
)
from companion.domain.hoovers import CHANNELS

MODES: dict[str, str] = {
    "none": "No Contact",
    "low": "Low contact",
    "unavoidable": "Unavoidable contact",
}
"""The modes a person can choose: one name each, the same in the picker, on the day
counter, in the lists and in the palette."""

MODE_HELP: dict[str, str] = {
    "none": "No contact at all, on any channel.",
    "low": "A little contact, on your own terms and rules.",
    "unavoidable": "Only what can't be avoided, for children, work or court.",
}
"""One line about each mode."""

PANE_TITLES = MODES
"""The day counter's title in each mode: the mode's own name."""

ABOUT_LIMIT = 200
"""The longest "what it was about" line of a necessary contact."""


def check_mode(mode: str) -> str:
    """A key of MODES, or a ValidationError."""
    if mode not in MODES:
        raise ValidationError(f"Unknown contact mode {mode!r}.")
    return mode


@dataclass(frozen=True)
class ModeChange:
    """The person chose a mode, from a given day on."""

    mode: str
    """A key of MODES."""
    since: date
    """The first day of this mode."""
    logged_at: datetime
    """When the choice was made."""
    rules: str = ""
    """The person's own rules for contact in this mode, in their words."""
    id: str = field(default_factory=new_id)
    """A stable identifier."""

    def __post_init__(self) -> None:
        """Refuse what cannot be right."""
        check_mode(self.mode)
        if self.since < EARLIEST:
            raise ValidationError("That date is before 1900.")
        if self.logged_at.tzinfo is None:
            raise ValidationError("The time a mode was chosen has no time zone.")
        if not self.id:
            raise ValidationError("A mode change is missing its identifier.")
        check_note(self.rules)

    def to_dict(self) -> dict[str, Any]:
        """Plain JSON-ready values."""
        return {
            "id": self.id,
            "mode": self.mode,
            "since": self.since.isoformat(),
            "logged_at": self.logged_at.isoformat(),
            "rules": self.rules,
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> ModeChange:
        """Rebuild, refusing anything malformed."""
        what = "A contact mode record"
        return cls(
            mode=read_field(data, "mode", str, what),
            since=parse_date(read_field(data, "since", str, what), "mode's first day"),
            logged_at=parse_aware(data.get("logged_at"), "time a mode was chosen"),
            rules=read_field(data, "rules", str, what, ""),
            id=read_field(data, "id", str, what),
        )


def latest_first(changes: Iterable[ModeChange]) -> list[ModeChange]:
    """Mode changes, the latest first: by first day, then by when each was made.

    Of two made at the same moment, the one given later counts as later (changes are
    kept in the order they were made).
    """
    ranked = sorted(enumerate(changes), key=lambda e: (e[1].since, e[1].logged_at, e[0]))
    return [change for _, change in reversed(ranked)]


def mode_on(changes: Iterable[ModeChange], day: date) -> ModeChange | None:
    """The mode in force on ``day``: the latest change that began on or before it."""
    return next((c for c in latest_first(changes) if c.since <= day), None)


def current_mode(changes: Iterable[ModeChange], day: date) -> str:
    """The key of the mode in force on ``day``; no contact until one is chosen."""
    change = mode_on(changes, day)
    return "none" if change is None else change.mode


def allows_necessary(mode: str) -> bool:
    """True in the modes where necessary contact is logged apart from slips."""
    return mode != "none"


@dataclass(frozen=True)
class NecessaryContact:
    """Contact that was needed (logistics) and kept within the person's own rules."""

    on: date
    """The day it happened."""
    channel: str
    """A key of CHANNELS: how it happened."""
    about: str
    """What it was about, on one line."""
    logged_at: datetime
    """When it was written down."""
    note: str = ""
    """Anything else worth keeping, exactly as typed."""
    id: str = field(default_factory=new_id)
    """A stable identifier."""

    def __post_init__(self) -> None:
        """Refuse what cannot be right."""
        if self.channel not in CHANNELS:
            raise ValidationError(f"Unknown way of being in contact {self.channel!r}.")
        if self.on < EARLIEST:
            raise ValidationError("That date is before 1900.")
        if self.logged_at.tzinfo is None:
            raise ValidationError("The time it was logged has no time zone.")
        if not self.id:
            raise ValidationError("A necessary contact is missing its identifier.")
        about = check_line(
            self.about,
            "What it was about",
            ABOUT_LIMIT,
            "Say in a few words what it was about, such as pick-up times.",
        )
        object.__setattr__(self, "about", about)
        check_note(self.note)

    def to_dict(self) -> dict[str, Any]:
        """Plain JSON-ready values."""
        return {
            "id": self.id,
            "on": self.on.isoformat(),
            "channel": self.channel,
            "about": self.about,
            "logged_at": self.logged_at.isoformat(),
            "note": self.note,
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> NecessaryContact:
        """Rebuild, refusing anything malformed."""
        what = "A necessary contact record"
        return cls(
            on=parse_date(read_field(data, "on", str, what), "day of a necessary contact"),
            channel=read_field(data, "channel", str, what),
            about=read_field(data, "about", str, what),
            logged_at=parse_aware(data.get("logged_at"), "time it was logged"),
            note=read_field(data, "note", str, what, ""),
            id=read_field(data, "id", str, what),
        )
