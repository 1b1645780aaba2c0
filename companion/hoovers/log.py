"""Every time they reached out, as a list to filter, edit or remove."""

from __future__ import annotations

from typing import ClassVar

from companion.domain.dates import format_day
from companion.domain.history import newest_first
from companion.domain.hoovers import CHANNELS, Hoover
from companion.ui.context import Context
from companion.ui.log_screen import LogScreen, Records, Row
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

    def __init__(self, ctx: Context, records: Records[Hoover], them: str) -> None:
        """List the times they reached out; ``them`` is the alias or "they"."""
        self.them = them
        super().__init__(ctx, records)

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
