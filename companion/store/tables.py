"""The tables of the data file: each kind of record, how it is checked when read back,
and one table of records read and written whole."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any, Generic, Protocol, TypeVar

from tinydb import Query, TinyDB
from tinydb.table import Document, Table

from companion.domain.checklist import Channel, Safety
from companion.domain.errors import ValidationError
from companion.domain.fields import is_whole_number
from companion.domain.helplines import Helpline
from companion.domain.history import History
from companion.domain.hoovers import Hoover
from companion.domain.letters import Letter
from companion.domain.marked_dates import MarkedDate
from companion.domain.modes import ModeChange, NecessaryContact
from companion.domain.people import Person
from companion.domain.profile import Profile
from companion.domain.reasons import Reason
from companion.domain.urge import UrgeSession
from companion.domain.wins import Win

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
}
"""Each table of records, and how one of its records is read back (and checked)."""


def validate_tables(tables: dict[str, Any]) -> None:
    """Raise if any stored record could not be loaded; used on every file read."""
    settings = tables.get(SETTINGS, {}).get(str(SETTINGS_ID), {})
    Profile.from_dict(settings)
    start = settings.get("start")
    History.build(start, tables.get(SLIPS, {}).values())
    for name, load in RECORD_KINDS.items():
        for record in tables.get(name, {}).values():
            load(record)
    country = settings.get("country")
    if country is not None and not isinstance(country, str):
        raise ValidationError("The chosen country is damaged.")
    step = settings.get("guided_step", 0)
    if not is_whole_number(step) or step < 0:
        raise ValidationError("The guided-writing progress is damaged.")
    Safety.from_dict(settings.get("checklist", {}))


def upsert(table: Table, record: dict[str, Any]) -> None:
    """Insert a record, or replace the stored one with the same ``id``, in one save."""
    existing = table.get(Query().id == record["id"])
    if isinstance(existing, Document):
        table.upsert(Document(record, doc_id=existing.doc_id))
    else:
        table.insert(record)


class Records(Generic[R]):
    """One table of records, kept in memory by id; every change is saved at once."""

    def __init__(self, db: TinyDB, name: str, load: Callable[[Mapping[str, Any]], R]) -> None:
        """Read every record of table ``name`` with ``load``."""
        self._table = db.table(name)
        self._items = {item.id: item for item in map(load, self._table.all())}

    def all(self) -> list[R]:
        """Every record, in no particular order."""
        return list(self._items.values())

    def find(self, record_id: str) -> R | None:
        """The record with this id, if any."""
        return self._items.get(record_id)

    def save(self, record: R) -> R:
        """Insert a record, or replace the stored one with the same id, in one save."""
        upsert(self._table, record.to_dict())
        self._items[record.id] = record
        return record

    def save_many(self, records: list[R]) -> list[R]:
        """Update several stored records (a move) in one save."""
        if records:
            self._table.update_multiple([(r.to_dict(), Query().id == r.id) for r in records])
            self._items.update({r.id: r for r in records})
        return records

    def delete(self, record_id: str) -> R | None:
        """Remove a record and return it (for undo); None if there was none."""
        record = self._items.get(record_id)
        if record is None:
            return None
        self._table.remove(Query().id == record_id)
        del self._items[record_id]
        return record
