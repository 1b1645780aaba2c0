"""``python -m benchmarks``: how fast companion is with no data and with years of it.

For each size of data (see benchmarks.generate) and for a bare Textual app it measures,
each in fresh processes over a private copy of the data:

- start to the first full frame, and to the process's exit (benchmarks.launch);
- peak memory (the child's own ``ru_maxrss``);
- how long each save holds the screen, the longest stall of the event loop, and idle CPU
  on the main screen and on a running urge session (benchmarks.inside);
- ``companion status``, when the command line has it.

It prints one Markdown table with the budgets each figure meets or misses, and writes it
to ``--out``. ``--quick`` measures no data and a month of it, twice.
"""

from __future__ import annotations

import argparse
import compileall
import json
import math
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from importlib.metadata import version
from pathlib import Path

from benchmarks import generate
from benchmarks.spawn import REPO, ChildFailed, run_child

DEFAULT_SIZES = "none,1m,1y,5y,20y"
"""The sizes of data a full run measures."""
QUICK_SIZES = "none,1m"
"""The sizes ``--quick`` measures."""
QUICK_RUNS = 2
"""The runs ``--quick`` makes."""
IN_APP_RUNS = 3
"""The most in-app runs made of each size (each takes tens of seconds)."""
GENERATE_LIMIT = 3600.0
"""Seconds allowed for making one size of data before it is left out."""
SAVE_KINDS = ("reason", "win", "check-in")
"""The kinds of save timed, as named by benchmarks.inside."""
BUDGET_SIZE = "5y"
"""The size most budgets are set at."""
OUT = Path(__file__).resolve().parent / "results.md"
"""Where the table is written unless ``--out`` says otherwise."""


@dataclass
class Figures:
    """Every sample gathered for one row of the table."""

    first_frame: list[float] = field(default_factory=list)
    """Seconds from before the start to the first full frame, one per run."""
    exit: list[float] = field(default_factory=list)
    """Seconds from before the start to the end of the process, one per run."""
    peak: list[int] = field(default_factory=list)
    """Peak resident memory in bytes, one per run."""
    saves: dict[str, list[float]] = field(default_factory=dict)
    """Milliseconds of each save call, every in-app run pooled, by kind."""
    stall: list[float] = field(default_factory=list)
    """The worst event-loop lateness of each in-app run, in milliseconds."""
    stall_stages: dict[str, list[float]] = field(default_factory=dict)
    """The worst lateness of each stage, one per in-app run, in milliseconds."""
    history_open: list[float] = field(default_factory=list)
    """Milliseconds to open the urge sessions screen, one per in-app run."""
    history_full: list[float] = field(default_factory=list)
    """Milliseconds until that screen lists every session, one per in-app run."""
    idle: dict[str, list[float]] = field(default_factory=dict)
    """Idle CPU in % of one core, by screen, one per in-app run."""
    status: list[float] = field(default_factory=list)
    """Milliseconds of ``companion status``, one per run, as the app leaves the folder."""
    status_unseen: list[float] = field(default_factory=list)
    """The same after a change the app did not see (the data read whole)."""
    disk: int | None = None
    """The data folder's size on disk in bytes (None for the bare app)."""
    made_in: float | None = None
    """Seconds it took to make the data now (None when it was cached)."""
    fold: list[float] = field(default_factory=list)
    """Milliseconds to fold the journal into the data files, one per in-app run."""
    left_out: str = ""
    """Why this size was not measured at all (its data could not be made in time)."""
    problems: list[str] = field(default_factory=list)
    """What went wrong in a run, if anything did."""


def has_status() -> bool:
    """True when ``companion.cli.parser`` has a ``status`` subcommand."""
    from companion.cli import parser

    for action in parser()._actions:
        if isinstance(action, argparse._SubParsersAction) and "status" in action.choices:
            return True
    return False


def median(values: Sequence[float]) -> float | None:
    """The median, or None without values."""
    return statistics.median(values) if values else None


def p95(values: Sequence[float]) -> float | None:
    """The 95th percentile (nearest rank), or None without values."""
    if not values:
        return None
    ordered = sorted(values)
    return ordered[max(math.ceil(0.95 * len(ordered)) - 1, 0)]


def ratio(value: float | None, base: float | None) -> float | None:
    """``value / base``, or None when either is missing."""
    if value is None or not base:
        return None
    return value / base


# Measuring ---------------------------------------------------------------------------


def progress(message: str) -> None:
    """Say how far the run is, on standard error."""
    print(message, file=sys.stderr, flush=True)


