"""Every message the reader's background jobs post to the screen, in one place.

Posted from worker threads (``post_message`` is thread safe); each says what
finished and for which document, success and failure as separate types.
"""

from __future__ import annotations

from dataclasses import dataclass

from textual.message import Message

from reader.model import Analysis, Summary


@dataclass
class AnalysisProgressed(Message):
    index: int
    stage: str


@dataclass
class AnalysisDone(Message):
    index: int
    analysis: Analysis


@dataclass
class AnalysisFailed(Message):
    index: int
    error: str


@dataclass
class SummaryDone(Message):
    request: int
    index: int
    summary: Summary
    scope: int | None  # the section summarized, None for the whole document


@dataclass
class SectionSummariesDone(Message):
    request: int
    index: int
    summaries: list[tuple[int, Summary]]


@dataclass
class SummaryFailed(Message):
    request: int
    index: int
    kind: str  # "summary" or "sections"
    error: str
