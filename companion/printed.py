"""The record of when they reached out as a printable PDF: the lines of its Markdown form
laid out on A4, black on white, with "Page X of Y" at the foot of every page.

Every character is drawn as typed, in any script: DejaVu Sans (shipped with the app)
draws Latin, Greek, Cyrillic, Hebrew, Arabic and many more, Symbola (shipped too) draws
emoji and symbols, and a character neither has is looked for in the fonts this computer
has. Right-to-left text is ordered and joined letters are shaped (HarfBuzz). A character
no font here can draw, or one that has no shape (a control character), is written as its
code, such as U+1F979, and the document says so; the Markdown beside it keeps it exactly.
"""

from __future__ import annotations

import os
import sys
import unicodedata
from collections.abc import Callable, Iterable, Iterator
from importlib.resources import as_file, files
from pathlib import Path

from companion.domain import record

SHIPPED = ("DejaVuSans.ttf", "DejaVuSans-Bold.ttf", "Symbola.ttf")
MARGIN = 18.0
"""Millimetres of white around the text."""
MOST_FONTS_READ = 600
"""How many of this computer's font files are looked through for missing characters."""
MISSING = (
    "Some characters could not be drawn with the fonts on this computer; each is written "
    "as its Unicode code (such as {code}). The Markdown form of this record holds them "
    "exactly, and its chain is the same."
)
MARKS = {"L": "\u200e", "R": "\u200f", "AL": "\u200f"}
"""The mark that keeps a written code where its character stood in a line with text in
both directions: a left-to-right letter's code stays in its run of left-to-right text (a
run of Japanese is not reversed inside Hebrew), a right-to-left letter's in its own."""


def _font_folders() -> list[Path]:
    home = Path.home()
    if sys.platform == "darwin":
        return [Path("/System/Library/Fonts"), Path("/Library/Fonts"), home / "Library/Fonts"]
    if sys.platform == "win32":
        windows = Path(os.environ.get("WINDIR", "C:/Windows"))
        local = Path(os.environ.get("LOCALAPPDATA", home))
        return [windows / "Fonts", local / "Microsoft/Windows/Fonts"]
    data = os.environ.get("XDG_DATA_HOME") or str(home / ".local/share")
    return [
        Path("/usr/share/fonts"),
        Path("/usr/local/share/fonts"),
        Path(data) / "fonts",
        home / ".fonts",
    ]


def _font_files() -> Iterator[Path]:
    count = 0
    for folder in _font_folders():
        if not folder.is_dir():
            continue
        for path in sorted(folder.rglob("*")):
            if path.suffix.lower() in (".ttf", ".otf") and path.is_file():
                count += 1
                if count > MOST_FONTS_READ:
                    return
                yield path


def _covered(path: Path) -> set[int]:
    from fontTools.ttLib import TTFont  # type: ignore[import-untyped]

    try:
        with TTFont(str(path), lazy=True) as font:
            if "glyf" not in font and "CFF " not in font:
                return set()
            return set(font.getBestCmap() or {})
    except Exception:  # a damaged or unusual font file is passed over
        return set()


def _drawn(character: str) -> bool:
    """Whether a character needs a glyph of its own (format marks such as a zero-width
    joiner or a variation selector are handled by the shaper)."""
    return unicodedata.category(character) not in ("Cf", "Zl", "Zp") and character != "\n"


def _fonts_for(text: str, shipped: Iterable[Path]) -> tuple[list[Path], set[str]]:
    """The computer's fonts needed beside the shipped ones, and what none can draw."""
    have: set[int] = set()
    for path in shipped:
        have |= _covered(path)
    wanted = {c for c in set(text) if _drawn(c) and unicodedata.category(c) != "Cc"}
    missing = {c for c in wanted if ord(c) not in have}
    extra: list[Path] = []
    if missing:
        for path in _font_files():
            found = {c for c in missing if ord(c) in _covered(path)}
            if found:
                extra.append(path)
                missing -= found
                if not missing:
                    break
    unshaped = {c for c in set(text) if unicodedata.category(c) == "Cc" and c != "\n"}
    return extra, missing | unshaped


def _shaped(line: str) -> bool:
    """Whether a line needs ordering and shaping: only text beyond basic Latin does
    (right-to-left and joined scripts, combining marks); the rest is laid out far faster
    without it, and looks the same."""
    return not line.isascii() and any(ord(c) >= 0x0300 for c in line)


