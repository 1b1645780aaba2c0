"""The Crisis contacts pane: the person's own people first, then helplines for their country."""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

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
from companion.ui.text import one_line, typed

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
        width = max(self.size.width - 4, 20)
        options: list[Option | None] = []
        for person in self.people:
            mark = "★ " if person.favourite else "  "
            relation = f"  · {RELATIONS.get(person.relation, '')}"
            words = f"{person.name}  {person.phone}"
            if len(mark) + len(words) + len(relation) > width:
                relation = ""
            row = Text(mark, style="bold")
            row.append_text(typed(one_line(words, width - len(mark))))
            row.append_text(typed(relation, style="dim"))
            options.append(Option(row, id=PERSON + person.id))
        for line in self.lines:
            number = line_number(line)
            row = Text("  ")
            row.append_text(typed(one_line(line.name, max(width - 4 - len(number), 8))))
            row.append_text(typed(f"  {number}", style="bold"))
            options.append(Option(row, id=LINE + line.id))
        option_list.clear_options()
        option_list.add_options([o for o in options if o is not None])
        ids = [o.id for o in options if o is not None]
        if keep in ids:
            option_list.highlighted = ids.index(keep)
        elif ids:
            option_list.highlighted = 0
        empty = self.query_one("#contacts-empty", Static)
        if not self.country:
            empty.update(
                Text.assemble(
                    "Press ",
                    ("o", "bold"),
                    " to choose your country for helplines, and ",
                    ("a", "bold"),
                    " to add someone you trust.\nIn danger now? Call your local emergency number.",
                )
            )
        elif not self.people:
            empty.update(Text.assemble(("a", "bold"), " adds someone you trust."))
        else:
            empty.update("")
        empty.display = bool(not self.country or not self.people)

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
