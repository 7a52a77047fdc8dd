"""What a format's declared structure adds to a screen line: heading levels, bullets and quote
bars, highlighted code, image placeholders, speaker labels of turns, and links.

The reading view asks this helper how to dress one line; the text itself stays data (a
``rich.text.Text`` built from the plain string, never parsed as markup).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace
from typing import Any

from rich.segment import Segment
from rich.style import Style
from rich.text import Text

from reader.tui.layout import (
    CODE,
    DEFINITION,
    HEADING,
    IMAGE,
    INDENT,
    ITEM,
    PRE,
    PROSE,
    QUOTED,
    REFLOWED,
    RULE,
    Spans,
    Unit,
    cells,
    units,
)

BULLET = "• "
BAR = "│ "
IMAGE_MARK = "▣ image: "
OUTPUT = "output"  # the language of a notebook cell's output (pygments' name for program output): dimmed
MAX_CODE = 20_000  # characters: longer code blocks are shown plain (highlighting is per block)
# Between two cells of a table row as the formats write it ("a | b | c"); a last empty cell ends " |".
_CELL_BREAK = re.compile(r" \|(?: |$)")
COLUMN_BAR = "│"
HEADER_STYLE = Style(bold=True)  # over a rule line of its own (RULE), as glow draws it

# Footnote marks: an internal link whose text is a number, a letter or a dagger, with or without brackets
# (HTML's <sup><a href="#fn1">1</a></sup>, Markdown's [^1]), and Gutenberg's "word[1]" in plain text.
_NOTE_LINK = re.compile(r"\[?(?:\d{1,3}|[a-zA-Z]|[*†‡§]{1,3})\]?")
_NOTE_MARK = re.compile(r"\[(?:\d{1,3}|[A-Z]|[*†‡]{1,3})\]")
# Shown as superscripts, one character for one (offsets, search and clicks stay the text's).
SUPERSCRIPT = str.maketrans("0123456789[]", "⁰¹²³⁴⁵⁶⁷⁸⁹⁽⁾")

# A table row as shown: (from, to, spaces after) offsets into the text, cells and the separators between them.
Pieces = list[tuple[int, int, int]]


def table_cells(row: str) -> list[tuple[int, int]]:
    """The cells of one table row as spans of ``row``."""
    spans = []
    pos = 0
    for m in _CELL_BREAK.finditer(row):
        spans.append((pos, m.start()))
        pos = m.end()
    spans.append((pos, len(row)))
    return spans


def column_widths(rows: Sequence[str]) -> list[int]:
    """The widest cell of each column, in terminal cells."""
    widths: list[int] = []
    for row in rows:
        for i, (a, b) in enumerate(table_cells(row)):
            size = cells(row[a:b])
            if i == len(widths):
                widths.append(size)
            elif size > widths[i]:
                widths[i] = size
    return widths


def field_of(block: object, name: str, default: Any = None) -> Any:
    """A block's field, whether the format layer gives objects or dicts."""
    if isinstance(block, dict):
        return block.get(name, default)
    return getattr(block, name, default)


def prefix_width(kind: int) -> int:
    """Cells drawn before the text of a line of this kind (a list item's own: ``Decor.prefix_width``)."""
    return len(IMAGE_MARK) if kind == IMAGE else INDENT.get(kind, 0)


LIST_INDENT = 2  # cells a nested list moves right, as glow draws it
MAX_DEPTH = 8  # deeper lists are drawn at this depth: the text keeps its width


def item_shapes(blocks: Sequence) -> dict[int, tuple[str, int]]:
    """Each list item's start -> (what its first line starts with, the cells its text hangs at):
    the marker the format gives ("1.", "a.", "[1]") indented by depth; an item with a depth but
    no marker (an item's second paragraph) hangs under the text of the last item at that depth;
    one the format says nothing about gets a bullet, as before."""
    out: dict[int, tuple[str, int]] = {}
    hangs: dict[int, int] = {}  # depth -> where the last marked item's text starts
    for block in blocks:
        if field_of(block, "kind") != "list_item":
            continue
        depth = min(int(field_of(block, "depth") or 1), MAX_DEPTH)
        marker = field_of(block, "marker")
        if field_of(block, "depth") is None:
            marker = BULLET.strip()
        lead = " " * (LIST_INDENT * (depth - 1))
        if marker:
            hangs[depth] = cells(lead + marker) + 1
            hangs = {d: h for d, h in hangs.items() if d <= depth}
            out[int(field_of(block, "start", 0))] = (lead + marker + " ", hangs[depth])
        else:
            hang = hangs.get(depth, len(lead) + len(BULLET))
            out[int(field_of(block, "start", 0))] = (" " * hang, hang)
    return out


