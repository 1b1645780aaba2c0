"""A table for lists that grow for years: it draws only the rows on screen, and adding
rows costs only those rows, however many are already there."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import ClassVar

from rich.cells import cell_len, set_cell_size
from rich.segment import Segment
from textual import events
from textual.binding import Binding, BindingType
from textual.geometry import Size
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip

GAP = 2
"""Blank cells between two columns."""


class LongTable(ScrollView, can_focus=True):
    """Plain-text rows under a header that stays put, with a row cursor.

    Every cell is drawn as the text it holds, never read as markup. The columns are as
    wide as their widest cell so far; the header row is not scrolled away.
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("up", "cursor(-1)", "Up", show=False),
        Binding("down", "cursor(1)", "Down", show=False),
        Binding("pageup", "page(-1)", "Page up", show=False),
        Binding("pagedown", "page(1)", "Page down", show=False),
        Binding("left", "scroll_left", "Left", show=False),
        Binding("right", "scroll_right", "Right", show=False),
        Binding("home", "first", "First", show=False),
        Binding("end", "last", "Last", show=False),
    ]

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "long-table--header",
        "long-table--even-row",
        "long-table--cursor",
    }

    DEFAULT_CSS = """
    LongTable {
        background: $surface;
        color: $foreground;
        height: 1fr;
        & > .long-table--header {
            text-style: bold;
            background: $panel;
            color: $foreground;
        }
        & > .long-table--even-row {
            background: $surface-lighten-1 50%;
        }
        & > .long-table--cursor {
            background: $block-cursor-blurred-background;
            color: $block-cursor-blurred-foreground;
        }
        &:focus > .long-table--cursor {
            background: $block-cursor-background;
            color: $block-cursor-foreground;
            text-style: $block-cursor-text-style;
        }
    }
    """

    cursor_row: reactive[int] = reactive(0, always_update=True)
    """The row under the cursor (0: the first)."""

    def __init__(self, columns: Sequence[str], *, id: str | None = None) -> None:
        """A table with these column titles and no rows yet."""
        super().__init__(id=id)
        self.columns = tuple(columns)
        self.widths = [cell_len(title) for title in self.columns]
        self._rows: list[tuple[str, ...]] = []

    # The rows ------------------------------------------------------------------------

    @property
    def row_count(self) -> int:
        """How many rows the table holds."""
        return len(self._rows)

    def get_row_at(self, index: int) -> tuple[str, ...]:
        """The cells of one row."""
        return self._rows[index]

    def add_rows(self, rows: Iterable[Sequence[str]]) -> None:
        """Add rows below those already there."""
        added = [tuple(str(cell) for cell in cells) for cells in rows]
        if not added:
            return
        widths = list(self.widths)
        for cells in added:
            for column, cell in enumerate(cells[: len(widths)]):
                widths[column] = max(widths[column], cell_len(cell))
        self._rows.extend(added)
        self.widths = widths
        self.virtual_size = Size(sum(widths) + GAP * len(widths), len(self._rows) + 1)
        self.refresh()

    # Drawing -------------------------------------------------------------------------

    def render_line(self, y: int) -> Strip:
        """One line: the header at the top, else the row scrolled to that line."""
        scroll_x, scroll_y = self.scroll_offset
        width = self.scrollable_content_region.width
        base = self.rich_style
        if y == 0:
            cells, style = self.columns, self.get_component_rich_style("long-table--header")
        else:
            index = scroll_y + y - 1
            if not 0 <= index < len(self._rows):
                return Strip.blank(width, base)
            cells, style = self._rows[index], base
            if index % 2:
                style += self.get_component_rich_style("long-table--even-row")
            if index == self.cursor_row:
                style += self.get_component_rich_style("long-table--cursor")
        text = set_cell_size(_drop_cells(self._line(cells), scroll_x), width)
        return Strip([Segment(text, style)], width)

    def _line(self, cells: Sequence[str]) -> str:
        """Cells padded to their columns' widths."""
        return "".join(
            " " + cell + " " * (width - cell_len(cell) + GAP - 1)
            for cell, width in zip(cells, self.widths, strict=False)
        )

    # The cursor ----------------------------------------------------------------------

    def validate_cursor_row(self, row: int) -> int:
        """Keep the cursor on a row."""
        return max(0, min(row, len(self._rows) - 1))

    def watch_cursor_row(self) -> None:
        """Bring the cursor's row into view and draw it."""
        shown = max(self.scrollable_content_region.height - 1, 1)
        top = round(self.scroll_y)
        if self.cursor_row < top:
            self.scroll_to(y=self.cursor_row, animate=False)
        elif self.cursor_row >= top + shown:
            self.scroll_to(y=self.cursor_row - shown + 1, animate=False)
        self.refresh()

    @property
    def _page(self) -> int:
        """Rows in one screenful."""
        return max(self.scrollable_content_region.height - 2, 1)

    def action_cursor(self, step: int) -> None:
        """Move the cursor one row."""
        self.cursor_row += step

    def action_page(self, step: int) -> None:
        """Move the cursor a screenful."""
        self.cursor_row += step * self._page

    def action_first(self) -> None:
        """To the first row."""
        self.cursor_row = 0

    def action_last(self) -> None:
        """To the last row."""
        self.cursor_row = len(self._rows) - 1

    def on_click(self, event: events.Click) -> None:
        """A click puts the cursor on the row clicked."""
        if event.y >= 1:
            self.cursor_row = round(self.scroll_y) + event.y - 1


def _drop_cells(text: str, cells: int) -> str:
    """``text`` without its first ``cells`` cells (a wide character cut in two becomes a
    space)."""
    if cells <= 0:
        return text
    if text.isascii():
        return text[cells:]
    used = 0
    for index, character in enumerate(text):
        if used >= cells:
            return (" " * (used - cells)) + text[index:]
        used += cell_len(character)
    return " " * max(used - cells, 0)
