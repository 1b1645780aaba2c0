"""The tables of the data file: each kind of record, how it is checked when read back,
and one table of records read and written whole."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any, Generic, Protocol, TypeVar

from companion.domain import record
from companion.domain.checklist import Channel, Safety
from companion.domain.errors import ValidationError
from companion.domain.fields import is_whole_number
from companion.domain.helplines import Helpline
from companion.domain.history import History
from companion.domain.hoovers import Hoover
from companion.domain.letters import Letter, from_session
from companion.domain.marked_dates import MarkedDate
from companion.domain.modes import ModeChange, NecessaryContact
from companion.domain.people import Person
from companion.domain.profile import Profile
from companion.domain.reasons import Reason
from companion.domain.urge import UrgeSession
from companion.domain.urge_figures import UrgeTally
from companion.domain.wins import Win
from companion.store.durable import Tables
from companion.store.ledger import Layout, Ledger, Tally

SETTINGS = "settings"
"""The table holding the single settings record."""

SETTINGS_ID = 1
"""The one record of the settings table."""


SLIPS = "slips"
"""The table holding one record per slip."""


URGES = "urges"
"""The table holding one record per urge session."""


REASONS = "reasons"
"""The table holding one record per reason."""


PEOPLE = "people"
"""The table holding the person's own safe people."""


HOOVERS = "hoovers"
"""The table holding each time they reached out."""


HELPLINES = "helplines"
"""The table holding the person's own copies of helplines (edited, hidden or added)."""


MODES = "modes"
"""The table holding each change of contact mode."""


NECESSARY = "necessary"
"""The table holding each necessary contact."""


WINS = "wins"
"""The table holding little wins."""


DATES = "dates"
"""The table holding dates that matter."""


CHECKLIST = "checklist"
"""The table holding one record per checklist channel the person changed or added."""


LETTERS = "letters"
"""The table holding the letters the person did not send."""


CHAIN = "chain"
"""The table holding the record's chain of events (see ``domain.record``), one document
per event by its number. It stays in the data file: the next event needs the last."""


@dataclass(frozen=True)
class ChainLink:
    """One event of the record's chain, as stored."""

    doc: Mapping[str, Any]

    @property
    def id(self) -> str:
        """Its number in the chain."""
        return str(self.doc["seq"])

    def to_dict(self) -> dict[str, Any]:
        """The stored event."""
        return dict(self.doc)

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> ChainLink:
        """An event, refused when it does not have the shape of one."""
        record.check_event(data)
        return cls(dict(data))


class Record(Protocol):
    """What every stored record offers."""

    @property
    def id(self) -> str:
        """A stable identifier."""

    def to_dict(self) -> dict[str, Any]:
        """Plain JSON-ready values."""


R = TypeVar("R", bound=Record)

RECORD_KINDS: dict[str, Callable[[Mapping[str, Any]], Record]] = {
    URGES: UrgeSession.from_dict,
    REASONS: Reason.from_dict,
    PEOPLE: Person.from_dict,
    HOOVERS: Hoover.from_dict,
    HELPLINES: Helpline.from_dict,
    MODES: ModeChange.from_dict,
    NECESSARY: NecessaryContact.from_dict,
    WINS: Win.from_dict,
    DATES: MarkedDate.from_dict,
    CHECKLIST: Channel.from_dict,
    LETTERS: Letter.from_dict,
    CHAIN: ChainLink.from_dict,
}
"""Each table of records, and how one of its records is read back (and checked)."""


def validate_tables(tables: dict[str, Any]) -> None:
    """Raise if any stored record could not be loaded; used on every file read."""
    settings = tables.get(SETTINGS, {}).get(str(SETTINGS_ID), {})
    Profile.from_dict(settings)
    start = settings.get("start")
    History.build(start, tables.get(SLIPS, {}).values())
    for name, load in RECORD_KINDS.items():
        for doc in tables.get(name, {}).values():
            load(doc)
    country = settings.get("country")
    if country is not None and not isinstance(country, str):
        raise ValidationError("The chosen country is damaged.")
    step = settings.get("guided_step", 0)
    if not is_whole_number(step) or step < 0:
        raise ValidationError("The guided-writing progress is damaged.")
    Safety.from_dict(settings.get("checklist", {}))


