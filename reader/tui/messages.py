"""Every message the reader's background jobs post to the screen, in one place.

Posted from worker threads (``post_message`` is thread safe); each says what
finished and for which document, success and failure as separate types.
"""

from __future__ import annotations

from dataclasses import dataclass

from textual.message import Message

from reader.model import Analysis, Summary
from reader.tui.work import SummaryJob


@dataclass
class AnalysisProgressed(Message):
    index: int
    stage: str


@dataclass
class StructureFound(Message):
    """The first stage is done: sections and front matter, before participants and the summary."""

    index: int
    analysis: Analysis


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
    job: SummaryJob
    summary: Summary


@dataclass
class SectionSummariesDone(Message):
    job: SummaryJob
    summaries: list[tuple[int, Summary]]


@dataclass
class SummaryFailed(Message):
    job: SummaryJob
    error: str


@dataclass
class SummaryStopped(Message):
    """A newer request made the job stale, and it was stopped before it ended."""

    job: SummaryJob
