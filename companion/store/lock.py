"""A single-instance lock: one process at a time may use a data folder."""

from __future__ import annotations

import contextlib
import fcntl
import os
from pathlib import Path

from companion.store.problems import DISK_REFUSED

NO_FILE = -1
"""Held in place of the lock file's descriptor when a read-only folder has none."""


class InstanceLock:
    """An exclusive ``flock`` on a sidecar file and on its folder, held for the session.

    The sidecar file can be deleted or replaced under a running app (a new file at the
    same name is a new lock, which a second copy would get at once). The folder cannot
    be swapped under an open descriptor: its own lock keeps a second copy out whatever
    happens to the file, and :meth:`intact` tells whether the folder at the path is still
    the one locked.
    """

    def __init__(self, path: Path, *, folder: bool = True) -> None:
        """Prepare a lock on ``path`` (and on its folder, unless ``folder`` is False: a
        lock that only orders other work inside a folder already locked); nothing is
        opened until :meth:`acquire`."""
        self.path = Path(path)
        self._with_folder = folder
        self._fd: int | None = None
        self._folder_fd: int | None = None

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
        folder_fd = None
        if self._with_folder:
            folder_fd = _locked(self.path.parent, os.O_RDONLY | os.O_DIRECTORY | os.O_CLOEXEC)
            if folder_fd is None:
                return False
        try:
            flags = os.O_RDWR | os.O_CREAT | os.O_CLOEXEC | getattr(os, "O_NOFOLLOW", 0)
            try:
                fd = _locked(self.path, flags)
            except OSError as error:
                # A folder that cannot be written to: the file is locked as it is, to read,
                # or, when there is none to lock, the folder's own lock keeps others out.
                if folder_fd is None or error.errno not in DISK_REFUSED:
                    raise
                try:
                    fd = _locked(self.path, os.O_RDONLY | os.O_CLOEXEC)
                except FileNotFoundError:
                    fd = NO_FILE
        except BaseException:
            if folder_fd is not None:
                os.close(folder_fd)
            raise
        if fd is None:
            if folder_fd is not None:
                os.close(folder_fd)
            return False
        self._fd, self._folder_fd = fd, folder_fd
        return True

    def intact(self) -> bool:
        """Whether the folder at the lock's path is still the one this lock holds (it
        was not moved away or replaced while the app ran)."""
        if self._folder_fd is None:
            return False
        try:
            here = os.stat(self.path.parent)
        except OSError:
            return False
        held = os.fstat(self._folder_fd)
        return (here.st_dev, here.st_ino) == (held.st_dev, held.st_ino)

    def release(self) -> None:
        """Give the lock up; calling it again, or without holding it, does nothing."""
        fd, self._fd = self._fd, None
        folder_fd, self._folder_fd = self._folder_fd, None
        for held in (fd, folder_fd):
            if held is None or held == NO_FILE:
                continue
            try:
                with contextlib.suppress(OSError):
                    fcntl.flock(held, fcntl.LOCK_UN)
            finally:
                os.close(held)


def _locked(path: Path, flags: int) -> int | None:
    """Open ``path`` with ``flags`` and take an exclusive flock on it without waiting:
    the descriptor, or None when another holder has the lock."""
    fd = os.open(path, flags, 0o600)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        os.close(fd)
        return None
    except BaseException:
        os.close(fd)
        raise
    return fd