class Records(Generic[R]):
    """One table of records, kept in memory by id; every change is one save."""

    def __init__(self, ledger: Ledger, name: str, load: Callable[[Mapping[str, Any]], R]) -> None:
        """Read every record of table ``name`` held in the data file with ``load``."""
        self._ledger = ledger
        self._name = name
        self._load = load
        self._doc_ids: dict[str, str] = {}
        self._items: dict[str, R] = {}
        self._take(ledger.table(name))

    def _take(self, docs: Mapping[str, Any]) -> None:
        """Hold the records of ``docs`` (by document id) as objects."""
        for doc_id, doc in docs.items():
            item = self._load(doc)
            self._items[item.id] = item
            self._doc_ids[item.id] = doc_id

    def all(self) -> list[R]:
        """Every record, in no particular order."""
        return list(self._items.values())

    def forget(self) -> None:
        """Let go of every record held (the folder was closed to lock it)."""
        self._items = {}
        self._doc_ids = {}

    def find(self, record_id: str) -> R | None:
        """The record with this id, if any."""
        return self._items.get(record_id)

    def save(self, record: R) -> R:
        """Insert a record, or replace the stored one with the same id, in one save."""
        doc_id = self._doc_ids.get(record.id) or self._ledger.new_id(self._name)
        self._ledger.put(self._name, doc_id, record.to_dict())
        self._items[record.id] = record
        self._doc_ids[record.id] = doc_id
        return record

    def save_many(self, records: list[R]) -> list[R]:
        """Store several records (a move) in one save."""
        items, doc_ids = dict(self._items), dict(self._doc_ids)
        try:
            with self._ledger.batch():
                for record in records:
                    self.save(record)
        except BaseException:
            self._items, self._doc_ids = items, doc_ids
            raise
        return records

    def delete(self, record_id: str) -> R | None:
        """Remove a record and return it (for undo); None if there was none."""
        record = self._items.get(record_id)
        if record is None:
            return None
        self._ledger.delete(self._name, self._doc_ids[record_id])
        del self._items[record_id]
        del self._doc_ids[record_id]
        return record


class HistoryRecords(Records[R]):
    """A long list whose older records stay on the disk until the whole list is asked for."""

    def all(self) -> list[R]:
        """Every record (the older ones are read from the history files the first time)."""
        if not self._ledger.history_loaded(self._name):
            self._take(self._ledger.history(self._name))
        return super().all()

    def recent(self) -> list[R]:
        """The records of the last days and the open ones, read without the history."""
        held = self._ledger.table(self._name)
        return [item for item in self._items.values() if self._doc_ids[item.id] in held]


class ChainedLog(HistoryRecords[Hoover]):
    """The log of when they reached out, each change to it also an event of the record's
    chain, written in the same save."""

    def save(self, entry: Hoover) -> Hoover:
        """Add or update an entry; a new one, a changed wording or one put back after
        removal is an event of the chain (found from the chain itself, so saving never
        reads the older history)."""
        content = record.content_of(entry.to_dict())
        last = self._last_event(entry.id)
        if last is None:
            kind = "logged"
        elif last["event"] == "removed":
            kind = "restored"
        elif last.get("content") != content:
            kind = "edited"
        else:
            return super().save(entry)
        with self._ledger.batch():
            self._link(kind, entry.id, content, before_this=entry.id)
            return super().save(entry)

    def delete(self, record_id: str) -> Hoover | None:
        """Remove an entry; its removal is an event of the chain."""
        if self.find(record_id) is None:
            return None
        with self._ledger.batch():
            self._link("removed", record_id, None, before_this=record_id)
            return super().delete(record_id)

    def _last_event(self, entry_id: str) -> dict[str, Any] | None:
        """The newest event of one entry, if it has any."""
        return next((e for e in reversed(self.events()) if e["entry"] == entry_id), None)

    def events(self) -> list[dict[str, Any]]:
        """The record's chain so far, in order (see ``domain.record``)."""
        return sorted(self._ledger.table(CHAIN).values(), key=lambda event: event["seq"])

    def _link(self, kind: str, entry_id: str, content: Any, *, before_this: str) -> None:
        """Add one event at the end of the chain; a log kept before the chain existed is
        chained first (see ``_link_older``)."""
        events = self.events() or self._link_older(before_this)
        last = events[-1] if events else None
        event = record.link(last, kind, entry_id, self._ledger.now(), content)
        self._ledger.put(CHAIN, str(event["seq"]), event)

    def _link_older(self, before_this: str) -> list[dict[str, Any]]:
        """Chain every entry logged before the chain existed (but ``before_this``), in the
        order they were logged; the events added."""
        events: list[dict[str, Any]] = []
        older = [item for item in self.all() if item.id != before_this]
        for item in sorted(older, key=lambda item: (item.logged_at, item.id)):
            content = record.content_of(item.to_dict())
            last = events[-1] if events else None
            event = record.link(last, "logged", item.id, item.logged_at, content)
            self._ledger.put(CHAIN, str(event["seq"]), event)
            events.append(event)
        return events

    def chain_existing(self) -> bool:
        """Chain a log kept before the chain existed (once); whether anything was added."""
        if self.events() or not self.all():
            return False
        with self._ledger.batch():
            self._link_older(before_this="")
        return True


