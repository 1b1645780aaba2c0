"""Taking it with you, from the palette: a full backup, a summary to share, the record of
when they reached out, and a backup read back in. Each export is a new file (0600) in the
home folder unless the person says otherwise, and the app says where it went."""

from __future__ import annotations

import asyncio
from datetime import datetime
from pathlib import Path

from companion import carry
from companion.domain.sections import SECTIONS
from companion.ui.commands import Command
from companion.ui.context import EVERYTHING, Context


async def export(ctx: Context, kind: str) -> None:
    """Ask where (and, for a summary, what), then write the export."""
    from companion.export.dialogs import Export, ExportDialog

    moment = ctx.clock.now().astimezone()
    root = ctx.repository.folder.root
    if kind == "record" and ctx.try_save(ctx.repository.hoover_log.chain_existing) is None:
        return
    warning = carry.plain_warning(root)

    can_seal = warning is not None

    pdf_path: Path | None = None
    data = b""

    def write(chosen: Export) -> Path:
        nonlocal data, pdf_path
        data = carry.made(
            ctx.repository, kind, moment, sections=chosen.sections, sealed=chosen.sealed
        )
        target = Path(chosen.path)
        if kind == "record":
            target, pdf_path = carry.record_paths(target, default.name)
        return carry.written_to(target, data, default.name)

    default = carry.default_path(kind, moment)
    draft = Export(str(default), tuple(SECTIONS), sealed=can_seal)
    written = await ctx.until_saved(
        lambda d: ExportDialog(kind, d, warning, can_seal), draft, write
    )
    if written is None:
        return
    said = f"Written to {written}. Only you can read it on this computer."
    if pdf_path is None:
        ctx.notify(said, title="Exported")
        return
    ctx.notify(f"{said} Making the PDF to print beside it…", title="Exported")
    await printable(ctx, data, pdf_path)


async def printable(ctx: Context, markdown: bytes, path: Path) -> None:
    """The record's PDF, made beside its Markdown away from the screen (a long record
    takes seconds), then written; a failure is said, the Markdown stays."""
    try:
        pdf = await asyncio.to_thread(carry.printable, markdown)
        written = carry.written_to(path, pdf, path.name)
    except carry.ExportError as error:
        ctx.notify(
            f"The PDF was not made. {error} The Markdown beside it holds every word.",
            title="Not exported",
            severity="warning",
        )
        return
    ctx.notify(f"The PDF to print is at {written}.", title="Exported")


async def export_backup(ctx: Context) -> None:
    """Every record, in one file."""
    await export(ctx, "backup")


async def export_summary(ctx: Context) -> None:
    """Progress to share."""
    await export(ctx, "summary")


async def export_record(ctx: Context) -> None:
    """The record of when they reached out."""
    await export(ctx, "record")


async def import_backup(ctx: Context) -> None:
    """Check a backup, show what it would do, and read it in once the person agrees."""
    from companion.domain.errors import ValidationError
    from companion.export.dialogs import Chosen, ImportDialog
    from companion.store import backup, seal
    from companion.ui.dialogs import ConfirmDialog

    ledger = ctx.repository.ledger

    def check(chosen: Chosen) -> tuple[backup.Plan, str]:
        source = Path(chosen.path).expanduser()
        try:
            raw = source.read_bytes()
        except OSError as error:
            raise ValidationError(f"{source} could not be read: {error.strerror}.") from error
        try:
            if backup.is_sealed_backup(raw):
                raw = backup.open_sealed_backup(raw, chosen.passphrase, source)
            return backup.import_plan(ledger, backup.read_backup(raw, source)), chosen.path
        except seal.WrongPassphrase as error:
            raise ValidationError(
                "That backup is sealed, and this is not its passphrase (the one your data "
                "had when it was made)."
            ) from error
        except backup.BackupError as error:
            raise ValidationError(f"{error} Nothing was changed.") from error

    found = await ctx.until_saved(ImportDialog, Chosen(str(Path.home()) + "/"), check)
    if found is None:
        return
    plan, _path = found
    if plan.empty:
        ctx.notify(plan.words(), title="Nothing to read in")
        return
    sure = await ctx.ask(ConfirmDialog("Read it in?", plan.words(), yes="Read it in", no="Not now"))
    if not sure:
        return

    def read_in() -> int:
        kept = backup.keep_before(ledger, ctx.repository.folder.root, datetime.now().astimezone())
        count = backup.carry_out(ledger, plan, ctx.repository.hoover_log)
        ctx.notify(
            f"Read in {count} records. What was here before is kept in {kept}.", title="Imported"
        )
        return count

    if ctx.try_save(read_in) is not None:
        ctx.repository.reread()
        ctx.changed(EVERYTHING)


PLACE = 130
"""Where this feature's palette entries come among the others'."""

COMMANDS = (
    Command("export.backup", "Export a full backup", "Every record in one file", export_backup),
    Command(
        "export.summary",
        "Export a summary to share",
        "Your progress as plain text",
        export_summary,
    ),
    Command(
        "export.record",
        "Export the record of when they reached out",
        "Every contact, with hashes anyone can check",
        export_record,
    ),
    Command(
        "export.import",
        "Import a full backup",
        "Read a backup back in; nothing is removed",
        import_backup,
    ),
)
"""Taking it with you, in the command palette (on the main screen)."""
