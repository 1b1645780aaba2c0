"""Redrawing only what changed. A screen that moves with time (the urge timer, the breathing
pacer) asks often, but touches a widget only when what it shows is different: each change
costs the whole screen a new layout, so a person who just sits and breathes keeps the
computer quiet."""

from __future__ import annotations

from rich.text import Text
from textual.visual import VisualType
from textual.widgets import Static


def same(shown: VisualType, content: VisualType) -> bool:
    """True when ``content`` would look exactly like ``shown`` (the same words in the same
    styles); False when in doubt."""
    if isinstance(shown, Text) and isinstance(content, Text):
        return _looks(shown) == _looks(content)
    if isinstance(shown, str) and isinstance(content, str):
        return shown == content
    return False


def _looks(text: Text) -> tuple[object, ...]:
    """Everything that decides how ``text`` is drawn."""
    return (
        text.plain,
        text.spans,
        text.style,
        text.justify,
        text.overflow,
        text.no_wrap,
        text.end,
        text.tab_size,
    )


def update(static: Static, content: VisualType, *, layout: bool = True) -> None:
    """Show ``content`` in ``static``, unless it shows exactly that already.

    ``layout=False`` when the new content cannot change the widget's size (a line in a
    widget of fixed width, or one as long as the line it replaces): then only the widget
    is drawn again, not the whole screen laid out.
    """
    if not same(static.content, content):
        static.update(content, layout=layout)
