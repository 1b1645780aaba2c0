"""``companion export`` and ``companion import``: a full backup out and back in, exactly;
a file that cannot be used changes nothing and says why."""

from __future__ import annotations

import json
import re
import stat
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest

from benchmarks import generate
from companion.domain.helplines import Helpline
from companion.domain.history import Slip
from companion.domain.letters import Letter
from companion.domain.modes import NecessaryContact
from companion.store import backup as backup_module
from companion.store.backup import TABLES
from companion.store.repository import Repository

from .conftest import NOW, every_file
from .conftest import run_companion as companion

WORDS = ("[bold]not markup[/]", "🌱", "שלום לך", "plain", "مرحبا", "$(x)")
"""Markup-like text, emoji, right-to-left scripts and an escape, in every field."""


@pytest.fixture
def used(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A month of heavy use, every word of it hard to show, and a letter."""
    monkeypatch.setattr(generate, "_WORDS", WORDS)
    root = tmp_path / "used"
    generate.generate(root, "1m", today=date(2026, 11, 25))
    text = " ".join(WORDS)
    repo = Repository.open(root)
    repo.save_letter(Letter(written_at=NOW, text=text))
    repo.save_helpline(
        Helpline(
            id="own-1", countries=("GB",), kind="crisis", name=text, purpose=text, call="116 123"
        )
    )
    repo.save_slip(
        Slip(on=date(2026, 11, 20), kind="messaged", logged_at=NOW, note=text), NOW.date()
    )
    repo.necessary.save(NecessaryContact(date(2026, 11, 21), "email", text, NOW, text))
    repo.close()
    return root


def without_moment(path: Path) -> dict[str, object]:
    document = json.loads(path.read_text(encoding="utf-8"))
    document.pop("exported_at")
    return document


def test_export_import_export_gives_the_same_backup(used: Path, tmp_path: Path) -> None:
    first, second = tmp_path / "first.json", tmp_path / "second.json"
    done = companion("export", "--data", str(used), "--out", str(first))
    assert done.returncode == 0, done.stderr
    assert str(first) in done.stderr and stat.S_IMODE(first.stat().st_mode) == 0o600
    tables = json.loads(first.read_text(encoding="utf-8"))["tables"]
    kinds = [name for name, docs in tables.items() if docs]
    assert sorted(kinds) == sorted(TABLES)  # every kind of record, the record's chain too
    fresh = tmp_path / "fresh"
    done = companion("import", "--data", str(fresh), str(first), "--yes")
    assert done.returncode == 0, done.stderr
    assert "new" in done.stderr and "Read in" in done.stderr
    done = companion("export", "--data", str(fresh), "--out", str(second))
    assert done.returncode == 0, done.stderr
    assert without_moment(second) == without_moment(first)


def test_importing_twice_changes_nothing_the_second_time(used: Path, tmp_path: Path) -> None:
    out = tmp_path / "backup.json"
    companion("export", "--data", str(used), "--out", str(out))
    before = every_file(used)
    done = companion("import", "--data", str(used), str(out), "--yes")
    assert done.returncode == 0 and "nothing would change" in done.stderr
    assert every_file(used) == before


def test_reading_in_and_again_count_the_same_records(used: Path, tmp_path: Path) -> None:
    """What a person is told was read in is what they are told is already here the next
    time: the records they made, counted once (the record's hashes come with them)."""
    out = tmp_path / "backup.json"
    companion("export", "--data", str(used), "--out", str(out))
    fresh = tmp_path / "fresh"
    done = companion("import", "--data", str(fresh), str(out), "--yes")
    assert done.returncode == 0, done.stderr
    read_in = re.search(r"Read in (\d+) records", done.stderr)
    assert read_in is not None, done.stderr
    said = done.stderr.split("Read in")[0]
    assert "times they reached out:" in said and "chain" not in said
    counted = sum(int(n) for n in re.findall(r": (\d+) new", said))
    assert counted == int(read_in[1])
    done = companion("import", "--data", str(fresh), str(out), "--yes")
    assert f"already here ({read_in[1]} records)" in done.stderr, done.stderr


def damaged(out: Path) -> None:
    out.write_bytes(out.read_bytes()[: len(out.read_bytes()) // 2])


def foreign(out: Path) -> None:
    out.write_text(json.dumps({"app": "something else", "tables": {}}))


def newer(out: Path) -> None:
    document = json.loads(out.read_text(encoding="utf-8"))
    document["schema_version"] += 1
    out.write_text(json.dumps(document))


def bad_record(out: Path) -> None:
    document = json.loads(out.read_text(encoding="utf-8"))
    doc_id = sorted(document["tables"]["reasons"])[0]
    document["tables"]["reasons"][doc_id]["created_at"] = "not a moment"
    out.write_text(json.dumps(document))


@pytest.mark.parametrize(
    ("spoil", "words"),
    [
        (damaged, "not JSON"),
        (foreign, "not a companion backup"),
        (newer, "newer version"),
        (bad_record, "in reasons cannot be used"),
    ],
)
def test_a_file_that_cannot_be_used_changes_no_byte(
    used: Path, tmp_path: Path, spoil: object, words: str
) -> None:
    out = tmp_path / "backup.json"
    companion("export", "--data", str(used), "--out", str(out))
    spoil(out)  # type: ignore[operator]
    before = every_file(used)
    done = companion("import", "--data", str(used), str(out), "--yes")
    assert done.returncode == 1 and words in done.stderr, done.stderr
    assert "Nothing was changed" in done.stderr
    assert every_file(used) == before


def test_import_waits_for_the_app_to_close_and_export_does_not(used: Path, tmp_path: Path) -> None:
    out = tmp_path / "backup.json"
    repo = Repository.open(used)
    try:
        assert companion("export", "--data", str(used), "--out", str(out)).returncode == 0
        done = companion("import", "--data", str(used), str(out), "--yes")
        assert done.returncode == 1 and "close companion first" in done.stderr
    finally:
        repo.close()


def test_export_without_data_and_to_the_home_folder(tmp_path: Path) -> None:
    home = tmp_path / "home"
    home.mkdir()
    done = companion("export", "--data", str(tmp_path / "none"), home=home)
    assert done.returncode == 3 and "no data" in done.stderr
    root = tmp_path / "some"
    repo = Repository.open(root)
    repo.save_letter(Letter(written_at=NOW, text="kept"))
    repo.close()
    done = companion("export", "--data", str(root), home=home)
    assert done.returncode == 0, done.stderr
    (made,) = home.iterdir()
    assert made.name.startswith("companion-backup-") and str(made) in done.stderr
    again = companion("export", "--data", str(root), home=home)
    assert again.returncode == 0 and len(list(home.iterdir())) == 2  # never over a file


def test_every_command_has_help_in_neutral_words() -> None:
    done = companion("--help")
    for command in ("status", "export", "import"):
        assert command in done.stdout
        assert companion(command, "--help").returncode == 0
    for word in ("abuse", "narciss", "No Contact", "ex "):
        assert word not in done.stdout


def test_a_summary_has_the_sections_chosen_and_nothing_private_unless_asked(
    used: Path, tmp_path: Path
) -> None:
    out = tmp_path / "summary.md"
    repo = Repository.open(used)
    entry = repo.hoovers[0]
    repo.save_hoover(replace(entry, felt="only for me to know"))
    repo.close()
    done = companion("export", "--summary", "--data", str(used), "--out", str(out))
    assert done.returncode == 0, done.stderr
    text = out.read_text(encoding="utf-8")
    assert text.startswith("# My progress\n\nMade ")
    for heading in ("No Contact days", "Slips", "Riding out urges", "Reasons I left"):
        assert f"## {heading}" in text
    assert "[bold]not markup[/]" in text and "שלום לך" in text and "🌱" in text
    assert "only for me to know" not in text and "Letters I did not send" not in text
    assert stat.S_IMODE(out.stat().st_mode) == 0o600
    chosen = tmp_path / "chosen.md"
    done = companion(
        "export", "--summary", "--data", str(used), "--out", str(chosen),
        "--sections", "days", "--private", "felt,letters",
    )  # fmt: skip
    text = chosen.read_text(encoding="utf-8")
    assert "## No Contact days" in text and "## Reasons I left" not in text
    assert "only for me to know" in text and "## Letters I did not send" in text
    done = companion("export", "--summary", "--data", str(used), "--sections", "secrets")
    assert done.returncode == 2 and "no section 'secrets'" in done.stderr


def test_a_full_disk_while_reading_in_says_so_and_keeps_what_was_there(
    used: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The journal refuses the import (no room left): it says so, exits 1, and the data
    is as it was."""
    import errno

    from companion import carry
    from companion.store import journal

    out = tmp_path / "backup.json"
    companion("export", "--data", str(used), "--out", str(out))
    fresh = tmp_path / "fresh"
    Repository.open(fresh).close()

    def full(self: object, ops: object) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(journal.Journal, "append", full)
    assert carry.import_file(fresh, out, ask=False) == 1
    monkeypatch.undo()
    repo = Repository.open(fresh)
    try:
        assert repo.reasons == [] and repo.hoovers == []
    finally:
        repo.close()


def test_a_sealed_folder_makes_a_sealed_backup_that_opens_anywhere_with_its_passphrase(
    used: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, cheap_seal: None
) -> None:
    """A backup of sealed data is sealed by default (not a word of it readable), opens
    on another computer with the passphrase alone, refuses a wrong one without writing,
    and --plain writes it plain, saying so."""
    from companion import carry
    from companion.store import seal, sealing

    repo = Repository.open(used)
    repo.ledger.reseal(lambda: sealing.turn_on(used, "my four words", None))
    repo.close()
    out = tmp_path / "sealed.json"
    assert carry.export(used, "backup", out) == 0
    raw = out.read_bytes()
    assert b"plain" not in raw and "שלום".encode() not in raw
    assert backup_module.is_sealed_backup(raw)
    seal.KEYRING.clear()
    fresh = tmp_path / "fresh"
    Repository.open(fresh).close()
    before = every_file(fresh)
    monkeypatch.setattr(carry.sys.stdin, "isatty", lambda: True, raising=False)
    monkeypatch.setattr(carry.getpass, "getpass", lambda prompt="": "not the words")
    assert carry.import_file(fresh, out, ask=False) == 1
    assert every_file(fresh) == before
    monkeypatch.setattr(carry.getpass, "getpass", lambda prompt="": "my four words")
    assert carry.import_file(fresh, out, ask=False) == 0
    again = Repository.open(fresh)
    assert any("plain" in reason.text for reason in again.reasons)
    again.close()
    plain = tmp_path / "plain.json"
    seal.unlock_folder(used, "my four words")
    assert carry.export(used, "backup", plain, plain=True) == 0
    assert b"plain" in plain.read_bytes()


def test_a_backup_from_another_folder_is_added_beside_what_is_here(tmp_path: Path) -> None:
    """Two folders that each numbered their records from 1: reading one's backup into the
    other adds its records beside those here (none replaced), and the record of when they
    reached out goes on, every entry chained, and still holds."""
    from companion.domain.hoovers import Hoover
    from companion.domain.reasons import Reason

    here, there = tmp_path / "here", tmp_path / "there"
    for root, word in ((here, "here"), (there, "there")):
        repo = Repository.open(root)
        repo.save_reason(Reason(text=f"a reason from {word}", created_at=NOW))
        repo.save_hoover(Hoover(on=date(2026, 11, 2), channel="call", logged_at=NOW, said=word))
        repo.close()
    out = tmp_path / "there.json"
    assert companion("export", "--data", str(there), "--out", str(out)).returncode == 0
    done = companion("import", "--data", str(here), str(out), "--yes")
    assert done.returncode == 0, done.stderr
    repo = Repository.open(here)
    try:
        assert sorted(r.text for r in repo.reasons) == ["a reason from here", "a reason from there"]
        assert sorted(h.said for h in repo.hoovers) == ["here", "there"]
        assert repo.record_problem() is None
    finally:
        repo.close()
    again = companion("import", "--data", str(here), str(out), "--yes")
    assert again.returncode == 0 and "nothing would change" in again.stderr


def test_an_export_to_a_folder_is_named_for_what_it_is(used: Path, tmp_path: Path) -> None:
    """--out naming a folder: each kind of export gets its own neutral name in it."""
    folder = tmp_path / "exports"
    folder.mkdir()
    for extra in ((), ("--summary",), ("--record",), ("--record", "--json")):
        done = companion("export", "--data", str(used), "--out", str(folder), *extra)
        assert done.returncode == 0, done.stderr
    names = sorted(path.name.rsplit("-", 3)[0] + path.suffix for path in folder.iterdir())
    assert names == [
        "companion-backup.json",
        "companion-record.json",
        "companion-record.md",
        "companion-record.pdf",
        "companion-summary.md",
    ]
