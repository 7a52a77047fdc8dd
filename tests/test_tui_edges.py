"""Lines at the view's right edge: text stays left of the scrollbar, and a line cut there says so."""

from __future__ import annotations

import pytest
from conftest import settle
from hypothesis import given
from hypothesis import strategies as st
from test_tui import sync

pytest.importorskip("textual")

from reader.load import document_from_bytes  # noqa: E402
from reader.tui.app import ReaderApp  # noqa: E402
from reader.tui.widgets.reading import CUT_MARK  # noqa: E402
from reader.tui.work import analyze_document  # noqa: E402

WIDE_PAGE = (
    "# Wide things\n\n"
    + "\n\n".join(f"Paragraph {n} is plain prose about the weather in the hills." for n in range(30))
    + "\n\n```\ncode_line = "
    + "1 + " * 60
    + "1\n```\n\n| name | value | note |\n|---|---|---|\n| alpha | 1 | "
    + "wide cell " * 25
    + "|\n\n```\n"
    + "漢字の行" * 40
    + "\n```\n"
)


def screen_rows(view) -> list[str]:
    return [view.render_line(y).text for y in range(view.size.height)]


@sync
@pytest.mark.parametrize("size", [(80, 24), (200, 60)])
async def test_text_stays_left_of_the_scrollbar_and_a_cut_line_ends_with_a_mark(size):
    doc = document_from_bytes("wide.md", WIDE_PAGE.encode("utf-8"))
    async with ReaderApp([doc], analyzer=analyze_document).run_test(size=size) as pilot:
        await settle(pilot)
        view = pilot.app.screen.reading
        await pilot.press("G")
        await pilot.pause()
        assert view.max_scroll_y > 0  # a scrollbar is there
        rows = screen_rows(view)
        width = view.size.width
        assert all(row[-1] == " " for row in rows), rows  # the scrollbar's column is left free
        for start in ("code_line = 1 + 1", "alpha │ 1", "漢字の行漢字の行"):
            row = next(row for row in rows if start in row)
            assert row.rstrip().endswith(CUT_MARK), row
            assert len(row.rstrip()) <= width - 1
        await pilot.press(*"l" * 60)  # scrolled sideways to the end of the longest line
        await pilot.pause()
        rows = screen_rows(view)
        assert all(row[-1] == " " for row in rows)
        assert not next(row for row in rows if "+ 1 + 1" in row).rstrip().endswith(CUT_MARK)


@sync
async def test_l_scrolls_a_code_block_sideways_when_the_page_has_no_wide_table():
    page = "# Code\n\nRun this:\n\n```\nmake all " + "CFLAGS=-O2 " * 20 + "END\n```\n"
    doc = document_from_bytes("code.md", page.encode("utf-8"))
    async with ReaderApp([doc], analyzer=analyze_document).run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        view = pilot.app.screen.reading
        assert any(row.rstrip().endswith(CUT_MARK) for row in screen_rows(view))
        await pilot.press(*"l" * 30)
        await pilot.pause()
        rows = screen_rows(view)
        assert any(row.rstrip().endswith("END") for row in rows), rows


@sync
async def test_j_and_k_move_in_a_focused_pane_not_the_text_behind_it():
    from test_tui import opened

    async with opened((120, 40)) as (pilot, screen):
        await pilot.press("S")
        await pilot.pause()
        options = screen.query_one("#summary").options
        assert screen.focused is options and options.option_count > 2
        top = screen.reading.scroll_y
        await pilot.press("j")
        await pilot.pause()
        first = options.highlighted
        assert first is not None
        await pilot.press("j")
        await pilot.pause()
        assert options.highlighted == first + 1
        assert screen.reading.scroll_y == top  # the text stayed where it was
        await pilot.press("k")
        await pilot.pause()
        assert options.highlighted == first
        await pilot.press("G")
        await pilot.pause()
        assert options.highlighted == options.option_count - 1 and screen.reading.scroll_y == top


LONG_NAMES = [
    "pg1342-pride-and-prejudice-by-jane-austen.txt",
    "the_adventures_of_sherlock_holmes_by_arthur_conan_doyle.txt",
]


def list_rows(widget) -> list[str]:
    return [widget.render_line(y).text.strip() for y in range(widget.size.height)]


@sync
@pytest.mark.parametrize("size", [(120, 40), (200, 60)])
async def test_a_long_file_name_wraps_after_a_separator_not_mid_word(tmp_path, size):
    from reader.load import load

    for name in LONG_NAMES:
        (tmp_path / name).write_text("A short report\n\nThe committee met on Monday.\n", encoding="utf-8")
    documents = [load(str(tmp_path / name)) for name in LONG_NAMES]
    async with ReaderApp(documents, analyzer=analyze_document).run_test(size=size) as pilot:
        await settle(pilot)
        options = pilot.app.screen.query_one("#documents").options
        assert options.scrollable_content_region.width < max(len(name) for name in LONG_NAMES)  # too narrow for one
        rows = [row.rstrip("▁▂▃▄▅▆▇█ ") for row in list_rows(options) if row]
        for name in LONG_NAMES:
            first = next(i for i, row in enumerate(rows) if name.startswith(row))
            parts = [rows[first]]
            while "".join(parts) != name:
                parts.append(rows[first + len(parts)])
            assert len(parts) > 1 and all(part[-1] in "-_." for part in parts[:-1]), parts


@given(st.text(alphabet="ab-_. 漢", max_size=40), st.integers(min_value=1, max_value=30))
def test_name_lines_keep_every_character_and_fit_the_width(name, width):
    from reader.tui.layout import cells
    from reader.tui.widgets.panes import name_lines

    lines = name_lines(name, width)
    assert "".join(name[a:b] for a, b in lines) == name
    assert all(cells(name[a:b].rstrip()) <= max(width, 2) for a, b in lines)  # a wide character takes two
