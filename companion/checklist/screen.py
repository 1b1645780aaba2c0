"""The blocking checklist: channel by channel, where things stand, behind a safety note."""

from __future__ import annotations

from typing import ClassVar

from rich.cells import cell_len
from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.message import Message
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from companion.checklist import flows
from companion.checklist.dialogs import SafetyNoteDialog
from companion.domain.checklist import STATES, STEP_STATES, Item, Safety, progress
from companion.ui.context import Context, DataChanged
from companion.ui.cursor import cursor_key
from companion.ui.keybar import KeyBar
from companion.ui.safety import Page
from companion.ui.text import one_line, typed, visible

HEADING = "heading:"
"""Option ids of the group headings start with this (they can't be selected)."""


CHANNEL_KEYS = (
    ("b", "blocked"),
    ("f", "filtered and kept as evidence"),
    ("n", "not yet"),
    ("x", "not relevant"),
)
"""The keys that set a channel's state, shown above the list."""


STEP_KEYS = (("d", "done"), ("n", "not yet"), ("space", "switches between them"))
"""The keys that set the advocate step, shown above the list while it is selected."""


ROW_MARGIN = 6
"""Columns of the list's content that are not the name or the state: scroll bar,
indent and gap."""


NAME_ROOM = 24
"""Below this many columns for names, the states are shown in fewer words."""


SHORT_STATES = {"filtered": "Filtered, kept", "not_relevant": "Not relevant"}
"""The states in fewer words, for a narrow list (the help panel open at 80 columns)."""


class ChannelList(OptionList):
    """The rows; they are laid out to the list's width, so a new width redraws them."""

    class Resized(Message):
        """The list's width changed."""

    def on_resize(self) -> None:
        """Ask for the rows to be laid out again."""
        self.post_message(self.Resized())


class ChecklistScreen(Page[None]):
    """The checklist; each key runs the checklist's flows, which save at once, and the
    list shows itself again after every change."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("b", "mark('blocked')", "Blocked", show=False),
        Binding("f", "mark('filtered')", "Filtered and kept as evidence", show=False),
        Binding("n", "mark('not_yet')", "Not yet", show=False),
        Binding("x", "mark('not_relevant')", "Not relevant", show=False),
        Binding("d", "mark('done')", "Done", show=False),
        Binding("space", "cycle", "Next state", show=False),
        Binding("a", "add", "Add"),
        Binding("e", "rename", "Rename", show=False),
        Binding("delete", "remove", "Remove", show=False),
        Binding("backspace", "remove", "Remove", show=False),
        Binding("ctrl+z", "undo", "Undo", show=False),
        Binding("s", "safety", "Safety note"),
        Binding("question_mark", "app.toggle_help", "Help", key_display="?"),
        Binding("escape", "close", "Back"),
    ]
    HELP = """\
## Blocking checklist

Where things stand, channel by channel. *Not yet* is a fine answer.

- **b** blocked, **f** filtered and kept as evidence, **n** not yet,
  **x** not relevant; **space** steps through them
- **a** adds your own, **e** renames it, **delete** removes it
  (**ctrl+z** puts it back)
