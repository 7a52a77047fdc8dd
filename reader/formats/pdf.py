"""PDF through pypdfium2: pages' lines rebuilt into paragraphs, running headers, footers and page
numbers dropped (lines repeated at the top or bottom of pages), hyphenated line ends joined, and
the outline (bookmarks) turned into headings with their levels.
"""

from __future__ import annotations

import re
import statistics
from collections import Counter
from dataclasses import dataclass
from typing import Any

from reader.formats import FormatError
from reader.formats.build import Builder
from reader.model import Document

EDGE_LINES = 2  # lines at the top and at the bottom of a page that may be running furniture
REPEAT_SHARE = 0.4  # of the pages, for a top or bottom line to count as a running header or footer
PARAGRAPH_END = 0.8  # a sentence-final line shorter than this share of the page's lines ends a paragraph
_GLYPH_CODES = re.compile(r"[\x00-\x08\x0e-\x1b\x7f]")
_PAGE_NUMBER = re.compile(r"^(?:page\s+)?[\divxlc]{1,6}(?:\s*(?:/|of)\s*\d+)?$", re.I)
_SENTENCE_END = re.compile(r"[.!?:;\"”’)]$")
_OPEN_END = re.compile(r"[;:]$")  # a clause ends, the sentence may go on
_FINISHED = re.compile(r"[.!?…][\"”’)\]]*$")  # a sentence ends here (a colon or semicolon goes on)
GAP_BREAK = 1.5  # a gap above a line this many times the page's usual line gap starts a paragraph
COLUMN_JUMP = 72.0  # points a line sits above the previous one when it starts the next column


HEADING_SIZE = 1.15  # without an outline, a short line in a font this much larger than the body is a heading
HEADING_CHARS = 120


_Carry = tuple[list[str], bool]  # an unfinished paragraph, and whether it waits on a lower-case line


@dataclass
class Line:
    text: str
    gap: float  # space between the previous line's bottom and this line's top, in points
    size: float = 0.0  # font size of the line's first character
    code: bool = False  # a definition's signature, a code block or a contents page, set as written
    x: float = 0.0  # left edge, in points
    width: float = 0.0  # from the left edge to the last character's right edge
    mono: bool = False  # set (mostly) in a monospace font


def read(source: str, data: bytes, limit: int) -> Document:
    import pypdfium2 as pdfium

    try:
        pdf = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as exc:
        if "password" in str(exc).lower():
            raise FormatError("is an encrypted PDF (it needs a password); cannot read it") from None
        raise FormatError("is not a readable PDF (corrupt or truncated)") from None
    try:
        pages = [_page_lines(pdf, i) for i in range(len(pdf))]
        marks = _outline(pdf)
        metadata = _metadata(pdf)
    except pdfium.PdfiumError:
        raise FormatError("is not a readable PDF (a page is corrupt)") from None
    finally:
        pdf.close()
    if not any(pages):
        raise FormatError("PDF has no text layer (scanned pages?); there is nothing to read")
    body = _body_size(pages)
    if not metadata.get("title"):
        metadata["title"] = _title_page(pages[0], body)
    _mono_body(pages)
    pages = [_set_blocks(_definitions(lines), body) for lines in _drop_furniture(pages, body)]
    if not marks:
        marks = _headings_by_size(pages, body)
    builder = Builder()
    carry: _Carry = ([], False)
    for index, lines in enumerate(pages):
        carry = _add_page(builder, lines, marks.get(index, []), carry)
    _flush(builder, carry[0])
    if not builder.blocks:
        raise FormatError("PDF has no text layer (scanned pages?); there is nothing to read")
    return builder.document(source, "pdf", metadata)


def line_text(piece: str) -> str:
    """A line as pdfium gives it, as shown: pdfium's mark of a hyphen it joined (\x02) dropped, and the
    glyph codes of a symbol font (\x01, \x12: no character to show) too; white space collapsed."""
    return " ".join(_GLYPH_CODES.sub("", piece.replace("\x02", "").replace("\ufffe", "")).split())


