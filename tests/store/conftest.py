"""Shared by the store's tests."""

from __future__ import annotations

import os
from collections.abc import Iterator

import pytest


@pytest.fixture(autouse=True)
def _restore_umask() -> Iterator[None]:
    """Put the process umask back after each test (opening a folder sets it to 077)."""
    previous = os.umask(0o022)
    os.umask(previous)
    yield
    os.umask(previous)
