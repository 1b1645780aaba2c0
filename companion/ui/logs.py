"""The lists around the boundaries: times they reached out, necessary contact, modes,
little wins and dates that matter. Each is a LogScreen."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import ClassVar

from companion.domain.dates import format_day
from companion.domain.hoovers import CHANNELS, Hoover
from companion.domain.marked_dates import MarkedDate, in_calendar_order
from companion.domain.modes import MODES, ModeChange, NecessaryContact
from companion.domain.wins import Win
from companion.ui.log_screen import LogScreen, Row
from companion.ui.text import one_line


class HooversScreen(LogScreen[Hoover]):
    """Every time they reached out, newest first, with a filter by way of reaching out."""

    COLUMNS: ClassVar[tuple[str, ...]] = ("Day", "How", "What was said", "Answered")
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

    def heading(self) -> str:
        """Name them by the alias when there is one."""
        return f"Times {self.them} reached out"

    def row(self, item: Hoover) -> Row:
        """Day, how (and through whom), the first line of what was said, answered."""
        how = CHANNELS[item.channel]
        if item.via:
            how = f"{how}: {item.via}"
        said = one_line(item.said, 50)
        if item.unsafe:
            said = f"(felt unsafe) {said}".strip()
        answered = "yes" if item.answered else "no"
        return Row(item.id, (format_day(item.on), one_line(how, 40), said, answered), item.channel)


class NecessaryScreen(LogScreen[NecessaryContact]):
    """Necessary contact, newest first."""

    HEADING = "Necessary contact: never counted as a slip"
    COLUMNS: ClassVar[tuple[str, ...]] = ("Day", "How", "What it was about")
    EMPTY = "Nothing logged yet. Press a (or n on the day counter) to log necessary contact."
    FILTERS: ClassVar[dict[str, str]] = dict(CHANNELS)
    HELP = """\
## Necessary contact

Contact within your own rules, such as arrangements for children, work or
court. It never counts as a slip.

- **a** logs one, **e** or **enter** edits, **delete** removes (**ctrl+z** undoes).
- **f** shows one way at a time.
"""

    def __init__(self, contacts: Sequence[NecessaryContact]) -> None:
        """List ``contacts``, newest first."""
        super().__init__(newest(contacts))

    def show(self, items: Sequence[NecessaryContact], keep: str | None = None) -> None:
        """Newest first."""
        super().show(newest(items), keep)

    def row(self, item: NecessaryContact) -> Row:
        """Day, how, and what it was about."""
        cells = (format_day(item.on), CHANNELS[item.channel], one_line(item.about, 60))
        return Row(item.id, cells, item.channel)


def newest(contacts: Sequence[NecessaryContact]) -> list[NecessaryContact]:
    """Necessary contact, newest first."""
    return sorted(contacts, key=lambda c: (c.on, c.logged_at), reverse=True)


class ModesScreen(LogScreen[ModeChange]):
    """Every change of contact mode, newest first."""

    HEADING = "Your contact modes over time"
    COLUMNS: ClassVar[tuple[str, ...]] = ("From", "Mode", "Your rules")
    EMPTY = "No mode chosen yet: you are in No Contact. Press a (or m) to choose one."
    HELP = """\
## Contact modes

Each mode you chose, and from when. Changing mode changes no figure and
keeps everything logged so far.

- **a** (or **m** on the day counter) chooses a mode from a day on.
- **e** edits one, **delete** removes one (**ctrl+z** undoes).
"""

    def __init__(self, changes: Sequence[ModeChange]) -> None:
        """List ``changes``, newest first."""
        super().__init__(latest_first(changes))

    def show(self, items: Sequence[ModeChange], keep: str | None = None) -> None:
        """Newest first."""
        super().show(latest_first(items), keep)

    def row(self, item: ModeChange) -> Row:
        """From, mode, and the rules' first line."""
        return Row(item.id, (format_day(item.since), MODES[item.mode], one_line(item.rules, 60)))


def latest_first(changes: Sequence[ModeChange]) -> list[ModeChange]:
    """Mode changes, the latest first."""
    return sorted(changes, key=lambda c: (c.since, c.logged_at), reverse=True)


class WinsScreen(LogScreen[Win]):
    """Little wins, newest first."""

    HEADING = "Little wins"
    COLUMNS: ClassVar[tuple[str, ...]] = ("Day", "What went right")
    EMPTY = "No wins written yet. Press a (or w on the day counter) to note one."
    HELP = """\
## Little wins

One line about what went right, day by day. Small things count.

- **a** notes one, **e** or **enter** edits, **delete** removes (**ctrl+z** undoes).
"""

    def __init__(self, wins: Sequence[Win]) -> None:
        """List ``wins``, newest first."""
        super().__init__(wins_newest(wins))

    def show(self, items: Sequence[Win], keep: str | None = None) -> None:
        """Newest first."""
        super().show(wins_newest(items), keep)

    def row(self, item: Win) -> Row:
        """Day and the win."""
        return Row(item.id, (format_day(item.on), item.text))


def wins_newest(wins: Sequence[Win]) -> list[Win]:
    """Wins, newest first."""
    return sorted(wins, key=lambda w: (w.on, w.logged_at), reverse=True)


class DatesScreen(LogScreen[MarkedDate]):
    """Dates that matter, in the order they come."""

    HEADING = "Dates that matter"
    COLUMNS: ClassVar[tuple[str, ...]] = ("Next", "When", "What", "Your plan")
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

    def __init__(self, dates: Sequence[MarkedDate], today: date) -> None:
        """List ``dates`` as they fall after ``today``."""
        self.today = today
        super().__init__(in_calendar_order(dates, today))

    def show(self, items: Sequence[MarkedDate], keep: str | None = None) -> None:
        """In the order they come."""
        super().show(in_calendar_order(items, self.today), keep)

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
        plan = one_line(item.plan, 40) or "no plan yet"
        return Row(item.id, (ahead, item.words(), one_line(item.name, 40), plan))
