"""Logging a time they reached out: when, how, what was said, how it felt."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, datetime

from textual import on
from textual.app import ComposeResult
from textual.widgets import Checkbox, Input, Label, Select, TextArea

from companion.domain.dates import parse_day
from companion.domain.fields import check_note
from companion.domain.hoovers import CHANNELS, Hoover
from companion.ui.dialogs import DayDialog
from companion.ui.field import Field
from companion.ui.tick import Tick


@dataclass(frozen=True)
class HooverDraft:
    """Everything in the dialog, kept whole if a save fails."""

    when: str = "today"
    channel: str = "text"
    via: str = ""
    said: str = ""
    felt: str = ""
    unsafe: bool = False
    answered: bool = False

    @classmethod
    def of(cls, entry: Hoover | None) -> HooverDraft:
        """The fields for ``entry``, or empty ones for a new entry."""
        if entry is None:
            return cls()
        return cls(
            entry.on.isoformat(),
            entry.channel,
            entry.via,
            entry.said,
            entry.felt,
            entry.unsafe,
            entry.answered,
        )

    def applied(self, entry: Hoover | None, today: date, now: datetime) -> Hoover:
        """``entry`` changed to these fields, or a new entry logged ``now``."""
        made = Hoover(
            on=parse_day(self.when, today),
            channel=self.channel,
            logged_at=now,
            via=self.via if self.channel == "someone" else "",
            said=self.said,
            felt=self.felt,
            unsafe=self.unsafe,
            answered=self.answered,
        )
        if entry is not None:
            made = replace(made, logged_at=entry.logged_at, id=entry.id)
        return made


class HooverDialog(DayDialog[HooverDraft]):
    """They reached out. Logging it never counts against you."""

    TITLE = "They reached out"
    LOG_LABEL = "Log it"

    def __init__(self, today: date, draft: HooverDraft, them: str, editing: bool = False) -> None:
        """Open with ``draft``; ``them`` is the alias or "them"."""
        super().__init__(today, draft, editing)
        self.them = them

    def heading(self) -> str:
        """Name them by the alias, if there is one."""
        return f"{self.them[0].upper()}{self.them[1:]} reached out"

    def body(self) -> ComposeResult:
        """When, how, through whom, what, how it felt, safety, answered."""
        yield from self.day_field("When", self.draft.when)
        yield Label("How")
        options = [(label, key) for key, label in CHANNELS.items()]
        yield Select(
            options, value=self.draft.channel, allow_blank=False, id="channel", compact=True
        )
        yield Field(self.draft.via, placeholder="through whom?", id="via", compact=True)
        yield Label("What was said (optional)")
        yield TextArea(self.draft.said, id="said", soft_wrap=True, compact=True)
        yield Label("How it felt (optional, just for you)")
        yield Field(self.draft.felt, id="felt", compact=True)
        yield Tick("This made me feel unsafe", self.draft.unsafe, id="unsafe", compact=True)
        yield Tick("I answered", self.draft.answered, id="answered", compact=True)

    def on_mount(self) -> None:
        """Show "through whom" only when it came through someone (DayDialog previews the day)."""
        self._show_via()

    @on(Select.Changed, "#channel")
    def _channel_changed(self) -> None:
        """Reveal "through whom"."""
        self._show_via()

    def _show_via(self) -> None:
        """The "through whom" field, only for messages passed on by someone."""
        self.query_one("#via", Input).display = (
            self.query_one("#channel", Select).value == "someone"
        )

    def draft_now(self) -> HooverDraft:
        """Everything typed now, valid or not."""
        channel = self.query_one("#channel", Select).value
        return HooverDraft(
            when=self.query_one("#when", Input).value,
            channel=channel if isinstance(channel, str) else "text",
            via=self.query_one("#via", Input).value,
            said=self.query_one("#said", TextArea).text,
            felt=self.query_one("#felt", Input).value,
            unsafe=self.query_one("#unsafe", Checkbox).value,
            answered=self.query_one("#answered", Checkbox).value,
        )

    def result(self) -> HooverDraft:
        """The draft, checked."""
        draft = self.draft_now()
        parse_day(draft.when, self.today)
        check_note(draft.said)
        check_note(draft.felt)
        return draft
