"""The Textual app: screens, global keys, and the one place that saves."""

from __future__ import annotations

import importlib.util
import random
from collections.abc import Iterable
from dataclasses import replace
from pathlib import Path, PurePath
from typing import Any, ClassVar, TypeVar

from rich.text import Text
from textual import on, work
from textual.app import SystemCommand
from textual.binding import Binding, BindingType
from textual.screen import ModalScreen, Screen
from textual.widgets import HelpPanel, Input, TextArea

from companion.app_base import AppBase
from companion.clock import Clock, SystemClock
from companion.contacts import flows as contacts
from companion.contacts.crisis import CrisisScreen
from companion.counter import flows as counter
from companion.counter.pane import DayCounter
from companion.domain.dates import format_moment
from companion.domain.reasons import (
    for_urge,
)
from companion.domain.urge import UrgeSession, span_words
from companion.domain.urge_figures import urge_stats
from companion.domain.urge_guidance import SKILLS
from companion.features import COMMANDS
from companion.letters import flows as letters
from companion.main_screen import MainScreen
from companion.reasons import flows as reasons
from companion.settings import flows as settings
from companion.store.repository import Repository
from companion.ui.commands import palette
from companion.ui.context import Context, DataChanged
from companion.ui.dialogs import ConfirmDialog, NoticeDialog
from companion.ui.hide import HiddenScreen
from companion.ui.text import one_line
from companion.urge.dialogs import SkillDialog, TriggerDialog, UrgeEndDialog, UrgeLengthDialog
from companion.urge.history import UrgeHistoryScreen
from companion.urge.pane import UrgePane
from companion.urge.screen import UrgeScreen
from companion.urge.start import UrgeStartDialog
from companion.welcome import flows as welcome

T = TypeVar("T")

STYLE_FILES = (
    "app.tcss",
    "day_counter.tcss",
    "dialogs.tcss",
    "urge.tcss",
    "reasons.tcss",
    "contacts.tcss",
    "checklist.tcss",
)
"""The stylesheets, in the order they apply."""

TYPED_KEY_ACTIONS = frozenset({"urge", "crisis_key", "review", "hoover"})
"""Actions bound to printable keys: never while the person is typing, nor in a dialog."""

DAY_CHECK_SECONDS = 15.0
"""How often the app looks whether the local day has changed (so midnight moves the counter)."""


def stylesheets() -> list[Path]:
    """Paths of the stylesheets: inside the installed package, or beside it in a checkout."""
    spec = importlib.util.find_spec("companion.styles")
    if spec is not None and spec.origin is not None:
        folder = Path(spec.origin).resolve().parent
    else:
        folder = Path(__file__).resolve().parent.parent / "styles"
    return [folder / name for name in STYLE_FILES]