def _page_lines(pdf: Any, index: int) -> list[Line]:
    """The page's lines, each with the vertical gap above it (0 for the first) and its font size."""
    from pypdfium2 import raw as pdfium_c

    page = pdf[index]
    try:
        textpage = page.get_textpage()
        raw = textpage.get_text_range()
        lines = []
        probe = _MonoProbe(textpage)
        pos, last_bottom = 0, None
        for piece in raw.split("\r\n"):  # the line ends pdfium generates; char indexes count them
            # pdfium marks a hyphen at a line end it has joined: the word is whole again.
            text = line_text(piece)
            if text:
                first = pos + len(piece) - len(piece.lstrip())
                left, bottom, _, top = textpage.get_charbox(first, loose=True)
                last = pos + len(piece.rstrip()) - 1
                right = textpage.get_charbox(last, loose=True)[2]
                size = pdfium_c.FPDFText_GetFontSize(textpage.raw, first)
                gap = 0.0 if last_bottom is None else last_bottom - top
                mono = probe.line(first, last)
                lines.append(Line(text, gap, size, x=left, width=max(0.0, right - left), mono=mono))
                last_bottom = bottom
            pos += len(piece) + 2
        textpage.close()
    finally:
        page.close()
    return lines


_MONO_FONT = re.compile(
    r"mono|courier|nimbusmon|cmtt|cmsltt|lmtt|typewriter|consol|menlo|monaco|andale|cousine|code|fixed|\btt\b", re.I
)
MONO_SAMPLES = 6  # characters looked at per line: the font of a whole line without asking for every character
MONO_SHARE = 0.8  # of the sampled characters, for a line to count as set in a monospace font


def _mono_body(pages: list[list[Line]]) -> None:
    """A document set mostly in a monospace font (a text file printed, a typescript): its font tells
    no code from prose, so it is not taken as a sign of code."""
    lines = [line for page in pages for line in page]
    if sum(line.mono for line in lines) * 2 > len(lines):
        for line in lines:
            line.mono = False


