"""The record of when they reached out: every entry of the log, and every change to one,
as a chain of events in which each carries a hash of itself and of the one before.

An event is logged (an entry written), edited (its wording changed), removed or
restored. Its hash is SHA-256 over its canonical form: the event as JSON with its keys
sorted, no spaces, UTF-8, without its own ``hash``. The first event's ``prev`` is 64
zeros. Anyone can recompute the chain from the events printed in the record, and the
record's readable part is made from those events alone, so a change to either shows.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from companion.domain.errors import ValidationError
from companion.domain.hoovers import CHANNELS

GENESIS = "0" * 64
"""The ``prev`` of the first event."""
EVENTS = ("logged", "edited", "removed", "restored")
FIELDS = ("on", "channel", "logged_at", "via", "said", "answered", "unsafe")
"""What of an entry the record keeps (how it felt is the person's own, left out)."""
TITLE = "# A record of when they reached out"
CHAIN_HEADING = "## The chain"
FINAL = "Final hash: "


def canonical(value: Any) -> bytes:
    """The canonical form: JSON, keys sorted, no spaces, UTF-8."""
    return json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode()


def digest(event: Mapping[str, Any]) -> str:
    """The hash of an event: SHA-256 of its canonical form without its own hash."""
    body = {key: value for key, value in event.items() if key != "hash"}
    return hashlib.sha256(canonical(body)).hexdigest()


def content_of(entry: Mapping[str, Any]) -> dict[str, Any]:
    """What the record keeps of a stored entry."""
    return {name: entry.get(name) for name in FIELDS}


def link(
    previous: Mapping[str, Any] | None, kind: str, entry_id: str, at: datetime, content: Any
) -> dict[str, Any]:
    """The event after ``previous`` (None for the first), with its hash."""
    if kind not in EVENTS:
        raise ValueError(f"unknown event {kind!r}")
    event = {
        "seq": 1 if previous is None else int(previous["seq"]) + 1,
        "event": kind,
        "entry": entry_id,
        "at": at.isoformat(),
        "content": content,
        "prev": GENESIS if previous is None else previous["hash"],
    }
    event["hash"] = digest(event)
    return event


def check_event(event: Any) -> None:
    """Refuse an event that does not have the shape of one (its hash is not checked)."""
    if not isinstance(event, Mapping):
        raise ValidationError("An event of the record is damaged.")
    kinds = (
        isinstance(event.get("seq"), int)
        and event.get("event") in EVENTS
        and isinstance(event.get("entry"), str)
        and isinstance(event.get("at"), str)
        and isinstance(event.get("prev"), str)
        and isinstance(event.get("hash"), str)
        and (event.get("content") is None or isinstance(event.get("content"), Mapping))
    )
    if not kinds:
        raise ValidationError("An event of the record is damaged.")


def first_break(events: Sequence[Mapping[str, Any]]) -> str | None:
    """Where the chain first fails to hold, in plain words, or None when it holds."""
    previous = None
    for n, event in enumerate(events, start=1):
        expected = GENESIS if previous is None else previous["hash"]
        if event.get("seq") != n:
            return f"event {n}: it is numbered {event.get('seq')}, so one was removed or moved"
        if event.get("prev") != expected:
            return f"event {n}: it does not follow the one before (one was removed or changed)"
        if digest(event) != event.get("hash"):
            return f"event {n} (entry {event.get('entry')}): its contents were changed"
        previous = event
    return None


@dataclass
class Entry:
    """One entry as the events leave it, with its earlier wordings."""

    id: str
    content: dict[str, Any]
    earlier: list[tuple[str, dict[str, Any]]] = field(default_factory=list)
    """(when it was changed, the wording before), oldest first."""
    removed_at: str | None = None


def entries(events: Sequence[Mapping[str, Any]]) -> list[Entry]:
    """Every entry in the order it was first logged, as the events leave it."""
    found: dict[str, Entry] = {}
    for event in events:
        entry_id, content = str(event["entry"]), dict(event.get("content") or {})
        held = found.get(entry_id)
        if held is None:
            found[entry_id] = Entry(entry_id, content)
        elif event["event"] == "removed":
            held.removed_at = str(event["at"])
        else:
            if event["event"] == "restored":
                held.removed_at = None
            if content != held.content:
                held.earlier.append((str(event["at"]), held.content))
                held.content = content
    return list(found.values())


def _when(text: str) -> str:
    """A stored moment as the record shows it: date, time, UTC offset and zone name."""
    try:
        moment = datetime.fromisoformat(text)
    except ValueError:
        return text
    return f"{moment:%Y-%m-%d %H:%M:%S} UTC{moment:%z} ({moment.tzname() or 'no zone name'})"


def _lines_of(content: Mapping[str, Any]) -> list[str]:
    key = str(content.get("channel") or "")
    how = CHANNELS.get(key, key)
    via = str(content.get("via") or "")
    said = str(content.get("said") or "")
    return [
        f"- Day: {content.get('on')}",
        f"- Logged: {_when(str(content.get('logged_at')))}",
        f"- How: {how}" + (f", passed on by {via}" if via else ", directly"),
        f"- Answered: {'yes' if content.get('answered') else 'no'}",
        f"- Felt unsafe: {'yes' if content.get('unsafe') else 'no'}",
        "- What was said:" + ("" if said else " (nothing written)"),
        *(f"    > {line}" for line in said.splitlines()),
    ]


def render(events: Sequence[Mapping[str, Any]], made_at: datetime) -> str:
    """The record as Markdown (plain text to read or print), its chain at the end."""
    shown = entries(events)
    final = events[-1]["hash"] if events else GENESIS
    lines = [
        TITLE,
        "",
        f"Made {_when(made_at.isoformat())}, with companion. It lists {len(shown)} "
        f"{'entry' if len(shown) == 1 else 'entries'} in the order they were logged, "
        "each as it stands now, with any earlier wording and when it changed.",
        "",
        "How to check it: every event in the chain below is one line of JSON. Its hash is "
        'SHA-256 over that line without its "hash" field (keys sorted, no spaces, '
        'UTF-8); each event\'s "prev" is the hash of the one before (64 zeros for the '
        "first). The last hash must be the final hash stated here. The entries above the "
        "chain are made from its events alone. `companion verify FILE` checks all of it.",
        "",
    ]
    for n, entry in enumerate(shown, start=1):
        lines.append(f"## Entry {n}")
        lines.append("")
        if entry.removed_at is not None:
            lines.append(f"Removed from the log {_when(entry.removed_at)}.")
            lines.append("")
        lines.extend(_lines_of(entry.content))
        for when, before in entry.earlier:
            lines.append("")
            lines.append(f"Edited {_when(when)}. Before that, it read:")
            lines.extend(f"  {line}" for line in _lines_of(before))
        lines.append("")
    lines.extend([CHAIN_HEADING, "", "```"])
    lines.extend(canonical(event).decode() for event in events)
    lines.extend(["```", "", f"{FINAL}{final}", ""])
    return "\n".join(lines)


def read_events(text: str) -> tuple[list[dict[str, Any]], str | None, str | None]:
    """The events, the stated final hash and the time it was made, from a record in
    Markdown or in JSON; ValueError when it is neither."""
    stripped = text.lstrip()
    if stripped.startswith("{"):
        document = json.loads(stripped)
        if not isinstance(document, dict) or document.get("kind") != "contact record":
            raise ValueError("not a record of when they reached out")
        return list(document.get("events", [])), document.get("final_hash"), None
    if not stripped.startswith(TITLE):
        raise ValueError("not a record of when they reached out")
    match = re.search(r"^## The chain\n\n```\n(.*?)^```$", text, re.S | re.M)
    if match is None:
        raise ValueError("its chain is missing")
    events = [json.loads(line) for line in match.group(1).splitlines() if line.strip()]
    final = re.search(r"^Final hash: ([0-9a-f]{64})$", text, re.M)
    made = re.search(r"^Made (\d{4}-\d\d-\d\d \d\d:\d\d:\d\d UTC[+-]\d{4})", text, re.M)
    return events, final.group(1) if final else None, made.group(1) if made else None


@dataclass(frozen=True)
class Verdict:
    """What checking a record found."""

    holds: bool
    words: str


def verify(text: str) -> Verdict:
    """Whether a record is complete and unaltered, and if not, where it first differs."""
    try:
        events, final, made = read_events(text)
        for event in events:
            check_event(event)
    except (ValueError, ValidationError) as error:
        return Verdict(False, f"This is not a record companion can check: {error}.")
    broken = first_break(events)
    if broken is not None:
        return Verdict(False, f"The record has been altered: {broken}.")
    last = events[-1]["hash"] if events else GENESIS
    if final != last:
        return Verdict(False, "The record has been altered: its final hash does not match.")
    if made is not None:
        again = render(events, datetime.strptime(made, "%Y-%m-%d %H:%M:%S UTC%z"))
        theirs, ours = text.splitlines(), again.splitlines()
        for n, (line, expected) in enumerate(zip(theirs, ours, strict=False), start=1):
            if line != expected and not line.startswith("Made "):
                entry = _entry_at(ours, n)
                return Verdict(False, f"The record has been altered at line {n}{entry}.")
        if len(theirs) != len(ours):
            return Verdict(False, "The record has been altered: lines were added or removed.")
    count = len(entries(events))
    return Verdict(
        True,
        f"The record is complete and unaltered: {count} entries, {len(events)} events, "
        f"final hash {last}.",
    )


def _entry_at(lines: Sequence[str], number: int) -> str:
    """Which entry line ``number`` falls under, as words to add to a message."""
    for line in reversed(lines[:number]):
        if line.startswith("## Entry "):
            return f", in {line.removeprefix('## ').lower()}"
    return ""
