"""A thin bar filled to a share: the breathing pacer and the way to the next milestone."""

from __future__ import annotations

from typing import ClassVar

from rich.style import Style
from textual.app import RenderResult
from textual.geometry import Size, clamp
from textual.reactive import reactive
from textual.renderables.bar import Bar
from textual.strip import Strip
from textual.widget import Widget


class Meter(Widget):
    """A bar filled from the left to ``share`` (0.0 to 1.0), in half cells.

    It looks exactly like Textual's progress bar shown without its percentage and time
    estimate, and is cheaper to keep moving: it has no timer of its own (the progress bar
    wakes every second to estimate a time nobody sees), and it keeps each position it has
    drawn, so a pacer moving ten times a second for as long as a person breathes with it
    draws each line only once.
    """

    DEFAULT_CSS = """
    Meter {
        width: 1fr;
        height: 1;

        &> .bar--bar {
            color: $primary;
            background: $surface;
        }
        &> .bar--complete {
            color: $success;
            background: $surface;
        }
    }
    """
    COMPONENT_CLASSES: ClassVar[set[str]] = {"bar--bar", "bar--complete"}

    share: reactive[float] = reactive(0.0)
    """How much of the bar is filled, 0.0 to 1.0."""

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        """An empty bar."""
        super().__init__(id=id, classes=classes)
        self._lines: dict[tuple[int, float], Strip] = {}
        self._lines_size = Size(0, 0)

    def _validate_share(self, share: float) -> float:
        """Keep the share between empty and full, on the half cell (finer cannot be seen)."""
        share = clamp(share, 0.0, 1.0)
        halves = self.size.width * 2
        return int(share * halves) / halves if halves else share

    def render(self) -> RenderResult:
        """The bar: the filled part in the bar's colour, the rest dim; green when full."""
        style = self.get_component_rich_style("bar--bar" if self.share < 1 else "bar--complete")
        return Bar(
            highlight_range=(0, self.size.width * self.share),
            highlight_style=Style.from_color(style.color),
            background_style=Style.from_color(style.bgcolor),
        )

    def render_line(self, y: int) -> Strip:
        """Line ``y`` of the bar, drawn once for each share at this size."""
        if self.size != self._lines_size:
            self._lines.clear()
            self._lines_size = self.size
        key = (y, self.share)
        line = self._lines.get(key)
        if line is None:
            line = self._lines[key] = super().render_line(y)
        return line

    def notify_style_update(self) -> None:
        """The colours may have changed (a new theme): draw every position afresh."""
        self._lines.clear()
        super().notify_style_update()
