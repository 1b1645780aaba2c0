"""Sealing: every file of a data folder kept unreadable without the person's passphrase.

A sealed folder holds one small key file, ``data.key`` (and its copy in ``backups/``).
It is plain JSON with nothing personal in it: the Argon2id cost and random salt, and the
folder's data keys, each wrapped (AES-256-GCM) under the key the passphrase derives.
Every other file keeps its neutral name and becomes opaque::

    MAGIC | key id (8 bytes) | nonce (12 bytes) | AES-256-GCM ciphertext

with ``MAGIC`` and the key id as associated data, a fresh random nonce for every file
written. A journal line holds the same, in base64, after a ``~``.

Why a key file, and not the salt in every file: the passphrase is stretched once per
unlock whatever the number of files; raising the cost rewrites one small file; and a
change of passphrase is one atomic replace of the key file (the new one wraps the old
data key and the new), after which the files are sealed again one by one. Whenever it
is interrupted, the folder opens with the passphrase the key file holds, old or new,
and the work is finished at the next open (``state`` says what was under way).

The data keys of an unlocked folder are held in :data:`KEYRING` (memory only) while the
app has it open; the store's readers and writers take them from there by path.
"""

from __future__ import annotations

import contextlib
import json
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from companion.store import names
from companion.store.problems import Damaged, StoreError

if TYPE_CHECKING:
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM


def _aead() -> Any:
    """AES-GCM, imported only when a sealed folder is used (it costs a plain start
    some 30 ms)."""
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    return AESGCM


def _invalid() -> type[Exception]:
    """What a failed authentication raises."""
    from cryptography.exceptions import InvalidTag

    return InvalidTag


MAGIC = b"companion sealed 1\n"
"""How every sealed file begins (the version of the format is its last digit)."""
LINE_MARK = b"~"
"""How a sealed journal line's body begins (a plain one begins with ``[``)."""
BACKUP_DIR_NAME = names.BACKUPS
"""The data folder's backups folder (as ``durable`` names it; kept here so the store's
lowest layer can read sealed files without importing it)."""
KEY_NAME = names.KEY
"""The key file, in the data folder and (a copy) in its backups folder."""
KEY_ID_BYTES = 8
NONCE_BYTES = 12

SEALED = "sealed"
"""The key file's state when every file is sealed with its current key."""
SEALING = "sealing"
"""Files are being sealed (again) with the current key: a plain file, or one sealed with
another key the file still holds, is sealed again at the next open."""
UNSEALING = "unsealing"
"""Files are being written back as plain JSON; the key file goes last."""


@dataclass(frozen=True)
class Cost:
    """Argon2id's cost: passes over memory, lanes, and memory in KiB."""

    iterations: int = 3
    lanes: int = 4
    memory_kib: int = 64 * 1024

    def below(self, other: Cost) -> bool:
        """Whether any part of this cost is lower than ``other``'s."""
        return (
            self.iterations < other.iterations
            or self.lanes < other.lanes
            or self.memory_kib < other.memory_kib
        )


DEFAULT_COST = Cost()
"""RFC 9106's second recommended choice: 3 passes over 64 MiB, 4 lanes (about 0.15 s)."""


class WrongPassphrase(StoreError):
    """The passphrase does not open the key file; nothing was changed."""

    def __init__(self) -> None:
        """The calm standard wording."""
        super().__init__("That passphrase does not open your data. Nothing was changed; try again.")


class Locked(StoreError):
    """The folder is sealed and its keys are not held: the passphrase is needed first."""

    def __init__(self) -> None:
        """The standard wording."""
        super().__init__("Your data is sealed with a passphrase: unlock it first.")


class KeyFileDamaged(StoreError):
    """Neither copy of the key file can be read; nothing was changed."""


