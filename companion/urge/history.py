"""Every urge session, and the person's own figures once there are enough."""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.widgets import DataTable, Footer, Static

from companion.domain.dates import format_moment, plural
from companion.domain.history import with_alias
from companion.domain.urge import OUTCOMES, UrgeSession, clock_text
from companion.domain.urge_figures import FIGURES_FROM, Figures
from companion.ui.safety import Page
from companion.ui.text import one_line, visible

COLUMNS = (
    "Started",
    "Length",
    "First",
    "Highest",
    "Last",
    "How it ended",
    "What set it off",
    "What helped",
)
"""The table's columns."""


def figures_text(figures: Figures | None, closed: int = 0) -> str:
    """The person's own urge curve in a sentence or two, once there are enough sessions.

    A minute figure below one would read "about 0 minutes", so it is said in words.
    """
    if figures is None:
        so_far = f" (you have closed {closed} so far)" if closed else ""
        return (
            f"After {FIGURES_FROM} closed sessions{so_far}, your own figures appear here: "
            "when the pull tends to be strongest, and how long it takes to ease."
        )
    text = f"Across your {figures.sessions} sessions, the pull was usually "
    peak = round(figures.median_peak_minute)
    if peak < 1:
        text += "at its strongest right at the start."
    else:
        text += f"strongest about {plural(peak, 'minute')} in."
    if figures.median_half_minute is not None:
        half = round(figures.median_half_minute)
        when = "within the first minute" if half < 1 else f"by about {plural(half, 'minute')}"
        text += (
            f" In {figures.fell_to_half} of them it fell to half its peak or less, usually {when}."
        )
    return text


class UrgeHistoryScreen(Page[None]):
    """A table of sessions, newest first."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "close", "Back")]

    def __init__(
        self, sessions: tuple[UrgeSession, ...], figures: Figures | None, alias: str = ""
    ) -> None:
        """Show ``sessions`` and ``figures``; ``alias`` names the person they left."""
        super().__init__()
        self.sessions = sessions
        self.closed = sum(1 for s in sessions if not s.running)
        self.figures = figures
        self.alias = alias

    def compose(self) -> ComposeResult:
        """Heading, figures, table."""
        yield Static("Your urge sessions, newest first", id="history-title")
        yield Static(figures_text(self.figures, self.closed), id="history-figures")
        yield DataTable(cursor_type="row", zebra_stripes=True, id="history-table")
        yield Footer()

    def on_mount(self) -> None:
        """Fill the table, newest first."""
        table = self.query_one(DataTable)
        rows = []
        for s in sorted(self.sessions, key=lambda s: s.started_at, reverse=True):
            length = "running" if s.running else clock_text(s.elapsed(s.started_at))
            if s.ended_at is not None:
                length = clock_text(s.ended_at - s.started_at)
            rows.append(
                (
                    format_moment(s.started_at),
                    length,
                    str(s.first),
                    str(s.peak.value),
                    str(s.last),
                    "still open" if s.running else with_alias(OUTCOMES[s.outcome], self.alias),
                    visible(one_line(s.trigger, 30)),
                    visible(one_line(s.helped, 40)),
                )
            )
        for index, title in enumerate(COLUMNS):
            table.add_column(title, width=max([len(title), *(len(r[index]) for r in rows)]))
        for row in rows:
            table.add_row(*(Text(cell) for cell in row))
        if not rows:
            self.query_one("#history-figures", Static).update(
                "No sessions yet. When the pull rises, press u."
            )

    def action_close(self) -> None:
        """Back."""
        self.dismiss(None)
