"""Unsent letters: what the person wanted to say to the one they left, kept and never sent.

A letter written during an urge session is linked to it. Letters written before this
place existed live in the session's own ``unsent`` field; :func:`all_letters` lists those
too, so no earlier letter is lost.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from companion.domain.errors import ValidationError
from companion.domain.fields import check_note, new_id, parse_aware
from companion.domain.urge import UrgeSession

FROM_SESSION = "unsent-"
"""How the id of a letter still kept in its urge session begins."""


@dataclass(frozen=True)
class Letter:
    """One letter the person did not send."""

    written_at: datetime
    """When it was first written."""
    text: str
    """Every word of it."""
    session_id: str = ""
    """The urge session it was written in, if any."""
    id: str = field(default_factory=new_id)
    """A stable identifier."""

    def __post_init__(self) -> None:
        """Refuse a letter that could not be kept."""
        if self.written_at.tzinfo is None:
            raise ValidationError("A letter's time has no time zone.")
        check_note(self.text)

    def to_dict(self) -> dict[str, Any]:
        """Plain JSON-ready values."""
        return {
            "id": self.id,
            "written_at": self.written_at.isoformat(),
            "text": self.text,
            "session_id": self.session_id,
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Letter:
        """Rebuild, refusing anything malformed."""
        text = data.get("text")
        session_id = data.get("session_id", "")
        ident = data.get("id")
        if not all(isinstance(value, str) for value in (text, session_id, ident)):
            raise ValidationError("A letter record is damaged.")
        return cls(
            written_at=parse_aware(data.get("written_at"), "letter's time"),
            text=str(text),
            session_id=str(session_id),
            id=str(ident),
        )


def from_session(session: UrgeSession) -> Letter:
    """The letter still kept inside an urge session (dated when the session began)."""
    return Letter(session.started_at, session.unsent, session.id, FROM_SESSION + session.id)


def all_letters(letters: Iterable[Letter], sessions: Iterable[UrgeSession]) -> list[Letter]:
    """Every letter, newest first: the kept ones, and those still inside a session."""
    kept = list(letters)
    linked = {letter.session_id for letter in kept if letter.session_id}
    older = [from_session(s) for s in sessions if s.unsent.strip() and s.id not in linked]
    return sorted([*kept, *older], key=lambda letter: letter.written_at, reverse=True)


def for_session(letters: Iterable[Letter], session_id: str) -> Letter | None:
    """The letter written in the session with ``session_id``, if there is one."""
    return next((letter for letter in letters if letter.session_id == session_id), None)
