"""Data folders of heavy use, made through the app's own Repository, from a fixed seed.

A size names how much history the folder holds: ``none`` (a person who has just set
their start day, nothing else), ``1m``, ``1y``, ``5y`` and ``20y``. Every day of that
history has about three urge sessions ridden out (each with its check-ins, what set it
off and how it ended) and a little win; every few days they reached out and it was
logged; every few months a slip. The person also keeps 150 reasons, 25 safe people, a
few dates that matter, some necessary contact in low contact, and the checklist looked
through. The history ends today.

Each folder is made once and kept under ``~/.cache/companion-bench`` (named by size, seed
and this file's contents); :func:`fresh_copy` gives every run its own copy.

Run ``python -m benchmarks.generate SIZE [SIZE ...]`` to make (or find) folders ahead.
"""

from __future__ import annotations

import argparse
import hashlib
import os
import random
import shutil
import sys
import tempfile
import time
import uuid
from collections.abc import Iterator
from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta
from datetime import time as day_time
from pathlib import Path

from companion.domain.checklist import STATES, Channel, Safety
from companion.domain.history import SLIP_KINDS, Slip
from companion.domain.hoovers import CHANNELS, Hoover
from companion.domain.marked_dates import MarkedDate
from companion.domain.modes import ModeChange, NecessaryContact
from companion.domain.people import RELATIONS, Person
from companion.domain.profile import Profile
from companion.domain.reasons import CATEGORIES, Reason
from companion.domain.urge import OUTCOMES, TRIGGERS, UrgeSession
from companion.domain.wins import Win
from companion.store.repository import Repository

SEED = 2026
"""The seed every folder is made from unless another is asked for."""

SIZES: dict[str, int] = {"none": 0, "1m": 30, "1y": 365, "5y": 5 * 365 + 1, "20y": 20 * 365 + 5}
"""Each size and the days of history it holds."""

CACHE = Path(os.environ.get("COMPANION_BENCH_CACHE", "~/.cache/companion-bench")).expanduser()
"""Where made folders are kept between runs."""

URGES_PER_DAY = 3
"""About how many urge sessions a day of heavy use has."""
CHECKINS = 8
"""Check-in ratings in each session, after the first rating."""
REASONS = 150
"""Reasons the person keeps."""
PEOPLE = 25
"""Safe people the person keeps."""
HOOVER_NOTE = 200
"""Characters in what they said, for each time they reached out."""
SHIPPED_TOUCHED = ("phone", "whatsapp", "instagram", "facebook", "email", "location", "payments")
"""Checklist channels the person has looked at."""

_TEXT = (
    "i remember the night you said it was my fault and i believed you for a year "
    "the way the room went quiet when you walked in how small i felt at your family "
    "dinners the promises about next time the money that never came back my friends "
    "who stopped calling because of you the calm mornings i have now my own keys"
)
"""The words the made-up texts are drawn from."""
_WORDS = tuple(_TEXT.split())


MADE_BY = (
    Path(__file__),
    *sorted((Path(__file__).parent.parent / "companion" / "store").glob("*.py")),
)
"""The files that decide what a made folder holds: this one, and the store that writes
it (a folder made by an older store would be read as an upgrade at every start)."""


def folder_key(size: str, seed: int) -> str:
    """The cached folder's name: size, seed and a hash of the files that make it, so a
    change in them makes new folders."""
    digest = hashlib.sha256()
    for path in MADE_BY:
        digest.update(path.read_bytes())
    return f"{size}-{seed}-{digest.hexdigest()[:12]}"


class TooSlow(Exception):
    """Making a folder took longer than allowed; nothing was kept."""


def is_cached(size: str, seed: int = SEED) -> bool:
    """True when the folder of ``size`` is already made (a folder is moved into place
    only once it is complete)."""
    return (CACHE / folder_key(size, seed)).is_dir()


def cached_folder(size: str, seed: int = SEED, limit: float | None = None) -> Path:
    """The folder of ``size``, made now if it is not cached yet (giving up with TooSlow
    after ``limit`` seconds)."""
    target = CACHE / folder_key(size, seed)
    if is_cached(size, seed):
        return target
    CACHE.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix=f".{size}-", dir=CACHE))
    deadline = None if limit is None else time.monotonic() + limit
    try:
        generate(work / "data", size, seed, deadline=deadline)
        os.replace(work / "data", target)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return target


