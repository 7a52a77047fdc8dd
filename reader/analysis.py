"""One flow: Document -> Analysis. Computed once; every view reads the result."""

from __future__ import annotations

from collections.abc import Callable

from reader.model import Analysis, Document


def analyze(
    document: Document,
    *,
    summary: bool = True,
    participants: bool = True,
    algorithm: str | None = None,
    length: dict | None = None,
    progress: Callable[[str], None] | None = None,
) -> Analysis:
    """Segment ``document`` and, when asked, add participants, quotes and a summary.

    ``length`` is passed to the summarizer as keyword arguments
    (``{"sentences": 5}``, ``{"ratio": 0.2}`` or ``{"words": 100}``).
    ``progress(stage)`` is called as each stage starts (structure, participants, summary).
    """
    from reader.text.structure import segment

    step = progress or (lambda stage: None)
    step("structure")
    analysis = segment(document)
    if participants:
        step("participants")
        _add_participants(analysis)
    if summary:
        step("summary")
        _add_summary(analysis, algorithm, length or {})
    return analysis


def _add_participants(analysis: Analysis) -> None:
    from reader.text import participants, quotes

    analysis.participants = participants.find(analysis)
    analysis.quotes = quotes.find(analysis)


def _add_summary(analysis: Analysis, algorithm: str | None, length: dict) -> None:
    from reader.summarize import summarize

    analysis.summary = summarize(analysis, algorithm=algorithm, **length)
