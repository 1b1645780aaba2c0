"""A full backup: every record of every table in one JSON file, to keep somewhere safe or
to carry to another computer, and reading one back in.

Reading one back never removes anything: each record is added, or replaces the record
with the same id when it differs, so importing the same file twice changes nothing the
second time. Nothing is written until the whole file has been checked with the rules the
app reads its own files by, and the state before is kept first (see ``import_plan``).
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from companion.domain.hoovers import Hoover
from companion.store.durable import APP_NAME, SCHEMA_VERSION, replace_file
from companion.store.ledger import Ledger
from companion.store.problems import StoreError
from companion.store.tables import (
    CHAIN,
    HOOVERS,
    LAYOUT,
    RECORD_KINDS,
    SETTINGS,
    SLIPS,
    ChainedLog,
    validate_tables,
)

KIND = "full backup"
"""What a backup file says it is."""
TABLES = (SETTINGS, SLIPS, *RECORD_KINDS)
"""Every table a backup holds, in the order it lists them."""


COUNTED = tuple(name for name in TABLES if name != CHAIN)
"""The tables whose records a person is told about and counted: the record's hashes come
with the entries they link, and are neither listed nor counted (a person counts what they
wrote)."""


NAMES = {
    SETTINGS: "settings",
    SLIPS: "slips",
    "urges": "urge sessions",
    "reasons": "reasons",
    "people": "people",
    "hoovers": "times they reached out",
    "helplines": "helplines",
    "modes": "contact modes",
    "necessary": "necessary contacts",
    "wins": "little wins",
    "dates": "dates",
    "checklist": "checklist entries",
    "letters": "letters",
}
"""Each table as the person would name it."""


class BackupError(StoreError):
    """A file that cannot be read back in; ``str()`` says which record and why."""


def tables_of(ledger: Ledger) -> dict[str, dict[str, Any]]:
    """Every record of every table (older history included), by table and id."""
    found = {}
    for name in TABLES:
        docs = ledger.history(name) if name in LAYOUT.history else ledger.table(name)
        found[name] = {doc_id: docs[doc_id] for doc_id in sorted(docs)}
    return found


def backup_bytes(ledger: Ledger, moment: datetime) -> bytes:
    """The backup file's bytes for everything ``ledger`` holds."""
    document = {
        "app": APP_NAME,
        "kind": KIND,
        "schema_version": SCHEMA_VERSION,
        "exported_at": moment.isoformat(),
        "tables": tables_of(ledger),
    }
    text = json.dumps(document, ensure_ascii=False, indent=1, sort_keys=True, allow_nan=False)
    return (text + "\n").encode("utf-8")


SEALED_KIND = "sealed full backup"
"""What a backup sealed with the passphrase says it is."""


def sealed_backup(data: bytes, root: Path) -> bytes:
    """``data`` (a backup's bytes) sealed with the folder's current key, the key wrapped
    as in the folder's key file, so the file opens anywhere with the passphrase alone."""
    import base64

    from companion.store import seal

    keys = seal.keys_for(root)
    found = seal.read_key_file(root)
    if keys is None or keys.current is None or found.current != keys.current:
        raise StoreError("The backup could not be sealed: the folder is not unlocked.")
    only = found.keeping_current()
    document = {
        "app": APP_NAME,
        "kind": SEALED_KIND,
        "key": only.encode().decode("utf-8"),
        "sealed": base64.b64encode(keys.seal(data)).decode("ascii"),
    }
    return (json.dumps(document, indent=1) + "\n").encode("utf-8")


def is_sealed_backup(raw: bytes) -> bool:
    """Whether ``raw`` is a backup sealed with a passphrase."""
    try:
        document = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, ValueError, RecursionError):
        return False
    return isinstance(document, dict) and document.get("kind") == SEALED_KIND


def open_sealed_backup(raw: bytes, passphrase: str, source: Path) -> bytes:
    """The plain backup inside a sealed one; WrongPassphrase, or BackupError when the file
    is damaged (nothing is written either way)."""
    import base64

    from companion.store import seal
    from companion.store.problems import Damaged

    try:
        document = json.loads(raw.decode("utf-8"))
        found = seal.KeyFile.parse(document["key"].encode("utf-8"))
        sealed = base64.b64decode(document["sealed"], validate=True)
    except (UnicodeDecodeError, ValueError, KeyError, TypeError, AttributeError) as error:
        raise BackupError(f"{source} is a sealed backup, but it is damaged.") from error
    keys = seal.open_key_file(found, passphrase)
    try:
        return keys.open(sealed)
    except Damaged as error:
        raise BackupError(f"{source} is a sealed backup, but it is damaged.") from error


def write_private(path: Path, data: bytes) -> Path:
    """Write ``data`` to ``path`` (mode 0600, crash-safely), never over an existing file:
    a taken name gets ``-2``, ``-3`` and so on. The path written."""
    target = path
    n = 1
    while target.exists():
        n += 1
        target = path.with_name(f"{path.stem}-{n}{path.suffix}")
    replace_file(target, data)
    return target


