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
from reader.text.lines import BROKEN_COMPOUND

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


def with_tabs(text: str) -> str:
    """``clean`` with its tabs kept: what the layout reads, to see indentation as a terminal would."""
    return _clean(text, CONTROL_PICTURES) if "\t" in text else clean(text)


TAB = 8  # cells between tab stops, as less and the terminal have them


def indent_of(line: str) -> int:
    """Cells before a line's first character, a tab taking it to the next tab stop."""
    lead = line[: len(line) - len(line.lstrip(" \t"))]
    return len(lead.expandtabs(TAB)) if "\t" in lead else len(lead)


def cells(text: str) -> int:
    """Terminal cells taken by ``text`` (fast for text without wide characters)."""
    if text.isascii() or not _WIDE.search(text):
        return len(text)
    return cell_len(text)


# A run of spaces (one is kept), or the line break of a compound broken at a hyphen (none kept:
# "request-" / "header" reads "request-header").
_SPACES = re.compile(f"(?P<join>{BROKEN_COMPOUND.pattern})|[ \\n]{{2,}}")


def kept(line: str) -> list[tuple[int, int]]:
    """The parts of a reflowed line that are shown: no leading spaces, one space for a run,
    nothing for the line break inside a compound. ``line`` is the source text (newlines kept)."""
    ranges = []
    pos = len(line) - len(line.lstrip(" \n"))
    for m in _SPACES.finditer(line, pos):
        ranges.append((pos, m.start() if m.group("join") is not None else m.start() + 1))
        pos = m.end()
    ranges.append((pos, len(line)))
    return [(a, b) for a, b in ranges if b > a]


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


def wrap_shown(raw: str, body: str, width: int) -> list[tuple[int, int]]:
    """``wrap_line`` for a reflowed paragraph, measuring it as shown: the indentation of its source lines
    and runs of spaces take one cell, not one a space (an RFC's or a licence's lines, indented by six,
    wrapped well short of the view). ``raw`` is the source, ``body`` the same with line breaks as spaces."""
    if len(body) <= width or not ("  " in body or "-\n" in raw or raw[:1] in " \n"):
        return wrap_line(body, width)  # one line, or no run of spaces to measure as one (most books)
    ranges = kept(raw)
    if len(ranges) == 1 and ranges[0][1] == len(raw):
        lead = ranges[0][0]
        return [(a and a + lead, b + lead) for a, b in wrap_line(body[lead:], width)]
    shown = "".join(body[a:b] for a, b in ranges)
    starts = []  # where each kept range starts in ``shown``
    pos = 0
    for a, b in ranges:
        starts.append(pos)
        pos += b - a

    def source(at: int) -> int:
        if at >= len(shown):
            return len(raw)
        i = bisect_right(starts, at) - 1
        return ranges[i][0] + at - starts[i]

    return [(source(a) if a else 0, source(b)) for a, b in wrap_line(shown, width)]


# Kinds of screen line.
PROSE, PRE, FURNITURE, GAP, LABEL, HEADING = range(6)  # HEADING: a declared heading, reflowed
# Kinds only a format's declared blocks give: a list item and a block quote (reflowed, indented
# by a bullet or a bar), a line of a code block (as written, highlighted), an image's alt text.
ITEM, QUOTED, CODE, IMAGE = range(6, 10)
RULE = 10  # the rule under a table's header rows, a line of its own (as glow draws it): not text
DEFINITION = 11  # a manual page's definition, indented under its tag (``-a, --all``), as man shows it
DEFINITION_PRE = 12  # a preformatted line inside such a definition (an example), as written, indented too
LISTED = 13  # a plain text's list item (``  * Fix the build``): reflowed, its other lines hanging under its text
NOT_TEXT = (GAP, LABEL, RULE)  # lines with no text of their own, at ``starts[i] == ends[i]``
REFLOWED = frozenset({PROSE, HEADING, ITEM, QUOTED, DEFINITION, LISTED})
AS_WRITTEN = frozenset({PRE, FURNITURE, CODE, IMAGE, DEFINITION_PRE})
INDENT = {ITEM: 2, QUOTED: 2, DEFINITION: 4, DEFINITION_PRE: 4}  # cells before the text: "• ", "│ " or spaces

