"""The one object the UI talks to: typed loads and saves of each kind of record."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager
from dataclasses import replace
from datetime import date, datetime
from pathlib import Path
from typing import Any, TypeVar

from companion.domain.checklist import Channel, Safety
from companion.domain.dates import format_day
from companion.domain.errors import ValidationError
from companion.domain.helplines import Helpline
from companion.domain.history import History, Slip, newest_first
from companion.domain.hoovers import Hoover, not_answered
from companion.domain.letters import FROM_SESSION, Letter, all_letters
from companion.domain.marked_dates import MarkedDate
from companion.domain.modes import ModeChange, NecessaryContact, current_mode
from companion.domain.people import Person, people_in_order
from companion.domain.profile import Profile
from companion.domain.reasons import Reason, ordered
from companion.domain.urge import UrgeSession
from companion.domain.urge_figures import UrgeStats, UrgeTally, urge_stats
from companion.domain.wins import Win, has_win_on
from companion.store.durable import DataFolder
from companion.store.ledger import Ledger
from companion.store.problems import Recovery
from companion.store.tables import (
    CHECKLIST,
    DATES,
    HELPLINES,
    HOOVERS,
    LETTERS,
    MODES,
    NECESSARY,
    PEOPLE,
    REASONS,
    SETTINGS,
    SETTINGS_ID,
    SLIPS,
    URGES,
    WINS,
    ChainedLog,
    HistoryRecords,
    HooverTotals,
    Record,
    Records,
    UrgeTotals,
)
from companion.store.tables import LAYOUT as LAYOUT

R = TypeVar("R", bound=Record)


class Repository:
    """Typed access to the person's data, kept in memory and saved durably."""

    def __init__(self, ledger: Ledger) -> None:
        """Wrap an opened ledger."""
        self.ledger = ledger
        self._settings_doc: dict[str, Any] = dict(ledger.table(SETTINGS).get(str(SETTINGS_ID), {}))
        self._slip_ids = {doc["id"]: key for key, doc in ledger.table(SLIPS).items()}
        self._profile = Profile.from_dict(self._settings_doc)
        self._history = History.build(self._settings_doc.get("start"), ledger.table(SLIPS).values())
        self._urges = HistoryRecords(ledger, URGES, UrgeSession.from_dict)
        self._reasons = Records(ledger, REASONS, Reason.from_dict)
        self._people = Records(ledger, PEOPLE, Person.from_dict)
        self.hoover_log = ChainedLog(ledger, HOOVERS, Hoover.from_dict)
        self._helplines = Records(ledger, HELPLINES, Helpline.from_dict)
        self.modes = Records(ledger, MODES, ModeChange.from_dict)
        self.necessary = Records(ledger, NECESSARY, NecessaryContact.from_dict)
        self.wins = HistoryRecords(ledger, WINS, Win.from_dict)
        self.dates = Records(ledger, DATES, MarkedDate.from_dict)
        self._channels = Records(ledger, CHECKLIST, Channel.from_dict)
        self._letters = Records(ledger, LETTERS, Letter.from_dict)

    @classmethod
    def open(
        cls, root: Path, now: Callable[[], datetime] | None = None, *, look: bool = False
    ) -> Repository:
        """Open (and lock) the data folder at ``root``; raises StoreError subclasses.

        ``now`` tells the folder the time, for backup names, save stamps and which
        records are recent enough to stay in the data file. With ``look`` the folder is
        only read (no lock, nothing written; saves stay in memory).
        """
        ledger = (
            Ledger(root, LAYOUT, look=look)
            if now is None
            else Ledger(root, LAYOUT, now=now, look=look)
        )
        ledger.open()
        try:
            return cls(ledger)
        except BaseException:
            ledger.close()
            raise

    @property
    def folder(self) -> DataFolder:
        """The data file's folder (its lock, its backups)."""
        return self.ledger.folder

    @property
    def recovery(self) -> Recovery | None:
        """What was recovered from a backup at open, if anything."""
        return self.folder.recovery

    @property
    def journal_notice(self) -> str | None:
        """What to tell the person when saved changes could not be read back, if any."""
        lines = self.ledger.damaged_lines
        years = self.ledger.unreadable_years
        parts = []
        if lines == 1:
            parts.append("One saved change could not be read back and was left out.")
        elif lines:
            parts.append(f"{lines} saved changes could not be read back and were left out.")
        if years:
            names = ", ".join(str(path) for path in years)
            parts.append(f"Part of your history could not be read and is left as it is: {names}.")
        if not parts:
            return None
        return " ".join(parts) + " Everything else is here, and nothing was deleted."

    def batch(self) -> AbstractContextManager[None]:
        """Make many saves inside a ``with`` block one save, at its end."""
        return self.ledger.batch()

    def fold_in_background(self, force: bool = False) -> bool:
        """Fold the journal into the data files in another process when it has grown."""
        return self.ledger.fold_in_background(force)

    def close(self) -> None:
        """Release the data folder; every save has already reached the disk."""
        self.ledger.close()

    def reread(self) -> None:
        """Read every record again from the ledger (after records were written to it
        directly, as reading a backup in does)."""
        type(self).__init__(self, self.ledger)

    def forget(self) -> None:
        """After ``close``: let go of every record read from the folder and of anything
        still waiting for the disk (a locked app must hold nothing of the data)."""
        for value in vars(self).values():
            if isinstance(value, Records):
                value.forget()
        self._settings_doc = {}
        self._slip_ids = {}
        self._history = History.build(None, ())
        self._profile = Profile()
        self.ledger.waiting = []

    def _settings(self) -> dict[str, Any]:
        """The stored settings record (the caller must not change it)."""
        return self._settings_doc

    def _save_settings(self, **changes: Any) -> None:
        """Write settings fields in one save."""
        record = {**self._settings_doc, **changes}
        self.ledger.put(SETTINGS, str(SETTINGS_ID), record)
        self._settings_doc = record

    # Profile ---------------------------------------------------------------

    @property
    def profile(self) -> Profile:
        """The person's settings."""
        return self._profile

    def save_profile(self, profile: Profile) -> Profile:
        """Store the settings; the in-memory copy changes only once saved."""
        self._save_settings(**profile.to_dict())
        self._profile = profile
        return profile

    # No Contact history ----------------------------------------------------

    @property
    def history(self) -> History:
        """The start day and every slip."""
        return self._history

    def save_start(self, start: date, today: date) -> History:
        """Set or correct the day No Contact began (validated against today)."""
        history = self._history.with_start(start, today)
        self._save_settings(start=start.isoformat())
        self._history = history
        return history

    def save_slip(self, slip: Slip, today: date) -> History:
        """Add a slip, or replace the one with its id."""
        history = self._history.with_slip(slip, today)
        self._put_slip(slip)
        self._history = history
        return history

    def delete_slip(self, slip_id: str) -> Slip | None:
        """Remove a slip and return it (for undo); None if there was none."""
        slip = self._history.find_slip(slip_id)
        if slip is None:
            return None
        self.ledger.delete(SLIPS, self._slip_ids[slip_id])
        del self._slip_ids[slip_id]
        self._history = self._history.without_slip(slip_id)
        return slip

    def restore_slip(self, slip: Slip) -> History:
        """Put back a slip removed a moment ago (it may be dated after today's checks
        allow no longer); refused if No Contact now begins after it."""
        start = self._history.start
        if start is not None and slip.on < start:
            raise ValidationError(
                f"That slip was on {format_day(slip.on)}, before the day No Contact now "
                f"begins ({format_day(start)}). To put it back, set the start day to that "
                "day or earlier first (press d), then undo again."
            )
        self._put_slip(slip)
        others = tuple(s for s in self._history.slips if s.id != slip.id)
        self._history = replace(self._history, slips=(*others, slip))
        return self._history

    def _put_slip(self, slip: Slip) -> None:
        """Store a slip, new or changed, in one save."""
        doc_id = self._slip_ids.get(slip.id) or self.ledger.new_id(SLIPS)
        self.ledger.put(SLIPS, doc_id, slip.to_dict())
        self._slip_ids[slip.id] = doc_id

    # Urge sessions -------------------------------------------------------------

    @property
    def urges(self) -> tuple[UrgeSession, ...]:
        """Every urge session, oldest first (reads the history the first time)."""
        return tuple(sorted(self._urges.all(), key=lambda s: s.started_at))

    def urge_pages(self) -> Callable[[], Iterator[list[UrgeSession]]]:
        """Every urge session, a year at a time, newest first; safe to read in a thread."""
        pages = self.ledger.history_pages(URGES)

        def sessions() -> Iterator[list[UrgeSession]]:
            """Each year's sessions, newest first."""
            for docs in pages():
                found = [UrgeSession.from_dict(doc) for doc in docs]
                yield sorted(found, key=lambda s: s.started_at, reverse=True)

        return sessions

    def urge_stats(self, now: datetime) -> UrgeStats:
        """The figures the urge pane shows, from the running totals (no history read)."""
        totals = self.ledger.tally(URGES)
        if isinstance(totals, UrgeTotals):
            return totals.tally.stats(now)
        return urge_stats(self._urges.all(), now)

    def keep_glance(self, now: datetime) -> None:
        """Keep what ``companion status`` reads (``glance``), for the data as it is now;
        never in a sealed folder or when only looking, and none before a start day."""
        from companion.domain.milestones import milestone_at
        from companion.store import glance, seal

        root = self.folder.root
        if self.ledger.look:
            return
        today = now.date()
        summary = None if seal.is_sealed(root) else self.history.summary(today)
        later = any(slip.on > today for slip in self.history.slips)
        if summary is None or later:
            glance.keep(root, None)
            return
        days, began = summary.current.days, summary.current.start
        ahead: list[list[object]] = []
        for milestone in (milestone_at(began, n) for n in range(10_000)):
            if milestone.days > days:
                ahead.append([milestone.days, milestone.name])
                if len(ahead) == glance.MILESTONES_AHEAD:
                    break
        tally = self.urge_tally
        starts = (
            [start for _, start, _ in tally.recent]
            if tally is not None
            else [session.started_at for session in self._urges.all()]
        )
        week = now.timestamp() - glance.WEEK
        facts = {
            "written": today.isoformat(),
            "start": summary.started.isoformat(),
            "current": began.isoformat(),
            "longest_before": max((s.days for s in summary.stretches[:-1]), default=0),
            "taken": (today - summary.started).days - summary.total_days,
            "sessions": [t for t in (start.timestamp() for start in starts) if t >= week],
            "milestones": ahead,
        }
        glance.keep(root, facts)

    @property
    def urge_tally(self) -> UrgeTally | None:
        """The running totals over closed sessions."""
        totals = self.ledger.tally(URGES)
        return totals.tally if isinstance(totals, UrgeTotals) else None

    @property
    def open_urge(self) -> UrgeSession | None:
        """The newest session still running (left open by a quit or a crash), if any."""
        running = sorted((s for s in self._urges.recent() if s.running), key=lambda s: s.started_at)
        return running[-1] if running else None

    def save_urge(self, session: UrgeSession) -> UrgeSession:
        """Add or update a session; saved at its start, each check-in and its end."""
        return self._urges.save(session)

    # Unsent letters ---------------------------------------------------------------

    @property
    def letters(self) -> list[Letter]:
        """Every letter the person did not send, newest first (those still kept inside
        an older urge session included)."""
        return all_letters(self._letters.all(), self._urges.recent())

    def save_letter(self, letter: Letter) -> Letter:
        """Keep a letter; a letter once kept inside its session moves out of it."""
        self._letters.save(letter)
        session = self._urges.find(letter.session_id)
        if session is not None and session.unsent:
            self._urges.save(session.with_details(unsent=""))
        return letter

    def delete_letter(self, letter_id: str) -> Letter | None:
        """Remove a letter and return it (for undo); None if there was none."""
        if letter_id.startswith(FROM_SESSION) and self._letters.find(letter_id) is None:
            found = next((x for x in self.letters if x.id == letter_id), None)
            session = self._urges.find(letter_id.removeprefix(FROM_SESSION))
            if found is None or session is None:
                return None
            self._urges.save(session.with_details(unsent=""))
            return found
        return self._letters.delete(letter_id)

    # Reasons -------------------------------------------------------------------

    @property
    def reasons(self) -> list[Reason]:
        """Every reason, pinned first, then in the person's order."""
        return ordered(self._reasons.all())

    def save_reason(self, reason: Reason) -> Reason:
        """Add a reason, or replace the one with its id."""
        return self._reasons.save(reason)

    def find_reason(self, reason_id: str) -> Reason | None:
        """The reason with this id, if any."""
        return self._reasons.find(reason_id)

    def save_reasons(self, reasons: list[Reason]) -> list[Reason]:
        """Update several existing reasons (a move) in one save."""
        return self._reasons.save_many(reasons)

    def delete_reason(self, reason_id: str) -> Reason | None:
        """Remove a reason and return it (for undo); None if there was none."""
        return self._reasons.delete(reason_id)

    @property
    def guided_step(self) -> int:
        """Where the guided writing was left (0 to start)."""
        step = self._settings().get("guided_step", 0)
        return step if isinstance(step, int) else 0

    def save_guided_step(self, step: int) -> int:
        """Remember where the guided writing is."""
        self._save_settings(guided_step=max(step, 0))
        return step

    # Crisis contacts -------------------------------------------------------------

    @property
    def people(self) -> list[Person]:
        """The person's own safe people, favourites first, then in their order."""
        return people_in_order(self._people.all())

    def save_person(self, person: Person) -> Person:
        """Add or update one of the person's own people."""
        return self._people.save(person)

    def save_people(self, people: list[Person]) -> list[Person]:
        """Update several people (a move) in one save."""
        return self._people.save_many(people)

    def delete_person(self, person_id: str) -> Person | None:
        """Remove one of the person's people and return them (for undo)."""
        return self._people.delete(person_id)

    @property
    def helpline_overrides(self) -> list[Helpline]:
        """The person's own copies of helplines: edited, hidden or added."""
        return self._helplines.all()

    def save_helpline(self, line: Helpline) -> Helpline:
        """Keep the person's own copy of a helpline (it wins over the shipped one)."""
        return self._helplines.save(line)

    def delete_helpline(self, line_id: str) -> Helpline | None:
        """Drop the person's own copy (a shipped helpline goes back to how it shipped)."""
        return self._helplines.delete(line_id)

    @property
    def country(self) -> str | None:
        """The country the person chose for helplines, if any."""
        country = self._settings().get("country")
        return country if isinstance(country, str) else None

    def save_country(self, country: str) -> str:
        """Remember the country for helplines."""
        self._save_settings(country=country)
        return country

    # When they reached out ---------------------------------------------------------

    @property
    def hoovers(self) -> list[Hoover]:
        """Every time they reached out, newest first."""
        return newest_first(self.hoover_log.all())

    def not_answered(self) -> int:
        """How many times they reached out and were not answered (no history is read)."""
        totals = self.ledger.tally(HOOVERS)
        if isinstance(totals, HooverTotals):
            return totals.not_answered
        return not_answered(self.hoovers)

    def save_hoover(self, entry: Hoover) -> Hoover:
        """Add or update an entry of the log (an event of the record's chain too)."""
        return self.hoover_log.save(entry)

    def record_events(self) -> list[dict[str, Any]]:
        """The record's chain of events, in order (see ``domain.record``)."""
        return self.hoover_log.events()

    def record_problem(self) -> str | None:
        """Why the chain kept in the data does not hold, or does not match the log as it
        is, in plain words; None when it does (it is never repaired)."""
        from companion.domain import record

        events = self.record_events()
        broken = record.first_break(events)
        if broken is not None:
            return f"The record kept in your data does not hold together at {broken}."
        chained = {e.id: e for e in record.entries(events) if e.removed_at is None}
        held = {h.id: record.content_of(h.to_dict()) for h in self.hoover_log.all()}
        if not events and held:
            return None  # chained at the next change (see ChainedLog)
        for entry_id in sorted(chained.keys() | held.keys()):
            entry = chained.get(entry_id)
            if entry is None or held.get(entry_id) != entry.content:
                return (
                    "The log of when they reached out does not match the record kept "
                    f"beside it (entry {entry_id}): it was changed outside companion."
                )
        return None

    @property
    def hoover_caution_seen(self) -> bool:
        """True once the caution about the log has been shown."""
        return self._settings().get("hoover_caution_seen") is True

    def save_hoover_caution_seen(self) -> bool:
        """Remember that the caution was shown."""
        self._save_settings(hoover_caution_seen=True)
        return True

    # Contact modes, little wins, dates that matter -----------------------------------

    def has_win_on(self, day: date) -> bool:
        """Whether a little win is noted for ``day`` (a recent day: no history is read)."""
        return has_win_on(self.wins.recent(), day)

    def mode_today(self, today: date) -> str:
        """The contact mode in force on ``today``."""
        return current_mode(self.modes.all(), today)

    @property
    def win_prompt_hidden_on(self) -> date | None:
        """The day the person put the little-win prompt away, if any."""
        value = self._settings().get("win_prompt_hidden_on")
        try:
            return date.fromisoformat(value) if isinstance(value, str) else None
        except ValueError:
            return None

    def save_win_prompt_hidden_on(self, day: date) -> date:
        """Put the little-win prompt away for ``day``."""
        self._save_settings(win_prompt_hidden_on=day.isoformat())
        return day

    # Blocking checklist ---------------------------------------------------------------

    @property
    def channels(self) -> list[Channel]:
        """Every checklist channel the person changed or added (shipped ones untouched
        have no record)."""
        return self._channels.all()

    def find_channel(self, channel_id: str) -> Channel | None:
        """The stored channel with this id, if any."""
        return self._channels.find(channel_id)

    def save_channel(self, channel: Channel) -> Channel:
        """Store where a channel stands, or one of the person's own."""
        return self._channels.save(channel)

    def delete_channel(self, channel_id: str) -> Channel | None:
        """Remove a stored channel and return it (for undo); None if there was none."""
        return self._channels.delete(channel_id)

    @property
    def checklist_safety(self) -> Safety:
        """The safety note's answers: afraid or not, note seen, advocate step."""
        return Safety.from_dict(self._settings().get("checklist", {}))

    def save_checklist_safety(self, safety: Safety) -> Safety:
        """Keep the safety note's answers."""
        self._save_settings(checklist=safety.to_dict())
        return safety
