"""The journal over the snapshot: a save is one line, every acknowledged save comes back,
a fold moves old history into files per year, and a damaged or torn line costs nothing
that was acknowledged."""

from __future__ import annotations

import dataclasses
import errno
import json
import os
from collections.abc import Mapping
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import pytest

from companion.domain.hoovers import Hoover
from companion.domain.reasons import Reason
from companion.domain.wins import Win
from companion.store import journal
from companion.store.journal import JOURNAL_DIR_NAME, decode_line, encode_line
from companion.store.ledger import FOLD_AT, HISTORY_DIR_NAME, Layout, Ledger, year_files
from companion.store.problems import SaveError
from companion.store.repository import Repository

NOW = datetime(2026, 11, 25, 10, 0, tzinfo=UTC)


def on_day(table: str, doc: Mapping[str, Any]) -> date | None:
    """Events belong to their day; an event marked open stays in the data file."""
    return None if doc.get("open") else date.fromisoformat(doc["on"])


class Count:
    """Totals of the events table: how many there are, and their sum."""

    def __init__(self, stored: Mapping[str, Any] | None) -> None:
        """Start from what was stored."""
        self.count = 0 if stored is None else stored["count"]
        self.sum = 0 if stored is None else stored["sum"]

    def changed(self, old: Mapping[str, Any] | None, new: Mapping[str, Any] | None) -> None:
        """Follow one event."""
        for doc, sign in ((old, -1), (new, 1)):
            if doc is not None:
                self.count += sign
                self.sum += sign * doc["n"]

    def to_dict(self) -> dict[str, Any]:
        """Plain values."""
        return {"count": self.count, "sum": self.sum}


LAYOUT = Layout(history=("events",), settled_on=on_day, tallies={"events": Count}, hot_days=8)


def opened(root: Path) -> Ledger:
    """A ledger over ``root``, opened, whose clock says NOW."""
    ledger = Ledger(root, LAYOUT, now=lambda: NOW)
    ledger.open()
    return ledger


def event(n: int, on: str = "2024-03-01", **more: Any) -> dict[str, Any]:
    """An event document."""
    return {"id": f"e{n}", "n": n, "on": on, **more}


def segment_bytes(root: Path) -> list[bytes]:
    """The bytes of every journal segment, oldest first."""
    return [segment.path.read_bytes() for segment in journal.segments(root)]


def test_each_save_is_one_line_and_comes_back_after_reopening(tmp_path: Path) -> None:
    """Saves go to the journal, one line each; a reopened ledger has them all."""
    ledger = opened(tmp_path)
    ledger.put("settings", "1", {"country": "IE"})
    ledger.put("events", ledger.new_id("events"), event(1))
    ledger.put("events", ledger.new_id("events"), event(2))
    ledger.delete("events", "1")
    ledger.close()
    lines = b"".join(segment_bytes(tmp_path)).splitlines(keepends=True)
    assert len(lines) == 4
    assert not (tmp_path / "data.json").exists()
    again = opened(tmp_path)
    assert again.table("settings") == {"1": {"country": "IE"}}
    assert again.history("events") == {"2": event(2)}
    assert again.new_id("events") == "3"
    count = again.tally("events")
    assert isinstance(count, Count) and (count.count, count.sum) == (1, 2)
    again.close()


def test_a_save_costs_the_change_not_the_history(tmp_path: Path) -> None:
    """After a thousand saves, one more save writes one short line and nothing else."""
    ledger = opened(tmp_path)
    with ledger.batch():
        for n in range(1000):
            ledger.put("events", str(n + 1), event(n, pad="x" * 200))
    ledger.fold_here()
    before = {p: p.stat().st_mtime_ns for p in tmp_path.rglob("*") if p.is_file()}
    size = ledger.journal.size
    ledger.put("settings", "1", {"country": "IE"})
    changed = [
        p for p in tmp_path.rglob("*") if p.is_file() and before.get(p) != p.stat().st_mtime_ns
    ]
    assert [p.parent.name for p in changed] == [JOURNAL_DIR_NAME]
    assert ledger.journal.size - size < 100
    ledger.close()


