"""The main screen: outline on the left, the text in the centre, panes on the right.

The text is shown as soon as a document is chosen; its analysis runs in a thread
thread and the decorations and panes fill in when it arrives.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.message import Message
from textual.reactive import reactive
from textual.screen import Screen
from textual.widgets import Footer, Input, TabbedContent, TabPane

from reader.model import Analysis, Summary
from reader.tui import work as jobs
from reader.tui.keys import KEYS
from reader.tui.layout import Spans
from reader.tui.widgets.panes import (
    DocumentList,
    ListPane,
    OutlinePane,
    ParticipantsPane,
    QuotesPane,
    SummaryPane,
    one_line,
)
from reader.tui.widgets.reading import ReadingView
from reader.tui.widgets.status import StatusLine

WIDE = 110  # columns from which the side panes and the outline are shown by default
MAX_MATCHES = 100_000


class DocumentAnalysed(Message):
    def __init__(self, index: int, analysis: Analysis) -> None:
        super().__init__()
        self.index, self.analysis = index, analysis


class AnalysisProgressed(Message):
    def __init__(self, index: int, stage: str) -> None:
        super().__init__()
        self.index, self.stage = index, stage


class AnalysisFailed(Message):
    def __init__(self, index: int, error: str) -> None:
        super().__init__()
        self.index, self.error = index, error


class SummaryComputed(Message):
    def __init__(self, request: int, index: int, summary: Summary | None, scope: int | None) -> None:
        super().__init__()
        self.request, self.index, self.summary, self.scope = request, index, summary, scope


class MainScreen(Screen):
    BINDINGS = [
        Binding(k.keys, k.action, k.footer or k.description, show=bool(k.footer), key_display=k.display.split(" / ")[0])
        for k in KEYS
    ]

    show_side = reactive(True)
    show_left = reactive(True)

    def __init__(self) -> None:
        super().__init__()
        self.index = 0  # the document shown
        self.analyses: dict[int, Analysis] = {}
        self.stage: dict[int, str] = {}  # analysis stage of documents being analysed
        self.summaries: dict[int, tuple[Summary | None, int | None]] = {}  # shown summary, its section
        self.summary_busy = False
        self.summary_request = 0  # the latest; older results are dropped
        self.algorithm: str | None = None
        self.sentences: int | None = None
        self.section_scope = False
        self.participant = None
        self.matches = Spans()
        self.search_query = ""
        self.current: tuple[int, int] | None = None
        self._follow = None  # timer: summarize the section the reader scrolled to
        self._toggled = False  # the user chose what to show; stop following the width

    # Building

    def compose(self) -> ComposeResult:
        with Horizontal(id="body"):
            with Vertical(id="left"):
                yield DocumentList(id="documents")
                yield OutlinePane(id="outline")
            yield ReadingView(id="reading")
            with TabbedContent(id="side"):
                with TabPane("Summary", id="tab-summary"):
                    yield SummaryPane(id="summary")
                with TabPane("Participants", id="tab-participants"):
                    yield ParticipantsPane(id="participants")
                with TabPane("Quotes", id="tab-quotes"):
                    yield QuotesPane(id="quotes")
        yield Input(placeholder="search (enter: find, escape: cancel)", id="search")
        yield StatusLine(id="status")
        yield Footer()

    @property
    def reading(self) -> ReadingView:
        return self.query_one(ReadingView)

    @property
    def documents(self) -> list:
        return self.app.documents

    def on_mount(self) -> None:
        self.query_one("#search").display = False
        many = len(self.documents) > 1
        self.query_one(DocumentList).display = many
        if many:
            self.query_one(DocumentList).show([d.source for d in self.documents])
        self._follow_width(self.size.width)
        self.set_interval(0.1, self.query_one(StatusLine).spin)
        self.open_document(0)
        self.reading.focus()

    def on_resize(self, event) -> None:
        self._follow_width(event.size.width)

    def _follow_width(self, width: int) -> None:
        self.set_class(width < WIDE, "-narrow")
        if not self._toggled:
            self.show_side = self.show_left = width >= WIDE

    def watch_show_side(self, show: bool) -> None:
        self.set_class(not show, "-hide-side")

    def watch_show_left(self, show: bool) -> None:
        self.set_class(not show, "-hide-left")

    # Documents and their analysis

    def open_document(self, index: int) -> None:
        self.index = index
        self.participant = None
        self.current = None
        self.reading.show_text(self.documents[index].text)
        if self.search_query:
            self._search(self.search_query, jump=False)
        if len(self.documents) > 1:
            self.query_one(DocumentList).highlight(str(index))
        analysis = self.analyses.get(index)
        if analysis is not None:
            self._show_analysis(analysis)
        else:
            self._show_analysis(None)
            if index not in self.stage:
                self.stage[index] = "waiting"
                # After the text is on screen: the analysis would hold the GIL during the first paint.
                self.call_after_refresh(self._start_analysis, index)
        self._update_status()

    def _start_analysis(self, index: int) -> None:
        self.stage[index] = "structure"
        jobs.in_background(self._analyse, index, self.documents[index], self.app.analyzer)

    def _analyse(self, index: int, document, analyzer) -> None:
        """Runs in a background thread; post_message is safe from there."""

        def progress(stage: str) -> None:
            self.post_message(AnalysisProgressed(index, stage))

        try:
            analysis = analyzer(document, progress)
        except Exception as exc:  # a bug in one stage must not take the reader down
            self.post_message(AnalysisFailed(index, f"{type(exc).__name__}: {exc}"))
            return
        self.post_message(DocumentAnalysed(index, analysis))

    def on_analysis_progressed(self, message: AnalysisProgressed) -> None:
        self.stage[message.index] = message.stage
        self._update_status()

    def on_analysis_failed(self, message: AnalysisFailed) -> None:
        if message.index in self.stage and message.index == self.index:
            for pane in self.query(ListPane):  # instead of "analysing…"
                if pane.id != "documents":
                    pane.set_note("analysis failed (the text is all there is)")
        self.stage.pop(message.index, None)
        self.notify(f"analysis failed: {message.error}", severity="error", timeout=10, markup=False)
        self._update_status()

    def on_document_analysed(self, message: DocumentAnalysed) -> None:
        self.stage.pop(message.index, None)
        self.analyses[message.index] = message.analysis
        if message.index == self.index:
            self._show_analysis(message.analysis)
        self._update_status()
        self._prefetch()

    def _prefetch(self) -> None:
        """Analyse the next document nobody asked for yet, one at a time."""
        if self.stage:
            return
        for index in range(len(self.documents)):
            if index not in self.analyses and index not in self.stage:
                self._start_analysis(index)
                return

    def _show_analysis(self, analysis: Analysis | None) -> None:
        self.query_one(OutlinePane).show(analysis)
        self.query_one(ParticipantsPane).show(analysis)
        self.query_one(QuotesPane).show(analysis)
        self.reading.mark_selected([])
        if analysis is not None:
            self.reading.decorate(analysis)
            if self.index not in self.summaries:
                self.summaries[self.index] = (analysis.summary, None)
            wanted = (self.algorithm, self.sentences, self.section_scope)
            if wanted != (None, None, False):
                self._resummarize()
        self._show_summary()

    # Summaries

    def _summary(self) -> Summary | None:
        return self.summaries.get(self.index, (None, None))[0]

    def _summary_spans(self) -> Spans:
        analysis, summary = self.analyses.get(self.index), self._summary()
        if analysis is None or summary is None:
            return Spans()
        return Spans((analysis.sentences[i].start, analysis.sentences[i].end, i) for i in summary.selected)

    def _show_summary(self) -> None:
        analysis = self.analyses.get(self.index)
        summary, section = self.summaries.get(self.index, (None, None))
        scope = "whole document"
        if analysis is not None and section is not None:
            scope = "section: " + one_line(analysis.sections[section].title, 40)
        self.query_one(SummaryPane).show(analysis, summary, scope, self.summary_busy)
        self.reading.mark_summary([(a, b) for a, b, _ in self._summary_spans().items])
        self._update_status()

    def _resummarize(self) -> None:
        analysis = self.analyses.get(self.index)
        if analysis is None:
            self.notify("the summary comes when the analysis is done", markup=False)
            return
        section = self._current_section() if self.section_scope else None
        self.summary_busy = True
        self.summary_request += 1
        self._show_summary()
        sentences = self.sentences or jobs.DEFAULT_SENTENCES
        jobs.in_background(
            self._summarize, self.summary_request, self.index, analysis, self.algorithm, sentences, section
        )

    def _summarize(self, request: int, index: int, analysis, algorithm, sentences: int, section) -> None:
        """Runs in a background thread."""
        try:
            summary = jobs.summarize_scope(analysis, algorithm, sentences, section)
        except Exception as exc:
            self.post_message(AnalysisFailed(index, f"summary: {type(exc).__name__}: {exc}"))
            summary = None
        self.post_message(SummaryComputed(request, index, summary, section))

    def on_summary_computed(self, message: SummaryComputed) -> None:
        if message.request != self.summary_request:
            return  # the user asked again since; a newer one is coming
        self.summary_busy = False
        if message.summary is not None:
            self.summaries[message.index] = (message.summary, message.scope)
        if message.index == self.index:
            self._show_summary()

    def _current_section(self) -> int | None:
        analysis = self.analyses.get(self.index)
        if analysis is None or not analysis.sections:
            return None
        offset = self.current[0] if self._current_visible() else self.reading.reading_offset
        section = self._current_section_at(analysis, offset)
        with_text = {s.section for s in analysis.sentences}
        # A heading-only section has nothing to summarize: take the next one that has.
        later = [i for i in sorted(with_text) if i >= section]
        return later[0] if later else max(with_text, default=section)

    def _current_visible(self) -> bool:
        if self.current is None:
            return False
        return self.reading.top_offset <= self.current[0] <= self.reading.bottom_offset

    def _jump(self, span: tuple[int, int], *, only_if_hidden: bool = False) -> None:
        self.current = span
        self.reading.mark_current(span)
        self.reading.go_to(span[0], only_if_hidden=only_if_hidden)
        self._update_status()

    def _step(self, spans: Spans, forward: bool, what: str) -> int | None:
        """Jump to the next (or previous) span after where the reader is; its index."""
        if not len(spans):
            self.notify(f"no {what}", severity="warning", markup=False)
            return None
        base = self.current[0] if self._current_visible() else self.reading.top_offset - (1 if forward else 0)
        index = spans.after(base) if forward else spans.before(base)
        if index is None:
            self.notify(f"no more {what} {'below' if forward else 'above'}", timeout=2, markup=False)
            return None
        start, end, _ = spans.items[index]
        self._jump((start, end))
        return index

    # Actions: paging

    def action_page_down(self) -> None:
        self.reading.scroll_page_down(animate=False)

    def action_page_up(self) -> None:
        self.reading.scroll_page_up(animate=False)

    def action_line_down(self) -> None:
        self.reading.scroll_down(animate=False)

    def action_line_up(self) -> None:
        self.reading.scroll_up(animate=False)

    def action_top(self) -> None:
        self.reading.scroll_home(animate=False)

    def action_bottom(self) -> None:
        self.reading.scroll_end(animate=False)

    # Actions: summaries

    def action_next_summary(self) -> None:
        self._step_summary(True)

    def action_previous_summary(self) -> None:
        self._step_summary(False)

    def _step_summary(self, forward: bool) -> None:
        spans = self._summary_spans()
        index = self._step(spans, forward, "summary sentences")
        if index is not None:
            self.query_one(SummaryPane).highlight(str(spans.items[index][2]))

    def action_longer(self) -> None:
        self._change_length(+1)

    def action_shorter(self) -> None:
        self._change_length(-1)

    def _change_length(self, sign: int) -> None:
        summary = self._summary()
        now = self.sentences or (len(summary.selected) if summary else jobs.DEFAULT_SENTENCES)
        step = max(1, now // 4)
        self.sentences = max(1, now + sign * step)
        self._resummarize()

    def action_cycle_algorithm(self) -> None:
        names = jobs.algorithms() if self.analyses else []
        if not names:
            self.notify("summary algorithms are not available yet", severity="warning", markup=False)
            return
        summary = self._summary()
        now = self.algorithm or (summary.algorithm if summary else names[0])
        self.algorithm = names[(names.index(now) + 1) % len(names)] if now in names else names[0]
        self.notify(f"summary algorithm: {self.algorithm}", timeout=2, markup=False)
        self._resummarize()

    def action_toggle_scope(self) -> None:
        self.section_scope = not self.section_scope
        self._resummarize()

    # Actions: documents

    def action_next_document(self) -> None:
        self._switch_document(+1)

    def action_previous_document(self) -> None:
        self._switch_document(-1)

    def _switch_document(self, step: int) -> None:
        index = self.index + step
        if not 0 <= index < len(self.documents):
            self.notify(f"no {'next' if step > 0 else 'previous'} document", timeout=2, markup=False)
            return
        self.open_document(index)
        self.query_one(TabbedContent).active = "tab-summary"

    @on(ListPane.Chosen, "#documents")
    def _document_chosen(self, message: ListPane.Chosen) -> None:
        if message.value != self.index:
            self.open_document(message.value)

    # Choosing in the panes

    @on(ListPane.Chosen, "#outline")
    def _section_chosen(self, message: ListPane.Chosen) -> None:
        section = self.analyses[self.index].sections[message.value]
        start = section.heading_start if section.heading_start is not None else section.start
        self.current = (start, start)  # "where the reader is" for s and ]
        self.reading.mark_current(None)
        self.reading.go_to(start)
        if self.section_scope:
            self._resummarize()

    @on(ListPane.Chosen, "#summary")
    def _sentence_chosen(self, message: ListPane.Chosen) -> None:
        sentence = self.analyses[self.index].sentences[message.value]
        self._jump((sentence.start, sentence.end))

    @on(ListPane.Chosen, "#quotes")
    def _quote_chosen(self, message: ListPane.Chosen) -> None:
        self._jump((message.value.start, message.value.end))

    @on(ListPane.Chosen, "#participants")
    def _participant_chosen(self, message: ListPane.Chosen) -> None:
        self._choose_participant(message.value)

    def on_reading_view_mention_clicked(self, message: ReadingView.MentionClicked) -> None:
        analysis = self.analyses.get(self.index)
        found = [p for p in (analysis.participants or []) if p.id == message.participant] if analysis else []
        if found:
            self.query_one(ParticipantsPane).highlight(found[0].id)
            self._choose_participant(found[0], at=message.span)

    def _choose_participant(self, participant, at: tuple[int, int] | None = None) -> None:
        """Highlight its mentions and go to the first (or stay ``at`` the one clicked);
        chosen again from the list, go to the next."""
        if self.participant is participant and at is None:
            self.action_next_mention()
            return
        self.participant = participant
        spans = [(m.start, m.end) for m in participant.mentions]
        self.reading.mark_selected(spans)
        self.current = None
        if at is not None:
            self._jump(at, only_if_hidden=True)
        elif spans:
            self._jump(min(spans))
        self._update_status()

    def _mention_spans(self) -> Spans:
        if self.participant is None:
            return Spans()
        return Spans((m.start, m.end, None) for m in self.participant.mentions)

    def action_next_mention(self) -> None:
        self._step_mention(True)

    def action_previous_mention(self) -> None:
        self._step_mention(False)

    def _step_mention(self, forward: bool) -> None:
        if self.participant is None:
            self.notify("choose a participant first (Participants pane)", timeout=3, markup=False)
            return
        self._step(self._mention_spans(), forward, f"mentions of {self.participant.name}")

    def on_reading_view_moved(self, message: ReadingView.Moved) -> None:
        analysis = self.analyses.get(self.index)
        if analysis is not None and analysis.sections:
            section = self._current_section_at(analysis, self.reading.reading_offset)
            self.query_one(OutlinePane).highlight(str(section))
            if self.section_scope:
                # The section summary follows the reader, once the scrolling stops.
                if self._follow is not None:
                    self._follow.stop()
                self._follow = self.set_timer(0.4, self._follow_section)
        self._update_status()

    def _follow_section(self) -> None:
        self._follow = None
        section = self._current_section()
        if self.section_scope and section != self.summaries.get(self.index, (None, None))[1]:
            self._resummarize()

    @staticmethod
    def _current_section_at(analysis: Analysis, offset: int) -> int:
        starts = [s.start for s in analysis.sections]
        return max(0, bisect_right(starts, offset) - 1)

    # Search

    def action_search(self) -> None:
        field = self.query_one("#search", Input)
        field.display = True
        field.value = self.search_query
        field.focus()

    @on(Input.Submitted, "#search")
    def _search_submitted(self, event: Input.Submitted) -> None:
        self._close_search()
        self._search(event.value, jump=True)

    def on_key(self, event) -> None:
        field = self.query_one("#search", Input)
        if event.key == "escape" and field.display:
            event.stop()
            self._close_search()

    def _close_search(self) -> None:
        self.query_one("#search", Input).display = False
        self.reading.focus()

    def _search(self, query: str, *, jump: bool) -> None:
        self.search_query = query
        if not query:
            self.matches = Spans()
        else:
            found = re.finditer(re.escape(query), self.reading.text, re.IGNORECASE)
            self.matches = Spans((m.start(), m.end(), None) for _, m in zip(range(MAX_MATCHES), found))
        self.reading.mark_matches([(a, b) for a, b, _ in self.matches.items])
        self._update_status()
        if jump and query:
            if not len(self.matches):
                self.notify(f"not found: {query}", severity="warning", timeout=3, markup=False)
                return
            index = self.matches.after(self.reading.top_offset - 1)
            start, end, _ = self.matches.items[index if index is not None else 0]
            self._jump((start, end), only_if_hidden=True)

    def action_next_match(self) -> None:
        self._step(self.matches, True, "matches" if self.search_query else "search (press /)")

    def action_previous_match(self) -> None:
        self._step(self.matches, False, "matches" if self.search_query else "search (press /)")

    def action_clear(self) -> None:
        self.participant = None
        self.reading.mark_selected([])
        self.current = None
        self.reading.mark_current(None)
        self._search("", jump=False)

    # Layout, theme, help, quit

    def action_toggle_side(self) -> None:
        self._toggled = True
        self.show_side = not self.show_side

    def action_toggle_outline(self) -> None:
        self._toggled = True
        self.show_left = not self.show_left

    def action_toggle_theme(self) -> None:
        self.app.theme = "textual-light" if self.app.current_theme.dark else "textual-dark"

    def action_help(self) -> None:
        from reader.tui.screens.help import HelpScreen

        self.app.push_screen(HelpScreen())

    def action_quit(self) -> None:
        self.app.exit()

    # Status

    def _position(self, spans: Spans) -> str:
        """ " at k/n" when the reader is on the k-th of these spans."""
        if self.current is None:
            return ""
        index = bisect_left(spans.starts, self.current[0])
        if index < len(spans) and spans.items[index][:2] == self.current:
            return f" at {index + 1}/{len(spans)}"
        return ""

    def _update_status(self) -> None:
        view = self.reading
        analysis = self.analyses.get(self.index)
        document = self.documents[self.index]
        title = analysis.title if analysis else document.source
        lines = max(1, view.line_count)
        where = f"{min(100, round(100 * (view.scroll_y + view.size.height) / lines))}%"
        # What changes comes first; the title last, where a narrow screen cuts it.
        parts = {"where": where}
        summary = self._summary()
        if summary is not None:
            scope = "section" if self.summaries[self.index][1] is not None else "document"
            parts["summary"] = f"{summary.algorithm} {len(summary.selected)} sent. ({scope})"
            parts["summary"] += self._position(self._summary_spans())
        if self.participant is not None:
            parts["participant"] = one_line(self.participant.name, 30) + self._position(self._mention_spans())
        if self.search_query:
            found = f"/{one_line(self.search_query, 20)}: {len(self.matches)} found"
            parts["search"] = found + self._position(self.matches)
        number = f"[{self.index + 1}/{len(self.documents)}] " if len(self.documents) > 1 else ""
        parts["doc"] = number + one_line(title, 60)
        status = self.query_one(StatusLine)
        status.set(**parts)
        busy = ""
        if self.index in self.stage:
            stage = self.stage[self.index]
            number = jobs.STAGES.index(stage) + 1 if stage in jobs.STAGES else 1
            busy = f"analysing: {stage} ({number}/{len(jobs.STAGES)})"
        elif self.summary_busy:
            busy = "summarizing"
        status.set_busy(busy)
