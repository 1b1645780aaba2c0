"""The Urge surfing pane: how many urges were ridden out, and a key to start one."""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Vertical
from textual.widgets import Sparkline, Static

from companion.domain.urge_figures import PEAKS_FROM
from companion.features import keys
from companion.ui.context import Context, DataChanged
from companion.urge import flows


class UrgePane(Vertical, can_focus=True):
    """Idle: the counts and recent waves. Running: how to get back to the session."""

    BINDINGS: ClassVar[list[BindingType]] = [*keys("urge")]
    HELP = """\
## Urge surfing

When the pull to contact them rises, press **u** (from anywhere) and a number
for how strong it is. A timer starts at once, with a breathing pacer and a few
gentle steps. It doesn't make the urge go away; it helps you stay with it
without acting on it.

**v** shows every session, and once you have five, your own figures: when your
urges tend to be strongest and how long they take to ease.
"""

    def __init__(self, ctx: Context, *, id: str, classes: str = "") -> None:
        """A pane that reads and changes the data through ``ctx``."""
        super().__init__(id=id, classes=classes)
        self.ctx = ctx

    def compose(self) -> ComposeResult:
        """Counts, the sparkline and the hint."""
        yield Static("", id="urge-hint")
        yield Static("", id="urge-counts")
        yield Sparkline([], id="urge-sparkline")
        yield Static("", id="urge-sparkline-label")

    def on_mount(self) -> None:
        """Give the pane its title, show the sessions, and show them again on each change."""
        self.border_title = "2 Urge surfing"
        self.ctx.listen(self, self._changed)
        self._draw()

    def _changed(self, change: DataChanged) -> None:
        """A session started, changed or ended, or a new day began (the week's count
        moves on): show the figures again."""
        if change.about(flows.KIND, "day"):
            self._draw()

    def _draw(self) -> None:
        """The hint for the running session (if any) and the counts over closed ones."""
        running = self.ctx.running_urge
        stats = self.ctx.repository.urge_stats(self.ctx.clock.now())
        hint = self.query_one("#urge-hint", Static)
        if running is not None:
            started = running.started_at.astimezone().strftime("%H:%M")
            hint.update(
                Text.assemble(
                    f"A session is running (started {started}). Press ",
                    ("u", "bold"),
                    " to go back to it.",
                )
            )
        else:
            hint.update(
                Text.assemble(
                    "When the pull to reach out rises, press ",
                    ("u", "bold"),
                    " and a number from 0 to 9.",
                )
            )
        counts = self.query_one("#urge-counts", Static)
        line = self.query_one("#urge-sparkline", Sparkline)
        label = self.query_one("#urge-sparkline-label", Static)
        closed = stats.closed
        counts.display = closed > 0 or running is None
        if closed == 0:
            counts.update(Text("No sessions yet.", style="dim"))
            line.display = label.display = False
            return
        words = f"Sessions closed: {closed}"
        if stats.this_week:
            words += f" ({stats.this_week} in 7 days)"
        if stats.not_contacted:
            words += f"\nEnded without reaching out: {stats.not_contacted}"
        counts.update(words)
        peaks = len(stats.recent_peaks)
        line.display = label.display = peaks >= PEAKS_FROM
        line.data = [float(v) for v in stats.recent_peaks]
        label.update(Text(f"Peak of your last {peaks} sessions", style="dim"))
