"""Quick hide: a blank, neutral screen over everything, until a key is pressed."""

from __future__ import annotations

from textual import events
from textual.screen import Screen


class HiddenScreen(Screen[None]):
    """Nothing personal, no title, no keys shown. Any key brings back what was there."""

    AUTO_FOCUS = None

    def on_key(self, event: events.Key) -> None:
        """Any key returns to exactly where the person was (only the first key counts)."""
        event.stop()
        event.prevent_default()
        self._leave()

    def on_click(self, event: events.Click) -> None:
        """A click returns too."""
        event.stop()
        self._leave()

    def _leave(self) -> None:
        """Close once, however many keys arrive together."""
        if self.app.screen is self:
            self.dismiss(None)