def test_fold_moves_old_history_into_files_per_year(tmp_path: Path) -> None:
    """Old events go to history/events-<year>.json; recent and open ones stay in data.json,
    and everything reads back the same, totals included."""
    ledger = opened(tmp_path)
    ledger.put("events", "1", event(1, "2023-05-01"))
    ledger.put("events", "2", event(2, "2024-05-01"))
    ledger.put("events", "3", event(3, "2026-11-24"))
    ledger.put("events", "4", event(4, "2020-01-01", open=True))
    ledger.put("notes", "1", {"text": "kept"})
    assert ledger.fold_here()
    ledger.close()
    data = json.loads((tmp_path / "data.json").read_text())
    assert sorted(data["tables"]["events"]) == ["3", "4"]
    assert data["tables"]["_store"]["1"]["tallies"]["events"] == {"count": 4, "sum": 10}
    assert sorted(year_files(tmp_path, "events")) == [2023, 2024]
    in_2023 = json.loads((tmp_path / HISTORY_DIR_NAME / "events-2023.json").read_text())
    assert in_2023["tables"] == {"events": {"1": event(1, "2023-05-01")}}
    again = opened(tmp_path)
    assert sorted(again.table("events")) == ["3", "4"]
    assert not again.history_loaded("events")
    assert sorted(again.history("events")) == ["1", "2", "3", "4"]
    assert again.table("notes") == {"1": {"text": "kept"}}
    assert again.new_id("events") == "5"
    again.close()


def test_changes_after_a_fold_follow_history_into_its_files(tmp_path: Path) -> None:
    """An old event changed or removed after it moved to history is changed there too."""
    ledger = opened(tmp_path)
    ledger.put("events", "1", event(1, "2023-05-01"))
    ledger.put("events", "2", event(2, "2023-06-01"))
    ledger.fold_here()
    ledger.history("events")
    ledger.put("events", "1", event(10, "2023-05-01"))
    ledger.delete("events", "2")
    count = ledger.tally("events")
    assert isinstance(count, Count) and (count.count, count.sum) == (1, 10)
    ledger.close()
    again = opened(tmp_path)
    assert again.history("events") == {"1": event(10, "2023-05-01")}
    again.fold_here()
    again.close()
    third = opened(tmp_path)
    assert third.history("events") == {"1": event(10, "2023-05-01")}
    count = third.tally("events")
    assert isinstance(count, Count) and (count.count, count.sum) == (1, 10)
    third.close()


def test_totals_missing_from_the_snapshot_are_counted_once_from_every_record(
    tmp_path: Path,
) -> None:
    """A folder written before a table kept totals gets them counted over its whole
    history at open (years on the disk included), and the next fold stores them."""
    untallied = Layout(history=("events",), settled_on=on_day, hot_days=8)
    ledger = Ledger(tmp_path, untallied, now=lambda: NOW)
    ledger.open()
    for n, day in enumerate(["2021-02-01", "2023-05-01", "2026-11-24"], start=1):
        ledger.put("events", str(n), event(n, day))
    assert ledger.fold_here()
    ledger.put("events", "4", event(4, "2026-11-25"))
    ledger.close()
    again = opened(tmp_path)
    count = again.tally("events")
    assert isinstance(count, Count) and (count.count, count.sum) == (4, 10)
    assert not again.history_loaded("events")  # counted, then let go
    again.delete("events", "2")
    assert again.fold_here()
    again.close()
    data = json.loads((tmp_path / "data.json").read_text())
    assert data["tables"]["_store"]["1"]["tallies"]["events"] == {"count": 3, "sum": 8}


