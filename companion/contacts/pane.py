"""The Crisis contacts pane: the person's own people first, then helplines for their country."""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from rich.cells import cell_len
from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.message import Message
from textual.reactive import reactive
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from companion.domain.contacts import RELATIONS, Helpline, Person
from companion.domain.dates import format_day
from companion.ui.context import Context
from companion.ui.text import typed

PERSON = "person:"
"""Option ids of people start with this."""


LINE = "line:"
"""Option ids of helplines start with this."""


def line_number(line: Helpline) -> str:
    """What to dial or text for a helpline, in a few characters."""
    if line.call:
        return line.call
    keyword = f"{line.text_keyword} to " if line.text_keyword else ""
    return f"text {keyword}{line.text_number}"


def name_and_number(name: str, number: str, width: int) -> Text:
    """A name in bold and its number, on one line if both fit in ``width`` cells.

    A number is never cut: when they don't fit, the number goes on a line of its own.
    """
    text = typed(name, style="bold")
    gap = "   "
    if text.cell_len + len(gap) + cell_len(number) > width:
        gap = "\n"
    text.append_text(typed(f"{gap}{number}", style="bold"))
    return text


def checked_words(line: Helpline) -> str:
    """When a helpline's facts were checked, and whether the source found was older."""
    if line.user_edited or line.user_added:
        return "your own version"
    if line.verified_on is None:
        return ""
    checked = f"checked on {format_day(line.verified_on)}"
    if line.is_older:
        checked += " against an older source: it may have changed"
    return checked


class ContactsPane(Vertical, can_focus=True):
    """Your people, favourites first, then the helplines for your country."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("a", "request('add')", "Add"),
        Binding("e", "request('edit')", "Edit", show=False),
        Binding("delete", "request('remove')", "Remove", show=False),
        Binding("f", "request('favourite')", "Favourite", show=False),
        Binding("c", "request('copy')", "Copy"),
        Binding("shift+up", "request('up')", "Up", show=False),
        Binding("shift+down", "request('down')", "Down", show=False),
        Binding("o", "request('country')", "Country"),
        Binding("n", "request('add_line')", "New line", show=False),
        Binding("ctrl+z", "request('undo')", "Undo", show=False),
    ]
    HELP = """\
## Crisis contacts

Your own safe people first, then the helplines for your country (each says when
its details were last checked). **!** or **ctrl+g** shows all of this full-screen
from anywhere.

- **a** adds a person, **e** or enter edits, **delete** removes a person (ctrl+z
  puts them back) or hides a helpline, **f** marks a favourite
