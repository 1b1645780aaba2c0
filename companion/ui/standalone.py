"""What the small apps that open in place of the main one share (the rescue screen when
the data cannot be used, the unlock screen of a sealed folder): quick hide, no bell, no
palette commands that write anything, and where to turn, from the list that ships with
the app (no data file is needed for it)."""

from __future__ import annotations

import os
from typing import Any, ClassVar, TypeVar

from rich.text import Text
from textual.app import App
from textual.binding import Binding, BindingType

from companion.domain.helplines import (
    EVERYWHERE,
    guess_country,
    helplines_for,
    line_number,
    load_shipped,
    shipped_text,
)
from companion.ui.hide import HiddenScreen

T = TypeVar("T")


class StandaloneApp(App[T]):
    """A small app with quick hide (ctrl+l) and nothing in its palette."""

    TITLE = "companion"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+l", "hide", "Hide", priority=True),
    ]

    def action_hide(self) -> None:
        """Blank the screen and the scrollback at once, until a key."""
        if not isinstance(self.screen, HiddenScreen):
            driver = self._driver
            if driver is not None and not driver.is_headless:
                driver.write("\x1b[2J\x1b[3J")
            self.push_screen(HiddenScreen())

    def bell(self) -> None:
        """Never ring the terminal bell."""

    def get_system_commands(self, screen: Any) -> Any:
        """No palette commands here (a screenshot would write the screen outside)."""
        return iter(())


def where_to_turn() -> Text:
    """The emergency and crisis numbers for the country the terminal's language suggests
    (the ones that cover most people when it suggests none), from the shipped list."""
    text = Text()
    try:
        shipped = load_shipped(shipped_text())
    except Exception:  # the list itself is damaged: the words below still help
        shipped = None
    country = guess_country(os.environ.get("LC_ALL") or os.environ.get("LANG") or "")
    lines = []
    if shipped is not None:
        code = country if country in shipped.countries else EVERYWHERE
        lines = helplines_for(shipped, code, ())
        if code != EVERYWHERE:
            text.append(f"{shipped.countries[code]}\n", style="dim")
    for line in lines[:8]:
        text.append(f"{line.name}  ")
        text.append(line_number(line), style="bold")
        text.append(f"  · {line.serves}\n" if line.serves else "\n", style="dim")
    text.append(
        "Anywhere: call your local emergency number, or find a helpline for your country "
        "at findahelpline.com."
    )
    return text
