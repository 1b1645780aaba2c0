"""The Day counter pane: the current stretch, the next milestone and the running totals."""

from __future__ import annotations

from typing import ClassVar

from rich.cells import cell_len
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Horizontal, Vertical
from textual.reactive import reactive
from textual.widgets import Digits, Label, Static

from companion.domain.dates import format_day, months_and_days, plural, weeks_and_days
from companion.domain.history import Summary
from companion.domain.milestones import progress, reached_today
from companion.domain.modes import PANE_TITLES
from companion.features import QUIET_LINES, keys
from companion.ui.context import Context, DataChanged
from companion.ui.meter import Meter
from companion.ui.text import typed

SHOWS = (
    "day",
    "start",
    "slips",
    "hoovers",
    "modes",
    "necessary",
    "profile",
    *(kind for quiet in QUIET_LINES for kind in quiet.kinds),
)
"""The kinds of data the counter shows (its quiet line's too): a change to any redraws it."""

ROOMY_HEIGHT = 16
"""Pane height (rows) from which the history of stretches is shown too."""


RECENT_STRETCHES = 4
"""How many stretches the roomy pane lists."""


class DayCounter(Vertical, can_focus=True):
    """Shows how long this stretch of No Contact has lasted, and everything kept so far."""

    BINDINGS: ClassVar[list[BindingType]] = [*keys("day-counter")]
    HELP = """\
## No Contact day counter

The big number is how many days this stretch has lasted.

- **d** sets or corrects the day No Contact began.
- **s** logs that contact happened: a new stretch, or a brief exception.
  All your history stays. The day contact happened is not counted as a
  No Contact day; every day before it still counts.
- **l** shows every slip, to edit or remove one.
- **h** logs that they reached out, from anywhere; **v** lists those times.
- **m** chooses your mode: no contact, low contact, or contact that can't
  be avoided. **n** logs necessary contact, which is never a slip.
- **w** notes a little win, **W** lists them, **x** hides today's question.
- **t** shows the dates that matter, and your plans for them.
- **b** opens the blocking checklist.

Being contacted by them never counts against you.
"""

    summary: reactive[Summary | None] = reactive(None, always_update=True)
    """The figures to show; None before a start day is set."""
    not_answered: int = 0
    """Times they reached out and were not answered (set before ``summary``)."""
    them: str = "they"
    """The alias, or "they"."""
    mode: str = "none"
    """The contact mode in force today."""
    notice: tuple[str, str] = ("", "")
    """A quiet line (long and short forms): a date coming up, or the little-win question."""
    necessary: int = 0
    """Necessary contacts logged."""

    def __init__(self, ctx: Context, *, id: str, classes: str = "") -> None:
        """A pane that reads and changes the data through ``ctx``."""
        super().__init__(id=id, classes=classes)
        self.ctx = ctx

    def compose(self) -> ComposeResult:
        """The digits, the span in words, the milestone bar and the totals."""
        with Horizontal(id="count-row"):
            yield Digits("0", id="count")
            yield Label("", id="count-unit")
        yield Static("", id="since")
        yield Static("", id="months")
        yield Meter(id="milestone-bar")
        yield Static("", id="milestone")
        yield Static("", id="totals")
        yield Static("", id="reached-out")
        yield Static("", id="notice")
        yield Static("", id="details")
        yield Static("", id="empty")

    def on_mount(self) -> None:
        """Show today's figures, and show them again whenever what they count changes."""
        self.border_title = f"1 {PANE_TITLES[self.mode]}"
        self.ctx.listen(self, self._changed)
        self.show_figures()

    def _changed(self, change: DataChanged) -> None:
        """Anything counted here, or the day itself, changed."""
        if change.about(*SHOWS):
            self.show_figures()

    def show_figures(self) -> None:
        """Read every figure for today from the data."""
        repo, today = self.ctx.repository, self.ctx.today
        notice = next((n for q in QUIET_LINES if (n := q.line(self.ctx)) is not None), None)
        self.not_answered = repo.not_answered()
        self.them = repo.profile.they
        self.mode = repo.mode_today(today)
        self.notice = (notice.long, notice.short) if notice else ("", "")
        self.necessary = len(repo.necessary.all())
        self.summary = repo.history.summary(today)

    def on_resize(self) -> None:
        """With room to spare, show the history of stretches too."""
        self.set_class(self.size.height >= ROOMY_HEIGHT, "-roomy")
        # Lines that pick a long or a short form by the width are chosen again.
        self.watch_summary(self.summary)

    def watch_summary(self, summary: Summary | None) -> None:
        """Redraw every line from the figures."""
        self.border_title = f"1 {PANE_TITLES[self.mode]}"
        if not self.size.width:
            return  # lines are chosen by the width: the first resize draws them
        self.set_class(summary is None, "-empty")
        if summary is None:
            self.query_one("#empty", Static).update(
                Text.assemble(
                    "When did No Contact begin?\nPress ",
                    ("d", "bold"),
                    " to set the day. You can change it any time.",
                )
            )
            return
        current = summary.current
        days = current.days
        self.query_one("#count", Digits).update(str(days))
        unit = "of No Contact" if self.mode == "none" else "within your rules"
        self.query_one("#count-unit", Label).update(f"{'day' if days == 1 else 'days'}\n{unit}")
        since = "today" if days == 0 else f"{weeks_and_days(days)}"
        self.query_one("#since", Static).update(
            f"{since} since {format_day(current.start)}"
            if days
            else f"A new stretch, from {format_day(current.start)}"
        )
        reached_out = self.query_one("#reached-out", Static)
        reached_out.display = self.not_answered > 0
        times = f"reached out {plural(self.not_answered, 'time')}, not answered"
        line = f"{self.them[:1].upper()}{self.them[1:]} {times}"
        if cell_len(line) > self.content_size.width:  # a long name gives way to the meaning
            line = times[:1].upper() + times[1:]
        reached_out.update(typed(line))
        long_notice, short_notice = self.notice
        notice = self.query_one("#notice", Static)
        self.set_class(bool(long_notice), "-notice")
        fits = cell_len(long_notice) <= self.content_size.width
        notice.update(typed(long_notice if fits else short_notice))
        months = self.query_one("#months", Static)
        # At 80x24 the reached-out line takes the months line's place.
        months.display = days >= 31 and (self.not_answered == 0 or self.has_class("-roomy"))
        months.update(f"({months_and_days(current.start, summary.today)})")
        ahead = progress(current.start, days)
        self.query_one("#milestone-bar", Meter).share = ahead.fraction
        reached = reached_today(current.start, days)
        if reached is not None:
            milestone = f"{reached.name} today. Next: {ahead.next.name}"
        else:
            when = "tomorrow" if ahead.days_to_go == 1 else f"in {plural(ahead.days_to_go, 'day')}"
            milestone = f"Next: {ahead.next.name}, {when}"
        self.query_one("#milestone", Static).update(milestone)
        self.query_one("#totals", Static).update(
            f"Longest {plural(summary.longest_days, 'day')} · "
            f"Total {plural(summary.total_days, 'day')}"
        )
        self.query_one("#details", Static).update(details(summary, self.necessary))


def details(summary: Summary, necessary: int = 0) -> str:
    """When it all began, and the most recent stretches, for a roomy pane."""
    lines = [f"No Contact first began on {format_day(summary.started)}."]
    if necessary:
        lines.append(
            f"Necessary contact logged {plural(necessary, 'time')}, never counted as a slip."
        )
    if len(summary.stretches) > 1:
        logged = f"Slips logged: {summary.slips}"
        if summary.exceptions:
            logged += f" ({plural(summary.exceptions, 'brief exception')})"
        lines.append(f"{logged}. Recent stretches:")
        for stretch in reversed(summary.stretches[-RECENT_STRETCHES:]):
            if stretch.end is None:
                lines.append(f"  now  {plural(stretch.days, 'day')} so far")
            else:
                span = f"{format_day(stretch.start)} to {format_day(stretch.end)}"
                lines.append(f"  {plural(stretch.days, 'day')}, {span}")
    return "\n".join(lines)
