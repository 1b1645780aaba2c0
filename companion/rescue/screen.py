"""The app that opens when the data cannot: where to turn first, then what happened, where
the files are, and what can be done. It writes nothing; the command line does what the
person chooses (see ``choices``) and then starts the app itself."""

from __future__ import annotations

import os
from typing import Any, ClassVar

from rich.text import Text
from textual import on
from textual.app import App, ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.widgets import Button, Static

from companion.domain.helplines import (
    EVERYWHERE,
    guess_country,
    helplines_for,
    line_number,
    load_shipped,
    shipped_text,
)
from companion.rescue.choices import BACKUP, FRESH, LOOK, Situation
from companion.ui.hide import HiddenScreen
from companion.ui.keybar import KeyBar
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


class RescueApp(App[str | None]):
    """Opens in place of the app when the data cannot be used; returns the choice."""

    TITLE = "companion"
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
        Binding("ctrl+l", "hide", "Hide", priority=True),
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

    def action_hide(self) -> None:
        """Blank the screen at once, until a key."""
        if not isinstance(self.screen, HiddenScreen):
            driver = self._driver
            if driver is not None and not driver.is_headless:
                driver.write("\x1b[2J\x1b[3J")
            self.push_screen(HiddenScreen())

    def bell(self) -> None:
        """Never ring the terminal bell."""

    def get_system_commands(self, screen: Any) -> Any:
        """No palette commands here (a screenshot would write the screen outside)."""
        return iter(())


def where_to_turn() -> Text:
    """The emergency and crisis numbers for the country the terminal's language suggests
    (the ones that cover most people when it suggests none), from the list that ships
    with the app: no data file is needed for them."""
    text = Text()
    try:
        shipped = load_shipped(shipped_text())
    except Exception:  # the list itself is damaged: the words below still help
        shipped = None
    country = guess_country(os.environ.get("LC_ALL") or os.environ.get("LANG") or "")
    lines = []
    if shipped is not None:
        code = country if country in shipped.countries else EVERYWHERE
        lines = helplines_for(shipped, code, ())
        if code != EVERYWHERE:
            text.append(f"{shipped.countries[code]}\n", style="dim")
    for line in lines[:8]:
        text.append(f"{line.name}  ")
        text.append(line_number(line), style="bold")
        text.append(f"  · {line.serves}\n" if line.serves else "\n", style="dim")
    text.append(
        "Anywhere: call your local emergency number, or find a helpline for your country "
        "at findahelpline.com."
    )
    return text
