"""The whole of a file read only in part, paged lazily (``W`` in the reader).

The reading view shows the part the loader read and analysed; this screen pages every
line of the file from a ``LazyText`` (mmap and a sampled line index), so a file of any
size is browsable in bounded memory. Plain lines only: no analysis, no reflow.
"""

from __future__ import annotations

from pathlib import Path

from rich.segment import Segment
from rich.style import Style
from textual.app import ComposeResult
from textual.binding import Binding
from textual.geometry import Size
from textual.screen import Screen
from textual.scroll_view import ScrollView
from textual.strip import Strip
from textual.widgets import Footer, Static

from reader.render import clean, display
from reader.tui.layout import TAB
from reader.tui.lazy import LazyText
from reader.tui.widgets.reading import fit

WIDE = 500  # cells the view scrolls sideways over; longer lines are cut there


class WholeFileView(ScrollView, can_focus=True):
    BINDINGS = [
        Binding("j", "scroll_down", "One line down", show=False),
        Binding("k", "scroll_up", "One line up", show=False),
        Binding("space", "page_down", "Page down", show=False),
        Binding("b", "page_up", "Page up", show=False),
        Binding("g", "scroll_home", "Top of the file", show=False),
        Binding("G", "scroll_end", "Bottom of the file", show=False),
    ]

    def __init__(self, source: LazyText, **kwargs: object) -> None:
        super().__init__(**kwargs)  # type: ignore[arg-type]
        self.source = source
        self._first = 0  # the first line in the cache
        self._cache: list[str] = []
        self._to_end = False  # G pressed while the index still grows: follow it to the last line, as less waits

    def on_mount(self) -> None:
        self._grow()
        self.set_interval(0.2, self._grow)  # the index grows in the background

    def _grow(self) -> None:
        count = self.source.line_count
        if count != self.virtual_size.height:
            self.virtual_size = Size(WIDE, count)
            if self._to_end:
                self.call_after_refresh(self.scroll_end, animate=False)
        if self.source.done.is_set():
            self._to_end = False

    def action_scroll_end(self) -> None:
        self._to_end = not self.source.done.is_set()
        self.scroll_end(animate=False)

    def action_scroll_home(self) -> None:
        self._to_end = False
        self.scroll_home(animate=False)

    def action_scroll_up(self) -> None:
        self._to_end = False  # any other move ends the following
        super().action_scroll_up()

    def action_page_up(self) -> None:
        self._to_end = False
        super().action_page_up()

    def _line(self, number: int) -> str:
        if not self._first <= number < self._first + len(self._cache):
            self._first = number
            self._cache = [clean(line) for line in self.source.lines(number, max(2 * self.size.height, 1))]
        index = number - self._first
        return self._cache[index] if index < len(self._cache) else ""

    def render_line(self, y: int) -> Strip:
        scroll_x, scroll_y = self.scroll_offset
        text = self._line(scroll_y + y).expandtabs(TAB)  # to the tab stops, as the reading view draws them
        strip = Strip([Segment(text, self.rich_style)])
        strip = strip.crop(scroll_x, max(scroll_x, strip.cell_length))
        # Text stays left of the scrollbar, and a line that goes on past it ends with a mark, as in the reading view.
        room = self.scrollable_content_region.width
        mark = Style(color=self.app.current_theme.primary, bold=True)
        return fit(strip, room, mark).extend_cell_length(self.size.width, self.rich_style)


class WholeFileScreen(Screen):
    BINDINGS = [
        Binding("escape,W", "app.pop_screen", "Back", tooltip="Back to the reader"),
        Binding("q", "app.quit", "Quit"),
    ]

    def __init__(self, path: Path, note: str) -> None:
        super().__init__()
        self.source = LazyText(path)
        self.note = note

    def compose(self) -> ComposeResult:
        yield Static(display(f"{self.source.size / 2**20:.0f} MB, every line (no analysis here): {self.note}"))
        yield WholeFileView(self.source, id="whole")
        yield Footer(compact=True)

    def on_mount(self) -> None:
        self.query_one(WholeFileView).focus()

    def on_unmount(self) -> None:
        self.source.close()
