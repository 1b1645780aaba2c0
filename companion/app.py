"""The Textual app: start-up, the screen stack, the keys that work everywhere, quick hide
and the way to the crisis contacts. Every feature runs its own flows (see its folder)."""

from __future__ import annotations

import gc
import importlib.util
import random
from collections.abc import Iterable
from datetime import timedelta
from pathlib import Path, PurePath
from typing import Any, ClassVar

from textual import events
from textual.app import App, SystemCommand
from textual.binding import Binding, BindingType
from textual.screen import ModalScreen, Screen
from textual.widgets import Input

from companion.clock import Clock, SystemClock
from companion.contacts import flows as contacts
from companion.features import COMMANDS
from companion.main_screen import MainScreen
from companion.reasons import flows as reasons
from companion.settings import flows as settings
from companion.store import seal
from companion.store.repository import Repository
from companion.ui import crash
from companion.ui.commands import palette
from companion.ui.context import Context
from companion.ui.dialogs import ConfirmDialog, NoticeDialog
from companion.ui.hide import HiddenScreen
from companion.ui.loaded import instance_of
from companion.ui.text import typed
from companion.urge import flows as urge
from companion.welcome import flows as welcome

STYLE_FILES = (
    "app.tcss",
    "counter.tcss",
    "dialogs.tcss",
    "urge.tcss",
    "reasons.tcss",
    "contacts.tcss",
    "checklist.tcss",
)
"""The stylesheets, in the order they apply."""

TYPED_KEY_ACTIONS = frozenset({"urge", "crisis_key", "review", "hoover"})
"""Actions bound to printable keys: never while the person is typing, nor in a dialog."""

OFF_COMMANDS = frozenset({"Screenshot"})
"""Textual's palette commands left out: a screenshot writes the screen outside the folder."""

ACTIVITY = (
    events.Key,
    events.MouseDown,
    events.MouseScrollDown,
    events.MouseScrollUp,
    events.Paste,
)
"""What counts as the person using the app (for locking when idle)."""
IDLE_CHECK_SECONDS = 5.0
"""How often a sealed folder's app looks whether it has been idle long enough to lock."""
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


