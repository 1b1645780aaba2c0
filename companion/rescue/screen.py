"""The app that opens when the data cannot: where to turn first, then what happened, where
the files are, and what can be done. It writes nothing; the command line does what the
person chooses (see ``choices``) and then starts the app itself."""

from __future__ import annotations

from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.widgets import Button, Static

from companion.rescue.choices import BACKUP, FRESH, LOOK, Situation
from companion.ui.keybar import KeyBar
from companion.ui.standalone import StandaloneApp, where_to_turn
from companion.ui.text import typed

WORDS = {
    LOOK: "Look at your data without changing anything (l)",
    BACKUP: "Open the newest backup this version can read (b)",
    FRESH: "Start fresh: your files are moved aside, nothing is deleted (f)",
}
"""The button for each choice."""

AFTER = {
    LOOK: (
        "companion opens your data to read, as it was last saved (or from the newest "
        "backup it can read). Nothing in the folder is changed or locked. What you add "
        "while looking is kept only until you quit."
    ),
    BACKUP: (
        "The newer data file, its journal and the backups this version cannot read are "
        "moved into a folder beside them, and the newest backup it can read is opened. "
        "Changes made after that backup stay in the moved files, for the newer version."
    ),
    FRESH: (
        "Your data file, its journal, history and backups are moved into a folder "
        "beside them, and companion starts as on the first day. Nothing is deleted: "
        "the moved files can be opened again later."
    ),
}
"""What each choice does, in full, under its button."""


class RescueApp(StandaloneApp[str | None]):
    """Opens in place of the app when the data cannot be used; returns the choice."""

    AUTO_FOCUS = None  # a focused button lower down would scroll the numbers out of view
    CSS = """
    Screen { background: $background; }
    #rescue { padding: 1 2; }
    #rescue-title { text-style: bold; color: $warning; }
    .rescue-heading { text-style: bold; margin-top: 1; }
    #rescue-lines { margin-left: 2; }
    .rescue-after { color: $text-muted; margin: 0 0 1 2; }
    #rescue-buttons { height: auto; margin-top: 1; }
    #rescue-buttons Button { margin-right: 2; }
    """
    BINDINGS: ClassVar[list[BindingType]] = [
        *StandaloneApp.BINDINGS,
        Binding("l", f"choose('{LOOK}')", "Look only"),
        Binding("b", f"choose('{BACKUP}')", "Open the backup"),
        Binding("f", f"choose('{FRESH}')", "Start fresh"),
        Binding("q", "quit_here", "Quit"),
        Binding("escape", "quit_here", "Quit", show=False),
    ]

    def __init__(self, situation: Situation) -> None:
        """Show ``situation``: its problem, its folder and its choices."""
        super().__init__()
        self.situation = situation

    def compose(self) -> ComposeResult:
        """Where to turn, what happened, where the files are, what can be done."""
        with VerticalScroll(id="rescue", can_focus=False):
            yield Static("If you need someone now", id="rescue-title")
            yield Static(where_to_turn(), id="rescue-lines")
            yield Static("What happened", classes="rescue-heading")
            yield Static(typed(self.situation.problem), id="rescue-problem")
            yield Static(
                typed(f"Your files are in {self.situation.root}. Nothing has been changed."),
                id="rescue-where",
            )
            yield Static("What you can do", classes="rescue-heading")
            for choice in self.situation.choices:
                yield Button(WORDS[choice], id=f"rescue-{choice}", compact=True)
                yield Static(AFTER[choice], classes="rescue-after")
            yield Static(
                "Or quit (q) and leave everything as it is: you can start companion again "
                "whenever you like, for example once the other window is closed or the disk "
                "has room.",
                classes="rescue-after",
            )
        yield KeyBar(show_command_palette=False)

    @on(Button.Pressed)
    def _chosen(self, event: Button.Pressed) -> None:
        """A choice was made: the command line carries it out."""
        self.exit((event.button.id or "").removeprefix("rescue-") or None)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Only the choices this folder allows are offered."""
        if action == "choose":
            return parameters[0] in self.situation.choices
        return True

    def action_choose(self, choice: str) -> None:
        """A choice made by its key."""
        self.exit(choice)

    def action_quit_here(self) -> None:
        """Leave everything as it is."""
        self.exit(None)
