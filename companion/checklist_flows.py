"""The app's flows for the blocking checklist: states, the safety note, own channels.

A part of the app class (CompanionApp inherits it).
"""

from __future__ import annotations

from dataclasses import replace
from functools import cached_property

from textual import on

from companion.app_base import AppBase
from companion.checklist.dialogs import ChannelDialog
from companion.checklist.screen import ChecklistScreen
from companion.domain.checklist import (
    ADVOCATE_ID,
    OWN_PREFIX,
    Channel,
    Item,
    checklist,
    next_state,
)
from companion.domain.checklist import next_position as next_channel_position
from companion.domain.history import new_id


class ChecklistFlows(AppBase):
    """The blocking checklist, saved as the person works through it."""

    # Blocking checklist --------------------------------------------------------------

    @cached_property
    def undo_channels(self) -> list[Channel]:
        """The person's own checklist channels removed in this session, newest last."""
        return []

    def _checklist_items(self) -> list[Item]:
        """The checklist's rows as stored now."""
        return checklist(self.repository.channels, self.repository.checklist_safety)

    def action_checklist(self) -> None:
        """The blocking checklist; its safety note comes first the first time."""
        if not isinstance(self.screen, ChecklistScreen):
            safety = self.repository.checklist_safety
            self.push_screen(ChecklistScreen(self._checklist_items(), safety, self.alias))

    def _refresh_checklist(self, keep: str | None = None) -> None:
        """Redraw the checklist if it is open, the cursor on ``keep`` if given."""
        for screen in self.screen_stack:
            if isinstance(screen, ChecklistScreen):
                screen.show(self._checklist_items(), self.repository.checklist_safety, keep)

    @on(ChecklistScreen.StateChanged)
    def _checklist_state(self, event: ChecklistScreen.StateChanged) -> None:
        """Save where a row stands, read against what is stored now (keys may arrive
        faster than the list is redrawn)."""
        item = next((i for i in self._checklist_items() if i.id == event.item_id), None)
        if item is None:
            return
        state = next_state(item) if event.state is None else event.state
        if state not in item.states:
            return
        if item.step:
            safety = replace(self.repository.checklist_safety, advocate=state)
            saved: object = self.attempt(self.repository.save_checklist_safety, safety)
        else:
            channel = self.repository.find_channel(item.id) or Channel(item.id)
            saved = self.attempt(self.repository.save_channel, replace(channel, state=state))
        if saved is not None:
            self._refresh_checklist(item.id)

    @on(ChecklistScreen.AfraidAnswered)
    def _checklist_afraid(self, event: ChecklistScreen.AfraidAnswered) -> None:
        """Keep the answer (or only that the note was seen); the advocate step follows it."""
        safety = replace(self.repository.checklist_safety, seen=True)
        if event.answer is not None:
            safety = replace(safety, afraid=event.answer)
        if self.attempt(self.repository.save_checklist_safety, safety) is not None:
            self._refresh_checklist(ADVOCATE_ID if safety.advocate_first else None)

    @on(ChecklistScreen.AddRequested)
    def _checklist_add(self) -> None:
        """Add a channel of the person's own."""
        self.run_worker(self.edit_channel(None), group="dialog")

    @on(ChecklistScreen.RenameRequested)
    def _checklist_rename(self, event: ChecklistScreen.RenameRequested) -> None:
        """Rename one of the person's own channels."""
        channel = self.repository.find_channel(event.item.id)
        if channel is not None:
            self.run_worker(self.edit_channel(channel), group="dialog")

    async def edit_channel(self, channel: Channel | None) -> None:
        """The name dialog until saved or cancelled; nothing typed is lost on a failure."""
        draft = channel.name if channel is not None else ""
        saved = await self.until_saved(
            lambda d: ChannelDialog(d, channel is not None),
            draft,
            lambda name: self._save_own_channel(channel, name),
        )
        if saved is not None:
            self._refresh_checklist(saved.id)

    def _save_own_channel(self, channel: Channel | None, name: str) -> Channel:
        """Save a new channel of the person's own, or ``channel`` under a new name."""
        if channel is None:
            position = next_channel_position(self.repository.channels)
            changed = Channel(f"{OWN_PREFIX}{new_id()}", name=name, position=position)
        else:
            changed = replace(channel, name=name)
        return self.repository.save_channel(changed)

    @on(ChecklistScreen.RemoveRequested)
    def _checklist_remove(self, event: ChecklistScreen.RemoveRequested) -> None:
        """Remove one of the person's own channels, keeping it for undo."""
        removed = self.attempt(self.repository.delete_channel, event.item.id)
        if removed is not None:
            self.undo_channels.append(removed)
            self._refresh_checklist()
            self.notify("Removed. Press ctrl+z to put it back.", markup=False)

    @on(ChecklistScreen.UndoRequested)
    def _checklist_undo(self) -> None:
        """Put back the channel removed last."""

        def show(channel: Channel) -> None:
            self._refresh_checklist(channel.id)

        self.put_back(self.undo_channels, self.repository.save_channel, show)
