"""The day counter's quiet line: a date coming up this week, or else the little-win question."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from companion.domain.marked_dates import coming_up
from companion.domain.wins import has_win_on
from companion.store.repository import Repository
from companion.ui.text import one_line


@dataclass(frozen=True)
class Notice:
    """A quiet line for the day counter, in a long and a short form."""

    long: str
    short: str


def day_notice(repository: Repository, today: date) -> Notice | None:
    """A date coming up this week, or else the little-win question, or nothing."""
    ahead = coming_up(repository.dates.all(), today)
    if ahead:
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
    if has_win_on(repository.wins.all(), today) or repository.win_prompt_hidden_on == today:
        return None
    return Notice(
        "What went right today? w notes it, x hides this.",
        "What went right today? w · x hides",
    )
