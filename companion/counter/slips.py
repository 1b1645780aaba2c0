"""Every slip logged, newest first, to edit or remove (with undo)."""

from __future__ import annotations

from typing import ClassVar

from companion.domain.dates import format_day
from companion.domain.history import Slip, newest_first, slip_label
from companion.ui.context import Context
from companion.ui.log_screen import LogScreen, Records, Row
from companion.ui.text import one_line


class SlipsScreen(LogScreen[Slip]):
    """The slips, newest first."""

    HEADING = "Slips: times contact happened"
    COLUMNS: ClassVar[tuple[str, ...]] = ("Day", "What happened", "Note")
    EMPTY = "No slips logged."
    CAN_ADD = False
    WIDE = 2
    HELP = """\
## Slips

Each time contact happened, as you logged it. Removing one can be undone
with **ctrl+z**. Your total days of No Contact are worked out from this list.
A brief exception is kept here and changes no figure.
"""

    def __init__(self, ctx: Context, records: Records[Slip], alias: str) -> None:
        """Show the slips; ``alias`` names the person they left, if set."""
        self.alias = alias
        super().__init__(ctx, records)

    def order(self, items: list[Slip]) -> list[Slip]:
        """Newest first."""
        return newest_first(items)

    def row(self, item: Slip) -> Row:
        """Day, kind and the note's first line."""
        kind = slip_label(item.kind, self.alias)
        if not item.new_stretch:
            kind += " (a brief exception)"
        return Row(item.id, (format_day(item.on), kind, one_line(item.note, 200)))