def measure_start(row: Figures, *args: str) -> str:
    """Start an app once and keep its start, exit and peak; a short note for progress."""
    try:
        child = run_child("benchmarks.launch", *args)
    except ChildFailed as error:
        row.problems.append(str(error))
        return "failed"
    row.first_frame.append(child.first_report)
    row.exit.append(child.exit)
    row.peak.append(child.max_rss)
    return f"{child.first_report:.2f} s"


BACKGROUND_STAGES = ("first", "fold", "history")
"""Stages of benchmarks.inside in which work goes on behind the screen: the seconds after
the first frame, a fold of the journal, and the years of urge history read after their
screen is drawn. The stall budget is for these; the stages where the screen answers a key
(the saves, opening a screen) are timed by the saves' own figures and reported beside."""


def measure_inside(row: Figures, folder: Path) -> str:
    """Run the in-app measurements once and keep them; a short note for progress."""
    try:
        child = run_child("benchmarks.inside", str(folder), timeout=1800)
        found = json.loads(next(x for x in child.lines if x.startswith("result "))[7:])
    except (ChildFailed, StopIteration, ValueError) as error:
        row.problems.append(str(error) or "the in-app run reported no result")
        return "failed"
    for kind, samples in found["saves_ms"].items():
        row.saves.setdefault(kind, []).extend(samples)
    stages: dict[str, float] = found["stall_ms"]
    row.stall.append(max(stages.get(stage, 0.0) for stage in BACKGROUND_STAGES))
    for stage, worst in stages.items():
        row.stall_stages.setdefault(stage, []).append(worst)
    row.history_open.append(found["history_open_ms"])
    row.history_full.append(found["history_full_ms"])
    for screen, share in found["idle_cpu"].items():
        row.idle.setdefault(screen, []).append(share)
    if found["fold_ms"] is not None:
        row.fold.append(found["fold_ms"])
    return f"stall {row.stall[-1]:.0f} ms"


LEFT_BY_THE_APP = (
    "import sys; from datetime import datetime; "
    "from companion.store.repository import Repository; "
    "repo = Repository.open(sys.argv[1]); repo.close(); "
    "repo.keep_glance(datetime.now().astimezone())"
)
"""What the app does with a folder as it lets go of it (the glance for the status line)."""


def measure_status(row: Figures, folder: Path) -> str:
    """Time ``companion status`` once over ``folder`` as the app leaves it, and once more
    after a change the app did not see (the data read whole); a short note."""
    subprocess.run([sys.executable, "-c", LEFT_BY_THE_APP, str(folder)], cwd=REPO, check=True)
    note = time_status(row, folder, row.status)
    (folder / "glance.json").unlink(missing_ok=True)
    return f"{note}, {time_status(row, folder, row.status_unseen)} unseen"


def time_status(row: Figures, folder: Path, into: list[float]) -> str:
    """Time ``companion status`` once over ``folder``, into ``into``."""
    began = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-m", "companion", "status", "--data", str(folder)],
        cwd=REPO,
        stdin=subprocess.DEVNULL,
        capture_output=True,
        timeout=600,
        check=False,
    )
    took = (time.perf_counter() - began) * 1000
    if done.returncode != 0:
        row.problems.append(f"companion status ended with {done.returncode}")
        return "failed"
    into.append(took)
    return f"{took:.0f} ms"


def start_companion(row: Figures, folder: Path) -> str:
    """Start companion once over ``folder``; a short note for progress."""
    return measure_start(row, "companion", str(folder))


def with_copy(size: str, work: Path, measure: Callable[[Figures, Path], str], row: Figures) -> str:
    """Run ``measure(row, folder)`` over a fresh copy of the data of ``size``, removed
    afterwards."""
    with tempfile.TemporaryDirectory(dir=work) as place:
        return measure(row, generate.fresh_copy(size, Path(place)))


def make_data(sizes: list[str], limit: float, rows: dict[str, Figures]) -> list[str]:
    """Make (or find) each size's data; the sizes that could be made in time."""
    ready = []
    for size in sizes:
        row = rows[size]
        cached = generate.is_cached(size)
        if not cached:
            progress(f"making {size} of data (kept for later runs) ...")
        began = time.perf_counter()
        # Made in a process of its own: the memory it takes (hundreds of MB for 20 years)
        # must not count as every later child's peak, which on Linux starts from the
        # peak of the process it was forked from.
        made = subprocess.run(
            [sys.executable, "-m", "benchmarks.generate", size, "--limit", str(limit)],
            cwd=REPO,
            capture_output=True,
            text=True,
            check=False,
        )
        if made.returncode == 1:
            row.left_out = f"{made.stdout.strip()}: over the {limit:.0f} s allowed"
            progress(f"  {size}: not made within {limit:.0f} s; left out")
            continue
        if made.returncode != 0 or not generate.is_cached(size):
            raise ChildFailed(f"making {size} of data failed:\n{made.stderr[-4000:]}")
        folder = generate.cached_folder(size)
        if not cached:
            row.made_in = time.perf_counter() - began
            progress(f"  {size}: made in {row.made_in:.0f} s")
        row.disk = generate.folder_bytes(folder)
        ready.append(size)
    return ready


