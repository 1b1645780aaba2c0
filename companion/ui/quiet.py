"""The day counter's quiet line: one feature at a time may say something small there (a
date coming up, the little-win question), in a long and a short form."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from companion.ui.context import Context


@dataclass(frozen=True)
class Notice:
    """A quiet line for the day counter, in a long and a short form."""

    long: str
    short: str


@dataclass(frozen=True)
class QuietLine:
    """What a feature may say on the day counter, and the kinds of data it reads."""

    kinds: tuple[str, ...]
    """When any of these change, the line is read again."""
    line: Callable[[Context], Notice | None]
    """The words for today, or None to say nothing."""
    place: int
    """Lower places speak first; the first that has something to say is shown."""
