"""The one step between the key and a running timer: how strong is the pull, 0 to 9."""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from rich.text import Text
from textual import events
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.widgets import Static

from companion.domain.urge import ANCHORS, QUICK_MINUTES
from companion.ui.keybar import KeyBar
from companion.ui.safety import Modal


@dataclass(frozen=True)
class UrgeStart:
    """What the person chose: a first rating and a kind of session."""

    rating: int
    """0 to 9."""
    mode: str
    """A key of MODES."""


class UrgeStartDialog(Modal[UrgeStart | None]):
    """Press a digit and the timer starts. Everything else can wait."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Not now"),
        Binding("l", "change_length", "Length"),
    ]

    def __init__(self, minutes: int) -> None:
        """Offer a timed session of ``minutes`` first."""
        super().__init__()
        self.minutes = minutes
        self.modes = ("timed", "quick", "open")
        self.mode = "timed"

    def compose(self) -> ComposeResult:
        """The question, the ten anchors, and the length."""
        with Vertical(classes="dialog urge-start") as box:
            box.border_title = "Riding out an urge"
            yield Static(
                Text("How strong is the pull right now? Press a number.", style="bold"),
                id="urge-question",
            )
            anchors = Text()
            for value, words in ANCHORS.items():
                anchors.append(f" {value}  ", style="bold")
                anchors.append(words + ("\n" if value < 9 else ""))
            yield Static(anchors, id="urge-anchors")
            yield Static("", id="urge-length")
        yield KeyBar()

    def on_mount(self) -> None:
        """Show the length on offer."""
        self._show_length()

    def _show_length(self) -> None:
        """Describe the chosen kind of session."""
        words = {
            "timed": f"{self.minutes} minutes",
            "quick": f"a {QUICK_MINUTES}-minute breathing space",
            "open": "until it eases",
        }[self.mode]
        self.query_one("#urge-length", Static).update(
            Text.assemble(("Length: ", "dim"), (words, "bold"), ("   l to change", "dim"))
        )

    def action_change_length(self) -> None:
        """Cycle through timed, quick and open-ended."""
        self.mode = self.modes[(self.modes.index(self.mode) + 1) % len(self.modes)]
        self._show_length()

    def on_key(self, event: events.Key) -> None:
        """A digit starts the session."""
        if event.character is not None and event.character in "0123456789":
            event.stop()
            self.dismiss(UrgeStart(int(event.character), self.mode))

    def action_cancel(self) -> None:
        """Close without starting."""
        self.dismiss(None)