def in_items(blocks: Sequence, items: dict[int, tuple[str, int]]) -> dict[int, int]:
    """Code or a table inside a list item (a block with a depth that is no item or quote) -> the cells
    it moves right: under the text of the last item at its depth, as glow draws ``1. Run:`` over its code."""
    out: dict[int, int] = {}
    hangs: dict[int, int] = {}  # depth -> where the last item's text starts
    for block in sorted(blocks, key=lambda b: int(field_of(b, "start", 0))):
        depth = field_of(block, "depth")
        if not depth or field_of(block, "kind") == "block_quote":  # a quote's depth is its nesting
            continue
        depth, start = min(int(depth), MAX_DEPTH), int(field_of(block, "start", 0))
        if field_of(block, "kind") == "list_item":
            hangs[depth] = items.get(start, ("", LIST_INDENT * depth))[1]
        else:
            out[start] = hangs.get(depth, LIST_INDENT * depth)
    return out


def quote_level(block: object) -> int:
    """How many bars a block quote gets: one for a quote, two for a quote inside it (a reply's reply)."""
    return min(int(field_of(block, "depth") or 1), MAX_DEPTH)


def outer_quotes(block: object) -> int:
    """How many bars a list item, code or table inside block quotes gets (a web page's quoted list): its
    ``quote`` level; a block quote's own bars are its depth."""
    return min(int(field_of(block, "quote") or 0), MAX_DEPTH)


def nested_definitions(blocks: Sequence) -> dict[int, int]:
    """List items with a depth over 1 and no marker (a manual page's nested definitions) -> the cells they
    move right: a nested tag stands where its parent's text does, as man draws it."""
    out: dict[int, int] = {}
    for block in blocks:
        depth = field_of(block, "depth")
        if field_of(block, "kind") == "list_item" and depth and int(depth) > 1 and not field_of(block, "marker"):
            out[int(field_of(block, "start"))] = INDENT[DEFINITION] * (min(int(depth), MAX_DEPTH) - 1)
    return out


def heading_style(level: int | None, accent: str | None) -> Style:
    """Level 1 underlined in the accent colour, level 2 in the accent colour, deeper ones bold."""
    if level is not None and level <= 2:
        return Style(bold=True, underline=level == 1, color=accent)
    return Style(bold=True)


def plain_emphasis(text: str) -> list[tuple[int, int, str]]:
    """Plain text that marks italics as "_word_" (Gutenberg): the word italic, its marks dimmed."""
    from reader.text.lines import italic_marks

    out = []
    for a, b in italic_marks(text):
        out += [(a, a + 1, "mark"), (a + 1, b - 1, "italic"), (b - 1, b, "mark")]
    return out