- **c** copies the number, **shift+up/down** moves a person
- **o** chooses your country, **n** adds a helpline of your own
"""

    people: reactive[list[Person]] = reactive(list, always_update=True)
    """The person's own people, in order."""
    lines: reactive[list[Helpline]] = reactive(list, always_update=True)
    """Helplines for the chosen country, in order."""
    country: reactive[str] = reactive("")
    """The chosen country's name, or empty."""

    @dataclass
    class Requested(Message):
        """Something to do with the selected row (or a new one)."""

        action: str
        """add, edit, remove, favourite, copy, up, down, country, add_line or undo."""
        person: Person | None
        """The selected person, if a person is selected."""
        line: Helpline | None
        """The selected helpline, if a helpline is selected."""

    def __init__(self, ctx: Context, *, id: str, classes: str = "") -> None:
        """A pane that reads and changes the data through ``ctx``."""
        super().__init__(id=id, classes=classes)
        self.ctx = ctx

    def compose(self) -> ComposeResult:
        """The list, and a note when there is nothing in it."""
        yield OptionList(id="contact-list", compact=True)
        yield Static("", id="contacts-empty")

    def on_mount(self) -> None:
        """Give the pane its title."""
        self.border_title = "4 Crisis contacts"

    def on_focus(self) -> None:
        """Focusing the pane puts the cursor in the list."""
        self.screen.set_focus(self.query_one(OptionList))

    def watch_people(self) -> None:
        """Redraw."""
        self._draw()

    def watch_lines(self) -> None:
        """Redraw."""
        self._draw()

    def on_resize(self) -> None:
        """Rows are cut to the width, so a new width redraws them."""
        self._draw()

    def _draw(self, keep: str | None = None) -> None:
        """Fill the list, keeping the cursor where it was."""
        if not self.is_mounted:
            return
        option_list = self.query_one(OptionList)
        current = option_list.highlighted
        previous = None
        if current is not None and current < option_list.option_count:
            previous = option_list.get_option_at_index(current).id
        keep = keep or previous
        width = max(self.size.width - 4, 12)
        options: list[Option] = []
        for person in self.people:
            mark = "★ " if person.favourite else "  "
            relation = f"  · {RELATIONS.get(person.relation, '')}"
            row = self._row(mark, person.name, person.phone, relation, width)
            options.append(Option(row, PERSON + person.id))
        for line in self.lines:
            serves = f"  · {line.serves}" if line.serves else ""
            row = self._row("  ", line.name, line_number(line), serves, width)
            options.append(Option(row, LINE + line.id))
        option_list.clear_options()
        option_list.add_options(options)
        ids = [o.id for o in options]
        if keep in ids:
            option_list.highlighted = ids.index(keep)
        elif ids and current is not None:
            option_list.highlighted = min(current, len(ids) - 1)  # the removed row's neighbour
        elif ids:
            option_list.highlighted = 0
        empty = self.query_one("#contacts-empty", Static)
        if not self.country:
            empty.update(
                Text.assemble(
                    "Press ",
                    ("o", "bold"),
                    " to choose your country for its helplines, and ",
                    ("a", "bold"),
                    " to add someone you trust. Until then, the emergency numbers above"
                    " cover most places.",
                )
            )
        elif not self.people:
            empty.update(Text.assemble(("a", "bold"), " adds someone you trust."))
        else:
            empty.update("")
        empty.display = bool(not self.country or not self.people)

    @staticmethod
    def _row(mark: str, name: str, number: str, extra: str, width: int) -> Text:
        """One row: the name shortened to fit, never the number; ``extra`` only if it fits.

        When even a short name can't sit beside the number, the number goes on a line of
        its own.
        """
        room = width - len(mark) - 2 - cell_len(number)
        row = Text(mark, style="bold")
        shown = typed(name.strip().splitlines()[0] if name.strip() else "")
        if room < 4:
            shown.truncate(max(width - len(mark), 4), overflow="ellipsis")
            row.append_text(shown)
            row.append_text(typed(f"\n{' ' * len(mark)}{number}", style="bold"))
            return row
        shown.truncate(room, overflow="ellipsis")
        row.append_text(shown)
        row.append_text(typed(f"  {number}", style="bold"))
        if row.cell_len + cell_len(extra) <= width:
            row.append_text(typed(extra, style="dim"))
        return row

    def select(self, option_id: str) -> None:
        """Put the cursor on a row by its id."""
        self._draw(keep=option_id)

    def selected(self) -> tuple[Person | None, Helpline | None]:
        """The person or helpline under the cursor."""
        option_list = self.query_one(OptionList)
        index = option_list.highlighted
        if index is None or index >= option_list.option_count:
            return None, None
        option_id = option_list.get_option_at_index(index).id or ""
        if option_id.startswith(PERSON):
            key = option_id.removeprefix(PERSON)
            return next((p for p in self.people if p.id == key), None), None
        key = option_id.removeprefix(LINE)
        return None, next((h for h in self.lines if h.id == key), None)

    def action_request(self, action: str) -> None:
        """Report a request upward with whatever is selected."""
        person, line = self.selected()
        self.post_message(self.Requested(action, person, line))

    @on(OptionList.OptionSelected, "#contact-list")
    def _chosen(self) -> None:
        """Enter edits."""
        self.action_request("edit")
