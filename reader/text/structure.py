"""Document -> title, sections, paragraphs and sentences, with exact offsets.

Sections tile the whole text in order (front matter, the body's sections, back
matter); paragraphs and sentences cover the body only, so a heading line, page
furniture or a licence is never part of a sentence.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections import Counter
from dataclasses import dataclass
from itertools import accumulate, chain, groupby
from operator import attrgetter

from reader.collector import paused
from reader.model import Analysis, Document, Paragraph, Section, SectionKind, Sentence
from reader.text import changelog, headings, matter, plays, sentences, topics
from reader.text import lines as ln

_LIST_ITEM = re.compile(r"\s*(?:[-*+•–]|\d{1,3}[.)]|[a-z][.)])\s+\S")
_NUMBERED_ITEM = re.compile(r"\s*(?:\d{1,3}[.)]|[a-z][.)])\s+\S")
UNIT_WORDS = 20  # paragraphs shorter than this are pooled for topical segmentation
# A turn of a transcript: a name or role label, a colon, what was said ("Project Manager: Okay").
_TURN = re.compile(r"[ \t]*[A-Z][\w.'’-]*(?:[ \t][A-Za-z\d][\w.'’-]*){0,3}:[ \t]+\S")
WRAPPED_LINE_MAX = 90  # hard-wrapped prose (books, RFCs) stays under this width
FINISHED_SHARE = 0.8  # long lines that end a sentence: a line that does not was broken by accident
_START, _END, _KIND = attrgetter("start"), attrgetter("end"), attrgetter("kind")
_MARK_KINDS = ln.KINDS - {ln.TEXT, ln.BLANK}


@dataclass
class _Start:
    """Where a section begins, before levels are known."""

    start: int
    kind: SectionKind
    title: str
    rank: int
    heading: tuple[int, int] | None = None


def segment(document: Document) -> Analysis:
    with paused():
        return _segment(document)


def _segment(document: Document) -> Analysis:
    if document.blocks:  # the format declared its structure: use it, infer nothing
        from reader.text.blocks import segment_blocks

        return segment_blocks(document)
    text = document.text
    lines = ln.split_lines(text)
    ln.mark_furniture(text, lines)
    ln.mark_dot_leaders(text, lines)
    ln.mark_illustrations(text, lines)
    headings.mark_headings(text, lines)
    log_title, log = changelog.mark_entries(text, lines, _file_name(document))
    matter.mark_licence_title(text, lines)
    headings.drop_lone_numbers(lines)
    headings.keep_roman_chapters(lines)
    headings.settle_end_parts(lines)
    headings.nest_restarting(lines)
    headings.join_chapter_subtitles(text, lines)
    headings.mark_contents(text, lines)
    listed = headings.mark_listed_contents(text, lines)
    volume_title = headings.mark_volume_pages(text, lines)
    headings.mark_front_parts(lines)
    matter.mark_boilerplate(text, lines)
    matter.mark_rfc_header(text, lines)
    body_start, body_end = matter.body_bounds(text, lines)
    body_end = matter.notes_start(text, lines, body_start, body_end)
    matter.mark_bylines(text, lines, body_start)
    # Lines are in order: the body's are the slice that starts and ends inside it.
    body = lines[bisect_left(lines, body_start, key=_START) : bisect_right(lines, body_end, key=_END)]
    given = matter.mark_metadata(text, lines, body_start)  # a "Title:" line names the book best
    known = headings.mark_book_title_page(text, lines, body_start, listed) or volume_title
    title, title_index = matter.find_title(text, lines, body_start, given or known or log_title)
    if title_index is not None and lines[title_index].kind == ln.TEXT:
        lines[title_index].kind, lines[title_index].level = ln.HEADING, 0
        lines[title_index].title = title
    headings.mark_title_page(text, lines, body_start)
    headings.drop_title_repeats(text, lines, title, body_start, title_index)

    paragraphs = plays.split_turns(text, _paragraphs(text, body, document.format == "markdown"))
    starts = _heading_starts(body)
    starts = _add_topics(text, starts, paragraphs, body_start)
    sections = _sections(text, starts, body_start, body_end)
    if not title:
        title = _fallback_title(document, sections)
    analysis = Analysis(document=document, title=title, sections=sections, paragraphs=paragraphs)
    analysis.sentences = _sentences(text, sections, paragraphs, log)
    return analysis


def _paragraphs(text: str, body: list[ln.Line], markdown: bool) -> list[Paragraph]:
    """Paragraphs of the runs of text lines (and of fenced code), in order."""
    out: list[Paragraph] = []
    for kind, run in groupby(body, _KIND):
        if kind != ln.TEXT and kind != ln.FENCE:
            continue
        block = list(run)
        if len(block) == 1 and kind == ln.TEXT:  # one line (the common case on many short paragraphs)
            a, b = block[0].start, block[0].end
            if text[a].isspace() or text[b - 1].isspace():
                out.extend(_trimmed(text, [(a, b)]))
            else:
                out.append(Paragraph(a, b))
        else:
            out.extend(_block_paragraphs(text, block, markdown))
    return out


def _block_paragraphs(text: str, block: list[ln.Line], markdown: bool) -> list[Paragraph]:
    """One paragraph for hard-wrapped lines; one per line where each line is a paragraph
    (long lines, list items, the turns of a transcript)."""
    if block[0].kind == ln.FENCE:
        return _trimmed(text, [(block[0].start, block[-1].end)])
    widths = sorted(line.end - line.start for line in block[:-1])
    wrapped = markdown or not widths or widths[len(widths) // 2] <= WRAPPED_LINE_MAX
    turns = [bool(_TURN.match(text, line.start, line.end)) for line in block]
    speaking = 2 * sum(turns) > len(block)
    broken = [False] * len(block) if wrapped else _broken_lines(text, block)
    spans = []
    start = block[0].start
    for i in range(1, len(block)):
        line = block[i]
        if (not wrapped and not broken[i]) or (speaking and turns[i]) or _opens_item(text, block, i):
            spans.append((start, block[i - 1].end))
            start = line.start
    spans.append((start, block[-1].end))
    return _trimmed(text, spans)


def _broken_lines(text: str, block: list[ln.Line]) -> list[bool]:
    """Whether each line goes on with the sentence of the line before, in a block of one
    paragraph a line: a long line that stops mid-sentence ("... alongside the" / "defence forces")
    was broken by accident. The next line going on in lower case shows it; a capital does when the
    block's other long lines end their sentences and the block writes that word with a capital
    inside sentences more often than in lower case ("Burkina" / "Faso will", not "decades" / "That")."""
    long = [line.end - line.start > WRAPPED_LINE_MAX for line in block]
    ends = [text[line.start : line.end].rstrip()[-1:] for line in block]
    mid = [end.isalpha() or end == "," for end in ends]
    finished = sum(long) - sum(m and g for m, g in zip(mid, long))
    evidence = finished >= 3 and finished >= FINISHED_SHARE * sum(long)
    names: _NameUse | None = None
    out = [False]
    for i in range(1, len(block)):
        word = _FIRST_WORD.match(text, block[i].start, block[i].end)
        first = (word.group(1) if word else "") or ""
        capital = long[i - 1] and evidence and first[:1].isupper()
        if mid[i - 1] and capital and names is None:
            names = _NameUse(text[block[0].start : block[-1].end])
        out.append(mid[i - 1] and (first[:1].islower() or (capital and names is not None and names.inside(first))))
    return out


_FIRST_WORD = re.compile(r"[ \t]*([^\W\d_][\w'’-]*)?")
_WORD_RE = re.compile(r"[^\W\d_][\w'’-]*")
_INSIDE_CAPITAL = re.compile(r"(?<=[a-z,] )[A-Z][\w'’-]*")  # a capital after a lower-case word


class _NameUse:
    """How a stretch of text writes its words: capitalised inside a sentence, or in lower case."""

    def __init__(self, stretch: str) -> None:
        self.capital = Counter(_INSIDE_CAPITAL.findall(stretch))
        self.lower = Counter(w for w in _WORD_RE.findall(stretch) if w[0].islower())

    def inside(self, word: str) -> bool:
        return word != "I" and self.capital[word] > self.lower[word.lower()]


def _opens_item(text: str, block: list[ln.Line], i: int) -> bool:
    """Whether line ``i`` (not the first) opens a list item. A bullet does; a number or letter
    ("1. ", "b) ") does when the line before ends a clause or a line beside it opens an item too:
    in wrapped prose ("in district\n1. Residents") the number ends a sentence."""
    line = block[i]
    if not _LIST_ITEM.match(text, line.start, line.end):
        return False
    if not _NUMBERED_ITEM.match(text, line.start, line.end):
        return True
    before = text[block[i - 1].start : block[i - 1].end].rstrip()[-1:]
    if not (before.isalnum() or before in (",", "-", "–", "—")):
        return True
    beside = [block[j] for j in (i - 1, i + 1) if j < len(block)]
    return any(_LIST_ITEM.match(text, b.start, b.end) for b in beside)


def _trimmed(text: str, spans: list[tuple[int, int]]) -> list[Paragraph]:
    out = []
    for a, b in spans:
        while a < b and text[a].isspace():
            a += 1
        while b > a and text[b - 1].isspace():
            b -= 1
        if a < b:
            out.append(Paragraph(a, b))
    return out


def _heading_starts(body: list[ln.Line]) -> list[_Start]:
    """Sections the lines open: headings, a contents block, boilerplate, and the text right after
    the last two. Only lines that are neither text nor blank are visited one by one (on a page of
    prose, a few); between two of them, the first text line is found by ``list.index``."""
    kinds = list(map(_KIND, body))
    marks = ln.indexes(body, _MARK_KINDS)
    starts: list[_Start] = []
    prev = ln.BLANK  # the kind of the last line that was not blank or furniture
    after = 0  # the first line after the last mark
    for i in [*marks, len(body)]:
        gap = kinds[after:i]  # text and blank lines only
        if ln.TEXT in gap:
            if prev in (ln.CONTENTS, ln.FRONT):  # text right after a contents or boilerplate block
                starts.append(_Start(body[after + gap.index(ln.TEXT)].start, "topic", "", 0))
            prev = ln.TEXT
        if i == len(body):
            break
        line = body[i]
        if line.kind == ln.HEADING and line.level != -1:
            j = i + 1
            while j < len(body) and body[j].level == -1:  # the title's further lines
                j += 1
            end = body[j - 1].end
            starts.append(_Start(line.start, "heading", line.title, line.level, (line.start, end)))
        elif line.kind == ln.CONTENTS and prev != ln.CONTENTS:
            starts.append(_Start(line.start, "front", "Contents", 0))
        elif line.kind == ln.FRONT and line.title:
            starts.append(_Start(line.start, "front", line.title, 0))
        if line.kind in (ln.CONTENTS, ln.HEADING, ln.FENCE, ln.FRONT):
            prev = line.kind
        after = i + 1
    return starts


def _add_topics(text: str, starts: list[_Start], paragraphs: list[Paragraph], body_start: int) -> list[_Start]:
    """Label untitled stretches; split a body with no headings into topical sections."""
    named = [s for s in starts if s.kind == "heading"]
    only_title = len(named) == 1 and named[0].rank == 0 and named[0] is starts[0]
    if not named or only_title:
        first = starts[0].start if only_title else body_start
        tail = [p for p in paragraphs if p.start >= first]
        found = topic_starts(text, tail, rank=1 if only_title else 0)
        labelled = {s.start for s in found}  # an untitled stretch (after a dateline) takes the found label
        starts = [s for s in starts if s.kind != "topic" or s.title or s.start not in labelled]
        kept = {s.start for s in starts}
        merged = sorted(starts + [s for s in found if s.start not in kept], key=lambda s: s.start)
        return _label_untitled(text, merged)
    first_heading = starts[0].start if starts else len(text)
    preamble = [p for p in paragraphs if p.start < first_heading]
    if preamble:
        starts = [_Start(preamble[0].start, "topic", "", 0)] + starts
    return _label_untitled(text, starts)


def topic_starts(text: str, paragraphs: list[Paragraph], rank: int) -> list[_Start]:
    """Where the vocabulary shifts, with a label for each stretch (plain text and declared blocks alike)."""
    if not paragraphs:
        return []
    firsts = _units(text, paragraphs)
    ends = [paragraphs[i - 1].end for i in firsts[1:]] + [paragraphs[-1].end]
    spans = [(paragraphs[i].start, end) for i, end in zip(firsts, ends)]
    speakers = topics.speaker_words(text, spans[0][0], spans[-1][1])
    bags, words = topics.paragraph_bags(text, spans, speakers)
    leaning = [topics.leans_back(text, a) for a, _ in spans]
    cuts = [0, *topics.boundaries(bags, [sum(bag.values()) for bag in bags], leaning), len(spans)]
    groups = [list(chain.from_iterable(words[a:b])) for a, b in zip(cuts, cuts[1:])]
    forms = topics.surface_forms(text, spans[0][0], spans[-1][1])
    df = topics.frequencies(groups)
    return [
        _Start(spans[a][0], "topic", topics.label(group, df, len(groups), forms), rank + 1)
        for (a, _), group in zip(zip(cuts, cuts[1:]), groups)
    ]


def _units(text: str, paragraphs: list[Paragraph]) -> list[int]:
    """Indexes of the paragraphs that open a unit of topical segmentation: short paragraphs
    (word lists, chat turns, subtitles) are pooled to about UNIT_WORDS words, as TextTiling pools
    words into token sequences, so thousands of one-word paragraphs cost like one page."""
    # words[i]: words before paragraph i (spaces + 1 a paragraph, rising); a unit ends as soon as
    # it holds UNIT_WORDS, so each next first is one bisection away.
    words = list(accumulate([text.count(" ", p.start, p.end) + 1 for p in paragraphs], initial=0))
    firsts: list[int] = []
    i = 0
    while i < len(paragraphs):
        firsts.append(i)
        i = bisect_left(words, words[i] + UNIT_WORDS, i + 1)
    return firsts


def _label_untitled(text: str, starts: list[_Start]) -> list[_Start]:
    ends = [s.start for s in starts[1:]] + [len(text)]
    for s, end in zip(starts, ends):
        if s.kind == "topic" and not s.title:
            terms = topics.content_terms(text, s.start, end)
            s.title = topics.label(terms, topics.frequencies([terms]), 1, topics.surface_forms(text, s.start, end))
            s.rank = 0
    return starts


def _sections(text: str, starts: list[_Start], body_start: int, body_end: int) -> list[Section]:
    starts = [s for s in starts if body_start <= s.start < body_end]
    if body_start < body_end and (not starts or starts[0].start > body_start):
        if text[body_start : starts[0].start if starts else body_end].strip():
            starts.insert(0, _Start(body_start, "topic", "Untitled", 0))
        elif starts:
            starts[0].start = body_start
    ranks = _levels(starts)
    out = []
    if body_start > 0:
        out.append(Section("Front matter", 1, "front", 0, body_start))
    for i, (s, level) in enumerate(zip(starts, ranks)):
        end = starts[i + 1].start if i + 1 < len(starts) else body_end
        out.append(Section(s.title, level, s.kind, s.start, end, s.heading[0] if s.heading else None))
    if body_end < len(text):
        out.append(Section(_back_title(text, body_end), 1, "back", body_end, len(text)))
    return out


def _levels(starts: list[_Start]) -> list[int]:
    """Headings nest by their ranks; found sections sit at the level they were given."""
    named = [s.rank for s in starts if s.kind == "heading"]
    levels = iter(headings.normalise_levels(named))
    return [next(levels) if s.kind == "heading" else max(1, s.rank) for s in starts]


def _back_title(text: str, start: int) -> str:
    first = text[start:].strip().split("\n", 1)[0].strip()
    return first if len(first) <= 40 and "Gutenberg" not in first else "Back matter"


def _file_name(document: Document) -> str:
    """The document's file name without a ``.gz``: what names a file whose text names itself nowhere."""
    from pathlib import Path

    name = Path(document.source).name if document.source != "-" else "(standard input)"
    return name[:-3] if name.endswith(".gz") else name


def _fallback_title(document: Document, sections: list[Section]) -> str:
    for s in sections:
        if s.kind == "heading" and not headings.is_division_title(s.title):  # "CHAPTER I" names no book
            return s.title
    from pathlib import Path

    return Path(document.source).stem if document.source != "-" else "(standard input)"


def _sentences(text: str, sections: list[Section], paragraphs: list[Paragraph], log: bool = False) -> list[Sentence]:
    """Each paragraph's sentences; in a change log (``log``) each entry line starts one."""
    section_starts = [s.start for s in sections]
    lower_starts = bool(paragraphs) and sentences.casual(text, paragraphs[0].start, paragraphs[-1].end)
    may_end = sentences.MAY_END.search  # nothing of it in a paragraph (a word, a short turn): one sentence
    out = []
    for p_index, p in enumerate(paragraphs):
        start, end = p.start, p.end
        s_index = bisect_right(section_starts, start) - 1
        if may_end(text, start, end) is None:
            out.append(Sentence(start, end, s_index, p_index))
            continue
        for a, b in sentences.split(text, start, end, lower_starts, log):
            out.append(Sentence(a, b, s_index, p_index))
    return out
