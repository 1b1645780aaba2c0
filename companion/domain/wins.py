"""Little wins: one line about what went right, with its day."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from companion.domain.dates import EARLIEST
from companion.domain.errors import ValidationError
from companion.domain.fields import check_line, new_id, parse_aware, parse_date, read_field

WIN_LIMIT = 300
"""The longest win kept: it is one line."""


def check_win(text: str) -> str:
    """A win: one line of a few words, up to WIN_LIMIT characters."""
    return check_line(
        text,
        "A little win",
        WIN_LIMIT,
        "Write a few words about what went right. Small things count.",
    )


@dataclass(frozen=True)
class Win:
    """Something that went right on a day."""

    on: date
    """The day it went right."""
    text: str
    """What went right, on one line."""
    logged_at: datetime
    """When it was written down."""
    id: str = field(default_factory=new_id)
    """A stable identifier."""

    def __post_init__(self) -> None:
        """Refuse what cannot be right."""
        if self.on < EARLIEST:
            raise ValidationError("That date is before 1900.")
        if self.logged_at.tzinfo is None:
            raise ValidationError("The time a win was written has no time zone.")
        if not self.id:
            raise ValidationError("A win is missing its identifier.")
        object.__setattr__(self, "text", check_win(self.text))

    def to_dict(self) -> dict[str, Any]:
        """Plain JSON-ready values."""
        return {
            "id": self.id,
            "on": self.on.isoformat(),
            "text": self.text,
            "logged_at": self.logged_at.isoformat(),
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Win:
        """Rebuild, refusing anything malformed."""
        what = "A little win"
        return cls(
            on=parse_date(read_field(data, "on", str, what), "day of a win"),
            text=read_field(data, "text", str, what),
            logged_at=parse_aware(data.get("logged_at"), "time a win was written"),
            id=read_field(data, "id", str, what),
        )


def has_win_on(wins: Iterable[Win], day: date) -> bool:
    """True when a win is written for ``day``."""
    return any(w.on == day for w in wins)
