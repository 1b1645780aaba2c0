"""The names of what a data folder holds, in one place for the store and for the
status line (which reads them without importing the rest of the store)."""

from __future__ import annotations

import os
from pathlib import Path

SNAPSHOT = "data.json"
"""The snapshot: every table as of the last fold."""
JOURNAL = "journal"
"""The folder of journal segments: every change since."""
BACKUPS = "backups"
"""The folder of earlier snapshots (and the key file's copy)."""
KEY = "data.key"
"""The key file of a sealed folder."""
GLANCE = "glance.json"
"""What ``companion status`` needs, kept by the app while the folder is plain."""


def key_paths(root: Path) -> tuple[Path, Path]:
    """The key file and its copy."""
    return root / KEY, root / BACKUPS / KEY


def is_sealed(root: Path) -> bool:
    """Whether the folder holds a key file (or its copy): it needs the passphrase."""
    return any(os.path.lexists(path) for path in key_paths(root))
