"""Choosing a contact mode, and logging necessary contact."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, datetime

from textual import on
from textual.app import ComposeResult
from textual.widgets import Input, Label, Select, Static, TextArea

from companion.domain.dates import parse_day
from companion.domain.errors import ValidationError
from companion.domain.fields import check_note
from companion.domain.hoovers import CHANNELS
from companion.domain.modes import ABOUT_LIMIT, MODE_HELP, MODES, ModeChange, NecessaryContact
from companion.ui.dialogs import DayDialog
from companion.ui.field import Field


@dataclass(frozen=True)
class ModeDraft:
    """The mode dialog's fields, kept whole if a save fails."""

    mode: str = "none"
    since: str = "today"
    rules: str = ""

    @classmethod
    def of(cls, change: ModeChange) -> ModeDraft:
        """The fields for ``change``."""
        return cls(change.mode, change.since.isoformat(), change.rules)

    @classmethod
    def from_now(cls, in_force: ModeChange | None) -> ModeDraft:
        """A new choice, starting from the mode in force today (if one was chosen)."""
        return cls() if in_force is None else cls(in_force.mode, "today", in_force.rules)

    def applied(self, change: ModeChange | None, today: date, now: datetime) -> ModeChange:
        """``change`` corrected to these fields, or a new choice made ``now``."""
        since = parse_day(self.since, today)
        if change is None:
            return ModeChange(self.mode, since, now, self.rules)
        return replace(change, mode=self.mode, since=since, rules=self.rules)


class ModeDialog(DayDialog[ModeDraft]):
    """Choose No Contact, low contact, or unavoidable contact."""

    TITLE = "Your contact mode"
    AUTO_FOCUS = "#mode"

    def body(self) -> ComposeResult:
        """Mode, from when, and the person's own rules."""
        yield Static(
            "Choose what fits your life now. You can change it at any time.",
            classes="dialog-note",
        )
        yield Label("Mode")
        options = [(label, key) for key, label in MODES.items()]
        yield Select(options, value=self.draft.mode, allow_blank=False, id="mode", compact=True)
        yield Static(MODE_HELP[self.draft.mode], id="mode-help", classes="dialog-hint")
        yield from self.day_field("From", self.draft.since)
        yield Label("Your own rules for contact (optional)")
        yield TextArea(
            self.draft.rules,
            id="rules",
            soft_wrap=True,
            compact=True,
            placeholder="Only about the children. Email only. No replies after 8pm.",
        )

    @on(Select.Changed, "#mode")
    def _mode_changed(self, event: Select.Changed) -> None:
        """Say what the chosen mode means."""
        if isinstance(event.value, str) and event.value in MODE_HELP:
            self.query_one("#mode-help", Static).update(MODE_HELP[event.value])

    def draft_now(self) -> ModeDraft:
        """Everything chosen and typed now."""
        mode = self.query_one("#mode", Select).value
        return ModeDraft(
            mode=mode if isinstance(mode, str) else "none",
            since=self.query_one("#when", Input).value,
            rules=self.query_one("#rules", TextArea).text,
        )

    def result(self) -> ModeDraft:
        """The draft, once its day reads and its rules fit."""
        draft = self.draft_now()
        parse_day(draft.since, self.today)
        check_note(draft.rules)
        return draft


@dataclass(frozen=True)
class NecessaryDraft:
    """The necessary-contact dialog's fields."""

    when: str = "today"
    channel: str = "text"
    about: str = ""
    note: str = ""

    @classmethod
    def of(cls, contact: NecessaryContact | None) -> NecessaryDraft:
        """The fields for ``contact``, or empty ones for a new one."""
        if contact is None:
            return cls()
        return cls(contact.on.isoformat(), contact.channel, contact.about, contact.note)

    def applied(
        self, contact: NecessaryContact | None, today: date, now: datetime
    ) -> NecessaryContact:
        """``contact`` changed to these fields, or a new one logged ``now``."""
        on_day = parse_day(self.when, today)
        if contact is None:
            return NecessaryContact(on_day, self.channel, self.about, now, self.note)
        return replace(contact, on=on_day, channel=self.channel, about=self.about, note=self.note)


class NecessaryDialog(DayDialog[NecessaryDraft]):
    """Contact that was needed, such as arrangements for children; never a slip."""

    TITLE = "Necessary contact"
    LOG_LABEL = "Log it"
    AUTO_FOCUS = "#about"

    def body(self) -> ComposeResult:
        """When, how, what about, and a note."""
        if not self.editing:
            yield Static(
                "Contact within your own rules, such as arrangements for children, is "
                "kept here. It never counts as a slip.",
                classes="dialog-note",
            )
        yield from self.day_field("When", self.draft.when)
        yield Label("How")
        options = [(label, key) for key, label in CHANNELS.items()]
        yield Select(
            options, value=self.draft.channel, allow_blank=False, id="channel", compact=True
        )
        yield Label("What it was about")
        yield Field(
            self.draft.about,
            id="about",
            compact=True,
            placeholder="pick-up times, a form to sign…",
        )
        yield Label("Anything else to keep (optional)")
        yield TextArea(self.draft.note, id="note", soft_wrap=True, compact=True)

    def draft_now(self) -> NecessaryDraft:
        """Everything typed now."""
        channel = self.query_one("#channel", Select).value
        return NecessaryDraft(
            when=self.query_one("#when", Input).value,
            channel=channel if isinstance(channel, str) else "text",
            about=self.query_one("#about", Input).value,
            note=self.query_one("#note", TextArea).text,
        )

    def result(self) -> NecessaryDraft:
        """The draft, checked."""
        draft = self.draft_now()
        parse_day(draft.when, self.today)
        if not draft.about.strip():
            raise ValidationError("Say in a few words what it was about, such as pick-up times.")
        if len(draft.about.strip()) > ABOUT_LIMIT:
            raise ValidationError(
                f"What it was about can have up to {ABOUT_LIMIT} characters; this has "
                f"{len(draft.about.strip()):,}. Put the rest in the box below."
            )
        check_note(draft.note)
        return draft
