"""The unlock screen of a sealed folder: a neutral prompt for the passphrase, with where
to turn (``!`` while the field is empty, or ctrl+g) and quick hide, none of which needs
the data. A wrong passphrase writes nothing; after a few, each try waits a little longer,
never more than half a minute, so no one is ever locked out of their own data."""

from __future__ import annotations

from pathlib import Path
from typing import ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.timer import Timer
from textual.widgets import Input, Static

from companion.store import seal
from companion.store.problems import StoreError
from companion.ui.keybar import KeyBar
from companion.ui.standalone import StandaloneApp, where_to_turn

FREE_TRIES = 3
"""Wrong tries answered at once; after them each waits longer (see ``wait_after``)."""
LONGEST_WAIT = 30
"""The longest wait between two tries, in seconds."""


def wait_after(wrong: int) -> int:
    """Seconds to wait before the next try after ``wrong`` wrong ones in a row."""
    if wrong < FREE_TRIES:
        return 0
    return int(min(LONGEST_WAIT, 2 ** (wrong - FREE_TRIES + 1)))


class PassphraseField(Input):
    """The passphrase, never shown; ``!`` on an empty field is left to the screen (where
    to turn), and typed as any other character once something is."""

    def check_consume_key(self, key: str, character: str | None) -> bool:
        """Every printable key but a first ``!``."""
        if character == "!" and not self.value:
            return False
        return super().check_consume_key(key, character)


class WhereToTurn(ModalScreen[None]):
    """The emergency and crisis numbers, over the unlock prompt."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "close", "Back"),
        Binding("q", "close", "Back", show=False),
    ]

    def compose(self) -> ComposeResult:
        """The numbers, then the way back."""
        with VerticalScroll(id="unlock-crisis", can_focus=False):
            yield Static("If you need someone now", id="unlock-crisis-title")
            yield Static(where_to_turn())
        yield KeyBar(show_command_palette=False)

    def action_close(self) -> None:
        """Back to the prompt."""
        self.dismiss(None)


class UnlockApp(StandaloneApp[bool | None]):
    """Asks for the passphrase of the sealed folder at ``root``; returns True once its
    keys are held (see ``seal.unlock_folder``), None when the person quits."""

    CSS = """
    Screen { align: center middle; background: $background; }
    #unlock { width: 60; max-width: 100%; height: auto; padding: 1 2; border: round $primary; }
    #unlock-message { color: $text-muted; margin-top: 1; height: auto; }
    #unlock-message.-problem { color: $warning; }
    #unlock-crisis { padding: 1 2; background: $background; }
    #unlock-crisis-title { text-style: bold; color: $warning; }
    """
    AUTO_FOCUS = "#passphrase"
    BINDINGS: ClassVar[list[BindingType]] = [
        *StandaloneApp.BINDINGS,
        Binding("ctrl+g", "where_to_turn", "Crisis", priority=True),
        Binding(  # said on the screen: it works while the field is empty
            "exclamation_mark", "crisis_key", "Crisis", key_display="!", priority=True, show=False
        ),
        Binding("escape", "quit_here", "Quit"),
    ]

    def __init__(self, root: Path) -> None:
        """Unlock the folder at ``root``."""
        super().__init__()
        self.root = root
        self.wrong = 0
        self._waiting: Timer | None = None
        self._wait_left = 0

    def compose(self) -> ComposeResult:
        """The prompt, and a line for what happened."""
        with Vertical(id="unlock"):
            yield Static("Passphrase")
            yield PassphraseField(
                password=True, id="passphrase", placeholder="type it here", compact=True
            )
            yield Static(
                "Enter to open. ! (with the field empty) for where to turn, ctrl+l to hide.",
                id="unlock-message",
            )
        yield KeyBar(show_command_palette=False)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """``!`` opens where to turn only while the field is empty (it may be part of a
        passphrase: then it is typed, as any other character); neither key opens the
        numbers twice."""
        if action in ("where_to_turn", "crisis_key") and isinstance(self.screen, WhereToTurn):
            return False
        if action == "crisis_key":
            return not self.query_one("#passphrase", Input).value
        return True

    def action_where_to_turn(self) -> None:
        """Show the numbers."""
        self.push_screen(WhereToTurn())

    def action_crisis_key(self) -> None:
        """``!`` on an empty field: the numbers."""
        self.action_where_to_turn()

    @on(Input.Submitted, "#passphrase")
    def _try(self, event: Input.Submitted) -> None:
        """Try the passphrase typed."""
        if self._waiting is not None or not event.value:
            return
        field = self.query_one("#passphrase", Input)
        try:
            seal.unlock_folder(self.root, event.value)
        except seal.WrongPassphrase as error:
            self.wrong += 1
            field.value = ""
            self._say(str(error), problem=True)
            self._wait(wait_after(self.wrong))
            return
        except StoreError as error:
            field.value = ""
            self._say(str(error), problem=True)
            return
        self.exit(True)

    def _say(self, words: str, *, problem: bool = False) -> None:
        """Show ``words`` under the field."""
        line = self.query_one("#unlock-message", Static)
        line.update(Text(words))
        line.set_class(problem, "-problem")

    def _wait(self, seconds: int) -> None:
        """Hold the next try back for ``seconds``, counting down."""
        if seconds <= 0:
            return
        self._wait_left = seconds
        self.query_one("#passphrase", Input).disabled = True
        self._tick()
        self._waiting = self.set_interval(1.0, self._tick)

    def _tick(self) -> None:
        """One second less to wait; the field opens again at zero."""
        if self._wait_left <= 0:
            if self._waiting is not None:
                self._waiting.stop()
                self._waiting = None
            field = self.query_one("#passphrase", Input)
            field.disabled = False
            field.focus()
            self._say("Try again when you are ready.")
            return
        self._say(
            "That passphrase does not open your data. Nothing was changed. "
            f"You can try again in {self._wait_left} seconds.",
            problem=True,
        )
        self._wait_left -= 1

    def action_quit_here(self) -> None:
        """Leave without unlocking."""
        self.exit(None)
