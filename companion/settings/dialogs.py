"""Settings the person chooses: the name the app uses for the one they left."""

from __future__ import annotations

from typing import TypeVar

from textual.app import ComposeResult
from textual.widgets import Input, Label

from companion.domain.profile import check_alias
from companion.ui.dialogs import Dialog
from companion.ui.field import Field

T = TypeVar("T")


class AliasDialog(Dialog[str]):
    """Choose how the app refers to the person they left."""

    TITLE = "What should I call them?"

    def __init__(self, initial: str = "") -> None:
        """Open with the current alias."""
        super().__init__()
        self.initial = initial

    def body(self) -> ComposeResult:
        """One optional field."""
        yield Label(
            "A name, initials or a word of your own for the person you left. "
            "Leave it empty and I'll say \u201cthem\u201d."
        )
        yield Field(
            self.initial, placeholder="optional", id="alias", select_on_focus=True, compact=True
        )

    def result(self) -> str:
        """The alias, checked."""
        return check_alias(self.query_one("#alias", Input).value)
