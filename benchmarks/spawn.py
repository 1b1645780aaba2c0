"""Running one measuring child process: when it reported, when it ended, what it used."""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
"""The source tree the children import ``benchmarks`` from."""


class ChildFailed(Exception):
    """A measuring process ended badly; its own error output is in the message."""


@dataclass(frozen=True)
class Child:
    """What one child process did, timed from just before it was started."""

    first_report: float
    """Seconds until its first report line arrived."""
    exit: float
    """Seconds until the process had ended."""
    max_rss: int
    """Its peak resident memory, in bytes."""
    lines: list[str] = field(default_factory=list)
    """Every line it reported."""


def _max_rss_bytes(value: int) -> int:
    """``ru_maxrss`` in bytes (kilobytes on Linux, bytes on macOS)."""
    return value if sys.platform == "darwin" else value * 1024


def run_child(module: str, *args: str, timeout: float = 900) -> Child:
    """Run ``python -m module args --report FD`` and time it from before the start."""
    read_end, write_end = os.pipe()
    with tempfile.TemporaryFile() as errors:
        began = time.perf_counter()
        process = subprocess.Popen(
            [sys.executable, "-m", module, *args, "--report", str(write_end)],
            cwd=REPO,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=errors,
            pass_fds=(write_end,),
        )
        os.close(write_end)
        watchdog = threading.Timer(timeout, process.kill)
        watchdog.start()
        first: float | None = None
        chunks: list[bytes] = []
        with os.fdopen(read_end, "rb", buffering=0) as pipe:
            while chunk := pipe.read(65536):
                if first is None:
                    first = time.perf_counter() - began
                chunks.append(chunk)
        # The pipe closes when the process ends; wait4 gives this child's own usage.
        _, status, usage = os.wait4(process.pid, 0)
        ended = time.perf_counter() - began
        watchdog.cancel()
        process.returncode = os.waitstatus_to_exitcode(status)
        if ended > timeout:
            raise ChildFailed(f"{module} {' '.join(args)} was stopped after {timeout:.0f} s")
        lines = b"".join(chunks).decode().splitlines()
        if process.returncode != 0 or first is None:
            errors.seek(0)
            told = errors.read().decode(errors="replace")[-4000:]
            raise ChildFailed(
                f"{module} {' '.join(args)} ended with {process.returncode}"
                f"{'' if first is not None else ' and reported nothing'}:\n{told}"
            )
        return Child(first, ended, _max_rss_bytes(usage.ru_maxrss), lines)
