"""A full-screen list of logged things, newest first: edit, remove (with undo), add, filter."""

from __future__ import annotations

from collections.abc import Callable, Coroutine, Sequence
from dataclasses import dataclass
from typing import Any, ClassVar, Generic, Protocol, TypeVar

from rich.cells import cell_len
from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.widgets import DataTable, Static

from companion.ui.context import Context, DataChanged
from companion.ui.cursor import cursor_key
from companion.ui.keybar import KeyBar
from companion.ui.safety import Page
from companion.ui.text import one_line, typed, visible

SIDE_ROOM = 6
"""Columns the table's margins and scroll bar take."""


@dataclass(frozen=True)
class Row:
    """One line of the table."""

    key: str
    """The record's id."""
    cells: tuple[str, ...]
    """The words in each column, as plain text."""
    group: str = ""
    """What the filter looks at (a way of reaching out, say)."""


class Record(Protocol):
    """What every listed record has: an id."""

    @property
    def id(self) -> str:
        """Unique among its kind."""
        ...


R = TypeVar("R", bound=Record)


@dataclass(frozen=True)
class Records(Generic[R]):
    """How one list reads, removes, puts back and edits its records."""

    kind: str
    """The kind of data (what ``Context.changed`` names when it changes)."""
    items: Callable[[], Sequence[R]]
    delete: Callable[[str], object]
    restore: Callable[[R], object]
    edit: Callable[[Context, R | None], Coroutine[Any, Any, object]]
    """The feature's flow that opens a record (or a new one, for None) until saved."""


class LogTable(DataTable[Text]):
    """The table of a list; the help shown for it is the list's own."""

    HELP = ""


