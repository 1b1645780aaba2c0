"""Showing what a person typed: always as text, never as markup or terminal codes."""

from __future__ import annotations

from rich.cells import cell_len, get_character_cell_size
from rich.text import Text

_CONTROL_PICTURES = {code: chr(0x2400 + code) for code in range(32) if chr(code) not in "\n\t"}
_CONTROL_PICTURES[127] = "\u2421"


def visible(value: str) -> str:
    """Replace control characters (escape, bell, ...) with their visible symbols."""
    return value.translate(_CONTROL_PICTURES)


def typed(value: str, style: str = "") -> Text:
    """A Text of the person's words: no markup is read and no control code reaches the terminal."""
    return Text(visible(value), style=style)


def one_line(value: str, limit: int = 80) -> str:
    """The first line of ``value``, cut with an ellipsis to fit ``limit`` terminal cells.

    Widths are the terminal's: a wide character (an emoji, a CJK letter) takes two cells.
    """
    lines = value.strip().splitlines()
    first = lines[0] if lines else ""
    if len(lines) <= 1 and cell_len(first) <= limit:
        return first
    kept: list[str] = []
    room = max(limit - 1, 0)
    for character in first:
        room -= get_character_cell_size(character)
        if room < 0:
            break
        kept.append(character)
    return "".join(kept) + "…"
