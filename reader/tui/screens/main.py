"""The main screen: outline on the left, the text in the centre, panes on the right.

The text is shown as soon as a document is chosen; its analysis runs in a
background thread and the decorations and panes fill in when it arrives. What is
known about each document lives in ``reader.tui.session``; the jobs and their
messages in ``reader.tui.work`` and ``reader.tui.messages``.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from typing import Any

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.reactive import reactive
from textual.screen import Screen
from textual.timer import Timer
from textual.widgets import Footer, TabbedContent, TabPane

from reader.model import Analysis, Participant
from reader.tui import large
from reader.tui import messages as msg
from reader.tui import state as state_file
from reader.tui import work as jobs
from reader.tui.keys import KEYS
from reader.tui.layout import Spans
from reader.tui.navigate import History, Links, is_external
from reader.tui.places import FileWatch, Search, add_bookmark, go_to_target, next_bookmark
from reader.tui.session import DocumentState, Session
from reader.tui.widgets.panes import (
    DocumentList,
    ListPane,
    OutlinePane,
    ParticipantsPane,
    QuotesPane,
    SummaryPane,
    one_line,
)
from reader.tui.widgets.prompt import Prompt
from reader.tui.widgets.reading import ReadingView, SummaryView
from reader.tui.widgets.status import StatusLine

WIDE = 110  # columns from which the side panes and the outline are shown by default
READABLE = 40  # the reading column never gets narrower than this: panes give way


class MainScreen(Screen):
    BINDINGS = [
        Binding(
            k.keys,
            k.action,
            k.footer or k.description,
            show=bool(k.footer),
            key_display=k.display.split(" / ")[0],
            priority=k.priority,
        )
        for k in KEYS
    ]

    show_side = reactive(True)
    show_left = reactive(True)

    def __init__(self, session: Session) -> None:
        super().__init__()
        self.session = session
        self.participant: Participant | None = None
        self.search = Search()  # the query typed after / and its matches
        self.current: tuple[int, int] | None = None  # the span last jumped to
        self.summary_request = 0  # the latest; older results are dropped
        # One queue for the document's summary, one for the summary view's section summaries.
        self.summaries = jobs.LatestOnly(self._start_summary)
        self.section_jobs = jobs.LatestOnly(self._start_summary)
        self._follow_timer: Timer | None = None  # summarize the section the reader scrolled to
        self._toggled = False  # the user chose what to show; stop following the width
        self.file_watch = FileWatch()  # the shown file on disk; F keeps its end in view
        self.links: Links | None = None  # internal link targets of the shown document
        self.history = History()  # places a link or an outline jump left from

    # Building

    def compose(self) -> ComposeResult:
        with Horizontal(id="body"):
            with Vertical(id="left"):
                yield DocumentList(id="documents")
                yield OutlinePane(id="outline")
            yield ReadingView(id="reading")
            yield SummaryView(id="summary-view")
            with TabbedContent(id="side"):
                with TabPane("Summary", id="tab-summary"):
                    yield SummaryPane(id="summary")
                with TabPane("Participants", id="tab-participants"):
                    yield ParticipantsPane(id="participants")
                with TabPane("Quotes", id="tab-quotes"):
                    yield QuotesPane(id="quotes")
        yield Prompt(id="search")
        yield StatusLine(id="status")
        yield Footer(compact=True, show_command_palette=False)

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

    def on_mount(self) -> None:
        many = len(self.session.documents) > 1
        self.query_one(DocumentList).display = many
        if many:
            self.query_one(DocumentList).show([d.document.source for d in self.session.documents])
        self.summary_view.display = False
        self._restore_global()
        self._follow_width(self.size.width)
        self.set_interval(0.1, self.query_one(StatusLine).spin)
        self.set_interval(1.0, self._check_file)
        self.open_document(self.session.index)
        self.reading.focus()
        for note in self.store.notes if self.store else []:
            self.notify(note, severity="warning", timeout=8, markup=False)

    def on_resize(self, event: Any) -> None:
        self._follow_width(event.size.width)

    def _follow_width(self, width: int) -> None:
        self.set_class(width < WIDE, "-narrow")
        if not self._toggled:
            self.show_side = self.show_left = width >= WIDE
        self._give_way(width)

    def _give_way(self, width: int) -> None:
        """Hide the outline, then the side panes, when the text would get narrower than READABLE."""
        left = self.show_left and self._pane_width("#left", width)
        side = self.show_side and self._pane_width("#side", width)
        self.set_class(bool(left and width - left - side < READABLE), "-squeeze-left")
        self.set_class(bool(side and width - side < READABLE), "-squeeze-side")

    def _pane_width(self, selector: str, width: int) -> int:
        narrow = width < WIDE
        share, least = {"#left": (0.4 if narrow else 0.2, 22), "#side": (0.45 if narrow else 0.3, 34)}[selector]
        return max(least, int(width * share)) + 1

    def watch_show_side(self, show: bool) -> None:
        self.set_class(not show, "-hide-side")
        self._give_way(self.size.width)

    def watch_show_left(self, show: bool) -> None:
        self.set_class(not show, "-hide-left")
        self._give_way(self.size.width)

    # Documents and their analysis

    def open_document(self, index: int) -> None:
        if self.reading.text:
            self.remember()
        self.session.index = index
        state = self.state
        self._restore(state)
        self.file_watch.watch(state.document.source)
        self.participant = None
        self.current = None
        document = state.document
        self.links, self.history = Links(document), History()
        self.reading.show_text(document.text, document.blocks, document.links, getattr(document, "emphasis", None))
        if state.position:
            self.call_after_refresh(self.reading.go_to_top, state.position)
        if self.search_query:
            self._search(self.search_query, jump=False)
        if len(self.session.documents) > 1:
            self.query_one(DocumentList).highlight(str(index))
        self._show_analysis(state.analysis)
        if state.analysis is None and not state.analysing and state.failed is None:
            state.stage = "waiting"
            # After the text is on screen: the analysis would hold the GIL during the first paint.
            self.call_after_refresh(self._start_analysis, index)
        self._update_status()

    def _start_analysis(self, index: int) -> None:
        state = self.session.documents[index]
        state.stage = "structure"
        analyzer = getattr(self.app, "analyzer", jobs.analyze_document)
        jobs.in_background(self._analyse, index, state.document, analyzer, name="analysis")

    def _analyse(self, index: int, document: Any, analyzer: Any) -> None:
        """Runs in a background thread; post_message is safe from there."""

        def progress(stage: str) -> None:
            self.post_message(msg.AnalysisProgressed(index, stage))

        try:
            analysis = analyzer(document, progress)
        except Exception as exc:  # a bug in one stage must not take the reader down
            self.post_message(msg.AnalysisFailed(index, f"{type(exc).__name__}: {exc}"))
            return
        self.post_message(msg.AnalysisDone(index, analysis))

    def on_analysis_progressed(self, message: msg.AnalysisProgressed) -> None:
        self.session.documents[message.index].stage = message.stage
        self._update_status()

    def on_analysis_failed(self, message: msg.AnalysisFailed) -> None:
        state = self.session.documents[message.index]
        state.stage, state.failed = None, message.error
        if message.index == self.session.index:
            for pane in self.query(ListPane):  # instead of "analysing…"
                if pane.id != "documents":
                    pane.set_note("analysis failed (the text is all there is)")
        self.notify(f"analysis failed: {message.error}", severity="error", timeout=10, markup=False)
        self._update_status()

    def on_analysis_done(self, message: msg.AnalysisDone) -> None:
        state = self.session.documents[message.index]
        if message.analysis.document is not state.document:  # the file was reloaded since
            state.stage = None
            self._start_analysis(message.index)
            return
        state.stage, state.analysis = None, message.analysis
        if message.index == self.session.index:
            self._show_analysis(message.analysis)
        self._update_status()
        following = self.session.next_to_analyse()
        if following is not None:  # analyse the next document nobody asked for yet, one at a time
            self._start_analysis(following)

    def _show_analysis(self, analysis: Analysis | None) -> None:
        self.query_one(OutlinePane).show(analysis)
        self.query_one(ParticipantsPane).show(analysis)
        self.query_one(QuotesPane).show(analysis)
        self.reading.mark_selected([])
        if analysis is not None:
            self.reading.decorate(analysis)
            if self.state.summary is None:
                self.state.summary = analysis.summary
            if self.state.summary_settings_differ(self.session.settings):
                self.resummarize()
        self._show_summary()
        if self.summary_view.display:
            self._fill_summary_view()

    # Summaries

    def _summary_spans(self) -> Spans:
        analysis, summary = self.analysis, self.state.summary
        if analysis is None or summary is None:
            return Spans()
        return Spans((analysis.sentences[i].start, analysis.sentences[i].end, i) for i in summary.selected)

    def _show_summary(self) -> None:
        analysis, state = self.analysis, self.state
        scope = "whole document"
        if analysis is not None and state.scope is not None:
            scope = "section: " + one_line(analysis.sections[state.scope].title, 40)
        self.query_one(SummaryPane).show(analysis, state.summary, scope, self.summaries.busy)
        self.reading.mark_summary([(a, b) for a, b, _ in self._summary_spans().items])
        large.note_panes([p for p in self.query(ListPane) if p.id != "documents"], state.document)
        self._update_status()

    def resummarize(self) -> None:
        """Compute the summary the settings ask for (coalesced: only the latest request runs)."""
        if self.analysis is None:
            self.notify("the summary comes when the analysis is done", markup=False)
            return
        section = self.current_section() if self.session.settings.section_scope else None
        self.summary_request += 1
        self.summaries.request(("summary", self.summary_request, self.session.index, section))
        if self.summary_view.display:
            self.state.section_summaries = None
            self.summary_request += 1
            self.section_jobs.request(("sections", self.summary_request, self.session.index, None))
        self._show_summary()

    def _start_summary(self, job: tuple[str, int, int, int | None]) -> None:
        kind, request, index, section = job
        settings = self.session.settings
        analysis = self.session.documents[index].analysis
        args = (kind, request, index, analysis, settings.algorithm, settings.sentences, section)
        jobs.in_background(self._summarize, *args, name="summary" if kind == "summary" else "sections")

    def _summarize(self, kind: str, request: int, index: int, analysis: Analysis, *how: Any) -> None:
        """Runs in a background thread."""
        algorithm, sentences, section = how
        try:
            if kind == "sections":
                found = jobs.section_summaries(analysis, algorithm, sentences)
                self.post_message(msg.SectionSummariesDone(request, index, found))
            else:
                summary = jobs.summarize_scope(analysis, algorithm, sentences, section)
                self.post_message(msg.SummaryDone(request, index, summary, section))
        except Exception as exc:
            self.post_message(msg.SummaryFailed(request, index, kind, f"summary: {type(exc).__name__}: {exc}"))

    def on_summary_done(self, message: msg.SummaryDone) -> None:
        if self.summaries.finished():
            return  # the user asked again since; a newer one is running
        state = self.session.documents[message.index]
        state.summary, state.scope = message.summary, message.scope
        if message.index == self.session.index:
            self._show_summary()

    def on_section_summaries_done(self, message: msg.SectionSummariesDone) -> None:
        if self.section_jobs.finished():
            return
        self.session.documents[message.index].section_summaries = message.summaries
        if message.index == self.session.index and self.summary_view.display:
            self._fill_summary_view()
        self._update_status()

    def on_summary_failed(self, message: msg.SummaryFailed) -> None:
        (self.summaries if message.kind == "summary" else self.section_jobs).finished()
        self.notify(message.error, severity="error", timeout=10, markup=False)
        self._show_summary()

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

    # Public moves (keys, panes and the command palette call these)

    def go_to_offset(self, offset: int) -> None:
        self.show_text_view()
        self.current = (offset, offset)  # "where the reader is" for s and ]
        self.reading.mark_current(None)
        self.reading.go_to(offset)
        self._update_status()

    def go_to_section(self, index: int) -> None:
        if self.analysis is None:
            return
        section = self.analysis.sections[index]
        self.history.push(self.reading.top_offset)
        self.go_to_offset(section.heading_start if section.heading_start is not None else section.start)
        if self.session.settings.section_scope:
            self.resummarize()

    def on_reading_view_link_clicked(self, message: ReadingView.LinkClicked) -> None:
        self.follow_link(message.url)

    def action_follow_link(self) -> None:
        url = self.view.first_link() if self.view is self.reading else None
        if url is not None:
            self.follow_link(url)

    def follow_link(self, url: str) -> None:
        """An internal link jumps within the document (backspace comes back); an outside one is named."""
        target = self.links.target(url) if self.links is not None else None
        if target is None:
            self.notify(url if is_external(url) else f"{url}: no such place in this document", timeout=4)
            return
        self.history.push(self.reading.top_offset)
        self.show_text_view()
        self.reading.go_to_top(target)
        self._update_status()

    def action_back(self) -> None:
        offset = self.history.back()
        if offset is not None:
            self.show_text_view()
            self.reading.go_to_top(offset)
            self._update_status()

    def go_to_sentence(self, index: int) -> None:
        if self.analysis is not None:
            sentence = self.analysis.sentences[index]
            self._jump((sentence.start, sentence.end))

    def choose_participant(self, participant: Participant, at: tuple[int, int] | None = None) -> None:
        """Highlight its mentions and go to the first (or stay ``at`` the one clicked);
        chosen again, go to the next."""
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

    # Actions: paging

    def action_page_down(self) -> None:
        self.view.scroll_page_down(animate=False)

    def action_page_up(self) -> None:
        self.view.scroll_page_up(animate=False)

    def action_line_down(self) -> None:
        self.view.scroll_down(animate=False)

    def action_line_up(self) -> None:
        self.view.scroll_up(animate=False)

    def action_top(self) -> None:
        self.view.scroll_home(animate=False)

    def action_bottom(self) -> None:
        self.view.scroll_end(animate=False)

    def action_scroll_left(self) -> None:
        self.view.shift_by(-8)

    def action_scroll_right(self) -> None:
        self.view.shift_by(8)

    # Actions: summaries

    def action_next_summary(self) -> None:
        self._step_summary(True)

    def action_previous_summary(self) -> None:
        self._step_summary(False)

    def _step_summary(self, forward: bool) -> None:
        if self.summary_view.display:
            self.summary_view.step(forward)
            return
        spans = self._summary_spans()
        index = self._step(spans, forward, "summary sentences")
        if index is not None:
            self.query_one(SummaryPane).highlight(str(spans.items[index][2]))

    def action_longer(self) -> None:
        self._change_length(+1)

    def action_shorter(self) -> None:
        self._change_length(-1)

    def _change_length(self, sign: int) -> None:
        summary, analysis = self.state.summary, self.analysis
        most = len(summary.ranking) if summary and summary.ranking else len(analysis.sentences) if analysis else 1
        self.session.settings.step_length(len(summary.selected) if summary else None, sign, max(1, most))
        self.resummarize()

    def action_cycle_algorithm(self) -> None:
        names = jobs.algorithms() if self.analysis is not None else []
        if not names:
            self.notify("summary algorithms are not available yet", severity="warning", markup=False)
            return
        shown = self.state.summary.algorithm if self.state.summary else None
        name = self.session.settings.next_algorithm(names, shown)
        self.notify(f"summary algorithm: {name}", timeout=2, markup=False)
        self.resummarize()

    def action_toggle_scope(self) -> None:
        settings = self.session.settings
        settings.section_scope = not settings.section_scope
        self.resummarize()

    # The summary view: section by section, paged like the text

    def action_toggle_summary_view(self) -> None:
        if self.summary_view.display:
            self.show_text_view()
            return
        self.summary_view.display = True
        self.reading.display = False
        self.summary_view.focus()
        if self.analysis is not None and self.state.section_summaries is None:
            self.summary_request += 1
            self.section_jobs.request(("sections", self.summary_request, self.session.index, None))
        self._fill_summary_view()

    def show_text_view(self) -> None:
        if self.summary_view.display:
            self.summary_view.display = False
            self.reading.display = True
            self.reading.focus()

    def _fill_summary_view(self) -> None:
        analysis, state = self.analysis, self.state
        if analysis is None:
            self.summary_view.show_note("The summary comes when the analysis is done.")
        elif state.section_summaries is None:
            self.summary_view.show_note("Summarizing each section…")
        else:
            parts = [(analysis.sections[i].title, s) for i, s in state.section_summaries if s.selected]
            if not parts and state.summary is not None:
                parts = [(analysis.title, state.summary)]
            self.summary_view.show_summaries(analysis, parts)
        self._update_status()

    def on_summary_view_opened(self, message: SummaryView.Opened) -> None:
        self.go_to_sentence(message.sentence)

    # Actions: documents

    def action_next_document(self) -> None:
        self._switch_document(+1)

    def action_previous_document(self) -> None:
        self._switch_document(-1)

    def _switch_document(self, step: int) -> None:
        index = self.session.index + step
        if not 0 <= index < len(self.session.documents):
            self.notify(f"no {'next' if step > 0 else 'previous'} document", timeout=2, markup=False)
            return
        self.open_document(index)
        self.query_one(TabbedContent).active = "tab-summary"

    @on(ListPane.Chosen, "#documents")
    def _document_chosen(self, message: ListPane.Chosen) -> None:
        if message.value != self.session.index:
            self.open_document(message.value)

    # Choosing in the panes

    @on(ListPane.Chosen, "#outline")
    def _section_chosen(self, message: ListPane.Chosen) -> None:
        self.go_to_section(message.value)

    @on(ListPane.Chosen, "#summary")
    def _sentence_chosen(self, message: ListPane.Chosen) -> None:
        self.go_to_sentence(message.value)

    @on(ListPane.Chosen, "#quotes")
    def _quote_chosen(self, message: ListPane.Chosen) -> None:
        self._jump((message.value.start, message.value.end))

    @on(ListPane.Chosen, "#participants")
    def _participant_chosen(self, message: ListPane.Chosen) -> None:
        self.choose_participant(message.value)

    def on_reading_view_mention_clicked(self, message: ReadingView.MentionClicked) -> None:
        analysis = self.analysis
        found = [p for p in analysis.participants if p.id == message.participant] if analysis else []
        if found:
            self.query_one(ParticipantsPane).highlight(found[0].id)
            self.choose_participant(found[0], at=message.span)

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
        if message.control is not self.reading:
            self._update_status()
            return
        analysis = self.analysis
        if analysis is not None and analysis.sections:
            section = self._section_at(analysis, self.reading.reading_offset)
            self.query_one(OutlinePane).highlight(str(section))
            if self.session.settings.section_scope:
                # The section summary follows the reader, once the scrolling stops.
                if self._follow_timer is not None:
                    self._follow_timer.stop()
                self._follow_timer = self.set_timer(0.4, self._follow_section)
        self._update_status()

    def _follow_section(self) -> None:
        self._follow_timer = None
        section = self.current_section()
        if self.session.settings.section_scope and section != self.state.scope:
            self.resummarize()

    @staticmethod
    def _section_at(analysis: Analysis, offset: int) -> int:
        starts = [s.start for s in analysis.sections]
        return max(0, bisect_right(starts, offset) - 1)

    # Search and go to

    def action_search(self) -> None:
        self._open_prompt("search", "/", self.search_query)

    def action_go_to(self) -> None:
        self._open_prompt("goto", ":")

    def _open_prompt(self, kind: str, char: str, value: str = "") -> None:
        prompt = self.query_one(Prompt)
        if prompt.has_focus:  # a priority key typed into the prompt is just a character
            prompt.insert_text_at_cursor(char)
        elif not isinstance(self.app.screen, MainScreen):
            return
        else:
            prompt.open(kind, value)

    def on_prompt_answered(self, message: Prompt.Answered) -> None:
        if message.kind == "search":
            self._search(message.value, jump=True)
        else:
            self._go_to_answer(message.value)

    def _go_to_answer(self, answer: str) -> None:
        offset = go_to_target(answer, self.reading.text, self.analysis)
        if offset is None:
            self.notify(f"go to: nothing called {answer!r}", severity="warning", timeout=3, markup=False)
            return
        self.go_to_offset(offset)

    @property
    def search_query(self) -> str:
        return self.search.query

    @property
    def matches(self) -> Spans:
        return self.search.matches

    def _search(self, query: str, *, jump: bool) -> None:
        error = self.search.run(query, self.reading.folded if query else "")
        if error:
            self.notify(error, severity="error", timeout=4, markup=False)
        self.reading.mark_matches([(a, b) for a, b, _ in self.matches.items])
        self._update_status()
        if jump and query:
            found = self.search.first_from(self.reading.top_offset)
            if found is None:
                self.notify(f"not found: {query}", severity="warning", timeout=3, markup=False)
                return
            self._jump(found, only_if_hidden=True)

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

    async def action_quit(self) -> None:
        await self.app.action_quit()

    # Remembered between runs (reader.tui.state)

    @property
    def store(self) -> Any:
        return getattr(self.app, "store", None)

    def _restore_global(self) -> None:
        if self.store is None:
            return
        if self.store.settings.get("theme") in self.app.available_themes:
            self.app.theme = self.store.settings["theme"]
        chosen = state_file.panes(self.store)
        if chosen is not None:
            self._toggled = True
            self.show_left, self.show_side = chosen

    def _restore(self, state: DocumentState) -> None:
        """The place and summary settings remembered for this document, once a run."""
        if self.store is not None:
            state_file.restore(self.store, state, self.session.settings)

    def remember(self) -> None:
        """Note where the reader is in the shown document (and save, when a store is set)."""
        state = self.state
        state.position = self.reading.top_offset
        if self.store is None:
            return
        self.store.remember(state.document, state_file.entry(state, self.session.settings))
        self.store.settings["theme"] = self.app.theme
        if self._toggled:  # chosen by the user, not by the terminal's width
            self.store.settings["panes"] = [self.show_left, self.show_side]
        self.store.save()

    # Bookmarks

    def action_add_bookmark(self) -> None:
        offset = self.reading.reading_offset
        marks = add_bookmark(self.state.bookmarks, offset)
        if marks is None:
            self.notify("already bookmarked", timeout=2, markup=False)
            return
        self.state.bookmarks = marks
        number = self.state.bookmarks.index(offset) + 1
        self.notify(
            f"bookmark {number} of {len(self.state.bookmarks)}: {self.excerpt(offset)}", timeout=3, markup=False
        )

    def action_next_bookmark(self) -> None:
        offset = next_bookmark(self.state.bookmarks, self.reading.reading_offset)
        if offset is None:
            self.notify("no bookmarks (B adds one)", timeout=3, markup=False)
            return
        self.go_to_offset(offset)

    def excerpt(self, offset: int) -> str:
        """A few words of the text from ``offset``, for lists and notes."""
        return one_line(self.reading.text[offset : offset + 80], 50)

    # Follow a file that changes on disk

    def action_follow(self) -> None:
        self.following = not self.following
        self.notify(
            "following the end of the file (F stops)" if self.following else "stopped following",
            timeout=2,
            markup=False,
        )
        if self.following:
            self.show_text_view()
            self.reading.scroll_end(animate=False)

    @property
    def following(self) -> bool:
        return self.file_watch.following

    @following.setter
    def following(self, value: bool) -> None:
        self.file_watch.following = value

    def _check_file(self) -> None:
        if self.file_watch.changed(self.state.document.source):
            self.reload()

    def reload(self) -> None:
        """Read the shown document again, keep the place (or the end, when following)."""
        from reader.load import load

        state = self.state
        try:
            document = load(state.document.source)
        except Exception as exc:  # the file went away or went bad: keep what is shown
            self.notify(f"cannot reload: {one_line(str(exc), 80)}", severity="warning", timeout=4, markup=False)
            return
        if document.text == state.document.text:
            return
        top = self.reading.top_offset
        self.session.documents[self.session.index] = fresh = DocumentState(document, restored=True)
        # An analysis still running for the old text is redone for the new one when it ends.
        fresh.bookmarks, fresh.position, fresh.stage = state.bookmarks, top, state.stage
        self.open_document(self.session.index)
        if self.following:
            self.call_after_refresh(self.reading.scroll_end, animate=False)

    # Status

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

    def _update_status(self) -> None:
        view, state = self.view, self.state
        title = state.analysis.title if state.analysis else state.document.source
        lines = max(1, view.line_count)
        where = f"{min(100, round(100 * (view.scroll_y + view.size.height) / lines))}%"
        if view is self.summary_view:
            where = "summary view " + where
        # What changes comes first; the title last, where a narrow screen cuts it.
        parts = {"where": where, "summary": self._summary_part()}
        if self.participant is not None:
            parts["participant"] = one_line(self.participant.name, 30) + self._position(self._mention_spans())
        if self.search_query:
            at = self._position(self.matches) or f" {len(self.matches)} found"
            parts["search"] = f"/{one_line(self.search_query, 20)}:" + at
        number = f"[{self.session.index + 1}/{len(self.session.documents)}] " if len(self.session.documents) > 1 else ""
        parts["doc"] = number + one_line(title, 60)
        status = self.query_one(StatusLine)
        status.set(**parts)
        busy = ""
        if state.stage is not None:
            step = jobs.STAGES.index(state.stage) + 1 if state.stage in jobs.STAGES else 1
            busy = f"analysing: {state.stage} ({step}/{len(jobs.STAGES)})"
        elif self.summaries.busy or self.section_jobs.busy:
            busy = "summarizing"
        status.set_busy(busy)
