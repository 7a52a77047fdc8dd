"""The reading view draws each list item's marker, indented by its depth, its wrapped lines hanging
under its text (as glow draws lists); the text it shows is the item's own, offsets unchanged."""

from __future__ import annotations

import asyncio

import pytest
from conftest import settle
from test_tui import shown_lines

pytest.importorskip("textual")

from reader.load import document_from_bytes  # noqa: E402
from reader.tui.app import ReaderApp  # noqa: E402
from reader.tui.decor import Decor, item_shapes  # noqa: E402
from reader.tui.layout import ITEM  # noqa: E402
from reader.tui.work import analyze_document  # noqa: E402

LISTS = """\
# Steps

1. First do this, and keep doing it for a good while so that the line wraps onto another line.
2. Then that.

- top
  - nested item that is long enough to wrap onto a second line in a narrow view of the text
    1. deep

Text with a note.[^1]

[^1]: The note text.
"""


def test_numbers_depths_and_hanging_lines_show():
    async def run() -> list[str]:
        app = ReaderApp([document_from_bytes("steps.md", LISTS.encode())], analyzer=analyze_document)
        async with app.run_test(size=(70, 40)) as pilot:
            await settle(pilot)
            return shown_lines(pilot.app.screen.reading)

    lines = asyncio.run(run())
    text = "\n".join(lines)
    first = next(i for i, line in enumerate(lines) if line.startswith("1. First do this"))
    assert lines[first + 1].startswith("   ") and lines[first + 1][3] != " "  # hangs under "First"
    assert lines[lines.index("2. Then that.") - 1].startswith("   line wraps")  # a list runs on, as in glow
    assert lines[lines.index("• top") - 1] == ""  # another list after it
    assert lines[lines.index("• top") + 1].startswith("  • nested")
    nested = next(i for i, line in enumerate(lines) if line.startswith("  • nested item"))
    assert lines[nested + 1].startswith("    ") and lines[nested + 1][4] != " "
    assert "    1. deep" in lines
    assert "[1] The note text." in lines, text
    assert not any(line.lstrip().startswith("• 1.") or line.startswith("• The note") for line in lines)


def test_item_shapes_hang_continuations_under_the_text():
    blocks = [
        {"kind": "list_item", "start": 0, "end": 5, "depth": 1, "marker": "10."},
        {"kind": "list_item", "start": 7, "end": 12, "depth": 1},
        {"kind": "list_item", "start": 14, "end": 19, "depth": 2, "marker": "a."},
        {"kind": "list_item", "start": 21, "end": 26},
    ]
    shapes = item_shapes(blocks)
    assert shapes[0] == ("10. ", 4)
    assert shapes[7] == ("    ", 4)  # a second paragraph: under the first one's text
    assert shapes[14] == ("  a. ", 5)
    assert shapes[21] == ("• ", 2)  # a format that says nothing: a bullet, as before
    decor = Decor("x" * 26, blocks)
    assert decor.prefix_width(2, ITEM) == 4  # a wrapped line of the first item
