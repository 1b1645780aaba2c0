"""Commands written once: each with its key, its words in the footer and its entry in the
command palette. A feature lists its commands in one table; the main screen's keys, a
pane's keys and the palette are all made from those tables.
"""

from __future__ import annotations

import inspect
from collections.abc import Awaitable, Callable, Iterable, Sequence
from dataclasses import dataclass
from functools import partial
from typing import Literal

from textual.app import SystemCommand
from textual.binding import Binding
from textual.screen import Screen
from textual.widget import Widget

from companion.ui.context import Context

Where = Literal["main", "anywhere", "pane"]


@dataclass(frozen=True)
class Command:
    """One thing the person can do, by key, by palette, or both.

    ``run`` is the feature's flow (a function of the context; a coroutine runs as the
    app's own work, so it can open dialogs). A pane's own command names instead the
    ``action`` it runs on the pane (with the row under its cursor).
    """

    id: str
    """Unique in the app: ``feature.name``."""
    title: str
    """Its name in the command palette."""
    help: str
    """The palette's line under the name."""
    run: Callable[[Context], Awaitable[object] | object] | None = None
    action: str = ""
    """For a pane's command: the pane's action it runs."""
    key: str = ""
    """The key on its screen or pane, if it has one."""
    label: str = ""
    """The word in the footer and in help (the title when empty)."""
    show: bool = False
    """Whether the footer shows it."""
    key_display: str | None = None
    where: Where = "main"
    """``main``: a key on the main screen, in the palette there; ``anywhere``: in the
    palette on every screen (its key is the app's); ``pane``: a pane's own."""
    palette: bool = True
    """Whether the command palette lists it."""
    pane: str = ""
    """The id of the main screen's pane whose key it is (the key works only there)."""

    def start(self, ctx: Context) -> None:
        """Do it: run the flow, as the app's own work when it opens dialogs."""
        if self.run is None:
            return
        result = self.run(ctx)
        if inspect.isawaitable(result):

            async def flow() -> object:
                return await result

            ctx.start(flow())


def index(tables: Iterable[Sequence[Command]]) -> dict[str, Command]:
    """Every command by its id; a repeated id is a mistake in a table."""
    found: dict[str, Command] = {}
    for table in tables:
        for command in table:
            if command.id in found:
                raise ValueError(f"two commands are called {command.id}")
            found[command.id] = command
    return found


def key_bindings(
    commands: Iterable[Command], pane: str = "", target: str = "app.command"
) -> list[Binding]:
    """Bindings for the commands with keys on the main screen, or on the pane with id
    ``pane``: a pane's own command runs its action on the pane; the others run through
    ``target`` (the app's action that starts a command by its id)."""
    made = []
    for command in commands:
        if not command.key or command.pane != pane:
            continue
        action = command.action if command.where == "pane" else f"{target}('{command.id}')"
        made.append(
            Binding(
                command.key,
                action,
                command.label or command.title,
                show=command.show,
                key_display=command.key_display,
            )
        )
    return made


def palette(
    commands: Iterable[Command], ctx: Context, on_main: bool, screen: Screen[object] | None = None
) -> Iterable[SystemCommand]:
    """The palette's entries for ``commands`` on the screen shown now.

    ``on_main``: the main screen is shown; ``screen``: the screen shown, whose panes a
    pane's own commands run on (a pane's command is listed only where its pane is).
    """
    for command in commands:
        if not command.palette:
            continue
        if command.where == "pane":
            pane = _pane(screen, command.pane)
            if pane is not None:
                yield SystemCommand(
                    command.title, command.help, partial(pane.run_action, command.action)
                )
        elif command.where == "anywhere" or on_main:
            yield SystemCommand(command.title, command.help, partial(command.start, ctx))


def _pane(screen: Screen[object] | None, pane_id: str) -> Widget | None:
    """The pane with id ``pane_id`` on ``screen``, if it is there."""
    if screen is None or not pane_id:
        return None
    return next(iter(screen.query(f"#{pane_id}")), None)
