"""Every feature, found by its folder: a package under ``companion/`` whose ``flows`` module
has a ``COMMANDS`` table (and a ``PLACE`` among the others). The main screen's keys, the
panes' keys, the palette and the day counter's quiet line are all made from what they say.

A new feature needs no line here: its folder and its ``flows.py`` are enough.
"""

from __future__ import annotations

import importlib
import importlib.util
import pkgutil
from types import ModuleType
from typing import cast

from textual.binding import Binding

import companion
from companion.ui.commands import Command, index, key_bindings
from companion.ui.quiet import QuietLine


def _feature_flows() -> list[ModuleType]:
    """Each feature's flows module, in the order of their places."""
    found = []
    for info in pkgutil.iter_modules(companion.__path__):
        if not info.ispkg or importlib.util.find_spec(f"companion.{info.name}.flows") is None:
            continue
        module = importlib.import_module(f"companion.{info.name}.flows")
        if hasattr(module, "COMMANDS"):
            found.append(module)
    return sorted(found, key=lambda module: cast(int, module.PLACE))


FLOWS: tuple[ModuleType, ...] = tuple(_feature_flows())
"""Every feature's flows, in order."""

COMMANDS: dict[str, Command] = index(cast(tuple[Command, ...], module.COMMANDS) for module in FLOWS)
"""Every command by its id."""

QUIET_LINES: tuple[QuietLine, ...] = tuple(
    sorted(
        (cast(QuietLine, module.QUIET_LINE) for module in FLOWS if hasattr(module, "QUIET_LINE")),
        key=lambda quiet: quiet.place,
    )
)
"""What features may say on the day counter, first speaker first."""


def keys(pane: str = "") -> list[Binding]:
    """The key bindings of the main screen, or of the pane with id ``pane``."""
    return key_bindings(COMMANDS.values(), pane)


def key(command_id: str) -> Binding:
    """The key of one command, for a screen that offers it too (``L`` on the running
    session lists the letters, as it does on the main screen)."""
    command = COMMANDS[command_id]
    (binding,) = key_bindings([command], command.pane)
    return binding