def fresh_copy(size: str, into: Path, seed: int = SEED) -> Path:
    """A private copy of the folder of ``size`` under ``into`` (runs never share writes)."""
    copy = into / f"data-{size}"
    shutil.copytree(cached_folder(size, seed), copy)
    return copy


def folder_bytes(folder: Path) -> int:
    """The size on disk of every file under ``folder``."""
    return sum(path.stat().st_size for path in folder.rglob("*") if path.is_file())


# Making one folder --------------------------------------------------------------------


@dataclass
class _Moment:
    """The simulated time the repository stamps its saves with."""

    now: datetime

    def __call__(self) -> datetime:
        """The simulated time."""
        return self.now


class _Maker:
    """Everything drawn from one seeded random source."""

    def __init__(self, seed: int) -> None:
        """Draw from ``random.Random(seed)``."""
        self.rng = random.Random(seed)

    def ident(self) -> str:
        """A record id, drawn like the app's own (a random UUID) but from the seed."""
        return uuid.UUID(int=self.rng.getrandbits(128), version=4).hex

    def text(self, length: int) -> str:
        """Made-up words, cut to ``length`` characters."""
        words: list[str] = []
        while sum(len(w) + 1 for w in words) < length:
            words.append(self.rng.choice(_WORDS))
        return " ".join(words)[:length].strip() or "a calm morning"

    def at(self, day: date, hour_from: int = 7, hour_to: int = 23) -> datetime:
        """A moment on ``day``, local time."""
        moment = datetime.combine(day, day_time(0)).astimezone()
        seconds = self.rng.randrange(hour_from * 3600, hour_to * 3600)
        return moment + timedelta(seconds=seconds)


def _months(first: date, last: date) -> Iterator[list[date]]:
    """The days from ``first`` to ``last``, in calendar months."""
    day = first
    while day <= last:
        month: list[date] = []
        current = (day.year, day.month)
        while day <= last and (day.year, day.month) == current:
            month.append(day)
            day += timedelta(days=1)
        yield month


