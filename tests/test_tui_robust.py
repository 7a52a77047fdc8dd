"""The TUI under load: a stalled analysis never starves the interface, and no child outlives it."""

from __future__ import annotations

import asyncio
import functools
import os
import time

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

pytest.importorskip("textual")

from conftest import SEED, with_people  # noqa: E402

from reader.load import load  # noqa: E402
from reader.tui import process  # noqa: E402
from reader.tui.app import ReaderApp  # noqa: E402


def stalls(document, progress=None):
    """A pure-Python loop that holds the GIL for a minute, as a backtracking regex would."""
    progress("structure")
    end = time.monotonic() + 60
    n = 0
    while time.monotonic() < end:
        n += 1
    return n


def sync(test):
    @functools.wraps(test)
    def run(*args, **kwargs):
        asyncio.run(test(*args, **kwargs))

    return run


def _alive(pid: int | None) -> bool:
    if pid is None:
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    try:  # a zombie is gone for our purpose: it runs nothing
        with open(f"/proc/{pid}/stat") as stat:
            return stat.read().split(")")[-1].split()[0] != "Z"
    except OSError:
        return True


async def _wait_for(pilot, condition, seconds: float = 30.0) -> bool:
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        if condition():
            return True
        await pilot.pause(0.05)
    return condition()


def test_the_stalling_analyzer_can_be_sent_to_a_child():
    assert process.picklable(stalls)
    assert not process.picklable(lambda document, progress=None: None)


@sync
async def test_q_quits_promptly_while_the_analysis_stalls_in_a_busy_loop():
    app = ReaderApp([load(str(SEED))], analyzer=stalls)
    async with app.run_test(size=(80, 24)) as pilot:
        status = app.screen.query_one("#status")
        assert await _wait_for(pilot, lambda: "analysing: structure" in status.plain)
        # The interface still answers while the child spins.
        await pilot.press("G")
        assert app.screen.reading.scroll_y == app.screen.reading.max_scroll_y > 0
        pid = process.workers.analysis.pid
        assert _alive(pid)
        pressed = time.monotonic()
        await pilot.press("q")
        assert await _wait_for(pilot, lambda: not app.is_running, 5)
        assert time.monotonic() - pressed < 5
    assert not _alive(pid)


@sync
async def test_ctrl_c_quits_while_the_analysis_stalls():
    app = ReaderApp([load(str(SEED))], analyzer=stalls)
    async with app.run_test(size=(80, 24)) as pilot:
        status = app.screen.query_one("#status")
        assert await _wait_for(pilot, lambda: "analysing: structure" in status.plain)
        await pilot.press("ctrl+c")
        assert await _wait_for(pilot, lambda: not app.is_running, 5)


@sync
async def test_no_child_process_survives_quitting_after_a_real_analysis():
    app = ReaderApp([load(str(SEED))])
    async with app.run_test(size=(100, 30)) as pilot:
        screen = app.screen
        assert await _wait_for(pilot, lambda: screen.state.analysis is not None or screen.state.failed, 120)
        assert screen.state.failed is None
        await pilot.press("plus")  # a summary computed in the summaries child
        assert await _wait_for(pilot, lambda: not screen.summaries.busy, 60)
        pids = [w.pid for w in process.workers.all()]
        assert all(_alive(pid) for pid in pids)
        await pilot.press("q")
        assert await _wait_for(pilot, lambda: not app.is_running, 5)
    assert not any(_alive(pid) for pid in pids)


def test_a_cancelled_worker_raises_and_the_next_call_starts_a_fresh_child():
    worker = process.Worker("test")
    try:
        assert worker.call(len, "abc") == 3
        first = worker.pid
        worker.cancel()
        assert not _alive(first)
        assert worker.call(sorted, [3, 1, 2]) == [1, 2, 3]
        assert worker.pid != first
    finally:
        worker.close()


def test_an_error_in_the_child_comes_back_as_a_message():
    worker = process.Worker("test")
    try:
        with pytest.raises(process.WorkFailed, match="ZeroDivisionError"):
            worker.call(divmod, 1, 0)
    finally:
        worker.close()


