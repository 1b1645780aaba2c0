"""Every urge session, and the person's own figures once there are enough."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.widgets import Static
from textual.worker import get_current_worker

from companion.domain.dates import format_moment, plural
from companion.domain.history import with_alias
from companion.domain.urge import OUTCOMES, UrgeSession, clock_text
from companion.domain.urge_figures import FIGURES_FROM, Figures
from companion.store.durable import collector_paused
from companion.ui.keybar import KeyBar
from companion.ui.long_table import LongTable
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


HISTORY_GROUP = "history"
"""The worker group that reads the sessions in the background."""

ROWS_AT_ONCE = 500
"""Rows handed to the table in one go, so a year of them never holds the screen still."""


def row(session: UrgeSession, alias: str) -> tuple[str, ...]:
    """One session as the table's cells."""
    s = session
    length = "running" if s.running else clock_text(s.elapsed(s.started_at))
    if s.ended_at is not None:
        length = clock_text(s.ended_at - s.started_at)
    return (
        format_moment(s.started_at),
        length,
        str(s.first),
        str(s.peak.value),
        str(s.last),
        "still open" if s.running else with_alias(OUTCOMES[s.outcome], alias),
        visible(one_line(s.trigger, 30)),
        visible(one_line(s.helped, 40)),
    )


class UrgeHistoryScreen(Page[None]):
    """A table of sessions, newest first. The figures come from the running totals, so
    they show at once; the sessions are read a year at a time in the background, so the
    screen never waits for years of them."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "close", "Back")]

    def __init__(
        self,
        pages: Callable[[], Iterable[list[UrgeSession]]],
        figures: Figures | None,
        closed: int,
        alias: str = "",
    ) -> None:
        """Show the sessions ``pages`` gives and ``figures`` (over ``closed`` sessions);
        ``alias`` names the person they left."""
        super().__init__()
        self.pages = pages
        self.closed = closed
        self.figures = figures
        self.alias = alias
        self.shown = 0

    def compose(self) -> ComposeResult:
        """Heading, figures, table."""
        yield Static("Your urge sessions, newest first", id="history-title")
        yield Static(figures_text(self.figures, self.closed), id="history-figures")
        yield LongTable(COLUMNS, id="history-table")
        yield KeyBar()

    def on_mount(self) -> None:
        """Read the sessions in the background."""
        self.run_worker(self._read, thread=True, group=HISTORY_GROUP, exclusive=True)

    def _read(self) -> None:
        """Read the sessions a year at a time and hand each year's rows to the screen."""
        worker = get_current_worker()
        pages = iter(self.pages())
        while True:
            # A year makes many objects and no cycles: the cycle collector stays still
            # while it is read and turned into rows (a collection in the middle holds
            # the screen too), and the year's records are let go before it wakes.
            with collector_paused():
                page = next(pages, None)
                if page is None:
                    break
                rows = [row(session, self.alias) for session in page]
                del page
            # A few rows at a time, so the screen answers keys between them.
            for start in range(0, len(rows), ROWS_AT_ONCE):
                if worker.is_cancelled:
                    return
                self.app.call_from_thread(self._add, rows[start : start + ROWS_AT_ONCE])
        if not worker.is_cancelled:
            self.app.call_from_thread(self._done)

    def _add(self, rows: list[tuple[str, ...]]) -> None:
        """Add rows below those already shown."""
        if not self.is_attached:
            return
        self.query_one(LongTable).add_rows(rows)
        self.shown += len(rows)

    def _done(self) -> None:
        """Say so when there is nothing to show."""
        if self.is_attached and not self.shown:
            self.query_one("#history-figures", Static).update(
                "No sessions yet. When the pull rises, press u."
            )

    def action_close(self) -> None:
        """Back."""
        self.dismiss(None)
