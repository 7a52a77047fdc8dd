"""One line under the text: where you are, which summary, what is still running."""

from __future__ import annotations

from rich.text import Text
from textual.widgets import Static

SPINNER = "⠋⠙⠹⠸⠼⠴⠦⠧⠇⠏"


class StatusLine(Static):
    def __init__(self, **kwargs) -> None:
        super().__init__("", markup=False, **kwargs)
        self._tick = 0
        self.parts: dict[str, str] = {}
        self.busy = ""

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

    def _redraw(self) -> None:
        text = Text(" · ".join(p for p in self.parts.values() if p), overflow="ellipsis", no_wrap=True)
        if self.busy:
            text = Text.assemble((f"{SPINNER[self._tick % len(SPINNER)]} {self.busy}  ", "bold"), text)
        self.update(text, layout=False)
