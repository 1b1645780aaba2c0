"""The crisis view: help, one key away from every screen, in large, plain text."""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.message import Message
from textual.screen import Screen
from textual.widgets import Digits, Footer, OptionList, Static
from textual.widgets.option_list import Option

from companion.domain.contacts import RELATIONS, Directory, Helpline, Person
from companion.domain.dates import format_day
from companion.ui.contacts_pane import line_number
from companion.ui.text import typed

KIND_HEADINGS = {
    "abuse": "Domestic abuse support",
    "crisis": "Crisis and suicide lines",
    "text": "If you would rather text",
}
"""Headings for each kind of helpline, in the order they are shown."""


class CrisisScreen(Screen[None]):
    """Where to turn now. Escape goes back exactly where the person was."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "close", "Back"),
        Binding("c", "copy", "Copy number"),
        Binding("o", "country", "Country"),
    ]
    AUTO_FOCUS = "#crisis-list"

    @dataclass
    class CopyRequested(Message):
        """The person wants a number on their clipboard."""

        number: str

    class CountryRequested(Message):
        """The person wants to choose their country."""

    def __init__(
        self,
        country: str | None,
        lines: list[Helpline],
        people: list[Person],
        directory: Directory,
    ) -> None:
        """Show ``lines`` for ``country`` (a name, or None if not chosen) and ``people``."""
        super().__init__()
        self.country = country
        self.lines = lines
        self.people = people
        self.directory = directory
        self.numbers: dict[str, str] = {}

    def compose(self) -> ComposeResult:
        """Emergency number, then a list of people and helplines, then the directory."""
        emergency = [line for line in self.lines if line.kind == "emergency"]
        with Vertical(id="crisis"):
            yield Static("If you need someone now", id="crisis-title")
            if emergency:
                first = emergency[0]
                yield Static("In danger? Call the emergency number:", id="emergency-label")
                yield Digits(first.call, id="emergency-number")
                if first.silent:
                    yield Static(typed(f"Can't speak? {first.silent}"), id="emergency-silent")
            else:
                yield Static(
                    Text("In danger? Call your local emergency number.", style="bold"),
                    id="emergency-label",
                )
            if self.country is None:
                yield Static(
                    Text.assemble(
                        "Press ", ("o", "bold"), " to choose your country and see its helplines."
                    ),
                    id="crisis-country",
                )
            yield OptionList(*self._options(), id="crisis-list")
            directory = self.directory
            yield Static(
                Text.assemble(
                    ("Anywhere in the world: ", "bold"),
                    f"{directory.name}, {directory.where}. {directory.purpose} ",
                    (f"(checked on {format_day(directory.verified_on)})", "dim"),
                ),
                id="crisis-directory",
            )
        yield Footer()

    def _options(self) -> list[Option]:
        """People first, then helplines by kind, each with what it's for and its check date."""
        options: list[Option] = []
        if self.people:
            options.append(Option(Text("Your people", style="bold underline"), disabled=True))
        for person in self.people:
            text = typed(person.name, style="bold")
            text.append_text(typed(f"   {person.phone}", style="bold"))
            extra = RELATIONS.get(person.relation, "")
            if person.texting_ok:
                extra += " · texting is fine"
            text.append_text(typed(f"\n{extra}", style="dim"))
            if person.notes.strip():
                text.append_text(typed(f"\n{person.notes.strip()}", style="dim"))
            self.numbers[f"p-{person.id}"] = person.phone
            options.append(Option(text, id=f"p-{person.id}"))
        for kind, heading in KIND_HEADINGS.items():
            lines = [line for line in self.lines if line.kind == kind]
            if not lines:
                continue
            options.append(Option(Text(heading, style="bold underline"), disabled=True))
            for line in lines:
                text = typed(line.name, style="bold")
                text.append_text(typed(f"   {line_number(line)}", style="bold"))
                if line.call and line.text_number:
                    keyword = f"{line.text_keyword} to " if line.text_keyword else ""
                    text.append_text(typed(f"  (or text {keyword}{line.text_number})"))
                details = " · ".join(part for part in (line.purpose, line.hours) if part)
                if details:
                    text.append_text(typed(f"\n{details}", style="dim"))
                if line.user_edited or line.user_added:
                    checked = "your own version"
                elif line.verified_on is not None:
                    checked = f"checked on {format_day(line.verified_on)}"
                else:
                    checked = ""
                if checked:
                    text.append_text(typed(f"\n{checked}", style="dim italic"))
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
            self.post_message(self.CopyRequested(number))

    def action_country(self) -> None:
        """Choose the country."""
        self.post_message(self.CountryRequested())

    @on(OptionList.OptionSelected)
    def _chosen(self) -> None:
        """Enter copies too."""
        self.action_copy()

    def action_close(self) -> None:
        """Back to exactly where the person was."""
        self.dismiss(None)
