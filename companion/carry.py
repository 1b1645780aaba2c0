"""``companion export`` and ``companion import``: a full backup out of the data folder and
back in, from the command line. Every message is plain; nothing personal is printed."""

from __future__ import annotations

import getpass
import sys
from datetime import datetime
from pathlib import Path

from companion.store import seal
from companion.store.problems import AlreadyOpenError, StoreError

NOTHING = 3
"""The exit status when there is no data to export."""


def say(words: str) -> None:
    """A line for the person, on standard error (standard output stays for data)."""
    print(words, file=sys.stderr)


def _unlocked(root: Path) -> bool:
    """A sealed folder's keys held, asking for the passphrase on the terminal; False
    (and said why) when that cannot be done."""
    if not seal.is_sealed(root) or seal.keys_for(root) is not None:
        return True
    if not sys.stdin.isatty():
        say("companion: your data is sealed with a passphrase; run this in a terminal.")
        return False
    for _ in range(3):
        try:
            seal.unlock_folder(root, getpass.getpass("Passphrase: "))
            return True
        except seal.WrongPassphrase as error:
            say(str(error))
        except StoreError as error:
            say(f"companion: {error}")
            return False
    return False


def default_path(moment: datetime) -> Path:
    """A new file in the home folder, with a neutral name."""
    return Path.home() / f"companion-backup-{moment:%Y-%m-%d}.json"


def export(root: Path, out: Path | None) -> int:
    """Write a full backup of ``root`` to ``out`` (or a new file in the home folder)."""
    from companion.status import has_data
    from companion.store.backup import backup_bytes, write_private
    from companion.store.repository import Repository

    if not has_data(root):
        say(f"companion: there is no data in {root} to export yet.")
        return NOTHING
    if not _unlocked(root):
        return 1
    moment = datetime.now().astimezone()
    try:
        repository = Repository.open(root, look=True)
        try:
            data = backup_bytes(repository.ledger, moment)
        finally:
            repository.close()
        target = out.expanduser() if out is not None else default_path(moment)
        if target.is_dir():
            target = target / default_path(moment).name
        written = write_private(target, data)
    except StoreError as error:
        say(f"companion: {error}")
        return 1
    except OSError as error:
        say(f"companion: the backup could not be written: {error.strerror or error}.")
        return 1
    if seal.is_sealed(root):
        say(
            "Your data is sealed, but this backup is plain text: anyone who opens the file "
            "can read it. Keep it somewhere only you can reach."
        )
    say(f"Wrote a full backup to {written} (readable only by you).")
    return 0


def import_file(root: Path, source: Path, *, ask: bool) -> int:
    """Check the backup at ``source``, say what it would do, and read it in."""
    from companion.store import backup
    from companion.store.repository import Repository

    try:
        raw = source.expanduser().read_bytes()
    except OSError as error:
        say(f"companion: {source} could not be read: {error.strerror or error}.")
        return 1
    try:
        tables = backup.read_backup(raw, source)
    except StoreError as error:
        say(f"companion: {error} Nothing was changed.")
        return 1
    if not _unlocked(root):
        return 1
    try:
        repository = Repository.open(root)
    except AlreadyOpenError:
        say("companion: close companion first, then import again. Nothing was changed.")
        return 1
    except StoreError as error:
        say(f"companion: {error}")
        return 1
    try:
        plan = backup.import_plan(repository.ledger, tables)
        say(plan.words())
        if plan.empty:
            return 0
        if ask:
            if not sys.stdin.isatty():
                say("Run it in a terminal to confirm, or add --yes. Nothing was changed.")
                return 1
            if input("Read it in? [y/N] ").strip().lower() not in ("y", "yes"):
                say("Nothing was changed.")
                return 0
        moment = datetime.now().astimezone()
        kept = backup.keep_before(repository.ledger, root, moment)
        count = backup.carry_out(repository.ledger, plan)
    except StoreError as error:
        say(f"companion: {error} Nothing was changed.")
        return 1
    finally:
        repository.close()
    say(f"Read in {count} records. What was here before is kept in {kept}.")
    return 0


