"""Lines of a document with their offsets and a first classification.

Every later step (front/back matter, headings, paragraphs) works on these, so the
text is scanned once and offsets stay exact.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

BLANK, TEXT, HEADING, FURNITURE, CONTENTS, FENCE = "blank", "text", "heading", "furniture", "contents", "fence"

_PAGE_FOOTER = re.compile(r"\[Page \d+\]\s*$")
_DOT_LEADER = re.compile(r"(?:\.\s?){4,}\s*\d+\s*$")


@dataclass
class Line:
    start: int
    end: int  # before the newline
    kind: str = TEXT
    level: int = 0  # heading rank, before levels are normalised
    title: str = ""


def split_lines(text: str) -> list[Line]:
    lines = []
    pos = 0
    n = len(text)
    while pos <= n:
        nl = text.find("\n", pos)
        if nl < 0:
            nl = n
        line = Line(pos, nl)
        if not text[pos:nl].strip():
            line.kind = BLANK
        lines.append(line)
        pos = nl + 1
    if lines and lines[-1].start == n and n > 0:
        lines.pop()  # the empty remainder after a final newline
    return lines


def mark_furniture(text: str, lines: list[Line]) -> None:
    """Page breaks with their running headers and footers (RFCs, printed books) are not body."""
    for i, line in enumerate(lines):
        if "\f" not in text[line.start : line.end]:
            continue
        line.kind = FURNITURE
        before = _previous_nonblank(lines, i)
        if before is not None and _PAGE_FOOTER.search(text, lines[before].start, lines[before].end):
            lines[before].kind = FURNITURE
        after = _next_nonblank(lines, i)
        if after is not None and lines[after].end - lines[after].start < 100:
            lines[after].kind = FURNITURE


def mark_dot_leaders(text: str, lines: list[Line]) -> None:
    """Table-of-contents lines with dot leaders and page numbers."""
    for line in lines:
        if line.kind == TEXT and _DOT_LEADER.search(text, line.start, line.end):
            line.kind = CONTENTS


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
