"""Noting a little win."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, datetime

from textual.app import ComposeResult
from textual.widgets import Input, Label

from companion.domain.dates import parse_day
from companion.domain.wins import Win, check_win
from companion.ui.dialogs import DayDialog
from companion.ui.field import Field


@dataclass(frozen=True)
class WinDraft:
    """The little-win dialog's fields."""

    when: str = "today"
    text: str = ""

    @classmethod
    def of(cls, win: Win | None) -> WinDraft:
        """The fields for ``win``, or empty ones for a new win."""
        return cls() if win is None else cls(win.on.isoformat(), win.text)

    def applied(self, win: Win | None, today: date, now: datetime) -> Win:
        """``win`` changed to these fields, or a new win from them."""
        on_day = parse_day(self.when, today)
        if win is None:
            return Win(on_day, self.text, now)
        return replace(win, on=on_day, text=self.text)


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
