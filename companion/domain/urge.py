"""Urge surfing: a session that rides out a pull to make contact, and what it teaches.

Time is always passed in. Elapsed time is ``now - started_at``, never a count of
ticks, so a session shows the true time after a laptop sleeps or the app restarts.
Nothing here promises that an urge will shrink: a session counts as surfed when the
person stayed with it, whatever the ratings did.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from datetime import datetime, timedelta
from typing import Any

from companion.domain.dates import plural
from companion.domain.errors import ValidationError
from companion.domain.fields import check_note, is_whole_number, new_id, parse_aware
from companion.domain.urge_guidance import GUIDANCE, GUIDANCE_STARTS, SOBER, Step

MODES: dict[str, str] = {
    "timed": "A timed session",
    "quick": "A three-minute breathing space",
    "open": "Until it eases",
}
"""The kinds of session."""

QUICK_MINUTES = 3
"""Length of the quick breathing space."""
DEFAULT_MINUTES = 20
"""Default length of a timed session."""
EXTEND_MINUTES = 5
"""How much ``+`` adds."""
CHECKIN_MINUTES = 2
"""Default minutes between check-ins."""
LONG_OPEN_MINUTES = 45
"""After this long in an open session, a safe person or a line is suggested."""

ANCHORS: dict[int, str] = {
    0: "no pull at all",
    1: "a faint pull, easy to set aside",
    2: "noticeable, but quiet",
    3: "it keeps coming back",
    4: "hard to think about much else",
    5: "strong; it takes effort to stay put",
    6: "very strong; my body wants to move",
    7: "it feels urgent",
    8: "close to overwhelming",
    9: "one step away from reaching out",
}
"""What each rating means, in the person's own voice."""

OUTCOMES: dict[str, str] = {
    "not_contacted": "I didn't contact {them}",
    "deciding": "Still deciding",
    "contacted": "I contacted {them}",
    "they_contacted": "{They} contacted me",
}
"""How a session can end (templates for with_alias). Only "contacted" is acting on it."""

TRIGGERS: tuple[str, ...] = (
    "A message from them",
    "Something I saw online",
    "A memory",
    "A date or anniversary",
    "Feeling lonely",
    "Tired or hungry",
    "Alcohol or something else",
    "Something else",
)
"""Things that often set off a pull, offered after the timer is running."""


def check_rating(value: object) -> int:
    """A rating must be a whole number from 0 to 9."""
    if not is_whole_number(value) or not 0 <= value <= 9:
        raise ValidationError(f"A rating is a whole number from 0 to 9, not {value!r}.")
    return value


@dataclass(frozen=True)
class Rating:
    """How strong the pull was at a moment."""

    at: datetime
    """When it was rated."""
    value: int
    """0 (no pull) to 9 (one step from contacting)."""

    def __post_init__(self) -> None:
        """Refuse impossible ratings."""
        check_rating(self.value)
        if self.at.tzinfo is None:
            raise ValidationError("A rating's time has no time zone.")


