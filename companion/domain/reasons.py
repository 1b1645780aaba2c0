"""Reasons I left: the person's own list, written on a clear day, read on a hard one.

Ordering is the person's: pinned reasons first, then the rest, each group in the
order they chose. Review shows pinned reasons first, then the ones that helped
before, then the rest shuffled (the random source is passed in).
"""

from __future__ import annotations

import random
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from companion.domain.dates import EARLIEST
from companion.domain.errors import ValidationError
from companion.domain.fields import NOTE_LIMIT, is_one_line, is_whole_number, new_id
from companion.domain.ordering import moved_within

CATEGORIES: dict[str, str] = {
    "happened": "What happened",
    "wont_miss": "What I won't miss",
    "promises": "Promises not kept",
    "pattern": "The pattern",
    "want_now": "What I want now",
    "letter": "A letter I won't send",
}
"""The usual kinds of reason; a person can also name their own."""

SUMMARY_LIMIT = 120
"""The longest one-line summary."""
CATEGORY_LIMIT = 40
"""The longest category name of the person's own."""
REVIEW_FIRST = 3
"""How many reasons a review shows before offering more."""


def check_text(text: str) -> str:
    """A reason needs some words; any characters and any length up to NOTE_LIMIT."""
    if not text.strip():
        raise ValidationError("A reason needs a few words. Write anything, even one line.")
    if len(text) > NOTE_LIMIT:
        raise ValidationError(
            f"That is {len(text):,} characters; a reason can hold up to {NOTE_LIMIT:,}. "
            "Nothing was saved yet, so you can shorten it and try again."
        )
    return text


def check_summary(summary: str) -> str:
    """An optional single line, kept short so it can be read at a glance."""
    summary = summary.strip()
    if "\n" in summary or "\r" in summary:
        raise ValidationError("The summary is one line. Put the rest in the reason itself.")
    if len(summary) > SUMMARY_LIMIT:
        raise ValidationError(
            f"The short line holds up to {SUMMARY_LIMIT} characters; it has {len(summary):,}. "
            "Nothing was saved yet: you might shorten it, or move some of it into the reason "
            "itself."
        )
    return summary


def check_category(category: str) -> str:
    """A known category key, or the person's own short name for one."""
    category = category.strip()
    if not category:
        raise ValidationError("Pick a kind of reason, or name your own.")
    if category in CATEGORIES:
        return category
    if len(category) > CATEGORY_LIMIT or not is_one_line(category):
        raise ValidationError(
            f"A kind of your own can have up to {CATEGORY_LIMIT} characters on one line."
        )
    return category


def category_label(category: str) -> str:
    """How a category is shown: its name, or the person's own words."""
    return CATEGORIES.get(category, category)