# Page furniture: form feeds, RFC page footers ("Rescorla  Standards Track  [Page 12]")
# and the running header after them ("RFC 8446  TLS  August 2018").
_FURNITURE = re.compile(r"\f|^\S.*\s{2,}\[Page \d+\]\s*$|^RFC \d+\s{2,}.*\s{2,}\w+ \d{4}\s*$")
# Laid out by hand: inner runs of spaces (not the two after a full stop), dot leaders,
# ASCII boxes and arrows, box-drawing characters, a leading tab.
_PRE = re.compile(
    r"\S {3,}\S|[^\s.?!:;\"'] {2}\S|\.{4,}|(?:\. ){3,}|[-=_]{4,}|[+|]-{2,}|-{2,}[+|>]|[\u2500-\u257f]|^\t"
)
_LETTER = re.compile(r"[^\W\d_]")
MAX_BLANKS = 2  # runs of blank lines shown at most this tall


@dataclass
class Unit:
    """A piece of the text laid out as one: a paragraph (reflowed), a preformatted or
    lined line (as written), a furniture line, or a run of blank lines."""

    start: int
    end: int
    kind: int
    gap_before: bool = False  # a blank line to set it apart from the paragraph before
    indent: int | None = None  # cells before the text when not the kind's (a list item's depth and marker)
    lead: int = 0  # cells before a plain-text list item's first line (its indentation, tabs expanded)


_LETTERS = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZàáâãäåæçèéêëìíîïñòóôõöøùúûüýÿ"
_NOT_LETTERS = str.maketrans("", "", _LETTERS + " ")
_HINT = re.compile(r"  |\.\.|\. \.|--|==|__|[|+\t]")
_BOX = re.compile("[\u2500-\u257f]")
_ENDERS = ".!?:;\"'\u201d\u2019)]"


def _is_pre(line: str) -> bool:
    body = line.strip()
    if not body:
        return False
    # Cheap substring tests first: a book has tens of thousands of lines.
    hinted = _HINT.search(line) or (not line.isascii() and _BOX.search(line))
    if hinted and _PRE.search(line.rstrip()):
        return True
    if len(body) < 4 or " " not in body:  # one word or number ("2017") is no evidence of layout
        return False
    others = len(body.translate(_NOT_LETTERS))
    ink = len(body) - body.count(" ")
    if others * 4 < ink or body.isascii():  # plainly letters, or counted exactly
        return others > ink - others
    letters = len(_LETTER.findall(body))
    return letters < 0.5 * ink


def _is_furniture(line: str) -> bool:
    if "\f" in line:
        return True
    if not (line.endswith("]") or line.startswith("RFC ") or line.rstrip().endswith("]")):
        return False
    return bool(_FURNITURE.search(line))


def wrap_width(lines: list[str]) -> int | None:
    """The width the text was hard-wrapped at, or None when its lines are paragraphs."""
    lengths = sorted(len(line.rstrip()) for line in lines if line.strip())
    if len(lengths) < 8:
        return None
    width = lengths[int(0.9 * (len(lengths) - 1))]
    return width if width <= 100 else None


def units(text: str, breaks: dict[int, bool] | None = None) -> list[Unit]:
    """The text cut into units to lay out, once per text (not per width). ``breaks`` maps a line's
    start to whether a blank line goes before it: a unit starts there even inside a run of lines
    (a play's speeches, written one under another)."""
    lines = text.split("\n")
    hard = wrap_width(lines)
    found: list[Unit] = []
    block: list[tuple[int, str]] = []
    pos = 0
    for line in lines:
        if breaks and block and pos in breaks:  # a cut inside a run of lines
            found.extend(_block_units(block, hard))
            block = []
            if breaks[pos]:
                found.append(Unit(pos - 1, pos - 1, GAP))  # the line break before it, shown blank
        if not line.strip() or _is_furniture(line):
            found.extend(_block_units(block, hard))
            block = []
            kind = FURNITURE if line.strip() else GAP
            if kind == FURNITURE or not found or found[-1].kind != GAP:
                found.append(Unit(pos, pos + len(line), kind))
            else:
                found[-1].end = pos + len(line)
        else:
            block.append((pos, line))
        pos += len(line) + 1
    found.extend(_block_units(block, hard))
    return found


