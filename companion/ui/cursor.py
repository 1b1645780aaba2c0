"""Where a list's cursor goes when its rows change: every list here uses the same rule."""

from __future__ import annotations

from collections.abc import Sequence


def cursor_key(
    before: Sequence[str | None], index: int | None, after: Sequence[str], keep: str | None = None
) -> str | None:
    """The key of the row the cursor rests on once the rows ``before`` become ``after``.

    ``index`` is where the cursor was in ``before`` (None if nowhere); ``after`` holds only
    the rows the cursor can rest on. The cursor goes to ``keep`` when it is listed, else stays
    on the row it was on; when that row has gone (removed, or hidden by a filter) it goes to
    the nearest row that followed it, else the nearest before it. None for an empty list.
    """
    if not after:
        return None
    if keep is not None and keep in after:
        return keep
    if index is None or not 0 <= index < len(before):
        return after[0]
    listed = set(after)
    for key in [*before[index:], *reversed(before[:index])]:
        if key is not None and key in listed:
            return key
    return after[min(index, len(after) - 1)]