- **s** shows the safety note again
"""

    def __init__(self, ctx: Context) -> None:
        """The checklist as stored now; the safety note opens first if it hasn't been seen."""
        super().__init__()
        self.ctx = ctx
        self.items = flows.items(ctx)
        self.safety = ctx.repository.checklist_safety
        self.alias = ctx.alias

    def compose(self) -> ComposeResult:
        """The progress, the keys for the states, the list, a hint for the selected row."""
        yield Static("", id="checklist-progress")
        yield Static("", id="checklist-keys")
        yield ChannelList(id="checklist-list", compact=True)
        yield Static("", id="checklist-hint")
        yield KeyBar(compact=True, show_command_palette=False)

    def on_mount(self) -> None:
        """Fill the list, and fill it again after every change to it; the safety note
        comes first the first time."""
        self.query_one(ChannelList).border_title = "Blocking checklist"
        self.show(self.items, self.safety)
        self.ctx.listen(self, self._changed)
        if not self.safety.seen:
            self.action_safety()

    def _changed(self, change: DataChanged) -> None:
        """Show the rows as stored now after a change, the cursor on the one saved.

        The rows are shown again after what is being handled now, so a key handled
        together with a removal acts on the row the person saw, not on its neighbour.
        """
        if change.about(flows.KIND):
            self.call_later(self._reload, change.keep)

    def _reload(self, keep: str | None) -> None:
        """Show the rows as stored now, the cursor on ``keep`` or where it was."""
        self.show(flows.items(self.ctx), self.ctx.repository.checklist_safety, keep)

    @on(ChannelList.Resized)
    def _resized(self) -> None:
        """Lay the rows out for the new width."""
        self.show(self.items, self.safety)

    def show(self, items: list[Item], safety: Safety, keep: str | None = None) -> None:
        """Replace the rows with ``items``, keeping the cursor on ``keep`` or where it was."""
        self.items = items
        self.safety = safety
        option_list = self.query_one(OptionList)
        before = [option.id for option in option_list.options]
        current = option_list.highlighted
        width = option_list.content_region.width
        labels = {**STATES, **STEP_STATES}
        if width - ROW_MARGIN - max(map(cell_len, labels.values())) < NAME_ROOM:
            labels.update(SHORT_STATES)
        label_width = max(map(cell_len, labels.values()))
        room = max(width - ROW_MARGIN - label_width, 8)
        name_width = min(max((cell_len(visible(item.name)) for item in items), default=0), room)
        options: list[Option] = []
        group = ""
        for item in items:
            if item.group != group:
                group = item.group
                options.append(Option(Text(group, style="bold"), id=HEADING + group, disabled=True))
            row = Text("  ")
            name = typed(one_line(visible(item.name), name_width))
            row.append_text(name)
            row.append(" " * max(name_width - name.cell_len, 0) + "  ")
            label = labels[item.state].ljust(label_width)
            row.append(label, style="" if item.looked_at else "dim")
            options.append(Option(row, id=item.id))
        option_list.clear_options()
        option_list.add_options(options)
        ids = [o.id for o in options]
        key = cursor_key(before, current, [item.id for item in items], keep)
        if key is not None:
            option_list.highlighted = ids.index(key)
        self.query_one("#checklist-progress", Static).update(progress(items).words)
        self._show_hint()
        option_list.focus()

    def selected(self) -> Item | None:
        """The row under the cursor."""
        option_list = self.query_one(OptionList)
        index = option_list.highlighted
        if index is None or index >= option_list.option_count:
            return None
        option_id = option_list.get_option_at_index(index).id
        return next((item for item in self.items if item.id == option_id), None)

    def _show_hint(self) -> None:
        """A few plain words about the selected row."""
        item = self.selected()
        hint = Text()
        if item is not None and item.own:
            hint.append_text(typed(item.name))
            hint.append("\nYour own: e renames it, delete removes it.", style="dim")
        elif item is not None:
            hint.append(item.hint)
        self.query_one("#checklist-hint", Static).update(hint)
        keys = STEP_KEYS if item is not None and item.step else CHANNEL_KEYS
        legend = Text()
        for index, (key, words) in enumerate(keys):
            legend.append(" · " if index else "", style="dim")
            legend.append(key, style="bold")
            legend.append(f" {words}")
        self.query_one("#checklist-keys", Static).update(legend)

    @on(OptionList.OptionHighlighted)
    def _moved(self) -> None:
        """A new row: its hint, and the keys that fit it."""
        self._show_hint()
        self.refresh_bindings()

    @on(OptionList.OptionSelected)
    def _entered(self) -> None:
        """Enter steps to the next state, like space."""
        self.action_cycle()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """The advocate step is done or not yet; a channel has the four states."""
        if action == "mark":
            item = self.selected()
            states = STEP_STATES if item is not None and item.step else STATES
            return parameters[0] in states
        return True

    def action_mark(self, state: str) -> None:
        """Set where the selected row stands."""
        item = self.selected()
        if item is not None and state in item.states:
            flows.set_state(self.ctx, item.id, state)

    def action_cycle(self) -> None:
        """Step the selected row to its next state."""
        item = self.selected()
        if item is not None:
            flows.set_state(self.ctx, item.id, None)

    def action_add(self) -> None:
        """Add a channel of the person's own."""
        self.ctx.start(flows.add_channel(self.ctx))

    def action_rename(self) -> None:
        """Rename the selected channel, if it is the person's own."""
        item = self.selected()
        if item is None:
            return
        if item.own:
            self.ctx.start(flows.rename_channel(self.ctx, item.id))
        else:
            self.notify("Only channels you added can be renamed. a adds one.", markup=False)

    def action_remove(self) -> None:
        """Remove the selected channel, if it is the person's own (undoable)."""
        item = self.selected()
        if item is None:
            return
        if item.own:
            flows.remove_channel(self.ctx, item.id)
        elif item.step:
            self.notify("This step is here while your answer is yes or not sure.", markup=False)
        else:
            self.notify("This one stays on the list, but x marks it not relevant.", markup=False)

    def action_undo(self) -> None:
        """Put back the channel removed last."""
        flows.undo(self.ctx)

    def action_safety(self) -> None:
        """The safety note, where the answer can change."""
        note = SafetyNoteDialog(self.safety.afraid, self.alias)
        self.app.push_screen(note, callback=self._answered)

    def _answered(self, answer: str | None) -> None:
        """Keep the answer (or that the note was seen and skipped)."""
        flows.answer_afraid(self.ctx, answer)

    def action_close(self) -> None:
        """Back to where the person was."""
        self.dismiss(None)
