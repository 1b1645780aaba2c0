"""A data folder written by the version before the journal (one data file holding
everything) opens in this one with nothing lost. The file is a real year of heavy use,
made by that version's own Repository."""

from __future__ import annotations

import gzip
import json
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from companion.domain.letters import FROM_SESSION
from companion.domain.urge_figures import urge_stats
from companion.store.ledger import HISTORY_DIR_NAME, year_files
from companion.store.repository import Repository
from companion.store.tables import HISTORY_TABLES, LETTERS, URGES

FIXTURE = Path(__file__).with_name("fixtures") / "one-year-v1.json.gz"
NOW = datetime(2026, 11, 25, 12, 0, tzinfo=UTC)


def old_folder(root: Path, change: Any = None) -> dict[str, Any]:
    """Write the year-old data file into ``root`` (changed by ``change`` first, if given);
    return its document."""
    document = json.loads(gzip.decompress(FIXTURE.read_bytes()))
    if change is not None:
        change(document)
    root.mkdir(parents=True)
    (root / "data.json").write_text(json.dumps(document, indent=1, ensure_ascii=False))
    return document


def by_id(docs: Any) -> dict[str, Any]:
    """Documents keyed by their record id."""
    return {doc["id"]: doc for doc in docs}


def test_a_year_old_folder_opens_with_every_record(tmp_path: Path) -> None:
    """Every record of every table comes back, the history moves into files per year, and
    the old file itself is kept among the backups."""
    root = tmp_path / "data"
    document = old_folder(root)
    assert document["schema_version"] == 1
    old = document["tables"]
    repo = Repository.open(root, now=lambda: NOW)
    try:
        assert repo.recovery is None
        for name, docs in old.items():
            if name == "settings":
                assert repo.ledger.table(name) == docs
                continue
            now = repo.ledger.history(name) if name in HISTORY_TABLES else repo.ledger.table(name)
            assert by_id(now.values()) == by_id(docs.values()), name
        assert len(repo.urges) == len(old[URGES]) == 1082
        assert len(repo.reasons) == 150
        stats = repo.urge_stats(NOW)
        exact = urge_stats(repo.urges, NOW)
        assert stats.closed == exact.closed
        assert stats.this_week == exact.this_week
        assert stats.not_contacted == exact.not_contacted
        assert stats.recent_peaks == exact.recent_peaks
        assert stats.figures is not None and exact.figures is not None
        assert abs(stats.figures.median_peak_minute - exact.figures.median_peak_minute) < 1 / 60
    finally:
        repo.close()
    data = json.loads((root / "data.json").read_text())
    assert data["schema_version"] == 2
    assert len(data["tables"][URGES]) < 40  # only the last days stay in the data file
    assert sorted(year_files(root, URGES)) == [2025, 2026]
    assert (root / HISTORY_DIR_NAME / "wins-2025.json").exists()
    kept = [json.loads(p.read_text()) for p in (root / "backups").glob("data-*.json")]
    assert [k["tables"] for k in kept if k["schema_version"] == 1] == [old]


def test_a_year_old_folder_reads_the_same_after_reopening_and_folding(tmp_path: Path) -> None:
    """Opened again, and again after a fold, the records are the same."""
    root = tmp_path / "data"
    old = old_folder(root)["tables"]
    first = Repository.open(root, now=lambda: NOW)
    first.ledger.fold_here()
    first.close()
    again = Repository.open(root, now=lambda: NOW)
    try:
        for name in HISTORY_TABLES:
            assert by_id(again.ledger.history(name).values()) == by_id(old[name].values())
    finally:
        again.close()


def test_a_letter_kept_inside_an_old_session_moves_to_the_letters(tmp_path: Path) -> None:
    """The oldest version kept an unsent letter inside its urge session; it is now in the
    list of letters, word for word, and the session no longer needs reading to show it."""
    words = "I wanted to tell you that I am fine without you. Ünïcode stays too."

    def write_a_letter(document: dict[str, Any]) -> None:
        """Put a letter inside the oldest session, as that version did."""
        urges = document["tables"][URGES]
        oldest = min(urges.values(), key=lambda doc: doc["started_at"])
        oldest["unsent"] = words

    root = tmp_path / "data"
    old = old_folder(root, write_a_letter)["tables"]
    oldest = min(old[URGES].values(), key=lambda doc: doc["started_at"])
    repo = Repository.open(root, now=lambda: NOW)
    try:
        letters = repo.letters
        assert [(x.text, x.session_id) for x in letters] == [(words, oldest["id"])]
        assert letters[0].id == FROM_SESSION + oldest["id"]
        assert not repo.ledger.history_loaded(URGES)
        assert [doc["text"] for doc in repo.ledger.table(LETTERS).values()] == [words]
    finally:
        repo.close()


def test_a_year_old_folder_can_be_looked_at_without_upgrading_it(tmp_path: Path) -> None:
    """Opened to look at only, the old file shows every record, upgraded in memory, and
    the folder keeps exactly its one file: no history files, no backup, no journal."""
    root = tmp_path / "data"
    old_folder(root)
    before = (root / "data.json").read_bytes()
    repo = Repository.open(root, now=lambda: NOW, look=True)
    try:
        assert len(repo.urges) == 1082 and len(repo.reasons) == 150
        assert repo.ledger.read_only
    finally:
        repo.close()
    assert sorted(path.name for path in root.rglob("*")) == ["data.json"]
    assert (root / "data.json").read_bytes() == before