@sync
async def test_a_file_over_the_limit_shows_the_part_note_in_the_panes(tmp_path, monkeypatch):
    from reader.tui.work import analyze_document

    sentence = "The committee met on Tuesday and agreed to review the budget again. "
    path = tmp_path / "long.txt"
    path.write_text((sentence * 8 + "\n\n") * 40, encoding="utf-8")
    monkeypatch.setenv("READER_MAX_MB", "0.005")  # about 5 KB of a 22 KB file
    document = load(str(path))
    assert any(note.startswith("only the first") for note in document.notes)
    app = ReaderApp([document], analyzer=analyze_document)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = app.screen
        assert await _wait_for(pilot, lambda: screen.state.analysis is not None, 120)
        await pilot.pause(0.1)
        for pane in ("#outline", "#summary", "#participants", "#quotes"):
            note = screen.query_one(f"{pane} .note").render()
            assert "analysis of the leading part: only the first" in str(note), pane
        assert str(screen.query_one("#summary .note").render()).count("leading part") == 1
        assert screen.state.analysis.sentences[-1].end <= len(document.text) < path.stat().st_size


def test_no_part_note_for_a_file_read_whole():
    from reader.tui.large import part_note

    assert part_note(load(str(SEED))) is None


def _lazy(tmp_path, data: bytes, chunk: int):
    from reader.tui.lazy import LazyText

    path = tmp_path / "big.txt"
    path.write_bytes(data)
    source = LazyText(path, chunk=chunk)
    assert source.done.wait(30)
    return source


def test_lazy_text_pages_every_line_across_chunk_boundaries(tmp_path):
    lines = [f"line {n} " + "é" * (n % 7) for n in range(1000)]
    data = "\n".join(lines).encode("utf-8")
    source = _lazy(tmp_path, data, chunk=97)  # odd, small: marks fall on both sides of chunk edges
    try:
        assert source.line_count == 1000
        assert source.lines(0, 3) == lines[:3]
        assert source.lines(500, 70) == lines[500:570]
        assert source.lines(990, 50) == lines[990:]
        assert source.lines(1000, 5) == []
        assert len(source._marks) <= 1000 // 64 + 2  # bounded: one offset per 64 lines
    finally:
        source.close()


@settings(max_examples=40, deadline=None)
@given(st.lists(st.text(alphabet="ab\r é", max_size=20), max_size=300), st.integers(1, 300), st.booleans())
def test_lazy_text_agrees_with_splitting_the_text(tmp_path_factory, lines, chunk, newline_at_end):
    text = "\n".join(lines) + ("\n" if newline_at_end and lines else "")
    source = _lazy(tmp_path_factory.mktemp("lazy"), text.encode("utf-8"), chunk)
    try:
        expected = [line.rstrip("\r") for line in text.split("\n")][: source.line_count]
        assert source.line_count == len(text.encode("utf-8").split(b"\n")) - (
            1 if text.endswith("\n") or not text else 0
        )
        assert source.lines(0, len(expected) + 5) == expected
        for first in range(0, len(expected), 37):
            assert source.lines(first, 3) == expected[first : first + 3]
    finally:
        source.close()


@sync
async def test_w_pages_every_line_of_a_file_read_only_in_part(tmp_path, monkeypatch):
    from reader.tui.work import analyze_document

    path = tmp_path / "long.txt"
    lines = [f"Line {n} of the report says the budget \x1b[31m grew again." for n in range(3000)]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    monkeypatch.setenv("READER_MAX_MB", "0.01")
    document = load(str(path))
    assert "Line 2999 " not in document.text
    app = ReaderApp([document], analyzer=analyze_document)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause(0.2)
        await pilot.press("W")
        view = app.screen.query_one("#whole")
        assert await _wait_for(pilot, lambda: view.virtual_size.height == 3000, 10)
        await pilot.press("G")
        await pilot.pause(0.1)
        shown = [view.render_line(y).text for y in range(view.size.height)]
        assert any(text.startswith("Line 2999 of the report") for text in shown)
        assert not any("\x1b" in text for text in shown)  # the escape is shown as a symbol
        await pilot.press("escape")
        assert app.screen.query_one("#reading") is not None
        await pilot.press("q")
        assert await _wait_for(pilot, lambda: not app.is_running, 5)