def generate(
    folder: Path,
    size: str,
    seed: int = SEED,
    today: date | None = None,
    deadline: float | None = None,
) -> None:
    """Fill a new data folder with ``size`` of heavy use ending ``today`` (raising TooSlow
    once ``time.monotonic()`` passes ``deadline``)."""
    if size not in SIZES:
        raise ValueError(f"unknown size {size!r}; choose from {', '.join(SIZES)}")
    today = today or date.today()
    first = today - timedelta(days=SIZES[size])
    make = _Maker(seed)
    moment = _Moment(make.at(first, 6, 7))
    repo = Repository.open(folder, now=moment)
    try:
        with repo.batch():
            repo.save_profile(Profile(alias="", welcomed=True))
            repo.save_start(first, today)
            if size != "none":
                _keepsakes(repo, make, first)
        last_slip = first
        low_from = first + timedelta(days=SIZES[size] // 2)
        months = list(_months(first, today)) if size != "none" else []
        took: list[float] = []
        for done, month in enumerate(months):
            _keep_within(deadline, took, len(months) - done, size)
            began = time.monotonic()
            moment.now = make.at(month[-1])
            with repo.batch():
                for day in month:
                    last_slip = _one_day(repo, make, day, today, last_slip, low_from)
            took.append(time.monotonic() - began)
        # Years of use have folded the journal into the files many times: end as they would.
        repo.ledger.fold_here()
    finally:
        repo.close()


def _keep_within(deadline: float | None, took: list[float], left: int, size: str) -> None:
    """Give up (TooSlow) once the deadline has passed, or as soon as the months left
    cannot be made before it even at the pace of the quickest of the last three (each
    month is at least as slow as the one before, so this never gives up too early)."""
    if deadline is None:
        return
    now = time.monotonic()
    pace = min(took[-3:]) if len(took) >= 3 else 0.0
    if now + pace * left > deadline:
        more = pace * left
        words = f"{more / 3600:.1f} h" if more >= 3600 else f"{more / 60:.0f} min"
        raise TooSlow(
            f"making {size} of data would take at least {words} more at this pace"
            if now <= deadline
            else f"making {size} of data took too long ({left} months were still to make)"
        )


def _keepsakes(repo: Repository, make: _Maker, first: date) -> None:
    """What a person keeps apart from the days: reasons, people, dates, the checklist."""
    written = make.at(first)
    categories = list(CATEGORIES)
    for position in range(REASONS):
        repo.save_reason(
            Reason(
                text=make.text(make.rng.randrange(40, 600)),
                created_at=written + timedelta(minutes=position),
                category=make.rng.choice(categories),
                summary=make.text(60) if make.rng.random() < 0.5 else "",
                pinned=position < 5,
                position=position,
                id=make.ident(),
            )
        )
    relations = list(RELATIONS)
    for position in range(PEOPLE):
        repo.save_person(
            Person(
                name=f"Friend {position + 1}",
                phone=f"+44 7700 900{position:03d}",
                created_at=written,
                relation=make.rng.choice(relations),
                texting_ok=make.rng.random() < 0.5,
                notes=make.text(80),
                favourite=position < 3,
                position=position,
                id=make.ident(),
            )
        )
    for name, month, day in (("Their birthday", 3, 14), ("Anniversary", 6, 2), ("Court", 11, 20)):
        repo.dates.save(MarkedDate(name, month, day, written, plan=make.text(120), id=make.ident()))
    repo.save_country("GB-ENG")
    states = [state for state in STATES if state != "not_yet"]
    for channel in SHIPPED_TOUCHED:
        repo.save_channel(Channel(channel, make.rng.choice(states)))
    repo.save_channel(Channel("own-" + make.ident(), "blocked", "Work chat", 0))
    repo.save_checklist_safety(Safety(afraid="unsure", seen=True))
    repo.modes.save(ModeChange("none", first, written, id=make.ident()))


def _one_day(
    repo: Repository, make: _Maker, day: date, today: date, last_slip: date, low_from: date
) -> date:
    """One day of heavy use; returns the day of the latest slip."""
    rng = make.rng
    outcomes = [o for o in OUTCOMES if o != "deciding"]
    for _ in range(max(0, round(rng.gauss(URGES_PER_DAY, 1)))):
        started = make.at(day, 7, 22)
        session = replace(UrgeSession.start(rng.randrange(4, 10), started), id=make.ident())
        at = started
        for _ in range(CHECKINS):
            at += timedelta(minutes=2, seconds=rng.randrange(0, 30))
            session = session.rated(
                max(0, min(9, session.last + rng.choice((-2, -1, -1, 0, 1)))), at
            )
        session = session.with_details(trigger=rng.choice(TRIGGERS))
        session = session.ended(rng.choice(outcomes), at, make.text(30))
        repo.save_urge(session)
    repo.wins.save(Win(day, make.text(rng.randrange(20, 90)), make.at(day, 20, 23), make.ident()))
    if rng.random() < 0.3:
        repo.save_hoover(
            Hoover(
                on=day,
                channel=rng.choice(list(CHANNELS)),
                logged_at=make.at(day),
                said=make.text(HOOVER_NOTE),
                felt=make.text(40),
                id=make.ident(),
            )
        )
    if day == low_from:
        repo.modes.save(ModeChange("low", day, make.at(day), make.text(100), make.ident()))
    if day > low_from and rng.random() < 0.07:
        repo.necessary.save(
            NecessaryContact(
                day, "email", make.text(50), make.at(day), make.text(100), id=make.ident()
            )
        )
    if (day - last_slip).days > rng.randrange(60, 120):
        repo.save_slip(
            Slip(day, rng.choice(list(SLIP_KINDS)), make.at(day), make.text(150), id=make.ident()),
            today,
        )
        last_slip = day
    return last_slip


def main(argv: list[str] | None = None) -> int:
    """Make (or find) the cached folders of the sizes named on the command line."""
    parser = argparse.ArgumentParser(prog="python -m benchmarks.generate")
    parser.add_argument("sizes", nargs="+", choices=list(SIZES))
    parser.add_argument("--seed", type=int, default=SEED)
    parser.add_argument("--limit", type=float, help="give up on a size after this many seconds")
    args = parser.parse_args(argv)
    for size in args.sizes:
        began = time.perf_counter()
        try:
            folder = cached_folder(size, args.seed, args.limit)
        except TooSlow as error:
            print(f"{size}: {error}")
            return 1
        took = time.perf_counter() - began
        print(f"{size}: {folder} ({folder_bytes(folder) / 1e6:.1f} MB, {took:.1f} s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