def compile_sources() -> None:
    """Write the bytecode of companion and of the benchmark's own apps, as ``pip install``
    does for an installed app, so no start is timed compiling source (which a machine
    with PYTHONDONTWRITEBYTECODE set would otherwise do at every start)."""
    for package in ("companion", "benchmarks"):
        compileall.compile_dir(REPO / package, quiet=1)


def measure(sizes: list[str], runs: int, limit: float) -> dict[str, Figures]:
    """Every figure of every row: the bare app's, then each size's."""
    rows = {"bare": Figures(), **{size: Figures() for size in sizes}}
    compile_sources()
    ready = make_data(sizes, limit, rows)
    status = has_status()
    with tempfile.TemporaryDirectory(prefix="companion-bench-") as work_dir:
        work = Path(work_dir)
        for run in range(runs):
            # Interleaved, so whatever else the machine does hits every row alike.
            notes = [f"bare {measure_start(rows['bare'], 'bare')}"]
            for size in ready:
                notes.append(f"{size} {with_copy(size, work, start_companion, rows[size])}")
                if status:
                    note = with_copy(size, work, measure_status, rows[size])
                    notes.append(f"{size} status {note}")
            progress(f"start, run {run + 1}/{runs}: " + ", ".join(notes))
        for run in range(min(runs, IN_APP_RUNS)):
            notes = []
            for size in ready:
                notes.append(f"{size} {with_copy(size, work, measure_inside, rows[size])}")
            progress(f"in the app, run {run + 1}/{min(runs, IN_APP_RUNS)}: " + ", ".join(notes))
    return rows


# The table ----------------------------------------------------------------------------

DASH = "—"
"""What a cell shows when there is nothing to measure."""

COLUMNS = (
    "data",
    "on disk",
    "start s",
    "x bare",
    "exit s",
    "peak MB",
    "peak x bare",
    *(f"{kind} ms med / p95" for kind in SAVE_KINDS),
    "stall ms",
    "idle CPU main %",
    "idle CPU urge %",
    "status ms",
)
"""The table's columns, in order."""


def number(value: float | None, digits: int = 2) -> str:
    """A figure with ``digits`` decimals, or the dash."""
    return DASH if value is None else f"{value:.{digits}f}"


def on_disk(size: int | None) -> str:
    """Bytes as kilobytes or megabytes, or the dash."""
    if size is None:
        return DASH
    return f"{size / 1e3:.1f} kB" if size < 1e6 else f"{size / 1e6:.1f} MB"


def cells(name: str, row: Figures, bare: Figures) -> list[str]:
    """One row of the table."""
    start, bare_start = median(row.first_frame), median(bare.first_frame)
    peak, bare_peak = median(row.peak), median(bare.peak)
    saves = [
        DASH
        if not row.saves.get(kind)
        else f"{number(median(row.saves[kind]), 1)} / {number(p95(row.saves[kind]), 1)}"
        for kind in SAVE_KINDS
    ]
    return [
        name,
        on_disk(row.disk),
        number(start),
        number(ratio(start, bare_start)),
        number(median(row.exit)),
        number(None if peak is None else peak / 1e6, 1),
        number(ratio(peak, bare_peak)),
        *saves,
        number(median(row.stall), 0),
        number(median(row.idle.get("main", []))),
        number(median(row.idle.get("urge", []))),
        number(median(row.status), 0),
    ]


@dataclass(frozen=True)
class Budget:
    """One budget and what this run found for it."""

    words: str
    """The budget, in words."""
    found: str
    """The figure found, in words."""
    met: bool | None
    """True or False once measured; None when the run has no figure for it."""

    def line(self) -> str:
        """The budget, the figure and whether it is met."""
        verdict = {True: "met", False: "MISSED", None: "not measured"}[self.met]
        return f"{self.words}: {self.found} ({verdict})"


