"""The app's flows around the boundaries: when they reach out, contact modes, necessary
contact, little wins, dates that matter, and every list of them.

A part of the app class (CompanionApp inherits it); it saves through the repository
and shows what changed, like the rest of the app.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import date
from typing import Any

from rich.text import Text
from textual import on, work
from textual.app import SystemCommand

from companion.app_base import AppBase
from companion.counter.dialogs import SlipDraft
from companion.counter.slips import SlipsScreen
from companion.dates.dialog import DateDraft, DateValues, MarkedDateDialog
from companion.dates.log import DatesScreen
from companion.domain.dates import format_day, parse_day
from companion.domain.hoovers import CAUTION as HOOVER_CAUTION
from companion.domain.hoovers import Hoover
from companion.domain.marked_dates import MarkedDate, coming_up
from companion.domain.modes import (
    MODES,
    ModeChange,
    NecessaryContact,
    allows_necessary,
    mode_on,
)
from companion.domain.wins import Win, has_win_on
from companion.hoovers.dialog import HooverDialog, HooverDraft
from companion.hoovers.log import HooversScreen
from companion.modes.dialogs import ModeDialog, ModeDraft, NecessaryDialog, NecessaryDraft
from companion.modes.logs import ModesScreen, NecessaryScreen
from companion.ui.dialogs import ConfirmDialog, NoticeDialog
from companion.ui.log_screen import LogScreen
from companion.ui.text import one_line
from companion.wins.dialog import WinDialog, WinDraft
from companion.wins.log import WinsScreen


@dataclass(frozen=True)
class LogKind:
    """How one list reads, removes, puts back and edits its records."""

    items: Callable[[], Sequence[Any]]
    delete: Callable[[str], Any]
    restore: Callable[[Any], object]
    edit: Callable[[Any], Awaitable[object]]


@dataclass(frozen=True)
class Notice:
    """A quiet line for the day counter, in a long and a short form."""

    long: str
    short: str


class BoundaryFlows(AppBase):
    """Logging contact that never counts against the person, and the lists of it."""

    undo_logs: dict[type[LogScreen[Any]], list[Any]]

    # Every list -----------------------------------------------------------------

    def log_kinds(self) -> dict[type[LogScreen[Any]], LogKind]:
        """Each list screen, and how its records are kept."""
        repo = self.repository
        return {
            SlipsScreen: LogKind(
                lambda: repo.history.slips, repo.delete_slip, repo.restore_slip, self.edit_slip
            ),
            HooversScreen: LogKind(
                lambda: repo.hoovers, repo.hoover_log.delete, repo.hoover_log.save, self.edit_hoover
            ),
            NecessaryScreen: LogKind(
                repo.necessary.all, repo.necessary.delete, repo.necessary.save, self.edit_necessary
            ),
            ModesScreen: LogKind(
                repo.modes.all, repo.modes.delete, repo.modes.save, self.edit_mode
            ),
            WinsScreen: LogKind(repo.wins.all, repo.wins.delete, repo.wins.save, self.edit_win),
            DatesScreen: LogKind(
                repo.dates.all, repo.dates.delete, repo.dates.save, self.edit_date
            ),
        }

    def refresh_logs(self, keep: str | None = None) -> None:
        """Show the records again in every open list, the cursor on ``keep`` if given."""
        kinds = self.log_kinds()
        for screen in self.screen_stack:
            if isinstance(screen, LogScreen) and type(screen) in kinds:
                screen.show(kinds[type(screen)].items(), keep)

    @on(LogScreen.Requested)
    def _log_requested(self, event: LogScreen.Requested) -> None:
        """Add, edit, remove or put back a record of the list that asked."""
        kind = self.log_kinds()[type(event.log)]
        removed = self.undo_logs.setdefault(type(event.log), [])
        item: Any = event.item
        if event.action in ("add", "edit"):
            self.run_worker(kind.edit(item if event.action == "edit" else None), group="dialog")
        elif event.action == "remove" and item is not None:
            if self.attempt(kind.delete, item.id) is not None:
                removed.append(item)
                self.refresh_figures()
                self.refresh_logs()
                self.notify("Removed. Press ctrl+z to put it back.", markup=False)
        elif event.action == "undo":
            self.put_back(removed, kind.restore, self.saved)

    def saved(self, record: Any) -> None:
        """After a save: every figure and every open list, the cursor on ``record``."""
        self.refresh_figures()
        self.refresh_logs(keep=record.id)

    # When they reached out ---------------------------------------------------------

    logging_hoover = False
    """True while a new entry is being logged, so a second ``h`` opens nothing more."""

    @work(group="dialog")
    async def action_hoover(self) -> None:
        """Log that they reached out; it never touches the streak."""
        await self.edit_hoover(None)

    def action_show_hoovers(self) -> None:
        """Every time they reached out."""
        self.push_screen(HooversScreen(self.repository.hoovers, self.repository.profile.they))

    async def edit_hoover(self, entry: Hoover | None) -> None:
        """Log a new time they reached out, or change one; then follow up gently."""
        if entry is None:
            if self.logging_hoover:
                return
            self.logging_hoover = True
            try:
                await self._edit_hoover(None)
            finally:
                self.logging_hoover = False
        else:
            await self._edit_hoover(entry)

    async def _edit_hoover(self, entry: Hoover | None) -> None:
        """The caution (once), the dialog until saved, and the gentle follow-up."""
        if entry is None and not self.repository.hoover_caution_seen:
            await self.push_screen_wait(NoticeDialog("A gentle caution", HOOVER_CAUTION))
            self.attempt(self.repository.save_hoover_caution_seen)
        draft = HooverDraft()
        if entry is not None:
            draft = HooverDraft(
                entry.on.isoformat(),
                entry.channel,
                entry.via,
                entry.said,
                entry.felt,
                entry.unsafe,
                entry.answered,
            )
        they = self.repository.profile.they

        def save(result: HooverDraft) -> Hoover:
            made = Hoover(
                on=parse_day(result.when, self.today),
                channel=result.channel,
                logged_at=self.clock.now(),
                via=result.via if result.channel == "someone" else "",
                said=result.said,
                felt=result.felt,
                unsafe=result.unsafe,
                answered=result.answered,
            )
            if entry is not None:
                made = replace(made, logged_at=entry.logged_at, id=entry.id)
            return self.repository.save_hoover(made)

        saved = await self.until_saved(
            lambda d: HooverDialog(self.today, d, they, editing=entry is not None), draft, save
        )
        if saved is None:
            return
        self.saved(saved)
        if entry is not None:
            return
        self.notify("Logged. Being contacted never counts against you.", markup=False)
        if saved.unsafe:
            self.action_crisis()
        elif saved.answered and self.repository.history.start is not None:
            question = Text(
                "You answered, and that's all right. If you'd like, log it as a slip; "
                "every day before it still counts."
            )
            if await self.push_screen_wait(ConfirmDialog("You answered", question, "Log it")):
                await self.edit_slip(None, SlipDraft(when=saved.on.isoformat(), kind="answered"))

    # Contact modes and necessary contact -----------------------------------------------

    @property
    def mode(self) -> str:
        """The contact mode in force today."""
        return self.repository.mode_today(self.today)

    @work(group="dialog")
    async def action_set_mode(self) -> None:
        """Choose a contact mode from a day on."""
        await self.edit_mode(None)

    def action_show_modes(self) -> None:
        """Every mode chosen, and from when."""
        self.push_screen(ModesScreen(self.repository.modes.all()))

    async def edit_mode(self, change: ModeChange | None) -> None:
        """Choose a new mode, or correct an earlier choice; no figure changes."""
        if change is None:
            in_force = mode_on(self.repository.modes.all(), self.today)
            draft = ModeDraft()
            if in_force is not None:
                draft = ModeDraft(in_force.mode, "today", in_force.rules)
        else:
            draft = ModeDraft(change.mode, change.since.isoformat(), change.rules)

        def save(values: ModeDraft) -> ModeChange:
            since = parse_day(values.since, self.today)
            if change is None:
                made = ModeChange(values.mode, since, self.clock.now(), values.rules)
            else:
                made = replace(change, mode=values.mode, since=since, rules=values.rules)
            return self.repository.modes.save(made)

        saved = await self.until_saved(
            lambda d: ModeDialog(self.today, d, editing=change is not None), draft, save
        )
        if saved is not None:
            self.saved(saved)
            self.notify(
                f"{MODES[saved.mode]} from {format_day(saved.since)}. "
                "Everything logged so far stays as it is.",
                markup=False,
            )

    @work(group="dialog")
    async def action_log_necessary(self) -> None:
        """Log necessary contact; in No Contact, offer to choose a mode first."""
        if not allows_necessary(self.mode):
            question = Text(
                "Necessary contact, such as arrangements for children, is kept apart in "
                "low contact and in unavoidable contact. You are in No Contact now. "
                "Would you like to choose another mode?"
            )
            if not await self.push_screen_wait(
                ConfirmDialog("Necessary contact", question, "Choose a mode")
            ):
                return
            await self.edit_mode(None)
            if not allows_necessary(self.mode):
                return
        await self.edit_necessary(None)

    def action_show_necessary(self) -> None:
        """Every necessary contact."""
        self.push_screen(NecessaryScreen(self.repository.necessary.all()))

    async def edit_necessary(self, contact: NecessaryContact | None) -> None:
        """Log or change a necessary contact; it never counts as a slip."""
        draft = NecessaryDraft()
        if contact is not None:
            draft = NecessaryDraft(
                contact.on.isoformat(), contact.channel, contact.about, contact.note
            )

        def save(values: NecessaryDraft) -> NecessaryContact:
            on_day = parse_day(values.when, self.today)
            if contact is None:
                made = NecessaryContact(
                    on_day, values.channel, values.about, self.clock.now(), values.note
                )
            else:
                made = replace(
                    contact,
                    on=on_day,
                    channel=values.channel,
                    about=values.about,
                    note=values.note,
                )
            return self.repository.necessary.save(made)

        saved = await self.until_saved(
            lambda d: NecessaryDialog(self.today, d, editing=contact is not None), draft, save
        )
        if saved is not None:
            self.saved(saved)
            if contact is None:
                self.notify("Logged. Necessary contact never counts as a slip.", markup=False)

    # Little wins -------------------------------------------------------------------

    @work(group="dialog")
    async def action_log_win(self) -> None:
        """Note a little win for today."""
        await self.edit_win(None)

    def action_show_wins(self) -> None:
        """Every little win."""
        self.push_screen(WinsScreen(self.repository.wins.all()))

    async def edit_win(self, win: Win | None) -> None:
        """Note a win, or change one."""
        draft = WinDraft() if win is None else WinDraft(win.on.isoformat(), win.text)

        def save(values: WinDraft) -> Win:
            on_day = parse_day(values.when, self.today)
            if win is None:
                made = Win(on_day, values.text, self.clock.now())
            else:
                made = replace(win, on=on_day, text=values.text)
            return self.repository.wins.save(made)

        saved = await self.until_saved(
            lambda d: WinDialog(self.today, d, editing=win is not None), draft, save
        )
        if saved is not None:
            self.saved(saved)
            if win is None:
                self.notify("Kept with your little wins.", markup=False)

    def action_hide_win_prompt(self) -> None:
        """Put the little-win question away until tomorrow."""
        if has_win_on(self.repository.wins.all(), self.today):
            return
        if self.attempt(self.repository.save_win_prompt_hidden_on, self.today) is not None:
            self.refresh_figures()

    # Dates that matter ----------------------------------------------------------------

    def action_show_dates(self) -> None:
        """Dates that matter, in the order they come."""
        self.push_screen(DatesScreen(self.repository.dates.all(), self.today))

    def action_plan_date(self) -> None:
        """The dates; with one coming up this week, its plan opens at once over them."""
        ahead = coming_up(self.repository.dates.all(), self.today)
        keep = ahead[0].marked.id if ahead else None
        self.push_screen(DatesScreen(self.repository.dates.all(), self.today, keep))
        if ahead:
            self.run_worker(self.edit_date(ahead[0].marked, plan_first=True), group="dialog")

    async def edit_date(self, marked: MarkedDate | None, plan_first: bool = False) -> None:
        """Note a date that matters, or change it and its plan."""
        if marked is None:
            draft = DateDraft()
        else:
            when = f"{marked.day} {date(2000, marked.month, 1):%b}"
            if marked.year is not None:
                when = f"{when} {marked.year}"
            draft = DateDraft(marked.name, when, marked.every_year, marked.plan)

        def save(values: DateValues) -> MarkedDate:
            if marked is None:
                made = MarkedDate(
                    name=values.name,
                    month=values.month,
                    day=values.day,
                    logged_at=self.clock.now(),
                    year=values.year,
                    plan=values.plan,
                )
            else:
                made = replace(
                    marked,
                    name=values.name,
                    month=values.month,
                    day=values.day,
                    year=values.year,
                    plan=values.plan,
                )
            return self.repository.dates.save(made)

        saved = await self.until_saved(
            lambda d: MarkedDateDialog(d, editing=marked is not None, plan_first=plan_first),
            draft,
            save,
        )
        if saved is not None:
            self.saved(saved)

    def boundary_commands(self) -> Iterable[SystemCommand]:
        """The command-palette entries for everything here."""
        yield SystemCommand(
            "Times they reached out",
            "The list, to filter, edit or remove",
            self.action_show_hoovers,
        )
        yield SystemCommand(
            "Contact mode",
            "No Contact, low contact, or unavoidable contact",
            self.action_set_mode,
        )
        yield SystemCommand(
            "Contact modes list", "Every mode you chose, and from when", self.action_show_modes
        )
        yield SystemCommand(
            "Log necessary contact", "Within your rules; never a slip", self.action_log_necessary
        )
        yield SystemCommand(
            "Necessary contact list", "Every necessary contact logged", self.action_show_necessary
        )
        yield SystemCommand("Note a little win", "What went right today", self.action_log_win)
        yield SystemCommand("Little wins", "Every win, newest first", self.action_show_wins)
        yield SystemCommand(
            "Dates that matter", "Hard days ahead, and your plans", self.action_show_dates
        )

    # The day counter's quiet line ---------------------------------------------------------

    def day_notice(self) -> Notice | None:
        """A date coming up this week, or else the little-win question, or nothing."""
        today = self.today
        ahead = coming_up(self.repository.dates.all(), today)
        if ahead:
            first = ahead[0]
            name = one_line(first.marked.name, 40)
            if first.marked.plan.strip():
                return Notice(
                    f"{name}: {first.when()}. Your plan is ready (t).",
                    f"{one_line(name, 18)}: {first.when()} · t",
                )
            return Notice(
                f"{name}: {first.when()}. Press t to plan for it.",
                f"{one_line(name, 18)}: {first.when()} · t plans",
            )
        wins = self.repository.wins.all()
        if has_win_on(wins, today) or self.repository.win_prompt_hidden_on == today:
            return None
        return Notice(
            "What went right today? w notes it, x hides this.",
            "What went right today? w · x hides",
        )
