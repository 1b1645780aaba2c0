"""What can go wrong with the data folder, in words a person can act on, and what was
restored after damage."""

from __future__ import annotations

import errno
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from companion.domain.dates import format_moment

_NOTHING_LOST = "Nothing already saved was lost."


_ALREADY_OPEN = (
    "companion is already open in another window or terminal. "
    "Close that one first; nothing here was changed."
)


class Damaged(Exception):
    """The bytes are not a usable data file (never shown: loading says what it did)."""


class StoreError(Exception):
    """Something went wrong with the stored data; ``str()`` is a calm, plain message."""


class AlreadyOpenError(StoreError):
    """Another process is using the same data folder."""

    def __init__(self, message: str = _ALREADY_OPEN) -> None:
        """Use the standard wording unless told otherwise."""
        super().__init__(message)


class NewerVersionError(StoreError):
    """The data was saved by a newer version of the app; nothing was touched."""


class UnreadableError(StoreError):
    """The data cannot be loaded and no good backup exists; nothing was touched."""


class SaveError(StoreError):
    """A save did not happen; what was saved before is still there."""


@dataclass(frozen=True)
class Recovery:
    """What happened when the file could not be read and a backup was used."""

    damaged_path: Path | None
    """Where the unreadable file was moved (never deleted); None if the file was missing."""
    restored_from: Path
    """The backup that was loaded."""
    restored_saved_at: datetime | None
    """When that backup was saved, from its own content, if known."""
    later: str = ""
    """What became of the changes saved after the backup: "all" put back from the
    journal, "some" (part of the journal was gone), or "" (none were saved)."""
    unwritten: bool = False
    """The disk would not take the restored copy: it is used from memory for now."""

    def message(self) -> str:
        """Explain in plain words what was found and what was restored."""
        if self.damaged_path is None:
            first = "Your data file was missing."
        else:
            first = (
                "Your data file could not be read, so it was set aside unchanged "
                f"at {self.damaged_path}."
            )
        if self.restored_saved_at is None:
            second = (
                f"Your entries were restored from the newest readable backup, {self.restored_from}."
            )
        else:
            when = format_moment(self.restored_saved_at)
            second = (
                f"Your entries as of {when} were restored from the backup {self.restored_from}."
            )
        if self.later == "all":
            second += " Everything saved after it was put back as well."
        elif self.later == "some":
            second += (
                " The changes saved after it were put back where they could still be "
                "found; some of them may be missing."
            )
        if self.unwritten:
            second += (
                " The disk would not take the restored copy yet (it is full, or can't be "
                "written to), so it is used from the backup for now, and restored again "
                "next time until it can be written."
            )
        return f"{first} {second}"


def _plain_reason(error: OSError) -> str:
    """The system's reason for an error, as a lower-case phrase."""
    reason = error.strerror or str(error) or "the system reported an error"
    return reason[:1].lower() + reason[1:]


DISK_FULL = frozenset({errno.ENOSPC, errno.EDQUOT})
"""Errors of a disk with no room left."""
DISK_REFUSED = DISK_FULL | {errno.EROFS, errno.EACCES, errno.EPERM}
"""Errors of a disk that is full or of a folder that cannot be written to."""


def refusal(error: OSError, root: Path) -> str | None:
    """Why the disk refused, as a phrase ("the disk is full"), or None when ``error`` is
    not a refusal of room or rights."""
    if error.errno in DISK_FULL:
        return "the disk is full"
    if error.errno in DISK_REFUSED:
        return f"the folder {root} can't be written to"
    return None


def _save_message(error: BaseException, root: Path) -> str:
    """A calm sentence saying why a save failed."""
    if isinstance(error, OSError):
        why = refusal(error, root) or _plain_reason(error)
        return f"Could not save: {why}. {_NOTHING_LOST}"
    if isinstance(error, (TypeError, ValueError, RecursionError, Damaged)):
        return (
            f"Could not save: some of the data is in a form that can't be stored. {_NOTHING_LOST}"
        )
    return f"Could not save because of an unexpected problem. {_NOTHING_LOST}"
