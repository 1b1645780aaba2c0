"""The lists of contact modes chosen and of necessary contact."""

from __future__ import annotations

from typing import ClassVar

from companion.domain.dates import format_day
from companion.domain.history import newest_first
from companion.domain.hoovers import CHANNELS
from companion.domain.modes import PANE_TITLES, ModeChange, NecessaryContact, latest_first
from companion.ui.log_screen import LogScreen, Row
from companion.ui.text import one_line


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
