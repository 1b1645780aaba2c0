"""The crisis view: help, one key away from every screen, in large, plain text."""

from __future__ import annotations

from typing import ClassVar

from rich.cells import cell_len
from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.widgets import Digits, OptionList, Static
from textual.widgets.option_list import Option

from companion.contacts import flows
from companion.domain.dates import format_day
from companion.domain.helplines import Directory, Helpline, line_number
from companion.domain.people import RELATIONS, Person
from companion.ui.context import Context
from companion.ui.keybar import KeyBar
from companion.ui.safety import Page
from companion.ui.text import typed

KIND_HEADINGS = {
    "abuse": "Domestic abuse support",
    "crisis": "Crisis and suicide lines",
    "text": "If you would rather text",
}
"""Headings for each kind of helpline, in the order they are shown."""


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


class CrisisScreen(Page[None]):
    """Where to turn now. Escape goes back exactly where the person was."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "close", "Back"),
        Binding("c", "copy", "Copy number"),
        Binding("o", "country", "Country"),
    ]
    AUTO_FOCUS = "#crisis-list"

    def __init__(
        self,
        ctx: Context,
        country: str | None,
        lines: list[Helpline],
        people: list[Person],
        directory: Directory,
    ) -> None:
        """Show ``lines`` for ``country`` (a name, or None if not chosen) and ``people``;
        copying and choosing the country run through ``ctx``."""
        super().__init__()
        self.ctx = ctx
        self.country = country
        self.lines = lines
        self.people = people
        self.directory = directory
        self.numbers: dict[str, str] = {}
        self._width = 0

    def compose(self) -> ComposeResult:
        """Choosing a country first if none is; the emergency number; the list; the directory."""
        emergency = [line for line in self.lines if line.kind == "emergency"]
        with Vertical(id="crisis"):
            yield Static("If you need someone now", id="crisis-title")
            if self.country is None:
                yield Static(
                    Text.assemble(
                        "Press ",
                        ("o", "bold"),
                        " to choose your country; its own numbers come first.",
                    ),
                    id="crisis-country",
                )
                yield Static(
                    Text("In danger? Call the emergency number where you are:", style="bold"),
                    id="emergency-label",
                )
            elif emergency:
                first = emergency[0]
                yield Static("In danger? Call the emergency number:", id="emergency-label")
                yield Digits(first.call, id="emergency-number")
                if first.notes:
                    yield Static(typed(first.notes), id="emergency-notes")
                if first.silent:
                    yield Static(typed(f"Can't speak? {first.silent}"), id="emergency-silent")
            else:
                yield Static(
                    Text("In danger? Call your local emergency number.", style="bold"),
                    id="emergency-label",
                )
            yield OptionList(*self._options(self.app.size.width - 6), id="crisis-list")
            directory = self.directory
            yield Static(
                Text.assemble(
                    ("Anywhere in the world: ", "bold"),
                    f"{directory.name}, {directory.where}. {directory.purpose} ",
                    (f"(checked on {format_day(directory.verified_on)})", "dim"),
                ),
                id="crisis-directory",
            )
        yield KeyBar()

    def on_resize(self) -> None:
        """A new width (help opened or closed, a resized terminal) lays the rows out again."""
        option_list = self.query_one("#crisis-list", OptionList)
        width = option_list.scrollable_content_region.width
        if width <= 0 or width == self._width:
            return
        highlighted = option_list.highlighted
        option_list.clear_options()
        option_list.add_options(self._options(width))
        if highlighted is not None and highlighted < option_list.option_count:
            option_list.highlighted = highlighted

    def _options(self, width: int) -> list[Option]:
        """People, then helplines by kind, each with who it is for and its check date.

        Before a country is chosen, the emergency numbers that cover most people come
        first. A number is never cut: when a name and its number don't fit on one line,
        the number goes on a line of its own.
        """
        self._width = width
        self.numbers = {}
        options: list[Option] = []
        if self.country is None:
            options.extend(self._line_options("emergency", "Emergency numbers", width))
        if self.people:
            options.append(Option(Text("Your people", style="bold underline"), disabled=True))
        for person in self.people:
            text = name_and_number(person.name, person.phone, width)
            extra = RELATIONS.get(person.relation, "")
            if person.texting_ok:
                extra += " · texting is fine"
            text.append_text(typed(f"\n{extra}", style="dim"))
            if person.notes.strip():
                text.append_text(typed(f"\n{person.notes.strip()}", style="dim"))
            self.numbers[f"p-{person.id}"] = person.phone
            options.append(Option(text, id=f"p-{person.id}"))
        for kind, heading in KIND_HEADINGS.items():
            options.extend(self._line_options(kind, heading, width))
        return options

    def _line_options(self, kind: str, heading: str, width: int) -> list[Option]:
        """The helplines of one kind under their heading (nothing if there are none)."""
        lines = [line for line in self.lines if line.kind == kind]
        if not lines:
            return []
        options = [Option(Text(heading, style="bold underline"), disabled=True)]
        for line in lines:
            if kind == "emergency":  # before a country is chosen: the number, and where
                text = typed(line.call, style="bold")
                text.append_text(typed(f"   {line.serves}"))
                checked = checked_words(line)
                if checked:
                    text.append_text(Text(f"\n{checked}", style="dim italic"))
                self.numbers[f"h-{line.id}"] = line.call
                options.append(Option(text, id=f"h-{line.id}"))
                continue
            text = name_and_number(line.name, line_number(line), width)
            if line.call and line.text_number:
                keyword = f"{line.text_keyword} to " if line.text_keyword else ""
                text.append_text(typed(f"\nor text {keyword}{line.text_number}"))
            details = " · ".join(
                part for part in (line.serves, line.purpose, line.hours) if part.strip()
            )
            if details:
                text.append_text(typed(f"\n{details}", style="dim"))
            checked = checked_words(line)
            if checked:
                text.append_text(Text(f"\n{checked}", style="dim italic"))
            self.numbers[f"h-{line.id}"] = line.call or line.text_number
            options.append(Option(text, id=f"h-{line.id}"))
        return options

    def action_copy(self) -> None:
        """Copy the highlighted number, or the first on the list if none is highlighted."""
        option_list = self.query_one(OptionList)
        index = option_list.highlighted
        number = None
        if index is not None:
            number = self.numbers.get(option_list.get_option_at_index(index).id or "")
        if number is None and self.numbers:
            number = next(iter(self.numbers.values()))
        if number:
            flows.copy_number(self.ctx, number)

    def action_country(self) -> None:
        """Choose the country."""
        self.ctx.start(flows.choose_country(self.ctx))

    @on(OptionList.OptionSelected)
    def _chosen(self) -> None:
        """Enter copies too."""
        self.action_copy()

    def action_close(self) -> None:
        """Back to exactly where the person was."""
        self.dismiss(None)
