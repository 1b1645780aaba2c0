"""Moving an item one place within its group of a list kept in the person's own order."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace
from typing import Any, ClassVar, Protocol, TypeVar


class Placed(Protocol):
    """A record with an id and a place in the person's order (a frozen dataclass)."""

    __dataclass_fields__: ClassVar[dict[str, Any]]

    @property
    def id(self) -> str:
        """A stable identifier."""
        ...

    @property
    def position(self) -> int:
        """Its place in the person's order."""
        ...


P = TypeVar("P", bound=Placed)


def moved_within(
    view: Sequence[P], item_id: str, step: int, group: Callable[[P], object]
) -> list[P]:
    """Move an item one place up (-1) or down (+1) among items in the same ``group``.

    ``view`` is the list in the order shown. Returns copies of the items whose positions
    changed (empty at the edges, for an unknown id or a step other than one place).
    Positions are renumbered within the group, so duplicates left by old data sort out.
    """
    target = next((item for item in view if item.id == item_id), None)
    if target is None or step not in (-1, 1):
        return []
    members = [item for item in view if group(item) == group(target)]
    index = members.index(target)
    other = index + step
    if not 0 <= other < len(members):
        return []
    members[index], members[other] = members[other], members[index]
    base = min(item.position for item in members)
    return [
        replace(item, position=base + offset)
        for offset, item in enumerate(members)
        if item.position != base + offset
    ]
