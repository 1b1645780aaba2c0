"""``python -m benchmarks.sealed``: what a passphrase costs after years of heavy use.

On a private copy of the generated folder of each size (see benchmarks.generate), plain
and then sealed with a passphrase (at the default Argon2id cost), it measures in this
process:

- sealing the folder (every file written again), with the number of files;
- opening it: plain, the data read; sealed, the passphrase stretched, then the data read;
- one save (a reason), median and 95th percentile over many, plain against sealed.

It prints a Markdown table and writes it to ``--out`` (``benchmarks/sealed.md``).
"""

from __future__ import annotations

import argparse
import gc
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

from benchmarks import generate
from companion.domain.reasons import Reason
from companion.store import seal, sealing
from companion.store.repository import Repository

PASSPHRASE = "a passphrase for measuring"
OUT = Path(__file__).resolve().parent / "sealed.md"
SAVES = 200
"""Saves timed for each folder."""


def _ms(seconds: float) -> str:
    return f"{seconds * 1000:.1f}"


def _p95(samples: list[float]) -> float:
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]


def timed(work: Callable[[], object]) -> float:
    """Seconds ``work`` took."""
    gc.collect()
    began = time.perf_counter()
    work()
    return time.perf_counter() - began


def opening(root: Path, sealed: bool) -> float:
    """Seconds from nothing held to the data read (the passphrase stretched first)."""
    seal.KEYRING.clear()

    def open_it() -> None:
        if sealed:
            seal.unlock_folder(root, PASSPHRASE)
        Repository.open(root).close()

    return timed(open_it)


def saves(root: Path) -> list[float]:
    """Seconds each of SAVES reason saves took."""
    repo = Repository.open(root)
    took = []
    try:
        for n in range(SAVES):
            reason = Reason(text=f"measured reason {n} " * 8, created_at=datetime.now(UTC))
            took.append(timed(lambda reason=reason: repo.save_reason(reason)))
    finally:
        repo.close()
    return took


def measure(size: str, runs: int, work: Path) -> list[str]:
    """The table's rows for one size: plain, sealed."""
    plain = generate.fresh_copy(size, work / "plain")
    sealed = generate.fresh_copy(size, work / "sealed")
    repo = Repository.open(sealed)
    files = [0]
    sealing_took = timed(
        lambda: files.__setitem__(
            0, repo.ledger.reseal(lambda: sealing.turn_on(sealed, PASSPHRASE, None))
        )
    )
    repo.close()
    rows = []
    for name, root, is_sealed in (("plain", plain, False), ("sealed", sealed, True)):
        opens = [opening(root, is_sealed) for _ in range(runs)]
        if is_sealed:
            seal.unlock_folder(root, PASSPHRASE)
        each = saves(root)
        seal.KEYRING.clear()
        rows.append(
            f"| {size} {name} | {_ms(statistics.median(opens))} | "
            f"{_ms(statistics.median(each))} / {_ms(_p95(each))} | "
            + (f"{_ms(sealing_took)} ({files[0]} files) |" if is_sealed else "— |")
        )
    return rows


def main(argv: list[str] | None = None) -> int:
    """Measure the sizes asked for and write the table."""
    parser = argparse.ArgumentParser(prog="python -m benchmarks.sealed")
    parser.add_argument("--sizes", default="5y", help="comma-separated sizes (default 5y)")
    parser.add_argument("--runs", type=int, default=5, help="opens timed for each folder")
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args(argv)
    lines = [
        f"Measured {datetime.now(UTC):%Y-%m-%d %H:%M} UTC, Python {sys.version.split()[0]}, "
        f"Argon2id {seal.DEFAULT_COST.iterations} passes over "
        f"{seal.DEFAULT_COST.memory_kib // 1024} MiB, {seal.DEFAULT_COST.lanes} lanes.",
        "",
        "| folder | open ms (median) | one save ms (med / p95) | sealing ms |",
        "| --- | --- | --- | --- |",
    ]
    with tempfile.TemporaryDirectory(prefix="companion-sealed-") as work:
        for size in args.sizes.split(","):
            lines.extend(measure(size, args.runs, Path(work) / size))
    table = "\n".join(lines) + "\n"
    print(table)
    args.out.write_text(table, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
