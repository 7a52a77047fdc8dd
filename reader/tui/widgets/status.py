"""One line under the text: where you are, which summary, what is still running."""

from __future__ import annotations

from rich.text import Text
from textual.widgets import Static

from reader.tui.widgets.panes import WordCut

SPINNER = "⠋⠙⠹⠸⠼⠴⠦⠧⠇⠏"


class StatusLine(Static):
    def __init__(self, **kwargs) -> None:
        super().__init__("", markup=False, **kwargs)
        self._tick = 0
        self.parts: dict[str, str] = {}
        self.busy = ""
        self._text = Text()

    def set(self, **parts: str) -> None:
        self.parts = parts
        self._redraw()

    def set_busy(self, busy: str) -> None:
        """``busy`` names the work still running ("" when none); a spinner turns while it runs."""
        self.busy = busy
        self._redraw()

    def spin(self) -> None:
        if self.busy:
            self._tick += 1
            self._redraw()

    @property
    def plain(self) -> str:
        """The whole line as text, however much of it the width shows."""
        return self._text.plain

    def _redraw(self) -> None:
        text = Text(" · ".join(p for p in self.parts.values() if p), overflow="ellipsis", no_wrap=True)
        if self.busy:
            text = Text.assemble((f"{SPINNER[self._tick % len(SPINNER)]} {self.busy}  ", "bold"), text)
        self._text = text
        # Cut after a word with an ellipsis, so a long title is seen to go on ("The Transport Layer Security…").
        self.update(WordCut(text), layout=False)
