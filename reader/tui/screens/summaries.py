"""The main screen's summaries: the jobs that compute them, the Summary pane, the keys that
change them (+ - a s ] [) and the summary view (``v``: section by section, enter opens the text)."""

from __future__ import annotations

from textual.widgets import TabbedContent

from reader.model import Analysis, Summary
from reader.tui import large, process
from reader.tui import messages as msg
from reader.tui import work as jobs
from reader.tui.screens.base import ReaderScreen
from reader.tui.session import Session
from reader.tui.widgets.panes import ListPane, SummaryPane, one_line, section_senders
from reader.tui.widgets.summary_view import SummaryView


class SummaryScreen(ReaderScreen):
    def __init__(self, session: Session) -> None:
        super().__init__(session)
        # The document's summary and the summary view's section summaries share one child:
        # one job at a time, and a newer request stops the job it makes stale.
        self.summaries = jobs.SummaryJobs(self._start_summary, jobs.stop_summary)

    def _summarizing(self) -> bool:
        return self.summaries.busy

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
        """Compute the summary the settings ask for (a newer request stops an older one)."""
        if self.analysis is None:
            self.notify("the summary comes when the analysis is done", markup=False)
            return
        section = self.current_section() if self.session.settings.section_scope else None
        self.summaries.request("summary", self.session.index, section)
        if self.summary_view.display:
            self._request_section_summaries()
        self._show_summary()

    def _sections_asked(self) -> bool:
        """This document's section summaries are being computed, or wait their turn."""
        job = self.summaries.latest.get("sections")
        pending = job is self.summaries.running or job in self.summaries.waiting.values()
        return job is not None and pending and job.index == self.session.index

    def _request_section_summaries(self) -> None:
        self.state.section_summaries = None
        self.summaries.request("sections", self.session.index)

    def _start_summary(self, job: jobs.SummaryJob) -> None:
        settings = self.session.settings
        analysis = self.session.documents[job.index].analysis
        jobs.in_background(self._summarize, job, analysis, settings.algorithm, settings.sentences, name=job.kind)

    def _summarize(
        self, job: jobs.SummaryJob, analysis: Analysis, algorithm: str | None, sentences: int | None
    ) -> None:
        """Runs in a background thread."""
        try:
            if job.kind == "sections":
                found = jobs.section_summaries(analysis, algorithm, sentences)
                self.post_message(msg.SectionSummariesDone(job, found))
            else:
                summary = jobs.summarize_scope(analysis, algorithm, sentences, job.section)
                self.post_message(msg.SummaryDone(job, summary))
        except process.Cancelled:
            self.post_message(msg.SummaryStopped(job))
        except Exception as exc:
            self.post_message(msg.SummaryFailed(job, f"summary: {type(exc).__name__}: {exc}"))

    def on_summary_done(self, message: msg.SummaryDone) -> None:
        job = message.job
        if self.summaries.finished(job):
            return  # the user asked again since; the newer request runs
        state = self.session.documents[job.index]
        state.summary, state.scope = message.summary, job.section
        if job.index == self.session.index:
            self._show_summary()

    def on_section_summaries_done(self, message: msg.SectionSummariesDone) -> None:
        job = message.job
        if self.summaries.finished(job):
            return
        self.session.documents[job.index].section_summaries = message.summaries
        if job.index == self.session.index and self.summary_view.display:
            self._fill_summary_view()
        self._update_status()

    def on_summary_stopped(self, message: msg.SummaryStopped) -> None:
        self.summaries.finished(message.job)
        self._show_summary()

    def on_summary_failed(self, message: msg.SummaryFailed) -> None:
        if not self.summaries.finished(message.job):
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
        self._resummarize_shown()

    def action_cycle_algorithm(self) -> None:
        names = jobs.algorithms() if self.analysis is not None else []
        if not names:
            self.notify("summary algorithms are not available yet", severity="warning", markup=False)
            return
        shown = self.state.summary.algorithm if self.state.summary else None
        name = self.session.settings.next_algorithm(names, shown)
        self.notify(f"summary algorithm: {name}", timeout=2, markup=False)
        self._resummarize_shown()

    def action_toggle_scope(self) -> None:
        settings = self.session.settings
        settings.section_scope = not settings.section_scope
        self._resummarize_shown()

    def _resummarize_shown(self) -> None:
        """A key that changes the summary brings the Summary tab to the front (a participant
        chosen in the palette had shown the Participants tab)."""
        self.query_one(TabbedContent).active = "tab-summary"
        self.resummarize()

    # The summary view: section by section, paged like the text

    def action_toggle_summary_view(self) -> None:
        if self.summary_view.display:
            self.show_text_view()
            return
        self.summary_view.assume_width(self.reading.size.width)  # laid out now: no blank frame before it
        self.summary_view.display = True
        self.reading.display = False
        self.summary_view.focus()
        self._fill_summary_view()

    def _fill_summary_view(self) -> None:
        """Show the section summaries, or say they are coming (and ask for them if nobody has)."""
        analysis, state = self.analysis, self.state
        if analysis is None:
            self.summary_view.show_note("The summary comes when the analysis is done.")
        elif state.section_summaries is None:
            if not self._sections_asked():
                self._request_section_summaries()
            self.summary_view.show_note("Summarizing each section…")
        else:
            parts = summary_parts(analysis, [(i, s) for i, s in state.section_summaries if s.selected])
            if not parts and state.summary is not None:
                parts = [(analysis.title, state.summary, 1)]
            self.summary_view.show_summaries(analysis, parts)
        self._update_status()

    def on_summary_view_opened(self, message: SummaryView.Opened) -> None:
        self.go_to_sentence(message.sentence)


def summary_parts(analysis: Analysis, summaries: list[tuple[int, Summary]]) -> list[tuple[str, Summary | None, int]]:
    """Each summarized section under the headings above it, each heading once: War and Peace's fifteen
    "CHAPTER I" are told apart by the "BOOK …" line over them."""
    sections = analysis.sections
    senders = section_senders(analysis)  # a mail thread's replies, told apart by who wrote them
    parts: list[tuple[str, Summary | None, int]] = []
    shown: set[int] = set()
    for index, summary in summaries:
        above = []
        level = sections[index].level
        for j in range(index - 1, -1, -1):
            if level <= 1:
                break
            if sections[j].kind == "heading" and sections[j].level < level:
                above.append(j)
                level = sections[j].level
        for j in reversed(above):
            if j not in shown:
                shown.add(j)
                parts.append((sections[j].title, None, sections[j].level))
        topic = sections[index].kind == "topic"  # found by the reader, marked as in the outline
        title = sections[index].title + (f" — {senders[index]}" if index in senders else "")
        parts.append((("≈ " if topic else "") + title, summary, sections[index].level))
    return parts