def _pieces(line: str, room: float, width_of: Callable[[str], float]) -> Iterator[str]:
    """A long line of the chain cut where it reaches the edge (it has few spaces to
    break at); measured a character at a time, as laying it out whole is slow."""
    start, used = 0, 0.0
    for n, character in enumerate(line):
        width = width_of(character)
        if used + width > room and n > start:
            yield line[start:n]
            start, used = n, 0.0
        used += width
    yield line[start:]


def _code(character: str) -> str:
    return f"U+{ord(character):04X}"


def _shown(line: str, missing: set[str]) -> str:
    """The line with each character no font draws written as its code, in the direction
    the character itself runs (``MARKS``)."""
    if not missing:
        return line

    def written(c: str) -> str:
        mark = MARKS.get(unicodedata.bidirectional(c), "")
        return f"{mark}\u27e8{_code(c)}\u27e9{mark}"

    return "".join(written(c) if c in missing else c for c in line)


def _align(line: str) -> str:
    """Right for a line whose first letter runs right to left (Hebrew, Arabic), as its
    reader starts there; left for every other. Never stretched to both edges."""
    for character in line:
        direction = unicodedata.bidirectional(character)
        if direction in ("R", "AL"):
            return "R"
        if direction == "L":
            return "L"
    return "L"


def render(markdown: str) -> bytes:
    """The PDF of a record given in its Markdown form (from ``record.render``)."""
    from fpdf import FPDF
    from fpdf.enums import WrapMode, XPos, YPos

    folder = files("companion") / "fonts"
    with as_file(folder) as fonts:
        shipped = [Path(fonts) / name for name in SHIPPED]
        text = markdown.replace("\t", "    ")
        extra, missing = _fonts_for(text, shipped)

        class Page(FPDF):
            def footer(self) -> None:
                self.set_y(-12)
                self.set_font("body", "", 8)
                self.cell(0, 6, f"Page {self.page_no()} of {{nb}}", align="C")

        pdf = Page(format="A4")
        pdf.set_title(record.TITLE.lstrip("# "))
        pdf.set_creator("companion")
        pdf.set_margins(MARGIN, MARGIN, MARGIN)
        pdf.set_auto_page_break(True, margin=MARGIN)
        pdf.add_font("body", "", str(shipped[0]))
        pdf.add_font("body", "B", str(shipped[1]))
        pdf.add_font("symbols", "", str(shipped[2]))
        names = ["symbols"]
        for n, path in enumerate(extra):
            pdf.add_font(f"found{n}", "", str(path))
            names.append(f"found{n}")
        pdf.set_fallback_fonts(names, exact_match=False)
        pdf.alias_nb_pages()
        pdf.add_page()
        pdf.set_text_color(0, 0, 0)

        def put(
            line: str,
            size: float,
            *,
            style: str = "",
            indent: float = 0,
            wrap: WrapMode = WrapMode.WORD,
        ) -> None:
            pdf.set_font("body", style, size)
            pdf.set_text_shaping(use_shaping_engine=_shaped(line))
            pdf.set_x(MARGIN + indent)
            pdf.multi_cell(
                0,
                size * 0.5,
                _shown(line, missing),
                align=_align(line),
                new_x=XPos.LMARGIN,
                new_y=YPos.NEXT,
                wrapmode=wrap,
            )

        widths: dict[str, float] = {}

        def width_of(character: str) -> float:
            if character not in widths:
                widths[character] = pdf.get_string_width(character)
            return widths[character]

        in_chain = False
        lines = text.split("\n")
        if missing:
            first = next(c for c in text if c in missing)
            lines[1:1] = ["", MISSING.format(code=_code(first))]
        for line in lines:
            if line.startswith("```"):
                in_chain = not in_chain
            elif in_chain and not _shaped(line):
                pdf.set_font("body", "", 6.5)
                pdf.set_text_shaping(use_shaping_engine=False)
                for piece in _pieces(line, pdf.epw, width_of):
                    pdf.cell(0, 3.25, piece, new_x=XPos.LMARGIN, new_y=YPos.NEXT)
                pdf.ln(0.8)
            elif in_chain:
                put(line, 6.5, wrap=WrapMode.CHAR)
                pdf.ln(0.8)
            elif line.startswith("# "):
                put(line[2:], 15, style="B")
            elif line.startswith("## "):
                pdf.ln(2)
                put(line[3:], 11.5, style="B")
            elif not line:
                pdf.ln(2)
            elif line.startswith(record.FINAL):
                put(line, 9, style="B", wrap=WrapMode.CHAR)
            elif line.startswith("    > "):
                put(line[6:], 10, indent=8)
            elif line.startswith("  "):
                stripped = line.lstrip(" ")
                put(stripped, 9.5, indent=len(line) - len(stripped) + 2)
            else:
                put(line, 10)
        return bytes(pdf.output())
