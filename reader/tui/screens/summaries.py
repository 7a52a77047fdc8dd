"""The main screen's summaries: the jobs that compute them, the Summary pane, the keys that
change them (+ - a s ] [) and the summary view (``v``: section by section, enter opens the text)."""

from __future__ import annotations

from typing import Any

from reader.model import Analysis
from reader.tui import large
from reader.tui import messages as msg
from reader.tui import work as jobs
from reader.tui.screens.base import ReaderScreen
from reader.tui.session import Session
from reader.tui.widgets.panes import ListPane, SummaryPane, one_line
from reader.tui.widgets.summary_view import SummaryView


class SummaryScreen(ReaderScreen):
    def __init__(self, session: Session) -> None:
        super().__init__(session)
        self.summary_request = 0  # the latest; older results are dropped
        # One queue for the document's summary, one for the summary view's section summaries.
        self.summaries = jobs.LatestOnly(self._start_summary)
        self.section_jobs = jobs.LatestOnly(self._start_summary)

    def _summarizing(self) -> bool:
        return self.summaries.busy or self.section_jobs.busy

    def _show_summary(self) -> None:
        analysis, state = self.analysis, self.state
        scope = "whole document"
        if analysis is not None and state.scope is not None:
            scope = "section: " + one_line(analysis.sections[state.scope].title, 40)
        self.query_one(SummaryPane).show(analysis, state.summary, scope, self.summaries.busy)
        self.reading.mark_summary([(a, b) for a, b, _ in self._summary_spans().items])
        large.note_panes([p for p in self.query(ListPane) if p.id != "documents"], state.document)
        self._update_status()

    # The jobs

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

    # Keys: sentences, length, algorithm, scope

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
