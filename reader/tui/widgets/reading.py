"""The reading view: the document as text, wrapped once, drawn line by line.

A Line-API widget: only the lines on screen are styled, so a 3 MB book opens at
once. Document text is never markup; control characters are shown as symbols.
"""

from __future__ import annotations

from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual import events
from textual.cache import LRUCache
from textual.color import Color
from textual.geometry import Size
from textual.message import Message
from textual.scroll_view import ScrollView
from textual.strip import Strip

from reader.model import Analysis
from reader.palette import KIND_COLORS, SUMMARY_COLOR
from reader.tui.layout import Layout, Spans, cells, clean, layout

GUTTER = 3  # summary bar, quote bar, space
RIGHT_MARGIN = 1


class ReadingView(ScrollView, can_focus=True):
    """Shows one document; knows which text offset each screen line holds."""

    COMPONENT_CLASSES = {
        "reading--quote",
        "reading--label",
        "reading--match",
        "reading--current",
        "reading--selected",
    }

    class MentionClicked(Message):
        """The user clicked a participant's name in the text."""

        def __init__(self, participant: str, span: tuple[int, int]) -> None:
            super().__init__()
            self.participant, self.span = participant, span

    class Moved(Message):
        """The top of the view now shows another part of the text."""

        def __init__(self, offset: int) -> None:
            super().__init__()
            self.offset = offset

    def __init__(self, **kwargs) -> None:
        super().__init__(**kwargs)
        self._text = ""
        self._layout = Layout(0)
        self._labels: dict[int, tuple[str, str, str | None]] = {}  # offset -> speaker, kind, cue
        self._summary = Spans()
        self._mentions = Spans()
        self._selected = Spans()
        self._quotes = Spans()
        self._matches = Spans()
        self._current: tuple[int, int] | None = None
        self._cache: LRUCache[tuple, Strip] = LRUCache(512)
        self._version = 0
        self._top_line = -1

    # What is shown

    @property
    def text(self) -> str:
        """The text as shown (controls replaced); same offsets as the document."""
        return self._text

    def show_text(self, text: str) -> None:
        """Show a new document, undecorated, from its top."""
        self._text = clean(text)
        self._labels = {}
        self._summary = self._mentions = self._selected = self._quotes = self._matches = Spans()
        self._current = None
        self._relayout(keep=0)

    def decorate(self, analysis: Analysis) -> None:
        """Colour participants and set quotes apart, once the analysis has arrived."""
        participants = analysis.participants or []
        self._mentions = Spans((m.start, m.end, (p.kind, p.id)) for p in participants for m in p.mentions)
        names = {p.id: p for p in participants}
        self._quotes = Spans((q.start, q.end, q) for q in analysis.quotes or [])
        self._labels = {
            q.end: (names[q.speaker].name, names[q.speaker].kind, q.cue)
            for q in analysis.quotes or []
            if q.speaker in names
        }
        self._relayout(keep=self.top_offset)

    def mark_summary(self, spans: list[tuple[int, int]]) -> None:
        self._summary = Spans((a, b, None) for a, b in spans)
        self._changed()

    def mark_selected(self, spans: list[tuple[int, int]]) -> None:
        """Spans of the participant chosen in the side pane."""
        self._selected = Spans((a, b, None) for a, b in spans)
        self._changed()

    def mark_matches(self, spans: list[tuple[int, int]]) -> None:
        self._matches = Spans((a, b, None) for a, b in spans)
        self._changed()

    def mark_current(self, span: tuple[int, int] | None) -> None:
        """The span the user has just jumped to (a summary sentence, a mention, a match)."""
        self._current = span
        self._changed()

    # Where we are

    @property
    def top_offset(self) -> int:
        line = round(self.scroll_y)
        if not self._layout.starts:
            return 0
        return self._layout.starts[min(line, len(self._layout) - 1)]

    @property
    def bottom_offset(self) -> int:
        if not self._layout.starts:
            return 0
        line = min(round(self.scroll_y) + self.size.height - 1, len(self._layout) - 1)
        return self._layout.ends[line]

    def offset_at(self, x: int, y: int) -> int | None:
        """The text offset under a point of the view, if it is on text."""
        line = round(self.scroll_y) + y
        if line >= len(self._layout) or line in self._layout.labels or x < GUTTER:
            return None
        start, end = self._layout.starts[line], self._layout.ends[line]
        used = 0
        for offset in range(start, end):
            used += cells(self._text[offset])
            if used > x - GUTTER:
                return offset
        return None

    def on_click(self, event: events.Click) -> None:
        offset = self.offset_at(event.x, event.y)
        if offset is None:
            return
        for start, end, (_, participant) in self._mentions.overlapping(offset, offset + 1):
            self.post_message(self.MentionClicked(participant, (start, end)))

    @property
    def reading_offset(self) -> int:
        """The offset the reader is looking at: the top, or a third down once scrolled
        (where ``go_to`` puts what it jumps to)."""
        if self.scroll_y < 1 or not self._layout.starts:
            return self.top_offset
        line = min(round(self.scroll_y) + self.size.height // 3, len(self._layout) - 1)
        return self._layout.starts[line]

    @property
    def line_count(self) -> int:
        return len(self._layout)

    def line_of(self, offset: int) -> int:
        return self._layout.line_of(offset)

    def go_to(self, offset: int, *, only_if_hidden: bool = False) -> None:
        """Scroll so that ``offset`` is a third of the way down the view."""
        line = self._layout.line_of(offset)
        top = round(self.scroll_y)
        if only_if_hidden and top <= line < top + self.size.height:
            return
        self.scroll_to(y=max(0, line - self.size.height // 3), animate=False, immediate=True)

    # Layout and drawing

    def _changed(self) -> None:
        self._version += 1
        self._cache.clear()
        self.refresh()

    def _relayout(self, keep: int) -> None:
        if not self.size.width:  # not laid out yet: on_resize will come
            self._layout = Layout(0)
            return
        width = self._text_width()
        self._layout = layout(self._text, width, self._labels)
        self.virtual_size = Size(self.size.width, len(self._layout))
        self._changed()
        line = self._layout.line_of(keep) if keep else 0
        self.scroll_to(y=line, animate=False, immediate=True)

    def on_mount(self) -> None:
        super().on_mount()
        # Styles come from the theme's CSS, which is refreshed after the theme changes.
        self.app.theme_changed_signal.subscribe(self, lambda _: self._changed())

    def _text_width(self) -> int:
        return max(10, self.size.width - GUTTER - RIGHT_MARGIN)

    def on_resize(self) -> None:
        if self._layout.width != self._text_width():
            self._relayout(keep=self.top_offset)

    def watch_scroll_y(self, old: float, new: float) -> None:
        super().watch_scroll_y(old, new)
        if round(new) != self._top_line:
            self._top_line = round(new)
            self.post_message(self.Moved(self.top_offset))

    def render_line(self, y: int) -> Strip:
        index = round(self.scroll_y) + y
        width = self.size.width
        key = (index, width, self._version)
        strip = self._cache.get(key)
        if strip is None:
            strip = self._render_index(index, width)
            self._cache[key] = strip
        return strip

    def _render_index(self, index: int, width: int) -> Strip:
        base = self.rich_style
        if index >= len(self._layout):
            return Strip.blank(width, base)
        if index in self._layout.labels:
            label = self._speaker_label(*self._layout.labels[index])
            segments = [Segment(" " * GUTTER)] + list(label.render(self.app.console))
        else:
            segments = self._text_segments(self._layout.starts[index], self._layout.ends[index])
        return Strip(segments).apply_style(base).adjust_cell_length(width, base)

    def _text_segments(self, start: int, end: int) -> list[Segment]:
        text = Text(self._text[start:end], end="")

        def paint(spans: Spans, style_of) -> bool:
            found = spans.overlapping(start, end)
            for a, b, value in found:
                style = style_of(value)
                if style:
                    text.stylize(style, max(a, start) - start, min(b, end) - start)
            return bool(found)

        styles = self._styles()
        in_summary = paint(self._summary, lambda _: styles["summary"])
        paint(self._mentions, lambda value: styles.get(value[0]))
        paint(self._selected, lambda _: styles["selected"])
        in_quote = paint(self._quotes, lambda _: styles["quote"])
        paint(self._matches, lambda _: styles["match"])
        if self._current and self._current[0] < end and self._current[1] > start:
            a, b = self._current
            text.stylize(styles["current"], max(a, start) - start, min(b, end) - start)
        gutter = [
            Segment("▌", styles["bar"]) if in_summary else Segment(" "),
            Segment("┃", styles["quote_bar"]) if in_quote else Segment(" "),
            Segment(" "),
        ]
        return gutter + list(text.render(self.app.console))

    def _styles(self) -> dict[str, Style]:
        key = ("styles",)
        styles = self._cache.get(key)
        if styles is None:
            styles = self._make_styles()
            self._cache[key] = styles
        return styles

    def _make_styles(self) -> dict[str, Style]:
        background = self.background_colors[1]
        dark = self.app.current_theme.dark
        tint = background.blend(Color.parse(SUMMARY_COLOR), 0.16 if dark else 0.35)
        styles = {
            "summary": Style(bgcolor=tint.rich_color),
            "bar": Style(color=SUMMARY_COLOR if dark else "#b58900"),
            "quote": Style(italic=True),
            "quote_bar": self._component("reading--quote", ink=True),
            "label": self._component("reading--label", ink=True),
            "selected": self._component("reading--selected"),
            "match": self._component("reading--match", paper=True),
            "current": self._component("reading--current", paper=True),
        }
        for kind, colour in KIND_COLORS.items():
            # Pastel colours read well as ink on dark, as a marker on light.
            styles[kind] = Style(color=colour) if dark else Style(color="black", bgcolor=colour)
        return styles

    def _component(self, name: str, ink: bool = False, paper: bool = False) -> Style:
        """A component class's style, blended with the theme's background, keeping only
        its text colour (ink) and/or background (paper), so the layers underneath show."""
        full = self.get_component_rich_style(name, partial=False)
        return Style(
            color=full.color if ink else None,
            bgcolor=full.bgcolor if paper else None,
            bold=full.bold,
            italic=full.italic,
            underline=full.underline,
            reverse=full.reverse,
        )

    def _speaker_label(self, name: str, kind: str, cue: str | None) -> Text:
        """The line after a quote: who said it."""
        styles = self._styles()
        label = Text("— ", style=styles["label"], end="")
        label.append(clean(" ".join(name.split())), style=styles.get(kind, "") + Style(bold=True))
        if cue:
            label.append(f", {clean(cue)}")
        return label
