"""Plain data for one document and its analysis.

Every span is a half-open ``[start, end)`` range of ``str`` indices into
``Document.text``; ``text[start:end]`` is always exactly the span's text.
No UI imports here: the CLI, the TUI and the tests share these classes.
"""

from __future__ import annotations

from dataclasses import dataclass, field

SCHEMA = 1


@dataclass(frozen=True)
class Document:
    """A decoded, newline-normalised document."""

    source: str
    text: str
    format: str = "text"  # "text" or "markdown"; the door stays open for "html"
    encoding: str = "utf-8"
    notes: tuple[str, ...] = ()


@dataclass
class Section:
    title: str
    level: int
    kind: str  # heading | topic | front | back
    start: int
    end: int
    # The heading line itself, when the document names the section (not body text).
    heading_start: int | None = None
    heading_end: int | None = None


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
    kind: str  # person | organization | place
    role: str | None = None
    aliases: list[str] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)


@dataclass
class Quote:
    start: int
    end: int
    kind: str  # direct | reported
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
    participants: list[Participant] | None = None
    quotes: list[Quote] | None = None
    summary: Summary | None = None

    @property
    def text(self) -> str:
        return self.document.text

    def sentence_text(self, index: int) -> str:
        s = self.sentences[index]
        return self.text[s.start : s.end]

    def to_json(self) -> dict:
        """The contract of ``reader analyze --format json`` (schema 1)."""
        out: dict = {
            "schema": SCHEMA,
            "source": self.document.source,
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
        if self.participants is not None:
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
        if self.quotes is not None:
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
