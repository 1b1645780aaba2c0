"""The table for long lists: thousands of rows, only those on screen drawn, every cell
shown as the text it holds."""

from __future__ import annotations

from rich.cells import cell_len
from textual.app import App, ComposeResult

from companion.ui.long_table import LongTable, _drop_cells


class TableApp(App[None]):
    """Just the table, focused."""

    def compose(self) -> ComposeResult:
        """One table of three columns."""
        yield LongTable(("When", "What", "Note"))

    def on_mount(self) -> None:
        """Focus it."""
        self.query_one(LongTable).focus()


def screen(app: App[None]) -> str:
    """Every line on screen."""
    return "\n".join(app.screen.query_one(LongTable).render_line(y).text for y in range(24))


async def test_thousands_of_rows_scroll_with_the_cursor() -> None:
    """Rows added in slices all arrive; Down, Page down, End and Home move the cursor and
    the rows on screen follow it, with the header kept at the top."""
    app = TableApp()
    async with app.run_test(size=(60, 24)) as pilot:
        table = app.query_one(LongTable)
        for start in range(0, 5000, 500):
            table.add_rows((f"row {n}", "x", "") for n in range(start, start + 500))
        await pilot.pause()
        assert table.row_count == 5000
        shown = screen(app)
        assert shown.splitlines()[0].split() == ["When", "What", "Note"]
        assert "row 0 " in shown and "row 22 " in shown and "row 23 " not in shown
        await pilot.press(*["down"] * 25)
        await pilot.pause()
        assert table.cursor_row == 25
        assert "row 25 " in screen(app) and "row 0 " not in screen(app)
        await pilot.press("end")
        await pilot.pause()
        assert table.cursor_row == 4999 and "row 4999" in screen(app)
        assert screen(app).splitlines()[0].split() == ["When", "What", "Note"]
        await pilot.press("pageup")
        await pilot.pause()
        assert table.cursor_row == 4999 - 22  # 23 rows on screen: one stays in view
        await pilot.press("home", "up")
        await pilot.pause()
        assert table.cursor_row == 0 and "row 0 " in screen(app)


async def test_cells_are_text_never_markup() -> None:
    """Square brackets, emoji and wide scripts come out as typed, and columns stay
    lined up after them."""
    app = TableApp()
    async with app.run_test(size=(80, 24)) as pilot:
        table = app.query_one(LongTable)
        table.add_rows([("[bold]x[/]", "会いたい 🌊", "end"), ("plain", "y", "end")])
        await pilot.pause()
        shown = screen(app).splitlines()
        assert "[bold]x[/]" in shown[1] and "会いたい 🌊" in shown[1]
        assert cell_len(shown[1][: shown[1].index("end")]) == shown[2].index("end")


async def test_a_click_puts_the_cursor_on_a_row() -> None:
    """Clicking the third row moves the cursor there."""
    app = TableApp()
    async with app.run_test(size=(60, 24)) as pilot:
        table = app.query_one(LongTable)
        table.add_rows((f"row {n}", "", "") for n in range(10))
        await pilot.pause()
        await pilot.click(LongTable, offset=(2, 3))
        await pilot.pause()
        assert table.cursor_row == 2


def test_scrolling_sideways_cuts_wide_characters_cleanly() -> None:
    """Half of a wide character cut off by scrolling sideways becomes a space."""
    assert _drop_cells("abc", 1) == "bc"
    assert _drop_cells("会い", 1) == " い"
    assert _drop_cells("会い", 2) == "い"
    assert _drop_cells("会", 5) == ""