@dataclass
class Keys:
    """The data keys of an unlocked folder, by id, and the one new files are sealed with
    (None while the folder is being written back as plain files)."""

    keys: dict[str, bytes]
    current: str | None
    _ciphers: dict[str, AESGCM] = field(default_factory=dict, repr=False)

    def _cipher(self, key_id: str) -> AESGCM:
        """The cipher of one data key; Damaged when the folder holds no such key."""
        if key_id not in self.keys:
            raise Damaged("sealed with a key this folder does not hold")
        if key_id not in self._ciphers:
            self._ciphers[key_id] = _aead()(self.keys[key_id])
        return self._ciphers[key_id]

    def seal(self, plain: bytes) -> bytes:
        """``plain`` sealed with the current key (returned as it is when there is none)."""
        if self.current is None:
            return plain
        head = MAGIC + self.current.encode("ascii")
        nonce = os.urandom(NONCE_BYTES)
        return head + nonce + self._cipher(self.current).encrypt(nonce, plain, head)

    def open(self, data: bytes) -> bytes:
        """The plain bytes of a sealed file (a plain one is returned as it is); Damaged
        when it does not open with any key held."""
        key_id = sealed_with(data)
        if key_id is None:
            return data
        head = data[: len(MAGIC) + KEY_ID_BYTES]
        nonce = data[len(head) : len(head) + NONCE_BYTES]
        try:
            return self._cipher(key_id).decrypt(nonce, data[len(head) + NONCE_BYTES :], head)
        except (_invalid(), ValueError) as error:
            raise Damaged("a sealed file that does not open") from error

    def seal_line(self, plain: bytes) -> bytes:
        """A journal line's body for ``plain``, sealed (plain when no key is current)."""
        import base64

        if self.current is None:
            return plain
        return LINE_MARK + base64.b64encode(self.seal(plain)[len(MAGIC) :])

    def open_line(self, body: bytes) -> bytes:
        """The plain body of a journal line; Damaged when a sealed one does not open."""
        if not body.startswith(LINE_MARK):
            return body
        sealed = _line_as_file(body)
        if sealed is None:
            raise Damaged("a sealed line that does not decode")
        return self.open(sealed)

    def dump(self) -> str:
        """The keys as text, for a fold run in a process of its own (sent on a pipe)."""
        return json.dumps(
            {
                "keys": {key_id: _b64(key) for key_id, key in self.keys.items()},
                "current": self.current,
            }
        )

    @classmethod
    def load(cls, text: str) -> Keys:
        """Keys written by :meth:`dump`."""
        document = json.loads(text)
        keys = {key_id: _unb64(key) for key_id, key in document["keys"].items()}
        return cls(keys, document["current"])


def sealed_with(data: bytes) -> str | None:
    """The id of the key a file's bytes are sealed with (None for a plain file)."""
    if not data.startswith(MAGIC):
        return None
    return data[len(MAGIC) : len(MAGIC) + KEY_ID_BYTES].decode("ascii", "replace")


def _line_as_file(body: bytes) -> bytes | None:
    """A sealed journal line's body as the bytes of a sealed file (None when its base64
    does not decode)."""
    import base64

    try:
        return MAGIC + base64.b64decode(body[len(LINE_MARK) :], validate=True)
    except ValueError:
        return None


def line_sealed_with(body: bytes) -> str | None:
    """The id of the key a journal line's body is sealed with (None for a plain line)."""
    if not body.startswith(LINE_MARK):
        return None
    sealed = _line_as_file(body)
    return None if sealed is None else sealed_with(sealed)


KEYRING: dict[str, Keys] = {}
"""The keys of each data folder unlocked in this process, by its absolute path."""


def _root_key(root: Path) -> str:
    return os.path.abspath(root)


def hold(root: Path, keys: Keys) -> None:
    """Use ``keys`` for every file of the data folder ``root`` from now on."""
    KEYRING[_root_key(root)] = keys


def drop(root: Path) -> None:
    """Forget the keys of ``root`` (on lock, and when the app closes)."""
    KEYRING.pop(_root_key(root), None)


def sealed_now(root: Path) -> bool:
    """Whether the folder ``root`` is unlocked here and sealed (its keys held, one of
    them current: so it can be locked)."""
    keys = keys_for(root)
    return keys is not None and keys.current is not None


