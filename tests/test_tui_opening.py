"""Where a document opens: past its front matter as soon as the structure is known, and at a
remembered place, the very top included."""

from __future__ import annotations

import threading

import pytest
from conftest import settle
from test_tui import gutenberg_book, shown, sync, until

pytest.importorskip("textual")

from reader.load import document_from_bytes  # noqa: E402
from reader.tui.app import ReaderApp  # noqa: E402
from reader.tui.screens.main import body_start  # noqa: E402
from reader.tui.work import analyze_document  # noqa: E402


def held_after_structure(gate: threading.Event):
    """The real analysis, held after its first stage until ``gate`` is set (as a long book's is)."""

    def analyzer(document, progress=None):
        def step(stage):
            if stage == "participants":
                gate.wait(30)
            if progress is not None:
                progress(stage)

        return analyze_document(document, step)

    return analyzer


def book_app(**kwargs) -> ReaderApp:
    return ReaderApp([document_from_bytes("book.txt", gutenberg_book().encode())], **kwargs)


@sync
async def test_the_body_and_the_outline_come_with_the_structure_before_the_rest_of_the_analysis():
    gate = threading.Event()
    app = book_app(analyzer=held_after_structure(gate))
    try:
        async with app.run_test(size=(80, 24)) as pilot:
            screen = app.screen
            assert await until(pilot, lambda: screen.state.structure is not None)
            await pilot.pause(0.1)
            assert screen.analysis is None and screen.session.analysing  # the slow stages still run
            body = body_start(screen.state.structure)
            assert body > 0 and screen.reading.top_offset == body
            assert "CHAPTER 1" in shown(screen).splitlines()[0]
            outline = screen.query_one("#outline OptionList")
            assert outline.option_count == len(screen.state.structure.sections)
            title = screen.state.structure.title
            assert title != "book.txt" and title in screen.query_one("#status").plain
            await pilot.press("j")  # onto the blank line under the heading: a line with no text of its own
            await pilot.pause(0.1)
            line = screen.reading.scroll_y
            assert screen.reading.top_offset > body
            gate.set()
            await settle(pilot)
            # No second jump, and the new layout (speaker lines, styles) keeps the very line at the top.
            assert screen.analysis is not None and screen.reading.scroll_y == line
            assert screen.state.structure is None  # the whole analysis replaces it
    finally:
        gate.set()


@sync
async def test_a_reader_who_moved_before_the_structure_came_stays_there_even_back_at_the_top():
    gate = threading.Event()

    def late(document, progress=None):
        gate.wait(30)
        return analyze_document(document, progress)

    app = book_app(analyzer=late)
    try:
        async with app.run_test(size=(80, 24)) as pilot:
            screen = app.screen
            assert await until(pilot, lambda: screen.reading.line_count > screen.reading.size.height > 0)
            await pilot.pause(0.2)
            await pilot.press("j", "j", "k", "k")  # down and back up to the very top
            await pilot.pause(0.2)
            assert screen.reading.top_offset == 0
            gate.set()
            await settle(pilot)
            assert screen.analysis is not None and screen.reading.top_offset == 0
    finally:
        gate.set()


@sync
async def test_a_place_remembered_at_the_very_top_reopens_at_the_top(tmp_path):
    from reader.tui.state import Store

    path = tmp_path / "state.json"
    async with book_app(analyzer=analyze_document, state=Store(path)).run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        screen = pilot.app.screen
        assert screen.reading.top_offset == body_start(screen.analysis) > 0
        await pilot.press("g")
        await pilot.pause()
        assert screen.reading.top_offset == 0
        await pilot.press("q")
    async with book_app(analyzer=analyze_document, state=Store(path)).run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        screen = pilot.app.screen
        assert screen.reading.top_offset == 0 and "Project Gutenberg" in shown(screen)


@sync
async def test_a_reader_who_quits_before_any_place_reopens_at_the_body(tmp_path):
    from reader.tui.state import Store

    gate = threading.Event()

    def late(document, progress=None):
        gate.wait(30)
        return analyze_document(document, progress)

    path = tmp_path / "state.json"
    try:
        async with book_app(analyzer=late, state=Store(path)).run_test(size=(80, 24)) as pilot:
            await pilot.pause(0.2)
            await pilot.press("q")  # at the top, the structure not known yet: no place chosen
    finally:
        gate.set()
    async with book_app(analyzer=analyze_document, state=Store(path)).run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        screen = pilot.app.screen
        assert screen.reading.top_offset == body_start(screen.analysis) > 0
