"""Reasons I left: write one, change it, pin it, move it, remove it (with undo), write them
one question at a time, and read them one at a time, with a step to steady the mood after."""

from __future__ import annotations

from dataclasses import replace
from functools import partial
from typing import TYPE_CHECKING

from textual.screen import Screen

from companion.domain.reasons import Reason, moved, next_position, prompt_at, review_order
from companion.settings import flows as settings
from companion.ui.commands import Command
from companion.ui.context import Context
from companion.ui.loaded import instance_of

if TYPE_CHECKING:
    from companion.reasons.dialog import ReasonValues

KIND = "reasons"
"""What ``Context.changed`` names when a reason is saved, removed, moved or put back."""

PANE = "reasons"
"""The id of the main screen's Reasons pane, whose keys these are."""


# The list --------------------------------------------------------------------------------


async def edit_reason(ctx: Context, reason: Reason | None) -> Reason | None:
    """The reason dialog (a new reason, or ``reason``) until saved or cancelled; nothing
    typed is lost on a failure. The list's cursor goes to what was saved."""
    from companion.reasons.dialog import ReasonDialog, ReasonDraft

    def save(values: ReasonValues) -> Reason:
        position = next_position(ctx.repository.reasons)
        return ctx.repository.save_reason(values.applied(reason, ctx.clock.now(), position))

    return await ctx.edit(
        KIND,
        lambda draft: ReasonDialog(ctx.today, draft, editing=reason is not None),
        ReasonDraft.of(reason),
        save,
    )


def remove(ctx: Context, reason: Reason) -> None:
    """Remove ``reason``, kept for ``ctrl+z``."""
    if ctx.try_save(ctx.repository.delete_reason, reason.id) is not None:
        ctx.removed(KIND, reason, "Removed. Press ctrl+z in the list to undo.")


def undo(ctx: Context) -> None:
    """Put back the reason removed last, the cursor on it."""
    reason: Reason | None = ctx.undo(KIND, ctx.repository.save_reason)
    if reason is not None:
        ctx.changed(KIND, keep=reason.id)


def pin(ctx: Context, reason: Reason) -> None:
    """Pin ``reason`` to the top, or unpin it; the cursor goes with it."""
    changed = replace(reason, pinned=not reason.pinned, edited_at=ctx.clock.now())
    saved = ctx.try_save(ctx.repository.save_reason, changed)
    if saved is not None:
        ctx.changed(KIND, keep=saved.id)


def move(ctx: Context, reason: Reason, step: int) -> None:
    """Move ``reason`` one place up (-1) or down (+1) within its group; nothing moves at
    an edge. The cursor goes with it."""
    changes = moved(ctx.repository.reasons, reason.id, step)
    if changes and ctx.try_save(ctx.repository.save_reasons, changes) is not None:
        ctx.changed(KIND, keep=reason.id)


# Guided writing --------------------------------------------------------------------------


def guided(ctx: Context) -> None:
    """Guided writing, from where the person left off (from the start once finished)."""
    from companion.reasons.guided import GuidedScreen, Keeping

    step = ctx.repository.guided_step
    if prompt_at(step) is None:
        step = 0
    answers: dict[int, str] = {}  # the reason each answer was kept as, in this sitting
    keeping = Keeping(
        answer=partial(keep_answer, ctx, answers),
        step=partial(remember_step, ctx),
        voice=partial(settings.remember_voice, ctx),
    )
    screen = GuidedScreen(step, keeping, ctx.repository.profile.guided_voice)
    ctx.show(screen, callback=lambda _: ctx.changed(KIND))


def keep_answer(ctx: Context, answers: dict[int, str], step: int, text: str) -> None:
    """Keep the answer to question ``step`` as a reason the moment it is written (an emptied
    one is removed); ``answers`` holds the reason each question's answer became."""
    found = prompt_at(step)
    if found is None or not ctx.repository.folder.is_open:
        return
    prompt_set, _prompt = found
    existing = ctx.repository.find_reason(answers.get(step, ""))
    if not text.strip():
        if existing is not None:
            ctx.try_save(ctx.repository.delete_reason, existing.id)
            del answers[step]
        return
    if existing is None:
        reason = Reason(
            text=text,
            category=prompt_set.category,
            created_at=ctx.clock.now(),
            position=next_position(ctx.repository.reasons),
        )
    elif existing.text == text:
        return
    else:
        reason = replace(existing, text=text, edited_at=ctx.clock.now())
    if ctx.try_save(ctx.repository.save_reason, reason) is not None:
        answers[step] = reason.id
        ctx.changed(KIND)


