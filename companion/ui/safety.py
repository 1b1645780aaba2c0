"""The two keys every screen offers first: where to turn now, and hide the screen.

The app's own priority bindings do the work, from anywhere. These bindings put the same
keys at the front of every footer, so a narrow terminal never cuts them off; inside a
dialog or a text field, where ``!`` is typed or refused, the footer names ``ctrl+g``.
"""

from __future__ import annotations

from typing import ClassVar, Generic, TypeVar

from textual.binding import Binding, BindingType
from textual.screen import ModalScreen, Screen

T = TypeVar("T")

SAFETY_BINDINGS: list[BindingType] = [
    Binding("exclamation_mark", "app.crisis_key", "Crisis", key_display="!"),
    Binding("ctrl+g", "app.crisis_here", "Crisis"),
    Binding("ctrl+l", "app.quick_hide", "Hide"),
]
"""Shown first in every footer; the app decides which crisis key is offered where."""


class Page(Screen[T], Generic[T]):
    """A full screen whose footer starts with the crisis key and quick hide."""

    BINDINGS: ClassVar[list[BindingType]] = SAFETY_BINDINGS


class Modal(ModalScreen[T], Generic[T]):
    """A dialog whose footer starts with the crisis key and quick hide."""

    BINDINGS: ClassVar[list[BindingType]] = SAFETY_BINDINGS