class Decor:
    """The declared blocks and links of the shown text, and the code lines highlighted so far."""

    def __init__(
        self,
        text: str = "",
        blocks: Sequence | None = None,
        links: Sequence | None = None,
        emphasis: Sequence | None = None,
    ) -> None:
        self.text = text
        self.blocks = Spans((int(field_of(b, "start")), int(field_of(b, "end")), b) for b in blocks or [])
        self.links = Spans(
            (int(field_of(k, "start")), int(field_of(k, "end")), str(field_of(k, "url"))) for k in links or []
        )
        declared = [
            (int(field_of(e, "start")), int(field_of(e, "end")), str(field_of(e, "kind"))) for e in emphasis or []
        ]
        self.emphasis = Spans(declared or plain_emphasis(text))
        self._code: dict[int, Text | None] = {}  # line start -> its highlighted text
        self._has_tables = any(field_of(b, "kind") == "table" for b in blocks or [])
        self._tables: dict[int, tuple[list[int], int]] = {}  # table start -> column widths, end of its header
        self._items = item_shapes(blocks or [])
        self._in_items = in_items(blocks or [], self._items)
        self._nested = nested_definitions(blocks or [])
        self._quoted = any(field_of(b, "quote") for b in blocks or [])
        self._dark = True

    def block_at(self, offset: int) -> object | None:
        found = self.blocks.overlapping(offset, offset + 1)
        return found[0][2] if found else None

    def forget_colours(self, dark: bool) -> None:
        """The theme changed: highlight code again in its colours."""
        if dark != self._dark:
            self._dark = dark
            self._code.clear()

    def line_text(self, start: int, end: int, kind: int) -> Text:
        """The line's text, highlighted when it is a line of code in a declared language."""
        if kind == CODE:
            if start not in self._code:
                self._highlight(start)
            found = self._code.get(start)
            if found is not None and len(found.plain) == end - start:
                return found.copy()
        return Text(self.text[start:end].replace("\n", " "), end="")

    def _highlight(self, line_start: int) -> None:
        block = self.block_at(line_start)
        language = field_of(block, "language") if block is not None else None
        start, end = (int(field_of(block, "start")), int(field_of(block, "end"))) if block is not None else (0, 0)
        code = self.text[start:end]
        self._code[line_start] = None  # tried: not again
        if not language or language == OUTPUT or len(code) > MAX_CODE:
            return
        from pygments.lexers import get_lexer_by_name
        from pygments.util import ClassNotFound
        from rich.syntax import Syntax

        try:
            lexer = get_lexer_by_name(language)
        except ClassNotFound:
            return
        syntax = Syntax(code, lexer, theme="ansi_dark" if self._dark else "ansi_light")
        highlighted = syntax.highlight(code)
        highlighted.rstrip()
        pos = start
        for line in highlighted.split("\n", allow_blank=True):
            line.end = ""
            self._code[pos] = line
            pos += len(line.plain) + 1

    def _table(self, start: int, kind: int) -> tuple[list[int], int] | None:
        """The column widths and the end of the header rows of the table holding a line, if it is in one."""
        if kind != PRE or not self._has_tables:
            return None
        block = self.block_at(start)
        if block is None or field_of(block, "kind") != "table":
            return None
        first = int(field_of(block, "start"))
        if first not in self._tables:
            rows = self.text[first : int(field_of(block, "end"))].split("\n")
            header = int(field_of(block, "header") or 0)
            header_end = first + sum(len(row) + 1 for row in rows[:header])
            self._tables[first] = (column_widths(rows), header_end)
        return self._tables[first]

    def table_pieces(self, start: int, end: int, kind: int) -> Pieces | None:
        """A table row's cells padded to their column's width and the separators between them;
        None for a line outside a table. Padding is added at display time: the text keeps its offsets."""
        table = self._table(start, kind)
        if table is None:
            return None
        widths = table[0]
        row = self.text[start:end]
        found: Pieces = []
        before = None
        for i, (a, b) in enumerate(table_cells(row)):
            if before is not None:
                found.append((start + before, start + a, 0))
            width = widths[i] if i < len(widths) else 0
            found.append((start + a, start + b, max(0, width - cells(row[a:b]))))
            before = b
        return found

    def arrange(self, text: Text, start: int, end: int, kind: int, styles: dict[str, Style]) -> Text:
        """A line's styled text as shown: a table row's columns aligned, its header bold over a rule;
        any other line as it is. ``text`` holds the line's characters one for one, highlights applied."""
        pieces = self.table_pieces(start, end, kind)
        if pieces is None:
            return text
        parts = []
        for i, (a, b, pad) in enumerate(pieces):
            part = text[a - start : b - start]
            if i % 2:  # a separator: a vertical bar, dimmed
                part.plain = part.plain.replace("|", COLUMN_BAR)
                part.stylize_before(styles["block_bar"])
            parts.append(part)
            if pad:
                parts.append(Text(" " * pad))
        shown = Text("", end="").join(parts)
        table = self._table(start, kind)
        if table is not None and start < table[1]:
            shown.stylize_before(HEADER_STYLE)
        return shown

    def rule(self, offset: int) -> Text:
        """The rule under a table's header rows (``offset``: the end of the last one): a line under
        each column, crossed where the columns' bars are."""
        table = self._table(offset, PRE)
        widths = table[0] if table is not None else []
        return Text("─┼─".join("─" * width for width in widths), end="")

    def shown_width(self, start: int, end: int, kind: int) -> int:
        """How wide a line as written is shown: a table row with its padding."""
        pieces = self.table_pieces(start, end, kind)
        if pieces is None:
            return end - start
        return sum(cells(self.text[a:b]) + pad for a, b, pad in pieces)

    def table_offset(self, start: int, end: int, kind: int, column: int) -> int | None:
        """The text offset shown at ``column`` cells into a table row (None on padding or off tables)."""
        used = 0
        for a, b, pad in self.table_pieces(start, end, kind) or ():
            for offset in range(a, b):
                used += cells(self.text[offset])
                if used > column:
                    return offset
            used += pad
            if used > column:
                return None
        return None

    def note_marks(self, start: int, end: int, kind: int) -> list[tuple[int, int]]:
        """Footnote marks on a line of prose, attached to the word before them (a "[1]" that starts a
        line is the note's own label, and one in code or a table is data)."""
        if kind not in REFLOWED:
            return []
        found = [
            (a, b)
            for a, b, url in self.links.overlapping(start, end)
            if str(url).startswith("#") and _NOTE_LINK.fullmatch(self.text, a, b) and self._attached(a)
        ]
        if "[" in self.text[start:end]:
            for m in _NOTE_MARK.finditer(self.text, start, end):
                a, b = m.span()
                code = any(how == "code" for _, _, how in self.emphasis.overlapping(a, b))
                if self._attached(a) and not code and not self.links.overlapping(a, b):
                    found.append((a, b))
        return found

    def _attached(self, offset: int) -> bool:
        return offset > 0 and not self.text[offset - 1].isspace() and self.text[offset - 1] not in "[("

    def paint(self, text: Text, start: int, end: int, styles: dict[str, Style]) -> None:
        """Emphasis, links and speaker labels (with their time) on a line's text, before any overlay."""
        for a, b, how in self.emphasis.overlapping(start, end):
            text.stylize(styles[f"emphasis_{how}"], max(a, start) - start, min(b, end) - start)
        for a, b, url in self.links.overlapping(start, end):
            text.stylize(styles["link"] + Style(link=str(url)), max(a, start) - start, min(b, end) - start)
        block = self.block_at(start)
        if block is None or field_of(block, "kind") != "turn" or int(field_of(block, "start")) < start:
            return
        for part, style in ((field_of(block, "time"), styles["time"]), (field_of(block, "speaker"), styles["speaker"])):
            where = self.text.find(part, start, end) if part else -1
            if where >= 0:
                text.stylize(style, where - start, where - start + len(part))

    def line_style(self, start: int, kind: int, styles: dict[str, Style]) -> Style | None:
        """A style for the whole line: a heading's by its level, an image's, a notebook output's, a
        message's byline (From, To, Date: dimmed, as a transcript's times are) and a figure's caption."""
        if kind == IMAGE:
            return styles["image"]
        if kind == QUOTED:
            return styles["block_quote"]
        if kind not in (HEADING, CODE, PROSE):
            return None
        block = self.block_at(start)
        if block is None:
            return styles["heading"] if kind == HEADING else None
        if kind == HEADING:
            level = field_of(block, "level")
            return styles.get(f"h{min(level or 3, 3)}", styles["heading"])
        if kind == CODE and field_of(block, "language") == OUTPUT:
            return styles["output"]
        if kind == PROSE and field_of(block, "kind") in ("byline", "caption"):
            return styles[str(field_of(block, "kind"))]
        return None

    def _item(self, start: int) -> tuple[str, int, bool]:
        """The list item holding ``start``: its first line's lead, where its text hangs, and
        whether ``start`` is on that first line."""
        block = self.block_at(start)
        if block is None:
            return BULLET, len(BULLET), True
        item_start = int(field_of(block, "start"))
        lead, hang = self._items.get(item_start, (BULLET, len(BULLET)))
        return lead, hang, item_start >= start

    def prefix_width(self, start: int, kind: int) -> int:
        """Cells drawn before the text of the line at ``start``."""
        outer = len(BAR) * self._outer(start)
        if kind == ITEM:
            return outer + self._item(start)[1]
        if kind == QUOTED:
            return self._moved(start) + len(BAR) * self._bars(start)
        return outer + prefix_width(kind) + self._nest(start, kind) + self._moved(start)

    def _outer(self, start: int) -> int:
        """Bars of the quotes a list item, code or table sits in (none for a block quote: its own are drawn)."""
        if not self._quoted:
            return 0
        block = self.block_at(start)
        return outer_quotes(block) if block is not None else 0

    def _moved(self, start: int) -> int:
        """Cells a block inside a list item (its code, table or quote) moves right, under the item's text."""
        if not self._in_items:
            return 0
        block = self.block_at(start)
        return self._in_items.get(int(field_of(block, "start")), 0) if block is not None else 0

    def _bars(self, start: int) -> int:
        block = self.block_at(start)
        return quote_level(block) if block is not None else 1

    def _nest(self, start: int, kind: int) -> int:
        """Cells a nested manual-page definition (its tag, a line of prose; its text) moves right."""
        if not self._nested or kind not in (PROSE, DEFINITION):
            return 0
        block = self.block_at(start)
        return self._nested.get(int(field_of(block, "start")), 0) if block is not None else 0

    def prefix(self, start: int, kind: int, styles: dict[str, Style]) -> list[Segment]:
        """What comes before the text: an item's marker (a number, a letter, a bullet) indented by its
        depth on its first line (its other lines hang under the text, as glow draws them), a bar
        beside a block quote, a mark before an image's alt text."""
        outer = self._outer(start) if kind != QUOTED else 0
        bars = [Segment(BAR * outer, styles["quote_block_bar"])] if outer else []
        if kind == ITEM:
            lead, hang, first = self._item(start)
            shown = lead if first else ""
            return [*bars, Segment(shown + " " * max(0, hang - cells(shown)), styles["bullet"])]
        moved = [*bars, Segment(" " * self._moved(start))] if self._in_items else bars
        if kind == QUOTED:
            return [*moved, Segment(BAR * self._bars(start), styles["quote_block_bar"])]
        if kind == IMAGE:
            return [*moved, Segment(IMAGE_MARK, styles["image_mark"])]
        nest = self._nest(start, kind)
        return [*moved, Segment(" " * nest)] if nest else moved


