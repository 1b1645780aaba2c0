"""Little wins: note one, change one, list them, and put the day counter's question away."""

from __future__ import annotations

from typing import TYPE_CHECKING

from companion.domain.wins import Win
from companion.ui.commands import Command
from companion.ui.context import Context
from companion.ui.quiet import Notice, QuietLine

if TYPE_CHECKING:
    from companion.ui.log_screen import Records

KIND = "wins"
"""What ``Context.changed`` names when a win is saved, removed or put back."""


async def log_win(ctx: Context) -> None:
    """Note a little win for today."""
    await edit_win(ctx, None)


async def edit_win(ctx: Context, win: Win | None) -> Win | None:
    """Note a win, or change one."""
    from companion.wins.dialog import WinDialog, WinDraft

    saved = await ctx.edit(
        KIND,
        lambda draft: WinDialog(ctx.today, draft, editing=win is not None),
        WinDraft.of(win),
        lambda values: ctx.repository.wins.save(values.applied(win, ctx.today, ctx.clock.now())),
    )
    if saved is not None and win is None:
        ctx.notify("Kept with your little wins.")
    return saved


def records(ctx: Context) -> Records[Win]:
    """How the list of wins reads, removes, puts back and edits them."""
    from companion.ui.log_screen import Records

    wins = ctx.repository.wins
    return Records(KIND, wins.all, wins.delete, wins.save, edit_win)


def show_wins(ctx: Context) -> None:
    """Every little win."""
    from companion.wins.log import WinsScreen

    ctx.show(WinsScreen(ctx, records(ctx)))


def hide_prompt(ctx: Context) -> None:
    """Put the little-win question away until tomorrow."""
    if ctx.repository.has_win_on(ctx.today):
        return
    if ctx.try_save(ctx.repository.save_win_prompt_hidden_on, ctx.today) is not None:
        ctx.changed(KIND)


def question_line(ctx: Context) -> Notice | None:
    """The little-win question on the day counter, until a win is noted or it is hidden."""
    repo = ctx.repository
    if repo.has_win_on(ctx.today) or repo.win_prompt_hidden_on == ctx.today:
        return None
    return Notice(
        "What went right today? w notes it, x hides this.",
        "What went right today? w · x hides",
    )


QUIET_LINE = QuietLine((KIND,), question_line, place=20)
"""The question comes after a date coming up, which matters more that week."""

PLACE = 40
"""Where this feature's keys and palette entries come among the others'."""

COMMANDS = (
    Command(
        "wins.log",
        "Note a little win",
        "What went right today",
        log_win,
        key="w",
        label="Win",
        show=True,
    ),
    Command(
        "wins.show", "Little wins", "Every win, newest first", show_wins, key="W", label="Wins"
    ),
    Command(
        "wins.hide_prompt",
        "Hide the win question",
        "Until tomorrow",
        hide_prompt,
        key="x",
        label="Hide prompt",
        palette=False,
    ),
)
"""Little wins' keys on the main screen, and their palette entries."""
