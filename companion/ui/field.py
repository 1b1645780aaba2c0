"""A one-line field whose focus never selects what the person typed for replacement."""

from __future__ import annotations

from typing import Any

from textual import events
from textual.widgets import Input


class Field(Input):
    """A text field that keeps typed words safe from a stray key after a change of focus.

    Textual's field selects all of its text whenever it gains focus, so the next key
    replaces it. Here only a value filled in beforehand (today, 20) is selected, and only
    until the person has typed: after that, coming back to the field leaves their words
    whole, with the cursor at the end.
    """

    def __init__(self, value: str | None = None, *args: Any, **kwargs: Any) -> None:
        """Like ``Input``; ``select_on_focus`` (off unless asked) applies to the prefill only."""
        kwargs.setdefault("select_on_focus", False)
        super().__init__(value, *args, **kwargs)
        self._prefill = value or ""

    def _on_focus(self, event: events.Focus) -> None:
        """Select the prefill while it is untouched; never what the person typed."""
        if self.value != self._prefill:
            self.select_on_focus = False
        super()._on_focus(event)
