"""What every part of the main screen shares: the session, the views, jumps and the status line.

The main screen is cut along its seams, one layer a module: this base (where the reader is,
moving there, saying so on the status line), ``summaries`` (the summary jobs, the summary
pane and the ``v`` view), ``finding`` (paging, search, go to, links, participants,
bookmarks) and ``main`` (layout, documents, their analysis, state, reloads).
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from typing import Any

from textual.screen import Screen

from reader.model import Analysis, Participant
from reader.tui import work as jobs
from reader.tui.layout import Spans
from reader.tui.navigate import History, Links
from reader.tui.places import FileWatch, Search
from reader.tui.session import DocumentState, Session
from reader.tui.widgets.panes import one_line, subtitle_of
from reader.tui.widgets.reading import ReadingView
from reader.tui.widgets.status import StatusLine
from reader.tui.widgets.summary_view import SummaryView


class ReaderScreen(Screen):
    def __init__(self, session: Session) -> None:
        super().__init__()
        self.session = session
        self.participant: Participant | None = None
        self.search = Search()  # the query typed after / and its matches
        self.current: tuple[int, int] | None = None  # the span last jumped to
        self._toggled: set[str] = set()  # the panes the user showed or hid ("#left", "#side"): no longer by width
        self.file_watch = FileWatch()  # the shown file on disk; F keeps its end in view
        self.links: Links | None = None  # internal link targets of the shown document
        self.history = History()  # places a link or an outline jump left from

    @property
    def reading(self) -> ReadingView:
        return self.query_one("#reading", ReadingView)

    @property
    def summary_view(self) -> SummaryView:
        return self.query_one(SummaryView)

    @property
    def view(self) -> ReadingView:
        """The view the paging keys move: the text, or the summary view when it is shown."""
        return self.summary_view if self.summary_view.display else self.reading

    @property
    def state(self) -> DocumentState:
        return self.session.current

    @property
    def analysis(self) -> Analysis | None:
        return self.state.analysis

    @property
    def store(self) -> Any:
        return getattr(self.app, "store", None)

    def excerpt(self, offset: int) -> str:
        """A few words of the text from ``offset``, for lists and notes."""
        return one_line(self.reading.text[offset : offset + 80], 50)

    # Where the reader is, and moving there

    def show_text_view(self) -> None:
        if self.summary_view.display:
            self.reading.assume_width(self.summary_view.size.width)  # laid out now: no blank frame before it
            self.summary_view.display = False
            self.reading.display = True
            self.reading.focus()

    @staticmethod
    def _section_at(analysis: Analysis, offset: int) -> int:
        starts = [s.start for s in analysis.sections]
        return max(0, bisect_right(starts, offset) - 1)

    def current_section(self) -> int | None:
        analysis = self.analysis
        if analysis is None or not analysis.sections:
            return None
        offset = self.current[0] if self.current and self._current_visible() else self.reading.reading_offset
        section = self._section_at(analysis, offset)
        with_text = {s.section for s in analysis.sentences}
        # A heading-only section has nothing to summarize: take the next one that has.
        later = [i for i in sorted(with_text) if i >= section]
        return later[0] if later else max(with_text, default=section)

    def _current_visible(self) -> bool:
        if self.current is None:
            return False
        return self.reading.top_offset <= self.current[0] <= self.reading.bottom_offset

    def _jump(self, span: tuple[int, int], *, only_if_hidden: bool = False) -> None:
        self.show_text_view()
        self.current = span
        self.reading.mark_current(span)
        self.reading.go_to(span[0], only_if_hidden=only_if_hidden)
        self._update_status()

    def _step(self, spans: Spans, forward: bool, what: str) -> int | None:
        """Jump to the next (or previous) span after where the reader is; its index."""
        if not len(spans):
            self.notify(f"no {what}", severity="warning", markup=False)
            return None
        if self.current is not None and self._current_visible():
            base = self.current[0]
        else:
            base = self.reading.top_offset - (1 if forward else 0)
        index = spans.after(base) if forward else spans.before(base)
        if index is None:
            self.notify(f"no more {what} {'below' if forward else 'above'}", timeout=2, markup=False)
            return None
        start, end, _ = spans.items[index]
        self._jump((start, end))
        return index

    def go_to_offset(self, offset: int) -> None:
        self.show_text_view()
        self.current = (offset, offset)  # "where the reader is" for s and ]
        self.reading.mark_current(None)
        self.reading.go_to(offset)
        self._update_status()

    def go_to_sentence(self, index: int) -> None:
        if self.analysis is not None:
            sentence = self.analysis.sentences[index]
            self._jump((sentence.start, sentence.end))

    # The status line

    def _summary_spans(self) -> Spans:
        analysis, summary = self.analysis, self.state.summary
        if analysis is None or summary is None:
            return Spans()
        return Spans((analysis.sentences[i].start, analysis.sentences[i].end, i) for i in summary.selected)

    def _mention_spans(self) -> Spans:
        if self.participant is None:
            return Spans()
        return Spans((m.start, m.end, None) for m in self.participant.mentions)

    def _position(self, spans: Spans) -> str:
        """ " k of n" when the reader is on the k-th of these spans."""
        if self.current is None:
            return ""
        index = bisect_left(spans.starts, self.current[0])
        if index < len(spans) and spans.items[index][:2] == self.current:
            return f" {index + 1} of {len(spans)}"
        return ""

    def _summary_part(self) -> str:
        summary = self.state.summary
        if summary is None:
            return ""
        scope = "section" if self.state.scope is not None else "document"
        part = f"{summary.algorithm} {len(summary.selected)} sent. ({scope})"
        return part + self._position(self._summary_spans())

    def _summarizing(self) -> bool:
        """True while a summary is computed (the summaries layer says)."""
        return False

    def _update_status(self) -> None:
        view, state = self.view, self.state
        known = state.sections_known
        title = known.title if known else state.document.source
        lines = max(1, view.line_count)
        where = f"{min(100, round(100 * (view.scroll_y + view.size.height) / lines))}%"
        if view is self.summary_view:
            where = "summary view " + where
        # What changes comes first; the title last, where a narrow screen cuts it.
        parts = {"where": where, "summary": self._summary_part()}
        if self.participant is not None:
            parts["participant"] = one_line(self.participant.name, 30) + self._position(self._mention_spans())
        if self.search.query:
            at = self._position(self.search.matches) or f" {len(self.search.matches)} found"
            parts["search"] = f"/{one_line(self.search.query, 20)}:" + at
        number = f"[{self.session.index + 1}/{len(self.session.documents)}] " if len(self.session.documents) > 1 else ""
        parts["doc"] = number + one_line(title, 60) + subtitle_part(state.document, title)
        status = self.query_one(StatusLine)
        status.set(**parts)
        busy = ""
        if state.stage is not None:
            step = jobs.STAGES.index(state.stage) + 1 if state.stage in jobs.STAGES else 1
            busy = f"analysing: {state.stage} ({step}/{len(jobs.STAGES)})"
        elif self._summarizing():
            busy = "summarizing"
        status.set_busy(busy)


def subtitle_part(document: object, title: str = "") -> str:
    """ " — ls - list directory contents" after the title in the status line; a subtitle that
    repeats the title ('Foo::Bar - does x' under 'Foo::Bar', as POD's NAME line) gives its rest."""
    subtitle = subtitle_of(document)
    head, dash, rest = subtitle.partition(" - ")
    if dash and rest and head.strip() == title.strip():
        subtitle = rest
    return " — " + subtitle if subtitle else ""
