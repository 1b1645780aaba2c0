"""Taking the data out and back in: a full backup, a summary to share and the record of
when they reached out (made here for the command line and the palette alike), and a full
backup read back in. Every message is plain; nothing personal is printed."""

from __future__ import annotations

import getpass
import sys
from collections.abc import Sequence
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from companion.store import seal
from companion.store.problems import AlreadyOpenError, StoreError

if TYPE_CHECKING:
    from companion.store.repository import Repository

NOTHING = 3
"""The exit status when there is no data to export."""
NAMES = {"backup": "backup", "summary": "summary", "record": "record"}
"""Each kind of export, as its file is named (neutral: nothing says what it is of)."""


class ExportError(StoreError):
    """An export that could not be made; ``str()`` says why."""


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


def default_path(kind: str, moment: datetime, *, as_json: bool = False) -> Path:
    """A new file in the home folder, with a neutral name."""
    suffix = ".json" if kind == "backup" or as_json else ".md"
    return Path.home() / f"companion-{NAMES[kind]}-{moment:%Y-%m-%d}{suffix}"


def made(
    repository: Repository,
    kind: str,
    moment: datetime,
    *,
    sections: Sequence[str] = (),
    as_json: bool = False,
    sealed: bool = False,
) -> bytes:
    """The bytes of one export of what ``repository`` holds (a backup ``sealed`` with the
    passphrase, when asked); ExportError when the record kept in the data does not hold
    (it is reported, never repaired)."""
    if kind == "backup":
        from companion.store.backup import backup_bytes, sealed_backup

        data = backup_bytes(repository.ledger, moment)
        return sealed_backup(data, repository.folder.root) if sealed else data
    if kind == "summary":
        from companion.domain.summary import Material, render

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
        return render(material, sections, moment).encode("utf-8")
    import json

    from companion.domain import record

    problem = repository.record_problem()
    if problem is not None:
        raise ExportError(f"{problem} Nothing was written; nothing in your data was repaired.")
    events = repository.record_events()
    if not as_json:
        return record.render(events, moment).encode("utf-8")
    final = events[-1]["hash"] if events else record.GENESIS
    document: dict[str, object] = {"kind": "contact record", "events": events}
    document |= {"made_at": moment.isoformat(), "final_hash": final}
    return (json.dumps(document, ensure_ascii=False, indent=1) + "\n").encode("utf-8")


def written_to(target: Path, data: bytes, name: str) -> Path:
    """Write an export (0600, never over a file) to ``target``, or into it as ``name``
    when it is a folder; where it went. ExportError saying why it could not be written."""
    from companion.store.backup import write_private

    try:
        target = target.expanduser()
        if target.is_dir():
            target = target / name
        return write_private(target, data)
    except OSError as error:
        raise ExportError(f"It could not be written: {error.strerror or error}.") from error


def record_paths(target: Path, name: str) -> tuple[Path, Path]:
    """Where the record's Markdown and its PDF go: ``target`` (or ``name`` inside it,
    when it is a folder) and the same name ending in .pdf, neither taken yet."""
    target = target.expanduser()
    if target.is_dir():
        target = target / name
    if target.suffix.lower() in (".md", ".pdf"):
        target = target.with_suffix("")
    stem, n = target, 1
    while any(stem.with_name(stem.name + end).exists() for end in (".md", ".pdf")):
        n += 1
        stem = target.with_name(f"{target.name}-{n}")
    return stem.with_name(stem.name + ".md"), stem.with_name(stem.name + ".pdf")


def printable(markdown: bytes) -> bytes:
    """The PDF of a record's Markdown; ExportError if it cannot be laid out (the words of
    the failure are not repeated: they could quote the record)."""
    from companion import printed

    try:
        return printed.render(markdown.decode("utf-8"))
    except Exception as error:  # a layout failure must not lose the Markdown beside it
        raise ExportError("It could not be laid out.") from error


