"""The blocking checklist's dialogs: the safety note, and a channel of the person's own."""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.widgets import Button, Input, Label, Static

from companion.domain.checklist import AFRAID, check_channel_name
from companion.ui.dialogs import Dialog
from companion.ui.field import Field
from companion.ui.keybar import KeyBar
from companion.ui.safety import Modal
from companion.ui.text import typed

NOTE = (
    "Leaving, and the time after it, can be when the risk is highest. If {who} has "
    "threatened, followed or controlled you, blocking everything at once can make things "
    "more dangerous: someone who expects to reach you may push harder in other ways.\n\n"
    "Filtering instead (muting, or moving their messages into a folder) keeps them out "
    "of sight and keeps them as evidence, in case you ever need a record for the police "
    "or a court. Deleted messages can't be brought back.\n\n"
    "An advocate, for example at a domestic abuse helpline, can help you plan what to "
    "change and when. Press ! for crisis contacts."
)
"""The safety note; {who} is the alias, or "the person you left"."""


class SafetyNoteDialog(Modal[str | None]):
    """Shown before the checklist the first time, and again with ``s``.

    Returns a key of AFRAID, or None when closed without an answer. "Not sure" is on
    ``m`` rather than ``s``, so pressing ``s`` twice to open it never answers it.
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("y", "answer('yes')", "Yes"),
        Binding("m", "answer('unsure')", "Not sure (maybe)"),
        Binding("n", "answer('no')", "No"),
        Binding("escape", "later", "Later"),
    ]

    def __init__(self, afraid: str, alias: str) -> None:
        """Open with the answer given before (empty for none); ``alias`` names the person."""
        super().__init__()
        self.afraid = afraid
        self.alias = alias

    def compose(self) -> ComposeResult:
        """The note, the question and three answers."""
        with Vertical(classes="dialog safety-note") as box:
            box.border_title = "Before you block anyone"
            with VerticalScroll(classes="dialog-body") as body:
                body.can_focus = False
                before, after = NOTE.split("{who}")
                who = typed(self.alias or "the person you left")
                yield Static(Text.assemble(before, who, after))
            question = Text("Are you afraid of how ", style="bold")
            question.append_text(typed(self.alias or "they", style="bold"))
            question.append(" might react?", style="bold")
            yield Static(question, id="afraid-question")
            later = "You can change your answer later with s."
            if self.afraid:
                later = f"Your answer so far: {AFRAID[self.afraid]}. " + later
            yield Static(later, id="afraid-later")
            with Horizontal(classes="dialog-buttons"):
                for key, label in AFRAID.items():
                    yield Button(label, id=key, compact=True)
        yield KeyBar()

    def on_mount(self) -> None:
        """Start on the answer given before, if there is one."""
        if self.afraid:
            self.set_focus(self.query_one(f"#{self.afraid}", Button))

    def action_answer(self, answer: str) -> None:
        """Close with an answer."""
        self.dismiss(answer)

    def action_later(self) -> None:
        """Close, keeping any earlier answer."""
        self.dismiss(None)

    @on(Button.Pressed)
    def _pressed(self, event: Button.Pressed) -> None:
        """One of the answers."""
        if event.button.id in AFRAID:
            self.dismiss(event.button.id)


class ChannelDialog(Dialog[str]):
    """A channel of the person's own: one line, up to 80 characters."""

    def __init__(self, draft: str, renaming: bool) -> None:
        """Open with ``draft`` typed in."""
        super().__init__()
        self.draft = draft
        self.renaming = renaming

    def heading(self) -> str:
        """New or renaming."""
        return "Rename your channel" if self.renaming else "A channel of your own"

    def body(self) -> ComposeResult:
        """One field."""
        yield Label(
            "Anywhere they, or news of them, could reach you: an app, a game, a number, a place."
        )
        yield Field(self.draft, id="channel-name", placeholder="for example Discord", compact=True)

    def result(self) -> str:
        """The name, checked."""
        return check_channel_name(self.query_one("#channel-name", Input).value)
