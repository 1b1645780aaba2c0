"""The record of when they reached out: kept as a chain in the data as entries are logged,
edited and removed; exported in Markdown or JSON; ``companion verify`` passes on a fresh
record and names where one was altered."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

from companion.domain import record
from companion.domain.hoovers import Hoover
from companion.store.repository import Repository

from .conftest import run_companion as companion

WORDS = "[bold]not markup[/] 🌱 שלום לך مرحبا"


def logged(root: Path) -> list[Hoover]:
    """Four entries, one edited twice, one removed."""
    repo = Repository.open(root)
    moment = datetime(2026, 11, 1, 21, 5, tzinfo=UTC).astimezone()
    made = []
    for n in range(4):
        entry = Hoover(
            on=date(2026, 11, 1) + timedelta(days=n),
            channel="text",
            logged_at=moment + timedelta(days=n),
            said=f"message {n} {WORDS}",
            via="a friend" if n == 2 else "",
            unsafe=n == 1,
        )
        made.append(repo.save_hoover(entry))
    repo.save_hoover(replace(made[0], said="the first, as I remember it now"))
    again = repo.save_hoover(replace(made[0], said="the first, corrected again"))
    repo.save_hoover(replace(again, felt="only mine"))  # not an event: felt is private
    repo.hoover_log.delete(made[3].id)
    repo.close()
    return made


def test_the_chain_is_kept_as_the_log_changes(tmp_path: Path) -> None:
    root = tmp_path / "data"
    logged(root)
    repo = Repository.open(root)
    try:
        events = repo.record_events()
        assert [e["event"] for e in events] == ["logged"] * 4 + ["edited", "edited", "removed"]
        assert record.first_break(events) is None and repo.record_problem() is None
        first = record.entries(events)[0]
        assert first.content["said"] == "the first, corrected again"
        assert [before["said"] for _, before in first.earlier] == [
            f"message 0 {WORDS}",
            "the first, as I remember it now",
        ]
    finally:
        repo.close()


def test_a_fresh_record_verifies_and_each_alteration_is_named(tmp_path: Path) -> None:
    root = tmp_path / "data"
    logged(root)
    out = tmp_path / "record.md"
    done = companion("export", "--record", "--data", str(root), "--out", str(out))
    assert done.returncode == 0, done.stderr
    text = out.read_text(encoding="utf-8")
    assert WORDS in text and "Edited " in text and "Removed from the log" in text
    assert "only mine" not in text
    done = companion("verify", str(out))
    assert done.returncode == 0 and "complete and unaltered" in done.stdout, done.stdout

    one_character = text.replace("message 1", "message 7", 1)
    assert record.verify(one_character).holds is False
    assert "entry 2" in record.verify(one_character).words

    lines = text.splitlines()
    chain = [n for n, line in enumerate(lines) if line.startswith('{"at"')]
    swapped = list(lines)
    swapped[chain[1]], swapped[chain[2]] = swapped[chain[2]], swapped[chain[1]]
    verdict = record.verify("\n".join(swapped) + "\n")
    assert not verdict.holds and "event 2" in verdict.words

    removed = "\n".join(line for n, line in enumerate(lines) if n != chain[3]) + "\n"
    verdict = record.verify(removed)
    assert not verdict.holds and "event 4" in verdict.words

    inside = text.replace("message 2", "message 9")  # the entry and its event alike
    verdict = record.verify(inside)
    assert not verdict.holds and "contents were changed" in verdict.words
    out.write_text(one_character, encoding="utf-8")
    done = companion("verify", str(out))
    assert done.returncode == 1 and "altered" in done.stdout


def test_the_json_form_verifies_too(tmp_path: Path) -> None:
    root = tmp_path / "data"
    logged(root)
    out = tmp_path / "record.json"
    assert (
        companion("export", "--record", "--json", "--data", str(root), "--out", str(out)).returncode
        == 0
    )
    assert record.verify(out.read_text(encoding="utf-8")).holds
    document = json.loads(out.read_text(encoding="utf-8"))
    document["events"][0]["content"]["said"] = "changed"
    assert not record.verify(json.dumps(document)).holds


def test_a_log_changed_outside_the_app_is_reported_never_repaired(tmp_path: Path) -> None:
    root = tmp_path / "data"
    made = logged(root)
    repo = Repository.open(root)
    doc_id = next(k for k, v in repo.ledger.table("hoovers").items() if v["id"] == made[1].id)
    changed = dict(repo.ledger.table("hoovers")[doc_id], said="rewritten behind its back")
    repo.ledger.put("hoovers", doc_id, changed)  # as an edit by hand would
    repo.close()
    done = companion("export", "--record", "--data", str(root), "--out", str(tmp_path / "r.md"))
    assert done.returncode == 1 and "changed outside companion" in done.stderr
    assert not (tmp_path / "r.md").exists()
    repo = Repository.open(root)
    assert repo.record_problem() is not None  # still reported: nothing was repaired
    repo.close()
