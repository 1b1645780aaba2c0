"""The hoover log: each time they reached out, kept without answering.

Being contacted is never a slip and never touches the streak. The count shown is
of attempts the person did not answer.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from companion.domain.dates import EARLIEST
from companion.domain.errors import ValidationError
from companion.domain.fields import check_note, new_id, parse_aware

CHANNELS: dict[str, str] = {
    "call": "A call",
    "text": "A text message",
    "app": "A messaging app",
    "email": "An email",
    "social": "Social media",
    "person": "In person",
    "letter": "A letter or a gift",
    "someone": "Through someone else",
}
"""How they reached out."""

CAUTION = (
    "Facts first: when it happened, how, and what was said, in their words if you have "
    "them. This log stays on this computer; nothing in it is sent anywhere. If you may "
    "one day show it to someone, such as an advocate, a lawyer or a court, you might "
    "write each entry as you would want them to read it: plainly, and about what happened."
)
"""Shown the first time the log is used: calm, facts first, and true of the app today."""


@dataclass(frozen=True)
class Hoover:
    """One time they reached out."""

    on: date
    """The day it happened."""
    channel: str
    """A key of CHANNELS."""
    logged_at: datetime
    """When it was written down."""
    via: str = ""
    """Who passed it on, when it came through someone else."""
    said: str = ""
    """What was said, in the person's words or quoted."""
    felt: str = ""
    """How it felt, in the person's own words: for them alone."""
    unsafe: bool = False
    """True if it made the person feel unsafe."""
    answered: bool = False
    """True if the person answered (that part is a slip, logged separately)."""
    id: str = field(default_factory=new_id)
    """A stable identifier."""

    def __post_init__(self) -> None:
        """Refuse what cannot be right."""
        if self.channel not in CHANNELS:
            raise ValidationError(f"Unknown way of reaching out {self.channel!r}.")
        if self.on < EARLIEST:
            raise ValidationError("That date is before 1900.")
        if self.logged_at.tzinfo is None:
            raise ValidationError("The time it was logged has no time zone.")
        if not self.id:
            raise ValidationError("A log entry is missing its identifier.")
        object.__setattr__(self, "via", self.via.strip())
        for text in (self.said, self.felt):
            check_note(text)
        if len(self.via) > 80 or "\n" in self.via:
            raise ValidationError("Who passed it on: one line, up to 80 characters.")

    def to_dict(self) -> dict[str, Any]:
        """Plain JSON-ready values."""
        return {
            "id": self.id,
            "on": self.on.isoformat(),
            "channel": self.channel,
            "logged_at": self.logged_at.isoformat(),
            "via": self.via,
            "said": self.said,
            "felt": self.felt,
            "unsafe": self.unsafe,
            "answered": self.answered,
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Hoover:
        """Rebuild, refusing anything malformed."""
        if not isinstance(data, Mapping):
            raise ValidationError("A log entry is damaged.")
        texts = [data.get(k, "") for k in ("via", "said", "felt")]
        flags = [data.get(k, False) for k in ("unsafe", "answered")]
        ident, channel, on = data.get("id"), data.get("channel"), data.get("on")
        if (
            not all(isinstance(t, str) for t in texts)
            or not all(isinstance(f, bool) for f in flags)
            or not isinstance(ident, str)
            or not isinstance(channel, str)
            or not isinstance(on, str)
        ):
            raise ValidationError("A log entry is damaged.")
        try:
            day = date.fromisoformat(on)
        except ValueError:
            raise ValidationError("A log entry's date is damaged.") from None
        return cls(
            on=day,
            channel=channel,
            logged_at=parse_aware(data.get("logged_at"), "time it was logged"),
            via=texts[0],
            said=texts[1],
            felt=texts[2],
            unsafe=flags[0],
            answered=flags[1],
            id=ident,
        )


def not_answered(hoovers: Iterable[Hoover]) -> int:
    """How many times they reached out and were not answered."""
    return sum(1 for h in hoovers if not h.answered)
