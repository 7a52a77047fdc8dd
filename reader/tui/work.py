"""The TUI's background jobs, without Textual: analysis and summaries.

They run in daemon threads, so the screen is drawn before sumy or nltk are imported,
and quitting does not wait for a book's analysis to finish (a Textual thread worker
runs in asyncio's default executor, which the app joins on exit).
"""

from __future__ import annotations

import threading
from collections.abc import Callable

from reader.model import Analysis, Summary

STAGES = ("structure", "participants", "summary")
DEFAULT_SENTENCES = 5


def in_background(target: Callable, *args) -> threading.Thread:
    thread = threading.Thread(target=target, args=args, daemon=True, name=f"reader-{target.__name__}")
    thread.start()
    return thread


def analyze_document(document, progress: Callable[[str], None] | None = None) -> Analysis:
    from reader.analysis import analyze

    return analyze(document, progress=progress)


def algorithms() -> list[str]:
    from reader.summarize import ALGORITHMS

    return list(ALGORITHMS)


def summarize_scope(analysis: Analysis, algorithm: str | None, sentences: int, section: int | None = None) -> Summary:
    """A summary of the whole document, or of one section (sentence indexes stay the document's)."""
    from reader.summarize import summarize

    return summarize(analysis, algorithm=algorithm, sentences=sentences, section=section)
