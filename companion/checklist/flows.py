"""The blocking checklist: where each channel stands, the safety note's answer, and the
person's own channels, saved as the person works through it.

The checklist screen runs these flows and is opened from here, so this module and the
screen's module refer to each other by module.
"""

from __future__ import annotations

from dataclasses import replace

from companion.domain.channels import ADVOCATE_ID
from companion.domain.checklist import (
    OWN_PREFIX,
    Channel,
    Item,
    checklist,
    next_position,
    next_state,
)
from companion.domain.fields import new_id
from companion.ui.commands import Command
from companion.ui.context import Context

KIND = "checklist"
"""What ``Context.changed`` names when a row's state, the safety note's answer or one of
the person's own channels is saved, removed or put back."""


def items(ctx: Context) -> list[Item]:
    """The checklist's rows as stored now."""
    return checklist(ctx.repository.channels, ctx.repository.checklist_safety)


def show_checklist(ctx: Context) -> None:
    """The blocking checklist; its safety note comes first the first time."""
    from companion.checklist import screen

    if not isinstance(ctx.app.screen, screen.ChecklistScreen):
        ctx.show(screen.ChecklistScreen(ctx))


def set_state(ctx: Context, item_id: str, state: str | None) -> None:
    """Save where a row stands (``None``: the state after its current one), read against
    what is stored now (keys may arrive faster than the list is redrawn)."""
    repo = ctx.repository
    item = next((i for i in items(ctx) if i.id == item_id), None)
    if item is None:
        return
    state = next_state(item) if state is None else state
    if state not in item.states:
        return
    if item.step:
        safety = replace(repo.checklist_safety, advocate=state)
        saved: object = ctx.try_save(repo.save_checklist_safety, safety)
    else:
        channel = repo.find_channel(item.id) or Channel(item.id)
        saved = ctx.try_save(repo.save_channel, replace(channel, state=state))
    if saved is not None:
        ctx.changed(KIND, keep=item.id)


def answer_afraid(ctx: Context, answer: str | None) -> None:
    """Keep the safety note's answer (or only that the note was seen, for None); the
    advocate step follows it, and the cursor goes to it when it comes first."""
    safety = replace(ctx.repository.checklist_safety, seen=True)
    if answer is not None:
        safety = replace(safety, afraid=answer)
    if ctx.try_save(ctx.repository.save_checklist_safety, safety) is not None:
        ctx.changed(KIND, keep=ADVOCATE_ID if safety.advocate_first else None)


async def add_channel(ctx: Context) -> None:
    """Add a channel of the person's own."""
    await edit_channel(ctx, None)


async def rename_channel(ctx: Context, channel_id: str) -> None:
    """Rename one of the person's own channels."""
    channel = ctx.repository.find_channel(channel_id)
    if channel is not None:
        await edit_channel(ctx, channel)


async def edit_channel(ctx: Context, channel: Channel | None) -> Channel | None:
    """The name dialog (a new channel, or ``channel``) until saved or cancelled; nothing
    typed is lost on a failure."""
    from companion.checklist.dialogs import ChannelDialog

    repo = ctx.repository

    def save(name: str) -> Channel:
        """Save a new channel of the person's own, last in their list, or ``channel``
        under its new name."""
        if channel is None:
            made = Channel(
                f"{OWN_PREFIX}{new_id()}", name=name, position=next_position(repo.channels)
            )
        else:
            made = replace(channel, name=name)
        return repo.save_channel(made)

    draft = channel.name if channel is not None else ""
    return await ctx.edit(KIND, lambda d: ChannelDialog(d, channel is not None), draft, save)


def remove_channel(ctx: Context, channel_id: str) -> None:
    """Remove one of the person's own channels, kept for ``ctrl+z``."""
    removed = ctx.try_save(ctx.repository.delete_channel, channel_id)
    if removed is not None:
        ctx.removed(KIND, removed)


def undo(ctx: Context) -> Channel | None:
    """Put back the channel removed last, the cursor on it."""
    channel: Channel | None = ctx.undo(KIND, ctx.repository.save_channel)
    if channel is not None:
        ctx.changed(KIND, keep=channel.id)
    return channel


PLACE = 90
"""Where this feature's keys and palette entries come among the others'."""

COMMANDS = (
    Command(
        "checklist.show",
        "Blocking checklist",
        "Channel by channel",
        show_checklist,
        key="b",
        label="Blocking",
    ),
)
"""The checklist's key on the main screen, and its palette entry there."""
