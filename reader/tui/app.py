"""``reader`` with no command: the Textual reader over one or more documents."""

from __future__ import annotations

import asyncio
import os
import signal
import threading
from collections.abc import Callable, Sequence

from textual.app import App
from textual.binding import Binding

from reader.model import Analysis, Document
from reader.tui.commands import ReaderCommands
from reader.tui.process import workers
from reader.tui.screens.main import MainScreen
from reader.tui.session import Session
from reader.tui.work import analyze_document, run_apart

# Signals that end the reader like q does: the terminal is restored on the way out.
ENDING_SIGNALS = (signal.SIGTERM, signal.SIGHUP)
# Seconds a signal leaves for the way out. After a hang-up (the terminal closed, tmux's kill-server)
# Textual's shutdown can wait for ever on a full queue of writes to a terminal that is gone: seen as
# readers left running after their terminal closed. The state is saved and the children ended first.
EXIT_GRACE = 3.0


class ReaderApp(App):
    """Read documents, page through their summaries, see who takes part."""

    CSS_PATH = "reader.tcss"
    TITLE = "reader"
    COMMANDS = App.COMMANDS | {ReaderCommands}
    ENABLE_COMMAND_PALETTE = True
    # Ctrl-C quits at once, wherever the focus is (Textual's default only says how to quit).
    BINDINGS = [
        Binding(
            "ctrl+c",
            "quit",
            "Quit",
            tooltip="Quit, at once, wherever the focus is",
            show=False,
            priority=True,
            system=True,
        ),
        Binding(
            "W",
            "whole_file",
            "Whole file",
            tooltip="A file read only in part (over the size limit): page every line of it, without analysis",
            show=False,
        ),
    ]

    def __init__(
        self,
        documents: Sequence[Document],
        notes: Sequence[str] = (),
        analyzer: Callable[..., Analysis] = analyze_document,
        state: object = None,
    ) -> None:
        """``analyzer(document, progress)`` gives an Analysis; it runs in a child process (or, if it
        cannot be sent there, in a background thread).
        ``state`` is a ``reader.tui.state.Store`` that remembers places, or None."""
        super().__init__()
        if not documents:
            raise ValueError("nothing to read")
        self.session = Session.of(list(documents))
        self.notes = list(notes)
        self.analyzer = run_apart(analyzer)
        workers.reopen()
        self.store = state
        self.deadline: threading.Timer | None = None  # set by an ending signal: the process ends by then

    def get_default_screen(self) -> MainScreen:
        return MainScreen(self.session)

    def on_mount(self) -> None:
        # The children import the analysis modules while the first screen is drawn.
        self.call_after_refresh(self._start_workers)
        for note in self.notes:
            self.notify(note, severity="warning", timeout=8, markup=False)
        try:
            loop = asyncio.get_running_loop()
            for number in ENDING_SIGNALS:
                loop.add_signal_handler(number, self._ended_by_signal, number)
        except (NotImplementedError, RuntimeError, ValueError):  # not the main thread, or no signals here
            pass

    def action_whole_file(self) -> None:
        """Page every line of a file read only in part (the analysis covers the leading part)."""
        from pathlib import Path

        from reader.tui.large import part_note
        from reader.tui.whole import WholeFileScreen

        if not isinstance(self.screen, MainScreen):
            return
        document = self.screen.state.document
        note = part_note(document)
        if note is None or not Path(document.source).is_file():
            self.notify("the whole document is already shown", markup=False)
            return
        self.push_screen(WholeFileScreen(Path(document.source), note))

    def _start_workers(self) -> None:
        from reader.tui.work import in_background

        in_background(workers.start, name="start")

    async def action_quit(self) -> None:
        self.save_state()
        self.exit()

    def exit(self, *args: object, **kwargs: object) -> None:
        """Every way out (q, Ctrl-C, a signal, a test ending) stops the children first."""
        workers.close()
        super().exit(*args, **kwargs)  # type: ignore[arg-type]

    def save_state(self) -> None:
        for screen in self.screen_stack:
            if isinstance(screen, MainScreen):
                screen.remember()

    def _ended_by_signal(self, number: int) -> None:
        self.save_state()
        workers.close()
        self.deadline = threading.Timer(EXIT_GRACE, os._exit, args=(128 + number,))
        self.deadline.daemon = True
        self.deadline.start()
        self.exit(None, 128 + number)


def run(documents: list[Document], notes: Sequence[str] = (), remember: bool = True) -> int:
    store = None
    if remember:
        from reader.tui.state import Store

        store = Store.default()
    app = ReaderApp(documents, notes, state=store)
    try:
        app.run()
    finally:
        workers.close()
        if app.deadline is not None:  # the way out went well
            app.deadline.cancel()
    return app.return_code or 0