class CompanionApp(App[None]):
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
        self.ctx = Context(
            self,
            repository,
            self.clock,
            self.rng,
            crisis=self.action_crisis,
            running_urge=repository.open_urge,
        )
        self.shown_day = self.ctx.today
        self.crash: crash.Crash | None = None
        """What was kept when something unexpected stopped the app, if it did."""
        self.locked = False
        """The app closed to lock a sealed folder (the command line asks again)."""
        self.last_input = self.clock.now()
        """When the person last pressed a key or used the mouse."""

    # Start-up ----------------------------------------------------------------

    def get_default_screen(self) -> Screen[Any]:
        """The main screen is the base of the stack."""
        return MainScreen(self.ctx)

    def on_mount(self) -> None:
        """Show the main screen, anything recovered, and the welcome on the first start."""
        self.set_interval(DAY_CHECK_SECONDS, self.check_day)
        self.set_interval(IDLE_CHECK_SECONDS, self.lock_if_idle)
        settings.remember_theme(self.ctx)
        self.repository.keep_glance(self.ctx.clock.now())
        if self.repository.recovery is not None:
            self.push_screen(
                NoticeDialog("Your data was restored", self.repository.recovery.message())
            )
        if self.repository.folder.privacy_problem is not None:
            self.push_screen(
                NoticeDialog(
                    "Your files are not private yet", self.repository.folder.privacy_problem
                )
            )
        if self.repository.journal_notice is not None:
            self.push_screen(
                NoticeDialog("Some changes could not be read", self.repository.journal_notice)
            )
        self._offer_kept_drafts()
        self.ctx.tell_waiting()  # a folder that cannot be written to opens to read
        self.call_after_refresh(self.repository.fold_in_background)
        self.call_after_refresh(_settle_memory)
        if not self.repository.profile.welcomed:
            self.ctx.start(welcome.welcome(self.ctx))
        elif self.ctx.running_urge is not None:
            self.ctx.start(urge.offer_resume(self.ctx))

    # Locking --------------------------------------------------------------------

    @property
    def sealed(self) -> bool:
        """Whether the data folder is sealed with a passphrase (so it can be locked)."""
        return seal.sealed_now(self.repository.folder.root)

    async def on_event(self, event: events.Event) -> None:
        """Note the time of every key and click (for locking when idle)."""
        if isinstance(event, ACTIVITY):
            self.last_input = self.clock.now()
        await super().on_event(event)

    def lock_if_idle(self) -> None:
        """Lock a sealed folder's app once it has been idle as long as the person chose."""
        minutes = self.repository.profile.lock_minutes
        if self.locked or not self.sealed or minutes <= 0:
            return
        if self.clock.now() - self.last_input >= timedelta(minutes=minutes):
            self.lock()

    def lock(self) -> None:
        """Close on the unlock screen: what is being typed is kept (sealed) to be shown
        after unlocking, the screen and the scrollback are cleared as for quick hide, and
        the app lets go of the data (the command line drops the keys and this app)."""
        if self.locked:
            return
        try:
            typed_now = crash.being_typed(self)
        except Exception:  # half-built screens: nothing more to keep
            typed_now = []
        waiting = list(self.repository.ledger.waiting)
        if typed_now or waiting:  # kept sealed, and shown after unlocking
            crash.keep_drafts(
                self.repository.folder.root, typed_now, self.clock.now(), waiting, crash.LOCKED
            )
        driver = self._driver
        if driver is not None and not driver.is_headless:
            driver.write("\x1b[2J\x1b[3J")
        self.locked = True
        self.exit()

    def _offer_kept_drafts(self) -> None:
        """Show what was being typed when the app last closed on a problem, once."""
        kept = crash.unseen_drafts(self.repository.folder.root)
        text = crash.read_drafts(kept)
        if not kept:
            return

        def kept_as_seen(_closed: object = None) -> None:
            if not self.repository.ledger.look:  # looking only: shown, nothing written
                crash.mark_seen(kept)

        if text:
            why = (
                "companion locked itself while you were typing."
                if crash.read_why(kept) == crash.LOCKED
                else "companion closed on a problem last time, while you were typing."
            )
            message = (
                f"{why} Here is what you had written, so it is not lost:\n\n{text}\n\n"
                f"It is also kept in {kept[-1].parent}."
            )
            self.push_screen(
                NoticeDialog("What you were writing", message),
                kept_as_seen,
            )
        else:
            kept_as_seen()

    def _handle_exception(self, error: Exception) -> None:
        """Something unexpected: keep what was being typed and a report in the data
        folder, and let nothing the person wrote reach the terminal (Textual would print
        a traceback with the values of local variables). The app exits with status 1; the
        command line prints ``self.crash.message()``."""
        if self.crash is None:
            self.crash = crash.keep_after(self.repository.folder.root, error, self)
        super()._handle_exception(error)
        self._exit_renderables.clear()

    def deliver_screenshot(self, *_args: Any, **_kwargs: Any) -> None:
        """Never: a screenshot would put every word on screen in a file outside the data
        folder (Textual writes it to the downloads folder)."""

    def action_screenshot(self, *_args: Any, **_kwargs: Any) -> None:
        """Never; see ``deliver_screenshot``."""

    def action_hoover(self) -> None:
        """They reached out: log it, from any full screen."""
        COMMANDS["hoovers.log"].start(self.ctx)

    def action_command(self, command_id: str) -> None:
        """Start the command with ``command_id`` (a key or the palette chose it)."""
        COMMANDS[command_id].start(self.ctx)

    def action_urge(self) -> None:
        """``u``, from every full screen: ride out an urge, or go back to the one running."""
        self.action_command("urge.start")

    def check_day(self) -> None:
        """Move the counter on when the local day changes, with no restart."""
        if self.ctx.today != self.shown_day:
            self.shown_day = self.ctx.today
            self.ctx.changed("day")

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

    # Help, hiding, palette -----------------------------------------------------

    def bell(self) -> None:
        """Never ring the terminal bell: a sound could give the app away."""

    def action_toggle_help(self) -> None:
        """Show or hide the help for the focused pane and the keys."""
        from textual.widgets import HelpPanel  # it brings Markdown: only when first asked

        if self.screen.query(HelpPanel):
            self.action_hide_help_panel()
        else:
            self.action_show_help_panel()

    def action_quick_hide(self) -> None:
        """Blank the screen at once, clear the scrollback, and wait for a key."""
        if isinstance(self.screen, HiddenScreen):
            return
        self.ctx.clipboard.clear()
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
            return not contacts.showing_crisis(self.screen) and not self.check_action(
                "crisis_key", ()
            )
        if action not in TYPED_KEY_ACTIONS:
            return True
        typing = isinstance(self.focused, Input) or instance_of(
            self.focused, "textual.widgets._text_area", "TextArea"
        )
        if typing or isinstance(self.screen, ModalScreen):
            return False
        return not self._already_there(action)

    def _already_there(self, action: str) -> bool:
        """True where a one-key action would open what is already open: it then leaves
        the footer instead of being offered and doing nothing."""
        if action == "urge":
            return urge.shown(self.ctx)
        if action == "crisis_key":
            return contacts.showing_crisis(self.screen)
        if action == "review":
            return reasons.showing_review(self.screen)
        return False

    def get_system_commands(self, screen: Screen[object]) -> Iterable[SystemCommand]:
        """The app's own commands in the palette, then Textual's."""
        yield SystemCommand("Hide the screen", "Blank the screen at once", self.action_quick_hide)
        yield from palette(COMMANDS.values(), self.ctx, isinstance(screen, MainScreen), screen)
        for command in super().get_system_commands(screen):
            if command.title not in OFF_COMMANDS:
                yield command

    async def action_quit(self) -> None:
        """Quit; while changes still wait for the disk, ask first (quitting loses them)."""
        ledger = self.repository.ledger
        if ledger.waiting and not ledger.write_waiting():
            self.push_screen(
                ConfirmDialog(
                    "Not written yet",
                    typed(f"{ledger.waiting_why} Quit anyway and lose what was saved since?"),
                    yes="Quit anyway",
                    no="Stay",
                ),
                lambda answer: self.exit() if answer else None,
            )
            return
        self.exit()

    def exit(self, *args: Any, **kwargs: Any) -> None:
        """Quit: first take off the clipboard what the app put there."""
        self.ctx.clipboard.clear()
        super().exit(*args, **kwargs)

    def on_unmount(self) -> None:
        """Let go of the data folder and of what was read from it; every change was
        saved when it was made."""
        self.repository.close()
        self.repository.keep_glance(self.ctx.clock.now())  # for the files as they are left
        self.repository.forget()
        self.ctx.undo_stacks.clear()
        self.ctx.running_urge = None
        # Textual keeps the screen composed first (the main screen, and every pane with
        # its rows) on the app after it has gone; a locked app must not.
        self._compose_screen = None
        gc.unfreeze()  # what was set aside can be collected again once the app is gone


def _settle_memory() -> None:
    """After the first frame, set what start-up made (modules, styles, the main screen)
    aside from the cycle collector's rounds: it lives as long as the app, and walking
    through it at every full collection held the screen still for tens of milliseconds
    while years of history were read."""
    gc.freeze()


def build_app(
    data_dir: Path,
    clock: Clock | None = None,
    rng: random.Random | None = None,
    *,
    look: bool = False,
) -> CompanionApp:
    """The one way to build the app, for the command line and the tests alike.

    Opens (and locks) the data folder; raises a StoreError subclass with a plain
    message when that can't be done. With ``look`` the folder is only read: nothing in
    it is changed, and what is saved stays in memory until the app quits.
    """
    repository = Repository.open(data_dir, None if clock is None else clock.now, look=look)
    # What the imports and the opened data made lives as long as the app: set aside from
    # the cycle collector now, its first full round while the screen is built does not
    # walk through all of it (40 ms at start with years of data).
    gc.freeze()
    try:
        return CompanionApp(repository, clock, rng)
    except BaseException:
        repository.close()
        raise
