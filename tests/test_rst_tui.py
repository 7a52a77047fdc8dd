"""An RST page in the reading view: definitions as man draws them, a list after them with its bullets,
code highlighted in its language."""

from __future__ import annotations

import asyncio

import pytest
from conftest import settle
from test_tui import shown_lines

pytest.importorskip("textual")

from reader.load import document_from_bytes  # noqa: E402
from reader.tui.app import ReaderApp  # noqa: E402
from reader.tui.work import analyze_document  # noqa: E402

PAGE = """\
Tool guide
==========

The tool copies files from one folder to another and keeps their dates.

--force
   Overwrite files that are there already.

--quiet
   Say nothing.

- one bullet after the options
- and a second bullet

.. code-block:: python

   copy("a", "b")
"""


def test_definitions_stand_under_their_tags_and_a_later_list_keeps_its_bullets():
    async def run() -> list[str]:
        doc = document_from_bytes("guide.rst", PAGE.encode())
        app = ReaderApp([doc], analyzer=analyze_document)
        async with app.run_test(size=(90, 40)) as pilot:
            await settle(pilot)
            return shown_lines(pilot.app.screen.reading)

    lines = asyncio.run(run())
    tag = lines.index("--force")
    assert lines[tag + 1].startswith("    ") and lines[tag + 1].strip() == "Overwrite files that are there already."
    assert "• one bullet after the options" in lines and "• and a second bullet" in lines
    assert 'copy("a", "b")' in lines
    assert not any(".. code-block" in line or line.startswith("====") for line in lines)