def test_totals_counted_afresh_are_stored_by_the_first_fold_however_small(
    tmp_path: Path,
) -> None:
    """A folder from before the log kept its count: the count is made once at open, and
    the background fold after the first frame runs although the journal is small, so the
    next start does not read every year of the log again."""
    repo = Repository.open(tmp_path, now=lambda: NOW)
    for n in range(6):
        repo.save_hoover(Hoover(date(2020 + n, 3, 1), "text", NOW, answered=n % 2 == 0))
    assert repo.fold_in_background(force=True) and repo.ledger.wait_for_fold(120)
    repo.close()
    data_file = tmp_path / "data.json"
    data = json.loads(data_file.read_text())
    del data["tables"]["_store"]["1"]["tallies"]["hoovers"]  # as an older version wrote it
    data_file.write_text(json.dumps(data))
    again = Repository.open(tmp_path, now=lambda: NOW)
    assert again.not_answered() == 3
    assert again.ledger.journal_size < FOLD_AT
    assert again.fold_in_background() and again.ledger.wait_for_fold(120)
    assert not again.fold_in_background()  # stored: a small journal waits again
    again.close()
    stored = json.loads(data_file.read_text())["tables"]["_store"]["1"]["tallies"]
    assert "hoovers" in stored
    third = Repository.open(tmp_path, now=lambda: NOW)
    assert third.not_answered() == 3
    assert not third.fold_in_background()
    assert not third.ledger.history_loaded("hoovers")
    third.close()


def test_the_unanswered_count_needs_no_history(tmp_path: Path) -> None:
    """The counter's "reached out, not answered" comes from a running count that follows
    every new, changed and removed entry, and agrees with counting the whole log."""
    repo = Repository.open(tmp_path, now=lambda: NOW)
    entries = [
        repo.save_hoover(Hoover(date(2019 + n % 7, 3, 1), "text", NOW, answered=n % 3 == 0))
        for n in range(40)
    ]
    repo.save_hoover(dataclasses.replace(entries[1], answered=True))
    repo.hoover_log.delete(entries[2].id)
    expected = sum(1 for entry in repo.hoovers if not entry.answered)
    assert repo.not_answered() == expected == 40 - 14 - 1 - 1
    assert repo.fold_in_background(force=True) and repo.ledger.wait_for_fold(120)
    repo.close()
    again = Repository.open(tmp_path, now=lambda: NOW)
    assert again.not_answered() == expected
    assert not again.ledger.history_loaded("hoovers")
    again.close()


def test_a_fold_in_the_background_runs_in_another_process(tmp_path: Path) -> None:
    """The app starts the fold and goes on saving; nothing saved meanwhile is lost."""
    repo = Repository.open(tmp_path, now=lambda: NOW)
    for n in range(1, 30):
        repo.wins.save(Win(date(2022, 1, 1), f"win {n}", NOW))
    assert repo.fold_in_background(force=True)
    for n in range(30, 40):
        repo.wins.save(Win(date(2022, 1, 1), f"win {n}", NOW))
    assert repo.ledger.wait_for_fold(120)
    repo.close()
    assert (tmp_path / HISTORY_DIR_NAME / "wins-2022.json").exists()
    again = Repository.open(tmp_path, now=lambda: NOW)
    # The wins saved while the fold ran are still in the journal, so they are at hand.
    assert sorted(w.text for w in again.wins.recent()) == [f"win {n}" for n in range(30, 40)]
    assert sorted(int(w.text.split()[1]) for w in again.wins.all()) == list(range(1, 40))
    again.close()


