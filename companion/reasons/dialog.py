"""Writing or editing one reason."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, datetime

from textual import events, on
from textual.app import ComposeResult
from textual.content import Content
from textual.message import Message
from textual.widgets import Checkbox, Input, Label, Select, TextArea

from companion.domain.dates import parse_day
from companion.domain.reasons import (
    CATEGORIES,
    SUMMARY_LIMIT,
    Reason,
    check_category,
    check_summary,
    check_text,
)
from companion.ui.dialogs import DatePreview, Dialog
from companion.ui.field import Field
from companion.ui.tick import Tick

OWN = "__own__"
"""The Select value for "a kind of my own"."""


@dataclass(frozen=True)
class ReasonDraft:
    """Everything the dialog holds, so nothing typed is lost if saving fails."""

    text: str = ""
    """The reason."""
    summary: str = ""
    """The optional one-line gist."""
    category: str = "happened"
    """A CATEGORIES key or the person's own kind."""
    incident: str = ""
    """The date it happened, as typed (may be empty)."""
    pinned: bool = False
    """Pinned to the top."""

    @classmethod
    def of(cls, reason: Reason | None) -> ReasonDraft:
        """The fields for ``reason``, or empty ones for a new reason."""
        if reason is None:
            return cls()
        incident = reason.incident.isoformat() if reason.incident else ""
        return cls(reason.text, reason.summary, reason.category, incident, reason.pinned)


@dataclass(frozen=True)
class ReasonValues:
    """A checked draft, ready to save."""

    text: str
    summary: str
    category: str
    incident: date | None
    pinned: bool

    def applied(self, reason: Reason | None, now: datetime, position: int) -> Reason:
        """``reason`` changed to these values (edited ``now``), or a new reason written
        ``now`` at ``position`` in the person's order."""
        if reason is None:
            return Reason(
                text=self.text,
                summary=self.summary,
                category=self.category,
                incident=self.incident,
                pinned=self.pinned,
                created_at=now,
                position=position,
            )
        return replace(
            reason,
            text=self.text,
            summary=self.summary,
            category=self.category,
            incident=self.incident,
            pinned=self.pinned,
            edited_at=now,
        )


def summary_label(summary: str) -> Content:
    """The short line's label, with how many of its characters are used."""
    used = len(summary.strip())
    if used > SUMMARY_LIMIT:
        count = (f"{used:,} of {SUMMARY_LIMIT} characters: shorten it to save", "bold $warning")
    else:
        count = (f"{used} of {SUMMARY_LIMIT} characters", "dim")
    return Content.assemble("One line to read in a hurry (optional) · ", count)


class SummaryInput(Field):
    """The short line; a paste that will not fit it is handed to the dialog whole."""

    @dataclass
    class LongPaste(Message):
        """A paste with more lines, or more characters, than the short line holds."""

        text: str
        """Everything pasted."""

    def _on_paste(self, event: events.Paste) -> None:
        """A paste that fits goes in as usual (Input's own handler runs next); one that
        does not is passed on whole, and nothing is pasted here."""
        text = event.text
        room = SUMMARY_LIMIT - len(self.value) + len(self.selected_text)
        if len(text.strip().splitlines()) > 1 or len(text.strip()) > room:
            event.prevent_default()
            event.stop()
            self.post_message(self.LongPaste(text))


class ReasonDialog(Dialog[ReasonValues]):
    """The reason itself, then optional details."""

    def __init__(self, today: date, draft: ReasonDraft, editing: bool) -> None:
        """Open with ``draft``; ``today`` bounds the incident date."""
        super().__init__()
        self.today = today
        self.draft = draft
        self.editing = editing

    def heading(self) -> str:
        """New or editing."""
        return "Edit a reason" if self.editing else "A reason I left"

    def body(self) -> ComposeResult:
        """Text, summary, kind, date, pin."""
        own = self.draft.category not in CATEGORIES
        yield Label("In your own words (any length)")
        yield TextArea(self.draft.text, id="text", soft_wrap=True, compact=True)
        yield Label(summary_label(self.draft.summary), id="summary-label")
        yield SummaryInput(self.draft.summary, id="summary", compact=True)
        yield Label("What kind of reason")
        options = [(name, key) for key, name in CATEGORIES.items()] + [("My own kind…", OWN)]
        yield Select(
            options,
            value=OWN if own else self.draft.category,
            allow_blank=False,
            id="category",
            compact=True,
        )
        yield Field(
            self.draft.category if own else "",
            placeholder="name your own kind",
            id="own-category",
            compact=True,
        )
        yield Label("When it happened (optional)")
        yield Field(
            self.draft.incident, placeholder="for example 17 Oct 2024", id="incident", compact=True
        )
        yield DatePreview("", id="preview")
        yield Tick("Pin to the top", self.draft.pinned, id="pinned", compact=True)

    def on_mount(self) -> None:
        """Show the own-kind field only when it is chosen."""
        self._show_own()
        self.query_one(DatePreview).show_optional(self.draft.incident, self.today)

    @on(Select.Changed, "#category")
    def _category_changed(self) -> None:
        """Reveal the own-kind field."""
        self._show_own()

    def _show_own(self) -> None:
        """The own-kind field is shown only for "my own kind"."""
        own = self.query_one("#category", Select).value == OWN
        self.query_one("#own-category", Input).display = own

    @on(Input.Changed, "#summary")
    def _summary_changed(self, event: Input.Changed) -> None:
        """Count the short line's characters as they are typed."""
        self.query_one("#summary-label", Label).update(summary_label(event.value))

    @on(SummaryInput.LongPaste)
    def _long_paste(self, event: SummaryInput.LongPaste) -> None:
        """A paste too long for the short line goes, whole, into the reason itself."""
        area = self.query_one("#text", TextArea)
        before = area.text.rstrip("\n")
        area.load_text(f"{before}\n\n{event.text}" if before.strip() else event.text)
        self.show_error(
            "That paste was longer than the short line holds, so all of it went into "
            "your own words above. You can write a short line here if you like."
        )

    @on(Input.Changed, "#incident")
    def _incident_changed(self, event: Input.Changed) -> None:
        """Preview the date as it is typed."""
        self.query_one(DatePreview).show_optional(event.value, self.today)
        self.show_error("")

    def draft_now(self) -> ReasonDraft:
        """Everything typed so far, valid or not."""
        choice = self.query_one("#category", Select).value
        category = self.query_one("#own-category", Input).value if choice == OWN else str(choice)
        return ReasonDraft(
            text=self.query_one("#text", TextArea).text,
            summary=self.query_one("#summary", Input).value,
            category=category,
            incident=self.query_one("#incident", Input).value,
            pinned=self.query_one("#pinned", Checkbox).value,
        )

    def result(self) -> ReasonValues:
        """The draft, checked."""
        draft = self.draft_now()
        return ReasonValues(
            text=check_text(draft.text),
            summary=check_summary(draft.summary),
            category=check_category(draft.category),
            incident=parse_day(draft.incident, self.today) if draft.incident.strip() else None,
            pinned=draft.pinned,
        )
