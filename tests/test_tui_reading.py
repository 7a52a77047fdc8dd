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


@sync
async def test_o_shows_the_outline_focused_on_the_section_read_and_enter_goes_to_another():
    from test_tui import gutenberg_book

    doc = document_from_bytes("book.txt", gutenberg_book().encode("utf-8"))
    async with ReaderApp([doc], analyzer=analyze_document).run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        screen = pilot.app.screen
        outline = screen.query_one("#outline").options
        assert not outline.has_focus and screen.query_one("#left").region.width == 0  # hidden at 80 columns
        await pilot.press("o")
        await pilot.pause()
        assert outline.has_focus
        sections = screen.analysis.sections
        read = max(i for i, s in enumerate(sections) if s.start <= screen.reading.reading_offset)
        assert outline.highlighted == read and sections[read].title.startswith("CHAPTER")  # past the front matter
        await pilot.press("down", "enter")
        await pilot.pause()
        assert screen.reading.top_offset <= sections[outline.highlighted].start <= screen.reading.bottom_offset
        await pilot.press("o")  # hidden again, the keys back on the text
        await pilot.pause()
        assert screen.reading.has_focus and screen.query_one("#left").region.width == 0


def test_an_outline_title_with_a_word_wider_than_the_pane_is_folded_not_cut():
    from rich.console import Console

    from reader.model import Section
    from reader.tui.widgets.panes import section_prompt

    title = "filehandle.appendFile(data[, options])"
    console = Console(width=20, record=True)
    console.print(section_prompt(Section(title, 3, "heading", 0, 10)))
    shown = console.export_text()
    assert "…" not in shown
    assert "".join(line.strip() for line in shown.splitlines()).replace(" ", "") == title.replace(" ", "")
