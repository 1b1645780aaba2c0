"""The Reasons I left pane: the person's list, in their order, with its keys."""

from __future__ import annotations

from typing import ClassVar

from rich.cells import cell_len
from rich.text import Text
from textual import events, on
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Vertical
from textual.reactive import reactive
from textual.widgets import Input, OptionList, Static
from textual.widgets.option_list import Option

from companion.domain.reasons import Reason, category_label, matching
from companion.features import keys
from companion.reasons import flows
from companion.ui.context import Context, DataChanged
from companion.ui.cursor import cursor_key
from companion.ui.field import Field
from companion.ui.row_list import RowList
from companion.ui.text import one_line, typed, visible

ROOM_FOR_WORDS = 30
"""Below this many columns for the words, a row leaves out the reason's kind."""


class ReasonsPane(Vertical, can_focus=True):
    """Pinned reasons first, then the rest; keys add, edit, pin, move, filter and remove."""

    BINDINGS: ClassVar[list[BindingType]] = [*keys(flows.PANE)]
    HELP = """\
## Reasons I left

Your reasons, in your own words, to read when it is hard (press **r** from
anywhere to read them one at a time).

- **a** adds one, **e** or enter edits, **delete** removes (ctrl+z puts it back)
- **p** pins a reason to the top; **shift+up/down** moves it
- **/** filters by a word; escape clears the filter
- **g** guided writing: one question at a time, every one can be skipped

The list never opens by itself: you choose when to see it.
"""

    filter_text: reactive[str] = reactive("", init=False)
    """Only reasons containing this are listed."""

    def __init__(self, ctx: Context, *, id: str, classes: str = "") -> None:
        """A pane that reads and changes the data through ``ctx``."""
        super().__init__(id=id, classes=classes)
        self.ctx = ctx
        self.reasons: list[Reason] = []
        """Every reason, in order, as last read from the repository."""

    def compose(self) -> ComposeResult:
        """The filter field (hidden until /), the list, and the empty note."""
        yield Field(placeholder="filter: type a word", id="reason-filter", compact=True)
        yield RowList(id="reason-list", compact=True)
        yield Static("", id="reasons-empty")

    def on_mount(self) -> None:
        """Give the pane its title, list the reasons, and list them again whenever they
        change."""
        self.border_title = "3 Reasons I left"
        self.query_one("#reason-filter", Input).display = False
        self.reasons = self.ctx.repository.reasons
        if self.size.width:  # else the first resize draws them, cut to the real width
            self._draw()
        self.ctx.listen(self, self._changed)

    def _changed(self, change: DataChanged) -> None:
        """List the reasons again after a change to them, the cursor on the one saved."""
        if change.about(flows.KIND):
            self.reasons = self.ctx.repository.reasons
            self._draw(keep=change.keep)

    def on_focus(self) -> None:
        """Focusing the pane puts the cursor in the list."""
        option_list = self.query_one(OptionList)
        if option_list.option_count:
            self.screen.set_focus(option_list)

    def watch_filter_text(self) -> None:
        """Redraw with the filter."""
        self._draw()

    def shown(self) -> list[Reason]:
        """The reasons listed now (after the filter)."""
        return matching(self.reasons, self.filter_text)

    def _draw(self, keep: str | None = None) -> None:
        """Fill the list, the cursor on ``keep`` if given, else on the same reason where
        possible (see ``cursor_key``)."""
        if not self.query("#reason-list"):
            return  # not composed yet
        option_list = self.query_one(OptionList)
        before = [option.id for option in option_list.options]
        shown = self.shown()
        ids = [r.id for r in shown]
        key = cursor_key(before, option_list.highlighted, ids, keep)
        option_list.clear_options()
        option_list.add_options([Option(self._row(r), id=r.id) for r in shown])
        if key is not None:
            option_list.highlighted = ids.index(key)
        option_list.display = bool(shown)
        if not shown and self.screen.focused is option_list:
            self.screen.set_focus(self)  # the keys of the pane stay with the person
        if shown and self.screen.focused is self:
            # The pane held the focus while it was empty: the cursor goes where the rows are.
            self.screen.set_focus(option_list)
        empty = self.query_one("#reasons-empty", Static)
        empty.display = not shown
        if self.reasons and not shown:
            empty.update(Text("Nothing matches that filter. Escape clears it.", style="dim"))
        else:
            empty.update(
                Text.assemble(
                    "On a clear day, you might write down why you left, in your own "
                    "words, to read on a hard one.\n\n",
                    ("a", "bold"),
                    " adds a reason, ",
                    ("g", "bold"),
                    " guides you with one question at a time.",
                )
            )

    def _row(self, reason: Reason) -> Text:
        """One line for a reason: a pin mark, its gist cut to fit, and its kind, dimmed."""
        width = max(self.size.width - 4, 20)
        kind = f"  · {category_label(reason.category)}"
        if width - 2 - cell_len(kind) < ROOM_FOR_WORDS:
            kind = ""  # a narrow pane gives the row to the person's words
        room = width - 2 - cell_len(kind)
        row = Text("★ " if reason.pinned else "  ", style="bold", no_wrap=True, overflow="ellipsis")
        row.append_text(typed(one_line(visible(reason.glance), room)))
        row.append_text(typed(kind, style="dim"))
        return row

    def on_resize(self) -> None:
        """Rows are cut to the width, so a new width redraws them."""
        self._draw()

    def selected(self) -> Reason | None:
        """The reason under the cursor."""
        option_list = self.query_one(OptionList)
        index = option_list.highlighted
        if index is None or index >= option_list.option_count:
            return None
        option_id = option_list.get_option_at_index(index).id
        return next((r for r in self.reasons if r.id == option_id), None)

    def action_add(self) -> None:
        """Write a new reason."""
        self.ctx.start(flows.edit_reason(self.ctx, None))

    def action_edit(self) -> None:
        """Edit the reason under the cursor."""
        reason = self.selected()
        if reason is not None:
            self.ctx.start(flows.edit_reason(self.ctx, reason))

    def action_remove(self) -> None:
        """Remove the reason under the cursor (ctrl+z puts it back)."""
        reason = self.selected()
        if reason is not None:
            flows.remove(self.ctx, reason)

    def action_pin(self) -> None:
        """Pin or unpin the reason under the cursor."""
        reason = self.selected()
        if reason is not None:
            flows.pin(self.ctx, reason)

    def action_move(self, step: int) -> None:
        """Move the reason under the cursor up (-1) or down (+1)."""
        reason = self.selected()
        if reason is not None:
            flows.move(self.ctx, reason, step)

    def action_undo(self) -> None:
        """Put back the reason removed last."""
        flows.undo(self.ctx)

    def action_filter(self) -> None:
        """Show the filter field."""
        field = self.query_one("#reason-filter", Input)
        field.display = True
        self.screen.set_focus(field)

    @on(OptionList.OptionSelected, "#reason-list")
    def _chosen(self) -> None:
        """Enter on a reason edits it."""
        self.action_edit()

    @on(Input.Changed, "#reason-filter")
    def _filter_changed(self, event: Input.Changed) -> None:
        """Filter as the person types."""
        self.filter_text = event.value

    @on(Input.Submitted, "#reason-filter")
    def _filter_done(self) -> None:
        """Enter keeps the filter and goes back to the list."""
        self.screen.set_focus(self.query_one(OptionList))

    def on_key(self, event: events.Key) -> None:
        """Escape in the filter clears it and hides it."""
        field = self.query_one("#reason-filter", Input)
        if event.key == "escape" and field.display:
            event.stop()
            field.value = ""
            field.display = False
            self.filter_text = ""
            self.screen.set_focus(self.query_one(OptionList))
