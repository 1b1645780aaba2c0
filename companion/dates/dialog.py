"""Noting a date that matters, and a plan for it."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, datetime

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.widgets import Checkbox, Input, Label, Static, TextArea

from companion.domain.errors import ValidationError
from companion.domain.fields import check_note
from companion.domain.marked_dates import MarkedDate, check_date_name, parse_month_day, when_words
from companion.ui.dialogs import DatePreview, Dialog
from companion.ui.field import Field
from companion.ui.tick import Tick


@dataclass(frozen=True)
class DateDraft:
    """The date dialog's fields."""

    name: str = ""
    when: str = ""
    every_year: bool = True
    plan: str = ""

    @classmethod
    def of(cls, marked: MarkedDate | None) -> DateDraft:
        """The fields for ``marked``, or empty ones for a new date."""
        if marked is None:
            return cls()
        when = f"{marked.day} {date(2000, marked.month, 1):%b}"
        if marked.year is not None:
            when = f"{when} {marked.year}"
        return cls(marked.name, when, marked.every_year, marked.plan)


@dataclass(frozen=True)
class DateValues:
    """What the date dialog returns once everything reads."""

    name: str
    month: int
    day: int
    year: int | None
    plan: str

    def applied(self, marked: MarkedDate | None, now: datetime) -> MarkedDate:
        """``marked`` changed to these values, or a new date noted ``now``."""
        if marked is None:
            return MarkedDate(
                name=self.name,
                month=self.month,
                day=self.day,
                logged_at=now,
                year=self.year,
                plan=self.plan,
            )
        return replace(
            marked, name=self.name, month=self.month, day=self.day, year=self.year, plan=self.plan
        )


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
        yield Tick("Every year", self.draft.every_year, id="every-year", compact=True)
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
