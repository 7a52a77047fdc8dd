"""``reader`` with no command: the Textual reader over one or more documents."""

from __future__ import annotations

from collections.abc import Callable

from textual.app import App

from reader.model import Analysis, Document
from reader.tui.commands import ReaderCommands
from reader.tui.screens.main import MainScreen
from reader.tui.work import analyze_document


class ReaderApp(App):
    """Read documents, page through their summaries, see who takes part."""

    CSS_PATH = "reader.tcss"
    TITLE = "reader"
    COMMANDS = App.COMMANDS | {ReaderCommands}
    ENABLE_COMMAND_PALETTE = True

    def __init__(
        self,
        documents: list[Document],
        notes: list[str] = (),
        analyzer: Callable[..., Analysis] = analyze_document,
    ) -> None:
        """``analyzer(document, progress)`` gives an Analysis; it runs in a thread worker."""
        super().__init__()
        if not documents:
            raise ValueError("nothing to read")
        self.documents = list(documents)
        self.notes = list(notes)
        self.analyzer = analyzer

    def get_default_screen(self) -> MainScreen:
        return MainScreen()

    def on_mount(self) -> None:
        for note in self.notes:
            self.notify(note, severity="warning", timeout=8, markup=False)


def run(documents: list[Document], notes: list[str] = ()) -> int:
    app = ReaderApp(documents, notes)
    app.run()
    return app.return_code or 0
