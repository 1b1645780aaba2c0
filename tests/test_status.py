"""``companion status``: one neutral line for a prompt or a status bar, read without the
lock, never written, never importing the screens."""

from __future__ import annotations

import subprocess
import sys
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest

from companion.domain.history import Slip
from companion.domain.profile import Profile
from companion.store import sealing
from companion.store.repository import Repository

from .conftest import NOW, REPO, TODAY, every_file, on_one_day, run_companion


def status(*args: str) -> subprocess.CompletedProcess[str]:
    """Run ``companion status`` as a prompt script would."""
    return run_companion("status", *args)


def kept(
    root: Path, start_days_ago: int = 40, slip_days_ago: int | None = 12, today: date = TODAY
) -> Repository:
    """A folder with a start day and a slip (left open, as the app holds it), counted back
    from ``today``."""
    repo = Repository.open(root)
    repo.save_profile(Profile(alias="Sam", welcomed=True))
    repo.save_start(today - timedelta(days=start_days_ago), today)
    if slip_days_ago is not None:
        on = today - timedelta(days=slip_days_ago)
        repo.save_slip(Slip(on=on, kind="messaged", logged_at=NOW, note="a note"), today)
    return repo


def test_no_data_prints_nothing_with_its_own_status(tmp_path: Path) -> None:
    done = status("--data", str(tmp_path / "nothing-here"))
    assert (done.returncode, done.stdout, done.stderr) == (3, "", "")
    root = tmp_path / "no-start"
    repo = Repository.open(root)
    repo.save_profile(Profile(alias="", welcomed=True))
    repo.close()
    done = status("--data", str(root))
    assert (done.returncode, done.stdout) == (3, "")


def test_the_days_while_the_app_holds_the_folder_and_nothing_is_written(tmp_path: Path) -> None:
    """With the folder open (and locked) elsewhere: the bare number of days by default,
    nothing naming anyone, the fields on request, and not one byte changed."""

    def check(now: datetime, root: Path) -> None:
        repo = kept(root, today=now.date())
        try:
            before = every_file(root)
            done = status("--data", str(root))
            assert (done.returncode, done.stdout) == (0, "12\n"), done.stderr
            assert "Sam" not in done.stdout
            form = "Day {days} · longest {longest} · total {total} · {week} · {next} in {to_next}"
            done = status("--data", str(root), "--format", form)
            assert done.stdout == "Day 12 · longest 27 · total 39 · 0 · 2 weeks in 2\n"
            assert every_file(root) == before
        finally:
            repo.close()

    on_one_day(tmp_path, check)


def test_a_sealed_folder_prints_only_locked(tmp_path: Path, cheap_seal: None) -> None:
    root = tmp_path / "data"
    repo = kept(root)
    repo.ledger.reseal(lambda: sealing.turn_on(root, "four words of mine", None))
    repo.close()
    done = status("--data", str(root), "--format", "{days} {longest}")
    assert (done.returncode, done.stdout) == (0, "locked\n")


def test_it_never_imports_the_screens(tmp_path: Path) -> None:
    root = tmp_path / "data"
    kept(root).close()
    code = (
        "import sys; from companion.cli import main; code = main(['status', '--data', "
        f"{str(root)!r}]); assert not [m for m in sys.modules if m.split('.')[0] in "
        "('textual', 'rich', 'cryptography')], sorted(sys.modules); sys.exit(code)"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], cwd=REPO, capture_output=True, text=True, check=False
    )
    assert done.returncode == 0, done.stderr[-3000:]


@pytest.mark.parametrize("form", ["{name}", "{days:>5}", "{}"])
def test_an_unknown_field_is_refused_in_plain_words(tmp_path: Path, form: str) -> None:
    root = tmp_path / "data"
    kept(root).close()
    done = status("--data", str(root), "--format", form)
    assert done.returncode == 2 and done.stdout == ""
    assert "--format" in done.stderr


def test_damaged_data_says_so_on_standard_error(tmp_path: Path) -> None:
    root = tmp_path / "data"
    root.mkdir()
    (root / "data.json").write_text("{ not json")
    done = status("--data", str(root))
    assert done.returncode == 1 and done.stdout == ""
    assert "could not be read" in done.stderr
