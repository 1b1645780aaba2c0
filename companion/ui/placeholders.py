"""The panes whose features are still to come: a clear title and a friendly empty state."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import Static


class Pane(Vertical, can_focus=True):
    """A titled pane showing a short, kind note until its feature arrives."""

    TITLE = ""
    """The pane's border title."""
    EMPTY = ""
    """What the pane says while it is empty."""

    def compose(self) -> ComposeResult:
        """The empty-state note."""
        yield Static(self.EMPTY, classes="empty-note")

    def on_mount(self) -> None:
        """Give the pane its title."""
        self.border_title = self.TITLE


class ContactsPane(Pane):
    """Crisis contacts: the person's own people and helplines."""

    TITLE = "4 Crisis contacts"
    EMPTY = (
        "Your own safe people and the helplines for your country will be here.\n\n"
        "In danger right now? Call your local emergency number."
    )
    HELP = """\
## Crisis contacts

The people you trust and the helplines for where you live, one key away.
This list is on its way. If you are in danger now, call your local emergency number.
"""
