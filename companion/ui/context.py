"""What a feature's flows are given: the data, the clock, notices, dialogs, and the word that
some data changed.

One ``Context`` is made at start-up and passed to every screen and pane that runs a flow.
A flow is a plain function of the context (``async def log_slip(ctx)``); it saves through
``ctx.repository``, says so with ``ctx.notify``, and ends with ``ctx.changed("slips")`` so
each pane that shows slips reads them again and keeps its own cursor.
"""

from __future__ import annotations

import random
from collections.abc import Callable, Coroutine
from dataclasses import dataclass, field
from datetime import date
from typing import Any, Literal, TypeVar, cast

from textual.app import App
from textual.dom import DOMNode
from textual.screen import Screen
from textual.signal import Signal
from textual.timer import Timer
from textual.worker import Worker

from companion.clock import Clock
from companion.domain.dates import local_today
from companion.domain.errors import ValidationError
from companion.domain.urge import UrgeSession
from companion.store.problems import StoreError
from companion.store.repository import Repository
from companion.ui.clipboard import Clipboard
from companion.ui.dialogs import Dialog
from companion.ui.undo import UndoStack

T = TypeVar("T")
D = TypeVar("D")
V = TypeVar("V")

Severity = Literal["information", "warning", "error"]

WAITING_RETRY = 5.0
"""Seconds between tries at writing changes the disk refused."""


EVERYTHING = "everything"
"""The kind that says all the data may have changed (a backup was read in)."""


@dataclass(frozen=True)
class DataChanged:
    """What a save changed: the kinds of data (``"slips"``, ``"reasons"``, ...), and the
    record a list should keep its cursor on, if one was just saved."""

    kinds: frozenset[str]
    keep: str | None = None

    def about(self, *kinds: str) -> bool:
        """True when any of ``kinds`` changed (or EVERYTHING did)."""
        return EVERYTHING in self.kinds or not self.kinds.isdisjoint(kinds)


