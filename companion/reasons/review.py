"""Reading the reasons one at a time, then a gentle step to steady the mood."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, VerticalScroll
from textual.widgets import Static

from companion.clock import Clock
from companion.domain.dates import format_day
from companion.domain.reasons import REVIEW_FIRST, Reason, category_label
from companion.domain.urge_guidance import breath_at
from companion.ui.keybar import KeyBar
from companion.ui.meter import Meter
from companion.ui.redraw import update
from companion.ui.safety import Page
from companion.ui.text import typed


@dataclass(frozen=True)
class ReviewSteps:
    """What the review does beyond showing the reasons: the reasons feature's flows."""

    helped: Callable[[Reason], object]
    """Counts one more time ``reason`` helped."""
    breathe: Callable[[], object]
    """The breathing pacer."""
    safe_person: Callable[[], object]
    """The person's crisis contacts."""


class ReviewScreen(Page[None]):
    """One reason at a time; after a few, an offer to read more or to steady yourself."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("space", "next", "Next"),
        Binding("y", "helped", "This helped"),
        Binding("m", "more", "Show more", show=False),
        Binding("b", "breathe", "Breathe", show=False),
        Binding("s", "safe_person", "A safe person", show=False),
        Binding("escape", "leave", "Leave"),
    ]
    HELP = """\
## Reading your reasons

One at a time. **space** shows the next, **y** marks one that helped (those come
first next time), **escape** leaves whenever you want.
"""

    def __init__(self, reasons: list[Reason], urge_running: bool, steps: ReviewSteps) -> None:
        """Read ``reasons`` in this order; mention the urge session if one is running.

        ``steps`` does what the person asks beyond reading.
        """
        super().__init__()
        self.reasons = reasons
        self.urge_running = urge_running
        self.steps = steps
        self.index = 0
        self.until = min(REVIEW_FIRST, len(reasons))
        self.marked: set[str] = set()

    def compose(self) -> ComposeResult:
        """Progress, the reason, and a quiet line of guidance."""
        with VerticalScroll(id="review") as body:
            body.can_focus = False
            yield Static("", id="review-progress")
            yield Static("", id="review-text")
            yield Static("", id="review-meta")
            yield Static("", id="review-hint")
        yield KeyBar()

    def on_mount(self) -> None:
        """Show the first reason."""
        self._show()

    def _show(self) -> None:
        """The current reason, or the closing card."""
        progress = self.query_one("#review-progress", Static)
        text = self.query_one("#review-text", Static)
        meta = self.query_one("#review-meta", Static)
        hint = self.query_one("#review-hint", Static)
        if not self.reasons:
            progress.update("")
            text.update(
                "You haven't written any reasons yet. In the Reasons pane, a adds one "
                "and g guides you with one question at a time."
            )
            meta.update("")
            hint.update(Text("escape goes back.", style="dim"))
            return
        if self.index >= self.until:
            self._closing_card()
            return
        reason = self.reasons[self.index]
        progress.update(Text(self._progress(), style="dim"))
        text.update(typed(reason.summary or reason.text))
        details = category_label(reason.category)
        if reason.incident is not None:
            details += f" · {format_day(reason.incident)}"
        if reason.id in self.marked:
            details += " · marked as helping"
        meta.update(typed(details, style="dim"))
        hint.update(
            Text(
                "Read it as you would read a friend's words about their own life. "
                "space: next · y: this helped · escape: leave",
                style="dim",
            )
        )

    def _progress(self) -> str:
        """Which reason this is, of all of them, and why they come a few at a time."""
        words = f"Your reasons · {self.index + 1} of {len(self.reasons)}"
        if len(self.reasons) > REVIEW_FIRST:
            words += f" · a pause to steady yourself after every {REVIEW_FIRST}"
        return words

    def _closing_card(self) -> None:
        """After the reasons: more, or a step to steady the mood."""
        more = len(self.reasons) > self.until
        self.query_one("#review-progress", Static).update("")
        self.query_one("#review-text", Static).update(
            "Reading these can stir things up. It might help to steady yourself now."
        )
        options = Text()
        options.append(" b ", style="bold reverse")
        options.append(" breathe for a minute\n")
        options.append(" s ", style="bold reverse")
        options.append(" reach a safe person\n")
        if self.urge_running:
            options.append(" escape ", style="bold reverse")
            options.append(" back to your urge session\n")
        else:
            options.append(" escape ", style="bold reverse")
            options.append(" back to where you were\n")
        if more:
            options.append(" m ", style="bold reverse")
            options.append(f" show more ({len(self.reasons) - self.until} left)\n")
        self.query_one("#review-meta", Static).update(options)
        self.query_one("#review-hint", Static).update("")

    def action_next(self) -> None:
        """The next reason."""
        if self.index < self.until:
            self.index += 1
            self._show()

    def action_more(self) -> None:
        """Three more (or the rest)."""
        if self.index >= self.until and self.until < len(self.reasons):
            self.until = min(self.until + REVIEW_FIRST, len(self.reasons))
            self._show()

    def action_helped(self) -> None:
        """Mark the current reason as one that helped."""
        if self.index < self.until and self.reasons:
            reason = self.reasons[self.index]
            if reason.id not in self.marked:
                self.marked.add(reason.id)
                self.steps.helped(reason)
                self._show()

    def action_breathe(self) -> None:
        """The breathing pacer (from the closing card)."""
        if self.index >= self.until:
            self.steps.breathe()

    def action_safe_person(self) -> None:
        """Crisis contacts (from the closing card)."""
        if self.index >= self.until:
            self.steps.safe_person()

    def action_leave(self) -> None:
        """Back to where the person was."""
        self.dismiss(None)


class BreatheScreen(Page[None]):
    """A breathing pacer on its own: in for four, out for six."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "leave", "Done")]

    def __init__(self, clock: Clock) -> None:
        """Pace from now, on ``clock``."""
        super().__init__()
        self.clock = clock
        self.started: datetime = clock.now()

    def compose(self) -> ComposeResult:
        """The words and the bar."""
        with VerticalScroll(id="breathe") as body:
            body.can_focus = False
            yield Static("Breathe with the bar: in for four, out for six.", id="breathe-title")
            with Horizontal(id="breathe-row"):
                yield Static("", id="breathe-word")
                yield Meter()
            yield Static(Text("escape when you are ready.", style="dim"))
        yield KeyBar()

    def on_mount(self) -> None:
        """Keep the bar moving."""
        self.set_interval(0.1, self._tick)
        self._tick()

    def _tick(self) -> None:
        """Move the bar (the words change only when the breath turns)."""
        breath = breath_at(self.clock.now() - self.started)
        update(
            self.query_one("#breathe-word", Static),
            "Breathe in" if breath.breathing_in else "Breathe out",
        )
        self.query_one(Meter).share = breath.fullness

    def action_leave(self) -> None:
        """Back."""
        self.dismiss(None)