def keys_for(path: Path) -> Keys | None:
    """The keys held for the data folder that ``path`` is in, if any."""
    if not KEYRING:
        return None
    here = os.path.abspath(path)
    for root, keys in KEYRING.items():
        if here == root or here.startswith(root + os.sep):
            return keys
    return None


def opened(data: bytes, path: Path) -> bytes:
    """The plain bytes of a file read from ``path``: opened with its folder's keys when
    sealed; Damaged when sealed and no key held opens it (a folder still locked)."""
    if not data.startswith(MAGIC):
        return data
    keys = keys_for(path)
    if keys is None:
        raise Damaged("sealed, and the folder is locked")
    return keys.open(data)


def sealed(data: bytes, path: Path) -> bytes:
    """The bytes to write at ``path``: sealed when its folder is sealed."""
    keys = keys_for(path)
    return data if keys is None else keys.seal(data)


# The key file --------------------------------------------------------------------


def _b64(data: bytes) -> str:
    import base64

    return base64.b64encode(data).decode("ascii")


def _unb64(text: object) -> bytes:
    import base64

    if not isinstance(text, str):
        raise ValueError("not base64 text")
    return base64.b64decode(text, validate=True)


key_paths = names.key_paths
is_sealed = names.is_sealed


@dataclass(frozen=True)
class KeyFile:
    """What a key file says."""

    cost: Cost
    salt: bytes
    wrapped: dict[str, bytes]
    current: str | None
    state: str

    @classmethod
    def parse(cls, raw: bytes) -> KeyFile:
        """Read a key file's bytes; ValueError when they are not one."""
        document = json.loads(raw.decode("utf-8"))
        if not isinstance(document, dict) or document.get("app") != "companion":
            raise ValueError("not a key file")
        if document.get("format") != 1:
            raise ValueError("a key file of another format")
        kdf = document["kdf"]
        if kdf.get("name") != "argon2id":
            raise ValueError("an unknown way to derive the key")
        cost = Cost(int(kdf["iterations"]), int(kdf["lanes"]), int(kdf["memory_kib"]))
        wrapped = {str(key_id): _unb64(value) for key_id, value in document["keys"].items()}
        current = document.get("current")
        state = document.get("state")
        if state not in (SEALED, SEALING, UNSEALING) or (
            current is not None and current not in wrapped
        ):
            raise ValueError("a key file that does not hold together")
        return cls(cost, _unb64(kdf["salt"]), wrapped, current, state)

    def keeping_current(self) -> KeyFile:
        """This key file with only its current key: the last step of a change, and what
        a sealed backup carries."""
        if self.current is None:
            raise ValueError("a key file with no current key")
        only = {self.current: self.wrapped[self.current]}
        return KeyFile(self.cost, self.salt, only, self.current, SEALED)

    def encode(self) -> bytes:
        """The key file's bytes."""
        document = {
            "app": "companion",
            "format": 1,
            "kdf": {"name": "argon2id", **_cost_fields(self.cost), "salt": _b64(self.salt)},
            "keys": {key_id: _b64(value) for key_id, value in sorted(self.wrapped.items())},
            "current": self.current,
            "state": self.state,
        }
        return (json.dumps(document, indent=1, sort_keys=True) + "\n").encode("utf-8")


def _cost_fields(cost: Cost) -> dict[str, int]:
    return {"iterations": cost.iterations, "lanes": cost.lanes, "memory_kib": cost.memory_kib}


def _wrap_context(cost: Cost, salt: bytes, key_id: str) -> bytes:
    """What each wrapped key is bound to: the cost and salt (so neither can be lowered
    or swapped unnoticed) and its own id."""
    fields = json.dumps({**_cost_fields(cost), "salt": _b64(salt)}, sort_keys=True)
    return b"companion key\n" + fields.encode("ascii") + b"\n" + key_id.encode("ascii")