def _worst_p95(row: Figures) -> float | None:
    """The highest p95 of any kind of save in ``row``."""
    found = [p95(v) for v in row.saves.values() if v]
    return max((f for f in found if f is not None), default=None)


def budgets(rows: dict[str, Figures], sizes: list[str]) -> tuple[str, list[Budget]]:
    """Each budget against this run's figures: where they were read, and each verdict."""
    measured = [s for s in sizes if rows[s].first_frame]
    largest = measured[-1] if measured else None
    at = BUDGET_SIZE if BUDGET_SIZE in measured else largest
    where = f"read at {at}" + ("" if at == BUDGET_SIZE else f"; {BUDGET_SIZE} is not in this run")
    row = rows[at] if at else Figures()
    bare, none = rows["bare"], rows.get("none", Figures())

    def check(words: str, value: float | None, limit: float, shown: str) -> Budget:
        """A budget met when ``value`` is at most ``limit``; ``shown`` formats the value."""
        if value is None:
            return Budget(words, DASH, None)
        return Budget(words, shown.format(value), value <= limit)

    def change(value: float | None, base: float | None) -> float | None:
        """How much ``value`` is above ``base``, in %."""
        share = ratio(value, base)
        return None if share is None else (share - 1) * 100

    start, none_start = median(row.first_frame), median(none.first_frame)
    every_p95 = [p for s in measured if (p := _worst_p95(rows[s])) is not None]
    found = [
        check("start ≤ 1.5x bare", ratio(start, median(bare.first_frame)), 1.5, "{:.2f}x"),
        check("start within 10% of no data", change(start, none_start), 10, "{:+.1f}%"),
        check(
            "peak memory ≤ 1.5x bare",
            ratio(median(row.peak), median(bare.peak)),
            1.5,
            "{:.2f}x",
        ),
        check("save p95 ≤ 5 ms at every size", max(every_p95, default=None), 5, "{:.1f} ms"),
        check("stall ≤ 50 ms", median(row.stall), 50, "{:.0f} ms"),
        check("idle CPU urge ≤ 3%", median(row.idle.get("urge", [])), 3, "{:.2f}%"),
        check("idle CPU main ≤ 0.5%", median(row.idle.get("main", [])), 0.5, "{:.2f}%"),
        check("status ≤ 50 ms", median(row.status), 50, "{:.0f} ms"),
    ]
    span = f"none→{largest}" + ("" if largest == "20y" else " (20y is not in this run)")
    last = rows[largest] if largest else Figures()
    found.append(
        check(
            f"start flat {span}, within 10%",
            change(median(last.first_frame), none_start),
            10,
            "{:+.1f}%",
        )
    )
    found.append(flat_saves(span, last, none))
    return where, found


def flat_saves(span: str, last: Figures, none: Figures) -> Budget:
    """Saves are flat when the largest size's worst p95 is within 10% or 1 ms (whichever
    is more) of the worst p95 with no data."""
    words = f"save p95 flat {span}, within 10% or 1 ms"
    high, low = _worst_p95(last), _worst_p95(none)
    if high is None or low is None:
        return Budget(words, DASH, None)
    return Budget(words, f"{low:.1f} → {high:.1f} ms", high <= max(low * 1.1, low + 1))


def machine() -> str:
    """The machine in a few words: system, cores, load, Python and Textual."""
    load = f", load {os.getloadavg()[0]:.1f}" if hasattr(os, "getloadavg") else ""
    return (
        f"{platform.system()} {platform.machine()}, {os.cpu_count()} cores{load}, "
        f"Python {platform.python_version()}, Textual {version('textual')}"
    )


def commit() -> str:
    """The source tree's commit, marked when it has uncommitted changes."""
    try:
        head = subprocess.run(
            ["git", "rev-parse", "--short", "HEAD"],
            cwd=REPO,
            capture_output=True,
            text=True,
            check=True,
        ).stdout.strip()
        dirty = subprocess.run(
            ["git", "status", "--porcelain", "--untracked-files=no"],
            cwd=REPO,
            capture_output=True,
            text=True,
            check=True,
        ).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return "unknown"
    return head + (" with uncommitted changes" if dirty else "")


