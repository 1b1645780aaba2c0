"""Turning the passphrase on, changing it and turning it off: every file of the data
folder written again, one crash-safe replace at a time, in an order that always leaves
a folder the key file opens (see :mod:`companion.store.seal` for the format).

1. Everything saved is folded into the snapshot files first, so the journal is short.
2. The key file says what is under way (``sealing`` or ``unsealing``) and holds every
   data key a file may still be sealed with, under the passphrase that opens the folder
   from now on. This one replace is the moment the passphrase changes.
3. Each file is written again: sealed with the current key, or plain when unsealing.
4. The key file keeps only the current key (or, unsealing, is removed, copy first).

A kill anywhere leaves a folder that opens with the passphrase of the key file then on
the disk; opening it finishes steps 3 and 4 (:func:`finish`).
"""

from __future__ import annotations

import contextlib
import os
from pathlib import Path

from companion.store import glance
from companion.store import journal as journal_files
from companion.store.durable import _TEMP_SUFFIX, LOCK_NAME, replace_file
from companion.store.ledger import FOLD_LOCK_NAME
from companion.store.problems import Damaged
from companion.store.seal import (
    DEFAULT_COST,
    KEY_NAME,
    SEALED,
    SEALING,
    UNSEALING,
    KeyFile,
    Keys,
    hold,
    line_sealed_with,
    make_key_file,
    new_key,
    read_key_file,
    remove_key_file,
    sealed_with,
    write_key_file,
)

LEFT_PLAIN = frozenset({LOCK_NAME, FOLD_LOCK_NAME, KEY_NAME})
"""Files that hold nothing personal and stay as they are (the locks are empty)."""
REPORTS = "reports"
"""Crash reports hold no personal text (see ``ui/crash``): they stay readable."""


def _files(root: Path) -> list[Path]:
    """Every file under ``root`` that may hold personal text."""
    found = []
    for folder, dirs, names in os.walk(root):
        here = Path(folder)
        dirs[:] = [name for name in dirs if not (here == root and name == REPORTS)]
        for name in names:
            path = here / name
            if name in LEFT_PLAIN or path.is_symlink():
                continue
            found.append(path)
    return sorted(found)


def _journal_again(path: Path, keys: Keys) -> bytes | None:
    """A journal segment's lines encoded again with ``keys`` (None when every line is
    already as wanted). A line that cannot be read (torn, or damaged) is left out: it
    never was readable."""
    raw = path.read_bytes()
    lines = raw.splitlines(keepends=True)
    if all(_line_key(line) == keys.current for line in lines):
        return None
    again = []
    for line in lines:
        ops = journal_files.decode_line(line, keys)
        if ops is not None:
            again.append(journal_files.encode_line(ops, keys))
    return b"".join(again)


def _line_key(line: bytes) -> str | None:
    """The id of the key a journal line is sealed with (None for a plain line)."""
    return line_sealed_with(line.rstrip(b"\n")[9:])


def write_again(root: Path, keys: Keys) -> int:
    """Write every file under ``root`` again as ``keys`` say (sealed with the current
    key, or plain when there is none); how many were written. A file sealed with a key
    the folder no longer holds (damaged) is left as it is. Stale temp files, which may
    hold what was being written, are removed."""
    written = 0
    for path in _files(root):
        if path.name.startswith(".") and path.name.endswith(_TEMP_SUFFIX):
            with contextlib.suppress(OSError):
                path.unlink()
            continue
        try:
            raw = path.read_bytes()
        except OSError:
            continue
        if path.parent.name == journal_files.JOURNAL_DIR_NAME and path.suffix == ".jsonl":
            again = _journal_again(path, keys)
        else:
            if sealed_with(raw) == keys.current and keys.current is not None:
                continue
            try:
                plain = keys.open(raw)
            except Damaged:
                continue
            again = keys.seal(plain)
            if again == raw:
                continue
        if again is None:
            continue
        replace_file(path, again, prefix=".data.")
        written += 1
    return written


def finish(root: Path, keys: Keys, found: KeyFile) -> int:
    """Finish what the key file says is under way (steps 3 and 4); files written."""
    glance.keep(root, None)  # the status line's glance is plain: a sealed folder has none
    if found.state == SEALED:
        return 0
    written = write_again(root, keys)
    if found.state == UNSEALING:
        remove_key_file(root)
        return written
    kept = found.keeping_current()
    write_key_file(root, kept)
    hold(root, Keys({key_id: keys.keys[key_id] for key_id in kept.wrapped}, kept.current))
    return written


def turn_on(root: Path, passphrase: str, old: Keys | None) -> int:
    """Seal every file with a new data key under ``passphrase`` (``old``: the keys the
    folder is sealed with now, when changing); files written. The caller holds the
    folder's lock and has folded the journal."""
    key_id, key = new_key()
    every = {**(old.keys if old is not None else {}), key_id: key}
    found = make_key_file(passphrase, every, key_id, SEALING, DEFAULT_COST)
    write_key_file(root, found)
    keys = Keys(every, key_id)
    hold(root, keys)
    return finish(root, keys, found)


def turn_off(root: Path, keys: Keys) -> int:
    """Write every file back as plain JSON and remove the key file; files written."""
    found = read_key_file(root)
    under_way = KeyFile(found.cost, found.salt, found.wrapped, None, UNSEALING)
    write_key_file(root, under_way)
    plain = Keys(keys.keys, None)
    hold(root, plain)
    return finish(root, plain, under_way)
