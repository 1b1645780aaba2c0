"""Dialogs: each reads straight down, returns a value, and never touches storage."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any, ClassVar, Generic, TypeVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import Button, Input, Label, Static

from companion.domain.dates import format_day, parse_day
from companion.domain.errors import ValidationError
from companion.ui.field import Field
from companion.ui.keybar import KeyBar
from companion.ui.safety import Modal
from companion.ui.text import typed

T = TypeVar("T")


def after_typing(screen: Screen[Any], callback: Callable[[], object]) -> None:
    """Run ``callback`` after the focused widget has handled every key already sent to it.

    For the same reason, focus moved in answer to a key uses ``Screen.set_focus``
    (immediate), never ``Widget.focus`` (deferred): the next key must reach the new field.
    """
    target: Widget = screen.focused or screen
    target.call_later(callback)


class Dialog(Modal[T | None], Generic[T]):
    """A modal with a title: ``ctrl+s`` (or enter in a one-line field) saves, ``escape`` cancels."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Cancel"),
        Binding("ctrl+s", "save", "Save", priority=True),
    ]
    AUTO_FOCUS = "Input, TextArea"
    TITLE = ""
    """Shown on the dialog's border."""
    problem = ""
    """Why the last save could not be kept, shown when the dialog opens again."""
    refused: Any = None
    """The draft that save refused: the problem stays until something in it changes."""

    def refused_before(self, problem: str, draft: Any) -> None:
        """Open showing why ``draft`` (what the dialog opens with) could not be saved."""
        self.problem = problem
        self.refused = draft

    def compose(self) -> ComposeResult:
        """The body inside a framed box, with Save and Cancel buttons."""
        with Vertical(classes="dialog") as box:
            box.border_title = Text(self.heading())
            with VerticalScroll(classes="dialog-body") as body:
                body.can_focus = False
                yield from self.body()
            yield Static(Text(self.problem), classes="dialog-error")
            with Horizontal(classes="dialog-buttons"):
                yield Button(self.save_label(), variant="primary", id="save", compact=True)
                yield Button("Cancel", id="cancel", compact=True)
        yield KeyBar()

    def heading(self) -> str:
        """The words on the dialog's border."""
        return self.TITLE

    def body(self) -> ComposeResult:
        """The fields of the dialog."""
        yield from ()

    def save_label(self) -> str:
        """The word on the Save button."""
        return "Save"

    def result(self) -> T:
        """The value to return, or raise ValidationError with a message to show."""
        raise NotImplementedError

    def draft_now(self) -> Any:
        """Everything in the dialog now, valid or not, to reopen it with nothing lost."""
        return self.result()

    def show_error(self, message: str) -> None:
        """Show a problem in plain words inside the dialog, once: a problem its date
        field already shows beside the field is not said again under it."""
        if not message and self.problem and self._as_refused():
            return  # the fields filling in as the dialog opens change nothing
        if any(message and preview.problem == message for preview in self.query(DatePreview)):
            message = ""
        self.query_one(".dialog-error", Static).update(Text(message))

    def _as_refused(self) -> bool:
        """True while everything in the dialog is as it was when the save was refused."""
        try:
            return bool(self.draft_now() == self.refused)
        except ValidationError:
            return False

    def action_save(self) -> None:
        """Save once every key already typed has reached its field.

        ``ctrl+s`` is handled as soon as it arrives, while letters typed just before
        it may still be queued for the focused field; queueing the save behind them
        means a quick ctrl+s never cuts the text short.
        """
        after_typing(self, self._save)

    def _save(self) -> None:
        """Return the value, or say what needs changing and keep everything typed."""
        try:
            value = self.result()
        except ValidationError as error:
            self.show_error(str(error))
            return
        if self.app.screen is self:  # a second ctrl+s arriving with the first closes nothing
            self.dismiss(value)

    def action_cancel(self) -> None:
        """Close without returning anything."""
        self.dismiss(None)

    @on(Button.Pressed, "#save")
    def _save_pressed(self) -> None:
        """The Save button."""
        self.action_save()

    @on(Button.Pressed, "#cancel")
    def _cancel_pressed(self) -> None:
        """The Cancel button."""
        self.action_cancel()

    @on(Input.Submitted)
    def _submitted(self) -> None:
        """Enter in a one-line field saves."""
        self.action_save()