# A declared block's kind -> the kind of its screen lines (headings, turns, paragraphs: reflowed).
_LINE_KINDS = {"heading": HEADING, "list_item": ITEM, "block_quote": QUOTED, "image": IMAGE}
_AS_WRITTEN = {"preformatted": CODE, "table": PRE, "image": IMAGE}


def units_of_blocks(text: str, blocks: Sequence) -> list[Unit]:
    """Units from a format's declared blocks (schema 2): code, tables and images as written,
    list items and block quotes indented, everything else reflowed, one blank line between
    blocks; the text after the last block as the plain-text rules say."""
    found: list[Unit] = []
    pos = 0
    blocks = sorted(blocks, key=lambda b: int(field_of(b, "start", 0)))
    items = item_shapes(blocks)
    previous = None
    for block in blocks:
        start, end = int(field_of(block, "start", 0)), int(field_of(block, "end", 0))
        kind = field_of(block, "kind", "")
        if start < pos or end <= start:
            continue
        gap = bool(found) and not _same_list(previous, block)  # one blank line between blocks, not list items
        previous = block
        if kind in _AS_WRITTEN:
            rows = text[start:end].split("\n")
            header = int(field_of(block, "header") or 0) if kind == "table" else 0
            line_start = start
            for number, line in enumerate(rows, 1):
                found.append(Unit(line_start, line_start + len(line), _AS_WRITTEN[kind], gap_before=gap))
                line_start, gap = line_start + len(line) + 1, False
                if number == header < len(rows):  # the header rows end here: a rule line under them
                    found.append(Unit(line_start - 1, line_start - 1, RULE))
        else:
            indent = items[start][1] + len(BAR) * outer_quotes(block) if start in items else None
            if kind == "block_quote":  # its bars, one for each quote it is in
                indent = len(BAR) * quote_level(block)
            found.append(Unit(start, end, _LINE_KINDS.get(kind, PROSE), gap_before=gap, indent=indent))
        pos = end
    found += [replace(u, start=u.start + pos, end=u.end + pos) for u in units(text[pos:])]
    return found


