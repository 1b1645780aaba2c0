"""The counter's dialogs: the day No Contact began, and a slip."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, datetime
from typing import TypeVar

from textual import on
from textual.app import ComposeResult
from textual.widgets import Input, Label, Select, Static, TextArea

from companion.domain.dates import parse_day
from companion.domain.fields import check_note
from companion.domain.history import SLIP_KINDS, Slip, slip_label
from companion.ui.dialogs import DatePreview, DayDialog, Dialog
from companion.ui.field import Field
from companion.ui.text import typed

T = TypeVar("T")


class StartDateDialog(Dialog[date]):
    """Ask for the day No Contact began, with a live preview of the day understood."""

    TITLE = "When did No Contact begin?"

    def __init__(self, today: date, initial: str = "") -> None:
        """Start with ``initial`` typed in, reading dates relative to ``today``."""
        super().__init__()
        self.today = today
        self.initial = initial

    def body(self) -> ComposeResult:
        """A date field and its preview."""
        yield Label("The day of your last contact, or the day you decided. A guess is fine.")
        yield Field(
            self.initial,
            placeholder="yesterday, 17 Oct, 3 weeks ago…",
            id="date",
            select_on_focus=True,
            compact=True,
        )
        yield DatePreview("", id="preview")

    def on_mount(self) -> None:
        """Show the preview for what is already typed."""
        self.query_one(DatePreview).show_optional(self.initial, self.today)

    @on(Input.Changed, "#date")
    def _changed(self, event: Input.Changed) -> None:
        """Update the preview as the person types."""
        self.query_one(DatePreview).show_optional(event.value, self.today)
        self.show_error("")

    def draft_now(self) -> str:
        """The day as typed."""
        return self.query_one("#date", Input).value

    def result(self) -> date:
        """The day typed, or a ValidationError."""
        return parse_day(self.draft_now(), self.today)


@dataclass(frozen=True)
class SlipDraft:
    """What the slip dialog collects: enough to log, or to reopen with nothing lost."""

    when: str = "today"
    """The day as typed."""
    kind: str = "messaged"
    """A key of SLIP_KINDS."""
    note: str = ""
    """The note as typed."""
    new_stretch: bool = True
    """False for a brief exception that resets nothing."""

    @classmethod
    def of(cls, slip: Slip) -> SlipDraft:
        """The fields for ``slip``, to change it."""
        return cls(slip.on.isoformat(), slip.kind, slip.note, slip.new_stretch)

    def applied(self, slip: Slip | None, today: date, now: datetime) -> Slip:
        """``slip`` changed to these fields, or a new slip logged ``now``."""
        made = Slip(
            on=parse_day(self.when, today),
            kind=self.kind,
            logged_at=now,
            note=self.note,
            new_stretch=self.new_stretch,
        )
        if slip is not None:
            made = replace(made, logged_at=slip.logged_at, id=slip.id)
        return made


STRETCH_CHOICES = (
    ("Start a new stretch (every earlier day still counts)", True),
    ("A brief exception: no reset", False),
)
"""What a slip does to the count, as offered in the slip dialog."""


class SlipDialog(DayDialog[SlipDraft]):
    """Log that contact happened: when, what kind, and an optional note."""

    TITLE = "Contact happened"
    LOG_LABEL = "Log it"

    def __init__(
        self, today: date, alias: str, draft: SlipDraft | None = None, editing: bool = False
    ) -> None:
        """Open with ``draft`` filled in; ``alias`` names the person they left, if set."""
        super().__init__(today, draft or SlipDraft(), editing)
        self.alias = alias

    def body(self) -> ComposeResult:
        """When, what kind of contact, and a note."""
        if not self.editing:
            yield Static(
                "Thank you for writing this down honestly. Every day before it still counts.",
                classes="dialog-note",
            )
        yield from self.day_field("When?", self.draft.when)
        yield Label("What happened?")
        options = [(typed(slip_label(key, self.alias)), key) for key in SLIP_KINDS]
        yield Select(options, value=self.draft.kind, allow_blank=False, id="kind", compact=True)
        yield Label("And the count?")
        yield Select(
            STRETCH_CHOICES,
            value=self.draft.new_stretch,
            allow_blank=False,
            id="stretch",
            compact=True,
        )
        yield Label("Anything you want to remember about it (optional)")
        yield TextArea(
            self.draft.note, id="note", soft_wrap=True, show_line_numbers=False, compact=True
        )

    def draft_now(self) -> SlipDraft:
        """Everything typed so far, valid or not."""
        kind = self.query_one("#kind", Select).value
        return SlipDraft(
            when=self.query_one("#when", Input).value,
            kind=kind if isinstance(kind, str) else "other",
            note=self.query_one("#note", TextArea).text,
            new_stretch=self.query_one("#stretch", Select).value is not False,
        )

    def result(self) -> SlipDraft:
        """The draft, once its date reads and its note fits."""
        draft = self.draft_now()
        parse_day(draft.when, self.today)
        check_note(draft.note)
        return draft
