"""A single-instance lock: one process at a time may use a data folder."""

from __future__ import annotations

import contextlib
import fcntl
import os
from pathlib import Path


class InstanceLock:
    """An exclusive ``flock`` on a sidecar file, held for the whole session."""

    def __init__(self, path: Path) -> None:
        """Prepare a lock on ``path``; nothing is opened until :meth:`acquire`."""
        self.path = Path(path)
        self._fd: int | None = None

    @property
    def held(self) -> bool:
        """Whether this object currently holds the lock."""
        return self._fd is not None

    def acquire(self) -> bool:
        """Take the lock without waiting; False if another holder has it.

        ``flock`` (not POSIX record locks) is used on purpose: a record lock is
        dropped when *any* descriptor of the file is closed in this process,
        while a flock belongs to this one open file and ends only when it is
        closed or the process dies. Errors other than "already locked" are
        raised as :class:`OSError`.
        """
        if self._fd is not None:
            return True
        flags = os.O_RDWR | os.O_CREAT | os.O_CLOEXEC | getattr(os, "O_NOFOLLOW", 0)
        fd = os.open(self.path, flags, 0o600)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            os.close(fd)
            return False
        except BaseException:
            os.close(fd)
            raise
        self._fd = fd
        return True

    def release(self) -> None:
        """Give the lock up; calling it again, or without holding it, does nothing."""
        fd, self._fd = self._fd, None
        if fd is None:
            return
        try:
            with contextlib.suppress(OSError):
                fcntl.flock(fd, fcntl.LOCK_UN)
        finally:
            os.close(fd)
