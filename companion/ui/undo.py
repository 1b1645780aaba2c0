"""One undo for every removal: the records removed in this session, newest last."""

from __future__ import annotations

from collections.abc import Callable
from typing import Generic, TypeVar

T = TypeVar("T")


class UndoStack(Generic[T]):
    """What was removed from one list, put back one ``ctrl+z`` at a time."""

    def __init__(self) -> None:
        """Nothing removed yet."""
        self.removed: list[T] = []

    def push(self, item: T) -> None:
        """Keep ``item``, just removed, for undo."""
        self.removed.append(item)

    def __len__(self) -> int:
        """How many removals can be undone."""
        return len(self.removed)

    def pop_with(self, restore: Callable[[T], object | None]) -> T | None:
        """Put back the newest removal with ``restore`` (which returns None when it could
        not); the item stays here for another try if it could not be put back."""
        if not self.removed:
            return None
        item = self.removed[-1]
        if restore(item) is None:
            return None
        self.removed.pop()
        return item
