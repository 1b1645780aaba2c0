"""The passphrase's dialogs: choosing one (typed twice, never shown), giving the current
one to change or remove it, the minutes before locking, and the settings screen."""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.widgets import Button, Input, Label, Static

from companion.domain.errors import ValidationError
from companion.domain.profile import LOCK_MINUTES
from companion.ui.dialogs import Dialog
from companion.ui.field import Field
from companion.ui.keybar import KeyBar
from companion.ui.safety import Modal

SHORTEST = 8
"""The fewest characters a new passphrase may have."""

WHAT_IT_DOES = (
    "A passphrase seals everything companion keeps: your data, its backups and anything "
    "kept after a problem. Without it, someone who opens your files, even on your own "
    "login, sees nothing readable. It does not protect you from someone who can make you "
    "unlock it, from spyware, or from someone with administrator access to this computer."
)
FORGOTTEN = (
    "If you forget it, no one can open your data again, not even you: there is no reset. "
    "A few words only you would put together are easier to remember than a short, "
    "complicated one."
)


@dataclass(frozen=True)
class Passphrases:
    """What a passphrase dialog returns: the current one and the new one (either may be
    empty when the dialog does not ask for it)."""

    current: str = ""
    new: str = ""
    again: str = ""


def secret(field_id: str, value: str = "") -> Field:
    """A one-line field whose letters are never shown."""
    return Field(value, password=True, id=field_id, placeholder="type it here", compact=True)


class PassphraseDialog(Dialog[Passphrases]):
    """Set, change or remove: the current passphrase when there is one, the new one typed
    twice when one is being chosen."""

    def __init__(
        self, draft: Passphrases, *, current: bool, new: bool, title: str, save: str
    ) -> None:
        """Ask for the ``current`` passphrase, a ``new`` one, or both (filled in with
        ``draft``, when it opens again after a refusal)."""
        super().__init__()
        self.draft = draft
        self.asks_current = current
        self.asks_new = new
        self._title = title
        self._save_label = save

    def heading(self) -> str:
        """What the dialog is for."""
        return self._title

    def save_label(self) -> str:
        """The button's word."""
        return self._save_label

    def body(self) -> ComposeResult:
        """The honest note, then the fields."""
        if self.asks_new:
            yield Static(Text(WHAT_IT_DOES), classes="passphrase-note")
            yield Static(Text(FORGOTTEN), classes="passphrase-note")
        if self.asks_current:
            yield Label("Your passphrase now")
            yield secret("current", self.draft.current)
        if self.asks_new:
            yield Label(f"A new passphrase (at least {SHORTEST} characters)")
            yield secret("new", self.draft.new)
            yield Label("The same again")
            yield secret("again", self.draft.again)

    def _value(self, field_id: str) -> str:
        """What one of the fields holds."""
        return self.query_one(f"#{field_id}", Input).value

    def draft_now(self) -> Passphrases:
        """Everything typed, valid or not (kept in memory only)."""
        return Passphrases(
            self._value("current") if self.asks_current else "",
            self._value("new") if self.asks_new else "",
            self._value("again") if self.asks_new else "",
        )

    def result(self) -> Passphrases:
        """The passphrases, checked: the current one given, the new one long enough and
        typed the same twice."""
        current = self._value("current") if self.asks_current else ""
        if self.asks_current and not current:
            raise ValidationError("Please type your passphrase as it is now.")
        new = ""
        if self.asks_new:
            new = self._value("new")
            if len(new) < SHORTEST:
                raise ValidationError(
                    f"Please use at least {SHORTEST} characters; this one has {len(new)}."
                )
            if new.strip() != new:
                raise ValidationError("The passphrase starts or ends with a space; remove it.")
            if self._value("again") != new:
                raise ValidationError("The two new passphrases are not the same. Try again.")
        return Passphrases(current, new, new)


class LockAfterDialog(Dialog[int]):
    """The minutes without a key before the app locks itself (0: never)."""

    TITLE = "Lock when idle"

    def __init__(self, minutes: int) -> None:
        """Open on the minutes chosen now."""
        super().__init__()
        self.minutes = minutes

    def body(self) -> ComposeResult:
        """One number."""
        yield Label(
            "With a passphrase, companion locks itself after this many minutes without a "
            "key or a click, and asks for it again. 0 means never."
        )
        yield Field(str(self.minutes), id="minutes", select_on_focus=True, compact=True)

    def result(self) -> int:
        """The minutes, checked."""
        text = self.query_one("#minutes", Input).value.strip()
        low, high = LOCK_MINUTES
        if not text.isdigit() or not low <= int(text) <= high:
            raise ValidationError(f"Please give a whole number of minutes, from 0 to {high}.")
        return int(text)


CHOICES = {
    "set": "Set a passphrase",
    "change": "Change the passphrase",
    "remove": "Remove the passphrase",
    "lock": "Lock now",
    "idle": "Lock when idle",
}
"""The settings screen's buttons, by what they do."""


class PassphraseSettings(Modal[str | None]):
    """Where the passphrase stands, and what can be done with it."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "close", "Close")]

    def __init__(self, sealed: bool, minutes: int) -> None:
        """Show the state of a folder ``sealed`` or not, locking after ``minutes``."""
        super().__init__()
        self.sealed = sealed
        self.minutes = minutes

    def compose(self) -> ComposeResult:
        """The state in words, then the buttons that apply."""
        if self.sealed:
            idle = (
                f"It locks itself after {self.minutes} minutes without a key."
                if self.minutes
                else "It never locks itself; Lock now locks it."
            )
            state = f"Your data is sealed with a passphrase. {idle}"
            offered: tuple[str, ...] = ("change", "remove", "lock", "idle")
        else:
            state = "Your data is kept as plain files: anyone who opens them can read them."
            offered = ("set", "idle")
        with Vertical(classes="dialog notice") as box:
            box.border_title = "Passphrase and locking"
            yield Static(Text(state), classes="dialog-body")
            with Vertical(classes="passphrase-choices"):
                for choice in offered:
                    yield Button(CHOICES[choice], id=f"passphrase-{choice}", compact=True)
        yield KeyBar()

    @on(Button.Pressed)
    def _chosen(self, event: Button.Pressed) -> None:
        """A choice: the flow does it."""
        self.dismiss((event.button.id or "").removeprefix("passphrase-") or None)

    def action_close(self) -> None:
        """Close without choosing."""
        self.dismiss(None)