def _same_list(before: object, block: object) -> bool:
    """A numbered or bulleted item right after another item: the list runs on without a blank line (as
    glow draws a list); an item's second paragraph, or items a format gives no depth, keep theirs."""
    if before is None or field_of(before, "kind") != "list_item" or field_of(block, "kind") != "list_item":
        return False
    depth, marker = field_of(block, "depth"), field_of(block, "marker")
    if field_of(before, "depth") is None or depth is None or marker is None:
        return False
    if depth != field_of(before, "depth"):
        return True  # a nested list opens, or the list goes back out to its parent's level
    bullet = field_of(before, "marker") == BULLET.strip()
    return bullet == (marker == BULLET.strip())  # a numbered list after a bulleted one is another list


def turn_speakers(blocks: Sequence | None) -> Spans:
    """A transcript's turns as spans whose value is the speaker's label, to say who said a sentence."""
    found = []
    for block in blocks or ():
        speaker = field_of(block, "speaker")
        if field_of(block, "kind") == "turn" and speaker:
            found.append((int(field_of(block, "start", 0)), int(field_of(block, "end", 0)), str(speaker)))
    return Spans(found)


def speaker_of(speakers: Spans, offset: int) -> str | None:
    """The label of the turn holding ``offset``, if it is in one."""
    found = speakers.overlapping(offset, offset + 1)
    return str(found[0][2]) if found else None


def heading_lines(text: str, sections: Sequence) -> list[tuple[int, int, str]]:
    """The heading line of each section a plain text names, with its style by level (as Markdown's)."""
    found = []
    for section in sections:
        start = section.heading_start
        if section.kind == "heading" and start is not None and start < len(text):
            end = text.find("\n", start)
            found.append((start, end if end >= 0 else len(text), f"h{min(max(section.level, 1), 3)}"))
    return found
