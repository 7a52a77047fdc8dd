"""The TUI's background jobs, without Textual: analysis and summaries.

The work itself runs in child processes (``reader.tui.process``), so a stall in it never
starves the interface; a daemon thread waits on each job and posts its result, and
quitting kills the children instead of waiting for them. An analyzer that cannot be sent
to a child (a closure, in tests) runs in the waiting thread itself.

Summaries go through ``SummaryJobs``: one runs at a time (they share one child), only the
latest request of each kind waits, and a request that makes the running job stale stops it
in the child, so a held ``+`` or a switch of document never waits for work nobody wants.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from reader.model import Analysis, Document, Summary
from reader.tui import process

STAGES = ("structure", "participants", "summary")

_live_lock = threading.Lock()
live: dict[str, int] = {}  # name -> jobs running now
peak: dict[str, int] = {}  # name -> most jobs that ran at once


def in_background(target: Callable[..., Any], *args: Any, name: str = "job") -> threading.Thread:
    """Run ``target(*args)`` in a daemon thread, counted under ``name``."""

    def counted() -> None:
        _count(name, +1)
        try:
            target(*args)
        finally:
            _count(name, -1)

    thread = threading.Thread(target=counted, daemon=True, name=f"reader-{name}")
    thread.start()
    return thread


def _count(name: str, step: int) -> None:
    with _live_lock:
        live[name] = live.get(name, 0) + step
        peak[name] = max(peak.get(name, 0), live[name])


@dataclass(frozen=True, eq=False)
class SummaryJob:
    """One summary request: ``kind`` "summary" (of the document, or of ``section``) or "sections"
    (one summary per section, for the summary view), of document ``index``."""

    kind: str
    index: int
    section: int | None = None
    number: int = field(default=0)  # the request's place in order, for messages and tests


class SummaryJobs:
    """Summary requests for one child process, run one at a time.

    Per kind only the latest request waits (an older waiting one is dropped), and a request
    that makes the running job stale (the same kind, or another document) stops it:
    ``stop()`` must make the running job end soon, and ``finished(job)`` be called when it
    ends (done, failed or stopped). Called from the interface thread only.
    """

    ORDER = ("summary", "sections")  # the summary pane first: it is quick and always shown

    def __init__(self, start: Callable[[SummaryJob], None], stop: Callable[[], object]) -> None:
        self._start, self._stop = start, stop
        self.running: SummaryJob | None = None
        self.waiting: dict[str, SummaryJob] = {}
        self.latest: dict[str, SummaryJob] = {}
        self.count = 0

    def request(self, kind: str, index: int, section: int | None = None) -> SummaryJob:
        self.count += 1
        job = SummaryJob(kind, index, section, self.count)
        self.latest[kind] = job
        self.waiting = {k: j for k, j in self.waiting.items() if j.index == index}
        self.waiting[kind] = job
        running = self.running
        if running is None:
            self._next()
        elif running.kind == kind or running.index != index:
            self._stop()
        return job

    def finished(self, job: SummaryJob) -> bool:
        """``job`` ended; the next waiting one starts. True if its result is stale (drop it)."""
        if job is self.running:
            self.running = None
            self._next()
        return self.stale(job)

    def stale(self, job: SummaryJob) -> bool:
        return job is not self.latest.get(job.kind)

    def _next(self) -> None:
        for kind in self.ORDER:
            job = self.waiting.pop(kind, None)
            if job is not None:
                self.running = job
                self._start(job)
                return

    @property
    def busy(self) -> bool:
        return self.running is not None


def analyze_document(document: Document, progress: Callable[[object], None] | None = None) -> Analysis:
    """The whole analysis; ``progress`` gets each stage's name as it starts and, first, the
    structure-only analysis (sections, front matter), so the view can open at the body at once."""
    from reader.analysis import analyze

    report = progress or _ignore
    return analyze(document, progress=report, structured=report)


def run_apart(analyzer: Callable[..., Analysis]) -> Callable[..., Analysis]:
    """``analyzer`` run in the analysis child process, if it can be sent there."""
    if not process.picklable(analyzer):
        return analyzer

    def apart(document: Document, progress: Callable[[object], None] | None = None) -> Analysis:
        report = progress or _ignore

        def relay(stage: object) -> None:
            report(_same_document(stage, document) if isinstance(stage, Analysis) else stage)

        return _same_document(process.workers.analysis.call(analyzer, document, progress=relay), document)

    return apart


def _same_document(analysis: Analysis, document: Document) -> Analysis:
    """The document sent back from the child is a copy: the screen tells reloads apart by identity."""
    if analysis.document == document:
        analysis.document = document
    return analysis


def _ignore(stage: object) -> None:
    pass


def algorithms() -> list[str]:
    from reader.summarize import ALGORITHMS

    return list(ALGORITHMS)


def stop_summary() -> bool:
    """Stop the summary the child computes now (the child stays, with the analysis it holds)."""
    return process.workers.summaries.interrupt()


def summarize_scope(
    analysis: Analysis, algorithm: str | None, sentences: int | None, section: int | None = None
) -> Summary:
    """A summary of the whole document, or of one section (sentence indexes stay the document's).

    ``sentences`` None takes the core's default length. Computed in the summaries child."""
    result: Summary = process.workers.summaries.call_on(analysis, _summarize_here, algorithm, sentences, section)
    return result


def section_summaries(analysis: Analysis, algorithm: str | None, sentences: int | None) -> list[tuple[int, Summary]]:
    """A summary for each section that has body sentences, as ``reader summarize --sections``."""
    found: list[tuple[int, Summary]] = process.workers.summaries.call_on(analysis, _sections_here, algorithm, sentences)
    return found


def _summarize_here(analysis: Analysis, algorithm: str | None, sentences: int | None, section: int | None) -> Summary:
    from reader.summarize import summarize

    return summarize(analysis, algorithm=algorithm, sentences=sentences, section=section)


def _sections_here(analysis: Analysis, algorithm: str | None, sentences: int | None) -> list[tuple[int, Summary]]:
    counts = [0] * len(analysis.sections)
    for s in analysis.sentences:
        counts[s.section] += 1
    found = []
    for index, section in enumerate(analysis.sections):
        if section.kind in ("heading", "topic") and counts[index]:
            found.append((index, _summarize_here(analysis, algorithm, sentences, index)))
    return found
