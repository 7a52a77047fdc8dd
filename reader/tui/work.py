"""The TUI's background jobs, without Textual: analysis and summaries.

They run in daemon threads, so the screen is drawn before sumy or nltk are imported,
and quitting does not wait for a book's analysis to finish (a Textual thread worker
runs in asyncio's default executor, which the app joins on exit).

Summaries go through a ``LatestOnly`` queue: one runs at a time, and requests made
while it runs replace each other, so a held ``+`` costs two summaries, not fifty.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any

from reader.model import Analysis, Document, Summary

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


def algorithms() -> list[str]:
    from reader.summarize import ALGORITHMS

    return list(ALGORITHMS)


def summarize_scope(
    analysis: Analysis, algorithm: str | None, sentences: int | None, section: int | None = None
) -> Summary:
    """A summary of the whole document, or of one section (sentence indexes stay the document's).

    ``sentences`` None takes the core's default length."""
    from reader.summarize import summarize

    return summarize(analysis, algorithm=algorithm, sentences=sentences, section=section)


def section_summaries(analysis: Analysis, algorithm: str | None, sentences: int | None) -> list[tuple[int, Summary]]:
    """A summary for each section that has body sentences, as ``reader summarize --sections``."""
    counts = [0] * len(analysis.sections)
    for s in analysis.sentences:
        counts[s.section] += 1
    found = []
    for index, section in enumerate(analysis.sections):
        if section.kind in ("heading", "topic") and counts[index]:
            found.append((index, summarize_scope(analysis, algorithm, sentences, index)))
    return found
