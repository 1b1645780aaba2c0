"""An option list whose options are one line each, for lists a person keeps adding to.

Textual's option list measures every option (wrapping its text at the width) to know how
many lines it takes, whenever options are added or the width changes: with 150 reasons
that was a tenth of the time to the first frame. A row here never wraps (the pane cuts it
to the width), so its height is known without drawing it, and only the rows on screen are
drawn.
"""

from __future__ import annotations

from textual.geometry import Size
from textual.widgets import OptionList


class RowList(OptionList):
    """An option list of one-line options, none of them a separator."""

    def _update_lines(self) -> None:
        """Give each new option its one line (Textual measures each one instead)."""
        if not self.scrollable_content_region:
            return
        cache = self._line_cache
        lines = cache.lines
        for index in range(lines[-1][0] + 1 if lines else 0, len(self.options)):
            cache.index_to_line[index] = len(lines)
            cache.heights[index] = 1
            lines.append((index, 0))
        width = self.scrollable_content_region.width - self._get_left_gutter_width()
        size = Size(width, len(lines))
        if size != self.virtual_size:
            self.virtual_size = size
            self._scroll_update(size)

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        """One line for each option."""
        return self.option_count
