"""The installed ``companion`` command in a real terminal, as a person would use it."""

from __future__ import annotations

import os
import re
import shlex
import stat
import sys
import time
import uuid
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest

from . import PANE_TITLES, TOTALS, Terminal, first_run, quit_app, totals


@pytest.fixture
def terminal(tmp_path: Path) -> Iterator[Terminal]:
    """A private tmux server for this test, stopped at the end whatever happened."""
    term = Terminal(tmp_path)
    try:
        yield term
    finally:
        term.close()


@pytest.fixture
def data(tmp_path: Path) -> Path:
    """The data folder for this test (created by the app)."""
    return tmp_path / "data"


def test_first_run_a_slip_and_a_restart_keep_everything(terminal: Terminal, data: Path) -> None:
    """Welcome, a start day three weeks back, a slip today; after a restart it is all there."""
    shown = first_run(terminal, data)
    assert "1 No Contact" in shown
    assert "Welcome" not in shown
    assert "Longest 21 days · Total 21 days" in shown

    terminal.press("s")
    terminal.wait_for("Log a slip")
    terminal.press("Enter")  # "Log it"
    shown = terminal.wait_for("What happened?")
    assert "Contact happened" in shown
    assert "I sent Sam [bold] a message" in shown, "the alias should read exactly as typed"
    terminal.press("Enter")  # in the date field, which says "today": saves
    shown = terminal.wait_until(
        lambda s: "A new stretch" in s and TOTALS.search(s) is not None, "the new stretch"
    )
    before = totals(shown)

    quit_app(terminal)
    terminal.start("--data", str(data))
    shown = terminal.wait_until(
        lambda s: "A new stretch" in s and "1 No Contact" in s and TOTALS.search(s) is not None,
        "the counter after a restart",
    )
    assert "Welcome" not in shown
    assert totals(shown) == before


@pytest.mark.parametrize(("width", "height"), [(80, 24), (120, 40)])
def test_all_four_panes_are_on_screen(
    terminal: Terminal, data: Path, width: int, height: int
) -> None:
    """The day counter, urge surfing, reasons and crisis contacts are all visible at once."""
    first_run(terminal, data)
    quit_app(terminal)
    terminal.start("--data", str(data), width=width, height=height)
    # Waits until the whole frame is drawn: a half-drawn screen is not a failure.
    shown = terminal.wait_for("3 weeks since", *PANE_TITLES)
    missing = [title for title in PANE_TITLES if title not in shown]
    assert not missing, f"not on screen at {width}x{height}: {missing}\n{shown}"


PRIVATE = ("No Contact", "Sam", "days")
"""Words that must not be readable while the screen is hidden."""


def hidden(shown: str) -> bool:
    """Whether nothing private can be read in ``shown``."""
    return not any(word in shown for word in PRIVATE)


def test_ctrl_l_blanks_the_screen_until_a_key(terminal: Terminal, data: Path) -> None:
    """Quick hide leaves nothing to read, scrollback included; the next key only brings it back."""
    first_run(terminal, data)
    terminal.press("C-l")
    terminal.wait_until(hidden, "a blank screen", history=True)
    terminal.press("s")  # any key; it must not also start logging a slip
    shown = terminal.wait_for("3 weeks since", "1 No Contact")
    assert "Log a slip" not in shown


def test_ctrl_l_hides_an_open_dialog_and_returns_to_it(terminal: Terminal, data: Path) -> None:
    """Hiding works in the middle of writing something down, and comes back to the same place."""
    first_run(terminal, data)
    terminal.press("s")
    terminal.wait_for("Log a slip")
    terminal.press("Enter")
    terminal.wait_for("What happened?")
    terminal.wait_for("I sent Sam [bold] a message")
    terminal.press("C-l")
    terminal.wait_until(hidden, "a blank screen", history=True)
    terminal.press("x")
    terminal.wait_for("I sent Sam [bold] a message", "What happened?")


def test_u_and_a_digit_show_a_running_timer(terminal: Terminal, data: Path) -> None:
    """In a real terminal, u then 7 shows the ticking timer at once; it resumes after a quit.

    How quickly it shows is measured by the benchmarks, not here: this machine may be busy.
    """
    first_run(terminal, data)
    terminal.press("u")
    terminal.wait_for("How strong is the pull right now?")
    terminal.press("7")
    shown = terminal.wait_for("Riding the wave", "Breathe")
    assert re.search(r"\d:\d\d in · \d+:\d\d left", shown), shown
    terminal.wait_until(lambda s: "0:01 in" in s or "0:02 in" in s, "the clock to tick", 5)
    terminal.press("Escape")
    terminal.wait_for("A session is running")
    quit_app(terminal)
    terminal.start("--data", str(data))
    terminal.wait_for("A session is still open")
    terminal.press("Enter")  # Resume
    terminal.wait_for("Riding the wave")


