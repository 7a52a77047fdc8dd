"""What the reader knows about each open document, without Textual.

One ``DocumentState`` per document (its analysis, the stage of an analysis still
running, the summary shown and the section it covers, where the reader is), and
one ``SummarySettings`` for the session. Lengths left as ``None`` mean the core's
own default (``reader.summarize.default_count``), so the TUI and the CLI agree.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from reader.model import Analysis, Document, Summary


@dataclass
class SummarySettings:
    algorithm: str | None = None  # None: the core's default algorithm
    sentences: int | None = None  # None: the core's default length for the document
    section_scope: bool = False

    def step_length(self, shown: int | None, sign: int, most: int) -> None:
        """Longer (sign 1) or shorter (-1) by about a quarter, within 1 and ``most`` sentences."""
        now = min(self.sentences or shown or 1, most)
        self.sentences = max(1, min(most, now + sign * max(1, now // 4)))

    def next_algorithm(self, names: list[str], shown: str | None) -> str:
        now = self.algorithm or shown or names[0]
        self.algorithm = names[(names.index(now) + 1) % len(names)] if now in names else names[0]
        return self.algorithm


@dataclass
class DocumentState:
    document: Document
    analysis: Analysis | None = None
    structure: Analysis | None = None  # sections and front matter only, before the whole analysis
    stage: str | None = None  # the analysis stage while it runs; None when not running
    failed: str | None = None  # why the analysis failed, if it did
    summary: Summary | None = None  # the summary shown
    scope: int | None = None  # the section the summary covers; None: the whole document
    section_summaries: list[tuple[int, Summary]] | None = None  # for the summary view
    position: int = 0  # text offset at the top of the view, kept when switching documents
    bookmarks: list[int] = field(default_factory=list)
    restored: bool = False  # the remembered place was applied (once a run)
    # The reader has a place here (remembered, moved to, or the body's start jumped to once): a document
    # opened afresh starts at its body, past front matter (a Gutenberg licence header), as epy does.
    placed: bool = False

    @property
    def analysing(self) -> bool:
        return self.stage is not None

    @property
    def sections_known(self) -> Analysis | None:
        """The analysis with the document's sections: the whole one, or its first stage until then."""
        return self.analysis or self.structure

    def summary_settings_differ(self, settings: SummarySettings) -> bool:
        """The analysis's own summary is not what the settings ask for."""
        return (settings.algorithm, settings.sentences, settings.section_scope) != (None, None, False)


@dataclass
class Session:
    documents: list[DocumentState]
    index: int = 0
    settings: SummarySettings = field(default_factory=SummarySettings)

    @classmethod
    def of(cls, documents: list[Document]) -> Session:
        return cls([DocumentState(d) for d in documents])

    @property
    def current(self) -> DocumentState:
        return self.documents[self.index]

    @property
    def analysing(self) -> bool:
        return any(d.analysing for d in self.documents)

    def next_to_analyse(self) -> int | None:
        """The first document never analysed, when nothing is being analysed."""
        if self.analysing:
            return None
        for index, state in enumerate(self.documents):
            if state.analysis is None and state.failed is None:
                return index
        return None
