"""The crisis view: help, one key away from every screen."""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import Footer, Static


class CrisisScreen(Screen[None]):
    """Large, plain text about where to turn now. Escape goes back exactly where you were."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "close", "Back")]

    def compose(self) -> ComposeResult:
        """What to do now."""
        with VerticalScroll(id="crisis"):
            yield Static("If you need someone now", id="crisis-title")
            yield Static(
                Text.assemble(
                    ("If you are in danger, call your local emergency number.", "bold"),
                    "\n\nIf you feel you might hurt yourself, or you can't stay safe, call "
                    "your emergency number or go to the nearest emergency department.\n\n"
                    "Your own safe people and the helplines for your country will be listed "
                    "here.",
                ),
                id="crisis-text",
            )
        yield Footer()

    def action_close(self) -> None:
        """Back to exactly where the person was."""
        self.dismiss(None)
