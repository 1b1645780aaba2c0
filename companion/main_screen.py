"""The main screen: the four panes together."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Grid

from companion.contacts.pane import ContactsPane
from companion.counter.pane import DayCounter
from companion.features import keys
from companion.reasons.pane import ReasonsPane
from companion.ui.context import Context
from companion.ui.keybar import KeyBar
from companion.ui.safety import Page
from companion.urge.pane import UrgePane

PANES = ("#day-counter", "#urge", "#reasons", "#contacts")
"""The panes in the order of the keys 1 to 4."""


class MainScreen(Page[None]):
    """Day counter, urge surfing, reasons and crisis contacts, all visible at once."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("1", "focus_pane(0)", "Panes", key_display="1-4", show=False),
        Binding("2", "focus_pane(1)", "Urge surfing", show=False),
        Binding("3", "focus_pane(2)", "Reasons", show=False),
        Binding("4", "focus_pane(3)", "Contacts", show=False),
        *keys(),
        Binding("question_mark", "app.toggle_help", "Help", key_display="?"),
        Binding("q", "app.quit", "Quit"),
    ]

    def __init__(self, ctx: Context) -> None:
        """The panes show and change the data through ``ctx``."""
        super().__init__()
        self.ctx = ctx

    def compose(self) -> ComposeResult:
        """The four panes in a grid, and the keys."""
        with Grid(id="panes"):
            yield DayCounter(self.ctx, id="day-counter", classes="pane")
            yield UrgePane(self.ctx, id="urge", classes="pane")
            yield ReasonsPane(self.ctx, id="reasons", classes="pane")
            yield ContactsPane(self.ctx, id="contacts", classes="pane")
        yield KeyBar(compact=True, show_command_palette=False)

    def on_mount(self) -> None:
        """Start on the day counter (each pane reads its own figures)."""
        self.query_one(DayCounter).focus()

    def action_focus_pane(self, index: int) -> None:
        """Move the focus to pane ``index`` (0 to 3) at once, so a key typed right after
        it (3 then a) already reaches the new pane."""
        self.set_focus(self.query_one(PANES[index]))
