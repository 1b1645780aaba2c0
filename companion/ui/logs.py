"""The lists around the boundaries: times they reached out, necessary contact, modes,
little wins and dates that matter. Each is a LogScreen."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import ClassVar

from companion.domain.dates import format_day
from companion.domain.history import newest_first
from companion.domain.hoovers import CHANNELS, Hoover
from companion.domain.marked_dates import MarkedDate, in_calendar_order
from companion.domain.modes import PANE_TITLES, ModeChange, NecessaryContact, latest_first
from companion.domain.wins import Win
from companion.ui.log_screen import LogScreen, Row
from companion.ui.text import one_line


class HooversScreen(LogScreen[Hoover]):
    """Every time they reached out, newest first, with a filter by way of reaching out."""

    COLUMNS: ClassVar[tuple[str, ...]] = ("Day", "How", "Answered", "What was said")
    WIDE = 3
    EMPTY = "Nothing logged yet. Press h whenever they reach out."
    FILTERS: ClassVar[dict[str, str]] = dict(CHANNELS)
    HELP = """\
## Times they reached out

Every time they reached out, newest first. Being contacted never counts
against you.

- **f** shows one way of reaching out at a time (calls, texts, …).
- **e** or **enter** edits, **delete** removes (**ctrl+z** puts it back).
- **a** or **h** logs another.
"""

    def __init__(self, hoovers: Sequence[Hoover], them: str) -> None:
        """List ``hoovers``; ``them`` is the alias or "they"."""
        self.them = them
        super().__init__(hoovers)

    def order(self, items: list[Hoover]) -> list[Hoover]:
        """Newest first."""
        return newest_first(items)

    def heading(self) -> str:
        """Name them by the alias when there is one."""
        return f"Times {self.them} reached out"

    def row(self, item: Hoover) -> Row:
        """Day, how (and through whom), the first line of what was said, answered."""
        how = f"Through {item.via}" if item.via else CHANNELS[item.channel]
        said = one_line(item.said, 200)
        if item.unsafe:
            said = f"(felt unsafe) {said}".strip()
        answered = "yes" if item.answered else "no"
        return Row(item.id, (format_day(item.on), one_line(how, 30), answered, said), item.channel)


class NecessaryScreen(LogScreen[NecessaryContact]):
    """Necessary contact, newest first."""

    HEADING = "Necessary contact: never counted as a slip"
    COLUMNS: ClassVar[tuple[str, ...]] = ("Day", "How", "What it was about")
    WIDE = 2
    EMPTY = "Nothing logged yet. Press a (or n on the day counter) to log necessary contact."
    FILTERS: ClassVar[dict[str, str]] = dict(CHANNELS)
    HELP = """\
## Necessary contact

Contact within your own rules, such as arrangements for children, work or
court. It never counts as a slip.

- **a** logs one, **e** or **enter** edits, **delete** removes (**ctrl+z** undoes).
- **f** shows one way at a time.
"""

    def order(self, items: list[NecessaryContact]) -> list[NecessaryContact]:
        """Newest first."""
        return newest_first(items)

    def row(self, item: NecessaryContact) -> Row:
        """Day, how, and what it was about."""
        cells = (format_day(item.on), CHANNELS[item.channel], item.about)
        return Row(item.id, cells, item.channel)


class ModesScreen(LogScreen[ModeChange]):
    """Every change of contact mode, newest first."""

    HEADING = "Your contact modes over time"
    COLUMNS: ClassVar[tuple[str, ...]] = ("From", "Mode", "Your rules")
    WIDE = 2
    EMPTY = "No mode chosen yet: you are in No Contact. Press a (or m) to choose one."
    HELP = """\
## Contact modes

Each mode you chose, and from when. Changing mode changes no figure and
keeps everything logged so far.

- **a** (or **m** on the day counter) chooses a mode from a day on.
- **e** edits one, **delete** removes one (**ctrl+z** undoes).
"""

    def order(self, items: list[ModeChange]) -> list[ModeChange]:
        """The latest first."""
        return latest_first(items)

    def row(self, item: ModeChange) -> Row:
        """From, mode, and the rules' first line."""
        rules = one_line(item.rules, 200)
        return Row(item.id, (format_day(item.since), PANE_TITLES[item.mode], rules))


class WinsScreen(LogScreen[Win]):
    """Little wins, newest first."""

    HEADING = "Little wins"
    COLUMNS: ClassVar[tuple[str, ...]] = ("Day", "What went right")
    WIDE = 1
    EMPTY = "No wins written yet. Press a (or w on the day counter) to note one."
    HELP = """\
## Little wins

One line about what went right, day by day. Small things count.

- **a** notes one, **e** or **enter** edits, **delete** removes (**ctrl+z** undoes).
"""

    def order(self, items: list[Win]) -> list[Win]:
        """Newest first."""
        return newest_first(items)

    def row(self, item: Win) -> Row:
        """Day and the win."""
        return Row(item.id, (format_day(item.on), item.text))


class DatesScreen(LogScreen[MarkedDate]):
    """Dates that matter, in the order they come."""

    HEADING = "Dates that matter"
    COLUMNS: ClassVar[tuple[str, ...]] = ("Next", "When", "What", "Your plan")
    WIDE = 3
    EMPTY = (
        "No dates yet. Their birthday, an anniversary or the holidays can be hard; "
        "press a to note one, and make a plan for it."
    )
    HELP = """\
## Dates that matter

Days that can be hard: their birthday, anniversaries, holidays, a court
date. In the week before one, the day counter says so quietly.

- **a** notes a date, **e** or **enter** edits it and its plan.
- **delete** removes one (**ctrl+z** puts it back).
"""

    def __init__(self, dates: Sequence[MarkedDate], today: date, keep: str | None = None) -> None:
        """List ``dates`` as they fall after ``today``, the cursor on ``keep`` if given."""
        self.today = today
        super().__init__(dates, keep)

    def order(self, items: list[MarkedDate]) -> list[MarkedDate]:
        """In the order they come."""
        return in_calendar_order(items, self.today)

    def row(self, item: MarkedDate) -> Row:
        """When it next falls, its date, its name and the plan's first line."""
        on = item.next_on(self.today)
        if on is None:
            ahead = "past"
        elif on == self.today:
            ahead = "today"
        else:
            days = (on - self.today).days
            ahead = "tomorrow" if days == 1 else f"in {days} days"
        plan = one_line(item.plan, 200) or "no plan yet"
        return Row(item.id, (ahead, item.words(), one_line(item.name, 30), plan))
