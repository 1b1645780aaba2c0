"""The day counter's flows: the day No Contact began, logging a slip, and the slips."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from rich.text import Text

from companion.domain.dates import format_day
from companion.domain.history import Slip, stretch_words
from companion.ui.commands import Command
from companion.ui.context import Context
from companion.ui.dialogs import ConfirmDialog

if TYPE_CHECKING:
    from companion.counter.dialogs import SlipDraft
    from companion.ui.log_screen import Records

START = "start"
"""What ``Context.changed`` names when the start day is set."""
SLIPS = "slips"
"""What ``Context.changed`` names when a slip is logged, changed, removed or put back."""

NO_START_YET = "Set the day No Contact began first (press d)."


async def set_start(ctx: Context) -> None:
    """Ask for the start day until it is saved or the person cancels."""
    from companion.counter.dialogs import StartDateDialog

    start = ctx.repository.history.start
    typed = start.isoformat() if start else ""

    def save(chosen: date) -> date:
        ctx.repository.save_start(chosen, ctx.today)
        return chosen

    chosen = await ctx.edit(START, lambda d: StartDateDialog(ctx.today, d), typed, save)
    if chosen is not None:
        ctx.notify(f"No Contact began on {format_day(chosen)}.")


async def log_slip(ctx: Context) -> None:
    """A gentle check, then log when contact happened; the new stretch starts."""
    if ctx.repository.history.start is None:
        ctx.notify(NO_START_YET)
        return
    kept = (
        " That's all right. Logging it keeps your history honest: every day before it "
        "still counts, and only the day contact happened is not a No Contact day. You "
        "choose whether a new stretch begins or it was a brief exception."
    )
    if ctx.repository.mode_today(ctx.today) == "none":
        question = Text(f"Contact happened?{kept}")
    else:
        question = Text(
            f"Contact outside your own rules?{kept} Necessary contact within your "
            "rules is logged with n instead, and is never a slip."
        )
    if not await ctx.ask(ConfirmDialog("Log a slip", question, "Log it")):
        return
    await edit_slip(ctx, None)


async def offer_slip(
    ctx: Context, title: str, question: Text, when: str = "today", kind: str = "messaged"
) -> None:
    """After contact logged elsewhere (an urge that ended in contact, a message answered):
    offer, once, to log it as a slip too, the dialog filled with ``when`` and ``kind``."""
    from companion.counter.dialogs import SlipDraft

    if not await ctx.ask(ConfirmDialog(title, question, "Log it")):
        return
    if ctx.repository.history.start is None:
        ctx.notify(NO_START_YET)
        return
    await edit_slip(ctx, None, SlipDraft(when=when, kind=kind))


async def edit_slip(
    ctx: Context, slip: Slip | None, start_with: SlipDraft | None = None
) -> Slip | None:
    """Open the slip dialog (new, or editing ``slip``) until saved or cancelled.

    A new slip can ``start_with`` a draft (the day they reached out and were answered).
    """
    from companion.counter.dialogs import SlipDialog, SlipDraft

    before = ctx.repository.history.summary(ctx.today)
    draft = SlipDraft.of(slip) if slip is not None else start_with or SlipDraft()

    def save(values: SlipDraft) -> Slip:
        made = values.applied(slip, ctx.today, ctx.clock.now())
        ctx.repository.save_slip(made, ctx.today)
        return made

    saved = await ctx.edit(
        SLIPS,
        lambda d: SlipDialog(ctx.today, ctx.alias, d, editing=slip is not None),
        draft,
        save,
    )
    if saved is None or slip is not None:
        return saved
    if saved.new_stretch:
        after = ctx.repository.history.summary(ctx.today)
        ctx.notify(stretch_words(before, after))
    else:
        ctx.notify("Logged as a brief exception. No figure changes.")
    return saved


def records(ctx: Context) -> Records[Slip]:
    """How the list of slips reads, removes, puts back and edits them."""
    from companion.ui.log_screen import Records

    repo = ctx.repository
    return Records(
        SLIPS, lambda: repo.history.slips, repo.delete_slip, repo.restore_slip, edit_slip
    )


def show_slips(ctx: Context) -> None:
    """Show every slip, to edit or remove."""
    from companion.counter.slips import SlipsScreen

    ctx.show(SlipsScreen(ctx, records(ctx), ctx.alias))


PLACE = 10
"""Where this feature's keys and palette entries come among the others'."""

COMMANDS = (
    Command(
        "counter.start",
        "Set the start day",
        "When No Contact began",
        set_start,
        key="d",
        label="Start day",
        show=True,
    ),
    Command(
        "counter.slip", "Log a slip", "Contact happened", log_slip, key="s", label="Slip", show=True
    ),
    Command(
        "counter.slips", "Slips", "See, edit or remove slips", show_slips, key="l", label="Slips"
    ),
)
"""The day counter's keys on the main screen, and their palette entries."""
