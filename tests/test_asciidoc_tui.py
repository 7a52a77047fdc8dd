"""AsciiDoc and Org in the reader: a description list drawn as a manual's definitions, a note after it as a note."""

from __future__ import annotations

import pytest
from conftest import settle
from test_tui import shown_lines, sync

pytest.importorskip("textual")

from reader.load import document_from_bytes  # noqa: E402
from reader.tui.app import ReaderApp  # noqa: E402
from reader.tui.work import analyze_document  # noqa: E402

ADOC = """\
= Shelf notes

Tidy the shelf once a week.footnote:[Sundays suit most readers.]

--by-colour::
\tSort the spines by colour.

--by-author::
\tSort the spines by the author's surname.

// a comment ends the list: the bullets below are a list of their own
* dust the top
* check the labels
"""

ORG = """\
#+TITLE: Shelf notes

Tidy the shelf once a week.[fn:1]

- --by-colour :: Sort the spines by colour.
- --by-author :: Sort the spines by the author's surname.

[fn:1] Sundays suit most readers.
"""


async def _lines(name: str, source: str) -> list[str]:
    doc = document_from_bytes(name, source.encode("utf-8"))
    async with ReaderApp([doc], analyzer=analyze_document).run_test(size=(80, 30)) as pilot:
        await settle(pilot)
        return shown_lines(pilot.app.screen.reading)


@sync
async def test_asciidoc_terms_over_their_text_and_the_note_keeps_its_label():
    lines = await _lines("shelf.adoc", ADOC)
    at = lines.index("--by-colour")
    assert lines[at + 1] == "    Sort the spines by colour."
    assert "• dust the top" in lines and "• check the labels" in lines
    assert "[1] Sundays suit most readers." in lines
    assert not any(mark in line for line in lines for mark in ("::", "footnote:", "= Shelf"))


@sync
async def test_org_terms_over_their_text_and_the_note_keeps_its_label():
    lines = await _lines("shelf.org", ORG)
    at = lines.index("--by-author")
    assert lines[at + 1] == "    Sort the spines by the author's surname."
    assert "[1] Sundays suit most readers." in lines
    assert not any(mark in line for line in lines for mark in (" :: ", "#+", "[fn:"))
