"""Fixtures shared by every test: a private data folder, a fixed clock, and the app."""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from companion.clock import FixedClock
from companion.store import seal, sealing

NOW = datetime(2026, 11, 25, 10, 0, tzinfo=UTC)
"""The moment every test starts at, unless it moves the clock."""
TODAY = date(2026, 11, 25)
"""The local day of NOW (tests run with TZ=UTC)."""


@pytest.fixture(autouse=True, scope="session")
def _utc() -> Iterator[None]:
    """Run every test in UTC, so local days are the same on every machine."""
    before = os.environ.get("TZ")
    os.environ["TZ"] = "UTC"
    time.tzset()
    yield
    if before is None:
        os.environ.pop("TZ", None)
    else:
        os.environ["TZ"] = before
    time.tzset()


@pytest.fixture(autouse=True)
def _private_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Keep the developer's own data folder, and their locale, out of every test."""
    monkeypatch.setenv("COMPANION_HOME", str(tmp_path / "default-home"))
    monkeypatch.setenv("LANG", "C.UTF-8")
    monkeypatch.delenv("LC_ALL", raising=False)
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg-data"))


@pytest.fixture(autouse=True)
def _no_keys_left() -> Iterator[None]:
    """No test leaves the keys of a sealed folder held for the next one."""
    yield
    seal.KEYRING.clear()


CHEAP_COST = seal.Cost(iterations=1, lanes=1, memory_kib=8)
"""An Argon2id cost low enough for tests (a real unlock raises it to the default)."""


@pytest.fixture
def cheap_seal(monkeypatch: pytest.MonkeyPatch) -> None:
    """Stretch passphrases cheaply in this test."""
    monkeypatch.setattr(seal, "DEFAULT_COST", CHEAP_COST)
    monkeypatch.setattr(sealing, "DEFAULT_COST", CHEAP_COST)


REPO = Path(__file__).resolve().parent.parent
"""The source tree, where ``python -m companion`` is run from in tests."""


def on_one_day(tmp_path: Path, check: Callable[[datetime, Path], None]) -> None:
    """Run ``check(now, folder)`` for a check whose command reads the real clock in another
    process. A check that began before midnight and failed after it is run once more, on
    the new day, with a fresh folder: the day changed under it, not the behaviour."""
    for attempt in range(2):
        now = datetime.now().astimezone()
        try:
            check(now, tmp_path / f"day-{attempt}")
        except AssertionError:
            if attempt or datetime.now().astimezone().date() == now.date():
                raise
        else:
            return


def run_companion(*args: str, home: Path | None = None) -> subprocess.CompletedProcess[str]:
    """Run the command line from the source tree as a person or a script would (no
    terminal: nothing is asked); ``home`` in place of the home folder."""
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    if home is not None:
        env["HOME"] = str(home)
    return subprocess.run(
        [sys.executable, "-m", "companion", *args],
        cwd=REPO,
        env=env,
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )


def every_file(root: Path) -> dict[str, str]:
    """Every file under ``root``, lock files included, with a hash of its bytes."""
    return {
        str(path.relative_to(root)): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(root.rglob("*"))
        if path.is_file()
    }


@pytest.fixture
def clock() -> FixedClock:
    """A clock standing at NOW."""
    return FixedClock(NOW)


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    """The data folder for this test (not created yet)."""
    return tmp_path / "data"


@pytest.fixture
def make_app(data_dir: Path, clock: FixedClock) -> Callable[..., object]:
    """Build the app on this test's data folder and clock, as the command line does."""
    from companion.app import build_app

    def factory() -> object:
        app = build_app(data_dir, clock)
        # Notices time out on the real clock; on a busy machine the seconds between two
        # keys of a test can outlast them, so here they stay until the test has read them.
        app.NOTIFICATION_TIMEOUT = 600
        return app

    return factory
