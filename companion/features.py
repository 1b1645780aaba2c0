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
from companion.urge import flows as urge
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
    urge.COMMANDS,
    settings.COMMANDS,
)
"""One table per feature."""

COMMANDS: dict[str, Command] = index(TABLES)
"""Every command by its id."""


def keys(pane: str = "") -> list[Binding]:
    """The key bindings of the main screen, or of the pane with id ``pane``."""
    return key_bindings(COMMANDS.values(), pane)


def key(command_id: str) -> Binding:
    """The key of one command, for a screen that offers it too (``L`` on the running
    session lists the letters, as it does on the main screen)."""
    command = COMMANDS[command_id]
    (binding,) = key_bindings([command], command.pane)
    return binding
