"""Wrap a document into screen lines once, keeping each line's text offsets.

No Textual here: the reading view asks this module which slice of the text a
screen line shows, and which line holds an offset (a bisect, not a scan), so
jumping through a 3 MB book costs nothing.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field

from rich.cells import cell_len, get_character_cell_size

from reader.render import CONTROL_PICTURES
from reader.render import clean as _clean

# The terminal-safe table of the CLI, and a tab is one space here, not a jump to a tab stop.
_CONTROLS = {**CONTROL_PICTURES, 0x09: 0x20}
# Characters two cells wide (CJK, emoji); lines without them are as wide as they are long.
_WIDE = re.compile(
    "[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f"
    "\uff00-\uff60\uffe0-\uffe6\U0001f000-\U0001faff\U00020000-\U0003fffd]"
)
_WORD = re.compile(r"\s*\S+\s*|\s+")


def clean(text: str) -> str:
    """``text`` safe for a terminal, the same length, newlines kept."""
    return _clean(text, _CONTROLS)


def cells(text: str) -> int:
    """Terminal cells taken by ``text`` (fast for text without wide characters)."""
    if text.isascii() or not _WIDE.search(text):
        return len(text)
    return cell_len(text)


def wrap_line(line: str, width: int) -> list[tuple[int, int]]:
    """Spans of ``line`` that each fit ``width`` cells, breaking between words.

    The spans cover the line contiguously; a word wider than the line is cut.
    Spaces at a break stay on the line before it (they are cropped on screen).
    """
    width = max(1, width)
    if len(line) <= width and cells(line) <= width:
        return [(0, len(line))]
    if line.isascii() or not _WIDE.search(line):
        return _wrap_narrow(line, width)
    spans: list[tuple[int, int]] = []
    start = used = 0
    for m in _WORD.finditer(line):
        word = m.group()
        size = cells(word)
        ink = cells(word.rstrip())
        if used and used + ink > width:
            spans.append((start, m.start()))
            start, used = m.start(), 0
        if ink > width:  # a word longer than a line: cut it by cells
            start, used = _cut(line, m.start(), m.end(), width, spans, start)
            continue
        used += size
    spans.append((start, len(line)))
    return spans


def _wrap_narrow(line: str, width: int) -> list[tuple[int, int]]:
    """``wrap_line`` for text one cell a character: breaks found with str.rfind."""
    spans = []
    start, n = 0, len(line)
    while n - start > width:
        if line[start + width] == " ":
            cut = start + width
        else:
            cut = line.rfind(" ", start, start + width)
            while cut > start and line[cut - 1] == " ":  # the break is before a run of spaces
                cut -= 1
        if cut <= start:  # no space: cut the word
            end = start + width
        else:
            end = cut
            while end < n and line[end] == " ":
                end += 1
        spans.append((start, end))
        start = end
    spans.append((start, n))
    return spans


def _cut(line: str, a: int, b: int, width: int, spans: list, start: int) -> tuple[int, int]:
    used = 0
    for i in range(a, b):
        # At least one cell a character, as ``cells`` counts text with no wide characters:
        # a zero-width mark must not let a piece grow past what ``cells`` says fits.
        size = max(1, get_character_cell_size(line[i]))
        if used + size > width and i > start:
            spans.append((start, i))
            start, used = i, 0
        used += size
    return start, used


@dataclass
class Layout:
    """Screen lines of one text at one width: ``starts[i]:ends[i]`` is line i.

    A line with a label (``labels[i]``) is not text: it sits at ``starts[i] ==
    ends[i]`` after the span it comments on (a quote's speaker).
    """

    width: int
    starts: list[int] = field(default_factory=list)
    ends: list[int] = field(default_factory=list)
    labels: dict[int, object] = field(default_factory=dict)

    def __len__(self) -> int:
        return len(self.starts)

    def line_of(self, offset: int) -> int:
        """The text line that shows ``offset`` (or the nearest one before it)."""
        line = max(0, bisect_right(self.starts, offset) - 1)
        while line > 0 and line in self.labels:
            line -= 1
        return line


def layout(text: str, width: int, labels: dict[int, object] | None = None) -> Layout:
    """Wrap every line of ``text`` to ``width``; ``labels`` maps an offset to a label
    line shown after the text line that ends at or after that offset."""
    result = Layout(width)
    starts, ends = result.starts, result.ends
    pending = sorted((labels or {}).items())
    p = 0
    pos = 0
    for line in text.split("\n"):
        for a, b in wrap_line(line, width):
            starts.append(pos + a)
            ends.append(pos + b)
            while p < len(pending) and pending[p][0] <= pos + b:
                offset, label = pending[p]
                result.labels[len(starts)] = label
                starts.append(offset)
                ends.append(offset)
                p += 1
        pos += len(line) + 1
    return result


class Spans:
    """Sorted, non-overlapping ``(start, end, value)`` spans, found by bisect."""

    def __init__(self, spans=()):
        kept: list[tuple[int, int, object]] = []
        for start, end, value in sorted(spans, key=lambda s: (s[0], -s[1])):
            if end <= start or (kept and start < kept[-1][1]):
                continue  # empty, or overlaps the one before: the first wins
            kept.append((start, end, value))
        self.items = kept
        self.starts = [s[0] for s in kept]
        self.ends = [s[1] for s in kept]

    def __len__(self) -> int:
        return len(self.items)

    def overlapping(self, start: int, end: int) -> list[tuple[int, int, object]]:
        i = bisect_right(self.ends, start)
        out = []
        while i < len(self.items) and self.items[i][0] < end:
            out.append(self.items[i])
            i += 1
        return out

    def after(self, offset: int) -> int | None:
        """Index of the first span starting after ``offset``."""
        i = bisect_right(self.starts, offset)
        return i if i < len(self.items) else None

    def before(self, offset: int) -> int | None:
        """Index of the last span starting before ``offset``."""
        i = bisect_left(self.starts, offset) - 1
        return i if i >= 0 else None