@dataclass
class Plan:
    """What reading a backup in would do, table by table."""

    new: dict[str, dict[str, Any]] = field(default_factory=dict)
    """Records not held yet, by table, then id."""
    changed: dict[str, dict[str, Any]] = field(default_factory=dict)
    """Records held with other contents, by table, then id."""
    same: int = 0
    """Records of the ``COUNTED`` tables already held exactly so."""
    rechain: bool = False
    """The data here has a log (or a record) of its own: the backup's record is not
    copied over it; its entries are chained here as they are read in."""

    @property
    def empty(self) -> bool:
        """Whether it would change nothing."""
        return not any(self.new.values()) and not any(self.changed.values())

    @property
    def size(self) -> int:
        """How many records of the ``COUNTED`` tables it would add or change."""
        return sum(len(part.get(name, {})) for part in (self.new, self.changed) for name in COUNTED)

    def words(self) -> str:
        """What it would do, in plain words."""
        if self.empty:
            return f"Everything in it is already here ({self.same} records); nothing would change."
        parts = []
        for name in COUNTED:
            added, changed = len(self.new.get(name, {})), len(self.changed.get(name, {}))
            if added or changed:
                parts.append(f"{NAMES.get(name, name)}: {added} new, {changed} changed")
        return "It would add or change: " + "; ".join(parts) + f". {self.same} are the same."


def read_backup(raw: bytes, source: Path) -> dict[str, dict[str, Any]]:
    """The tables of a backup file, upgraded to this version and every record checked;
    BackupError saying what is wrong (nothing is written)."""
    try:
        document = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, ValueError, RecursionError) as error:
        raise BackupError(f"{source} is not a companion backup: it is not JSON.") from error
    if not isinstance(document, dict) or document.get("app") != APP_NAME:
        raise BackupError(f"{source} is not a companion backup.")
    if document.get("kind") != KIND:
        raise BackupError(f"{source} is a companion file, but not a full backup.")
    version = document.get("schema_version")
    if type(version) is not int or version < 1:
        raise BackupError(f"{source} does not say which version wrote it.")
    if version > SCHEMA_VERSION:
        raise BackupError(
            f"{source} was made by a newer version of companion; open it with that version."
        )
    tables = document.get("tables")
    if not isinstance(tables, dict) or not all(
        isinstance(docs, dict) and all(isinstance(doc, dict) for doc in docs.values())
        for docs in tables.values()
    ):
        raise BackupError(f"{source} is damaged: its tables have the wrong shape.")
    unknown = sorted(set(tables) - set(TABLES))
    if unknown:
        raise BackupError(f"{source} holds a table this version does not know: {unknown[0]}.")
    migrations = LAYOUT.migrations or {}
    for old in range(version, SCHEMA_VERSION):
        tables = migrations[old](tables)
    for name, load in RECORD_KINDS.items():
        for doc_id, doc in tables.get(name, {}).items():
            try:
                load(doc)
            except Exception as error:
                raise BackupError(
                    f"{source}: the record {doc_id} in {name} cannot be used: {error}"
                ) from error
    return tables


def import_plan(ledger: Ledger, tables: Mapping[str, Mapping[str, Any]]) -> Plan:
    """What reading ``tables`` in would add and change; BackupError when the result
    would not hold together (a slip before the day No Contact began, say)."""
    plan = Plan()
    merged = tables_of(ledger)
    plan.rechain = bool(merged.get(CHAIN) or merged.get(HOOVERS))
    for name in TABLES:
        held = merged.setdefault(name, {})
        # A record is the same record by its own id, wherever it is stored (two folders
        # number their documents each from 1).
        where = {_key(doc_id, doc): doc_id for doc_id, doc in held.items()}
        for doc_id, doc in tables.get(name, {}).items():
            if name == CHAIN and plan.rechain:
                continue
            here = where.get(_key(doc_id, doc))
            if here is None:
                target = doc_id if doc_id not in held else f"{FRESH}{doc_id}"
                plan.new.setdefault(name, {})[target] = doc
            elif held[here] != doc:
                target = here
                plan.changed.setdefault(name, {})[here] = doc
            else:
                plan.same += name in COUNTED
                continue
            held[target] = doc
    try:
        validate_tables(merged)
    except Exception as error:
        raise BackupError(f"Reading it in would not hold together: {error}") from error
    return plan


FRESH = "?"
"""Marks, in a plan, a new record whose document number is taken here: it gets a new one."""


def _key(doc_id: str, doc: Mapping[str, Any]) -> str:
    """What makes a record the same record: its own id (the settings and the record's
    events have none: their place)."""
    own = doc.get("id")
    return own if isinstance(own, str) and own else f"#{doc_id}"


def carry_out(ledger: Ledger, plan: Plan, log: ChainedLog) -> int:
    """Write what ``plan`` says, as one save; how many records were written
    (``Plan.size``). Entries of the log go through ``log`` when the record here goes on
    (``plan.rechain``)."""
    if plan.rechain:
        log.all()  # every entry held, so one read in replaces its own, wherever it is
    with ledger.batch():
        for part in (plan.new, plan.changed):
            for name, docs in part.items():
                for doc_id, doc in docs.items():
                    if name == HOOVERS and plan.rechain:
                        log.save(Hoover.from_dict(doc))
                    else:
                        target = ledger.new_id(name) if doc_id.startswith(FRESH) else doc_id
                        ledger.put(name, target, doc)
    return plan.size


def keep_before(ledger: Ledger, root: Path, moment: datetime) -> Path:
    """Keep everything held now as a backup file in the backups folder (sealed in a
    sealed folder), before reading another in; where it went."""
    from companion.store import seal
    from companion.store.durable import BACKUP_DIR_NAME

    folder = root / BACKUP_DIR_NAME
    folder.mkdir(mode=0o700, exist_ok=True)
    path = folder / f"before-import-{moment:%Y%m%d-%H%M%S}.json"
    try:
        return write_private(path, seal.sealed(backup_bytes(ledger, moment), path))
    except OSError as error:
        raise StoreError(
            f"The state before could not be kept: {error.strerror or error}."
        ) from error
