"""Contact modes and necessary contact: choose a mode from a day on, log contact that was
needed (never a slip), and the lists of both."""

from __future__ import annotations

from rich.text import Text

from companion.domain.dates import format_day
from companion.domain.modes import MODES, ModeChange, NecessaryContact, allows_necessary, mode_on
from companion.ui.commands import Command
from companion.ui.context import Context
from companion.ui.dialogs import ConfirmDialog

MODES_KIND = "modes"
"""What ``Context.changed`` names when a mode is chosen, corrected, removed or put back."""
NECESSARY = "necessary"
"""What ``Context.changed`` names when necessary contact is logged, changed or removed."""


def mode_today(ctx: Context) -> str:
    """The contact mode in force today."""
    return ctx.repository.mode_today(ctx.today)


async def set_mode(ctx: Context) -> None:
    """Choose a contact mode from a day on."""
    await edit_mode(ctx, None)


async def edit_mode(ctx: Context, change: ModeChange | None) -> ModeChange | None:
    """Choose a new mode, or correct an earlier choice; no figure changes."""
    from companion.modes.dialogs import ModeDialog, ModeDraft

    modes = ctx.repository.modes
    if change is None:
        draft = ModeDraft.from_now(mode_on(modes.all(), ctx.today))
    else:
        draft = ModeDraft.of(change)
    saved = await ctx.edit(
        MODES_KIND,
        lambda d: ModeDialog(ctx.today, d, editing=change is not None),
        draft,
        lambda values: modes.save(values.applied(change, ctx.today, ctx.clock.now())),
    )
    if saved is not None:
        ctx.notify(
            f"{MODES[saved.mode]} from {format_day(saved.since)}. "
            "Everything logged so far stays as it is."
        )
    return saved


async def log_necessary(ctx: Context) -> None:
    """Log necessary contact; in No Contact, offer to choose a mode first."""
    if not allows_necessary(mode_today(ctx)):
        question = Text(
            "Necessary contact, such as arrangements for children, is kept apart in "
            "low contact and in unavoidable contact. You are in No Contact now. "
            "Would you like to choose another mode?"
        )
        if not await ctx.ask(ConfirmDialog("Necessary contact", question, "Choose a mode")):
            return
        await edit_mode(ctx, None)
        if not allows_necessary(mode_today(ctx)):
            return
    await edit_necessary(ctx, None)


async def edit_necessary(ctx: Context, contact: NecessaryContact | None) -> NecessaryContact | None:
    """Log or change a necessary contact; it never counts as a slip."""
    from companion.modes.dialogs import NecessaryDialog, NecessaryDraft

    necessary = ctx.repository.necessary
    saved = await ctx.edit(
        NECESSARY,
        lambda d: NecessaryDialog(ctx.today, d, editing=contact is not None),
        NecessaryDraft.of(contact),
        lambda values: necessary.save(values.applied(contact, ctx.today, ctx.clock.now())),
    )
    if saved is not None and contact is None:
        ctx.notify("Logged. Necessary contact never counts as a slip.")
    return saved


def show_modes(ctx: Context) -> None:
    """Every mode chosen, and from when."""
    from companion.modes.logs import ModesScreen
    from companion.ui.log_screen import Records

    modes = ctx.repository.modes
    ctx.show(ModesScreen(ctx, Records(MODES_KIND, modes.all, modes.delete, modes.save, edit_mode)))


def show_necessary(ctx: Context) -> None:
    """Every necessary contact."""
    from companion.modes.logs import NecessaryScreen
    from companion.ui.log_screen import Records

    necessary = ctx.repository.necessary
    records = Records(NECESSARY, necessary.all, necessary.delete, necessary.save, edit_necessary)
    ctx.show(NecessaryScreen(ctx, records))


PLACE = 30
"""Where this feature's keys and palette entries come among the others'."""

COMMANDS = (
    Command(
        "modes.set",
        "Contact mode",
        "No Contact, low contact, or unavoidable contact",
        set_mode,
        key="m",
        label="Mode",
    ),
    Command("modes.show", "Contact modes list", "Every mode you chose, and from when", show_modes),
    Command(
        "modes.necessary",
        "Log necessary contact",
        "Within your rules; never a slip",
        log_necessary,
        key="n",
        label="Necessary",
        pane="day-counter",
    ),
    Command(
        "modes.necessary_list",
        "Necessary contact list",
        "Every necessary contact logged",
        show_necessary,
    ),
)
"""Contact modes' key on the main screen (``n`` is the day counter's), and palette entries."""
