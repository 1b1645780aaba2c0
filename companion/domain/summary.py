"""A summary to share (with a therapist, an advocate, a friend): the person's progress in
Markdown that reads as plain text. They choose the sections; what is theirs alone (how a
contact made them feel, letters never sent) is left out unless they ask for it."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from companion.domain.dates import format_day
from companion.domain.history import Slip, Summary, slip_label
from companion.domain.hoovers import Hoover
from companion.domain.letters import Letter
from companion.domain.modes import MODES, ModeChange
from companion.domain.reasons import Reason
from companion.domain.sections import PRIVATE, SECTIONS
from companion.domain.urge_figures import UrgeStats
from companion.domain.wins import Win

__all__ = ["PRIVATE", "SECTIONS", "Material", "render"]


@dataclass(frozen=True)
class Material:
    """What a summary can be made from."""

    days: Summary | None
    urges: UrgeStats
    reasons: Sequence[Reason] = ()
    wins: Sequence[Win] = ()
    modes: Sequence[ModeChange] = ()
    hoovers: Sequence[Hoover] = ()
    letters: Sequence[Letter] = ()
    alias: str = ""
    slips: Sequence[Slip] = ()


def _quoted(text: str) -> list[str]:
    """The person's words as a quotation, line by line."""
    return [f"> {line}" if line else ">" for line in text.splitlines()] or ["> (nothing written)"]


def render(material: Material, chosen: Sequence[str], made_at: datetime) -> str:
    """The summary with the ``chosen`` sections (of SECTIONS and PRIVATE), in order."""
    order = [name for name in (*SECTIONS, *PRIVATE) if name in chosen]
    covers = "; ".join((SECTIONS | PRIVATE)[name] for name in order) or "nothing"
    lines = [
        "# My progress",
        "",
        f"Made {made_at:%Y-%m-%d %H:%M} (UTC{made_at:%z}) with companion. It covers: {covers}.",
        "",
    ]
    for name in order:
        lines.append(f"## {(SECTIONS | PRIVATE)[name]}")
        lines.append("")
        lines.extend(_section(name, material))
        lines.append("")
    return "\n".join(lines)


def _section(name: str, m: Material) -> list[str]:
    """The lines of one section."""
    if name == "days":
        if m.days is None:
            return ["No start day is set yet."]
        return [
            f"- Since {format_day(m.days.started)}",
            f"- Current stretch: {m.days.current.days} days",
            f"- Longest stretch: {m.days.longest_days} days",
            f"- Every day counted: {m.days.total_days} (a slip never takes days away)",
        ]
    if name == "slips":
        out: list[str] = []
        for slip in m.slips:
            out.append(f"- {format_day(slip.on)}: {slip_label(slip.kind, m.alias)}")
            if slip.note:
                out.extend(f"  {line}" for line in _quoted(slip.note))
        return out or ["None logged."]
    if name == "urges":
        stats = m.urges
        out = [
            f"- Sessions ridden out: {stats.closed} (in the last 7 days: {stats.this_week})",
            f"- Ended without contacting them: {stats.not_contacted}",
        ]
        figures = stats.figures
        if figures is not None:
            half = (
                f"{figures.median_half_minute:.0f} min"
                if figures.median_half_minute is not None
                else "not yet"
            )
            out += [
                "",
                f"How my urges went, over {figures.sessions} sessions:",
                "",
                "| | |",
                "| --- | --- |",
                f"| Strongest after (median) | {figures.median_peak_minute:.0f} min |",
                f"| Eased to half after (median) | {half} |",
                f"| Eased to half or less | {figures.fell_to_half} of {figures.sessions} |",
            ]
        if stats.recent_peaks:
            peaks = " ".join(str(peak) for peak in stats.recent_peaks)
            out += ["", f"Strongest rating of the latest sessions, oldest first: {peaks}"]
        return out
    if name == "reasons":
        return [line for r in m.reasons for line in ("", *_quoted(r.text))][1:] or ["None yet."]
    if name == "wins":
        return [f"- {format_day(w.on)}: {w.text}" for w in m.wins] or ["None yet."]
    if name == "modes":
        out = []
        for change in m.modes:
            rules = f". {change.rules}" if change.rules else ""
            out.append(
                f"- From {format_day(change.since)}: {MODES.get(change.mode, change.mode)}{rules}"
            )
        return out or ["No changes."]
    if name == "felt":
        out = []
        for entry in m.hoovers:
            if entry.felt.strip():
                out.append(f"- {format_day(entry.on)}:")
                out.extend(f"  {line}" for line in _quoted(entry.felt))
        return out or ["Nothing written."]
    if name == "letters":
        out = []
        for letter in m.letters:
            out.extend(["", f"Written {letter.written_at:%Y-%m-%d}:", *_quoted(letter.text)])
        return out[1:] or ["None."]
    raise ValueError(f"unknown section {name!r}")