@dataclass(frozen=True)
class UrgeSession:
    """One urge, ridden out: its ratings over time and how it ended."""

    started_at: datetime
    """When the timer started."""
    ratings: tuple[Rating, ...]
    """Every rating, the first taken at the start."""
    mode: str = "timed"
    """A key of MODES."""
    minutes: int | None = DEFAULT_MINUTES
    """Planned length including extensions; None until it eases."""
    checkin_minutes: int = CHECKIN_MINUTES
    """Minutes between check-ins."""
    trigger: str = ""
    """What set it off, if the person said."""
    unsafe: bool = False
    """True if the person said they did not feel safe."""
    unsent: str = ""
    """A letter written here before letters had a place of their own (see
    companion.domain.letters); it is listed with them, and moves out when changed."""
    ended_at: datetime | None = None
    """When it was closed, or None while it runs."""
    outcome: str = ""
    """A key of OUTCOMES once ended."""
    helped: str = ""
    """What helped, in their words."""
    id: str = field(default_factory=new_id)
    """A stable identifier."""

    def __post_init__(self) -> None:
        """Refuse a session that could not have happened."""
        if self.mode not in MODES:
            raise ValidationError(f"Unknown kind of session {self.mode!r}.")
        if not self.ratings:
            raise ValidationError("A session needs its first rating.")
        if self.started_at.tzinfo is None:
            raise ValidationError("A session's start has no time zone.")
        if self.minutes is not None and not 1 <= self.minutes <= 24 * 60:
            raise ValidationError("A session lasts from 1 minute to a day.")
        if self.mode == "open" and self.minutes is not None:
            raise ValidationError("An open session has no set length.")
        if self.mode != "open" and self.minutes is None:
            raise ValidationError("A timed session needs a length.")
        if not 1 <= self.checkin_minutes <= 60:
            raise ValidationError("Check-ins come every 1 to 60 minutes.")
        if (self.ended_at is None) != (self.outcome == ""):
            raise ValidationError("An ended session needs an outcome, and only then.")
        if self.outcome and self.outcome not in OUTCOMES:
            raise ValidationError(f"Unknown outcome {self.outcome!r}.")
        for text in (self.trigger, self.unsent, self.helped):
            check_note(text)

    @classmethod
    def start(
        cls,
        rating: int,
        now: datetime,
        mode: str = "timed",
        minutes: int = DEFAULT_MINUTES,
        checkin_minutes: int = CHECKIN_MINUTES,
    ) -> UrgeSession:
        """A new session from its first rating."""
        length: int | None = {"quick": QUICK_MINUTES, "open": None}.get(mode, minutes)
        return cls(
            started_at=now,
            ratings=(Rating(now, check_rating(rating)),),
            mode=mode,
            minutes=length,
            checkin_minutes=checkin_minutes,
        )

    # Time --------------------------------------------------------------------

    @property
    def running(self) -> bool:
        """True until it is closed with an outcome."""
        return self.ended_at is None

    def elapsed(self, now: datetime) -> timedelta:
        """Time since the start (to the end once closed); never negative."""
        until = self.ended_at if self.ended_at is not None else now
        return max(until - self.started_at, timedelta(0))

    def remaining(self, now: datetime) -> timedelta | None:
        """Time left on the timer (never negative), or None for an open session."""
        if self.minutes is None:
            return None
        return max(timedelta(minutes=self.minutes) - self.elapsed(now), timedelta(0))

    def time_up(self, now: datetime) -> bool:
        """True once a timed session has reached its length."""
        remaining = self.remaining(now)
        return remaining is not None and remaining == timedelta(0)

    def checkin_due(self, now: datetime) -> bool:
        """True when the last rating is a check-in interval old (while running)."""
        if not self.running:
            return False
        return now - self.ratings[-1].at >= timedelta(minutes=self.checkin_minutes)

    def long_open(self, now: datetime) -> bool:
        """True when an open session has gone on long enough to suggest reaching out."""
        return self.minutes is None and self.elapsed(now) >= timedelta(minutes=LONG_OPEN_MINUTES)

    def step(self, now: datetime) -> Step:
        """The guidance for this moment of the session."""
        elapsed = self.elapsed(now)
        if self.mode == "quick":
            share = elapsed / timedelta(minutes=QUICK_MINUTES)
            return SOBER[min(int(share * len(SOBER)), len(SOBER) - 1)]
        # Never more than the default scale, so extending a session can't undo a step.
        length = timedelta(minutes=min(self.minutes or DEFAULT_MINUTES, DEFAULT_MINUTES))
        share = elapsed / length
        current = GUIDANCE[0]
        for step, begins in zip(GUIDANCE, GUIDANCE_STARTS, strict=True):
            if share >= begins:
                current = step
        return current

    # Changes -------------------------------------------------------------------

    def rated(self, value: int, now: datetime) -> UrgeSession:
        """Add a check-in rating (a clock that stepped back counts as the last moment)."""
        if not self.running:
            raise ValidationError("This session has ended.")
        at = max(now, self.ratings[-1].at)
        return replace(self, ratings=(*self.ratings, Rating(at, check_rating(value))))

    def extended(self, minutes: int = EXTEND_MINUTES) -> UrgeSession:
        """Add time to a timed session; an open session has no end to move."""
        if self.minutes is None or not self.running:
            return self
        return replace(self, minutes=min(self.minutes + minutes, 24 * 60))

    def with_details(
        self, *, trigger: str | None = None, unsafe: bool | None = None, unsent: str | None = None
    ) -> UrgeSession:
        """Record what set it off, whether they felt unsafe, or the unsent message."""
        return replace(
            self,
            trigger=self.trigger if trigger is None else trigger,
            unsafe=self.unsafe if unsafe is None else unsafe,
            unsent=self.unsent if unsent is None else unsent,
        )

    def ended(self, outcome: str, now: datetime, helped: str = "") -> UrgeSession:
        """Close the session with how it went."""
        if outcome not in OUTCOMES:
            raise ValidationError(f"Unknown outcome {outcome!r}.")
        at = max(now, self.ratings[-1].at)
        return replace(self, ended_at=at, outcome=outcome, helped=helped)

    # What it shows -------------------------------------------------------------

    @property
    def first(self) -> int:
        """The rating at the start."""
        return self.ratings[0].value

    @property
    def last(self) -> int:
        """The latest rating."""
        return self.ratings[-1].value

    @property
    def peak(self) -> Rating:
        """The first of the highest ratings."""
        return max(self.ratings, key=lambda r: r.value)

    def peak_minute(self) -> float:
        """Minutes from the start to the peak."""
        return (self.peak.at - self.started_at).total_seconds() / 60

    def minutes_to_half(self) -> float | None:
        """Minutes from the start until a rating fell to half the peak or less, if it did."""
        peak = self.peak
        if peak.value == 0:
            return None
        after = self.ratings[self.ratings.index(peak) + 1 :]  # by order, not by time
        for rating in after:
            if rating.value * 2 <= peak.value:
                return (rating.at - self.started_at).total_seconds() / 60
        return None

    def wave(self, now: datetime, columns: int) -> list[int]:
        """The rating in effect at each of ``columns`` even moments from start to now."""
        if columns <= 0:
            return []
        span = self.elapsed(now)
        values = []
        for index in range(columns):
            moment = self.started_at + span * ((index + 1) / columns)
            current = self.ratings[0].value
            for rating in self.ratings:
                if rating.at <= moment:
                    current = rating.value
            values.append(current)
        return values

    # Storage -------------------------------------------------------------------

    def to_dict(self) -> dict[str, Any]:
        """Plain JSON-ready values."""
        return {
            "id": self.id,
            "started_at": self.started_at.isoformat(),
            "ratings": [[r.at.isoformat(), r.value] for r in self.ratings],
            "mode": self.mode,
            "minutes": self.minutes,
            "checkin_minutes": self.checkin_minutes,
            "trigger": self.trigger,
            "unsafe": self.unsafe,
            "unsent": self.unsent,
            "ended_at": None if self.ended_at is None else self.ended_at.isoformat(),
            "outcome": self.outcome,
            "helped": self.helped,
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> UrgeSession:
        """Rebuild, refusing anything malformed."""
        raw = data.get("ratings")
        if not isinstance(raw, list) or not all(
            isinstance(item, list) and len(item) == 2 for item in raw
        ):
            raise ValidationError("A session's ratings are damaged.")
        ratings = tuple(
            Rating(parse_aware(at, "rating time"), check_rating(value)) for at, value in raw
        )
        texts = {key: data.get(key, "") for key in ("trigger", "unsent", "helped", "outcome")}
        if not all(isinstance(value, str) for value in texts.values()):
            raise ValidationError("A session record is damaged.")
        minutes = data.get("minutes")
        checkin = data.get("checkin_minutes", CHECKIN_MINUTES)
        unsafe = data.get("unsafe", False)
        ident = data.get("id")
        mode = data.get("mode")
        if (
            not (minutes is None or is_whole_number(minutes))
            or not isinstance(checkin, int)
            or isinstance(checkin, bool)
            or not isinstance(unsafe, bool)
            or not isinstance(ident, str)
            or not isinstance(mode, str)
        ):
            raise ValidationError("A session record is damaged.")
        ended = data.get("ended_at")
        return cls(
            started_at=parse_aware(data.get("started_at"), "session start"),
            ratings=ratings,
            mode=mode,
            minutes=minutes,
            checkin_minutes=checkin,
            trigger=texts["trigger"],
            unsafe=unsafe,
            unsent=texts["unsent"],
            ended_at=None if ended is None else parse_aware(ended, "session end"),
            outcome=texts["outcome"],
            helped=texts["helped"],
            id=ident,
        )


def clock_text(span: timedelta, round_up: bool = False) -> str:
    """A span as a clock: "7:05", or "1:02:03" past an hour.

    Elapsed time rounds down and time left rounds up (``round_up``), so the two
    always add up to the session's length.
    """
    total = max(span.total_seconds(), 0.0)
    seconds = math.ceil(total) if round_up else int(total)
    hours, rest = divmod(seconds, 3600)
    minutes, seconds = divmod(rest, 60)
    return f"{hours}:{minutes:02}:{seconds:02}" if hours else f"{minutes}:{seconds:02}"


def span_words(span: timedelta) -> str:
    """A span in words: "40 seconds", "12 minutes", "2 hours 5 minutes", "3 days"."""
    seconds = int(max(span.total_seconds(), 0))
    if seconds < 60:
        return plural(seconds, "second")
    minutes = seconds // 60
    if minutes < 60:
        return plural(minutes, "minute")
    hours, minutes = divmod(minutes, 60)
    if hours < 48:
        return plural(hours, "hour") + (f" {plural(minutes, 'minute')}" if minutes else "")
    return plural(hours // 24, "day")
