"""The Crisis contacts pane: the person's own people first, then helplines for their country."""

from __future__ import annotations

from typing import ClassVar

from rich.cells import cell_len
from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from companion.contacts import flows
from companion.domain.helplines import Helpline, line_number
from companion.domain.people import RELATIONS, Person
from companion.features import keys
from companion.ui.context import Context, DataChanged
from companion.ui.text import typed

PERSON = "person:"
"""Option ids of people start with this."""


LINE = "line:"
"""Option ids of helplines start with this."""


class ContactsPane(Vertical, can_focus=True):
    """Your people, favourites first, then the helplines for your country."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("a", "add", "Add"),
        Binding("e", "edit", "Edit", show=False),
        Binding("delete", "remove", "Remove", show=False),
        Binding("f", "favourite", "Favourite", show=False),
        Binding("c", "copy", "Copy"),
        Binding("shift+up", "move(-1)", "Up", show=False),
        Binding("shift+down", "move(1)", "Down", show=False),
        *keys("contacts"),
        Binding("n", "add_line", "New line", show=False),
        Binding("ctrl+z", "undo", "Undo", show=False),
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

    def __init__(self, ctx: Context, *, id: str, classes: str = "") -> None:
        """A pane that reads and changes the data through ``ctx``."""
        super().__init__(id=id, classes=classes)
        self.ctx = ctx
        self.people: list[Person] = []
        """The person's own people, in order."""
        self.lines: list[Helpline] = []
        """Helplines for the chosen country, in order."""
        self.country = ""
        """The chosen country's name, or empty."""

    def compose(self) -> ComposeResult:
        """The list, and a note when there is nothing in it."""
        yield OptionList(id="contact-list", compact=True)
        yield Static("", id="contacts-empty")

    def on_mount(self) -> None:
        """Give the pane its title and its rows, and show them again whenever people,
        helplines or the country change."""
        self.border_title = "4 Crisis contacts"
        self.show()
        self.ctx.listen(self, self._changed)

    def _changed(self, change: DataChanged) -> None:
        """Read the rows again after a change to them, the cursor on the one saved."""
        if change.about(flows.KIND, flows.COUNTRY):
            self.show(change.keep)

    def show(self, keep: str | None = None) -> None:
        """Read the people, the helplines and the country, and list them; the cursor on
        the person or helpline with id ``keep``, or where it was."""
        self.country = flows.country_name(self.ctx) or ""
        self.people = self.ctx.repository.people
        self.lines = flows.helplines(self.ctx)
        option = None
        if keep is not None:
            option = PERSON + keep if any(p.id == keep for p in self.people) else LINE + keep
        self._draw(option)

    def on_focus(self) -> None:
        """Focusing the pane puts the cursor in the list."""
        self.screen.set_focus(self.query_one(OptionList))

    def on_resize(self) -> None:
        """Rows are cut to the width, so a new width redraws them."""
        self._draw()

    def _draw(self, keep: str | None = None) -> None:
        """Fill the list, keeping the cursor where it was."""
        if not self.is_mounted or not self.size.width:
            return  # the first resize draws the rows, cut to the real width
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

    def action_add(self) -> None:
        """Add someone the person trusts."""
        self.ctx.start(flows.edit_person(self.ctx, None))

    def action_edit(self) -> None:
        """Open the person or helpline under the cursor."""
        person, line = self.selected()
        if person is not None:
            self.ctx.start(flows.edit_person(self.ctx, person))
        elif line is not None:
            self.ctx.start(flows.edit_line(self.ctx, line))

    def action_remove(self) -> None:
        """Remove the person under the cursor, or hide the helpline (``ctrl+z`` undoes it)."""
        person, line = self.selected()
        if person is not None:
            flows.remove_person(self.ctx, person)
        elif line is not None:
            flows.hide_line(self.ctx, line)

    def action_favourite(self) -> None:
        """Make the person under the cursor a favourite, or stop them being one."""
        person, _line = self.selected()
        if person is not None:
            flows.toggle_favourite(self.ctx, person)

    def action_copy(self) -> None:
        """Copy the number of the row under the cursor."""
        person, line = self.selected()
        number = person.phone if person else (line.call or line.text_number if line else "")
        if number:
            flows.copy_number(self.ctx, number)

    def action_move(self, step: int) -> None:
        """Move the person under the cursor up (-1) or down (1) in the person's order."""
        person, _line = self.selected()
        if person is not None:
            flows.move_person(self.ctx, person, step)

    def action_add_line(self) -> None:
        """Add a helpline of the person's own."""
        self.ctx.start(flows.add_line(self.ctx))

    def action_undo(self) -> None:
        """Put back the person removed, or show the helpline hidden, last."""
        flows.undo(self.ctx)

    @on(OptionList.OptionSelected, "#contact-list")
    def _chosen(self) -> None:
        """Enter edits."""
        self.action_edit()
