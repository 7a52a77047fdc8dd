"""The TUI's background jobs, without Textual: analysis and summaries.

They run in daemon threads, so the screen is drawn before sumy or nltk are imported,
and quitting does not wait for a book's analysis to finish (a Textual thread worker
runs in asyncio's default executor, which the app joins on exit).
"""

from __future__ import annotations

import importlib
import threading
from collections.abc import Callable

from reader.model import Analysis, Ranked, Sentence, Summary

STAGES = ("structure", "participants", "summary")
DEFAULT_SENTENCES = 5


def in_background(target: Callable, *args) -> threading.Thread:
    thread = threading.Thread(target=target, args=args, daemon=True, name=f"reader-{target.__name__}")
    thread.start()
    return thread


def analyze_document(document, progress: Callable[[str], None] | None = None) -> Analysis:
    from reader.analysis import analyze

    return analyze(document, progress=progress)


def summarizer():
    """The ``reader.summarize`` module, or None while it is not built."""
    try:
        module = importlib.import_module("reader.summarize")
    except ImportError:
        return None
    return module if hasattr(module, "summarize") else None


def algorithms() -> list[str]:
    module = summarizer()
    return list(getattr(module, "ALGORITHMS", {}) or []) if module else []


def summarize_scope(
    analysis: Analysis, algorithm: str | None, sentences: int, section: int | None = None
) -> Summary | None:
    """A summary of the whole document, or of one section (sentence indexes stay the document's)."""
    module = summarizer()
    if module is None:
        return None
    if section is None:
        return module.summarize(analysis, algorithm=algorithm, sentences=sentences)
    part, back = section_analysis(analysis, section)
    if not part.sentences:
        return Summary(algorithm or "", [], [])
    found = module.summarize(part, algorithm=algorithm, sentences=sentences)
    return Summary(
        found.algorithm,
        [Ranked(back[r.sentence], r.score) for r in found.ranking],
        [back[i] for i in found.selected],
    )


def section_analysis(analysis: Analysis, section: int) -> tuple[Analysis, list[int]]:
    """The part of ``analysis`` in one section, and its sentence indexes in the whole."""
    back = [i for i, s in enumerate(analysis.sentences) if s.section == section]
    paragraphs = sorted({analysis.sentences[i].paragraph for i in back})
    renumber = {p: n for n, p in enumerate(paragraphs)}
    part = Analysis(
        document=analysis.document,
        title=analysis.sections[section].title,
        sections=[analysis.sections[section]],
        paragraphs=[analysis.paragraphs[p] for p in paragraphs],
        sentences=[
            Sentence(s.start, s.end, 0, renumber[s.paragraph])
            for s in (analysis.sentences[i] for i in back)
        ],
    )
    return part, back
