"""The domain stays pure: no user-interface or storage imports, and no hidden clock. And the
app starts light: its first frame imports no screen or dialog it does not show."""

from __future__ import annotations

import ast
import importlib.util
import json
import os
import pkgutil
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

import companion
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


# The first frame ------------------------------------------------------------------------

FEATURES_DIR = Path(companion.__file__).parent
LATER_MODULES = [
    *sorted(
        f"companion.{path.parent.name}.{path.stem}"
        for path in FEATURES_DIR.glob("*/*.py")
        if path.parent.name not in ("domain", "store", "ui", "data")
        and path.stem not in ("__init__", "flows", "pane")
    ),
    "companion.ui.log_screen",
]
"""Every screen, dialog and widget of a feature (all but its flows and its main-screen pane),
and the shared list screen: none is on the first frame, so none is imported for it."""

LATER_LIBRARIES = (
    "dateutil.parser",
    "markdown_it",
    "textual.widgets._data_table",
    "textual.widgets._help_panel",
    "textual.widgets._markdown",
    "textual.widgets._text_area",
)
"""Large libraries only a later screen needs: reading a typed date, the help's Markdown, the
lists' tables and the text boxes."""

_FIRST_FRAME = """
import asyncio, json, sys, tempfile
from pathlib import Path

import companion.app
from companion.domain.profile import Profile
from companion.store.repository import Repository

with tempfile.TemporaryDirectory() as folder:
    data = Path(folder) / "data"
    if sys.argv[1] == "main":
        repository = Repository.open(data)
        repository.save_profile(Profile(alias="", welcomed=True))
        repository.close()
    app = companion.app.build_app(data)

    async def first_frame() -> str:
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.pause()
            return type(app.screen).__name__

    shown = asyncio.run(first_frame())
print(json.dumps({"screen": shown, "modules": sorted(sys.modules)}))
"""


def first_frame(which: str, package_parent: Path = PROJECT_ROOT) -> tuple[str, set[str]]:
    """Start the app in a fresh Python on the main screen or the welcome (``which``), up to
    its first frame: the screen shown and every module imported by then."""
    probe = subprocess.run(
        [sys.executable, "-c", _FIRST_FRAME, which],
        capture_output=True,
        text=True,
        cwd=package_parent,
        env={**os.environ, "PYTHONPATH": str(package_parent)},
        timeout=120,
        check=False,
    )
    assert probe.returncode == 0, probe.stderr
    found = json.loads(probe.stdout)
    return found["screen"], set(found["modules"])


def imported_for_later(modules: set[str], allowed: tuple[str, ...] = ()) -> list[str]:
    """The modules of later screens, and the large libraries, among ``modules``."""
    later = [name for name in LATER_MODULES if name in modules and name not in allowed]
    return later + [
        name
        for name in modules
        if any(name == lib or name.startswith(f"{lib}.") for lib in LATER_LIBRARIES)
    ]


def test_the_modules_of_later_screens_are_found() -> None:
    """The lists above name real modules, so the checks below really check something."""
    assert {"companion.urge.screen", "companion.contacts.crisis"} <= set(LATER_MODULES)
    for name in [*LATER_MODULES, *LATER_LIBRARIES]:
        assert importlib.util.find_spec(name) is not None, name


def test_the_main_screen_imports_only_what_it_shows() -> None:
    """The four panes and the keys: no screen or dialog of a feature is imported for them,
    nor the date parser, Markdown, the tables or the text boxes."""
    shown, modules = first_frame("main")
    assert shown == "MainScreen"
    assert {"companion.urge.pane", "companion.urge.flows"} <= modules
    assert imported_for_later(modules) == []


def test_the_welcome_imports_only_what_it_shows() -> None:
    """The first start shows the welcome over the main screen, and nothing more."""
    shown, modules = first_frame("welcome")
    assert shown == "WelcomeScreen"
    assert imported_for_later(modules, allowed=("companion.welcome.screen",)) == []


def test_the_first_frame_check_catches_an_import_at_the_top(tmp_path: Path) -> None:
    """A copy of the package whose flows import a dialog at the top again fails the check."""
    copy = tmp_path / "companion"
    shutil.copytree(FEATURES_DIR, copy, ignore=shutil.ignore_patterns("__pycache__"))
    # In a checkout the stylesheets sit beside the package (an install keeps them inside).
    if (FEATURES_DIR.parent / "styles").is_dir():
        shutil.copytree(FEATURES_DIR.parent / "styles", tmp_path / "styles")
    flows = copy / "counter" / "flows.py"
    flows.write_text(flows.read_text() + "\nfrom companion.counter.dialogs import SlipDialog\n")
    _shown, modules = first_frame("main", tmp_path)
    assert "companion.counter.dialogs" in imported_for_later(modules)


def test_the_classes_asked_about_before_their_import_are_where_they_are_looked_for() -> None:
    """The app asks "is this the crisis view, the review, the urge screen, a text box?"
    without importing them; each class is found where it is asked for, so an answer is
    never a silent False."""
    from textual.widgets import TextArea

    from companion.ui.loaded import instance_of

    asked = re.findall(
        r'instance_of\(\s*[\w.]+,\s*"([\w.]+)",\s*"(\w+)"\s*\)',
        "".join(path.read_text() for path in FEATURES_DIR.rglob("*.py")),
    )
    assert len(asked) >= 5
    for module, name in asked:
        kind = getattr(importlib.import_module(module), name)
        assert isinstance(kind, type), (module, name)
    assert instance_of(TextArea(), "textual.widgets._text_area", "TextArea")
