"""Fixes found by reading real documents in the TUI, as a user of less, glow or epy would."""

from __future__ import annotations

import pytest
from conftest import settle
from test_tui import sync

pytest.importorskip("textual")

from reader.load import document_from_bytes  # noqa: E402
from reader.tui.app import ReaderApp  # noqa: E402
from reader.tui.work import analyze_document  # noqa: E402


def linked_page(paragraphs: int = 40) -> str:
    """A Markdown page with a link in each paragraph, so enter on the text would follow one."""
    body = "\n\n".join(
        f"Paragraph {n} tells of the [river](#part-{n}) and of the mill that grinds the grain of the valley."
        for n in range(paragraphs)
    )
    return "# River guide\n\n" + body + "\n"


@sync
async def test_colon_then_a_percentage_and_enter_goes_there_and_enter_is_not_also_a_link():
    doc = document_from_bytes("guide.md", linked_page().encode("utf-8"))
    async with ReaderApp([doc], analyzer=analyze_document).run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        screen = pilot.app.screen
        await pilot.press("colon", *"50%")
        assert screen.query_one("#search").display  # typed after ":", % is part of the answer
        await pilot.press("enter")
        await pilot.pause(0.2)
        half = doc.text.count("\n") // 2
        assert abs(doc.text.count("\n", 0, screen.current[0]) - half) <= 2
        assert screen.history.back() is None  # enter ended the prompt only: no link was followed
        assert not any("no such place" in n.message for n in pilot.app._notifications)