# A list item's first line in plain text: a bullet or a short number or letter, then its text
# (a change log's "  * Fix", a NEWS file's "a. The", an RFC's "   o  The"), as ``hang`` cells.
_MARKER = re.compile(r"([ \t]{0,8})(?:[-*+•]|o(?= {2})|\d{1,2}[.)]|[a-zA-Z][.)]|\(\w{1,3}\)) +(?=\S)")


def _block_units(block: list[tuple[int, str]], hard: int | None) -> list[Unit]:
    """Units of one run of non-blank lines."""
    if not block:
        return []
    pre = [_is_pre(line) for _, line in block]
    short = [len(line.rstrip()) < 0.6 * (hard or 100) for _, line in block]
    if len(block) > 1 and (2 * sum(pre) >= len(block) or 4 * sum(short) >= 3 * len(block)):
        # A diagram, or code indented by hand (as written), or verse or a list (a line each).
        indents = {indent_of(line) for _, line in block}
        kind = PRE if 2 * sum(pre) >= len(block) or len(indents) > 1 else PROSE
        return [Unit(a, a + len(line), kind) for a, line in block]
    if len({indent_of(line) for _, line in block}) > 2 and not any(
        _MARKER.match(line) for _, line in block
    ):  # code indented by hand (an RFC's struct): a paragraph has two indents at most, its first line's and the rest's
        return [Unit(a, a + len(line), PRE) for a, line in block]
    first = _list_start(block, pre, hard)
    if first is not None:
        return _prose_units(block[:first], pre[:first], hard) + _list_units(block[first:], pre[first:])
    return _prose_units(block, pre, hard)


def _list_start(block: list[tuple[int, str]], pre: list[bool], hard: int | None) -> int | None:
    """Where a list starts in a run of lines: at its first line, after a short line or one ending in a colon,
    or at the first of two items or more (a number that a hard wrap puts at the start of a line in a
    paragraph, "1848. He came", is one item at most, after a long line)."""
    items = [i for i, (_, line) in enumerate(block) if not pre[i] and _MARKER.match(line)]
    if not items:
        return None
    first = items[0]
    before = block[first - 1][1].rstrip() if first else ""
    if first == 0 or len(items) > 1 or before.endswith(":") or len(before) < 0.6 * (hard or 100):
        return first
    return None


def _list_units(block: list[tuple[int, str]], pre: list[bool]) -> list[Unit]:
    """A plain text's list: an item runs on over the lines after its marker (indented past it, or at its
    column, as a book's footnote ``* "That Russian army`` / ``the earth by``) and hangs under its text; a
    line at the text's column of an item around it (its own paragraph after a nested list) starts a piece
    of its own, hanging where it stands."""
    found: list[Unit] = []
    items: list[tuple[int, int]] = []  # (marker column, hang) of the items open here, outermost first
    for (a, line), is_pre in zip(block, pre):
        indent = indent_of(line)
        marker = None if is_pre else _MARKER.match(line)
        hang = len(line[: marker.end()].expandtabs(TAB)) if marker else indent
        if is_pre:
            found.append(Unit(a, a + len(line), PRE))
            items = []
            continue
        if marker is not None:
            items = [item for item in items if item[0] < indent] + [(indent, hang)]
            found.append(Unit(a, a + len(line), LISTED, indent=hang, lead=indent))
            continue
        outer = [item for item in items[:-1] if item[1] == indent]
        if found and found[-1].kind == LISTED and not outer:
            found[-1].end = a + len(line)
            if items and indent <= items[-1][0]:  # not indented past the marker: no hang, as written
                found[-1].indent = min(int(found[-1].indent or 0), indent)
            continue
        items = [item for item in items if item[1] <= indent]
        found.append(Unit(a, a + len(line), LISTED, indent=indent, lead=indent))
    return found


