"""Dialogs around an urge session: how long it lasts, how it went, what set it off, a skill."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import ClassVar, TypeVar

from rich.text import Text
from textual import events, on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.widgets import Input, Label, OptionList, Static
from textual.widgets.option_list import Option

from companion.domain.errors import ValidationError
from companion.domain.fields import check_note
from companion.domain.history import with_alias
from companion.domain.profile import URGE_MINUTES
from companion.domain.urge import OUTCOMES, TRIGGERS, UrgeSession
from companion.domain.urge_guidance import Skill
from companion.ui.dialogs import Dialog
from companion.ui.field import Field
from companion.ui.keybar import KeyBar
from companion.ui.safety import Modal
from companion.ui.text import typed
from companion.urge.wave import Wave

T = TypeVar("T")


class UrgeLengthDialog(Dialog[int]):
    """How long an urge session lasts unless another length is picked."""

    TITLE = "Length of an urge session"

    def __init__(self, minutes: int) -> None:
        """Open with the current length."""
        super().__init__()
        self.minutes = minutes

    def body(self) -> ComposeResult:
        """One number."""
        low, high = URGE_MINUTES
        yield Label(
            f"Minutes, from {low} to {high}. Many people find 20 a good start; "
            "you can always add more with + during a session."
        )
        yield Field(
            str(self.minutes), id="minutes", select_on_focus=True, compact=True, type="integer"
        )

    def result(self) -> int:
        """The minutes, checked."""
        text = self.query_one("#minutes", Input).value.strip()
        low, high = URGE_MINUTES
        if not text.isdigit() or not low <= int(text) <= high:
            raise ValidationError(f"Please give a whole number of minutes from {low} to {high}.")
        return int(text)


@dataclass(frozen=True)
class Ending:
    """How the person closed the session."""

    outcome: str
    """A key of OUTCOMES."""
    helped: str
    """What helped, in their words (may be empty)."""


class UrgeEndDialog(Modal[Ending | None]):
    """The wave of the session, then how it went: one key for each outcome."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "cancel", "Keep going")]
    AUTO_FOCUS = "#outcomes"

    def __init__(self, session: UrgeSession, now: datetime, alias: str) -> None:
        """Close ``session`` as of ``now``; ``alias`` names the person they left, if set."""
        super().__init__()
        self.session = session
        self.now = now
        self.alias = alias

    def compose(self) -> ComposeResult:
        """The wave, a short summary, the outcomes and an optional note."""
        session = self.session
        with Vertical(classes="dialog urge-end") as box:
            box.border_title = "How did it go?"
            yield Static(
                f"It started at {session.first}, was highest at {session.peak.value}, "
                f"and is {session.last} now. You stayed with it.",
                classes="dialog-note",
            )
            yield Wave("", id="end-wave")
            yield Label("How did it end? Press 1 to 4 (tab to add what helped first)")
            yield OptionList(
                *(
                    Option(typed(f"{index}  {with_alias(label, self.alias)}"), id=key)
                    for index, (key, label) in enumerate(OUTCOMES.items(), start=1)
                ),
                id="outcomes",
                compact=True,
            )
            yield Label("What helped? (optional)")
            yield Field(placeholder="optional", id="helped", compact=True)
        yield KeyBar()

    def on_mount(self) -> None:
        """Draw the wave across the dialog."""
        wave = self.query_one(Wave)
        wave.show(self.session.wave(self.now, 60), self.session.elapsed(self.now))

    def on_key(self, event: events.Key) -> None:
        """1 to 4 choose the outcome (digits typed into the note stay in the note)."""
        if event.character is not None and event.character in "1234":
            event.stop()
            self._finish(list(OUTCOMES)[int(event.character) - 1])

    @on(OptionList.OptionSelected, "#outcomes")
    def _selected(self, event: OptionList.OptionSelected) -> None:
        """Enter on an outcome."""
        if event.option.id is not None:
            self._finish(event.option.id)

    @on(Input.Submitted, "#helped")
    def _helped_done(self) -> None:
        """Enter in the note moves back to the outcomes."""
        self.set_focus(self.query_one("#outcomes", OptionList))

    def _finish(self, outcome: str) -> None:
        """Close with ``outcome`` and whatever was written about what helped."""
        self.dismiss(Ending(outcome, check_note(self.query_one("#helped", Input).value)))

    def action_cancel(self) -> None:
        """Back to the session; nothing closes."""
        self.dismiss(None)


class TriggerDialog(Modal[str | None]):
    """What set it off: pick one, or escape to skip."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "cancel", "Skip")]

    def compose(self) -> ComposeResult:
        """The usual triggers as a list."""
        with Vertical(classes="dialog") as box:
            box.border_title = "What set it off? (optional)"
            yield OptionList(*(Option(typed(t), id=str(i)) for i, t in enumerate(TRIGGERS)))
        yield KeyBar()

    @on(OptionList.OptionSelected)
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        """Return the chosen trigger."""
        self.dismiss(TRIGGERS[event.option_index])

    def action_cancel(self) -> None:
        """Skip the question."""
        self.dismiss(None)


class SkillDialog(Modal[None]):
    """One skill, in a few lines, with its caution when it has one."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "close", "Back")]

    def __init__(self, skill: Skill) -> None:
        """Show ``skill``."""
        super().__init__()
        self.skill = skill

    def compose(self) -> ComposeResult:
        """Title, steps, caution."""
        with Vertical(classes="dialog skill") as box:
            box.border_title = self.skill.title
            yield Static(self.skill.text, classes="dialog-body")
            if self.skill.caution:
                yield Static(Text("Please note: " + self.skill.caution), classes="caution")
            yield Static(Text("You can skip this. Press escape to go back.", style="dim"))
        yield KeyBar()

    def on_key(self, event: events.Key) -> None:
        """Any key but the global ones closes the card."""
        if event.key not in ("ctrl+l", "ctrl+g", "exclamation_mark"):
            event.stop()
            self.dismiss(None)

    def action_close(self) -> None:
        """Back to the session."""
        self.dismiss(None)