OSC = re.compile(rb"\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)")
"""Operating-system commands, whose terminator may be a BEL byte that makes no sound."""


def test_no_bell_even_when_a_key_is_refused(terminal: Terminal, data: Path, tmp_path: Path) -> None:
    """Letters typed into a number field are refused silently: no bell byte reaches the terminal."""
    first_run(terminal, data)
    stream = tmp_path / "output.bin"
    terminal.run("pipe-pane", "-o", f"cat >> {shlex.quote(str(stream))}")
    terminal.press("C-p")
    terminal.wait_for("Search for commands")
    terminal.type("Urge session length")
    terminal.wait_for("How long a session lasts")
    terminal.press("Enter")
    terminal.wait_for("Length of an urge session")
    terminal.type("7")  # replaces the selected "20": proves the field has the keys
    terminal.wait_until(lambda s: re.search(r"│ +7 +│", s) is not None, "the field to show 7")
    terminal.type("abc")  # refused: the field takes whole numbers only
    terminal.type("5")  # once "75" shows, everything before it has been drawn
    terminal.wait_until(lambda s: re.search(r"│ +75 +│", s) is not None, "the field to show 75")
    terminal.run("pipe-pane")  # stop capturing
    settled = -1
    while settled != stream.stat().st_size:  # let the capture finish writing
        settled = stream.stat().st_size
        time.sleep(0.2)
    written = stream.read_bytes()
    assert written, "the terminal output was not captured"
    assert b"\x07" not in OSC.sub(b"", written)


def test_a_reason_written_in_the_pane_is_there_after_a_restart(
    terminal: Terminal, data: Path
) -> None:
    """3, a, the words, ctrl+s; quit; start again: the reason is listed."""
    first_run(terminal, data)
    terminal.press("3")
    terminal.press("a")
    terminal.wait_for("A reason I left")
    terminal.type("They read my [mail].")
    terminal.press("C-s")
    terminal.wait_until(
        lambda s: "They read my [mail]." in s and "A reason I left" not in s, "the saved reason"
    )
    quit_app(terminal)
    terminal.start("--data", str(data))
    terminal.wait_for("They read my [mail].", "3 Reasons I left")


def test_bang_shows_the_crisis_view_and_escape_returns(terminal: Terminal, data: Path) -> None:
    """! shows where to turn at once; escape goes back to the panes."""
    first_run(terminal, data)
    terminal.press("!")
    terminal.wait_for("If you need someone now", "findahelpline.com")
    terminal.press("Escape")
    terminal.wait_for("1 No Contact")


def test_copy_sends_the_number_to_the_terminal_clipboard(
    terminal: Terminal, data: Path, tmp_path: Path
) -> None:
    """c in the crisis view emits the terminal's own clipboard sequence (OSC 52) with the number."""
    import base64

    first_run(terminal, data)
    terminal.press("!")
    terminal.wait_for("If you need someone now")
    terminal.press("o")
    terminal.wait_for("Your country for helplines")
    terminal.press("Enter")  # the first country in the list
    terminal.wait_for("Crisis and suicide lines")  # only once a country is chosen
    stream = tmp_path / "output.bin"
    terminal.run("pipe-pane", "-o", f"cat >> {shlex.quote(str(stream))}")
    terminal.press("c")
    terminal.wait_for("Copied")
    terminal.run("pipe-pane")
    settled = -1
    while settled != stream.stat().st_size:
        settled = stream.stat().st_size
        time.sleep(0.2)
    shown = terminal.screen()
    copied = re.search(r"Copied (.+?)\. You can", " ".join(shown.split()))
    assert copied, shown
    expected = base64.b64encode(copied.group(1).encode()).decode()
    assert f"\x1b]52;c;{expected}".encode() in stream.read_bytes()


def tmux_buffers(terminal: Terminal) -> list[str]:
    """What each of tmux's paste buffers holds now."""
    names = terminal.run("list-buffers", "-F", "#{buffer_name}", check=False).stdout.split()
    return [terminal.run("show-buffer", "-b", name, check=False).stdout for name in names]


