"""Showing what a person typed: always as text, never as markup or terminal codes."""

from __future__ import annotations

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
    """The first line of ``value``, cut to ``limit`` characters with an ellipsis."""
    first = value.strip().splitlines()[0] if value.strip() else ""
    if len(first) > limit or (value.strip() and "\n" in value.strip()):
        return first[: max(limit - 1, 0)] + "…"
    return first