class DatePreview(Static):
    """Shows, as the person types, the day that will be saved, or why it can't be."""

    problem = ""
    """The problem shown now, or empty when the day reads."""

    def show(self, text: str, today: date) -> date | None:
        """Read ``text`` and show the result; return the day when it is usable."""
        try:
            day = parse_day(text, today)
        except ValidationError as error:
            self.show_problem(str(error))
            return None
        self.show_words(format_day(day))
        return day

    def show_optional(self, text: str, today: date) -> date | None:
        """Like :meth:`show`, but an empty field shows nothing (the date is optional)."""
        if text.strip():
            return self.show(text, today)
        self.show_words("")
        return None

    def show_problem(self, message: str) -> None:
        """Say why the day can't be read."""
        self.problem = message
        self.set_class(True, "-problem")
        self.update(Text(message))

    def show_words(self, words: str) -> None:
        """Show the day understood, in words (nothing when ``words`` is empty)."""
        self.problem = ""
        self.set_class(False, "-problem")
        self.update(Text(f"→ {words}" if words else ""))


class DayDialog(Dialog[T], Generic[T]):
    """A dialog that opens on a draft and asks when something happened: the field
    ``#when``, previewed against today as it is typed."""

    LOG_LABEL = "Save"
    """The save button's word for something new (editing always says Save)."""

    def __init__(self, today: date, draft: T, editing: bool = False) -> None:
        """Open with ``draft``; ``editing`` changes something saved before."""
        super().__init__()
        self.today = today
        self.draft = draft
        self.editing = editing

    def day_field(self, label: str, value: str) -> ComposeResult:
        """The label, the "when" field and its preview."""
        yield Label(label)
        yield Field(value, id="when", compact=True, select_on_focus=value == "today")
        yield DatePreview("", id="preview")

    def save_label(self) -> str:
        """New things may be logged; saved ones are saved."""
        return "Save" if self.editing else self.LOG_LABEL

    def on_mount(self) -> None:
        """Preview the day already typed."""
        self.query_one(DatePreview).show(self.query_one("#when", Input).value, self.today)

    @on(Input.Changed, "#when")
    def _when_changed(self, event: Input.Changed) -> None:
        """Preview the day as it is typed."""
        self.query_one(DatePreview).show(event.value, self.today)
        self.show_error("")


class ConfirmDialog(Modal[bool | None]):
    """A gentle two-way question; escape answers None (neither)."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "dismiss_none", "Not now"),
        Binding("y", "answer(True)", "Yes", show=False),
        Binding("n", "answer(False)", "No", show=False),
    ]

    def __init__(self, title: str, question: str | Text, yes: str, no: str = "Not now") -> None:
        """Ask ``question``; the buttons say ``yes`` and ``no``."""
        super().__init__()
        self.title_text = title
        self.question = question
        self.yes = yes
        self.no = no

    def compose(self) -> ComposeResult:
        """The question and two buttons."""
        with Vertical(classes="dialog confirm") as box:
            box.border_title = self.title_text
            yield Static(self.question, classes="dialog-body")
            with Horizontal(classes="dialog-buttons"):
                yield Button(self.yes, variant="primary", id="yes", compact=True)
                yield Button(self.no, id="no", compact=True)
        yield KeyBar()

    def action_answer(self, answer: bool) -> None:
        """Close with the answer."""
        self.dismiss(answer)

    def action_dismiss_none(self) -> None:
        """Close without choosing either."""
        self.dismiss(None)

    @on(Button.Pressed)
    def _pressed(self, event: Button.Pressed) -> None:
        """Either button."""
        self.dismiss(event.button.id == "yes")


class NoticeDialog(Modal[None]):
    """Something the person needs to know, in plain words, with one button."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "close", "Close")]

    def __init__(self, title: str, message: str) -> None:
        """Show ``message`` under ``title``."""
        super().__init__()
        self.title_text = title
        self.message = message

    def compose(self) -> ComposeResult:
        """The message and an OK button."""
        with Vertical(classes="dialog notice") as box:
            box.border_title = self.title_text
            with VerticalScroll(classes="dialog-body") as body:
                body.can_focus = False
                yield Static(typed(self.message))
            with Horizontal(classes="dialog-buttons"):
                yield Button("OK", variant="primary", id="ok", compact=True)
        yield KeyBar()

    def action_close(self) -> None:
        """Close the notice."""
        self.dismiss(None)

    @on(Button.Pressed)
    def _pressed(self, _event: Any) -> None:
        """The OK button."""
        self.dismiss(None)
