"""What every part of the app shares: the data, the clock, saving, dialogs and undo."""

from __future__ import annotations

import random
from collections.abc import Callable
from datetime import date
from typing import Any, TypeVar, cast

from textual.app import App

from companion.clock import Clock
from companion.domain.dates import local_today
from companion.domain.errors import ValidationError
from companion.store.problems import StoreError
from companion.store.repository import Repository
from companion.ui.dialogs import Dialog

T = TypeVar("T")
D = TypeVar("D")
V = TypeVar("V")


class AppBase(App[None]):
    """What every part of the app shares: the data, the clock, saving and undo."""

    repository: Repository
    clock: Clock
    rng: random.Random

    @property
    def today(self) -> date:
        """The local calendar day now."""
        return local_today(self.clock.now())

    @property
    def alias(self) -> str:
        """The name the person chose for the one they left, or empty."""
        return self.repository.profile.alias

    def attempt(self, save: Callable[..., T], *args: Any) -> T | None:
        """Run ``save(*args)``, which returns what it stored; on a problem, say so, return None."""
        try:
            return save(*args)
        except ValidationError as error:
            self.notify(str(error), title="Not saved yet", severity="warning", markup=False)
        except StoreError as error:
            self.tell_store_problem(error)
        return None

    def tell_store_problem(self, error: StoreError) -> None:
        """Say, as a notice that stays a while, that something could not be written."""
        self.notify(str(error), title="Not saved", severity="error", timeout=20, markup=False)

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
            value = await self.push_screen_wait(dialog)
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

    def put_back(
        self, removed: list[T], save: Callable[[T], object], show: Callable[[T], None]
    ) -> bool:
        """Undo the latest removal in ``removed``: save it again and ``show`` it."""
        if not removed:
            self.notify("Nothing to undo.", markup=False)
            return False
        item = removed[-1]
        if self.attempt(save, item) is None:
            return False
        removed.pop()
        show(item)
        self.notify("Put back.", markup=False)
        return True