def _prose_units(block: list[tuple[int, str]], pre: list[bool], hard: int | None) -> list[Unit]:
    """Lines reflowed into paragraphs: a hard-wrapped line runs on into the next."""
    found: list[Unit] = []
    joined = False  # the line before continues into this one
    for (a, line), is_pre in zip(block, pre):
        if is_pre:
            found.append(Unit(a, a + len(line), PRE))
            joined = False
            continue
        if joined and found and found[-1].kind == PROSE:
            found[-1].end = a + len(line)
        else:
            found.append(Unit(a, a + len(line), PROSE, gap_before=bool(found) and found[-1].kind == PROSE))
        # A hard-wrapped line runs on unless it is short and ends a sentence.
        n = len(line.rstrip())
        joined = hard is not None and n <= hard * 1.3 and (n >= 0.75 * hard or line.rstrip()[-1:] not in _ENDERS)
    return found


@dataclass
class Layout:
    """Screen lines of one text at one width: ``starts[i]:ends[i]`` is line i, of kind
    ``kinds[i]``. A prose line may span the line breaks of its paragraph.

    Gap, label and rule lines are not text: they sit at ``starts[i] == ends[i]``; a label
    (``labels[i]``) comes after the paragraph it comments on (a quote's speaker).
    """

    width: int
    starts: list[int] = field(default_factory=list)
    ends: list[int] = field(default_factory=list)
    kinds: bytearray = field(default_factory=bytearray)
    labels: dict[int, object] = field(default_factory=dict)
    leads: dict[int, int] = field(default_factory=dict)  # cells before a plain-text list item's line

    def __len__(self) -> int:
        return len(self.starts)

    def add(self, start: int, end: int, kind: int) -> None:
        self.starts.append(start)
        self.ends.append(end)
        self.kinds.append(kind)

    def line_of(self, offset: int) -> int:
        """The text line that shows ``offset`` (or the nearest one before it)."""
        line = max(0, bisect_right(self.starts, offset) - 1)
        while line > 0 and self.kinds[line] in NOT_TEXT:
            line -= 1
        return line


def layout(text: str, width: int, labels: dict[int, object] | None = None, pieces: list[Unit] | None = None) -> Layout:
    """Lay ``text`` out at ``width``: paragraphs reflowed, preformatted lines as written.

    ``labels`` maps an offset to a label line shown after the paragraph holding that
    offset; ``pieces`` are the text's ``units`` when already known."""
    result = Layout(width)
    pending = sorted((labels or {}).items())
    p = 0
    for unit in pieces if pieces is not None else units(text):
        if unit.gap_before:
            result.add(unit.start, unit.start, GAP)
        if unit.kind == GAP:
            for _ in range(min(MAX_BLANKS, text.count("\n", unit.start, unit.end + 1))):
                result.add(unit.start, unit.start, GAP)
            continue
        if unit.kind in REFLOWED:
            raw = text[unit.start : unit.end]
            body = raw.replace("\n", " ")
            indent = unit.indent if unit.indent is not None else INDENT.get(unit.kind, 0)
            if unit.kind == LISTED:  # drawn here: its own first line's indentation, then the hang
                indent = min(indent, width // 3)
                result.leads[len(result)] = min(unit.lead, indent)
            for a, b in wrap_shown(raw, body, max(1, width - indent)):
                if unit.kind == LISTED and a:
                    result.leads[len(result)] = indent
                result.add(unit.start + a, unit.start + b, unit.kind)
        else:
            result.add(unit.start, unit.end, unit.kind)
        shown: dict[object, int] = {}  # speaker -> index of its label line after this unit
        while p < len(pending) and pending[p][0] <= unit.end:
            _add_label(result, shown, *pending[p])
            p += 1
    while p < len(pending):
        result.labels[len(result)] = pending[p][1]
        result.add(pending[p][0], pending[p][0], LABEL)
        p += 1
    return result


def _speaker(label: object) -> object:
    """Who a label names: a (name, kind, cue) label's name and kind, else the label itself."""
    return label[:2] if isinstance(label, tuple) and len(label) == 3 else label


def _add_label(result: Layout, shown: dict[object, int], offset: int, label: object) -> None:
    """A label line after a paragraph, one per speaker: two quotes of one speaker, even with two cues
    ("said", "continued"), get one line, naming the speaker only when the cues differ."""
    who = _speaker(label)
    if who not in shown:
        shown[who] = len(result)
        result.labels[len(result)] = label
        result.add(offset, offset, LABEL)
        return
    first = result.labels[shown[who]]
    if first != label and isinstance(first, tuple) and len(first) == 3:
        result.labels[shown[who]] = (*first[:2], None)


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
