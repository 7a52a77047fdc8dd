"""The reading view: the document as text, wrapped once, drawn line by line.

A Line-API widget: only the lines on screen are styled, so a 3 MB book opens at
once. Document text is never markup; control characters are shown as symbols.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Sequence
from typing import cast

from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual import events
from textual.cache import LRUCache
from textual.geometry import Size
from textual.message import Message
from textual.strip import Strip

from reader.model import Analysis
from reader.tui.decor import SUPERSCRIPT, Decor, heading_lines, units_of_blocks
from reader.tui.layout import (
    AS_WRITTEN,
    DEFINITION,
    DEFINITION_PRE,
    FURNITURE,
    GAP,
    INDENT,
    LABEL,
    NOT_TEXT,
    REFLOWED,
    RULE,
    TAB,
    Layout,
    Spans,
    Unit,
    cells,
    clean,
    kept,
    layout,
    units,
    with_tabs,
)
from reader.tui.manpage import definition_units
from reader.tui.turns import play_breaks, play_labels
from reader.tui.widgets.paging import PagedView
from reader.tui.widgets.styles import reading_styles, speaker_label

GUTTER = 3  # summary bar, quote bar, space
GUTTER_SEGMENTS = 3  # the segments that draw it, first in a line's
FIRST_PART = 200_000  # characters laid out before the first paint of a long text
RIGHT_MARGIN = 1
MEASURE = 100  # cells: prose is wrapped no wider, however wide the terminal (lines of 190 are hard to follow)


class ReadingView(PagedView, can_focus=True):
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

    class LinkClicked(Message):
        """The user clicked a link (or asked to follow the first one on screen)."""

        def __init__(self, url: str) -> None:
            super().__init__()
            self.url = url

    class Moved(Message):
        """The top of the view now shows another part of the text."""

        def __init__(self, view: ReadingView, offset: int) -> None:
            super().__init__()
            self.view, self.offset = view, offset

        @property
        def control(self) -> ReadingView:
            return self.view

    def __init__(self, **kwargs) -> None:
        super().__init__(**kwargs)
        self._text = ""
        self._tabbed = ""  # the text with its tabs kept (the view's text has a space for each)
        self._tabs: list[int] = []  # where the tabs are: expanded to tab stops in lines shown as written
        self._units: list[Unit] = []
        self._folded: str | None = None
        self._shift = 0  # columns preformatted lines are scrolled left by (h / l)
        self._layout = Layout(0)
        self._assumed_width = 0  # the width to lay out at while hidden (no size of its own)
        self._decor = Decor()
        self._labels: dict[int, object] = {}  # offset -> (speaker, kind, cue)
        self._summary = Spans()
        self._mentions = Spans()
        self._selected = Spans()
        self._quotes = Spans()
        self._matches = Spans()
        self._headings = Spans()
        self._speakers = Spans()  # a play's speaker labels, bold as a transcript's
        self._breaks: dict[int, bool] | None = None  # a play's speeches: each a unit of its own
        self._current: tuple[int, int] | None = None
        self._style_cache: dict[str, Style] | None = None
        self._cache: LRUCache[tuple, Strip] = LRUCache(512)
        self._version = 0
        self._shown = 0  # texts shown so far: a late layout of an older one is dropped
        self._wanted: tuple[str, int] | None = None  # a jump past the first part of a long text
        self._top_line = -1
        self._declared = False  # the format declared blocks (headings among them)

    # What is shown

    @property
    def text(self) -> str:
        """The text as shown (controls replaced); same offsets as the document."""
        return self._text

    @property
    def folded(self) -> str:
        """The text without accents, same offsets: what search matches against."""
        if self._folded is None:
            from reader.tui.find import fold

            self._folded = fold(self._text)
        return self._folded

    def show_text(
        self,
        text: str,
        blocks: Sequence | None = None,
        links: Sequence | None = None,
        emphasis: Sequence | None = None,
        definitions: bool = False,
    ) -> None:
        """Show a new document, undecorated, from its top; blocks, links and emphasis as its format declares.
        ``definitions``: its list items are a manual page's definitions (a tag, then its text)."""
        self._text = clean(text)
        self._tabbed = with_tabs(text)  # the same, tabs kept: the layout sees indentation as a terminal would
        self._tabs = [m.start() for m in re.finditer("\t", self._tabbed)] if "\t" in self._tabbed else []
        self._decor = Decor(self._text, blocks, links, emphasis)
        self._shown += 1
        self._wanted = None
        self._declared = bool(blocks)
        if blocks:
            self._units = units_of_blocks(self._tabbed, blocks)
            if definitions:
                self._units = definition_units(self._text, blocks, emphasis or (), self._units)
        elif len(self._text) > FIRST_PART:
            # A book: lay out its first part now, the whole after the first paint.
            cut = self._text.rfind("\n\n", 0, FIRST_PART)
            self._units = units(self._tabbed[: cut if cut > 0 else FIRST_PART])
            self.call_after_refresh(self._lay_out_whole, self._shown)
        else:
            self._units = units(self._tabbed)
        self._folded = None
        self._shift = 0
        self._labels = {}
        self._summary = self._mentions = self._selected = self._quotes = self._matches = self._headings = Spans()
        self._speakers = Spans()
        self._breaks = None
        self._current = None
        self._relayout(keep=0)

    def _lay_out_whole(self, version: int) -> None:
        """The rest of a long text, after its first part was painted."""
        if version != self._shown:
            return  # another text has been shown since
        self._units = units(self._tabbed, self._breaks)
        wanted, self._wanted = self._wanted, None
        self._relayout(keep=self.top_offset)
        if wanted is not None:  # a jump asked for while only the first part was laid out
            how, offset = wanted
            self.go_to_top(offset) if how == "top" else self.go_to(offset)

    def decorate(self, analysis: Analysis) -> None:
        """Colour participants and set quotes apart, once the analysis has arrived."""
        participants = analysis.participants
        self._mentions = Spans((m.start, m.end, (p.kind, p.id)) for p in participants for m in p.mentions)
        names = {p.id: p for p in participants}
        # A transcript's turns name their speaker at their start: no bar, no label line after each.
        quotes = [q for q in analysis.quotes if q.kind != "turn"]
        self._quotes = Spans((q.start, q.end, q) for q in quotes)
        self._labels = {
            q.end: (names[q.speaker].name, names[q.speaker].kind, q.cue) for q in quotes if q.speaker in names
        }
        if not self._declared:  # a format's own headings are styled by their blocks
            self._headings = Spans(heading_lines(self._text, analysis.sections))
            self._lay_out_play(analysis)
        self._relayout(keep=self.top_offset)

    def _lay_out_play(self, analysis: Analysis) -> None:
        """A play in plain text: its speaker labels bold, each speech set apart from the one before."""
        speeches = play_labels(analysis)
        self._speakers = Spans((a, b, None) for a, b, _, _ in speeches)
        if speeches and len(analysis.text) == len(self._text):
            self._breaks = play_breaks(self._text, speeches)
            self._units = units(self._tabbed, self._breaks)

    def mark_headings(self, analysis: Analysis) -> None:
        """Style the headings a plain text's structure finds (the first stage): no new layout, only
        the styles of lines already laid out, so it costs nothing however long the book."""
        if not self._declared:
            self._headings = Spans(heading_lines(self._text, analysis.sections))
            self._changed()

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
        if line >= len(self._layout) or self._layout.kinds[line] in NOT_TEXT or x < GUTTER:
            return None
        start, end = self._layout.starts[line], self._layout.ends[line]
        kind = self._layout.kinds[line]
        x -= self._decor.prefix_width(start, kind) + self._layout.leads.get(line, 0)
        if self._decor.table_pieces(start, end, kind) is not None:
            return self._decor.table_offset(start, end, kind, x - GUTTER + self._shift)
        if kind not in REFLOWED:  # as written: scrolled sideways, tabs widened to their stops
            written = self._text[start:end]
            for index, right in enumerate(tab_columns(written, self._tabs_in(start, end))):
                if right > x - GUTTER + self._shift:
                    return start + index
            return None
        ranges = [(start + a, start + b) for a, b in kept(self._text[start:end])]
        used = 0
        for a, b in ranges:
            for offset in range(a, b):
                used += cells(self._text[offset])
                if used > x - GUTTER:
                    return offset
        return None

    def on_click(self, event: events.Click) -> None:
        offset = self.offset_at(event.x, event.y)
        if offset is None:
            return
        for _, _, url in self._decor.links.overlapping(offset, offset + 1):
            self.post_message(self.LinkClicked(str(url)))
            return
        for start, end, value in self._mentions.overlapping(offset, offset + 1):
            participant = str(value[1])  # type: ignore[index]
            self.post_message(self.MentionClicked(participant, (start, end)))

    def first_link(self, at: int | None = None) -> str | None:
        """The link holding ``at`` (a search match just found: an Info menu entry, a ``see X``), else the
        first link that is on screen, if any."""
        held = self._decor.links.overlapping(at, at + 1) if at is not None else []
        found = held or self._decor.links.overlapping(self.top_offset, self.bottom_offset)
        return str(found[0][2]) if found else None

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
        self._remember_jump("third", offset)
        line = self._layout.line_of(offset)
        top = round(self.scroll_y)
        if only_if_hidden and top <= line < top + self.size.height:
            return
        self.scroll_to(y=max(0, line - self.size.height // 3), animate=False, immediate=True)

    def go_to_top(self, offset: int) -> None:
        """Scroll so that the line holding ``offset`` is the top line (a remembered place)."""
        self._remember_jump("top", offset)
        self.scroll_to(y=self._layout.line_of(offset), animate=False, immediate=True)

    def action_scroll_left(self) -> None:
        self.shift_by(-8)

    def action_scroll_right(self) -> None:
        self.shift_by(8)

    def _remember_jump(self, how: str, offset: int) -> None:
        """Past the part laid out so far: do it again once the whole text is laid out."""
        laid_out = self._units[-1].end if self._units else 0
        self._wanted = (how, offset) if offset > laid_out + 1 else None

    def shift_by(self, columns: int) -> None:
        """Scroll preformatted lines sideways, as ``less -S`` does; prose is always reflowed."""
        widest = max(
            (
                self._shown_width(s, e, k)
                for s, e, k in zip(self._layout.starts, self._layout.ends, self._layout.kinds)
                if k in AS_WRITTEN  # a code block's lines too, not only a plain text's
            ),
            default=0,
        )
        shift = max(0, min(self._shift + columns, widest - self._text_width() // 2))
        if shift != self._shift:
            self._shift = shift
            self._changed()

    # Layout and drawing

    def _changed(self) -> None:
        self._version += 1
        self._cache.clear()
        self._style_cache = None
        self.refresh()

    def _relayout(self, keep: int) -> None:
        if not self._width():  # not laid out yet: on_resize will come
            self._layout = Layout(0)
            return
        width = self._text_width()
        below = self._lines_below_text(keep)
        self._layout = layout(self._text, width, self._labels, self._units)
        self.virtual_size = Size(self._width(), len(self._layout))
        self._changed()
        line = min(self._layout.line_of(keep) + below, len(self._layout) - 1) if keep else 0
        self.scroll_to(y=line, animate=False, immediate=True)

    def _lines_below_text(self, keep: int) -> int:
        """How far the top line (a blank or a speaker line, which have no text of their own) is below the
        text line holding ``keep``: kept too, so that a new layout does not move the view up a line."""
        old, top = self._layout, round(self.scroll_y)
        if not keep or top >= len(old) or old.starts[top] != keep:
            return 0
        return max(0, top - old.line_of(keep))

    def on_mount(self) -> None:
        super().on_mount()
        # Styles come from the theme's CSS, which is refreshed after the theme changes.
        self.app.theme_changed_signal.subscribe(self, lambda _: self._changed())

    def _text_width(self) -> int:
        return max(10, min(MEASURE, self._width() - GUTTER - RIGHT_MARGIN))

    def _width(self) -> int:
        return self.size.width or self._assumed_width

    def assume_width(self, width: int) -> None:
        """A hidden view has no size: lay it out at ``width`` (that of the view it is about to
        replace), so the first frame it is shown in is painted, not blank until its resize."""
        if width and not self.size.width:
            self._assumed_width = width
            if self._layout.width != self._text_width():
                self._relayout(keep=self.top_offset)

    def on_resize(self) -> None:
        if self._layout.width != self._text_width():
            self._relayout(keep=self.top_offset)

    def watch_scroll_y(self, old: float, new: float) -> None:
        super().watch_scroll_y(old, new)
        if round(new) != self._top_line:
            self._top_line = round(new)
            self.post_message(self.Moved(self, self.top_offset))

    def render_line(self, y: int) -> Strip:
        index = round(self.scroll_y) + y
        width = self.size.width
        # Text stays left of the scrollbar (its column is free when the whole text fits on screen).
        room = width - RIGHT_MARGIN if self.show_vertical_scrollbar else width
        key = (index, width, room, self._version)
        strip = self._cache.get(key)
        if strip is None:
            strip = self._render_index(index, width, room)
            self._cache[key] = strip
        return strip

    def _render_index(self, index: int, width: int, room: int) -> Strip:
        base = self.rich_style
        if index >= len(self._layout):
            return Strip.blank(width, base)
        kind = self._layout.kinds[index]
        if kind == GAP:
            return Strip.blank(width, base)
        if kind == LABEL:
            name, who, cue = cast(tuple[str, str, str | None], self._layout.labels[index])
            label = speaker_label(name, who, cue, self._styles())
            segments = [Segment(" " * GUTTER), *label.render(self.app.console)]
        elif kind == RULE:
            start = self._layout.starts[index]
            rule = self._decor.rule(start)[self._shift :]
            rule.stylize(self._styles()["block_bar"])
            moved = self._decor.prefix(start, kind, self._styles())  # a table inside a list item
            segments = [Segment(" " * GUTTER), *moved, *rule.render(self.app.console)]
        else:
            segments = self._text_segments(self._layout.starts[index], self._layout.ends[index], kind)
            lead = self._layout.leads.get(index)
            if lead:  # a plain text's list item: its indentation, or its hang under the marker
                segments.insert(GUTTER_SEGMENTS, Segment(" " * lead))
        return (
            fit(Strip(segments), room, self._styles()["cut"] if kind != RULE else None)
            .apply_style(base)
            .adjust_cell_length(width, base)
        )

    def _text_segments(self, start: int, end: int, kind: int) -> list[Segment]:
        styles = self._styles()
        text = self._decor.line_text(start, end, kind)
        self._decor.paint(text, start, end, styles)
        for a, b, _ in self._speakers.overlapping(start, end):
            text.stylize(styles["speaker"], max(a, start) - start, min(b, end) - start)

        def paint(spans: Spans, style_of) -> bool:
            found = spans.overlapping(start, end)
            for a, b, value in found:
                style = style_of(value)
                if style:
                    text.stylize(style, max(a, start) - start, min(b, end) - start)
            return bool(found)

        in_summary = paint(self._summary, lambda _: styles["summary"])
        paint(self._mentions, lambda value: styles.get(value[0]))
        paint(self._selected, lambda _: styles["selected"])
        in_quote = paint(self._quotes, lambda _: styles["quote"])
        paint(self._headings, lambda level: styles.get(str(level)) or styles["heading"])
        paint(self._matches, lambda _: styles["match"])
        if self._current and self._current[0] < end and self._current[1] > start:
            a, b = self._current
            text.stylize(styles["current"], max(a, start) - start, min(b, end) - start)
        for a, b in self._decor.note_marks(start, end, kind):
            superscript(text, a - start, b - start, styles["note"])
        if kind in REFLOWED:  # the indentation and line breaks of the source are not kept
            text = Text("", end="").join(text[a:b] for a, b in kept(self._text[start:end]))
        else:
            text = self._decor.arrange(text, start, end, kind, styles)
            if self._tabs and self._decor.table_pieces(start, end, kind) is None:  # a table row keeps its padding
                text = expand_tabs(text, self._tabs_in(start, end))
            text = text[self._shift :]
            if kind == FURNITURE:
                text.stylize(styles["furniture"])
        whole = self._decor.line_style(start, kind, styles)
        if whole is not None:
            text.stylize_before(whole)
        gutter = [
            Segment("▌", styles["bar"]) if in_summary else Segment(" "),
            Segment("┃", styles["quote_bar"]) if in_quote else Segment(" "),
            Segment(" "),
        ]
        indent = [Segment(" " * INDENT[kind])] if kind in (DEFINITION, DEFINITION_PRE) else []
        return gutter + self._decor.prefix(start, kind, styles) + indent + list(text.render(self.app.console))

    def _shown_width(self, start: int, end: int, kind: int) -> int:
        """Cells a line as written takes: a table row with its padding, tabs to their stops."""
        tabs = self._tabs_in(start, end)
        if not tabs or self._decor.table_pieces(start, end, kind) is not None:
            return self._decor.shown_width(start, end, kind)
        columns = tab_columns(self._text[start:end], tabs)
        return columns[-1] if columns else 0

    def _tabs_in(self, start: int, end: int) -> list[int]:
        """Where the tabs of ``start:end`` are, from its start."""
        if not self._tabs:
            return []
        return [t - start for t in self._tabs[bisect_left(self._tabs, start) : bisect_left(self._tabs, end)]]

    def _styles(self) -> dict[str, Style]:
        if self._style_cache is None:
            self._style_cache = self._make_styles()
        return self._style_cache

    def _make_styles(self) -> dict[str, Style]:
        self._decor.forget_colours(self.app.current_theme.dark)
        return reading_styles(self)


CUT_MARK = "›"  # at the right edge of a line that goes on past it, as ``less -S`` marks one
RULE_CHARACTERS = frozenset(" -=_~*#─━═")  # a line of only these is a rule: cut with no mark


def fit(strip: Strip, room: int, mark: Style | None) -> Strip:
    """``strip`` cut to ``room`` cells, so that it stays left of the scrollbar; a line that goes on past
    it ends with a dim mark (``mark``: its style; None for a rule line) rather than being cut silently."""
    if strip.cell_length <= room:
        return strip
    rest = strip.crop(room, strip.cell_length).text.strip()
    if mark is None or not rest or not set(strip.text) - RULE_CHARACTERS:  # only the spaces at a break, a rule
        return strip.crop(0, room)
    return Strip([*strip.crop(0, room - 1), Segment(CUT_MARK, mark)])


def expand_tabs(text: Text, tabs: list[int]) -> Text:
    """A line shown as written with each tab (a space in ``text``, at ``tabs``) widened to the next tab stop,
    as less and the terminal show it, in the style of the space it replaces."""
    if not tabs:
        return text
    parts = []
    column = pos = 0
    for tab in tabs:
        before = text[pos:tab]
        column += cells(before.plain)
        gap = text[tab : tab + 1]
        for _ in range(TAB - 1 - column % TAB):
            gap.append_text(text[tab : tab + 1])
        column += len(gap)
        parts += [before, gap]
        pos = tab + 1
    parts.append(text[pos:])
    return Text("", end="").join(parts)


def tab_columns(line: str, tabs: list[int]) -> list[int]:
    """The cell each character of ``line`` ends at as drawn, a tab (a space in ``line``, at ``tabs``) reaching
    the next tab stop, as ``expand_tabs`` draws it."""
    tabbed = set(tabs)
    columns = []
    column = 0
    for index, character in enumerate(line):
        column += TAB - column % TAB if index in tabbed else cells(character)
        columns.append(column)
    return columns


def superscript(text: Text, a: int, b: int, style: Style) -> None:
    """A footnote mark as a small raised one: digits and brackets as superscripts, dimmed."""
    plain = text.plain
    text.plain = plain[:a] + plain[a:b].translate(SUPERSCRIPT) + plain[b:]
    text.stylize(style, a, b)