class CompanionApp(AppBase):
    """A private companion for keeping No Contact, one screen at a time."""

    CSS_PATH: ClassVar[list[str | PurePath]] = list[str | PurePath](stylesheets())
    TITLE = "companion"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("u", "urge", "Urge", priority=True),
        Binding("r", "review", "Reasons", priority=True, show=False),
        Binding("h", "hoover", "They reached out", priority=True, show=False),
        Binding("exclamation_mark", "crisis_key", "Crisis", key_display="!", priority=True),
        # Two bindings for one key: the first is offered in the footer wherever ! can't be
        # used (a dialog, a text field); elsewhere it steps aside for the second, unseen.
        Binding("ctrl+g", "crisis_here", "Crisis", priority=True),
        Binding("ctrl+g", "crisis", "Crisis", priority=True, show=False),
        Binding("ctrl+l", "quick_hide", "Hide", priority=True),
    ]

    def __init__(
        self, repository: Repository, clock: Clock | None = None, rng: random.Random | None = None
    ) -> None:
        """Show the data in ``repository``, reading the time from ``clock``.

        ``rng`` shuffles reasons for review (tests pass a seeded one).
        """
        super().__init__()
        self.repository = repository
        self.clock = clock or SystemClock()
        self.rng = rng or random.Random()
        self.shown_day = self.today
        self.current_urge: UrgeSession | None = repository.open_urge
        self.ctx = Context(self, repository, self.clock, self.rng, crisis=self.action_crisis)

    # Start-up ----------------------------------------------------------------

    def get_default_screen(self) -> Screen[Any]:
        """The main screen is the base of the stack."""
        return MainScreen(self.ctx)

    def on_mount(self) -> None:
        """Show the main screen, anything recovered, and the welcome on the first start."""
        self.set_interval(DAY_CHECK_SECONDS, self.check_day)
        # Until every pane listens for itself, a change shows everywhere.
        self.ctx.listen(self, self._bridge_changed)
        settings.remember_theme(self.ctx)
        if self.repository.recovery is not None:
            self.push_screen(
                NoticeDialog("Your data was restored", self.repository.recovery.message())
            )
        if not self.repository.profile.welcomed:
            self.ctx.start(welcome.welcome(self.ctx))
        elif self.current_urge is not None:
            self.offer_resume(self.current_urge)

    # Figures -------------------------------------------------------------------

    def refresh_figures(self) -> None:
        """Recompute the day counter for today."""
        self.shown_day = self.today
        stats = urge_stats(self.repository.urges, self.clock.now())
        for screen in self.screen_stack:
            for counter_pane in screen.query(DayCounter):
                counter_pane.show_figures()
            for urges in screen.query(UrgePane):
                urges.stats = stats
                urges.running = self.current_urge

    def _bridge_changed(self, change: DataChanged) -> None:
        """Show every figure and every open list again after a change."""
        self.refresh_figures()

    def action_hoover(self) -> None:
        """They reached out: log it, from any full screen."""
        COMMANDS["hoovers.log"].start(self.ctx)

    def action_command(self, command_id: str) -> None:
        """Start the command with ``command_id`` (a key or the palette chose it)."""
        COMMANDS[command_id].start(self.ctx)

    def check_day(self) -> None:
        """Move the counter on when the local day changes, with no restart."""
        if self.today != self.shown_day:
            self.shown_day = self.today
            self.ctx.changed("day")
            self.refresh_figures()

    # Urge surfing ----------------------------------------------------------------

    @work(group="urge")
    async def action_urge(self) -> None:
        """Start riding out an urge: one digit and the timer runs. Or go back to one."""
        if any(isinstance(screen, UrgeScreen | UrgeStartDialog) for screen in self.screen_stack):
            return
        if self.current_urge is not None:
            self.show_urge(self.current_urge)
            return
        minutes = self.repository.profile.urge_minutes
        choice = await self.push_screen_wait(UrgeStartDialog(minutes))
        if choice is None:
            return
        if self.current_urge is not None:  # a second prompt answered after the first
            self.show_urge(self.current_urge)
            return
        session = UrgeSession.start(choice.rating, self.clock.now(), choice.mode, minutes)
        self.current_urge = session
        self.show_urge(session)
        # The timer is already running: a failed save is reported but never stops it,
        # and every later change saves the whole session again.
        self.attempt(self.repository.save_urge, session)
        self.refresh_figures()

    def show_urge(self, session: UrgeSession) -> None:
        """Show the running session, with one of the person's own reasons."""
        reason = for_urge(self.repository.reasons, self.rng)
        glance = one_line(reason.glance, 160) if reason is not None else ""
        self.push_screen(UrgeScreen(session, self.clock, glance), callback=self._left_urge)

    def _left_urge(self, _result: object) -> None:
        """Back on the main screen: show whether a session is still running."""
        self.refresh_figures()

    def update_urge(self, session: UrgeSession) -> None:
        """Keep a changed session, save it, and show it."""
        self.current_urge = session if session.running else None
        self.attempt(self.repository.save_urge, session)
        for screen in self.screen_stack:
            if isinstance(screen, UrgeScreen):
                screen.session = session

    @on(UrgeScreen.Rated)
    def _urge_rated(self, event: UrgeScreen.Rated) -> None:
        """A check-in rating."""
        if self.current_urge is not None:
            self.update_urge(self.current_urge.rated(event.value, self.clock.now()))

    @on(UrgeScreen.Extended)
    def _urge_extended(self) -> None:
        """Five more minutes."""
        if self.current_urge is not None:
            self.update_urge(self.current_urge.extended())
            self.notify("Five more minutes.", markup=False)

    @on(UrgeScreen.SafetyAnswered)
    def _urge_safety(self, event: UrgeScreen.SafetyAnswered) -> None:
        """Not safe: the crisis contacts come first."""
        if self.current_urge is not None:
            self.update_urge(self.current_urge.with_details(unsafe=not event.safe))
        if not event.safe:
            self.action_crisis()

    @on(UrgeScreen.SkillRequested)
    def _urge_skill(self, event: UrgeScreen.SkillRequested) -> None:
        """Show an offered skill."""
        self.push_screen(SkillDialog(SKILLS[event.key]))

    @on(UrgeScreen.WriteRequested)
    @work(group="dialog")
    async def _urge_write(self) -> None:
        """The letter that is never sent, kept with the others and linked to the session."""
        if self.current_urge is not None:
            await letters.write_session_letter(self.ctx, self.current_urge.id)

    @on(UrgeScreen.TriggerRequested)
    @work(group="dialog")
    async def _urge_trigger(self) -> None:
        """What set it off."""
        trigger = await self.push_screen_wait(TriggerDialog())
        if trigger is not None and self.current_urge is not None:
            self.update_urge(self.current_urge.with_details(trigger=trigger))

    @on(UrgeScreen.EndRequested)
    @work(group="dialog")
    async def _urge_end(self) -> None:
        """Close the running session."""
        if self.current_urge is not None:
            await self.end_urge(self.current_urge)

    async def end_urge(self, session: UrgeSession) -> None:
        """Ask how it went, save it, and follow up gently."""
        now = self.clock.now()
        ending = await self.push_screen_wait(UrgeEndDialog(session, now, self.alias))
        if ending is None:
            return
        self.update_urge(session.ended(ending.outcome, now, ending.helped))
        if isinstance(self.screen, UrgeScreen):
            self.screen.dismiss(None)
        self.refresh_figures()
        if ending.outcome == "contacted":
            question = Text(
                "That's all right; it happens, and it doesn't undo what you have done. "
                "Would you like to log it as a slip now? Every day before it still counts."
            )
            await counter.offer_slip(self.ctx, "Contact happened", question)
        elif ending.outcome == "they_contacted":
            self.notify("Kept with this session. Being contacted never counts against you.")
        else:
            self.notify("Closed. You stayed with something hard.", markup=False)

    @work(group="dialog")
    async def offer_resume(self, session: UrgeSession) -> None:
        """A session left open by a quit or a crash: resume it, or close it."""
        started = format_moment(session.started_at)
        elapsed = span_words(session.elapsed(self.clock.now()))
        question = Text(
            f"You started riding out an urge on {started} ({elapsed} ago) and it is "
            "still open. You can pick it up as it is now, or close it and say how it went."
        )
        answer = await self.push_screen_wait(
            ConfirmDialog("A session is still open", question, "Resume", "Close it")
        )
        if answer:
            self.show_urge(session)
        elif answer is False:
            await self.end_urge(session)

    def action_urge_history(self) -> None:
        """Every session, and the person's own figures."""
        stats = urge_stats(self.repository.urges, self.clock.now())
        self.push_screen(UrgeHistoryScreen(self.repository.urges, stats.figures, self.alias))

    # Reasons ---------------------------------------------------------------------

    def action_review(self) -> None:
        """``r``: read the reasons one at a time (not while typing; see check_action)."""
        reasons.review(self.ctx)

    # Crisis ----------------------------------------------------------------------

    def action_crisis_key(self) -> None:
        """``!``: the crisis view (not while typing; see check_action)."""
        contacts.open_crisis(self.ctx)

    def action_crisis(self) -> None:
        """The crisis view, from anywhere; escape returns exactly where the person was."""
        contacts.open_crisis(self.ctx)

    def action_crisis_here(self) -> None:
        """ctrl+g where ! can't be used: the same crisis view."""
        contacts.open_crisis(self.ctx)

    # Settings ------------------------------------------------------------------

    @work(group="dialog")
    async def action_set_urge_length(self) -> None:
        """Choose the default length of an urge session."""
        profile = self.repository.profile
        minutes = await self.push_screen_wait(UrgeLengthDialog(profile.urge_minutes))
        if minutes is None:
            return
        changed = replace(profile, urge_minutes=minutes)
        if self.attempt(self.repository.save_profile, changed) is not None:
            self.notify(f"Urge sessions now last {minutes} minutes.", markup=False)

    def bell(self) -> None:
        """Never ring the terminal bell: a sound could give the app away."""

    # Help, hiding, palette -----------------------------------------------------

    def action_toggle_help(self) -> None:
        """Show or hide the help for the focused pane and the keys."""
        if self.screen.query(HelpPanel):
            self.action_hide_help_panel()
        else:
            self.action_show_help_panel()

    def action_quick_hide(self) -> None:
        """Blank the screen at once, clear the scrollback, and wait for a key."""
        if isinstance(self.screen, HiddenScreen):
            return
        self.clear_notifications()
        driver = self._driver
        if driver is not None and not driver.is_headless:
            driver.write("\x1b[2J\x1b[3J")
        self.push_screen(HiddenScreen())

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """While hidden, no key opens anything: the next key only brings the screen back.

        The one-key actions (``u``, ``r``, ``h``, ``!``) work from full screens, and step
        aside while a text field has focus, so they can be typed. Inside a dialog they
        never fire, wherever the focus is: there a key does only what the dialog says
        (``ctrl+g``, ``ctrl+l`` and ``ctrl+p`` still work everywhere). Refused here, they
        also leave the dialog's footer.
        """
        if isinstance(self.screen, HiddenScreen):
            return action == "quick_hide"
        if action == "crisis_here":  # ctrl+g in the footer only where ! is not offered
            return not isinstance(self.screen, CrisisScreen) and not self.check_action(
                "crisis_key", ()
            )
        if action not in TYPED_KEY_ACTIONS:
            return True
        typing = isinstance(self.focused, (Input, TextArea))
        if typing or isinstance(self.screen, ModalScreen):
            return False
        return not self._already_there(action)

    def _already_there(self, action: str) -> bool:
        """True where a one-key action would open what is already open: it then leaves
        the footer instead of being offered and doing nothing."""
        if action == "urge":
            return any(isinstance(s, UrgeScreen | UrgeStartDialog) for s in self.screen_stack)
        if action == "crisis_key":
            return isinstance(self.screen, CrisisScreen)
        if action == "review":
            return reasons.showing_review(self.screen)
        return False

    def get_system_commands(self, screen: Screen[object]) -> Iterable[SystemCommand]:
        """The app's own commands in the palette, then Textual's."""
        if isinstance(screen, MainScreen):
            yield SystemCommand(
                "Urge sessions", "Every urge you rode out", self.action_urge_history
            )
            yield SystemCommand(
                "Urge session length",
                "How long a session lasts unless you pick another",
                self.action_set_urge_length,
            )
        yield SystemCommand("Ride out an urge", "Start the urge timer", self.action_urge)
        yield SystemCommand("Hide the screen", "Blank the screen at once", self.action_quick_hide)
        yield from palette(COMMANDS.values(), self.ctx, isinstance(screen, MainScreen), screen)
        yield from super().get_system_commands(screen)

    def on_unmount(self) -> None:
        """Let go of the data folder; every change was saved when it was made."""
        self.repository.close()


def build_app(
    data_dir: Path, clock: Clock | None = None, rng: random.Random | None = None
) -> CompanionApp:
    """The one way to build the app, for the command line and the tests alike.

    Opens (and locks) the data folder; raises a StoreError subclass with a plain
    message when that can't be done.
    """
    repository = Repository.open(data_dir, None if clock is None else clock.now)
    try:
        return CompanionApp(repository, clock, rng)
    except BaseException:
        repository.close()
        raise
