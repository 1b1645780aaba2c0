"""The smallest Textual app worth comparing with: a header, a number and a footer."""

from __future__ import annotations

from textual.app import App, ComposeResult
from textual.widgets import Digits, Footer, Header


class BareApp(App[None]):
    """A header, big digits and a footer: what any Textual app pays to start."""

    TITLE = "bare"

    def compose(self) -> ComposeResult:
        """The three widgets."""
        yield Header()
        yield Digits("12:34")
        yield Footer()
