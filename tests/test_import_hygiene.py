"""The domain stays pure: no user-interface or storage imports, and no hidden clock."""

from __future__ import annotations

import ast
import json
import pkgutil
import re
import subprocess
import sys
from pathlib import Path

import pytest

import companion.domain

DOMAIN_DIR = Path(companion.domain.__file__).parent
PROJECT_ROOT = DOMAIN_DIR.parent.parent
DOMAIN_MODULES = sorted(
    ["companion.domain"]
    + [
        info.name
        for info in pkgutil.walk_packages(companion.domain.__path__, prefix="companion.domain.")
    ]
)
DOMAIN_FILES = sorted(DOMAIN_DIR.rglob("*.py"))
FORBIDDEN_PACKAGES = ("textual", "tinydb")

_PROBE = (
    "import importlib, json, sys; importlib.import_module(sys.argv[1]); "
    "print(json.dumps(sorted(name for name in sys.modules "
    "if name.split('.')[0] in ('textual', 'tinydb'))))"
)


def test_the_domain_modules_are_found() -> None:
    """Discovery finds the domain modules, so the checks below really check something."""
    assert {"companion.domain.dates", "companion.domain.history"} <= set(DOMAIN_MODULES)
    assert len(DOMAIN_FILES) >= len(DOMAIN_MODULES)


@pytest.mark.parametrize("module", DOMAIN_MODULES)
def test_importing_a_domain_module_loads_no_ui_or_storage(module: str) -> None:
    """The date and history rules can be used without starting Textual or opening TinyDB."""
    probe = subprocess.run(
        [sys.executable, "-c", _PROBE, module],
        capture_output=True,
        text=True,
        cwd=PROJECT_ROOT,
        timeout=60,
        check=False,
    )
    assert probe.returncode == 0, probe.stderr
    loaded = json.loads(probe.stdout)
    offending = [name for name in loaded if name.split(".")[0] in FORBIDDEN_PACKAGES]
    assert offending == [], f"{module} pulls in {offending}"


_CLOCK_READS = re.compile(
    r"\b(?:datetime\s*\.\s*(?:now|today|utcnow)|date\s*\.\s*today|time\s*\.\s*"
    r"(?:time|time_ns|monotonic|localtime|gmtime|perf_counter))\s*\("
)


@pytest.mark.parametrize("path", DOMAIN_FILES, ids=lambda path: path.name)
def test_the_domain_never_reads_the_clock_itself(path: Path) -> None:
    """Every figure is computed for a day that is passed in, so tests and the app agree on
    "today": no domain module calls datetime.now, date.today or time.time."""
    source = path.read_text(encoding="utf-8")
    assert _CLOCK_READS.findall(source) == []
    names: set[str] = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.ImportFrom) and node.module == "time":
            names.update(alias.name for alias in node.names)
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names if alias.name == "time")
    assert names == set(), f"{path.name} imports the clock: {sorted(names)}"


def test_the_clock_check_would_catch_a_clock_read() -> None:
    """The pattern used above does spot the calls it is meant to forbid."""
    for call in ("datetime.now()", "date.today()", "time.time()", "datetime.now(tz=UTC)"):
        assert _CLOCK_READS.search(call), call
    assert not _CLOCK_READS.search("def local_today(now: datetime) -> date:")
