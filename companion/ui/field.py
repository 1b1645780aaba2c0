"""A one-line field whose focus never selects what the person typed for replacement."""

from __future__ import annotations

from typing import Any

from textual import events
from textual.widgets import Input

LINE_LIMIT = 2_000
"""The most a one-line field holds; a longer paste is cut to it, and the person told."""


class Field(Input):
    """A text field that keeps typed words safe from a stray key after a change of focus.

    Textual's field selects all of its text whenever it gains focus, so the next key
    replaces it. Here only a value filled in beforehand (today, 20) is selected, and only
    until the person has typed: after that, coming back to the field leaves their words
    whole, with the cursor at the end.

    It holds at most ``LINE_LIMIT`` characters: a longer paste (a whole page, a megabyte
    by mistake) is cut to fit, and a calm notice says so, instead of being refused
    silently or kept whole, where drawing it kept a core busy.
    """

    def __init__(self, value: str | None = None, *args: Any, **kwargs: Any) -> None:
        """Like ``Input``; ``select_on_focus`` (off unless asked) applies to the prefill only."""
        kwargs.setdefault("select_on_focus", False)
        kwargs.setdefault("max_length", LINE_LIMIT)
        super().__init__(value, *args, **kwargs)
        self._prefill = value or ""

    def _on_focus(self, event: events.Focus) -> None:
        """Select the prefill while it is untouched; never what the person typed."""
        if self.value != self._prefill:
            self.select_on_focus = False
        super()._on_focus(event)

    def replace(self, text: str, start: int, end: int) -> None:
        """Put ``text`` in place of the characters from ``start`` to ``end``, cut to the
        room the field has left."""
        room = self.max_length - (len(self.value) - abs(end - start)) if self.max_length else 0
        if self.max_length and len(text) > room:
            text = text[: max(room, 0)]
            self.notify(
                f"That was longer than this line can hold, so the first {self.max_length:,} "
                "characters are kept. Nothing was saved yet.",
                title="Cut to fit",
            )
        super().replace(text, start, end)