def stretch(passphrase: str, salt: bytes, cost: Cost) -> bytes:
    """The key a passphrase gives with this salt and cost (the slow step, once per unlock)."""
    import unicodedata

    from cryptography.hazmat.primitives.kdf.argon2 import Argon2id

    text = unicodedata.normalize("NFC", passphrase).encode("utf-8")
    return Argon2id(
        salt=salt,
        length=32,
        iterations=cost.iterations,
        lanes=cost.lanes,
        memory_cost=cost.memory_kib,
    ).derive(text)


def read_key_file(root: Path) -> KeyFile:
    """The folder's key file; its copy when the file itself is missing or damaged.
    KeyFileDamaged when neither can be read."""
    for path in key_paths(root):
        try:
            return KeyFile.parse(path.read_bytes())
        except (OSError, ValueError, KeyError, TypeError):
            continue
    raise KeyFileDamaged(
        f"The file that holds the key to your sealed data, {root / KEY_NAME}, could not be "
        "read, and neither could its copy. Nothing was changed."
    )


def unlock(root: Path, passphrase: str) -> tuple[Keys, KeyFile]:
    """The folder's keys for ``passphrase``; WrongPassphrase when it does not open them.
    Nothing on the disk is touched."""
    found = read_key_file(root)
    return open_key_file(found, passphrase), found


def open_key_file(found: KeyFile, passphrase: str) -> Keys:
    """The keys ``found`` wraps, for ``passphrase``; WrongPassphrase when it does not
    open them."""
    kek = _aead()(stretch(passphrase, found.salt, found.cost))
    keys = {}
    for key_id, wrapped in found.wrapped.items():
        try:
            keys[key_id] = kek.decrypt(
                wrapped[:NONCE_BYTES],
                wrapped[NONCE_BYTES:],
                _wrap_context(found.cost, found.salt, key_id),
            )
        except (_invalid(), ValueError) as error:
            raise WrongPassphrase() from error
    return Keys(keys, found.current)


def unlock_folder(root: Path, passphrase: str) -> Keys:
    """Unlock ``root`` for this process: its keys held from now on. A key file whose cost
    is below today's default is written again at the default, with a fresh salt (only
    after the passphrase has opened it)."""
    keys, found = unlock(root, passphrase)
    if found.cost.below(DEFAULT_COST):
        raised = make_key_file(passphrase, keys.keys, found.current, found.state, DEFAULT_COST)
        with contextlib.suppress(OSError):  # a read-only folder keeps its older cost
            write_key_file(root, raised)
    hold(root, keys)
    return keys


def make_key_file(
    passphrase: str, keys: dict[str, bytes], current: str | None, state: str, cost: Cost
) -> KeyFile:
    """A key file wrapping ``keys`` under ``passphrase``, with a fresh salt."""
    import secrets

    salt = secrets.token_bytes(16)
    kek = _aead()(stretch(passphrase, salt, cost))
    wrapped = {}
    for key_id, key in keys.items():
        nonce = os.urandom(NONCE_BYTES)
        wrapped[key_id] = nonce + kek.encrypt(nonce, key, _wrap_context(cost, salt, key_id))
    return KeyFile(cost, salt, wrapped, current, state)


def write_key_file(root: Path, found: KeyFile) -> None:
    """Replace the key file, then its copy, crash-safely (the file itself decides: a
    copy is read only when the file cannot be)."""
    from companion.store.durable import replace_file

    data = found.encode()
    main, copy = key_paths(root)
    replace_file(main, data, prefix=".data.")
    with contextlib.suppress(OSError):
        copy.parent.mkdir(mode=0o700, exist_ok=True)
        replace_file(copy, data, prefix=".data.")


def remove_key_file(root: Path) -> None:
    """Remove the copy, then the key file itself (the folder is plain from then on)."""
    main, copy = key_paths(root)
    for path in (copy, main):
        with contextlib.suppress(FileNotFoundError):
            path.unlink()


def new_key() -> tuple[str, bytes]:
    """A fresh random data key and its id."""
    import secrets

    return secrets.token_hex(KEY_ID_BYTES // 2), secrets.token_bytes(32)
