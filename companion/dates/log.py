"""Dates that matter, in the order they come."""

from __future__ import annotations

from datetime import date
from typing import ClassVar

from companion.domain.marked_dates import MarkedDate, in_calendar_order
from companion.ui.context import Context
from companion.ui.log_screen import LogScreen, Records, Row
from companion.ui.text import one_line


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

    def __init__(
        self, ctx: Context, records: Records[MarkedDate], today: date, keep: str | None = None
    ) -> None:
        """List the dates as they fall after ``today``, the cursor on ``keep`` if given."""
        self.today = today
        super().__init__(ctx, records, keep)

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
