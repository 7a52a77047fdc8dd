"""The TUI's background jobs, without Textual: analysis and summaries.

The work itself runs in child processes (``reader.tui.process``), so a stall in it never
starves the interface; a daemon thread waits on each job and posts its result, and
quitting kills the children instead of waiting for them. An analyzer that cannot be sent
to a child (a closure, in tests) runs in the waiting thread itself.

Summaries go through a ``LatestOnly`` queue: one runs at a time, and requests made
while it runs replace each other, so a held ``+`` costs two summaries, not fifty.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
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


class LatestOnly:
    """Run one job at a time; while one runs, keep only the latest request.

    ``request`` and ``finished`` are called from the interface thread; ``start(job)``
    must start the job in the background and make ``finished`` be called when it ends.
    """

    def __init__(self, start: Callable[[Any], None]) -> None:
        self._start = start
        self.running = False
        self.pending: Any = None

    def request(self, job: Any) -> None:
        if self.running:
            self.pending = job  # replaces any older waiting request: it is stale now
            return
        self.running = True
        self._start(job)

    def finished(self) -> bool:
        """The running job ended; start the waiting one. True if the result is stale."""
        job, self.pending = self.pending, None
        if job is None:
            self.running = False
            return False
        self._start(job)
        return True

    @property
    def busy(self) -> bool:
        return self.running


def analyze_document(document: Document, progress: Callable[[str], None] | None = None) -> Analysis:
    from reader.analysis import analyze

    return analyze(document, progress=progress)


def run_apart(analyzer: Callable[..., Analysis]) -> Callable[..., Analysis]:
    """``analyzer`` run in the analysis child process, if it can be sent there."""
    if not process.picklable(analyzer):
        return analyzer

    def apart(document: Document, progress: Callable[[str], None] | None = None) -> Analysis:
        result: Analysis = process.workers.analysis.call(analyzer, document, progress=progress or _ignore)
        if result.document == document:
            result.document = document  # the same object again: the screen tells reloads apart by identity
        return result

    return apart


def _ignore(stage: str) -> None:
    pass


def algorithms() -> list[str]:
    from reader.summarize import ALGORITHMS

    return list(ALGORITHMS)


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
