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
from reader.text import declared_matter, headings, matter, sentences

_LABEL_END = re.compile(r":(?=\s)")


def segment_blocks(document: Document) -> Analysis:
    text = document.text
    # A reply's quoted text repeats an earlier message: shown, never read as this one's sentences.
    quoted = "block_quote" if document.format == "mail" else None
    paragraphs = [p for b in document.blocks if b.kind != quoted and (p := _paragraph(text, b)) is not None]
    title = _title(document)
    blocks, page_end = _without_title_head(document, title, paragraphs)
    paragraphs = [p for p in paragraphs if p.start >= page_end]
    sections = _sections(text, blocks, paragraphs)
    paragraphs = declared_matter.mark(text, sections, paragraphs)
    if page_end:  # the title page: front matter named by its heading
        sections[0].start = page_end
        sections.insert(0, Section(_head_text(text, document.blocks[0]), 1, "front", 0, page_end))
    analysis = Analysis(document=document, title=title, sections=sections, paragraphs=paragraphs)
    starts = [s.start for s in sections]
    # Mail is written as plain text is: whether its sentences start in lower case is judged from its own text.
    lower = document.format == "mail" and bool(paragraphs)
    lower = lower and sentences.casual(text, paragraphs[0].start, paragraphs[-1].end)
    for index, p in enumerate(paragraphs):
        section = max(0, bisect_right(starts, p.start) - 1)
        found = sentences.split(text, p.start, p.end, lower)
        analysis.sentences.extend(Sentence(a, b, section, index) for a, b in found)
    return analysis


def turn_words(text: str, block: Block) -> int:
    """Where a turn's words start, after its ``Speaker:`` label (and a time beside it)."""
    at = text.find(block.speaker, block.start, block.end) if block.speaker else -1
    if at < 0:
        return block.start
    colon = _LABEL_END.search(text, at + len(block.speaker or ""), block.end)  # not the colons of a time
    return colon.end() if colon else block.start


def _paragraph(text: str, block: Block) -> Paragraph | None:
    if block.kind in ("heading", "byline", "caption") or block.kind in NON_PROSE:
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


TITLE_PAGE_WORDS = 40  # a title page's lines (subtitle, author, publisher) are few and short


def _without_title_head(document: Document, title: str, paragraphs: list[Paragraph]) -> tuple[list[Block], int]:
    """The blocks to make sections of, and where a title page ends (0 when there is none).

    A book's first heading that is the title its metadata gives, with at most a few short lines
    under it (subtitle, author), is its title page: front matter. Elsewhere the lines under a title
    are the document's introduction; but a first heading alone at the top level, with nothing under
    it before the next heading, is only the document's title, not an empty section."""
    blocks = list(document.blocks)
    heads = [b for b in blocks if b.kind == "heading"]
    if len(heads) < 2 or heads[0] is not blocks[0]:
        return blocks, 0
    text, first, after = document.text, heads[0], heads[1]
    head = _head_text(text, first)
    words = [len(text[p.start : p.end].split()) for p in paragraphs if first.end <= p.start < after.start]
    short = sum(words) <= TITLE_PAGE_WORDS and max(words, default=0) <= TITLE_PAGE_WORDS // 3
    if document.format == "epub" and short and _same_title(head, document.metadata.get("title", "")):
        return blocks[blocks.index(after) :], after.start
    top = all((b.level or 1) > (first.level or 1) for b in heads[1:])
    if not words and top and _same_title(head, title):
        return blocks[1:], 0
    return blocks, 0


def _head_text(text: str, block: Block) -> str:
    return " ".join(text[block.start : block.end].split())


def _same_title(head: str, title: str) -> bool:
    """Whether a heading is the title, letters compared ("MOBY-DICK" heads "Moby Dick; Or, The Whale")."""
    a, b = ("".join(filter(str.isalnum, t.casefold())) for t in (head, title))
    return bool(a) and b.startswith(a)


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
