"""The glance the app keeps for ``companion status``: the same fields as reading the data,
on the day it was kept and on any day after; trusted only while the data's files are
exactly as they were; never in a sealed folder; and the quick status line needs neither
the store nor the domain."""

from __future__ import annotations

import subprocess
import sys
from datetime import datetime, timedelta
from pathlib import Path

from companion import status
from companion.domain.history import Slip
from companion.domain.urge import UrgeSession
from companion.store import glance, names, sealing
from companion.store.repository import Repository

from .conftest import NOW, REPO, on_one_day, run_companion


def folder(root: Path, now: datetime) -> Repository:
    """Five years since the start, three slips (one a brief exception), and urge
    sessions ridden out, some this week."""
    today = now.date()
    repo = Repository.open(root)
    repo.save_start(today - timedelta(days=5 * 365), today)
    for days_ago, new in ((900, True), (400, False), (30, True)):
        slip = Slip(
            on=today - timedelta(days=days_ago), kind="messaged", logged_at=NOW, new_stretch=new
        )
        repo.save_slip(slip, today)
    for hours_ago in (2, 30, 100, 200, 400):
        began = now - timedelta(hours=hours_ago)
        session = UrgeSession.start(7, began).rated(3, began + timedelta(minutes=9))
        repo.save_urge(session.ended("not_contacted", began + timedelta(minutes=10)))
    return repo


def test_the_glance_gives_what_reading_the_data_gives_on_any_later_day(tmp_path: Path) -> None:
    root = tmp_path / "data"
    repo = folder(root, NOW)
    repo.keep_glance(NOW)
    repo.close()
    repo.keep_glance(NOW)  # as the app does once it has let go of the folder
    for later in (0, 1, 3, 6, 8, 29, 60, 365, 800, 3000):
        moment = NOW + timedelta(days=later, hours=1)
        quick = glance.fields(root, moment)
        assert quick is not None, later
        assert quick == status.figures(root, moment), later
    assert glance.fields(root, NOW - timedelta(days=2)) is None  # the clock went back
    text = (root / names.GLANCE).read_text(encoding="utf-8")
    assert "messaged" not in text and "not_contacted" not in text  # dates and counts only


def test_a_change_after_the_glance_sends_status_to_the_data(tmp_path: Path) -> None:
    def check(now: datetime, root: Path) -> None:
        repo = folder(root, now)
        repo.keep_glance(now)
        assert glance.fields(root, now) is not None
        today = now.date()
        repo.save_slip(Slip(on=today, kind="messaged", logged_at=NOW), today)
        assert glance.fields(root, now) is None  # the journal grew since
        done = run_companion("status", "--data", str(root))
        assert (done.returncode, done.stdout) == (0, "0\n"), done.stderr  # read from the data
        repo.close()
        (root / names.GLANCE).write_text("{not json", encoding="utf-8")
        assert glance.fields(root, now) is None
        done = run_companion("status", "--data", str(root))
        assert (done.returncode, done.stdout) == (0, "0\n"), done.stderr

    on_one_day(tmp_path, check)


def test_the_quick_line_imports_neither_the_store_nor_the_domain(tmp_path: Path) -> None:
    def check(now: datetime, root: Path) -> None:
        repo = folder(root, now)
        repo.close()
        repo.keep_glance(now)
        code = (
            "import sys; from companion.start import main; code = main(['status', '--data', "
            f"{str(root)!r}, '--format', '{{days}} {{week}} {{next}}']); "
            "print(sorted(m for m in sys.modules if m.startswith(('companion.domain', "
            "'companion.store.repository', 'argparse', 'textual')))); sys.exit(code)"
        )
        done = subprocess.run(
            [sys.executable, "-c", code], capture_output=True, text=True, cwd=REPO
        )
        assert done.returncode == 0, done.stderr
        line, imported = done.stdout.splitlines()
        assert line == "30 3 60 days"  # sessions 2, 30 and 100 hours ago
        assert imported == "[]"

    on_one_day(tmp_path, check)


def test_a_sealed_folder_keeps_no_glance(tmp_path: Path, cheap_seal: None) -> None:
    root = tmp_path / "data"
    repo = folder(root, NOW)
    repo.keep_glance(NOW)
    assert (root / names.GLANCE).exists()
    repo.ledger.reseal(lambda: sealing.turn_on(root, "a long passphrase", None))
    assert not (root / names.GLANCE).exists()
    repo.keep_glance(NOW)  # as the app does after each change: still none
    repo.close()
    assert not (root / names.GLANCE).exists()
    done = run_companion("status", "--data", str(root))
    assert (done.returncode, done.stdout) == (0, "locked\n")