class LogScreen(Page[None], Generic[R]):
    """A table of records: add, edit, remove and undo run the feature's own flows, and the
    table shows its records again whenever they change."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "close", "Back"),
        Binding("a", "add", "Add"),
        Binding("e", "edit", "Edit"),
        Binding("delete", "remove", "Remove"),
        Binding("backspace", "remove", "Remove", show=False),
        Binding("ctrl+z", "undo", "Undo"),
        Binding("f", "filter", "Filter"),
        Binding("question_mark", "app.toggle_help", "Help", key_display="?", show=False),
    ]
    HEADING = ""
    """The words at the top."""
    COLUMNS: ClassVar[tuple[str, ...]] = ()
    """The column titles."""
    EMPTY = "Nothing logged yet."
    """Shown when there is nothing to list."""
    FILTERS: ClassVar[dict[str, str]] = {}
    """Groups the ``f`` key steps through, with their words; empty for no filter."""
    CAN_ADD = True
    """Whether ``a`` adds a record here."""
    WIDE: ClassVar[int | None] = None
    """The column that takes the room left over (its words cut to fit), if any."""

    def __init__(self, ctx: Context, records: Records[R], keep: str | None = None) -> None:
        """List the ``records``, the cursor on the one with id ``keep`` if given."""
        super().__init__()
        self.ctx = ctx
        self.records = records
        self.items: list[R] = list(records.items())
        self.filter: str | None = None
        self.keep = keep
        self.listed: dict[str, tuple[Row, R]] = {}
        """Each record's row by its key, in the order listed (filtered or not)."""

    def order(self, items: list[R]) -> list[R]:
        """The records in the order they are listed (as given, unless a list says else)."""
        return items

    def heading(self) -> str:
        """The words at the top."""
        return self.HEADING

    def row(self, item: R) -> Row:
        """The table row for ``item`` (each list says how)."""
        return Row(item.id, (str(item),))

    def compose(self) -> ComposeResult:
        """A heading, the filter line, the table and the footer."""
        yield Static(typed(self.heading()), classes="log-title")
        yield Static("", classes="log-filter")
        yield Static("", classes="log-empty")
        yield LogTable(cursor_type="row", zebra_stripes=True, classes="log-table")
        yield KeyBar()

    def on_mount(self) -> None:
        """Fill the table, and fill it again whenever its records change."""
        self.show(self.items, self.keep)
        self.ctx.listen(self, self._changed)

    def _changed(self, change: DataChanged) -> None:
        """Show the records again after a change to them, the cursor on the one saved."""
        if change.about(self.records.kind):
            self.show(self.records.items(), change.keep)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Only offer a filter or an add key where this list has one."""
        if action == "filter":
            return bool(self.FILTERS)
        if action == "add":
            return self.CAN_ADD
        return True

    def show(self, items: Sequence[R], keep: str | None = None) -> None:
        """Replace the rows, keeping the cursor near ``keep`` (an id) or where it was."""
        self.items = list(items)
        self.listed = {}
        for item in self.order(self.items):
            row = self.row(item)
            self.listed[row.key] = (row, item)
        rows = [r for r, _ in self.listed.values()]
        if self.filter is not None and not any(r.group == self.filter for r in rows):
            self.filter = None
        shown = [r for r in rows if self.filter is None or r.group == self.filter]
        table = self.query_one(DataTable)
        before = [row.key.value for row in table.ordered_rows]
        key = cursor_key(before, table.cursor_row, [r.key for r in shown], keep)
        table.clear(columns=True)
        cells = [tuple(visible(cell) for cell in r.cells) for r in shown]
        # Widths are measured here: the table may be refilled while a dialog covers it.
        widths = [
            max([cell_len(title), *(cell_len(line[index]) for line in cells)])
            for index, title in enumerate(self.COLUMNS)
        ]
        if self.WIDE is not None:
            others = sum(w for i, w in enumerate(widths) if i != self.WIDE)
            room = self.app.size.width - SIDE_ROOM - others - 2 * len(widths)
            widths[self.WIDE] = max(min(widths[self.WIDE], room), cell_len(self.COLUMNS[self.WIDE]))
            cells = [
                tuple(
                    one_line(cell, widths[self.WIDE]) if i == self.WIDE else cell
                    for i, cell in enumerate(line)
                )
                for line in cells
            ]
        for title, width in zip(self.COLUMNS, widths, strict=True):
            table.add_column(title, width=width)
        for r, line in zip(shown, cells, strict=True):
            table.add_row(*(Text(cell) for cell in line), key=r.key)
        self.query_one(".log-empty", Static).update("" if rows else self.EMPTY)
        self._show_filter(rows)
        if key is not None:
            table.move_cursor(row=[r.key for r in shown].index(key))
        table.focus()

    def _show_filter(self, rows: list[Row]) -> None:
        """Say what the list shows, when it can be filtered."""
        line = self.query_one(".log-filter", Static)
        line.display = bool(self.FILTERS) and bool(rows)
        if self.filter is None:
            line.update("Showing every way. Press f to see one way at a time.")
        else:
            count = sum(1 for r in rows if r.group == self.filter)
            line.update(
                f"Showing: {self.FILTERS[self.filter].lower()} ({count} of {len(rows)}). "
                "f shows the next way."
            )

    def action_filter(self) -> None:
        """Step to the next group that has records, then back to everything."""
        present = {r.group for r, _ in self.listed.values()}
        groups = [g for g in self.FILTERS if g in present]
        if not groups:
            return
        if self.filter is None:
            self.filter = groups[0]
        else:
            index = groups.index(self.filter) + 1 if self.filter in groups else len(groups)
            self.filter = groups[index] if index < len(groups) else None
        self.show(self.items)

    def selected(self) -> R | None:
        """The record under the cursor."""
        table = self.query_one(DataTable)
        if table.row_count == 0:
            return None
        key = table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value
        found = self.listed.get(key or "")
        return None if found is None else found[1]

    def action_add(self) -> None:
        """A new record, in the feature's dialog."""
        if self.CAN_ADD:
            self.ctx.start(self.records.edit(self.ctx, None))

    def action_edit(self) -> None:
        """Open the record under the cursor."""
        item = self.selected()
        if item is not None:
            self.ctx.start(self.records.edit(self.ctx, item))

    def action_remove(self) -> None:
        """Remove the record under the cursor, kept for ``ctrl+z``."""
        item = self.selected()
        if item is not None and self.ctx.try_save(self.records.delete, item.id) is not None:
            self.ctx.removed(self.records.kind, item)

    def action_undo(self) -> None:
        """Put back the record removed last, the cursor on it."""
        item = self.ctx.undo(self.records.kind, self.records.restore)
        if item is not None:
            self.ctx.changed(self.records.kind, keep=item.id)

    @on(DataTable.RowSelected)
    def _row_chosen(self) -> None:
        """Enter on a row edits it."""
        self.action_edit()

    def action_close(self) -> None:
        """Back to where the person was."""
        self.dismiss(None)
