"""The line of keys at the foot of every screen, drawn as one widget.

Textual's own footer makes a widget for every key and builds them all again whenever
the keys change (each focus move, each screen): at start that was a tenth of the time to
the first frame. This bar reads the same keys (the screen's active bindings, one per
action, the ones refused by ``check_action`` left out and the ones it answers ``None``
dimmed) and draws them as one line; a click on a key presses it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from rich.cells import cell_len
from rich.style import Style
from rich.text import Text
from textual import events
from textual.widget import Widget

if TYPE_CHECKING:
    from textual.screen import Screen


DIM = Style(dim=True)
"""How a key that does nothing here is drawn."""

Offer = tuple[str, str, str, bool]
"""A key offered: the key, how it is shown, its words, and whether it works here."""


class KeyBar(Widget, can_focus=False):
    """The keys the screen offers now, then the palette's on the right when asked."""

    ALLOW_SELECT = False
    COMPONENT_CLASSES: ClassVar[set[str]] = {"keybar--key", "keybar--description"}
    DEFAULT_CSS = """
    KeyBar {
        dock: bottom;
        height: 1;
        width: 1fr;
        color: $footer-foreground;
        background: $footer-background;
        text-wrap: nowrap;
        text-overflow: clip;
    }
    KeyBar > .keybar--key {
        color: $footer-key-foreground;
        background: $footer-key-background;
        text-style: bold;
    }
    KeyBar > .keybar--description {
        color: $footer-description-foreground;
        background: $footer-description-background;
    }
    """

    def __init__(self, *, compact: bool = False, show_command_palette: bool = True) -> None:
        """``compact`` leaves one space between a key and its word (else a space around
        the key); ``show_command_palette`` puts the palette's key at the right end."""
        super().__init__()
        self.compact = compact
        self.show_command_palette = show_command_palette
        self._spans: list[tuple[int, int, str, bool]] = []
        """Where each key was drawn: first column, column after, key, whether it works."""

    def on_mount(self) -> None:
        """Draw again whenever the screen's keys change."""
        self.screen.bindings_updated_signal.subscribe(self, self._keys_changed)

    def on_unmount(self) -> None:
        """Stop listening to the screen."""
        self.screen.bindings_updated_signal.unsubscribe(self)

    def _keys_changed(self, screen: Screen[object]) -> None:
        """The keys changed: draw them again (the width may change as well)."""
        if self.is_attached and screen is self.screen:
            self.refresh()

    def _offered(
        self,
    ) -> tuple[list[tuple[str, str, str, bool]], tuple[str, str, str, bool] | None]:
        """The keys to draw, in order, and the palette's key: (key, shown as, words, works)."""
        active = self.screen.active_bindings
        palette_key = self.app.COMMAND_PALETTE_BINDING
        keys: list[Offer] = []
        actions: set[str] = set()
        for _node, binding, enabled, _tooltip in active.values():
            if not binding.show or binding.action in actions:
                continue
            actions.add(binding.action)
            keys.append(
                (binding.key, self.app.get_key_display(binding), binding.description, enabled)
            )
        palette = None
        if self.show_command_palette and self.app.ENABLE_COMMAND_PALETTE and palette_key in active:
            _node, binding, enabled, _tooltip = active[palette_key]
            palette = (binding.key, self.app.get_key_display(binding), binding.description, enabled)
        return keys, palette

    def _piece(self, shown: str, words: str, works: bool, compact: bool) -> Text:
        """One key and its words, styled; dimmed when the key does nothing here."""
        key_style = self.get_component_rich_style("keybar--key")
        words_style = self.get_component_rich_style("keybar--description")
        if not works:
            key_style, words_style = key_style + DIM, words_style + DIM
        pad = "" if compact else " "
        piece = Text(end="")
        piece.append(f"{pad}{shown}{pad}", key_style)
        if words:
            piece.append(f" {words}" if compact else f"{words} ", words_style)
        return piece

    def render(self) -> Text:
        """The keys on one line, cut at the width, the palette's key kept at the right."""
        keys, palette = self._offered()
        line = Text(no_wrap=True, overflow="crop", end="")
        spans: list[tuple[int, int, str, bool]] = []
        for key, shown, words, works in keys:
            if line and self.compact:
                line.append(" ")
            piece = self._piece(shown, words, works, self.compact)
            start = cell_len(line.plain)
            line.append_text(piece)
            spans.append((start, start + cell_len(piece.plain), key, works))
        room = self.size.width
        tail = None
        if palette is not None:
            tail_key, shown, words, tail_works = palette
            tail = self._piece(shown, words, tail_works, compact=True)
            room = max(room - cell_len(tail.plain) - 1, 0)
        if cell_len(line.plain) > room:  # a key that does not fit is left out whole
            spans = [span for span in spans if span[1] <= room]
            line.truncate(spans[-1][1] if spans else 0)
        if tail is not None:
            line.append(" " * (room - cell_len(line.plain)))
            line.append("▏", DIM)
            line.append_text(tail)
            spans.append((room + 1, room + 1 + cell_len(tail.plain), tail_key, tail_works))
        self._spans = spans
        return line

    def on_click(self, event: events.Click) -> None:
        """A click on a key presses it (a dimmed one does nothing)."""
        for start, end, key, works in self._spans:
            if start <= event.x < end:
                event.stop()
                if works:
                    self.app.simulate_key(key)
                return
