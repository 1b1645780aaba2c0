"""``python -m benchmarks --quick`` runs from start to end and writes a full table.

It only checks that every figure was measured: on a busy machine the figures themselves
say little, and no budget is asserted here (the report says which are met).
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from benchmarks.__main__ import COLUMNS, QUICK_SIZES, has_status

REPO = Path(__file__).resolve().parent.parent
"""The root of the source tree, where ``python -m benchmarks`` is run."""

NUMBER = re.compile(r"\d+(?:\.\d+)?")
"""A figure in a cell."""

BARE_MEASURED = ("start s", "x bare", "exit s", "peak MB", "peak x bare")
"""The columns the bare app has figures in (it has no data to save or show)."""


def rows_of(table: str) -> dict[str, dict[str, str]]:
    """Each row of the Markdown table by its first cell, as column name to cell."""
    lines = [line for line in table.splitlines() if line.startswith("|")]
    header = [cell.strip() for cell in lines[0].strip("|").split("|")]
    found = {}
    for line in lines[2:]:
        cells = [cell.strip() for cell in line.strip("|").split("|")]
        found[cells[0]] = dict(zip(header, cells, strict=True))
    return found


@pytest.mark.timeout(900)
def test_quick_run_writes_a_row_of_figures_for_each_size(tmp_path: Path) -> None:
    """Bare and each quick size have a row, with a number in every column measured."""
    out = tmp_path / "results.md"
    env = {**os.environ, "COMPANION_BENCH_CACHE": str(tmp_path / "cache")}
    result = subprocess.run(
        [sys.executable, "-m", "benchmarks", "--quick", "--out", str(out)],
        cwd=REPO,
        env=env,
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr[-4000:]
    assert out.is_file(), "the table was not written to --out"
    table = out.read_text(encoding="utf-8")
    assert "budgets" in table
    rows = rows_of(table)
    sizes = QUICK_SIZES.split(",")
    assert sorted(rows) == sorted(["bare", *sizes])
    measured = [c for c in COLUMNS[1:] if c != "status ms" or has_status()]
    for name, row in rows.items():
        assert list(row) == list(COLUMNS)
        columns = BARE_MEASURED if name == "bare" else measured
        empty = [column for column in columns if not NUMBER.search(row[column])]
        assert not empty, f"{name} has no figure for {empty}:\n{table}"
        if name != "bare":
            for column in (c for c in columns if "med / p95" in c):
                assert len(NUMBER.findall(row[column])) == 2, f"{name} {column}: {row[column]}"


SEALED_QUICK = ("--sizes", "1m", "--runs", "1")
"""The sealed benchmark on a month of data, one opening timed."""


@pytest.mark.timeout(600)
def test_the_sealed_benchmark_writes_plain_and_sealed_rows(tmp_path: Path) -> None:
    """``python -m benchmarks.sealed`` on a month of data: a plain and a sealed row, each
    with its opening and save figures, and the sealed one with the files it sealed."""
    out = tmp_path / "sealed.md"
    env = {**os.environ, "COMPANION_BENCH_CACHE": str(tmp_path / "cache")}
    result = subprocess.run(
        [sys.executable, "-m", "benchmarks.sealed", *SEALED_QUICK, "--out", str(out)],
        cwd=REPO,
        env=env,
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        timeout=500,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr[-4000:]
    rows = rows_of(out.read_text(encoding="utf-8"))
    assert sorted(rows) == ["1m plain", "1m sealed"]
    for row in rows.values():
        assert NUMBER.search(row["open ms (median)"])
        assert len(NUMBER.findall(row["one save ms (med / p95)"])) == 2
    assert re.search(r"\(\d+ files\)", rows["1m sealed"]["sealing ms"])
