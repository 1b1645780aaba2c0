"""Only one copy of the app can use a data folder at a time, and a crash never blocks it."""

from __future__ import annotations

import hashlib
import os
import select
import signal
import stat
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from companion.domain.profile import Profile
from companion.store.durable import DataFolder
from companion.store.lock import InstanceLock
from companion.store.problems import AlreadyOpenError, SaveError
from companion.store.repository import Repository

REPO = Path(__file__).resolve().parents[2]
ALREADY_OPEN = (
    "companion is already open in another window or terminal. "
    "Close that one first; nothing here was changed."
)


def files(root: Path) -> dict[str, str]:
    """Every file under ``root`` with a hash of its bytes."""
    return {
        str(path.relative_to(root)): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(root.rglob("*"))
        if path.is_file()
    }


def run_python(code: str, *, stdout: int | None = None) -> subprocess.Popen[bytes]:
    """Start a Python child that can import the project."""
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    return subprocess.Popen(
        [sys.executable, "-c", textwrap.dedent(code)],
        env=env,
        cwd=REPO,
        bufsize=0,
        stdout=stdout if stdout is not None else subprocess.PIPE,
        stderr=subprocess.PIPE,
    )


TRY_OPEN = """
    import sys
    from pathlib import Path
    from companion.store.durable import AlreadyOpenError, DataFolder
    try:
        DataFolder(Path({root!r})).open()
    except AlreadyOpenError as error:
        print(error)
        sys.exit(3)
    print("opened")
"""

HOLD_OPEN = """
    import sys, time
    from pathlib import Path
    from companion.store.durable import DataFolder
    folder = DataFolder(Path({root!r}))
    folder.open()
    folder.write({{"notes": {{"1": {{"text": "from the holder"}}}}}})
    print("READY", flush=True)
    time.sleep(120)
"""


def wait_for_line(process: subprocess.Popen[bytes], timeout: float = 30) -> bytes:
    """The child's next line of output, failing the test rather than hanging."""
    assert process.stdout is not None
    ready, _, _ = select.select([process.stdout], [], [], timeout)
    assert ready, "the child process did not answer in time"
    return process.stdout.readline()


def test_lock_is_exclusive_and_can_be_taken_again(tmp_path: Path) -> None:
    """A second holder is refused until the first lets go; releasing twice is harmless."""
    os.umask(0o022)
    first = InstanceLock(tmp_path / "data.lock")
    second = InstanceLock(tmp_path / "data.lock")
    assert first.acquire()
    assert first.acquire()  # already ours
    assert not second.acquire()
    assert stat.S_IMODE(os.stat(tmp_path / "data.lock").st_mode) == 0o600
    first.release()
    first.release()
    assert second.acquire()
    second.release()


def test_lock_survives_other_code_closing_the_lock_file(tmp_path: Path) -> None:
    """Opening and closing the lock file elsewhere in the process does not drop the lock."""
    holder = InstanceLock(tmp_path / "data.lock")
    assert holder.acquire()
    with open(tmp_path / "data.lock", "rb"):
        pass
    fd = os.open(tmp_path / "data.lock", os.O_RDONLY)
    os.close(fd)
    assert not InstanceLock(tmp_path / "data.lock").acquire()
    holder.release()


def test_second_folder_in_the_same_process_is_refused(tmp_path: Path) -> None:
    """A second open of the same folder is refused with a plain message and writes nothing."""
    first = DataFolder(tmp_path)
    first.open()
    first.write({"notes": {"1": {"text": "hello"}}})
    first.write({"notes": {"1": {"text": "hello again"}}})
    (tmp_path / ".data.inflight.tmp").write_bytes(b"not ours to remove")
    before = files(tmp_path)
    second = DataFolder(tmp_path)
    with pytest.raises(AlreadyOpenError) as caught:
        second.open()
    assert str(caught.value) == ALREADY_OPEN
    assert not second.is_open
    assert files(tmp_path) == before
    first.close()
    with second:
        assert second.read() == {"notes": {"1": {"text": "hello again"}}}


def test_second_process_is_refused_while_the_first_runs(tmp_path: Path) -> None:
    """Another process opening the same folder is refused and changes nothing."""
    with DataFolder(tmp_path) as folder:
        folder.write({"notes": {"1": {"text": "hello"}}})
        before = files(tmp_path)
        child = run_python(TRY_OPEN.format(root=str(tmp_path)))
        out, err = child.communicate(timeout=60)
        assert child.returncode == 3, err.decode()
        assert out.decode().strip() == ALREADY_OPEN
        assert files(tmp_path) == before
    child = run_python(TRY_OPEN.format(root=str(tmp_path)))
    out, err = child.communicate(timeout=60)
    assert child.returncode == 0, err.decode()
    assert out.decode().strip() == "opened"


def test_lock_of_a_killed_process_is_released(tmp_path: Path) -> None:
    """When the app is killed outright, the next start opens normally with the data intact."""
    holder = run_python(HOLD_OPEN.format(root=str(tmp_path)))
    try:
        assert wait_for_line(holder) == b"READY\n"
        with pytest.raises(AlreadyOpenError):
            DataFolder(tmp_path).open()
        holder.send_signal(signal.SIGKILL)
        holder.wait(timeout=30)
    finally:
        if holder.poll() is None:
            holder.kill()
            holder.wait()
        if holder.stdout is not None:
            holder.stdout.close()
        if holder.stderr is not None:
            holder.stderr.close()
    assert holder.returncode == -signal.SIGKILL
    with DataFolder(tmp_path) as folder:
        assert folder.read() == {"notes": {"1": {"text": "from the holder"}}}
        assert folder.recovery is None


def test_deleting_the_lock_file_does_not_let_a_second_copy_in(tmp_path: Path) -> None:
    """Someone deletes (or replaces) data.lock while the app runs: a second copy is still
    refused, because the folder itself is locked too."""
    root = tmp_path / "data"
    first = Repository.open(root)
    try:
        (root / "data.lock").unlink()
        with pytest.raises(AlreadyOpenError):
            Repository.open(root)
        (root / "data.lock").write_text("")
        with pytest.raises(AlreadyOpenError):
            Repository.open(root)
        first.save_profile(Profile(alias="still mine", welcomed=True))
    finally:
        first.close()
    again = Repository.open(root)
    assert again.profile.alias == "still mine"
    again.close()


def test_a_folder_swapped_under_the_app_gets_no_writes(tmp_path: Path) -> None:
    """The data folder is moved away and another put at its path while the app runs: the
    next save is refused in plain words and nothing is written into the new folder."""
    root = tmp_path / "data"
    repository = Repository.open(root)
    try:
        repository.save_profile(Profile(alias="before", welcomed=True))
        root.rename(tmp_path / "moved")
        root.mkdir()
        with pytest.raises(SaveError, match="moved or replaced"):
            repository.save_profile(Profile(alias="after", welcomed=True))
        assert list(root.iterdir()) == []
    finally:
        repository.close()
    moved = Repository.open(tmp_path / "moved")
    assert moved.profile.alias == "before"
    moved.close()
