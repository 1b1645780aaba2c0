"""Exports and a backup read back in, from the palette, as a person does them."""

from __future__ import annotations

import stat
import time
from datetime import date
from pathlib import Path

import pytest
from pypdf import PdfReader
from textual.widgets import Input

from companion.domain import record
from companion.domain.hoovers import Hoover
from companion.domain.reasons import Reason
from companion.store import backup
from companion.store.repository import Repository

from ..conftest import NOW
from .support import palette, screen_words, seed, until_shown, until_toast


@pytest.fixture
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "home"
    folder.mkdir()
    monkeypatch.setenv("HOME", str(folder))
    return folder


async def test_a_summary_and_the_record_from_the_palette(make_app, data_dir, home: Path) -> None:
    seed(data_dir, start=date(2026, 10, 1))
    repo = Repository.open(data_dir)
    repo.save_reason(Reason(text="a reason [b]as typed[/b]", created_at=NOW))
    repo.save_hoover(Hoover(on=date(2026, 11, 2), channel="call", logged_at=NOW, felt="mine"))
    repo.close()
    app = make_app()
    async with app.run_test(size=(100, 34), notifications=True) as pilot:
        await palette(pilot, "Export a summary to share")
        shown = screen_words(app)
        assert "How each contact made me feel (yours alone)" in shown
        assert str(home) in app.screen.query_one("#path", Input).value
        await pilot.press("ctrl+s")
        toast = await until_toast(pilot, "Written to")
        (summary,) = home.glob("companion-summary-*.md")
        assert str(summary) in toast.replace(" ", "") or summary.name in toast.replace(" ", "")
        text = summary.read_text(encoding="utf-8")
        assert "a reason [b]as typed[/b]" in text and "mine" not in text
        assert stat.S_IMODE(summary.stat().st_mode) == 0o600
        await palette(pilot, "Export the record of when they reached out")
        await pilot.press("ctrl+s")
        toast = await until_toast(pilot, "Making the PDF to print beside it")
        assert "Written to" in toast and "companion-record-" in toast
        await until_toast(pilot, "The PDF to print is at")
    (made,) = home.glob("companion-record-*.md")
    assert record.verify(made.read_text(encoding="utf-8")).holds
    (pdf,) = home.glob("companion-record-*.pdf")
    assert pdf.stem == made.stem and stat.S_IMODE(pdf.stat().st_mode) == 0o600
    pages = PdfReader(pdf).pages
    assert f"Page 1 of {len(pages)}" in pages[0].extract_text()


async def test_a_backup_read_in_from_the_palette_shows_at_once(
    make_app, data_dir, home: Path, tmp_path: Path
) -> None:
    other = tmp_path / "other"
    repo = Repository.open(other)
    repo.save_reason(Reason(text="from the other computer", created_at=NOW))
    made = backup.write_private(tmp_path / "b.json", backup.backup_bytes(repo.ledger, NOW))
    repo.close()
    seed(data_dir, start=date(2026, 10, 1))
    app = make_app()
    async with app.run_test(size=(100, 34), notifications=True) as pilot:
        await palette(pilot, "Import a full backup")
        app.screen.query_one("#path", Input).value = str(made)
        await pilot.press("ctrl+s")
        await until_shown(pilot, "Read it in?")
        assert "reasons: 1 new" in screen_words(app)
        await pilot.press("y")
        await until_toast(pilot, "Read in")
        await until_shown(pilot, "from the other computer")
        assert "from the other computer" in screen_words(app)


async def test_a_pdf_that_cannot_be_laid_out_keeps_the_markdown_and_the_app(
    make_app, data_dir, home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from companion import printed

    def fails(markdown: str) -> bytes:
        raise ValueError(f"cannot lay out {markdown[:40]}")

    monkeypatch.setattr(printed, "render", fails)
    seed(data_dir, start=date(2026, 10, 1))
    repo = Repository.open(data_dir)
    repo.save_hoover(Hoover(on=date(2026, 11, 2), channel="call", logged_at=NOW, said="hi"))
    repo.close()
    app = make_app()
    async with app.run_test(size=(100, 34), notifications=True) as pilot:
        await palette(pilot, "Export the record of when they reached out")
        await pilot.press("ctrl+s")
        shown = await until_toast(pilot, "The PDF was not made")
        assert "The Markdown beside it holds every word" in shown
        assert "cannot lay out" not in shown  # the failure's words could quote the record
        assert app.is_running
    (made,) = home.glob("companion-record-*.md")
    assert record.verify(made.read_text(encoding="utf-8")).holds
    assert not list(home.glob("companion-record-*.pdf"))


@pytest.mark.usefixtures("cheap_seal")
async def test_a_sealed_folder_offers_a_sealed_backup_and_warns_of_plain_text(
    make_app, data_dir, home: Path
) -> None:
    """In passphrase mode, at 80x24: the backup is offered sealed, with what that means in
    full (a checkbox's label is cut at the edge), and written sealed; a summary warns that
    it leaves the sealed folder as plain text."""
    from companion.store import sealing

    secret = "kept-only-sealed-7d2e"
    seed(data_dir, start=date(2026, 10, 1))
    repo = Repository.open(data_dir)
    repo.save_reason(Reason(text=secret, created_at=NOW))
    repo.ledger.reseal(lambda: sealing.turn_on(data_dir, "four words of mine", None))
    repo.close()
    app = make_app()
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await palette(pilot, "Export a full backup")
        shown = await until_shown(pilot, "Seal it with my passphrase")
        assert "opens only with your passphrase, on any computer" in shown
        assert "anyone who has the file can read" in shown
        await pilot.press("ctrl+s")
        await until_toast(pilot, "Written to")
        (made,) = home.glob("companion-backup-*.json")
        assert secret.encode() not in made.read_bytes()
        raw = made.read_bytes()
        assert backup.is_sealed_backup(raw)
        plain = backup.open_sealed_backup(raw, "four words of mine", made)
        assert secret in backup.read_backup(plain, made)["reasons"]["1"]["text"]
        app.clear_notifications()  # as they time out: the warning is read, not a notice
        await palette(pilot, "Export a summary to share")
        shown = await until_shown(pilot, "this file is plain text")
        assert "plain text: anyone who opens" in shown


async def test_what_is_ticked_shows_without_colour(make_app, data_dir, home: Path) -> None:
    """The summary's sections: each ticked one holds an X and each private one, left out,
    an empty box, so the choice reads the same in a terminal without colour; ticking one
    marks it."""
    from .support import screen_text

    seed(data_dir, start=date(2026, 10, 1))
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await palette(pilot, "Export a summary to share")
        await until_shown(pilot, "Letters I did not send")
        lines = screen_text(app).splitlines()

        def box(words: str) -> str:
            (line,) = [line for line in lines if words in line]
            return line[line.index(words) - 4 : line.index(words) - 1]

        assert box("Reasons I left") == "▐X▌"
        assert box("How each contact made me feel") == "▐ ▌"
        assert box("Letters I did not send") == "▐ ▌"
        app.screen.query_one("#section-felt").focus()
        await pilot.press("space")
        deadline = time.monotonic() + 30
        while box("How each contact made me feel") != "▐X▌":
            assert time.monotonic() < deadline, "ticking it never marked it"
            await pilot.pause(0.05)
            lines = screen_text(app).splitlines()
