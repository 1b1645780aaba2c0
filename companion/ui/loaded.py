"""Asking what kind of screen or widget something is, without importing its module for the
question: a class whose module was never imported cannot have made anything yet. So the
app can tell whether the crisis view or the review is showing, on every key, and still
import them only when they first open."""

from __future__ import annotations

import sys


def instance_of(thing: object, module: str, name: str) -> bool:
    """True when ``thing`` is an instance of the class ``name`` defined in ``module``
    (False while that module has not been imported)."""
    loaded = sys.modules.get(module)
    if loaded is None:
        return False
    kind = getattr(loaded, name)
    return isinstance(kind, type) and isinstance(thing, kind)
