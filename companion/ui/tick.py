"""A checkbox whose state can be read without colour: a mark when it is ticked, an
empty box when it is not (Textual's shows the same X either way, told apart by colour
alone, which a monochrome terminal or a person who cannot see the difference loses)."""

from __future__ import annotations

from typing import Any

from textual.widgets import Checkbox


def _inner(ticked: bool) -> str:
    return "X" if ticked else " "


class Tick(Checkbox):
    """A Checkbox that shows X only when ticked."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.BUTTON_INNER = _inner(self.value)

    def watch_value(self) -> None:
        """The box's mark for the new state, then Textual's own work (the ``-on`` class
        and the Changed message)."""
        self.BUTTON_INNER = _inner(self.value)  # drawn by the repaint the value brings
        super().watch_value()
