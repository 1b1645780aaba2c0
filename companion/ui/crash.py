"""When something goes wrong that the app did not expect: what the person was typing is
kept in the data folder, a report with no personal text is written beside it, and the
terminal gets a short message in plain words instead of a traceback.

Textual's own handling prints the traceback with the values of local variables, which
can hold a reason or a note being typed, and leaves it in the scrollback; none of that
is shown here. The report names only where the problem happened (files, lines and
functions of the code) and the kind of error, never its message, which can quote data.
"""

from __future__ import annotations

import json
import platform
import traceback
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from types import TracebackType
from typing import Any

from textual.app import App
from textual.widget import Widget
from textual.widgets import Input

from companion import __version__
from companion.domain.helplines import CRISIS_LINE
from companion.store import seal
from companion.store.durable import replace_file
from companion.store.problems import Damaged

DRAFTS_DIR = "drafts"
"""The folder, inside the data folder, that keeps what was being typed at a crash."""
REPORTS_DIR = "reports"
"""The folder, inside the data folder, that keeps crash reports."""
LOCKED = "locked"
"""Why drafts were kept when the app locked itself (else: a problem)."""
SEEN_SUFFIX = ".seen.json"
"""A kept draft the person has been shown ends in this (it is never deleted)."""


@dataclass(frozen=True)
class Crash:
    """What was kept after a crash, for the message the person reads."""

    drafts: Path | None
    """The file with what was being typed, if anything was."""
    report: Path | None
    """The report without personal text, if it could be written."""

    def message(self) -> str:
        """A few calm lines for the terminal: what happened, what was kept, what to do."""
        lines = ["companion ran into a problem it did not expect and closed."]
        if self.drafts is not None:
            lines.append(f"What you were typing is kept in {self.drafts}.")
        lines.append("Everything you had saved is still there. You can start it again.")
        if self.report is not None:
            lines.append(f"A report without anything you wrote is in {self.report}.")
        lines.append(CRISIS_LINE)
        return "\n".join(lines)


def being_typed(app: App[Any]) -> list[dict[str, str]]:
    """Every non-empty text field and text area on every open screen: where it was and
    what it held."""
    from textual.widgets import TextArea  # only here: the main screen has none to load

    found = []
    for screen in app.screen_stack:
        for widget in screen.query(Input):
            if widget.value.strip() and not widget.password:
                found.append({"where": _where(screen, widget), "text": widget.value})
        for area in screen.query(TextArea):
            if area.text.strip() and not area.read_only:
                found.append({"where": _where(screen, area), "text": area.text})
    return found


def _where(screen: object, widget: Widget) -> str:
    """A plain name for where a field was: its screen, then its id."""
    return f"{type(screen).__name__} {widget.id or type(widget).__name__}".strip()


def _stamp(moment: datetime) -> str:
    """A file-name-safe moment, sortable."""
    return moment.strftime("%Y%m%dT%H%M%S%fZ")


def keep_drafts(
    root: Path,
    texts: list[dict[str, str]],
    moment: datetime,
    waiting: list[Any] | None = None,
    why: str = "problem",
) -> Path | None:
    """Write ``texts`` (and the saved changes still ``waiting`` for the disk, as they
    were) to a new file in the drafts folder, sealed in a sealed folder; its path, or
    None when there was nothing to keep or it could not be written. ``why``: a problem,
    or LOCKED."""
    if not texts and not waiting:
        return None
    folder = root / DRAFTS_DIR
    path = folder / f"{_stamp(moment)}.json"
    document: dict[str, Any] = {"kept_at": moment.isoformat(), "texts": texts, "why": why}
    if waiting:
        document["not_yet_written"] = waiting
    try:
        folder.mkdir(mode=0o700, exist_ok=True)
        plain = json.dumps(document, ensure_ascii=False, indent=1).encode("utf-8")
        replace_file(path, seal.sealed(plain, path))  # sealed in a sealed folder
    except OSError:
        return None
    return path


def report_text(error: BaseException, moment: datetime) -> str:
    """The report: versions, the kind of error and the code's frames, nothing else."""
    lines = [
        f"companion {__version__} · Python {platform.python_version()} · {platform.system()}",
        f"at {moment.isoformat()}",
        "",
    ]
    current: BaseException | None = error
    while current is not None:
        lines.append(f"{type(current).__module__}.{type(current).__qualname__}")
        lines.extend(_frames(current.__traceback__))
        current = current.__cause__ or current.__context__
        if current is not None:
            lines.append("while handling it, or caused by:")
    return "\n".join(lines) + "\n"


def _frames(tb: TracebackType | None) -> list[str]:
    """The frames of a traceback as file, line and function; never a value."""
    return [
        f"  {Path(frame.filename).name}:{frame.lineno} in {frame.name}"
        for frame in traceback.extract_tb(tb)
    ]


def keep_report(root: Path, error: BaseException, moment: datetime) -> Path | None:
    """Write the report to the reports folder; its path, or None if it could not be."""
    folder = root / REPORTS_DIR
    path = folder / f"{_stamp(moment)}.txt"
    try:
        folder.mkdir(mode=0o700, exist_ok=True)
        replace_file(path, report_text(error, moment).encode("utf-8"))
    except OSError:
        return None
    return path


def keep_after(root: Path, error: BaseException, app: App[Any] | None = None) -> Crash:
    """Keep what was being typed in ``app`` (if running) and a report, under ``root``."""
    moment = datetime.now(UTC)
    texts: list[dict[str, str]] = []
    waiting: list[Any] = []
    if app is not None:
        try:
            texts = being_typed(app)
        except Exception:  # the screens may be half gone; the report is still written
            texts = []
        repository = getattr(app, "repository", None)
        waiting = list(getattr(getattr(repository, "ledger", None), "waiting", []))
    drafts = keep_drafts(root, texts, moment, waiting)
    return Crash(drafts=drafts, report=keep_report(root, error, moment))


def unseen_drafts(root: Path) -> list[Path]:
    """Kept drafts the person has not been shown yet, oldest first."""
    folder = root / DRAFTS_DIR
    try:
        names = sorted(folder.iterdir())
    except OSError:
        return []
    return [
        path for path in names if path.suffix == ".json" and not path.name.endswith(SEEN_SUFFIX)
    ]


def read_drafts(paths: list[Path]) -> str:
    """The kept texts of ``paths`` as plain text for a notice ('' if none can be read)."""
    parts = []
    for path in paths:
        try:
            document = json.loads(seal.opened(path.read_bytes(), path).decode("utf-8"))
            texts = [str(item["text"]) for item in document["texts"]]
        except (OSError, ValueError, KeyError, TypeError, Damaged):
            continue
        parts.extend(texts)
    return "\n\n".join(parts)


def read_why(paths: list[Path]) -> str:
    """Why the newest of ``paths`` was kept: LOCKED, or "problem"."""
    for path in reversed(paths):
        try:
            document = json.loads(seal.opened(path.read_bytes(), path).decode("utf-8"))
        except (OSError, ValueError, Damaged):
            continue
        return str(document.get("why", "problem")) if isinstance(document, dict) else "problem"
    return "problem"


def mark_seen(paths: list[Path]) -> None:
    """Mark drafts as shown (renamed, never deleted)."""
    for path in paths:
        try:
            path.rename(path.with_name(path.name.removesuffix(".json") + SEEN_SUFFIX))
        except OSError:
            continue
