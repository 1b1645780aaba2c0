"""Every slip logged, newest first, to edit or remove (with undo)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.message import Message
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Static

from companion.domain.dates import format_day
from companion.domain.history import Slip, slip_label
from companion.ui.text import one_line, visible

COLUMNS = (("Day", "day"), ("What happened", "kind"), ("Note", "note"))
"""The table's columns: title and key."""


class SlipsScreen(Screen[None]):
    """A table of slips; it reports edits and removals up to the app, which saves them."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "close", "Back"),
        Binding("e", "edit", "Edit"),
        Binding("enter", "edit", "Edit", show=False),
        Binding("delete", "remove", "Remove"),
        Binding("backspace", "remove", "Remove", show=False),
        Binding("ctrl+z", "undo", "Undo"),
    ]
    HELP = """\
## Slips

Each time contact happened, as you logged it. Removing one can be undone
with **ctrl+z**. Your total days of No Contact are worked out from this list.
"""

    @dataclass
    class EditRequested(Message):
        """The person wants to change a slip."""

        slip: Slip

    @dataclass
    class RemoveRequested(Message):
        """The person wants to remove a slip."""

        slip: Slip

    class UndoRequested(Message):
        """The person wants the last removal undone."""

    def __init__(self, slips: tuple[Slip, ...], alias: str) -> None:
        """Show ``slips``; ``alias`` names the person they left, if set."""
        super().__init__()
        self.slips = slips
        self.alias = alias

    def compose(self) -> ComposeResult:
        """A heading, the table and the footer."""
        yield Static("Slips: times contact happened", id="slips-title")
        yield Static("", id="slips-empty")
        yield DataTable(cursor_type="row", zebra_stripes=True, id="slips-table")
        yield Footer()

    def on_mount(self) -> None:
        """Fill the table."""
        self.show(self.slips)

    def show(self, slips: tuple[Slip, ...], keep: str | None = None) -> None:
        """Replace the rows with ``slips``, newest first, keeping the cursor near ``keep``."""
        self.slips = slips
        table = self.query_one(DataTable)
        row = table.cursor_row
        table.clear(columns=True)
        rows = []
        for slip in sorted(slips, key=lambda s: (s.on, s.logged_at), reverse=True):
            kind = slip_label(slip.kind, self.alias)
            if not slip.new_stretch:
                kind += " (a brief exception)"
            rows.append(
                (slip.id, (format_day(slip.on), visible(kind), visible(one_line(slip.note, 60))))
            )
        # Widths are measured here: the table may be refilled while a dialog covers it.
        for index, (title, key) in enumerate(COLUMNS):
            width = max([len(title), *(len(cells[index]) for _, cells in rows)])
            table.add_column(title, key=key, width=width)
        for slip_id, cells in rows:
            table.add_row(*(Text(cell) for cell in cells), key=slip_id)
        empty = self.query_one("#slips-empty", Static)
        empty.update("" if slips else "No slips logged.")
        if keep is not None and keep in {s.id for s in slips}:
            table.move_cursor(row=table.get_row_index(keep))
        elif slips:
            table.move_cursor(row=min(row, len(slips) - 1))
        table.focus()

    def _selected(self) -> Slip | None:
        """The slip under the cursor."""
        table = self.query_one(DataTable)
        if not self.slips or table.row_count == 0:
            return None
        key = table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value
        return next((s for s in self.slips if s.id == key), None)

    def action_edit(self) -> None:
        """Edit the selected slip."""
        slip = self._selected()
        if slip is not None:
            self.post_message(self.EditRequested(slip))

    def action_remove(self) -> None:
        """Remove the selected slip (undoable)."""
        slip = self._selected()
        if slip is not None:
            self.post_message(self.RemoveRequested(slip))

    def action_undo(self) -> None:
        """Undo the last removal."""
        self.post_message(self.UndoRequested())

    def action_close(self) -> None:
        """Back to the main screen."""
        self.dismiss(None)