def test_a_copied_number_leaves_the_clipboard_on_hide_and_on_quit(
    terminal: Terminal, data: Path, tmp_path: Path
) -> None:
    """Where tmux keeps what apps copy, the number copied in the crisis view is gone from
    its paste buffers once the screen is hidden, and again after quitting; the terminal is
    sent the empty clipboard sequence too. The notice says it will be cleared."""
    first_run(terminal, data)
    terminal.run("set-option", "-s", "set-clipboard", "on")
    terminal.press("!")
    terminal.wait_for("If you need someone now")
    terminal.press("o")
    terminal.wait_for("Your country for helplines")
    terminal.press("Enter")
    terminal.wait_for("Crisis and suicide lines")
    terminal.press("c")
    shown = " ".join(terminal.wait_for("Copied").split())
    number = re.search(r"Copied (.+?)\. You can", shown)
    assert number, shown
    terminal.wait_until(lambda _s: number.group(1) in tmux_buffers(terminal), "a tmux buffer")
    assert "leaves the clipboard" in shown
    terminal.press("C-l")
    terminal.wait_until(lambda _s: number.group(1) not in tmux_buffers(terminal), "hide clears")
    terminal.press("x")
    terminal.wait_for("Crisis and suicide lines")
    stream = tmp_path / "output.bin"
    terminal.run("pipe-pane", "-o", f"cat >> {shlex.quote(str(stream))}")
    terminal.press("c")
    terminal.wait_until(lambda _s: number.group(1) in tmux_buffers(terminal), "copied again")
    terminal.press("Escape")
    terminal.wait_for("1 No Contact")
    terminal.press("q")
    assert terminal.exit_status() == 0
    assert number.group(1) not in tmux_buffers(terminal)
    terminal.wait_until(lambda _s: b"\x1b]52;c;\x07" in stream.read_bytes(), "the empty copy")


def test_h_logs_that_they_reached_out_and_the_counter_shows_it(
    terminal: Terminal, data: Path
) -> None:
    """h, past the caution, a channel, save: the day counter counts it, the streak unchanged."""
    shown = first_run(terminal, data)
    before = totals(shown)
    terminal.press("h")
    terminal.wait_for("A gentle caution")
    terminal.press("Enter")
    terminal.wait_for("reached out")
    # When, then How: open the list of ways, step up from "A text message" to "A call".
    # Keys reach the app in order and Tab moves focus at once, so no pause is needed.
    terminal.press("Tab")
    terminal.press("Enter")
    terminal.wait_for("In person")
    terminal.press("Up")
    terminal.press("Enter")
    # As a person does: see the list close with the choice shown, then save.
    terminal.wait_until(lambda s: "In person" not in s and "A call" in s, "A call to be chosen")
    terminal.press("C-s")
    shown = terminal.wait_for("eached out 1 time, not answered")
    assert totals(shown) == before
    terminal.press("v")
    shown = terminal.wait_for("Times Sam [bold] reached out")
    assert "A call" in shown


def test_a_little_win_and_the_checklist_survive_a_restart(terminal: Terminal, data: Path) -> None:
    """w answers the day's question; b, past the safety note, blocks a channel; both stay."""
    first_run(terminal, data)
    terminal.wait_for("What went right today?")
    terminal.press("w")
    terminal.wait_for("Small things count")
    terminal.type("Walked by the sea")
    terminal.press("Enter")
    terminal.wait_until(lambda shown: "What went right" not in shown, "the question to go")
    terminal.press("b")
    terminal.wait_for("Before you block anyone")
    terminal.press("n")
    terminal.wait_for("None of the")
    terminal.press("b")
    terminal.wait_for("Blocked", "You've looked at 1 of")
    terminal.press("Escape")
    terminal.wait_for("3 weeks since")
    quit_app(terminal)

    terminal.start("--data", str(data))
    shown = terminal.wait_for("3 weeks since", "4 Crisis contacts")
    assert "What went right" not in shown
    terminal.press("W")
    terminal.wait_for("Walked by the sea")
    terminal.press("Escape")
    terminal.wait_for("3 weeks since")
    terminal.press("b")
    shown = terminal.wait_for("Blocked")
    assert "Before you block anyone" not in shown


CRASHING = """\
import sys

from companion.app import CompanionApp
from companion.cli import main


def explode(self):
    raise RuntimeError("could not handle " + self.screen.focused.value)


CompanionApp.action_quick_hide = explode
sys.exit(main())
"""
"""The installed app with one bug put in: ctrl+l raises an error quoting the typed text."""


