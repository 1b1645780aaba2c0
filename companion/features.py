"""Every feature's commands, in the order the main screen's footer and the palette list them.

A new feature adds its table here; its keys and palette entries follow from it.
"""

from __future__ import annotations

from textual.binding import Binding

from companion.checklist import flows as checklist
from companion.contacts import flows as contacts
from companion.counter import flows as counter
from companion.dates import flows as dates
from companion.hoovers import flows as hoovers
from companion.letters import flows as letters
from companion.modes import flows as modes
from companion.reasons import flows as reasons
from companion.settings import flows as settings
from companion.ui.commands import Command, index, key_bindings
from companion.wins import flows as wins

TABLES: tuple[tuple[Command, ...], ...] = (
    counter.COMMANDS,
    hoovers.COMMANDS,
    modes.COMMANDS,
    wins.COMMANDS,
    dates.COMMANDS,
    letters.COMMANDS,
    reasons.COMMANDS,
    contacts.COMMANDS,
    checklist.COMMANDS,
    settings.COMMANDS,
)
"""One table per feature."""

COMMANDS: dict[str, Command] = index(TABLES)
"""Every command by its id."""


def keys(pane: str = "") -> list[Binding]:
    """The key bindings of the main screen, or of the pane with id ``pane``."""
    return key_bindings(COMMANDS.values(), pane)
