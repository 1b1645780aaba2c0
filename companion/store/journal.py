"""The journal: every save is one small line appended to a file and flushed to the disk.

A save costs what the change costs: the line holds only the records that changed, so
saving a reason after twenty years takes as long as on the first day. The journal is
kept in numbered segments inside ``journal/``. The app appends to the newest one;
folding (see :mod:`companion.store.fold`) turns older segments into the snapshot files
and deletes them later, so the journal stays small.

Each line is ``<crc32 hex> <json>\\n``. A line is acknowledged once it and its newline
are on the disk. A kill in the middle of an append leaves a torn last line: it was never
acknowledged, so it is skipped when reading and cut off before the next append.
"""

from __future__ import annotations

import contextlib
import errno
import json
import os
import re
import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from companion.store import names
from companion.store.durable import sync_folder
from companion.store.problems import Damaged
from companion.store.seal import LINE_MARK, Keys, keys_for

JOURNAL_DIR_NAME = names.JOURNAL
"""The folder inside the data folder that holds the journal's segments."""

_SEGMENT = re.compile(r"(\d{6,})\.jsonl")

Op = list[Any]
"""One change: ``["put", table, doc_id, doc, old]`` or ``["del", table, doc_id, old]``.

``old`` is the record as it was before, for tables that keep running totals (else None).
"""


def segment_name(number: int) -> str:
    """The file name of segment ``number``."""
    return f"{number:06d}.jsonl"


def encode_line(ops: list[Op], keys: Keys | None = None) -> bytes:
    """One journal line for ``ops``, with its checksum and newline (its body sealed
    with ``keys``, when given)."""
    body = json.dumps(ops, ensure_ascii=False, separators=(",", ":"), allow_nan=False)
    data = body.encode("utf-8")
    if keys is not None:
        data = keys.seal_line(data)
    return b"%08x " % zlib.crc32(data) + data + b"\n"


def decode_line(line: bytes, keys: Keys | None = None) -> list[Op] | None:
    """The ops of one line, or None when it is torn or damaged (or sealed, and ``keys``
    do not open it)."""
    if not line.endswith(b"\n") or len(line) < 10 or line[8:9] != b" ":
        return None
    body = line[9:-1]
    try:
        if int(line[:8], 16) != zlib.crc32(body):
            return None
        if body.startswith(LINE_MARK):
            if keys is None:
                return None
            body = keys.open_line(body)
        ops = json.loads(body.decode("utf-8"))
    except (ValueError, Damaged):
        return None
    if not isinstance(ops, list) or not all(_is_op(op) for op in ops):
        return None
    return ops


def _is_op(op: object) -> bool:
    """Whether ``op`` has the shape of a put or a delete."""
    if not isinstance(op, list) or len(op) < 3:
        return False
    kind, table, doc_id = op[0], op[1], op[2]
    if not isinstance(table, str) or not isinstance(doc_id, str):
        return False
    if kind == "put":
        return (
            len(op) == 5 and isinstance(op[3], dict) and (op[4] is None or isinstance(op[4], dict))
        )
    if kind == "del":
        return len(op) == 4 and (op[3] is None or isinstance(op[3], dict))
    return False


@dataclass(frozen=True)
class Segment:
    """One journal file and its number."""

    number: int
    path: Path


@dataclass(frozen=True)
class Replayed:
    """What reading the journal found."""

    ops: list[Op]
    """Every readable change, in the order it was saved."""
    damaged: int
    """Lines in the middle of a segment that could not be read (a torn last line is not
    counted: it was never acknowledged)."""


def segments(root: Path) -> list[Segment]:
    """The journal's segments under data folder ``root``, oldest first."""
    folder = root / JOURNAL_DIR_NAME
    try:
        names = os.listdir(folder)
    except FileNotFoundError:
        return []
    found = []
    for name in names:
        match = _SEGMENT.fullmatch(name)
        if match is not None:
            found.append(Segment(int(match.group(1)), folder / name))
    found.sort(key=lambda segment: segment.number)
    return found


