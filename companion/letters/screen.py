"""The letters the person did not send: newest first, to read, change or delete."""

from __future__ import annotations

from typing import ClassVar

from textual.binding import Binding, BindingType

from companion.domain.dates import format_day
from companion.domain.letters import Letter
from companion.ui.context import Context
from companion.ui.log_screen import LogScreen, Records, Row
from companion.ui.text import one_line


class LettersScreen(LogScreen[Letter]):
    """Every unsent letter, newest first; enter opens one to read or go on writing."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("a", "add", "Write one"),
        Binding("e", "edit", "Open", show=False),
    ]
    COLUMNS: ClassVar[tuple[str, ...]] = ("Written", "First words")
    WIDE = 1
    HELP = """\
## Letters you didn't send

What you wanted to say to the person you left, kept in the data folder on this
computer. Nothing in this app can send them.

- **enter** or **e** opens a letter to read it or go on writing.
- **a** writes a new one; **w** during an urge session writes that session's.
- **delete** removes one (**ctrl+z** puts it back).
"""

    def __init__(self, ctx: Context, records: Records[Letter], them: str) -> None:
        """List the letters; ``them`` is the alias or "them"."""
        self.them = them
        super().__init__(ctx, records)
        self.EMPTY = (
            f"No letters yet. When you want to write to {them} without sending anything, "
            "press a. Letters stay in the data folder on this computer."
        )

    def order(self, items: list[Letter]) -> list[Letter]:
        """Newest first."""
        return sorted(items, key=lambda letter: letter.written_at, reverse=True)

    def heading(self) -> str:
        """Where they are kept, in the heading itself."""
        return (
            f"Letters to {self.them} you didn't send: kept in the data folder on this "
            "computer, never sent"
        )

    def row(self, item: Letter) -> Row:
        """The day it was written and its first words."""
        day = format_day(item.written_at.astimezone().date())
        return Row(item.id, (day, one_line(item.text, 200) or "(empty)"))
