"""Guided writing: one question at a time, each answer kept the moment it is written."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, VerticalScroll
from textual.widgets import Button, Static, TextArea

from companion.domain.reasons import VOICES, all_prompts, first_of_set, prompt_at
from companion.ui.dialogs import after_typing
from companion.ui.keybar import KeyBar
from companion.ui.safety import Page

SAVE_AFTER_SECONDS = 0.6
"""Quiet time after typing before the answer is saved."""


@dataclass(frozen=True)
class Keeping:
    """Where guided writing keeps what the person does, the moment they do it."""

    answer: Callable[[int, str], object]
    """``answer(step, text)`` keeps an answer as a reason (an emptied one is removed)."""
    step: Callable[[int], object]
    """Remembers the step the person moved to (past the end once finished)."""
    voice: Callable[[str], object]
    """Remembers the way of writing chosen (a key of VOICES)."""


class GuidedScreen(Page[None]):
    """A prompt, a note before the harder themes, a box for the answer, and a way out."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+s", "next", "Next", priority=True),
        Binding("ctrl+o", "skip", "Skip", priority=True),
        Binding("ctrl+t", "voice", "Voice", priority=True),
        Binding("escape", "stop", "Stop for now"),
    ]
    AUTO_FOCUS = "#answer"

    def __init__(self, step: int, keeping: Keeping, voice: str = "i") -> None:
        """Start at ``step``, writing in ``voice``; ``keeping`` saves what the person does.

        Its functions are called directly rather than through messages so that the last
        words typed are saved even while the app is closing (a message would arrive
        after the data folder had been let go).
        """
        super().__init__()
        self.step = step
        self.keeping = keeping
        self.voice = voice
        self._pending = False
        self._kept = ""
        self._text = ""

    def compose(self) -> ComposeResult:
        """Theme, note, prompt, answer, buttons."""
        with VerticalScroll(id="guided") as body:
            body.can_focus = False
            yield Static("", id="guided-progress")
            yield Static("", id="guided-theme")
            yield Static("", id="guided-note")
            yield Static("", id="guided-prompt")
            yield Static("", id="guided-voice")
            yield TextArea("", id="answer", soft_wrap=True)
            yield Static(
                Text("Saved as you write. Nothing is ever sent anywhere.", style="dim"),
                id="guided-saved",
            )
            with Horizontal(id="guided-buttons"):
                yield Button("Next", variant="primary", id="next", compact=True)
                yield Button("Skip", id="skip", compact=True)
                yield Button("Stop for now", id="stop", compact=True)
        yield KeyBar()

    def on_mount(self) -> None:
        """Show the first prompt."""
        self._show()

    def _show(self) -> None:
        """Show the prompt at the current step, or the closing words."""
        found = prompt_at(self.step)
        total = len(all_prompts())
        area = self.query_one("#answer", TextArea)
        if found is None:
            self.query_one("#guided-progress", Static).update("")
            self.query_one("#guided-theme", Static).update("That's every question.")
            self.query_one("#guided-note", Static).update(
                "Your answers are in the Reasons pane. You can edit, pin or remove any "
                "of them, and come back to this whenever you like."
            )
            self.query_one("#guided-prompt", Static).update("")
            self.query_one("#guided-voice", Static).update("")
            area.display = False
            self.query_one("#next", Button).label = "Done"
            self.query_one("#skip", Button).display = False
            return
        prompt_set, prompt = found
        self.query_one("#guided-progress", Static).update(
            Text(f"Question {self.step + 1} of {total}", style="dim")
        )
        self.query_one("#guided-theme", Static).update(prompt_set.title)
        note = self.query_one("#guided-note", Static)
        note.display = bool(prompt_set.note) and first_of_set(self.step)
        note.update(prompt_set.note)
        self.query_one("#guided-prompt", Static).update(prompt.question)
        self.query_one("#guided-voice", Static).update(
            Text(VOICES[self.voice] + "   (ctrl+t to change)", style="dim")
        )
        area.display = True
        area.load_text("")
        self.set_focus(area)

    @on(TextArea.Changed, "#answer")
    def _typed(self, event: TextArea.Changed) -> None:
        """Save shortly after the typing pauses."""
        self._text = event.text_area.text
        if not self._pending:
            self._pending = True
            self.set_timer(SAVE_AFTER_SECONDS, self._save_now)

    def _save_now(self) -> None:
        """Keep the answer so far (if it changed since last kept)."""
        self._pending = False
        if prompt_at(self.step) is None:
            return
        if self._text != self._kept:
            self._kept = self._text
            self.keeping.answer(self.step, self._text)

    def on_unmount(self) -> None:
        """Closing (even the whole app): keep the last words typed."""
        self._save_now()

    def _go(self, step: int) -> None:
        """Save what is typed, then move to ``step``."""
        self._save_now()
        self.step = step
        self._kept = self._text = ""
        self.keeping.step(step)
        self._show()

    def action_next(self) -> None:
        """Keep the answer and go on (or close at the end), after every key typed so far."""
        after_typing(self, self._next)

    def _next(self) -> None:
        """Go on."""
        if prompt_at(self.step) is None:
            if self.app.screen is self:
                self.dismiss(None)
            return
        self._go(self.step + 1)

    def action_skip(self) -> None:
        """Leave this one; anything already typed stays saved."""
        after_typing(self, self._skip)

    def _skip(self) -> None:
        """Skip."""
        if prompt_at(self.step) is not None:
            self._go(self.step + 1)

    def action_voice(self) -> None:
        """Change the way of writing: as yourself, to yourself, or by name."""
        keys = list(VOICES)
        self.voice = keys[(keys.index(self.voice) + 1) % len(keys)]
        self._show_voice()
        self.keeping.voice(self.voice)

    def _show_voice(self) -> None:
        """Show the chosen voice."""
        self.query_one("#guided-voice", Static).update(
            Text(VOICES[self.voice] + "   (ctrl+t to change)", style="dim")
        )

    def action_stop(self) -> None:
        """Stop here; the place is remembered and every answer is kept."""
        self._save_now()
        self.dismiss(None)

    @on(Button.Pressed)
    def _pressed(self, event: Button.Pressed) -> None:
        """The three buttons."""
        {"next": self.action_next, "skip": self.action_skip, "stop": self.action_stop}[
            str(event.button.id)
        ]()
