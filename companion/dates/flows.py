"""Dates that matter: note one and its plan, list them in the order they come, and open
the plan of one coming up this week at once."""

from __future__ import annotations

from typing import TYPE_CHECKING

from companion.domain.marked_dates import MarkedDate, coming_up
from companion.ui.commands import Command
from companion.ui.context import Context
from companion.ui.quiet import Notice, QuietLine
from companion.ui.text import one_line

if TYPE_CHECKING:
    from companion.dates.dialog import DateValues
    from companion.ui.log_screen import Records

KIND = "dates"
"""What ``Context.changed`` names when a date is saved, removed or put back."""


async def edit_date(
    ctx: Context, marked: MarkedDate | None, plan_first: bool = False
) -> MarkedDate | None:
    """Note a date that matters, or change it and its plan."""
    from companion.dates.dialog import DateDraft, MarkedDateDialog

    dates = ctx.repository.dates

    def save(values: DateValues) -> MarkedDate:
        return dates.save(values.applied(marked, ctx.clock.now()))

    return await ctx.edit(
        KIND,
        lambda d: MarkedDateDialog(d, editing=marked is not None, plan_first=plan_first),
        DateDraft.of(marked),
        save,
    )


def records(ctx: Context) -> Records[MarkedDate]:
    """How the list reads, removes, puts back and edits the dates."""
    from companion.ui.log_screen import Records

    dates = ctx.repository.dates
    return Records(KIND, dates.all, dates.delete, dates.save, edit_date)


def show_dates(ctx: Context) -> None:
    """Dates that matter, in the order they come."""
    from companion.dates.log import DatesScreen

    ctx.show(DatesScreen(ctx, records(ctx), ctx.today))


def plan_date(ctx: Context) -> None:
    """The dates; with one coming up this week, its plan opens at once over them."""
    from companion.dates.log import DatesScreen

    ahead = coming_up(ctx.repository.dates.all(), ctx.today)
    keep = ahead[0].marked.id if ahead else None
    ctx.show(DatesScreen(ctx, records(ctx), ctx.today, keep))
    if ahead:
        ctx.start(edit_date(ctx, ahead[0].marked, plan_first=True))


def coming_up_line(ctx: Context) -> Notice | None:
    """A date coming up this week, with or without its plan, on the day counter."""
    ahead = coming_up(ctx.repository.dates.all(), ctx.today)
    if not ahead:
        return None
    first = ahead[0]
    name = one_line(first.marked.name, 40)
    if first.marked.plan.strip():
        return Notice(
            f"{name}: {first.when()}. Your plan is ready (t).",
            f"{one_line(name, 18)}: {first.when()} · t",
        )
    return Notice(
        f"{name}: {first.when()}. Press t to plan for it.",
        f"{one_line(name, 18)}: {first.when()} · t plans",
    )


QUIET_LINE = QuietLine((KIND,), coming_up_line, place=10)
"""A date coming up is said first on the day counter."""

PLACE = 50
"""Where this feature's keys and palette entries come among the others'."""

COMMANDS = (
    Command(
        "dates.plan",
        "Plan for a date",
        "The dates, and the plan of one coming up",
        plan_date,
        key="t",
        label="Dates",
        palette=False,
    ),
    Command("dates.show", "Dates that matter", "Hard days ahead, and your plans", show_dates),
)
"""The key ``t`` on the main screen, and the palette's entry."""