def table(
    rows: dict[str, Figures], sizes: list[str], runs: int, quick: bool, load_before: str
) -> str:
    """The whole report: one line about the run, the table, the budgets and notes."""
    when = datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC")
    kind = "quick run (sizes none and 1m only): not the full benchmark" if quick else "full run"
    in_app = min(runs, IN_APP_RUNS)
    lines = [
        f"{when} · commit {commit()} · {machine()} ({load_before} before) · {kind}, "
        f"{runs} runs of each start, {in_app} in-app runs",
        "",
        "| " + " | ".join(COLUMNS) + " |",
        "|" + "|".join("---" for _ in COLUMNS) + "|",
    ]
    bare = rows["bare"]
    lines.append("| " + " | ".join(cells("bare", bare, bare)) + " |")
    for size in sizes:
        lines.append("| " + " | ".join(cells(size, rows[size], bare)) + " |")
    where, found = budgets(rows, sizes)
    lines += ["", f"budgets ({where}): " + "; ".join(b.line() for b in found) + "."]
    lines += ["", *notes(rows, sizes)]
    return "\n".join(lines) + "\n"


def notes(rows: dict[str, Figures], sizes: list[str]) -> list[str]:
    """What each figure means, and anything not measured."""
    folds = any(rows[s].fold for s in sizes)
    said = [
        "- start and exit: from just before the process is started to its first full frame "
        "(80x24, headless) and to its end; medians. Peak: the process's own maxrss; median.",
        "- saves: each repository call on the event loop, 30 of each kind per in-app run, "
        "all runs pooled. Stall: the worst lateness of a 5 ms ticker while work goes on "
        "behind the screen: the first 3 s, "
        + ("folding the journal into the data files (another process), " if folds else "")
        + "and the years of urge sessions read once their screen is drawn; median of the "
        "runs' worst. The saves and the opening of that screen answer a key: their stalls "
        "are listed by stage below.",
        "- idle CPU: process CPU time over 5 s of wall time with nothing happening, on the "
        "main screen and on a running urge session; % of one core; median.",
    ]
    if not folds:
        said.append("- the repository cannot fold: no fold in the stall.")
    if not has_status():
        said.append("- status: companion has no `status` command yet (—).")
    for size in sizes:
        row = rows[size]
        stages = ", ".join(f"{stage} {median(v):.0f}" for stage, v in row.stall_stages.items() if v)
        extra = []
        if stages:
            extra.append(f"worst stall by stage, ms: {stages}")
        if row.history_open:
            extra.append(
                f"urge sessions screen opens in {median(row.history_open):.0f} ms and lists "
                f"every session in {median(row.history_full):.0f} ms"
            )
        if row.fold:
            extra.append(f"a fold takes {median(row.fold):.0f} ms")
        if row.status_unseen:
            extra.append(
                f"status after a change the app did not see {median(row.status_unseen):.0f} ms"
            )
        if row.made_in is not None:
            extra.append(f"data made in {row.made_in:.0f} s")
        if extra:
            said.append(f"- {size}: " + "; ".join(extra) + ".")
        if row.left_out:
            said.append(f"- {size}: NOT MEASURED: {row.left_out}.")
        for problem in row.problems:
            said.append(f"- {size}: a run failed: {problem.splitlines()[0]}")
    for problem in rows["bare"].problems:
        said.append(f"- bare: a run failed: {problem.splitlines()[0]}")
    return said


# The command --------------------------------------------------------------------------


def main(argv: list[str] | None = None) -> int:
    """Measure, print the table, and write it to ``--out``."""
    parser = argparse.ArgumentParser(prog="python -m benchmarks", description=__doc__)
    parser.add_argument("--quick", action="store_true", help="sizes none and 1m, 2 runs")
    parser.add_argument("--runs", type=int, default=9, help="runs of each start (default 9)")
    parser.add_argument("--sizes", default=DEFAULT_SIZES, help=f"default {DEFAULT_SIZES}")
    parser.add_argument("--out", type=Path, default=OUT, help="where to write the table")
    parser.add_argument(
        "--generate-limit",
        type=float,
        default=GENERATE_LIMIT,
        metavar="SECONDS",
        help="leave out a size whose data takes longer than this to make",
    )
    args = parser.parse_args(argv)
    sizes = (QUICK_SIZES if args.quick else args.sizes).split(",")
    runs = QUICK_RUNS if args.quick else args.runs
    unknown = [s for s in sizes if s not in generate.SIZES]
    if unknown or runs < 1:
        parser.error(f"sizes are {', '.join(generate.SIZES)}; runs at least 1")
    load_before = f"load {os.getloadavg()[0]:.1f}" if hasattr(os, "getloadavg") else "?"
    rows = measure(sizes, runs, args.generate_limit)
    report = table(rows, sizes, runs, args.quick, load_before)
    print(report)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(report, encoding="utf-8")
    progress(f"written to {args.out}")
    return 1 if any(row.problems for row in rows.values()) else 0


if __name__ == "__main__":
    sys.exit(main())