def test_a_crash_prints_no_private_word_keeps_it_and_exits_with_1(
    terminal: Terminal, data: Path, tmp_path: Path
) -> None:
    """Something unexpected while a reason is half typed: the terminal, scrollback
    included, shows a calm message and none of the words; the exit status is 1; the words
    are in a draft in the data folder, and the next start shows them."""
    first_run(terminal, data)
    quit_app(terminal)
    script = tmp_path / "crashing.py"
    script.write_text(CRASHING)
    terminal.start("--data", str(data), program=[sys.executable, str(script)])
    terminal.wait_for("1 No Contact")
    terminal.press("3", "a")
    terminal.wait_for("Save")
    secret = "my new address is 14 Quiet Lane"
    terminal.type(secret)
    terminal.wait_for(secret)
    terminal.press("C-l")
    assert terminal.exit_status() == 1
    words = ("ran into a problem", "emergency number", "still there", "drafts")
    history = terminal.wait_until(
        lambda shown: all(word in shown for word in words), "the message", history=True
    )
    assert "Quiet Lane" not in history and "Traceback" not in history, history
    drafts = list((data / "drafts").glob("*.json"))
    assert len(drafts) == 1 and secret in drafts[0].read_text()
    reports = list((data / "reports").glob("*.txt"))
    assert len(reports) == 1 and "Quiet Lane" not in reports[0].read_text()
    terminal.start("--data", str(data))
    terminal.wait_for("What you were writing", secret)


def test_textual_log_switches_never_see_a_key(
    terminal: Terminal, data: Path, tmp_path: Path
) -> None:
    """With Textual's development switches set in the environment (a log of every key,
    a screenshot after a delay), typing a reason writes no file outside the data folder."""
    first_run(terminal, data)
    quit_app(terminal)
    log = tmp_path / "textual.log"
    shots = tmp_path / "shots"
    shots.mkdir()
    terminal.env.update(
        TEXTUAL_LOG=str(log),
        TEXTUAL_SCREENSHOT="1",
        TEXTUAL_SCREENSHOT_LOCATION=str(shots),
    )
    terminal.start("--data", str(data))
    terminal.wait_for("1 No Contact")
    terminal.press("3", "a")
    terminal.wait_for("Save")
    terminal.type("a secret reason")
    terminal.wait_for("a secret reason")
    terminal.press("C-s")
    terminal.wait_for("1 No Contact", "a secret reason", "a Add")
    quit_app(terminal)
    assert not log.exists()
    assert list(shots.iterdir()) == []


def test_unreadable_data_still_opens_on_where_to_turn(terminal: Terminal, tmp_path: Path) -> None:
    """An emptied data file with no backup: the installed command opens on the emergency
    numbers and the plain words; q leaves the file as it was and exits with 1."""
    data = tmp_path / "data"
    data.mkdir()
    (data / "data.json").write_bytes(b"")
    terminal.start("--data", str(data))
    shown = terminal.wait_for("If you need someone now", "112", "What happened", "q Quit")
    assert "could not be read" in " ".join(shown.split())
    terminal.press("q")
    assert terminal.exit_status() == 1
    assert (data / "data.json").read_bytes() == b""
    assert not [path for path in data.iterdir() if path.name.startswith("set-aside")]


def test_a_second_window_can_look_without_changing_anything(
    terminal: Terminal, tmp_path: Path
) -> None:
    """While another copy holds the folder, the installed command opens on where to
    turn; l opens the data to look at, says so, and leaves every file as it was."""
    from companion.domain.profile import Profile
    from companion.domain.reasons import Reason
    from companion.store.repository import Repository

    data = tmp_path / "data"
    first = Repository.open(data)
    try:
        first.save_profile(Profile(alias="", welcomed=True))
        first.save_reason(Reason(text="the first window's reason", created_at=datetime.now(UTC)))
        before = {path: path.read_bytes() for path in data.rglob("*") if path.is_file()}
        terminal.start("--data", str(data))
        terminal.wait_for("If you need someone now", "already open")
        terminal.press("l")
        shown = terminal.wait_for("the first window's reason", "open to look at only")
        assert "nothing in its folder is changed" in " ".join(shown.split())
        quit_app(terminal)
        after = {path: path.read_bytes() for path in data.rglob("*") if path.is_file()}
        assert after == before
    finally:
        first.close()


