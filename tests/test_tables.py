"""Tables in the reading view: columns aligned at display time, the header set apart, the text unchanged."""

from __future__ import annotations

import asyncio
import io
import re

import pytest
from conftest import settle
from hypothesis import given
from hypothesis import strategies as st

pytest.importorskip("textual")

from reader.load import document_from_bytes  # noqa: E402
from reader.tui.app import ReaderApp  # noqa: E402
from reader.tui.decor import COLUMN_BAR, Decor, column_widths, table_cells  # noqa: E402
from reader.tui.layout import PRE, cells  # noqa: E402
from reader.tui.widgets.reading import GUTTER  # noqa: E402
from reader.tui.work import analyze_document  # noqa: E402

MARKDOWN = """\
# Tools

Some tools we use, and what they cost.

| tool | licence | notes |
|---|---|---|
| textual | MIT | the TUI framework |
| rich | MIT | text styling and the tables of the command line |
| numpy | BSD | arrays |

After the table, a paragraph about the tools.
"""

LONG_CELL = (
    "a cell long enough to run past the edge of an eighty column terminal, so that the row must scroll "
    "sideways to be read to its end where the word zebra waits"
)
HTML = f"""\
<!doctype html><html><head><title>Parts</title></head><body><main>
<h1>Parts list</h1>
<p>The parts we ordered for the bridge, with their suppliers and notes.</p>
<table>
<tr><th>Part</th><th>Supplier</th><th>Notes</th></tr>
<tr><td>Bolt</td><td>Acme Steel Works</td><td>{LONG_CELL}</td></tr>
<tr><td>Girder</td><td>Ore</td><td>due in May</td></tr>
</table>
<p>The order was placed in March.</p>
</main></body></html>
"""


def run(test):
    return asyncio.run(test())


def screen_lines(view) -> list[str]:
    return [view.render_line(y).text[GUTTER:] for y in range(view.size.height)]


def rows_of(lines: list[str], first: str) -> list[str]:
    """The table rows on screen: the line starting with ``first`` and the lines after it that hold a bar
    (the header's rule line, which crosses the bars, is not a row)."""
    start = next(i for i, line in enumerate(lines) if line.startswith(first))
    found = []
    for line in lines[start:]:
        if is_rule(line):
            continue
        if COLUMN_BAR not in line:
            break
        found.append(line)
    return found


def is_rule(line: str) -> bool:
    return bool(line.strip()) and set(line.strip()) <= {"─", "┼"}


def bars(line: str) -> list[int]:
    return [m.start() for m in re.finditer(COLUMN_BAR, line)]


def styles_at(strip, column: int) -> list:
    """The styles of the segments covering ``column`` cells after the gutter."""
    pos, found = 0, []
    for segment in strip:
        size = cells(segment.text)
        if pos <= GUTTER + column < pos + size and segment.style is not None:
            found.append(segment.style)
        pos += size
    return found


def test_markdown_table_keeps_its_text_and_declares_its_header():
    doc = document_from_bytes("tools.md", MARKDOWN.encode("utf-8"))
    (table,) = [b for b in doc.blocks if b.kind == "table"]
    assert doc.text[table.start : table.end].split("\n")[0] == "tool | licence | notes"  # what the analysis reads
    assert table.header == 1


def test_markdown_table_columns_aligned_at_80_columns():
    doc = document_from_bytes("tools.md", MARKDOWN.encode("utf-8"))

    async def body():
        async with ReaderApp([doc], analyzer=analyze_document).run_test(size=(80, 24)) as pilot:
            await settle(pilot)
            view = pilot.app.screen.reading
            lines = screen_lines(view)
            rows = rows_of(lines, "tool ")
            assert len(rows) == 4
            assert len({tuple(bars(row)) for row in rows}) == 1  # every bar in the same column
            assert rows[0].startswith("tool    │ licence │ notes")
            assert rows[2].startswith("rich    │ MIT     │ text styling")
            y = lines.index(rows[0])
            header = view.render_line(y)
            assert all(s.bold for s in styles_at(header, 0))
            # The header over a rule line of its own, crossed under each bar (as glow draws it).
            rule = lines[y + 1]
            assert is_rule(rule) and [m.start() for m in re.finditer("┼", rule)] == bars(rows[0])
            assert cells(rule.rstrip()) == max(cells(row.rstrip()) for row in rows)  # as wide as the table
            assert not any(s.bold for s in styles_at(view.render_line(y + 2), 0))
            assert view.offset_at(GUTTER + 2, y + 1) is None  # not text: a click there lands nowhere

    run(body)


