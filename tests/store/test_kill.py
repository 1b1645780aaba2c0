"""Killing the app at a random moment mid-save never corrupts or loses a finished save."""

from __future__ import annotations

import json
import os
import random
import select
import signal
import subprocess
import sys
from pathlib import Path

from companion.store.durable import DataFolder
from companion.store.repository import Repository

REPO = Path(__file__).resolve().parents[2]
CHILD = Path(__file__).with_name("killchild.py")
LEDGER_CHILD = Path(__file__).with_name("killchild_ledger.py")
ITERATIONS = 120
LEDGER_KILLS = 80
BACKUPS = 3
STEPS = ("written", "synced", "backup", "renamed", "folder")
"""The steps of replacing the data file a kill is aimed after (see killchild.py)."""
AIMED = 8
"""Kills aimed after each step."""
BIG = 200_000


def run_until_killed(
    root: Path, delay: float, child_args: tuple[str, ...] | None = None
) -> tuple[int, list[int]]:
    """Start the child, kill it ``delay`` seconds after it began saving; (start, acks)."""
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    args = child_args or (str(CHILD), str(root), str(BACKUPS))
    child = subprocess.Popen(
        [sys.executable, *args],
        env=env,
        cwd=REPO,
        bufsize=0,  # unbuffered: readline() must not swallow ACKs that communicate() reads
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    assert child.stdout is not None
    try:
        ready, _, _ = select.select([child.stdout], [], [], 30)
        assert ready, "the child did not start in time"
        first = child.stdout.readline().decode()
        try:  # a child aimed at a step kills itself first
            child.wait(timeout=delay)
        except subprocess.TimeoutExpired:
            child.send_signal(signal.SIGKILL)
        out, err = child.communicate(timeout=30)
    finally:
        if child.poll() is None:
            child.kill()
            child.communicate()
    assert child.returncode == -signal.SIGKILL, err.decode()
    assert first.startswith("START "), err.decode()
    acks = [int(line.split()[1]) for line in out.decode().splitlines() if line.startswith("ACK ")]
    return int(first.split()[1]), acks


def kept_states(root: Path) -> list[Path]:
    """The data file and every backup of it."""
    backups = root / "backups"
    found = [root / "data.json"] if (root / "data.json").exists() else []
    return found + (sorted(backups.glob("data-*.json")) if backups.is_dir() else [])


def assert_no_shared_inodes(root: Path) -> None:
    """No two kept states are one file on the disk (damage to one must not reach another)."""
    states = kept_states(root)
    inodes = [os.stat(path).st_ino for path in states]
    assert len(set(inodes)) == len(inodes), f"kept states share a file: {states}"


def test_sigkill_mid_save_keeps_every_acknowledged_save(tmp_path: Path) -> None:
    """After each kill the folder opens without recovery and holds the last ack (or one more)."""
    rng = random.Random(20261123)
    root = tmp_path / "data"
    expected = 0
    total_acks = 0
    temps_seen = 0
    for _ in range(ITERATIONS):
        start, acks = run_until_killed(root, rng.uniform(0.05, 0.4))
        assert start == expected
        assert acks == list(range(start + 1, start + 1 + len(acks)))
        last_ack = acks[-1] if acks else start
        total_acks += len(acks)
        temps_seen += sum(name.endswith(".tmp") for name in os.listdir(root))
        assert_no_shared_inodes(root)

        with DataFolder(root, backups=BACKUPS) as folder:
            assert folder.recovery is None
            tables = folder.read()
            assert [name for name in os.listdir(root) if name.endswith(".tmp")] == []
            backups = folder.backup_files()
        assert len(backups) <= BACKUPS
        for backup in backups:
            assert json.loads(backup.read_bytes())["app"] == "companion"

        record = tables.get("log", {}).get("1", {"seq": 0, "pad": ""})
        seq = record["seq"]
        assert seq in (last_ack, last_ack + 1)
        assert record["pad"] == ("x" * BIG if seq % 2 else "")
        expected = seq
    assert total_acks > ITERATIONS  # the kills really landed among saves
    print(f"{total_acks} saves acknowledged; {temps_seen} interrupted saves left a temp file")


def test_sigkill_mid_journal_save_or_fold_keeps_every_acknowledged_save(tmp_path: Path) -> None:
    """Killed while appending to the journal or folding it (in the app or in a fold left
    running), the folder opens without recovery and holds every acknowledged save."""
    rng = random.Random(20261202)
    root = tmp_path / "data"
    expected = 0
    total_acks = 0
    for _ in range(LEDGER_KILLS):
        start, acks = run_until_killed(root, rng.uniform(0.05, 0.5), (str(LEDGER_CHILD), str(root)))
        assert start == expected
        assert acks == list(range(start + 1, start + 1 + len(acks)))
        last_ack = acks[-1] if acks else start
        total_acks += len(acks)
        repo = Repository.open(root)
        try:
            assert repo.recovery is None
            assert repo.ledger.damaged_lines == 0
            step = repo.guided_step
            numbers = sorted(int(win.text.split()[1]) for win in repo.wins.all())
        finally:
            repo.close()
        assert step in (last_ack, last_ack + 1)
        missing = sorted(set(range(1, step + 1)) - set(numbers))
        extra = sorted(set(numbers) - set(range(1, step + 2)))
        assert (missing, extra, len(numbers) - len(set(numbers))) == ([], [], 0)
        expected = step
    assert total_acks > LEDGER_KILLS
    assert list((root / "history").glob("wins-2023.json")), "no fold ever finished"


def test_a_kill_after_each_step_of_a_save_loses_no_acknowledged_save(tmp_path: Path) -> None:
    """Killed right after each step of replacing the data file (temp written, flushed,
    backup made, renamed, folder flushed), at a different save each time: the folder
    opens without recovery, holds the last acknowledged save or the one being made, no
    two kept states share a file, and no temp file is left after opening."""
    rng = random.Random(20261203)
    kills = 0
    for step in STEPS:
        root = tmp_path / step
        expected = 0
        for _ in range(AIMED):
            save = rng.randint(1, 6)
            start, acks = run_until_killed(
                root, 30.0, (str(CHILD), str(root), str(BACKUPS), step, str(save))
            )
            kills += 1
            assert start == expected
            assert acks == list(range(start + 1, start + save)), (step, save, acks)
            assert_no_shared_inodes(root)
            with DataFolder(root, backups=BACKUPS) as folder:
                assert folder.recovery is None
                seq = folder.read().get("log", {}).get("1", {"seq": 0})["seq"]
                assert [n for n in os.listdir(root) if n.endswith(".tmp")] == []
                backups = root / "backups"
                left = os.listdir(backups) if backups.is_dir() else []
                assert [n for n in left if n.endswith(".tmp")] == []
            last_ack = acks[-1] if acks else start
            done = step in ("renamed", "folder")
            assert seq == (last_ack + 1 if done else last_ack), (step, seq, last_ack)
            expected = seq
    assert kills == len(STEPS) * AIMED