class _MonoProbe:
    """Whether a line's characters, sampled evenly, are mostly in a monospace font (by its name or
    its fixed-pitch flag); font names are judged once a page."""

    def __init__(self, textpage: Any) -> None:
        import ctypes

        from pypdfium2 import raw as pdfium_c

        self.font_info = pdfium_c.FPDFText_GetFontInfo
        self.raw = textpage.raw
        self.buffer = ctypes.create_string_buffer(128)
        self.flags = ctypes.c_int()
        self.flags_ref = ctypes.byref(self.flags)
        self.fonts: dict[bytes, bool] = {}

    def line(self, first: int, last: int) -> bool:
        if not self._char(first):
            return False  # a line of code starts in the code's font: most lines are done in one look
        step = max(1, (last - first) // (MONO_SAMPLES - 1))
        indexes = range(first + step, last + 1, step)
        hits = 1 + sum(self._char(index) for index in indexes)
        return hits >= MONO_SHARE * (1 + len(indexes))

    def _char(self, index: int) -> bool:
        self.font_info(self.raw, index, self.buffer, 128, self.flags_ref)
        name = self.buffer.value
        if name not in self.fonts:
            plain = name.decode("latin-1").split("+")[-1]  # without a subset's tag ("ABCDEF+CMTT10")
            self.fonts[name] = bool(_MONO_FONT.search(plain))
        return self.fonts[name] or bool(self.flags.value & 1)  # flag bit 1: FixedPitch


def _outline(pdf: Any) -> dict[int, list[tuple[str, int]]]:
    """Bookmarks by page index: (title, level from 1)."""
    marks: dict[int, list[tuple[str, int]]] = {}
    try:
        for mark in pdf.get_toc(max_depth=8):
            dest = mark.get_dest()
            page = dest.get_index() if dest is not None else None
            title = " ".join((mark.get_title() or "").split())
            if page is not None and title:
                marks.setdefault(page, []).append((title, mark.level + 1))
    except Exception:  # a broken outline costs the headings, never the text
        return {}
    return marks


# What PDF makers write when nobody gave a title or author: no title at all.
_PLACEHOLDER = re.compile(
    r"^(?:untitled(?: document)?|anonymous|unknown|unspecified|none|title|author|document\d*"
    r"|microsoft (?:word|powerpoint|excel) - .*|.*\.(?:docx?|odt|rtf|txt|tex|dvi|pptx?|xlsx?|indd|pdf))$",
    re.I,
)


def _metadata(pdf: Any) -> dict[str, str]:
    meta = pdf.get_metadata_dict(skip_empty=True)
    out = {key: meta.get(key.title(), "").strip() for key in ("title", "author")}
    out = {key: ("" if _PLACEHOLDER.match(value) else value) for key, value in out.items()}
    date = re.match(r"D?:?(\d{4})(\d{2})?(\d{2})?", meta.get("CreationDate", ""))
    if date:
        out["date"] = "-".join(part for part in date.groups() if part)
    return out


def _title_page(lines: list[Line], body: float) -> str:
    """With no /Title, the first page's largest line (its consecutive lines at that size) set above the body."""
    big = [i for i, line in enumerate(lines) if _looks_like_heading(line, body)]
    if not big:
        return ""
    top = max(lines[i].size for i in big)
    first = next(i for i in big if lines[i].size == top)
    run = [lines[first].text]
    for line in lines[first + 1 :]:
        if abs(line.size - top) > 0.1 or len(run) >= 3:
            break
        run.append(line.text)
    return " ".join(run)


# A manual's definition line ends with its category (Texinfo's @deftypefn): "int f (char * s) [Function]".
_DEFINITION = re.compile(
    r"\s*\[(?:Function|Macro|Variable|Data Type|Type|Constant|Command|Special Form|User Option|Method|Class)\]\s*"
)
SIGNATURE_LINES = 4  # a signature wraps onto at most this many lines


def _definitions(lines: list[Line]) -> list[Line]:
    """A definition line and the lines its parentheses wrap onto become one signature, without its category."""
    out: list[Line] = []
    i = 0
    while i < len(lines):
        line = lines[i]
        if not _DEFINITION.search(line.text):
            out.append(line)
            i += 1
            continue
        parts = [_DEFINITION.sub(" ", line.text).strip()]
        i += 1
        while i < len(lines) and len(parts) < SIGNATURE_LINES and _unclosed(" ".join(parts)):
            parts.append(lines[i].text)
            i += 1
        out.append(Line(" ".join(parts), line.gap, line.size, code=True))
    return out


# A contents or index entry: its title, dotted leaders and a page number ("2.1 ASN.1 syntax. . . . 2").
_LEADER = re.compile(r"^(?P<title>.*?\S)\s*\.(?:\s*\.){2,}\s*(?P<page>\d+|[ivxlc]+)$", re.I)
# Code signs: an assignment or definition, a brace, a call, a statement's end, a comment.
_CODE_SIGN = re.compile(r"::=|:=|[{}]|\w\s*\([^()]*\)\s*[;{]?$|;$|^(?:--|//|#)\s|^[A-Z][A-Z0-9_-]*$")
_STRONG_SIGN = re.compile(r"::=|:=|[{}]|\w\s*\([^()]*\)\s*;$")
_BULLET = re.compile(r"^(?:[•◦▪‣·*–—]|-\s|\d+[.)]\s)")
CODE_LINE_CHARS = 72  # a line of code in a body font is no longer than this
# One line that is code on its own: a shell prompt and its command, a C preprocessor line, a statement
# ("x = f(y);", "f(y);"). Prose with a colon or parentheses has none of these shapes.
_ONE_LINE_CODE = re.compile(
    r"^\$ (?:sudo )?[A-Za-z./~][\w./+-]*(?:\s|$)"
    r"|^#\s*(?:include|define|undef|ifn?def|if|elif|else|endif|pragma)\b"
    r"|^[\w.\[\]>*-]+\s*[-+*/|&]?=\s*[^=\s].*[;{]$"
    r"|^[\w.>-]+\(.*\)\s*;$"
)


def _set_blocks(lines: list[Line], body: float) -> list[Line]:
    """Runs of lines that are set as written become one line each: a contents page (entries with
    dotted leaders), code in a monospace font, and code in the body font that has code's shape."""
    out: list[Line] = []
    margin = min((line.x for line in lines if not line.mono), default=float("inf"))
    i = 0
    while i < len(lines):
        end = _run_end(lines, i, (body, margin), out[-1] if out else None)
        if end > i:
            run = lines[i:end]
            text = _contents(run) if _LEADER.match(run[0].text) else _code(run)
            out.append(Line(text, run[0].gap, run[0].size, code=True, x=run[0].x))
            i = end
        else:
            out.append(lines[i])
            i += 1
    return out


def _run_end(lines: list[Line], i: int, page: tuple[float, float], before: Line | None) -> int:
    """Where a set-as-written run starting at ``lines[i]`` ends; ``i`` when none starts there.
    ``page`` is the body font size and the left margin of the page's prose lines."""
    body, margin = page
    if lines[i].code:
        return i
    if _LEADER.match(lines[i].text):
        end = i
        while end < len(lines) and (_LEADER.match(lines[end].text) or _wrapped_entry(lines, end)):
            end += 1
        return end if end - i >= 2 else i
    if before is not None and not (before.code or before.size > body * 1.05 or _SENTENCE_END.search(before.text)):
        return i  # a sentence goes on: a path or a name in a monospace font inside it
    if lines[i].mono and not _BULLET.match(lines[i].text):
        end = i
        while end < len(lines) and lines[end].mono and not lines[end].code and not _BULLET.match(lines[end].text):
            end += 1
        alone_ok = lines[i].x > margin + 2 or _STRONG_SIGN.search(lines[i].text) or _alone(lines, i)
        return end if end - i >= 2 or alone_ok else i
    return _body_code_end(lines, i)


def _wrapped_entry(lines: list[Line], i: int) -> bool:
    """A contents entry's title wrapped onto two lines: a short line whose next line has the leaders."""
    return i + 1 < len(lines) and bool(_LEADER.match(lines[i + 1].text)) and len(lines[i].text) < CODE_LINE_CHARS


def _body_code_end(lines: list[Line], i: int) -> int:
    """Code set in the body font: lines with code signs (``::=``, braces, calls, ``;`` ends), no prose;
    or one line of clear code between paragraphs."""
    if not _CODE_SIGN.search(lines[i].text):
        return i + 1 if _alone(lines, i) else i
    end = i
    while end < len(lines) and _codeish(lines[end]):
        end += 1
    while end > i and not _CODE_SIGN.search(lines[end - 1].text):
        end -= 1  # a trailing short line without a sign belongs to what follows
    run = lines[i:end]
    signed = sum(bool(_CODE_SIGN.search(line.text)) for line in run)
    strong = any(_STRONG_SIGN.search(line.text) for line in run)
    if len(run) >= 2 and strong and signed * 2 >= len(run):
        return end
    return i + 1 if _alone(lines, i) else i


def _alone(lines: list[Line], i: int) -> bool:
    """One line of clear code (``$ cargo build``, ``#include <stdio.h>``, ``x = f(y);``) that no prose
    line goes on from: the next line is code, or starts a sentence or something else than a word."""
    text = lines[i].text
    if len(text) > CODE_LINE_CHARS or not _ONE_LINE_CODE.search(text) or _prose(text):
        return False
    after = lines[i + 1] if i + 1 < len(lines) else None
    return after is None or after.code or after.mono or not after.text[:1].islower()


def _codeish(line: Line) -> bool:
    if line.code or line.mono or len(line.text) > CODE_LINE_CHARS or _BULLET.match(line.text):
        return False
    return not _prose(line.text)


def _prose(text: str) -> bool:
    """A line of running text: a sentence's end after some words, or mostly lower-case words."""
    words = text.split()
    if len(words) >= 5 and _FINISHED.search(text):
        return True
    lower = sum(word.isalpha() and word.islower() for word in words)
    return len(words) >= 7 and lower >= 0.6 * len(words)


LEVEL_STEP = 4.0  # font sizes: a contents entry further right than this starts a column, not a level


def _indents(run: list[Line], most: float = float("inf")) -> list[str]:
    """Each line's indentation in spaces, from its left edge against the run's leftmost line (none
    beyond ``most`` points: the next column of an index, not a deeper level)."""
    base = min(line.x for line in run)
    widths = sorted(line.width / len(line.text) for line in run if len(line.text) >= 4 and line.width > 0)
    char = widths[len(widths) // 2] if widths else max(run[0].size * 0.5, 1.0)
    return [" " * round((line.x - base) / char) if line.x - base <= most else "" for line in run]


def _code(run: list[Line]) -> str:
    """The run's lines with their indentation; a wide gap (a blank line in the source) kept as one."""
    gaps = [line.gap for line in run[1:] if line.gap > 0]
    pitch = min(gaps) if gaps else 0.0
    out: list[str] = []
    for index, (indent, line) in enumerate(zip(_indents(run), run)):
        if index and pitch and line.gap > GAP_BREAK * pitch:
            out.append("")
        out.append(indent + line.text)
    return "\n".join(out)


def _contents(run: list[Line]) -> str:
    """One entry a line, indented by level, with leaders that line the page numbers up."""
    entries: list[tuple[str, str]] = []
    held = ""
    for indent, line in zip(_indents(run, run[0].size * LEVEL_STEP), run):
        found = _LEADER.match(line.text)
        if found is None and len(line.text) <= 2:
            entries.append((indent + line.text, ""))  # an index's letter
        elif found is None:
            held = indent + line.text + " "  # the first line of a wrapped title
        else:
            entries.append(((held or indent) + found["title"], found["page"]))
            held = ""
    width = max(len(title) for title, page in entries if page) + 4
    return "\n".join(f"{title} {'.' * (width - len(title))} {page}" if page else title for title, page in entries)


def _unclosed(text: str) -> bool:
    return text.count("(") > text.count(")")


def _body_size(pages: list[list[Line]]) -> float:
    """The font size most of the text is set in."""
    sizes: Counter[float] = Counter()
    for lines in pages:
        for line in lines:
            sizes[round(line.size, 1)] += len(line.text)
    return sizes.most_common(1)[0][0] if sizes else 0.0


def _headings_by_size(pages: list[list[Line]], body: float) -> dict[int, list[tuple[str, int]]]:
    """With no outline, short lines set larger than the body text are the headings, ranked by size."""
    big = sorted({round(ln.size, 1) for p in pages for ln in p if _looks_like_heading(ln, body)}, reverse=True)
    rank = {size: level for level, size in enumerate(big, start=1)}
    marks: dict[int, list[tuple[str, int]]] = {}
    for index, lines in enumerate(pages):
        for line in lines:
            if _looks_like_heading(line, body):
                marks.setdefault(index, []).append((line.text, rank[round(line.size, 1)]))
    return marks


def _looks_like_heading(line: Line, body: float) -> bool:
    return line.size >= HEADING_SIZE * body and len(line.text) <= HEADING_CHARS and any(c.isalpha() for c in line.text)


def _shape(line: str) -> str:
    return re.sub(r"\d+", "#", line.lower())


def _drop_furniture(pages: list[list[Line]], body: float) -> list[list[Line]]:
    """Running headers, footers and page numbers out: edge lines that repeat across pages.

    A line set larger than the body is a heading ("Chapter 3" atop its first page), never furniture.
    """
    edges: Counter[str] = Counter()
    for lines in pages:
        edges.update({_shape(line.text) for line in lines[:EDGE_LINES] + lines[-EDGE_LINES:]})
    repeated = {shape for shape, n in edges.items() if len(pages) >= 2 and n >= max(2, REPEAT_SHARE * len(pages))}
    out = []
    for lines in pages:
        edge = set(range(min(EDGE_LINES, len(lines)))) | set(range(max(0, len(lines) - EDGE_LINES), len(lines)))
        drop = {
            i
            for i in edge
            if (_shape(lines[i].text) in repeated or _PAGE_NUMBER.match(lines[i].text))
            and not _looks_like_heading(lines[i], body)
        }
        out.append([line for i, line in enumerate(lines) if i not in drop])
    return out


def _add_page(builder: Builder, lines: list[Line], marks: list[tuple[str, int]], carry: _Carry) -> _Carry:
    """The page's headings and paragraphs into ``builder``; returns its last paragraph when it runs on.

    ``carry`` is the previous page's unfinished paragraph: a sentence cut by the page (or column)
    end, its last line full, goes on with this page's first line, not as a paragraph of its own.
    A short line ending in ";" or ":" ends its paragraph only when the next line does not go on in
    lower case (an item of a list, a clause of verse), on the same page or the next.
    """
    heads = {_key(title): level for title, level in marks}
    found = {_heading_key(line.text, heads) for line in lines} & set(heads)
    para, pending = carry
    for title, level in marks:
        if _key(title) not in found:
            _flush(builder, para)
            builder.add("heading", title, level)  # a bookmark whose title is not on the page
    widths = sorted(len(line.text) for line in lines)
    typical = widths[len(widths) * 3 // 4] if widths else 0
    gaps = [line.gap for line in lines[1:] if line.gap > 0]
    # The line pitch inside a paragraph: the lower quartile, as a page of one-line items (a reference
    # manual's parameters) has more paragraph gaps than line gaps.
    usual = statistics.quantiles(gaps, n=4)[0] if len(gaps) >= 3 else None
    for line in lines:
        key = _heading_key(line.text, heads)
        if key in found:
            _flush(builder, para)
            builder.add("heading", line.text, heads[key])
            found.discard(key)
            continue
        if line.code:
            _flush(builder, para)
            builder.add("preformatted", line.text)
            para, pending = [], False
            continue
        if _breaks_before(line, para, usual, pending):
            _flush(builder, para)
        para, pending = _join(para, line.text), False
        if _SENTENCE_END.search(line.text) and len(line.text) < PARAGRAPH_END * typical:
            pending = _OPEN_END.search(line.text) is not None
            if not pending:
                _flush(builder, para)
    if para and (pending or not _FINISHED.search(para[-1]) and len(para[-1]) >= PARAGRAPH_END * typical):
        return para, pending  # a full line cut mid-sentence; a short one (a slide's last bullet) ends its block
    _flush(builder, para)
    return [], False


def _breaks_before(line: Line, para: list[str], usual: float | None, pending: bool) -> bool:
    """Whether a paragraph ends before ``line``: a wide gap, a new column after a finished sentence,
    or a line that does not go on in lower case after a short line ending in ";" or ":". A sentence
    left unfinished goes on in a line that starts in lower case, whatever the gap (a line set
    higher by a formula or a mark in it)."""
    if para and line.text[:1].islower() and not _FINISHED.search(para[-1]) and not _OPEN_END.search(para[-1]):
        return False
    if usual is not None and line.gap > max(GAP_BREAK * usual, usual + 3):
        return True
    if line.gap < -COLUMN_JUMP and para and _FINISHED.search(para[-1]):
        return True  # the next column starts: a finished sentence ends its paragraph
    return pending and not line.text[:1].islower()


def _key(line: str) -> str:
    return " ".join(line.lower().split())


_SECTION_NUMBER = re.compile(r"^(?:(?:chapter|appendix|section)\s+)?(?:\d+|[A-Z])(?:\.\d+)*\.?\s+", re.I)


def _heading_key(line: str, heads: dict[str, int]) -> str:
    """The bookmark a line prints, its section number allowed: "2.1 ASN.1 syntax" for "ASN.1 syntax"."""
    key = _key(line)
    if key in heads:
        return key
    bare = _key(_SECTION_NUMBER.sub("", line, count=1))
    return bare if bare in heads and bare != key else key


def _join(para: list[str], line: str) -> list[str]:
    """Hyphenated line ends join into one word; other lines join with a space."""
    if para and re.search(r"\w-$", para[-1]) and line[:1].islower():
        para[-1] = para[-1][:-1] + line
    else:
        para.append(line)
    return para


def _flush(builder: Builder, para: list[str]) -> None:
    if para:
        builder.add("paragraph", " ".join(para))
        para.clear()
