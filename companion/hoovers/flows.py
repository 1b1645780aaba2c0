"""When they reached out: log it (a caution the first time), change it, list it, and
follow up gently; it never touches the streak."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.text import Text

from companion.counter import flows as counter
from companion.domain.hoovers import CAUTION, Hoover
from companion.ui.commands import Command
from companion.ui.context import Context
from companion.ui.dialogs import NoticeDialog

if TYPE_CHECKING:
    from companion.ui.log_screen import Records

KIND = "hoovers"
"""What ``Context.changed`` names when an entry is saved, removed or put back."""


async def log_hoover(ctx: Context) -> None:
    """Log that they reached out; a second ``h`` while the dialog is open opens nothing."""
    if KIND in ctx.busy:
        return
    ctx.busy.add(KIND)
    try:
        await edit_hoover(ctx, None)
    finally:
        ctx.busy.discard(KIND)


async def edit_hoover(ctx: Context, entry: Hoover | None) -> Hoover | None:
    """Log a new time they reached out, or change one; then follow up gently."""
    from companion.hoovers.dialog import HooverDialog, HooverDraft

    repo = ctx.repository
    if entry is None and not repo.hoover_caution_seen:
        await ctx.ask(NoticeDialog("A gentle caution", CAUTION))
        ctx.try_save(repo.save_hoover_caution_seen)
    they = repo.profile.they
    saved = await ctx.edit(
        KIND,
        lambda d: HooverDialog(ctx.today, d, they, editing=entry is not None),
        HooverDraft.of(entry),
        lambda values: repo.save_hoover(values.applied(entry, ctx.today, ctx.clock.now())),
    )
    if saved is None or entry is not None:
        return saved
    ctx.notify("Logged. Being contacted never counts against you.")
    if saved.unsafe:
        ctx.crisis()
    elif saved.answered and repo.history.start is not None:
        question = Text(
            "You answered, and that's all right. If you'd like, log it as a slip; "
            "every day before it still counts."
        )
        await counter.offer_slip(ctx, "You answered", question, saved.on.isoformat(), "answered")
    return saved


def records(ctx: Context) -> Records[Hoover]:
    """How the list reads, removes, puts back and edits the entries."""
    from companion.ui.log_screen import Records

    log = ctx.repository.hoover_log
    return Records(KIND, lambda: ctx.repository.hoovers, log.delete, log.save, edit_hoover)


def show_hoovers(ctx: Context) -> None:
    """Every time they reached out."""
    from companion.hoovers.log import HooversScreen

    ctx.show(HooversScreen(ctx, records(ctx), ctx.repository.profile.they))


PLACE = 20
"""Where this feature's keys and palette entries come among the others'."""

COMMANDS = (
    Command(
        "hoovers.log", "They reached out", "Log it, without answering", log_hoover, where="anywhere"
    ),
    Command(
        "hoovers.show",
        "Times they reached out",
        "The list, to filter, edit or remove",
        show_hoovers,
        key="v",
        label="Reached out",
        pane="day-counter",
    ),
)
"""The palette's entries (``h`` is the app's own key, from every full screen)."""
