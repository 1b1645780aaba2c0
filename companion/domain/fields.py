"""Checks every record's fields share: ids, dates and times read back from storage,
one-line text, notes, names and phone numbers.

Each check returns the value to keep, or raises ValidationError with words a person can act on.
"""

from __future__ import annotations

import re
import unicodedata
import uuid
from collections.abc import Mapping
from datetime import date, datetime
from typing import Any, TypeGuard, TypeVar

from companion.domain.dates import EARLIEST
from companion.domain.errors import ValidationError

T = TypeVar("T")


NOTE_LIMIT = 1_000_000
"""The longest note kept; a paste larger than this is refused with a message."""


def new_id() -> str:
    """A fresh identifier for a record."""
    return uuid.uuid4().hex


def parse_date(value: Any, what: str) -> date:
    """A date from its ISO text, or a ValidationError naming ``what``."""
    if not isinstance(value, str):
        raise ValidationError(f"The {what} is missing.")
    try:
        day = date.fromisoformat(value)
    except ValueError:
        raise ValidationError(f"The {what} {value!r} is not a date.") from None
    if day < EARLIEST:
        raise ValidationError(f"The {what} is before 1900.")
    return day


def parse_aware(value: Any, what: str) -> datetime:
    """An aware datetime from its ISO text, or a ValidationError."""
    if not isinstance(value, str):
        raise ValidationError(f"The {what} is missing.")
    try:
        moment = datetime.fromisoformat(value)
    except ValueError:
        raise ValidationError(f"The {what} {value!r} is not a time.") from None
    if moment.tzinfo is None:
        raise ValidationError(f"The {what} has no time zone.")
    return moment


_NOT_ON_ONE_LINE = frozenset({"Cc", "Zl", "Zp"})
"""Unicode categories a one-line field refuses: control codes (C0 and C1) and line breaks."""


def is_one_line(text: str) -> bool:
    """True when ``text`` holds no control code and no line break."""
    return not any(unicodedata.category(ch) in _NOT_ON_ONE_LINE for ch in text)


def check_line(text: str, what: str, limit: int, empty: str | None = None) -> str:
    """One line of text up to ``limit`` characters, outer spaces trimmed.

    ``empty`` is the message for an empty line; without it, an empty line is fine.
    """
    line = text.strip()
    if not line and empty is not None:
        raise ValidationError(empty)
    if len(line) > limit:
        raise ValidationError(
            f"{what} can have up to {limit:,} characters; this one has {len(line):,}. "
            "Nothing is lost: shorten it and save again."
        )
    if not is_one_line(line):
        raise ValidationError(f"{what} is one line, without control characters.")
    return line


def check_note(note: str) -> str:
    """Accept any text as a note, up to :data:`NOTE_LIMIT` characters."""
    if len(note) > NOTE_LIMIT:
        raise ValidationError(
            f"That note is {len(note):,} characters long; notes can hold up to "
            f"{NOTE_LIMIT:,}. Nothing was saved yet, so you can shorten it and try again."
        )
    return note


def is_whole_number(value: object) -> TypeGuard[int]:
    """True for an int that is not a bool (JSON true would otherwise pass as 1)."""
    return isinstance(value, int) and not isinstance(value, bool)


def read_field(
    data: Mapping[str, Any], key: str, kind: type[T], what: str, default: T | None = None
) -> T:
    """The value stored under ``key`` if it has the right type, or a ValidationError.

    A missing key gives ``default`` when there is one.
    """
    if not isinstance(data, Mapping):
        raise ValidationError(f"{what} is damaged.")
    value = data.get(key, default)
    if not isinstance(value, kind) or (kind is int and not is_whole_number(value)):
        raise ValidationError(f"{what} is damaged ({key}).")
    return value


NAME_LIMIT = 80
"""The longest name accepted for a person or a helpline."""


MIN_DIGITS = 3
"""The fewest digits a phone number can have (short codes such as 988 or 111)."""


_EXTENSION = re.compile(r"(?:ext\.?\s*|x\s*)[0-9]+\Z", re.IGNORECASE)
"""An extension written at the end of a number: "ext 12", "ext. 12" or "x12"."""


_NUMBER = re.compile(r"\+?[0-9 ().\-]*\Z")
"""The number itself: digits, spaces, brackets, dashes and dots, with "+" only first."""


_PHONE_HELP = (
    "A phone number can hold digits, spaces, brackets, dashes and dots, a + at the "
    'start, and an extension at the end such as "ext 12" or "x12".'
)
"""What a phone number may contain, in words."""


def check_phone(text: str) -> str:
    """A phone number as typed (outer spaces trimmed), or a calm ValidationError."""
    number = text.strip()
    if not number:
        raise ValidationError("Add a phone number, or leave this for another time.")
    extension = _EXTENSION.search(number)
    main = number[: extension.start()] if extension else number
    if not _NUMBER.match(main):
        if "+" in main.lstrip("+") or main.startswith("++"):
            raise ValidationError('A "+" can only come at the very start of a number.')
        raise ValidationError(_PHONE_HELP)
    if sum(ch.isdigit() for ch in main) < MIN_DIGITS:
        raise ValidationError(f"A phone number needs at least {MIN_DIGITS} digits.")
    return number


def check_name(text: str) -> str:
    """A name on one line, up to NAME_LIMIT characters (outer spaces trimmed)."""
    name = text.strip()
    if not name:
        raise ValidationError("Add a name, so you know who this is.")
    if len(name) > NAME_LIMIT:
        raise ValidationError(
            f"Please keep the name to {NAME_LIMIT} characters or fewer; this one has {len(name)}."
        )
    if not is_one_line(name):
        raise ValidationError("A name is one line, without control characters.")
    return name