def test_a_sealed_folder_asks_first_and_locks_away_from_the_scrollback(
    terminal: Terminal, tmp_path: Path
) -> None:
    """The installed command on a sealed folder: only the passphrase prompt, a wrong
    passphrase changes nothing, the right one opens the data; Lock now leaves only the
    prompt, with nothing of the data on the screen or in the scrollback."""
    from companion.domain.profile import Profile
    from companion.domain.reasons import Reason
    from companion.store import seal, sealing
    from companion.store.repository import Repository

    data = tmp_path / "data"
    repo = Repository.open(data)
    repo.save_profile(Profile(alias="", welcomed=True))
    repo.save_reason(Reason(text="a sealed reason", created_at=datetime.now(UTC)))
    repo.ledger.reseal(lambda: sealing.turn_on(data, "four words of mine", None))
    repo.close()
    seal.KEYRING.clear()
    before = {path: path.read_bytes() for path in data.rglob("*") if path.is_file()}
    terminal.start("--data", str(data))
    terminal.wait_for("Passphrase", "Enter to open")
    terminal.type("not mine at all")
    terminal.press("Enter")
    terminal.wait_for("does not open your data")
    after = {path: path.read_bytes() for path in data.rglob("*") if path.is_file()}
    assert after == before
    terminal.type("four words of mine")
    terminal.press("Enter")
    terminal.wait_for("a sealed reason", "1 No Contact")
    terminal.press("C-p")
    terminal.type("lock now")
    terminal.wait_for("Close on the passphrase prompt")
    terminal.press("Enter")
    shown = terminal.wait_for("Passphrase", "Enter to open")
    history = terminal.run("capture-pane", "-p", "-S", "-200").stdout
    assert "a sealed reason" not in shown and "a sealed reason" not in history
    terminal.press("Escape")
    assert terminal.exit_status() == 0


def files_holding(top: Path, secret: bytes, since: float, skip: Path) -> list[Path]:
    """Files under ``top`` changed since ``since`` (outside ``skip``) whose bytes hold
    ``secret``."""
    found = []
    for folder, dirs, names in os.walk(top):
        here = Path(folder)
        if here == skip or skip in here.parents:
            dirs[:] = []
            continue
        for name in names:
            path = here / name
            try:
                info = path.lstat()
                if not stat.S_ISREG(info.st_mode) or info.st_mtime < since:
                    continue
                if info.st_size < 50_000_000 and secret in path.read_bytes():
                    found.append(path)
            except OSError:
                continue
    return found


def test_a_known_secret_is_found_only_inside_the_data_folder(
    terminal: Terminal, tmp_path: Path
) -> None:
    """A whole session with a secret typed into a reason, a crisis number copied, the
    screen hidden, and a quit: the secret is nowhere in what the terminal was sent, in
    the home folder, the temp folder or anywhere under /tmp changed meanwhile, except
    inside the data folder."""
    began = time.time() - 1
    home = tmp_path / "home"
    temp = tmp_path / "temp"
    home.mkdir()
    temp.mkdir()
    data = home / "companion-data"
    terminal.env.update(HOME=str(home), TMPDIR=str(temp), XDG_DATA_HOME=str(home / ".local"))
    secret = f"secret-{uuid.uuid4().hex}"
    first_run(terminal, data)
    stream = tmp_path / "output.bin"
    terminal.run("pipe-pane", "-o", f"cat >> {shlex.quote(str(stream))}")
    terminal.press("3", "a")
    terminal.wait_for("Save")
    terminal.type(f"I left because {secret}")
    terminal.wait_for(secret[:20])
    terminal.press("C-s")
    terminal.wait_for("a Add")
    terminal.press("C-l")
    terminal.wait_until(lambda shown: "No Contact" not in shown, "the screen hidden")
    terminal.press("x")
    terminal.wait_for("1 No Contact", "a Add")
    quit_app(terminal)
    assert secret[:20] in " ".join(
        path.read_text(errors="replace") for path in (data / "journal").iterdir()
    ), "the secret was not saved at all"
    everywhere = [home, temp, Path("/tmp")]
    leaks = {p for top in everywhere for p in files_holding(top, secret.encode(), began, data)}
    leaks.discard(stream)  # checked below: it is what the terminal was sent
    assert leaks == set()
    sent = stream.read_bytes()
    assert secret.encode() in sent  # the screen showed it while it was open, as it should
    after = sent[sent.rfind(b"\x1b[?1049l") :]  # what stays in the terminal after quitting
    assert secret.encode() not in after
    assert secret not in terminal.screen(history=True)
