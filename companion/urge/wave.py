"""Drawing a wave of 0-9 ratings as blocks, with time along the bottom."""

from __future__ import annotations

from datetime import timedelta

from rich.text import Text
from textual.widgets import Static

from companion.ui.redraw import update

_EIGHTHS = " ▁▂▃▄▅▆▇█"


def wave_rows(values: list[int], rows: int = 3) -> list[str]:
    """Rows of block characters, top first, for ratings from 0 to 9."""
    units = rows * 8
    heights = [round(value * units / 9) for value in values]
    lines = []
    for row in range(rows - 1, -1, -1):
        base = row * 8
        lines.append("".join(_EIGHTHS[min(max(h - base, 0), 8)] for h in heights))
    return lines


def axis(span: timedelta, width: int) -> str:
    """A time axis under a wave: "0m" at the left and the span at the right."""
    seconds = int(span.total_seconds())
    right = f"{seconds}s" if seconds < 60 else f"{seconds // 60}m"
    if width < len(right) + 3:
        return right.rjust(width)
    return "0m" + right.rjust(width - 2)


class Wave(Static):
    """A wave of ratings drawn as blocks, with its time axis."""

    DEFAULT_CSS = """
    Wave {
        height: auto;
    }
    """

    def show(self, values: list[int], span: timedelta | None, rows: int = 3) -> None:
        """Draw ``values`` (one per column); ``span`` labels the time axis, if given. A wave
        that looks the same as the one shown is not drawn again, and one of the same shape
        (as many lines, as long, and room for them) takes the place of the old one without
        laying out the screen again."""
        lines = wave_rows(values, rows)
        if span is not None:
            lines.append(axis(span, len(values)))
        shown = self.content
        same_shape = (
            isinstance(shown, Text)
            and [len(line) for line in shown.plain.split("\n")] == [len(line) for line in lines]
            and len(values) <= self.size.width
        )
        update(self, Text("\n".join(lines)), layout=not same_shape)
