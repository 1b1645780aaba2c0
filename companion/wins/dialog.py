"""Noting a little win."""

from __future__ import annotations

from dataclasses import dataclass

from textual.app import ComposeResult
from textual.widgets import Input, Label

from companion.domain.dates import parse_day
from companion.domain.wins import check_win
from companion.ui.dialogs import DayDialog
from companion.ui.field import Field


@dataclass(frozen=True)
class WinDraft:
    """The little-win dialog's fields."""

    when: str = "today"
    text: str = ""


class WinDialog(DayDialog[WinDraft]):
    """One line about what went right."""

    TITLE = "A little win"

    def body(self) -> ComposeResult:
        """What went right, and when."""
        yield Label("What went right? Small things count.")
        yield Field(
            self.draft.text,
            id="text",
            compact=True,
            placeholder="I went for a walk. I didn't check their profile.",
        )
        yield from self.day_field("When", self.draft.when)

    def draft_now(self) -> WinDraft:
        """Everything typed now."""
        return WinDraft(
            when=self.query_one("#when", Input).value, text=self.query_one("#text", Input).value
        )

    def result(self) -> WinDraft:
        """The draft, checked."""
        draft = self.draft_now()
        check_win(draft.text)
        parse_day(draft.when, self.today)
        return draft