def remember_step(ctx: Context, step: int) -> None:
    """Remember where the guided writing is, for next time."""
    ctx.try_save(ctx.repository.save_guided_step, step)


# Reading them ----------------------------------------------------------------------------


def review(ctx: Context) -> None:
    """Read the reasons one at a time (never shown unasked; never twice over itself)."""
    from companion.reasons.review import ReviewScreen, ReviewSteps

    if showing_review(ctx.app.screen):
        return
    order = review_order(ctx.repository.reasons, ctx.rng)
    steps = ReviewSteps(
        helped=partial(mark_helped, ctx), breathe=partial(breathe, ctx), safe_person=ctx.crisis
    )
    ctx.show(ReviewScreen(order, ctx.running_urge is not None, steps))


def showing_review(screen: Screen[object]) -> bool:
    """True when ``screen`` is the review (a second ``r`` there does nothing)."""
    return instance_of(screen, "companion.reasons.review", "ReviewScreen")


def mark_helped(ctx: Context, reason: Reason) -> None:
    """Count one more time this reason helped; it comes first next time."""
    current = ctx.repository.find_reason(reason.id) or reason
    counted = replace(current, helped=current.helped + 1)
    if ctx.try_save(ctx.repository.save_reason, counted) is not None:
        ctx.changed(KIND)


def breathe(ctx: Context) -> None:
    """A minute with the breathing pacer."""
    from companion.reasons.review import BreatheScreen

    ctx.show(BreatheScreen(ctx.clock))


PLACE = 70
"""Where this feature's keys and palette entries come among the others'."""

COMMANDS = (
    Command(
        "reasons.add",
        "Add a reason",
        "Write a new reason I left",
        action="add",
        key="a",
        label="Add",
        show=True,
        where="pane",
        pane=PANE,
    ),
    Command(
        "reasons.edit",
        "Edit the selected reason",
        "Change the reason under the cursor",
        action="edit",
        key="e",
        label="Edit",
        where="pane",
        pane=PANE,
    ),
    Command(
        "reasons.remove",
        "Remove the selected reason",
        "It can be put back with ctrl+z",
        action="remove",
        key="delete",
        label="Remove",
        where="pane",
        pane=PANE,
    ),
    Command(
        "reasons.pin",
        "Pin or unpin the selected reason",
        "Pinned reasons come first",
        action="pin",
        key="p",
        label="Pin",
        show=True,
        where="pane",
        pane=PANE,
    ),
    Command(
        "reasons.up",
        "Move the selected reason up",
        "Earlier in your order",
        action="move(-1)",
        key="shift+up",
        label="Up",
        where="pane",
        pane=PANE,
    ),
    Command(
        "reasons.down",
        "Move the selected reason down",
        "Later in your order",
        action="move(1)",
        key="shift+down",
        label="Down",
        where="pane",
        pane=PANE,
    ),
    Command(
        "reasons.filter",
        "Filter reasons",
        "Show only reasons with a word in them",
        action="filter",
        key="slash",
        label="Filter",
        show=True,
        key_display="/",
        where="pane",
        pane=PANE,
    ),
    Command(
        "reasons.guided",
        "Guided writing",
        "Write reasons one question at a time",
        guided,
        key="g",
        label="Guided",
        show=True,
        pane=PANE,
    ),
    Command(
        "reasons.undo",
        "Put back the removed reason",
        "The reason removed last",
        action="undo",
        key="ctrl+z",
        label="Undo",
        where="pane",
        pane=PANE,
        palette=False,
    ),
    Command("reasons.review", "Read my reasons", "One at a time", review, where="anywhere"),
)
"""The Reasons pane's keys and their palette entries, guided writing (g in the pane, and the
palette on the main screen) and reading them (the app's own r, and the palette everywhere)."""
