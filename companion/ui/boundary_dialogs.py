"""Dialogs around the boundaries: contact mode, necessary contact, little wins, dates."""

from __future__ import annotations

from dataclasses import dataclass

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.widgets import Checkbox, Input, Label, Select, Static, TextArea

from companion.domain.dates import parse_day
from companion.domain.errors import ValidationError
from companion.domain.history import check_note
from companion.domain.hoovers import CHANNELS
from companion.domain.marked_dates import check_date_name, parse_month_day, when_words
from companion.domain.modes import ABOUT_LIMIT, MODE_HELP, MODES
from companion.domain.wins import check_win
from companion.ui.dialogs import DatePreview, DayDialog, Dialog
from companion.ui.field import Field


@dataclass(frozen=True)
class ModeDraft:
    """The mode dialog's fields, kept whole if a save fails."""

    mode: str = "none"
    since: str = "today"
    rules: str = ""


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


@dataclass(frozen=True)
class DateDraft:
    """The date dialog's fields."""

    name: str = ""
    when: str = ""
    every_year: bool = True
    plan: str = ""


@dataclass(frozen=True)
class DateValues:
    """What the date dialog returns once everything reads."""

    name: str
    month: int
    day: int
    year: int | None
    plan: str


PLAN_PROMPTS = (
    "Who could be with you? What will you do if they reach out?",
    "What could you mute? What kind thing can you plan for you?",
)
"""Questions that help make a plan for a hard date."""


class MarkedDateDialog(Dialog[DateValues]):
    """A date that matters: a name, the day, every year or once, and a plan."""

    TITLE = "A date that matters"

    def __init__(self, draft: DateDraft, editing: bool = False, plan_first: bool = False) -> None:
        """Open with ``draft``; with ``plan_first``, the cursor starts in the plan."""
        super().__init__()
        self.draft = draft
        self.editing = editing
        self.plan_first = plan_first

    def body(self) -> ComposeResult:
        """Name, day, every year, plan."""
        yield Label("What is the day?")
        yield Field(
            self.draft.name,
            id="name",
            compact=True,
            placeholder="their birthday, our anniversary, the holidays…",
        )
        yield Label("When")
        yield Field(self.draft.when, id="when", compact=True, placeholder="14 Feb, 2027-01-10…")
        yield DatePreview("", id="when-preview")
        yield Checkbox("Every year", self.draft.every_year, id="every-year", compact=True)
        yield Label("Your plan for that day (optional)")
        yield Static(Text("\n".join(PLAN_PROMPTS)), classes="dialog-hint")
        yield TextArea(self.draft.plan, id="plan", soft_wrap=True, compact=True)

    def on_mount(self) -> None:
        """Preview the day already typed; start in the plan when that is why it opened."""
        self._preview()
        if self.plan_first:
            self.call_after_refresh(self.set_focus, self.query_one("#plan", TextArea))

    @on(Input.Changed, "#when")
    @on(Checkbox.Changed, "#every-year")
    def _changed(self) -> None:
        """Preview the day as it is typed."""
        self._preview()
        self.show_error("")

    def _preview(self) -> None:
        """Say which day will be kept, or why it can't be read."""
        preview = self.query_one("#when-preview", DatePreview)
        text = self.query_one("#when", Input).value
        if not text.strip():
            preview.show_words("")
            return
        try:
            words = self._when_words(text)
        except ValidationError as error:
            preview.show_problem(str(error))
            return
        preview.show_words(words)

    def _when_words(self, text: str) -> str:
        """The day understood, in words."""
        month, day, year = parse_month_day(text)
        every_year = self.query_one("#every-year", Checkbox).value
        return when_words(month, day, None if every_year else year)

    def draft_now(self) -> DateDraft:
        """Everything typed now."""
        return DateDraft(
            name=self.query_one("#name", Input).value,
            when=self.query_one("#when", Input).value,
            every_year=self.query_one("#every-year", Checkbox).value,
            plan=self.query_one("#plan", TextArea).text,
        )

    def result(self) -> DateValues:
        """The values, checked."""
        draft = self.draft_now()
        name = check_date_name(draft.name)
        month, day, year = parse_month_day(draft.when)
        if not draft.every_year and year is None:
            raise ValidationError(
                "A date that comes once needs its year, such as 10 Jan 2027. Or tick Every year."
            )
        check_note(draft.plan)
        return DateValues(name, month, day, None if draft.every_year else year, draft.plan)