def export_record(root: Path, out: Path | None, *, as_json: bool) -> int:
    """Write the record of when they reached out, in Markdown (or JSON)."""
    import json

    from companion.domain import record
    from companion.status import has_data
    from companion.store.backup import write_private
    from companion.store.repository import Repository

    if not has_data(root):
        say(f"companion: there is no data in {root} yet.")
        return NOTHING
    if not _unlocked(root):
        return 1
    moment = datetime.now().astimezone()
    try:
        repository = Repository.open(root, look=True)
        try:
            unchained = not repository.record_events() and bool(repository.hoover_log.all())
        finally:
            repository.close()
        repository = Repository.open(root) if unchained else Repository.open(root, look=True)
        try:
            if unchained:  # a log kept before the record existed: chained now, once
                repository.hoover_log.chain_existing()
            problem = repository.record_problem()
            events = repository.record_events()
        finally:
            repository.close()
    except AlreadyOpenError:
        say("companion: close companion once, so the log can be chained; then export again.")
        return 1
    except StoreError as error:
        say(f"companion: {error}")
        return 1
    if problem is not None:
        say(f"companion: {problem} Nothing was written; nothing in your data was repaired.")
        return 1
    if as_json:
        final = events[-1]["hash"] if events else record.GENESIS
        document: dict[str, object] = {"kind": "contact record", "events": events}
        document |= {"made_at": moment.isoformat(), "final_hash": final}
        data = (json.dumps(document, ensure_ascii=False, indent=1) + "\n").encode("utf-8")
    else:
        data = record.render(events, moment).encode("utf-8")
    suffix = ".json" if as_json else ".md"
    target = (out or Path.home() / f"companion-record-{moment:%Y-%m-%d}{suffix}").expanduser()
    try:
        written = write_private(target, data)
    except OSError as error:
        say(f"companion: the record could not be written: {error.strerror or error}.")
        return 1
    if seal.is_sealed(root):
        say("Your data is sealed, but this record is plain text: anyone who opens it can read it.")
    say(f"Wrote the record ({len(record.entries(events))} entries) to {written}.")
    return 0


def verify(source: Path) -> int:
    """Check a record; say in plain words whether it holds."""
    from companion.domain import record

    try:
        text = source.expanduser().read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        say(f"companion: {source} could not be read: {getattr(error, 'strerror', None) or error}.")
        return 2
    verdict = record.verify(text)
    print(verdict.words)
    return 0 if verdict.holds else 1


def export_summary(root: Path, out: Path | None, sections: list[str]) -> int:
    """Write a summary to share with the ``sections`` chosen (see ``domain.summary``)."""
    from companion.domain.summary import Material, render
    from companion.status import has_data
    from companion.store.backup import write_private
    from companion.store.repository import Repository

    if not has_data(root):
        say(f"companion: there is no data in {root} yet.")
        return NOTHING
    if not _unlocked(root):
        return 1
    moment = datetime.now().astimezone()
    try:
        repository = Repository.open(root, look=True)
        try:
            material = Material(
                days=repository.history.summary(moment.date()),
                urges=repository.urge_stats(moment),
                reasons=repository.reasons,
                wins=sorted(repository.wins.all(), key=lambda win: (win.on, win.logged_at)),
                modes=sorted(repository.modes.all(), key=lambda change: change.since),
                hoovers=sorted(repository.hoovers, key=lambda entry: entry.logged_at),
                letters=repository.letters,
                alias=repository.profile.alias,
                slips=repository.history.slips,
            )
        finally:
            repository.close()
    except StoreError as error:
        say(f"companion: {error}")
        return 1
    target = (out or Path.home() / f"companion-summary-{moment:%Y-%m-%d}.md").expanduser()
    try:
        written = write_private(target, render(material, sections, moment).encode("utf-8"))
    except OSError as error:
        say(f"companion: the summary could not be written: {error.strerror or error}.")
        return 1
    if seal.is_sealed(root):
        say("Your data is sealed, but this summary is plain text: anyone who opens it can read it.")
    say(f"Wrote the summary to {written}.")
    return 0
