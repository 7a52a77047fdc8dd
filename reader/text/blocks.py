"""Segmentation from the blocks a format declares (HTML, Markdown, EPUB, PDF, DOCX, transcripts).

Headings make the sections, with the levels the format gives; prose blocks make the paragraphs;
preformatted, table and image blocks make neither, so they never hold a sentence, a mention, a
quote or a summary sentence. Only a stretch with no heading gets topical sections found here.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from pathlib import Path

from reader.model import NON_PROSE, Analysis, Block, Document, Paragraph, Section, Sentence
from reader.text import headings, matter, sentences

_LABEL_END = re.compile(r":(?=\s)")


def segment_blocks(document: Document) -> Analysis:
    text = document.text
    paragraphs = [p for b in document.blocks if (p := _paragraph(text, b)) is not None]
    sections = _sections(text, list(document.blocks), paragraphs)
    analysis = Analysis(document=document, title=_title(document), sections=sections, paragraphs=paragraphs)
    starts = [s.start for s in sections]
    for index, p in enumerate(paragraphs):
        section = max(0, bisect_right(starts, p.start) - 1)
        analysis.sentences.extend(Sentence(a, b, section, index) for a, b in sentences.split(text, p.start, p.end))
    return analysis


def turn_words(text: str, block: Block) -> int:
    """Where a turn's words start, after its ``Speaker:`` label (and a time beside it)."""
    at = text.find(block.speaker, block.start, block.end) if block.speaker else -1
    if at < 0:
        return block.start
    colon = _LABEL_END.search(text, at + len(block.speaker or ""), block.end)  # not the colons of a time
    return colon.end() if colon else block.start


def _paragraph(text: str, block: Block) -> Paragraph | None:
    if block.kind == "heading" or block.kind in NON_PROSE:
        return None
    start = turn_words(text, block) if block.kind == "turn" else block.start
    end = block.end
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return Paragraph(start, end) if start < end else None


def _sections(text: str, blocks: list[Block], paragraphs: list[Paragraph]) -> list[Section]:
    heads = [b for b in blocks if b.kind == "heading" and not matter.is_dateline(text[b.start : b.end])]
    levels = headings.normalise_levels([b.level or 1 for b in heads])
    out = []
    first = heads[0].start if heads else len(text)
    lead = [p for p in paragraphs if p.start < first]
    if lead:
        out.extend(_topics(text, lead, 0, first))
    for i, (head, level) in enumerate(zip(heads, levels)):
        end = heads[i + 1].start if i + 1 < len(heads) else len(text)
        title = matter.without_date(" ".join(text[head.start : head.end].split()))
        out.append(Section(title, level, "heading", head.start, end, head.start))
    if out:
        out[0].start = 0
    else:
        out.append(Section("Untitled", 1, "topic", 0, len(text)))
    return out


def _topics(text: str, paragraphs: list[Paragraph], start: int, end: int) -> list[Section]:
    """Untitled stretches are split where the vocabulary shifts, as for plain text."""
    from reader.text.structure import topic_starts

    found = topic_starts(text, paragraphs, rank=0)
    bounds = [start] + [s.start for s in found[1:]] + [end]
    return [Section(s.title or "Untitled", 1, "topic", a, b) for s, a, b in zip(found, bounds, bounds[1:])]


def _title(document: Document) -> str:
    title = matter.without_date(" ".join(document.metadata.get("title", "").split()))
    if title and not matter.is_dateline(title):
        return title
    text = document.text
    heads = [b for b in document.blocks if b.kind == "heading" and not matter.is_dateline(text[b.start : b.end])]
    if heads:
        top = min(b.level or 1 for b in heads)
        head = next(b for b in heads if (b.level or 1) == top)
        return matter.without_date(" ".join(document.text[head.start : head.end].split()))
    return Path(document.source).stem if document.source != "-" else "(standard input)"
