"""The first-run welcome: what this place is, when No Contact began, and a name for them."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.widgets import Button, Input, Label, Select, Static

from companion.domain.errors import ValidationError
from companion.domain.profile import check_alias
from companion.ui.dialogs import DatePreview, after_typing
from companion.ui.field import Field
from companion.ui.keybar import KeyBar
from companion.ui.safety import Page

WELCOME = (
    "This is a private space: nothing you write leaves this computer.\n"
    "If someone walks in, ctrl+l hides the screen at once.\n"
    "A passphrase can seal it all: ctrl+p, then Set a passphrase."
)


@dataclass(frozen=True)
class Welcome:
    """What the person chose on the welcome screen; every part may be left out."""

    start: date | None
    """The day No Contact began, if given."""
    alias: str
    """A name for the person they left, or empty."""
    country: str | None = None
    """The country for helplines, if chosen."""


class WelcomeScreen(Page[Welcome]):
    """Shown once, on the first start. Both questions can be skipped."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "skip", "Skip for now"),
        Binding("ctrl+s", "begin", "Begin", priority=True),
        # Enter in a field is handled while keys are dispatched (priority), so letters
        # typed right after it already reach the next field.
        Binding("enter", "next_field", "Next", priority=True, show=False),
    ]

    AUTO_FOCUS = "#start"

    def __init__(
        self, today: date, countries: dict[str, str] | None = None, guess: str | None = None
    ) -> None:
        """Read dates relative to ``today``; offer ``countries``, starting on ``guess``."""
        super().__init__()
        self.today = today
        self.countries = countries or {}
        self.guess = guess if guess in self.countries else None

    def compose(self) -> ComposeResult:
        """The welcome text and three optional questions."""
        with VerticalScroll(id="welcome"), Vertical(id="welcome-box"):
            yield Static("Welcome", id="welcome-title")
            yield Static(WELCOME, id="welcome-text")
            yield Label("When did No Contact begin? (optional)")
            yield Field(placeholder="for example: yesterday, 17 Oct, 3 weeks ago", id="start")
            yield DatePreview("", id="preview")
            yield Label("What would you like me to call the person you left? (optional)")
            yield Field(
                placeholder="a name, initials, or leave empty for \u201cthem\u201d", id="alias"
            )
            if self.countries:
                yield Label("Your country, for helplines (optional; change it any time)")
                options = [(name, code) for code, name in self.countries.items()]
                yield Select(
                    options,
                    value=self.guess if self.guess else Select.NULL,
                    prompt="Choose later",
                    id="country",
                    compact=True,
                )
            yield Static("", id="welcome-error")
            with Horizontal(id="welcome-buttons"):
                yield Button("Begin", variant="primary", id="begin")
                yield Button("Skip for now", id="skip")
        yield KeyBar()

    @on(Input.Changed, "#start")
    def _start_changed(self, event: Input.Changed) -> None:
        """Preview the day as it is typed."""
        self.query_one(DatePreview).show_optional(event.value, self.today)
        self.query_one("#welcome-error", Static).update("")

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Enter is ours only in the two text fields; elsewhere it presses or opens."""
        if action == "next_field":
            return self.focused is not None and self.focused.id in ("start", "alias")
        return True

    def action_next_field(self) -> None:
        """Enter in the date moves on to the name; Enter in the name begins."""
        if self.focused is not None and self.focused.id == "start":
            self.set_focus(self.query_one("#alias", Input))
        else:
            self.action_begin()

    @on(Button.Pressed, "#begin")
    def _begin_pressed(self) -> None:
        """The Begin button."""
        self.action_begin()

    @on(Button.Pressed, "#skip")
    def _skip_pressed(self) -> None:
        """The Skip button."""
        self.action_skip()

    def action_begin(self) -> None:
        """Finish with what was typed (every key of it), or say what needs changing."""
        after_typing(self, self._begin)

    def _begin(self) -> None:
        """Finish."""
        text = self.query_one("#start", Input).value
        try:
            start = self.query_one(DatePreview).show_optional(text, self.today)
            if text.strip() and start is None:
                self.set_focus(self.query_one("#start", Input))
                raise ValidationError("That date needs a look before we begin (see above).")
            alias = check_alias(self.query_one("#alias", Input).value)
        except ValidationError as error:
            self.query_one("#welcome-error", Static).update(str(error))
            return
        country = None
        if self.countries:
            chosen = self.query_one("#country", Select).value
            country = chosen if isinstance(chosen, str) else None
        if self.app.screen is self:
            self.dismiss(Welcome(start=start, alias=alias, country=country))

    def action_skip(self) -> None:
        """Leave both questions for later."""
        self.dismiss(Welcome(start=None, alias=""))
