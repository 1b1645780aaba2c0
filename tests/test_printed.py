"""The printable PDF of the record: written beside its Markdown, every page numbered
"Page X of Y", every entry and the final hash in its text, every character as typed
(Hebrew, Arabic, emoji), and a character no font can draw named by its code."""

from __future__ import annotations

import stat
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from fontTools import subset
from fontTools.ttLib import TTFont
from pypdf import PdfReader

from companion import printed
from companion.domain import record

from .conftest import run_companion as companion
from .test_record import WORDS, logged


def text_of(path: Path) -> list[str]:
    return [page.extract_text() for page in PdfReader(path).pages]


def squeezed(text: str) -> str:
    return "".join(text.split())


def test_the_record_is_written_as_a_pdf_beside_its_markdown(tmp_path: Path) -> None:
    root = tmp_path / "data"
    logged(root)
    done = companion("export", "--record", "--data", str(root), "--out", str(tmp_path / "r.md"))
    assert done.returncode == 0, done.stderr
    markdown, pdf = tmp_path / "r.md", tmp_path / "r.pdf"
    assert str(pdf) in done.stderr and str(markdown) in done.stderr
    assert stat.S_IMODE(pdf.stat().st_mode) == 0o600
    final = markdown.read_text(encoding="utf-8").split(record.FINAL)[1].split()[0]

    pages = text_of(pdf)
    whole = "\n".join(pages)
    for n, page in enumerate(pages, start=1):
        assert f"Page {n} of {len(pages)}" in page
    assert squeezed(f"{record.FINAL}{final}") in squeezed(whole)
    for n in range(1, 5):
        assert f"Entry {n}" in whole
    for words in (
        "message 0",
        "message 1",
        "a friend",
        "the first, corrected again",
        "Removed from the log",
        "[bold]not markup[/]",
        "🌱",
        "שלום",
        "مرحبا",
    ):
        assert squeezed(words) in squeezed(whole), words
    assert "only mine" not in whole  # how it felt stays private, as in the Markdown
    assert "U+" not in whole  # every character here could be drawn

    again = companion("export", "--record", "--data", str(root), "--out", str(tmp_path / "r.md"))
    assert again.returncode == 0  # never over a file: a new pair beside
    assert (tmp_path / "r-2.md").exists() and (tmp_path / "r-2.pdf").exists()
    assert pdf.read_bytes()[:5] == b"%PDF-"


def test_a_long_record_numbers_every_page(tmp_path: Path) -> None:
    events: list[dict[str, Any]] = []
    moment = datetime(2026, 11, 1, 21, 5, tzinfo=UTC)
    for n in range(60):
        content = {
            "on": "2026-11-01",
            "logged_at": moment.isoformat(),
            "channel": "text",
            "said": f"entry {n} " + WORDS * 4,
        }
        events.append(
            record.link(events[-1] if events else None, "logged", str(n), moment, content)
        )
    pdf = tmp_path / "long.pdf"
    pdf.write_bytes(printed.render(record.render(events, moment)))
    pages = text_of(pdf)
    assert len(pages) > 3
    assert all(f"Page {n} of {len(pages)}" in page for n, page in enumerate(pages, start=1))
    assert squeezed(events[-1]["hash"]) in squeezed("".join(pages))


def test_a_character_no_font_draws_is_named_by_its_code(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(printed, "_font_folders", lambda: [tmp_path / "none"])
    text = record.TITLE + "\n\nMade today.\n\n- said: red \x1b[31m and \U0010fffd here\n"
    pdf = tmp_path / "r.pdf"
    pdf.write_bytes(printed.render(text))
    whole = "".join(text_of(pdf))
    assert "U+001B" in whole and "U+10FFFD" in whole
    assert squeezed("written as its Unicode code") in squeezed(whole)


def test_a_font_on_this_computer_draws_what_the_shipped_ones_cannot(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    fonts = tmp_path / "fonts"
    fonts.mkdir()
    shipped = Path(printed.__file__).parent / "fonts" / "DejaVuSans.ttf"
    font = TTFont(shipped)
    options = subset.Options()
    subsetter = subset.Subsetter(options)
    subsetter.populate(text="A")
    subsetter.subset(font)
    glyph = font.getBestCmap()[ord("A")]
    for table in font["cmap"].tables:
        table.cmap = {0x0939: glyph}  # a Devanagari letter neither shipped font has
    font.save(fonts / "found.ttf")
    monkeypatch.setattr(printed, "_font_folders", lambda: [fonts])
    pdf = tmp_path / "r.pdf"
    pdf.write_bytes(printed.render(record.TITLE + "\n\n- said: \u0939\n"))
    whole = "".join(text_of(pdf))
    assert "\u0939" in whole and "U+0939" not in whole


def fragments(path: Path) -> list[tuple[float, str]]:
    """Each piece of text on the first page with where it starts across the page (pt)."""
    found: list[tuple[float, str]] = []

    def seen(text: str, cm: Any, tm: Any, font: Any, size: Any) -> None:
        if text.strip():
            found.append((float(tm[4]), text))

    PdfReader(path).pages[0].extract_text(visitor_text=seen)
    return found


def test_hebrew_starts_at_the_right_and_a_code_stays_where_its_character_stood(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A line that begins in Hebrew is set against the right edge, where its reader starts;
    a line in English against the left. Characters no font here draws, typed in a
    left-to-right run inside Hebrew, keep their order in that run as their codes."""
    monkeypatch.setattr(printed, "_font_folders", lambda: [tmp_path / "none"])
    text = (
        record.TITLE
        + "\n\n    > שלום לך\n    > hello there\n"
        + "    > מה \U0010fffd\U0010fffc ok שלום\n"
    )
    pdf = tmp_path / "r.pdf"
    pdf.write_bytes(printed.render(text))
    width = float(PdfReader(pdf).pages[0].mediabox.width)
    starts = {piece.strip(): x for x, piece in fragments(pdf)}
    assert starts["שלום לך"] > width / 2
    assert starts["hello there"] < width / 4
    whole = squeezed("".join(text_of(pdf))).replace("\u200e", "")
    assert "⟨U+10FFFD⟩⟨U+10FFFC⟩ok" in whole
    assert squeezed("(such as U+10FFFD)") in whole  # the first one in the record


def test_a_record_that_cannot_be_laid_out_writes_nothing_and_says_what_to_do(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from companion import carry

    def fails(markdown: str) -> bytes:
        raise ValueError(f"cannot lay out {markdown[:40]}")

    root = tmp_path / "data"
    logged(root)
    monkeypatch.setattr(printed, "render", fails)
    out = tmp_path / "out"
    out.mkdir()
    assert carry.export(root, "record", out) == 1
    said = capsys.readouterr().err
    assert "PDF was not made" in said and "--json" in said and "cannot lay out" not in said
    assert list(out.iterdir()) == []
    assert carry.export(root, "record", out / "r.json", as_json=True) == 0
    assert [p.name for p in out.iterdir()] == ["r.json"]


def test_in_a_terminal_the_command_says_the_pdf_is_being_made(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """A long record takes seconds to lay out: a person at a terminal is told, first."""
    import sys

    from companion import carry

    root = tmp_path / "data"
    logged(root)
    monkeypatch.setattr(sys.stderr, "isatty", lambda: True)
    assert carry.export(root, "record", tmp_path / "r.md") == 0
    lines = capsys.readouterr().err.splitlines()
    assert lines[0] == "Making the printable PDF of the record…"
    assert lines[1].startswith("Wrote the record to")
