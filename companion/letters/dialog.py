"""The box for a letter that is never sent."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.widgets import Button, Static, TextArea

from companion.domain.fields import check_note
from companion.ui.dialogs import Dialog
from companion.ui.text import typed


class UnsentDialog(Dialog[str]):
    """Write the letter you won't send. It is kept, however the box closes; nothing sends it."""

    TITLE = "The letter you won't send"
    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "cancel", "Keep and close")]

    def __init__(self, text: str, them: str) -> None:
        """Open with what was written before."""
        super().__init__()
        self.text = text
        self.them = them

    def body(self) -> ComposeResult:
        """A note and a text box."""
        yield Static(
            typed(
                f"Write everything you want to say to {self.them}. Nothing in this app can "
                "send it. It is kept with your unsent letters, in the data folder on this "
                "computer, until you delete it: escape keeps it too. L on the main screen "
                "lists them."
            ),
            classes="dialog-note",
        )
        yield TextArea(self.text, id="unsent", soft_wrap=True, compact=True)

    def on_mount(self) -> None:
        """The second button only closes (nothing is cancelled); writing goes on at the end."""
        self.query_one("#cancel", Button).label = "Close"
        area = self.query_one("#unsent", TextArea)
        area.move_cursor(area.document.end)

    def save_label(self) -> str:
        """Keeping, not sending."""
        return "Keep it"

    def result(self) -> str:
        """The text, any length up to the note limit."""
        return check_note(self.query_one("#unsent", TextArea).text)

    def action_cancel(self) -> None:
        """Escape (or Close) keeps the words as well, once every key typed has arrived."""
        self.action_save()