def test_html_table_header_long_cell_scrolls_and_search_lands_in_the_cell():
    doc = document_from_bytes("parts.html", HTML.encode("utf-8"))
    (table,) = [b for b in doc.blocks if b.kind == "table"]
    assert table.header == 1
    zebra = doc.text.index("zebra")

    async def body():
        async with ReaderApp([doc], analyzer=analyze_document).run_test(size=(80, 24)) as pilot:
            await settle(pilot)
            screen = pilot.app.screen
            view = screen.reading
            rows = rows_of(screen_lines(view), "Part ")
            assert len(rows) == 3 and len({tuple(bars(row)[:2]) for row in rows}) == 1
            assert rows[2].startswith("Girder │ Ore              │ due in May")
            assert "zebra" not in "\n".join(screen_lines(view))  # past the edge: not wrapped, not lost
            await pilot.press("slash", *"zebra", "enter")
            assert screen.current[0] == zebra
            for _ in range(30):
                await pilot.press("l")
            lines = screen_lines(view)
            y = next(i for i, line in enumerate(lines) if "zebra" in line)
            column = cells(lines[y][: lines[y].index("zebra")])
            strip = view.render_line(y)
            styles = screen.reading._styles()
            marks = {styles["current"].bgcolor, styles["match"].bgcolor}

            def marked(at: int) -> bool:
                return any(s.bgcolor in marks for s in styles_at(strip, at))

            assert all(marked(column + k) for k in range(5))  # the highlight on the word's five letters
            assert not marked(column - 2) and not marked(column + 6)  # and not beside them
            assert view.offset_at(GUTTER + column + 2, y) == zebra + 2  # a click lands on the same letter

    run(body)


def test_docx_repeated_header_row_is_the_header():
    docx = pytest.importorskip("docx")
    from docx.oxml import OxmlElement

    d = docx.Document()
    d.add_paragraph("The costs of the bridge, by item.")
    table = d.add_table(rows=3, cols=2)
    for r, row in enumerate([("Item", "Cost"), ("Steel", "4,000"), ("Concrete poured", "12")]):
        for c, value in enumerate(row):
            table.cell(r, c).text = value
    table.rows[0]._tr.get_or_add_trPr().append(OxmlElement("w:tblHeader"))
    out = io.BytesIO()
    d.save(out)
    doc = document_from_bytes("costs.docx", out.getvalue())
    (block,) = [b for b in doc.blocks if b.kind == "table"]
    assert block.header == 1
    assert doc.text[block.start : block.end] == "Item | Cost\nSteel | 4,000\nConcrete poured | 12"
    decor = Decor(doc.text, doc.blocks)
    row = block.start + len("Item | Cost\n")
    pieces = decor.table_pieces(row, row + len("Steel | 4,000"), PRE)
    assert pieces is not None
    assert [(doc.text[a:b], pad) for a, b, pad in pieces] == [("Steel", 10), (" | ", 0), ("4,000", 0)]


def test_a_table_without_header_cells_has_no_header():
    html = "<html><body><p>Numbers we keep.</p><table><tr><td>one</td><td>1</td></tr></table></body></html>"
    doc = document_from_bytes("n.html", html.encode("utf-8"))
    assert [b.header for b in doc.blocks if b.kind == "table"] == [None]


def test_lines_outside_tables_are_left_as_they_are():
    text = "| not | a table |\n"
    decor = Decor(text, [{"kind": "preformatted", "start": 0, "end": len(text) - 1}])
    assert decor.table_pieces(0, len(text) - 1, PRE) is None
    assert decor.shown_width(0, len(text) - 1, PRE) == len(text) - 1


cell = st.text(st.characters(codec="utf-8", exclude_categories=["Cs", "Cc", "Zl", "Zp"]), max_size=8).map(str.strip)


@given(
    st.lists(st.lists(cell.filter(lambda c: "|" not in c), min_size=1, max_size=4).filter(any), min_size=1, max_size=5)
)
def test_table_cells_find_the_cells_and_padding_aligns_them(rows):
    written = [" | ".join(row) for row in rows]
    for row, line in zip(rows, written):
        assert [line[a:b] for a, b in table_cells(line)] == row
    text = "\n".join(written)
    decor = Decor(text, [{"kind": "table", "start": 0, "end": len(text)}])
    widths = column_widths(written)
    pos = 0
    for line in written:
        pieces = decor.table_pieces(pos, pos + len(line), PRE)
        assert pieces is not None
        shown = [cells(text[a:b]) + pad for a, b, pad in pieces[::2]]
        assert shown == widths[: len(shown)]  # every cell as wide as its column's widest
        assert "".join(text[a:b] for a, b, _ in pieces) == line  # nothing of the text lost or moved
        pos += len(line) + 1