def record_written(target: Path, markdown: bytes, name: str) -> tuple[Path, Path]:
    """Write the record in Markdown and its printable PDF beside it (``record_paths``);
    where they went. ExportError saying why they could not be written (then neither is)."""
    if sys.stderr.isatty():  # a long record takes seconds: say what is happening
        say("Making the printable PDF of the record…")
    try:
        pdf = printable(markdown)
    except ExportError as error:
        raise ExportError(
            f"The record's PDF was not made. {error} Nothing was written; --json writes "
            "the record without a PDF."
        ) from error
    text_path, pdf_path = record_paths(target, name)
    text = written_to(text_path, markdown, name)
    try:
        return text, written_to(pdf_path, pdf, name)
    except ExportError:
        text.unlink(missing_ok=True)
        raise


def plain_warning(root: Path) -> str | None:
    """What to say when an export leaves a sealed folder as plain text."""
    if not seal.is_sealed(root):
        return None
    return (
        "Your data is sealed, but this file is plain text: anyone who opens it can read "
        "it. Keep it somewhere only you can reach."
    )


def export(
    root: Path,
    kind: str,
    out: Path | None,
    *,
    sections: Sequence[str] = (),
    as_json: bool = False,
    plain: bool = False,
) -> int:
    """``companion export``: one export of ``root`` to ``out`` (or the home folder). A
    backup of a sealed folder is sealed with its passphrase unless ``plain``."""
    from companion.status import has_data
    from companion.store.repository import Repository

    if not has_data(root):
        say(f"companion: there is no data in {root} to export yet.")
        return NOTHING
    if not _unlocked(root):
        return 1
    moment = datetime.now().astimezone()
    try:
        if kind == "record":
            chain_older_log(root)
        repository = Repository.open(root, look=True)
        try:
            sealed = kind == "backup" and not plain and seal.is_sealed(root)
            data = made(repository, kind, moment, sections=sections, as_json=as_json, sealed=sealed)
        finally:
            repository.close()
        default = default_path(kind, moment, as_json=as_json)
        if kind == "record" and not as_json:
            text, pdf = record_written(out or default, data, default.name)
            written = f"{text} and its printable PDF to {pdf}"
        else:
            written = str(written_to(out or default, data, default.name))
    except AlreadyOpenError:
        say("companion: close companion once, so the log can be chained; then export again.")
        return 1
    except StoreError as error:
        say(f"companion: {error}")
        return 1
    warning = plain_warning(root)
    if sealed:
        say("The backup is sealed with your passphrase: it opens only with it, anywhere.")
    elif warning is not None:
        say(warning)
    say(f"Wrote the {NAMES[kind]} to {written} (readable only by you).")
    return 0


def chain_older_log(root: Path) -> None:
    """A log kept before the record existed is chained once (that writes, so it needs
    the folder to itself; the app does it at the next change of the log)."""
    from companion.store.repository import Repository

    repository = Repository.open(root, look=True)
    try:
        unchained = not repository.record_events() and bool(repository.hoover_log.all())
    finally:
        repository.close()
    if unchained:
        repository = Repository.open(root)
        try:
            repository.hoover_log.chain_existing()
        finally:
            repository.close()


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
        if backup.is_sealed_backup(raw):
            if not sys.stdin.isatty():
                say("companion: that backup is sealed; run this in a terminal for its passphrase.")
                return 1
            raw = backup.open_sealed_backup(raw, getpass.getpass("Its passphrase: "), source)
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
        count = backup.carry_out(repository.ledger, plan, repository.hoover_log)
        if repository.ledger.waiting and not repository.ledger.write_waiting():
            # The disk refused it, and this command is about to end: nothing is kept.
            repository.ledger.waiting = []
            say(
                "companion: the disk would not take it (it is full, or the folder can't be "
                f"written to). Nothing was read in; what was here is as it was, and also in {kept}."
            )
            return 1
    except StoreError as error:
        say(f"companion: {error} Nothing was changed.")
        return 1
    finally:
        repository.close()
    say(f"Read in {count} records. What was here before is kept in {kept}.")
    return 0


def verify(source: Path) -> int:
    """``companion verify``: check a record; say in plain words whether it holds."""
    from companion.domain import record

    try:
        text = source.expanduser().read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        say(f"companion: {source} could not be read: {getattr(error, 'strerror', None) or error}.")
        return 2
    verdict = record.verify(text)
    print(verdict.words)
    return 0 if verdict.holds else 1
