"""Plain data for one document and its analysis.

Every span is a half-open ``[start, end)`` range of ``str`` indices into
``Document.text``; ``text[start:end]`` is always exactly the span's text.
No UI imports here: the CLI, the TUI and the tests share these classes.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal, get_args

SCHEMA = 2

Format = Literal[
    "text",
    "markdown",
    "html",
    "epub",
    "pdf",
    "docx",
    "transcript",
    "subtitles",
    "man",
    "notebook",
    "odt",
    "info",
    "mail",
    "asciidoc",
    "org",
    "latex",
    "rst",
    "pod",
]
FORMATS: tuple[str, ...] = get_args(Format)
BlockKind = Literal[
    "paragraph", "heading", "preformatted", "list_item", "block_quote", "table", "turn", "image", "byline", "caption"
]
# A byline (a mail's From, To and Date line) is shown and may name people, but holds no sentences; so is a
# caption (a figure's or table's, "Figure 2: ...": the document's aside, never a summary sentence).
# Blocks that stay in the text and the view but never hold sentences, mentions or quotes.
NON_PROSE: frozenset[str] = frozenset({"preformatted", "table", "image"})
SectionKind = Literal["heading", "topic", "front", "back"]
ParticipantKind = Literal["person", "organization", "place"]
QuoteKind = Literal["direct", "reported", "turn"]


@dataclass(frozen=True)
class Block:
    """A span of the text whose kind the format declares (a heading, a code block, a speaker turn)."""

    kind: BlockKind
    start: int
    end: int
    level: int | None = None  # headings only
    speaker: str | None = None  # turns only: the speaker's label as written
    time: str | None = None  # subtitles: when the cue starts, for the view
    language: str | None = None  # code blocks: the language the source declares ("python"), for the view
    header: int | None = None  # tables: how many leading rows are header rows (th, thead, a repeated row), for the view
    depth: int | None = None  # list items and block quotes: nesting, 1 = top level; code or a table in an item: its
    marker: str | None = None  # list items: the number or bullet as the source gives it ("1.", "a.", "•", "[1]")
    quote: int | None = None  # a list item, code or table inside block quotes: how many, for the view's bars


@dataclass(frozen=True)
class Link:
    """Link text kept in ``text``; the target kept for the view."""

    start: int
    end: int
    url: str


EmphasisKind = Literal["bold", "italic", "code"]


@dataclass(frozen=True)
class Emphasis:
    """Inline text the source sets apart (``<strong>``, ``*em*``, `` `code` ``), for the view."""

    start: int
    end: int
    kind: EmphasisKind


@dataclass(frozen=True)
class Document:
    """A decoded, newline-normalised document: its text plus the structure its format declares."""

    source: str
    text: str
    format: Format = "text"
    encoding: str = "utf-8"
    notes: tuple[str, ...] = ()
    metadata: dict[str, str] = field(default_factory=dict)
    blocks: tuple[Block, ...] = ()  # empty for plain text: structure is inferred
    links: tuple[Link, ...] = ()
    emphasis: tuple[Emphasis, ...] = ()
    anchors: dict[str, int] = field(default_factory=dict)  # element id -> offset of its block, for internal links


@dataclass
class Section:
    title: str
    level: int
    kind: SectionKind
    start: int
    end: int
    # Where the heading line starts, when the document names the section (not body text).
    heading_start: int | None = None


@dataclass
class Paragraph:
    start: int
    end: int


@dataclass
class Sentence:
    start: int
    end: int
    section: int
    paragraph: int


@dataclass
class Mention:
    start: int
    end: int


@dataclass
class Participant:
    id: str
    name: str
    kind: ParticipantKind
    role: str | None = None
    aliases: list[str] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)


@dataclass
class Quote:
    start: int
    end: int
    kind: QuoteKind
    speaker: str | None = None  # a Participant id
    cue: str | None = None


@dataclass
class Ranked:
    sentence: int
    score: float


@dataclass
class Summary:
    algorithm: str
    ranking: list[Ranked]  # every body sentence, highest score first
    selected: list[int]  # sentence indexes, in document order


@dataclass
class Analysis:
    """Everything a view needs about one document, computed once."""

    document: Document
    title: str
    sections: list[Section] = field(default_factory=list)
    paragraphs: list[Paragraph] = field(default_factory=list)
    sentences: list[Sentence] = field(default_factory=list)
    # Participants and quotes are lists whether or not they were looked for; ``found_people`` says
    # whether they were (False: not computed, so not "none found"). ``summary`` is None until computed.
    participants: list[Participant] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    found_people: bool = False
    summary: Summary | None = None
    # Speaker label of a transcript turn -> participant id, for the blocks' ``speaker``.
    speakers: dict[str, str] = field(default_factory=dict)

    @property
    def text(self) -> str:
        return self.document.text

    def sentence_text(self, index: int) -> str:
        s = self.sentences[index]
        return self.text[s.start : s.end]

    def to_json(self) -> dict[str, Any]:
        """The contract of ``reader analyze --format json`` (schema 2)."""
        doc = self.document
        out: dict[str, Any] = {
            "schema": SCHEMA,
            "source": doc.source,
            "format": doc.format,
            "metadata": dict(doc.metadata),
            "title": self.title,
            "text": self.text,
            "sections": [
                {"title": s.title, "level": s.level, "kind": s.kind, "start": s.start, "end": s.end}
                for s in self.sections
            ],
            "paragraphs": [{"start": p.start, "end": p.end} for p in self.paragraphs],
            "sentences": [
                {"start": s.start, "end": s.end, "section": s.section, "paragraph": s.paragraph} for s in self.sentences
            ],
        }
        out["blocks"] = [self._block_json(b) for b in doc.blocks]
        if doc.links:
            out["links"] = [{"start": k.start, "end": k.end, "url": k.url} for k in doc.links]
        if doc.anchors:
            out["anchors"] = dict(doc.anchors)
        if doc.emphasis:
            out["emphasis"] = [{"start": e.start, "end": e.end, "kind": e.kind} for e in doc.emphasis]
        if self.found_people:
            out["participants"] = [
                {
                    "id": p.id,
                    "name": p.name,
                    "kind": p.kind,
                    "role": p.role,
                    "aliases": list(p.aliases),
                    "mentions": [{"start": m.start, "end": m.end} for m in p.mentions],
                }
                for p in self.participants
            ]
        if self.found_people:
            out["quotes"] = [
                {"start": q.start, "end": q.end, "kind": q.kind, "speaker": q.speaker, "cue": q.cue}
                for q in self.quotes
            ]
        if self.summary is not None:
            out["summary"] = {
                "algorithm": self.summary.algorithm,
                "ranking": [{"sentence": r.sentence, "score": r.score} for r in self.summary.ranking],
                "selected": list(self.summary.selected),
            }
        if self.document.notes:
            out["notes"] = list(self.document.notes)
        return out

    def _block_json(self, block: Block) -> dict[str, Any]:
        out: dict[str, Any] = {"kind": block.kind, "start": block.start, "end": block.end}
        if block.level is not None:
            out["level"] = block.level
        if block.speaker is not None:
            out["speaker"] = self.speakers.get(block.speaker)
        if block.time is not None:
            out["time"] = block.time
        if block.language is not None:
            out["language"] = block.language
        if block.depth is not None:
            out["depth"] = block.depth
        if block.marker is not None:
            out["marker"] = block.marker
        if block.quote is not None:
            out["quote"] = block.quote
        return out