def read_lines(path: Path) -> Iterator[tuple[list[Op] | None, int]]:
    """Each line of a segment with the byte offset where it ends (None when unreadable)."""
    keys = keys_for(path)
    with open(path, "rb") as file:
        offset = 0
        for line in file:
            offset += len(line)
            yield decode_line(line, keys), offset


def replay(root: Path, first: int, before: int | None = None) -> Replayed:
    """Every change in segments numbered ``first`` and up (below ``before`` if given)."""
    ops: list[Op] = []
    damaged = 0
    for segment in segments(root):
        if segment.number < first or (before is not None and segment.number >= before):
            continue
        unreadable = 0
        try:
            for decoded, _ in read_lines(segment.path):
                if decoded is None:
                    unreadable += 1
                    continue
                damaged += unreadable
                unreadable = 0
                ops.extend(decoded)
        except FileNotFoundError:
            continue
    return Replayed(ops, damaged)


class Journal:
    """The app's open end of the journal: appends one flushed line per save."""

    def __init__(self, root: Path) -> None:
        """Describe the journal of data folder ``root``; nothing is opened yet."""
        self.root = root
        self.folder = root / JOURNAL_DIR_NAME
        self._fd = -1
        self._number = 0
        self._size = 0

    @property
    def is_open(self) -> bool:
        """Whether a segment is open for appending."""
        return self._fd >= 0

    @property
    def size(self) -> int:
        """Bytes in the segment being appended to."""
        return self._size

    def open(self, at_least: int) -> None:
        """Append to the newest segment (numbered ``at_least`` or more), cutting off a torn
        last line first; create the segment if there is none."""
        found = [s for s in segments(self.root) if s.number >= at_least]
        if not found:
            self._create(at_least)
            return
        newest = found[-1]
        good = 0
        for decoded, end in read_lines(newest.path):
            if decoded is not None:
                good = end
        fd = os.open(newest.path, os.O_WRONLY | os.O_APPEND)
        try:
            if os.fstat(fd).st_size != good:
                os.ftruncate(fd, good)
                os.fsync(fd)
        except BaseException:
            os.close(fd)
            raise
        self._fd, self._number, self._size = fd, newest.number, good

    def _create(self, number: int) -> None:
        """Start segment ``number`` and make sure the folder remembers it."""
        if not self.folder.is_dir():
            os.makedirs(self.folder, mode=0o700, exist_ok=True)
            os.chmod(self.folder, 0o700)
            sync_folder(self.root)
        path = self.folder / segment_name(number)
        fd = os.open(path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o600)
        try:
            sync_folder(self.folder)
        except BaseException:
            os.close(fd)
            raise
        self.close()
        self._fd, self._number, self._size = fd, number, os.fstat(fd).st_size

    def rotate(self) -> int:
        """Start the next segment; return its number (older segments can now be folded)."""
        self._create(self._number + 1)
        return self._number

    def append(self, ops: list[Op]) -> None:
        """Write one line for ``ops`` and flush it to the disk; on failure the segment is
        cut back to where it was and the error is raised."""
        if self._fd < 0:
            raise OSError(errno.EBADF, "the journal is not open")
        line = encode_line(ops, keys_for(self.root))
        before = self._size
        try:
            view = memoryview(line)
            while view:
                written = os.write(self._fd, view)
                if written <= 0:
                    raise OSError(errno.EIO, "the system accepted no data")
                view = view[written:]
            os.fdatasync(self._fd)
        except BaseException:
            with contextlib.suppress(OSError):
                os.ftruncate(self._fd, before)
            raise
        self._size = before + len(line)

    def close(self) -> None:
        """Close the open segment; every appended line is already on the disk."""
        if self._fd >= 0:
            with contextlib.suppress(OSError):
                os.close(self._fd)
        self._fd = -1