@dataclass
class Context:
    """The repository, the clock, notices and dialogs, for every feature's flows."""

    app: App[Any]
    repository: Repository
    clock: Clock
    rng: random.Random
    crisis: Callable[[], object]
    """Opens the crisis contacts (from a flow that learns the person is not safe)."""
    undo_stacks: dict[str, UndoStack[Any]] = field(default_factory=dict)
    busy: set[str] = field(default_factory=set)
    """Flows that are open now and must not open twice (a second ``h``, say)."""
    running_urge: UrgeSession | None = None
    """The urge session running now, if any. It is held here as well as saved, so a save
    that fails never stops the timer (the next change saves the whole session again)."""

    def __post_init__(self) -> None:
        """The signal every pane listens to for changes to what it shows, and the
        clipboard the app uses."""
        self.data_changed: Signal[DataChanged] = Signal(self.app, "data_changed")
        self.clipboard = Clipboard(self.app)
        self._waiting_timer: Timer | None = None
        """Set while changes wait for the disk and the person has been told."""

    # What the flows read -----------------------------------------------------

    @property
    def today(self) -> date:
        """The local calendar day now."""
        return local_today(self.clock.now())

    @property
    def alias(self) -> str:
        """The name the person chose for the one they left, or empty."""
        return self.repository.profile.alias

    # Saying what happened ----------------------------------------------------------

    def notify(
        self,
        message: str,
        *,
        title: str = "",
        severity: Severity = "information",
        timeout: float | None = None,
    ) -> None:
        """A notice, its words shown exactly as written (never read as markup)."""
        self.app.notify(message, title=title, severity=severity, timeout=timeout, markup=False)

    def tell_store_problem(self, error: StoreError) -> None:
        """Say, as a notice that stays a while, that something could not be written."""
        self.notify(str(error), title="Not saved", severity="error", timeout=20)

    def try_save(self, save: Callable[..., T], *args: Any) -> T | None:
        """Run ``save(*args)``, which returns what it stored; on a problem, say so, return None."""
        try:
            return save(*args)
        except ValidationError as error:
            self.notify(str(error), title="Not saved yet", severity="warning")
        except StoreError as error:
            self.tell_store_problem(error)
        return None

    def changed(self, *kinds: str, keep: str | None = None) -> None:
        """Tell every pane and list that ``kinds`` of data changed (the cursor on ``keep``),
        and the person, when the disk did not take the change, that it waits here."""
        self.data_changed.publish(DataChanged(frozenset(kinds), keep))
        if not self.repository.ledger.waiting:
            self.repository.keep_glance(self.clock.now())
        self.tell_waiting()

    def tell_waiting(self) -> None:
        """While changes wait for the disk, say so once, keep trying every few seconds
        (the timer runs exactly while the person has been told), and say so again once
        they are written."""
        ledger = self.repository.ledger
        if (ledger.waiting or ledger.read_only) and self._waiting_timer is None:
            self.notify(
                ledger.waiting_why or "Not written to the disk yet.",
                title="Kept here for now",
                severity="warning",
                timeout=30,
            )
            self._waiting_timer = self.app.set_interval(WAITING_RETRY, self._retry_waiting)

    def _retry_waiting(self) -> None:
        """Try the disk again; once everything is written, say so and stop trying."""
        if self._waiting_timer is not None and self.repository.ledger.write_waiting():
            self._waiting_timer.stop()
            self._waiting_timer = None
            self.notify("Everything you saved is written to the disk now.", title="Saved")

    def listen(self, node: DOMNode, callback: Callable[[DataChanged], object]) -> None:
        """Call ``callback`` on every change while ``node`` is mounted (at once, so a
        key pressed right after a save already meets the new data)."""
        self.data_changed.subscribe(node, callback, immediate=True)

    def undo_stack(self, kind: str) -> UndoStack[Any]:
        """The removals of ``kind`` in this session, newest last (one stack per list)."""
        return self.undo_stacks.setdefault(kind, UndoStack())

    def removed(self, kind: str, item: Any, message: str = "") -> None:
        """Keep ``item``, just removed from a list of ``kind``, for one ``ctrl+z``."""
        self.undo_stack(kind).push(item)
        self.changed(kind)
        self.notify(message or "Removed. Press ctrl+z to put it back.")

    def undo(self, kind: str, restore: Callable[[T], object]) -> T | None:
        """Put back the newest removal of ``kind`` with ``restore``, and say so."""
        stack = self.undo_stack(kind)
        if not stack:
            self.notify("Nothing to undo.")
            return None
        item: T | None = stack.pop_with(lambda item: self.try_save(restore, item))
        if item is not None:
            self.notify("Put back.")
        return item

    # Screens and dialogs -------------------------------------------------------------

    def show(self, screen: Screen[Any], callback: Callable[[Any], None] | None = None) -> None:
        """Open ``screen`` over the current one."""
        self.app.push_screen(screen, callback=callback)

    async def ask(self, screen: Screen[T]) -> T:
        """Open ``screen`` and wait for its answer (inside a flow started with ``start``)."""
        return await self.app.push_screen_wait(screen)

    def start(self, flow: Coroutine[Any, Any, object]) -> Worker[object]:
        """Run a flow that opens dialogs, as the app's own work (it outlives the pane)."""
        return self.app.run_worker(flow, group="dialog")

    async def edit(
        self, kind: str, make: Callable[[D], Dialog[V]], draft: D, save: Callable[[V], T]
    ) -> T | None:
        """The one edit flow of every dialog: ``until_saved``, then tell every pane and list
        that ``kind`` changed, the cursor on what was saved."""
        saved = await self.until_saved(make, draft, save)
        if saved is not None:
            self.changed(kind, keep=getattr(saved, "id", None))
        return saved

    async def until_saved(
        self, make: Callable[[D], Dialog[V]], draft: D, save: Callable[[V], T]
    ) -> T | None:
        """Show the dialog ``make(draft)`` until ``save`` keeps its value, or it is cancelled.

        A save that can't be done opens the dialog again with everything typed, so no
        word is lost, and says why once: a refused value inside the dialog, above its
        buttons; a problem with the disk as a notice (never over the buttons).
        """
        problem = ""
        while True:
            dialog = make(draft)
            if problem:
                dialog.refused_before(problem, draft)
            value = await self.ask(dialog)
            if value is None:
                return None
            draft = cast(D, dialog.draft_now())
            try:
                return save(value)
            except ValidationError as error:
                problem = str(error)
            except StoreError as error:
                problem = ""
                self.tell_store_problem(error)
