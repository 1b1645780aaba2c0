"""The new kinds of record on disk: kept across restarts, never touching the figures, and
a damaged one refused the same way as any other."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from companion.domain.errors import ValidationError
from companion.domain.history import Slip
from companion.domain.hoovers import Hoover
from companion.domain.marked_dates import MarkedDate
from companion.domain.modes import ModeChange, NecessaryContact
from companion.domain.wins import Win
from companion.store.repository import Repository
from companion.store.tables import validate_tables

TODAY = date(2026, 11, 25)
NOW = datetime(2026, 11, 25, 10, 0, tzinfo=UTC)


def test_contact_around_the_streak_never_changes_it(tmp_path: Path) -> None:
    """Times they reached out, necessary contact and mode changes leave every figure alone."""
    repo = Repository.open(tmp_path)
    repo.save_start(date(2026, 1, 1), TODAY)
    repo.save_slip(Slip(on=date(2026, 6, 1), kind="called", logged_at=NOW), TODAY)
    before = repo.history.summary(TODAY)
    repo.save_hoover(Hoover(on=date(2026, 11, 20), channel="text", logged_at=NOW))
    repo.necessary.save(NecessaryContact(date(2026, 11, 21), "email", "school forms", NOW))
    repo.modes.save(ModeChange("unavoidable", date(2026, 7, 1), NOW, "Email only"))
    repo.wins.save(Win(TODAY, "I went for a walk", NOW))
    repo.dates.save(MarkedDate("Their birthday", 12, 1, NOW))
    assert repo.history.summary(TODAY) == before
    repo.close()
    again = Repository.open(tmp_path)
    assert again.history.summary(TODAY) == before
    assert again.mode_today(TODAY) == "unavoidable"
    assert again.mode_today(date(2026, 6, 30)) == "none"
    assert [c.about for c in again.necessary.all()] == ["school forms"]
    assert [w.text for w in again.wins.all()] == ["I went for a walk"]
    assert [d.name for d in again.dates.all()] == ["Their birthday"]
    again.close()


@pytest.mark.parametrize(
    ("table", "record"),
    [
        ("modes", {"id": "a", "mode": "sometimes", "since": "2026-01-01"}),
        ("necessary", {"id": "a", "on": "2026-01-01", "channel": "text", "about": ""}),
        ("wins", {"id": "a", "on": "2026-01-01", "text": 5}),
        ("dates", {"id": "a", "name": "x", "month": 2, "day": 30}),
    ],
)
def test_a_damaged_record_is_refused_on_load(table: str, record: dict[str, object]) -> None:
    """Each new table is checked record by record when the file is read."""
    stamped = {**record, "logged_at": NOW.isoformat()}
    with pytest.raises(ValidationError):
        validate_tables({table: {"1": stamped}})


def test_a_damaged_win_in_the_file_brings_back_the_backup(tmp_path: Path) -> None:
    """A hand-edited data file with a broken win is set aside; its newest good backup and
    the journal since then bring every save back."""
    repo = Repository.open(tmp_path, now=lambda: NOW)
    repo.wins.save(Win(TODAY, "first", NOW))
    repo.ledger.fold_here()
    repo.wins.save(Win(TODAY, "second", NOW))
    repo.ledger.fold_here()
    repo.close()
    data = tmp_path / "data.json"
    spoiled = json.loads(data.read_text())
    assert len(spoiled["tables"]["wins"]) == 2
    for record in spoiled["tables"]["wins"].values():
        record["text"] = ""
    data.write_text(json.dumps(spoiled))
    again = Repository.open(tmp_path, now=lambda: NOW)
    assert again.recovery is not None
    assert sorted(w.text for w in again.wins.all()) == ["first", "second"]
    assert list(tmp_path.glob("data.damaged-*.json"))
    again.close()