def test_a_torn_last_line_is_skipped_and_cut_before_the_next_save(tmp_path: Path) -> None:
    """A kill mid-append leaves half a line: it was never acknowledged, so it is dropped,
    and the next save starts on a clean line."""
    ledger = opened(tmp_path)
    ledger.put("notes", "1", {"text": "kept"})
    ledger.close()
    segment = journal.segments(tmp_path)[-1].path
    whole = encode_line([["put", "notes", "2", {"text": "half"}, None]])
    with open(segment, "ab") as file:
        file.write(whole[: len(whole) // 2])
    again = opened(tmp_path)
    assert again.table("notes") == {"1": {"text": "kept"}}
    assert again.damaged_lines == 0
    again.put("notes", "3", {"text": "after"})
    again.close()
    lines = segment.read_bytes().splitlines(keepends=True)
    assert [decode_line(line) is not None for line in lines] == [True, True]
    third = opened(tmp_path)
    assert sorted(third.table("notes")) == ["1", "3"]
    third.close()


def test_a_damaged_line_in_the_middle_is_counted_and_the_rest_kept(tmp_path: Path) -> None:
    """A line spoiled on the disk is skipped and counted, so the person can be told; every
    other save still comes back."""
    ledger = opened(tmp_path)
    for n in range(3):
        ledger.put("notes", str(n), {"text": f"note {n}"})
    ledger.close()
    segment = journal.segments(tmp_path)[-1].path
    lines = segment.read_bytes().splitlines(keepends=True)
    lines[1] = lines[1].replace(b"note 1", b"note X")
    segment.write_bytes(b"".join(lines))
    again = opened(tmp_path)
    assert again.damaged_lines == 1
    assert sorted(again.table("notes")) == ["0", "2"]
    again.close()


def test_a_batch_is_one_line_and_a_failed_batch_changes_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Saves made together reach the disk together, or not at all."""
    ledger = opened(tmp_path)
    ledger.put("notes", "1", {"text": "before"})
    with ledger.batch():
        ledger.put("notes", "1", {"text": "one"})
        ledger.put("notes", "2", {"text": "two"})
    assert len(b"".join(segment_bytes(tmp_path)).splitlines()) == 2

    def failing(fd: int) -> None:
        """The disk fails (a full one makes changes wait in memory instead)."""
        raise OSError(errno.EIO, "Input/output error")

    monkeypatch.setattr(os, "fdatasync", failing)
    with pytest.raises(SaveError), ledger.batch():
        ledger.put("notes", "1", {"text": "lost"})
        ledger.delete("notes", "2")
        ledger.put("events", "1", event(1))
    assert ledger.table("notes") == {"1": {"text": "one"}, "2": {"text": "two"}}
    assert ledger.table("events") == {}
    count = ledger.tally("events")
    assert isinstance(count, Count) and count.count == 0
    with pytest.raises(SaveError):
        ledger.put("notes", "3", {"text": "also lost"})
    assert "3" not in ledger.table("notes")
    monkeypatch.undo()
    ledger.put("notes", "3", {"text": "saved"})
    ledger.close()
    again = opened(tmp_path)
    assert again.table("notes") == {
        "1": {"text": "one"},
        "2": {"text": "two"},
        "3": {"text": "saved"},
    }
    again.close()


def test_a_damaged_data_file_comes_back_from_its_backup_and_the_journal(tmp_path: Path) -> None:
    """With data.json spoiled, the newest good backup is used and the journal since it is
    replayed over it: every acknowledged save comes back."""
    ledger = opened(tmp_path)
    ledger.put("notes", "1", {"text": "first"})
    ledger.fold_here()
    ledger.put("notes", "2", {"text": "second"})
    ledger.fold_here()
    ledger.put("notes", "3", {"text": "third"})
    ledger.close()
    (tmp_path / "data.json").write_bytes(b'{"app": "companion", "schema')
    again = opened(tmp_path)
    assert again.recovery is not None
    assert sorted(doc["text"] for doc in again.table("notes").values()) == [
        "first",
        "second",
        "third",
    ]
    again.close()


def test_a_damaged_year_file_falls_back_to_its_backup(tmp_path: Path) -> None:
    """A history file spoiled on the disk is read from its backup; a year with neither is
    named, and the rest of the history still reads."""
    ledger = opened(tmp_path)
    ledger.put("events", "1", event(1, "2023-05-01"))
    ledger.put("events", "2", event(2, "2024-05-01"))
    ledger.fold_here()
    ledger.history("events")
    ledger.put("events", "3", event(3, "2023-07-01"))
    ledger.fold_here()
    ledger.close()
    history = tmp_path / HISTORY_DIR_NAME
    (history / "events-2023.json").write_bytes(b"spoiled")
    (history / "events-2024.json").write_bytes(b"spoiled")
    for backup in (history / "backups").glob("events-2024-*.json"):
        backup.unlink()
    again = opened(tmp_path)
    assert sorted(again.history("events")) == ["1"]
    assert again.unreadable_years == [history / "events-2024.json"]
    again.close()


def test_changes_the_disk_refuses_wait_in_memory_and_are_written_in_order(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A full disk: saves still return, what they saved is read back at once, and the
    ledger says why it waits; once the disk takes lines again, the waiting changes are
    written first, in order, then the new one. A failing disk (an input/output error)
    still refuses the save."""
    ledger = opened(tmp_path)
    ledger.put("events", "1", event(1))
    real = ledger.journal.append

    def full(_ops: object) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(ledger.journal, "append", full)
    ledger.put("events", "2", event(2))
    with ledger.batch():  # a batch waits as one line, as it is written as one
        ledger.put("events", "3", event(3))
        ledger.put("notes", "1", {"text": "with it"})
    assert set(ledger.table("events")) == {"1", "2", "3"}
    assert [len(ops) for ops in ledger.waiting] == [1, 2]
    assert "the disk is full" in (ledger.waiting_why or "")
    assert not ledger.write_waiting()
    monkeypatch.setattr(ledger.journal, "append", real)
    ledger.put("events", "4", event(4))
    assert ledger.waiting == [] and ledger.waiting_why is None
    ledger.close()
    again = opened(tmp_path)
    assert set(again.table("events")) == {"1", "2", "3", "4"}

    def failing(_ops: object) -> None:
        raise OSError(errno.EIO, "Input/output error")

    monkeypatch.setattr(again.journal, "append", failing)
    with pytest.raises(SaveError, match="input/output error"):
        again.put("events", "5", event(5))
    assert "5" not in again.table("events") and again.waiting == []
    again.close()


SAVED_AT = datetime(2026, 11, 25, 10, 0, tzinfo=UTC)
"""The clock of the folders made by ``three_reasons_two_folded``."""


def three_reasons_two_folded(root: Path) -> None:
    """Three reasons saved, the first two folded into the data file (so it has a
    backup), the third only in the journal."""
    repo = Repository.open(root, now=lambda: SAVED_AT)
    for n, text in enumerate(("first", "second", "third")):
        repo.save_reason(Reason(text=text, created_at=SAVED_AT, position=n))
        if text != "third":
            repo.ledger.fold_here()
    repo.close()


@pytest.mark.parametrize("damage", ["emptied", "cut short", "overwritten"])
def test_damage_to_the_data_file_loses_no_save(tmp_path: Path, damage: str) -> None:
    """The data file emptied, cut short or overwritten in place after three saves (two
    folded into it, one in the journal): the next start restores the newest backup and
    puts every later save back from the journal, so all three are there, and says so."""
    three_reasons_two_folded(tmp_path)
    data_file = tmp_path / "data.json"
    whole = data_file.read_bytes()
    with open(data_file, "r+b") as file:  # in place: the same file, as a stray write is
        if damage == "emptied":
            file.truncate(0)
        elif damage == "cut short":
            file.truncate(len(whole) // 2)
        else:
            file.write(b"\0" * len(whole))
    again = Repository.open(tmp_path, now=lambda: SAVED_AT)
    try:
        assert [reason.text for reason in again.reasons] == ["first", "second", "third"]
        assert again.recovery is not None
        assert "Everything saved after it was put back" in again.recovery.message()
    finally:
        again.close()


def test_a_damaged_file_on_a_full_disk_still_opens_from_its_backup(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The data file is damaged and the disk is full, so the restored copy cannot be
    written: the folder still opens, from the backup and the journal, in memory; the
    message says so; and no file is changed, except the damaged one set aside."""
    three_reasons_two_folded(tmp_path)
    (tmp_path / "data.json").write_bytes(b'{"app": "companion", "tab')
    from companion.store import durable

    def full(path: Path, *args: Any, **kwargs: Any) -> None:
        raise OSError(errno.ENOSPC, "No space left on device", str(path))

    monkeypatch.setattr(durable, "replace_file", full)
    again = Repository.open(tmp_path, now=lambda: SAVED_AT)
    try:
        assert [reason.text for reason in again.reasons] == ["first", "second", "third"]
        assert again.recovery is not None and again.recovery.unwritten
        assert "would not take the restored copy" in again.recovery.message()
    finally:
        again.close()
    monkeypatch.undo()
    third = Repository.open(tmp_path, now=lambda: SAVED_AT)
    try:  # with room again, the next start restores and writes it
        assert [reason.text for reason in third.reasons] == ["first", "second", "third"]
        assert third.recovery is not None and not third.recovery.unwritten
    finally:
        third.close()
