"""The people the person trusts: who they are to them, a number, notes, and their order."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from companion.domain.errors import ValidationError
from companion.domain.fields import (
    check_name,
    check_note,
    check_phone,
    is_whole_number,
    new_id,
)
from companion.domain.ordering import moved_within

RELATIONS: dict[str, str] = {
    "friend": "Friend",
    "family": "Family",
    "therapist": "Therapist",
    "advocate": "Advocate",
    "sponsor": "Sponsor",
    "other": "Other",
}
"""Who a safe person is to the person, and how that is shown."""


@dataclass(frozen=True)
class Person:
    """One of the person's own safe people: someone they can call or text."""

    name: str
    """What the person calls them."""
    phone: str
    """Their number, as typed."""
    created_at: datetime
    """When they were added."""
    relation: str = "friend"
    """A key of RELATIONS."""
    texting_ok: bool = False
    """True when a text is welcome, not only a call."""
    notes: str = ""
    """Anything worth remembering, e.g. the best time to call; any text."""
    favourite: bool = False
    """Favourites come first."""
    position: int = 0
    """Their place in the person's order (lower comes first)."""
    id: str = field(default_factory=new_id)
    """A stable identifier."""

    def __post_init__(self) -> None:
        """Refuse what cannot be a safe person; keep the name and number trimmed."""
        object.__setattr__(self, "name", check_name(self.name))
        object.__setattr__(self, "phone", check_phone(self.phone))
        if self.relation not in RELATIONS:
            raise ValidationError(f"Unknown kind of relation {self.relation!r}.")
        check_note(self.notes)
        if not self.id:
            raise ValidationError("A contact is missing its identifier.")
        if self.created_at.tzinfo is None:
            raise ValidationError("A contact's time has no time zone.")

    def to_dict(self) -> dict[str, Any]:
        """Plain JSON-ready values."""
        return {
            "id": self.id,
            "name": self.name,
            "phone": self.phone,
            "relation": self.relation,
            "texting_ok": self.texting_ok,
            "notes": self.notes,
            "favourite": self.favourite,
            "position": self.position,
            "created_at": self.created_at.isoformat(),
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Person:
        """Rebuild, refusing anything malformed."""
        damaged = ValidationError("A contact record is damaged.")
        if not isinstance(data, Mapping):
            raise damaged
        strings = [data.get(k) for k in ("id", "name", "phone", "created_at")]
        relation = data.get("relation", "friend")
        notes = data.get("notes", "")
        flags = [data.get("texting_ok", False), data.get("favourite", False)]
        position = data.get("position", 0)
        if (
            not all(isinstance(v, str) for v in (*strings, relation, notes))
            or not all(isinstance(f, bool) for f in flags)
            or not is_whole_number(position)
        ):
            raise damaged
        try:
            created = datetime.fromisoformat(str(data["created_at"]))
        except ValueError:
            raise damaged from None
        return cls(
            id=str(data["id"]),
            name=str(data["name"]),
            phone=str(data["phone"]),
            relation=str(relation),
            texting_ok=bool(flags[0]),
            notes=str(notes),
            favourite=bool(flags[1]),
            position=int(position),
            created_at=created,
        )


def people_in_order(people: Iterable[Person]) -> list[Person]:
    """Favourites first, then the rest; each group in the person's own order."""
    return sorted(people, key=lambda p: (not p.favourite, p.position, p.created_at))


def moved_people(people: Sequence[Person], person_id: str, step: int) -> list[Person]:
    """Move someone one place up (-1) or down (+1) within their group (favourite or not).

    Returns the people whose positions changed (empty at the edges or for an unknown id).
    Positions are renumbered within the group, so duplicates from old data sort out.
    """
    return moved_within(people_in_order(people), person_id, step, lambda p: p.favourite)