HISTORY_TABLES = (URGES, WINS, HOOVERS)
"""Tables whose older records live in files per year under ``history/``, read only when a
list of them is opened."""

HOT_DAYS = 8
"""Records of the last days stay in the data file (the week's figures and today's wins
need them at once); older ones move into history when the journal is folded."""


def settled_on(table: str, doc: Mapping[str, Any]) -> date | None:
    """The day a record of a history table belongs to, or None while it must stay in the
    data file (a session still running)."""
    if table == URGES:
        session = UrgeSession.from_dict(doc)
        return None if session.running else session.started_at.date()
    if table == WINS:
        return Win.from_dict(doc).on
    if table == HOOVERS:
        return Hoover.from_dict(doc).on
    return None


class UrgeTotals:
    """The urge tally kept beside the stored sessions, following each change of one."""

    def __init__(self, stored: Mapping[str, Any] | None) -> None:
        """Start from the stored totals, or from nothing."""
        self.tally = UrgeTally() if stored is None else UrgeTally.from_dict(stored)

    def changed(self, old: Mapping[str, Any] | None, new: Mapping[str, Any] | None) -> None:
        """Take the old version of a session out of the totals and put the new one in."""
        self.tally.changed(
            None if old is None else UrgeSession.from_dict(old),
            None if new is None else UrgeSession.from_dict(new),
        )

    def to_dict(self) -> dict[str, Any]:
        """Plain JSON-ready values."""
        return self.tally.to_dict()


class HooverTotals:
    """How many times they reached out and were not answered, kept beside the log so the
    counter can say it without reading years of entries."""

    def __init__(self, stored: Mapping[str, Any] | None) -> None:
        """Start from the stored count, or from nothing."""
        count = None if stored is None else stored.get("not_answered")
        self.not_answered = count if is_whole_number(count) and count >= 0 else 0

    def changed(self, old: Mapping[str, Any] | None, new: Mapping[str, Any] | None) -> None:
        """Take the old version of an entry out of the count and put the new one in."""
        for doc, sign in ((old, -1), (new, 1)):
            if doc is not None and not Hoover.from_dict(doc).answered:
                self.not_answered = max(self.not_answered + sign, 0)

    def to_dict(self) -> dict[str, Any]:
        """Plain JSON-ready values."""
        return {"not_answered": self.not_answered}


TALLIES: dict[str, Callable[[Mapping[str, Any] | None], Tally]] = {
    URGES: UrgeTotals,
    HOOVERS: HooverTotals,
}
"""Tables that keep running totals, and how their totals are read back."""


def _move_letters_out_of_sessions(tables: Tables) -> Tables:
    """Version 1 kept a letter written before the list of letters existed inside its
    urge session; version 2 keeps every letter in the list, so the history of sessions
    is never read to show them. No word is dropped: a session whose letter is already
    in the list keeps its text as it was."""
    urges = tables.get(URGES, {})
    letters = tables.setdefault(LETTERS, {})
    linked = {doc.get("session_id") for doc in letters.values()}
    next_id = max((int(key) for key in letters if key.isdigit()), default=0) + 1
    for doc in urges.values():
        session = UrgeSession.from_dict(doc)
        if not session.unsent.strip() or session.id in linked:
            continue
        letters[str(next_id)] = from_session(session).to_dict()
        next_id += 1
        doc["unsent"] = ""
    return tables


LAYOUT = Layout(
    validate=validate_tables,
    migrations={1: _move_letters_out_of_sessions},
    history=HISTORY_TABLES,
    settled_on=settled_on,
    tallies=TALLIES,
    hot_days=HOT_DAYS,
)
"""How the data folder is laid out for this app's tables."""