@dataclass(frozen=True)
class Reason:
    """One reason, in the person's own words."""

    text: str
    """The reason itself, one line or many."""
    created_at: datetime
    """When it was first written."""
    category: str = "happened"
    """A key of CATEGORIES or the person's own name for the kind."""
    summary: str = ""
    """An optional one-line gist, shown during cravings instead of a long entry."""
    incident: date | None = None
    """When it happened, if the person wants to note it."""
    pinned: bool = False
    """Pinned reasons come first."""
    helped: int = 0
    """How many times the person marked it "this helped"."""
    position: int = 0
    """Its place in the person's order (lower comes first)."""
    edited_at: datetime | None = None
    """When it was last changed."""
    id: str = field(default_factory=new_id)
    """A stable identifier."""

    def __post_init__(self) -> None:
        """Refuse what cannot be a reason."""
        check_text(self.text)
        object.__setattr__(self, "summary", check_summary(self.summary))
        object.__setattr__(self, "category", check_category(self.category))
        if not self.id:
            raise ValidationError("A reason is missing its identifier.")
        if self.edited_at is not None and self.edited_at.tzinfo is None:
            raise ValidationError("A reason's time has no time zone.")
        if self.incident is not None and self.incident < EARLIEST:
            raise ValidationError("The date it happened is before 1900.")
        if self.helped < 0:
            raise ValidationError("A count of times it helped can't be negative.")
        if self.created_at.tzinfo is None:
            raise ValidationError("A reason's time has no time zone.")

    @property
    def glance(self) -> str:
        """What to show in a hurry: the summary, or the first line of the text."""
        if self.summary:
            return self.summary
        return self.text.strip().splitlines()[0]

    def to_dict(self) -> dict[str, Any]:
        """Plain JSON-ready values."""
        return {
            "id": self.id,
            "text": self.text,
            "summary": self.summary,
            "category": self.category,
            "incident": None if self.incident is None else self.incident.isoformat(),
            "pinned": self.pinned,
            "helped": self.helped,
            "position": self.position,
            "created_at": self.created_at.isoformat(),
            "edited_at": None if self.edited_at is None else self.edited_at.isoformat(),
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Reason:
        """Rebuild, refusing anything malformed."""
        if not isinstance(data, Mapping):
            raise ValidationError("A reason record is damaged.")
        strings = [data.get(k) for k in ("id", "text", "category")]
        summary = data.get("summary", "")
        pinned = data.get("pinned", False)
        numbers = [data.get("helped", 0), data.get("position", 0)]
        if (
            not all(isinstance(v, str) for v in (*strings, summary))
            or not isinstance(pinned, bool)
            or not all(is_whole_number(n) for n in numbers)
        ):
            raise ValidationError("A reason record is damaged.")
        incident = data.get("incident")
        edited = data.get("edited_at")
        try:
            return cls(
                id=str(data["id"]),
                text=str(data["text"]),
                category=str(data["category"]),
                summary=str(summary),
                incident=None if incident is None else date.fromisoformat(incident),
                pinned=pinned,
                helped=int(numbers[0]),
                position=int(numbers[1]),
                created_at=datetime.fromisoformat(data["created_at"]),
                edited_at=None if edited is None else datetime.fromisoformat(edited),
            )
        except (TypeError, ValueError, KeyError) as error:
            if isinstance(error, ValidationError):
                raise
            raise ValidationError("A reason record is damaged.") from None


def ordered(reasons: Iterable[Reason]) -> list[Reason]:
    """Pinned first, then the rest; each group in the person's own order."""
    return sorted(reasons, key=lambda r: (not r.pinned, r.position, r.created_at))


def next_position(reasons: Iterable[Reason]) -> int:
    """A position after every existing reason."""
    return max((r.position for r in reasons), default=-1) + 1


def moved(reasons: Sequence[Reason], reason_id: str, step: int) -> list[Reason]:
    """Move a reason one place up (-1) or down (+1) within its group (pinned or not).

    Returns the reasons whose positions changed (empty at the edges).
    """
    return moved_within(ordered(reasons), reason_id, step, lambda r: r.pinned)


def matching(reasons: Iterable[Reason], text: str) -> list[Reason]:
    """Reasons whose text, summary or kind contains ``text`` (any case), in order."""
    needle = text.casefold().strip()
    if not needle:
        return ordered(reasons)
    return [
        r
        for r in ordered(reasons)
        if needle in r.text.casefold()
        or needle in r.summary.casefold()
        or needle in category_label(r.category).casefold()
    ]


def review_order(reasons: Iterable[Reason], rng: random.Random) -> list[Reason]:
    """Pinned first (in order), then the ones that helped before (most first), then shuffled."""
    pool = list(reasons)
    pinned = [r for r in ordered(pool) if r.pinned]
    helped = [r for r in pool if not r.pinned and r.helped > 0]
    rng.shuffle(helped)
    helped.sort(key=lambda r: -r.helped)  # stable: ties stay shuffled
    rest = [r for r in pool if not r.pinned and r.helped == 0]
    rng.shuffle(rest)
    return [*pinned, *helped, *rest]


def for_urge(reasons: Iterable[Reason], rng: random.Random) -> Reason | None:
    """One reason to show during an urge: the first in review order, if any."""
    order = review_order(reasons, rng)
    return order[0] if order else None


@dataclass(frozen=True)
class Prompt:
    """One question of the guided writing."""

    key: str
    """Stable name, used to keep the answer with its question."""
    question: str
    """The question, in the person's own voice where possible."""


@dataclass(frozen=True)
class PromptSet:
    """A theme of guided writing, with its prompts and an optional note before it."""

    category: str
    """The kind of reason its answers become."""
    title: str
    """The theme's name."""
    note: str
    """A short, plain note shown before the harder themes (empty for none)."""
    prompts: tuple[Prompt, ...]
    """The questions, one at a time."""


PROMPT_SETS: tuple[PromptSet, ...] = (
    PromptSet(
        "happened",
        "What really happened",
        "",
        (
            Prompt("said", "Something they said or did that you never want to live with again."),
            Prompt("afraid", "A time you felt afraid, confused, or small around them."),
            Prompt("stopped", "Something you stopped doing, or saying, to keep the peace."),
            Prompt("lost", "Someone or something you lost touch with while you were with them."),
            Prompt("knew", "A moment you knew, somewhere inside, that something was wrong."),
        ),
    ),
    PromptSet(
        "wont_miss",
        "What you won't miss",
        "",
        (
            Prompt("dread", "Something you used to dread about a day with them."),
            Prompt("walking", "A way you had to watch yourself around them."),
            Prompt("after", "How you felt after time with them, in your body."),
        ),
    ),
    PromptSet(
        "promises",
        "Promises that weren't kept",
        "Some promises are made to get something now, with no plan to keep them. Writing "
        "down what was said, and what happened, can make the pattern easier to see.",
        (
            Prompt("promise", "A promise they made: what was said, and what actually happened."),
            Prompt("change", "A time they said they would change. What happened next?"),
        ),
    ),
    PromptSet(
        "pattern",
        "The pattern",
        "Kindness that comes and goes, between times of hurt, can create a very strong pull. "
        "Missing them is not a sign that leaving was wrong.",
        (
            Prompt("good_times", "What usually came before the good times?"),
            Prompt("limit", "What happened when you set a limit or said no?"),
            Prompt("cycle", "If the same thing happened again and again, how did it go?"),
        ),
    ),
    PromptSet(
        "want_now",
        "What you want now",
        "",
        (
            Prompt("possible", "Something that has become possible since you stopped contact."),
            Prompt("rediscover", "Something about yourself you are finding again."),
            Prompt("never_again", "Something you won't accept from anyone again."),
            Prompt("become", "Who you would like to be a year from now."),
        ),
    ),
    PromptSet(
        "letter",
        "A letter you won't send (optional)",
        "This one is optional, and it can bring up a lot. Keep it short if you like; stop "
        "whenever you want. It is never sent, and there is no way to send it from here.",
        (Prompt("letter", "Write what you would want them to hear. It stays here."),),
    ),
)
"""The guided writing, in order; every prompt can be skipped."""

VOICES: dict[str, str] = {
    "i": "Write as yourself: \u201cI remember\u2026\u201d",
    "you": "Write to yourself, as a friend would: \u201cYou remember\u2026\u201d",
    "name": "Write about yourself by name, as if telling someone else.",
}
"""Ways of writing a person can choose; "you" or a name can make it easier to look at."""


def all_prompts() -> list[tuple[int, int]]:
    """Every (set, prompt) index pair, in order."""
    return [
        (s, p) for s, prompt_set in enumerate(PROMPT_SETS) for p in range(len(prompt_set.prompts))
    ]


def prompt_at(step: int) -> tuple[PromptSet, Prompt] | None:
    """The set and prompt at a step of the guided writing, or None when it is finished."""
    pairs = all_prompts()
    if not 0 <= step < len(pairs):
        return None
    set_index, prompt_index = pairs[step]
    prompt_set = PROMPT_SETS[set_index]
    return prompt_set, prompt_set.prompts[prompt_index]


def first_of_set(step: int) -> bool:
    """True when ``step`` is the first prompt of its set (where its note is shown)."""
    pairs = all_prompts()
    return 0 <= step < len(pairs) and pairs[step][1] == 0
