"""Lines of a document with their offsets and a first classification.

Every later step (front/back matter, headings, paragraphs) works on these, so the
text is scanned once and offsets stay exact.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from itertools import compress, count
from operator import attrgetter

BLANK, TEXT, HEADING, FURNITURE, CONTENTS, FENCE = "blank", "text", "heading", "furniture", "contents", "fence"
FRONT = "front"  # boilerplate inside the text (an RFC's status and copyright): front matter, not body
KINDS = frozenset({BLANK, TEXT, HEADING, FURNITURE, CONTENTS, FENCE, FRONT})

_PAGE_FOOTER = re.compile(r"\[Page \d+\]\s*$")
_PAGE_NUMBER = re.compile(r"^\s*\d+\s+|\s+\d+\s*$")  # a running header's page number, at either end
_DOT_LEADER = re.compile(r"(?:\.\s?){4,}$")
_FOUR_DOTS = re.compile(r"\.\s?\.\s?\.\s?\.")  # what every leader holds
_LEADER_TAIL = 24
_KIND = attrgetter("kind")  # a leader is checked on the line's last characters only: linear on a line of dots


# Gutenberg marks italics as _word_: shown without the marks, the text (and its offsets) unchanged.
_EMPHASIS = re.compile(r"(?<!\w)_(?=[^\s_])([^_]{1,300}?)(?<=[^\s_])_(?!\w)")


# A footnote's call set against the word it notes ("the bridge[1] stood", "out.[2]"); "see [1]" in a
# specification's prose, with a space before, names a reference and stays.
_NOTE_CALL = re.compile(r"(?<=[^\W_]|[.,;:!?'’\"”)])\[\d{1,3}\]")


def display_text(s: str) -> str:
    """A span of document text as a reader sees it: "_Genesis_" shows as "Genesis", "bridge[1]" as "bridge".

    Display-time only (renderers call it on a span they print), so offsets stay exact."""
    if "_" in s:
        s = _EMPHASIS.sub(r"\1", s)
    return _NOTE_CALL.sub("", s) if "[" in s else s


def italic_marks(text: str) -> list[tuple[int, int]]:
    """Where the text marks italics Gutenberg's way: (start, end) of each "_word_", marks included."""
    return [m.span() for m in _EMPHASIS.finditer(text)] if "_" in text else []


# A word broken at a hyphen at a line's end ("request-" / "header", "to-" / "morrow"): RFCs and
# e-texts hyphenate only compounds there, so the line break is dropped and the hyphen kept.
BROKEN_COMPOUND = re.compile(r"(?<=[^\W\d_]-)[ \t]*\n[ \t]*(?=\w)")


def join_compounds(s: str) -> str:
    """A span's text with compounds broken over lines joined: "request-\n   header" -> "request-header".

    Display-time only, as ``display_text``: offsets into the text stay exact."""
    return BROKEN_COMPOUND.sub("", s) if "-" in s and "\n" in s else s


@dataclass(slots=True)  # one per line: a million-line file should not carry a dict each
class Line:
    start: int
    end: int  # before the newline
    kind: str = TEXT
    level: int = 0  # heading rank, before levels are normalised
    title: str = ""
    marked: bool = False  # a heading by markup (Markdown, WikiText), never a contents entry


def indexes(lines: list[Line], kinds: frozenset[str]) -> list[int]:
    """Indexes of the lines of these kinds, in order (C-level loops: a million lines cost little)."""
    return list(compress(count(), map(kinds.__contains__, map(_KIND, lines))))


def split_lines(text: str) -> list[Line]:
    lines = []
    pos = 0
    for raw in text.split("\n"):
        end = pos + len(raw)
        lines.append(Line(pos, end, TEXT if raw and not raw.isspace() else BLANK))
        pos = end + 1
    if len(lines) > 1 and lines[-1].start == len(text):
        lines.pop()  # the empty remainder after a final newline
    return lines


def mark_furniture(text: str, lines: list[Line]) -> None:
    """Page breaks with their running headers and footers (RFCs, printed books) are not body.

    The line after a break is a running header when a page footer closes the page before it, or when
    it comes back after other breaks (its page number aside: "RFC 2616  HTTP/1.1  June 1999"); a NEWS file's
    "Version 4.3" or a section title after a form feed is the text's own."""
    if "\f" not in text:
        return
    headers: dict[int, str] = {}  # the line after each break, by its index, when it may be a header
    for i, line in enumerate(lines):
        if "\f" not in text[line.start : line.end]:
            continue
        line.kind = FURNITURE
        before = _previous_nonblank(lines, i)
        footer = before is not None and _PAGE_FOOTER.search(text, lines[before].start, lines[before].end)
        if footer and before is not None:
            lines[before].kind = FURNITURE
        after = _next_nonblank(lines, i)
        if after is not None and lines[after].end - lines[after].start < 100:
            if footer:
                lines[after].kind = FURNITURE
            else:
                headers[after] = _PAGE_NUMBER.sub("", text[lines[after].start : lines[after].end]).strip()
    seen = Counter(headers.values())
    for index, key in headers.items():
        if seen[key] > 1:
            lines[index].kind = FURNITURE


_ILLUSTRATION = re.compile(r"[ \t]*\[(?:Illustration|ILLUSTRATION|Footnote|FOOTNOTE)\b")
_ANY_NOTE = re.compile(r"\[(?:Illustration|ILLUSTRATION|Footnote|FOOTNOTE)")
ILLUSTRATION_LINES = 12  # a caption may run over a few lines, up to its closing bracket


def mark_illustrations(text: str, lines: list[Line]) -> None:
    """An e-text's "[Illustration: A VICARAGE HOUSE.]" (over lines, up to its "]") stands for a
    picture, and its "[Footnote 1: ...]" is a note set where it is called: page furniture, never the
    text of a sentence."""
    if _ANY_NOTE.search(text) is None:
        return
    i = 0
    while i < len(lines):
        line = lines[i]
        i += 1
        if line.kind != TEXT or not _ILLUSTRATION.match(text, line.start, line.end):
            continue
        depth = 0
        for j in range(i - 1, min(len(lines), i - 1 + ILLUSTRATION_LINES)):
            raw = text[lines[j].start : lines[j].end]
            depth += raw.count("[") - raw.count("]")
            lines[j].kind = FURNITURE
            i = j + 1
            if depth <= 0:
                break


def mark_dot_leaders(text: str, lines: list[Line]) -> None:
    """Table-of-contents lines with dot leaders and page numbers."""
    if not _FOUR_DOTS.search(text):
        return  # no line can hold a leader
    for line in lines:
        if line.kind != TEXT or not (text[line.end - 1].isdigit() or text[line.end - 1].isspace()):
            continue  # a leader line ends in its page number
        if _has_dot_leader(text[line.start : line.end]):
            line.kind = CONTENTS


def _has_dot_leader(raw: str) -> bool:
    """Dots (four or more, maybe spaced) and a page number end the line: "Preface ...... 7"."""
    raw = raw.rstrip()
    if not raw or not raw[-1].isdigit():
        return False
    before = raw.rstrip("0123456789").rstrip()
    return bool(_DOT_LEADER.search(before[-_LEADER_TAIL:]))


def _previous_nonblank(lines: list[Line], i: int) -> int | None:
    for j in range(i - 1, max(-1, i - 6), -1):
        if lines[j].kind != BLANK:
            return j
    return None


def _next_nonblank(lines: list[Line], i: int) -> int | None:
    for j in range(i + 1, min(len(lines), i + 6)):
        if lines[j].kind != BLANK:
            return j
    return None