@sync
async def test_w_keeps_lines_left_of_its_scrollbar_and_marks_a_cut_one(tmp_path, monkeypatch):
    from reader.tui.widgets.reading import CUT_MARK
    from reader.tui.work import analyze_document

    path = tmp_path / "wide.txt"
    lines = [
        f"Row {n} short" if n % 2 else f"Row {n}\tof the ledger " + "with columns " * 12 + "END" for n in range(3000)
    ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    monkeypatch.setenv("READER_MAX_MB", "0.01")
    document = load(str(path))
    app = ReaderApp([document], analyzer=analyze_document)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause(0.2)
        await pilot.press("W")
        view = app.screen.query_one("#whole")
        assert await _wait_for(pilot, lambda: view.virtual_size.height == 3000, 10)
        await pilot.pause(0.1)
        room = view.scrollable_content_region.width
        assert room < view.size.width  # a vertical scrollbar takes the last columns
        shown = [view.render_line(y).text for y in range(view.size.height)]
        for text in shown:
            assert not text[room:].strip(), text  # nothing drawn under the scrollbar
        wide = [text for text in shown if text.startswith("Row 0")]
        assert wide and wide[0][room - 1] == CUT_MARK  # cut at the edge, and marked
        assert wide[0].startswith("Row 0   of the ledger")  # the tab reaches its stop
        assert not any(CUT_MARK in text for text in shown if "short" in text)
        view.scroll_to(x=120, animate=False, immediate=True)  # the wide rows are 181 cells
        await pilot.pause(0.1)
        shown = [view.render_line(y).text for y in range(view.size.height)]
        assert any(text.rstrip().endswith("END") for text in shown)  # scrolled to its end: no mark


def spins(held, seconds):
    """A pure-Python loop in the child, over the object it holds."""
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        pass
    return len(held)


def spins_and_swallows(held, seconds):
    """Work that catches every Exception must still be stoppable."""
    try:
        return spins(held, seconds)
    except Exception:
        return "swallowed"


def test_interrupt_stops_the_running_request_and_keeps_the_child_and_what_it_holds():
    import threading

    worker = process.Worker("test")
    held = list(range(5))
    try:
        assert worker.call_on(held, spins, 0) == 5
        pid = worker.pid
        for work in (spins, spins_and_swallows):
            outcome = []

            def run(work=work, outcome=outcome):
                try:
                    outcome.append(worker.call_on(held, work, 60))
                except process.Cancelled as exc:
                    outcome.append(exc)

            thread = threading.Thread(target=run)
            thread.start()
            end = time.monotonic() + 30
            while not worker.interrupt() and time.monotonic() < end:
                time.sleep(0.01)
            thread.join(30)
            assert not thread.is_alive() and isinstance(outcome[0], process.Cancelled)
            assert worker.pid == pid and _alive(pid)  # the same child answers the next request
        assert not worker.interrupt()  # nothing runs now: nothing to stop
        assert worker.call_on(held, spins, 0) == 5
    finally:
        worker.close()
    assert not _alive(pid)


def test_an_ending_signal_ends_the_process_even_when_the_way_out_hangs(monkeypatch):
    """After a hang-up the terminal is gone and Textual's shutdown may wait for ever on writes to it:
    the signal leaves a deadline after which the process ends with the signal's code."""
    import signal

    from reader.tui import app as app_module

    ended: list[int] = []
    monkeypatch.setattr(app_module, "EXIT_GRACE", 0.3)
    monkeypatch.setattr(app_module.os, "_exit", ended.append)

    async def body():
        app = ReaderApp([load(str(SEED))], analyzer=with_people)
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.pause()
            app._ended_by_signal(signal.SIGHUP)
            await pilot.pause()
        return app

    app = asyncio.run(body())
    assert app.return_code == 128 + signal.SIGHUP
    time.sleep(0.6)
    assert ended == [128 + signal.SIGHUP]


class GrowingSource:
    """A file whose line index is still being built: ``count`` lines known so far."""

    def __init__(self, count: int) -> None:
        import threading

        self.count = count
        self.done = threading.Event()

    @property
    def line_count(self) -> int:
        return self.count

    def lines(self, first: int, count: int) -> list[str]:
        return [f"Line {n}" for n in range(first, min(first + count, self.count))]


@sync
async def test_w_g_follows_the_index_to_the_last_line_as_less_waits_for_it():
    from textual.app import App

    from reader.tui.whole import WholeFileView

    source = GrowingSource(5)

    class One(App):
        def compose(self):
            yield WholeFileView(source, id="whole")

    app = One()
    async with app.run_test(size=(60, 20)) as pilot:
        view = app.query_one(WholeFileView)
        view.focus()
        await pilot.press("G")  # pressed while only 5 lines are known
        source.count = 4000
        assert await _wait_for(pilot, lambda: view.virtual_size.height == 4000, 5)
        assert await _wait_for(pilot, lambda: view.scroll_y >= 4000 - view.size.height, 5)
        await pilot.press("k")  # another move ends the following
        source.count = 9000
        assert await _wait_for(pilot, lambda: view.virtual_size.height == 9000, 5)
        await pilot.pause(0.3)
        assert view.scroll_y < 4000
        await pilot.press("G")
        source.count = 9500
        source.done.set()
        assert await _wait_for(pilot, lambda: view.scroll_y >= 9500 - view.size.height, 5)
