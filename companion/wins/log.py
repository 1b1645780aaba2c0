"""Every little win, as a list."""

from __future__ import annotations

from typing import ClassVar

from companion.domain.dates import format_day
from companion.domain.history import newest_first
from companion.domain.wins import Win
from companion.ui.log_screen import LogScreen, Row


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
