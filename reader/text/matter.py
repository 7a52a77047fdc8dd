"""Front and back matter (Project Gutenberg header and licence, a trailing "Source" line) and the title."""

from __future__ import annotations

import re
from bisect import bisect_left
from operator import attrgetter

from reader.text.headings import END_MARK, is_division_title
from reader.text.lines import BLANK, FRONT, FURNITURE, HEADING, TEXT, Line

_PG_START = re.compile(r"^\*\*\*\s*START OF (?:THIS|THE) PROJECT GUTENBERG[^\n]*", re.MULTILINE)
_PG_HEADER = re.compile(r"Project Gutenberg", re.IGNORECASE)
HEADER_CHARS = 1000  # a Project Gutenberg file names itself in its first lines
_PG_END = re.compile(
    r"^(?:\*\*\*\s*END OF (?:THIS|THE) PROJECT GUTENBERG|End of (?:the )?Project Gutenberg)", re.MULTILINE
)
_PG_TITLE = re.compile(r"^Title:[ \t]*(.+)$", re.MULTILINE)
_PRODUCED = re.compile(r"(?:Produced by|E-text prepared by|Transcribed from|This e-?text was)\b", re.IGNORECASE)
# Boilerplate blocks that standards documents carry before their abstract or body.
_BOILERPLATE = re.compile(
    r"(?:\d{1,2}\.?[ \t]+)?"
    r"(?:Status of [Tt]his Memo|Copyright Notice|IESG Note|Full Copyright Statement|Intellectual Property)\s*$"
)
# The same titles opening any line of the text: without one, there is no block to look for.
_BOILERPLATE_TITLES = (
    "Status of",
    "Copyright Notice",
    "IESG Note",
    "Full Copyright Statement",
    "Intellectual Property",
)
_BOILERPLATE_LINE = re.compile("^" + _BOILERPLATE.pattern, re.MULTILINE)
_FUNDING_NOTE = re.compile(r"Acknowledge?ments?\s*$")
_TRAILER = re.compile(r"(?:Source|Sources|Photo|Photos|Image)\s*(?::.*|\.)?$", re.IGNORECASE)


def body_bounds(text: str, lines: list[Line]) -> tuple[int, int]:
    """(start, end) of the body: what lies outside is front or back matter."""
    start, end = 0, len(text)
    m = _PG_START.search(text, 0, min(len(text), 20000))
    e = _PG_END.search(text, m.end()) if m else None
    # A START line quoted in some other note is no licence header: a real one opens a file that
    # names Project Gutenberg at its top, or is closed by an END line.
    if m and (e or _PG_HEADER.search(text, 0, HEADER_CHARS)):
        start = _skip_producer_lines(text, m.end())
        if e:
            end = e.start()
    trailer = _trailing_source_line(text, lines, start, end)
    if trailer is not None:
        end = trailer
    return start, end


_NOTES_TITLE = re.compile(r"(?:FOOT|END)?NOTES?[.:]?|(?:Foot|End)?[Nn]otes?[.:]?")


def notes_start(text: str, lines: list[Line], start: int, end: int) -> int:
    """Where the body ends when its last heading is a book's notes ("FOOTNOTES:", "NOTES"): the
    notes at the end are back matter, as a licence is; ``end`` when there are none."""
    last = next((line for line in reversed(lines) if line.kind == HEADING and start <= line.start < end), None)
    if last is None or last.level == -1 or last.marked or not _NOTES_TITLE.fullmatch(last.title):
        return end
    return last.start


def mark_boilerplate(text: str, lines: list[Line]) -> None:
    """An RFC's "Status of This Memo" and "Copyright Notice" (BCP 78) blocks are front matter:
    the title line (flush left) and its indented text, up to the next flush-left line."""
    if not any(title in text for title in _BOILERPLATE_TITLES) or not _BOILERPLATE_LINE.search(text):
        return
    inside = copyright_before = False
    for line in lines:
        if line.kind in (BLANK, FURNITURE):
            continue  # page breaks and running headers do not end a block
        first = text[line.start]
        if not (first.isupper() or first.isdigit() or first.isspace()):
            inside = False  # flush left and no boilerplate title
            continue
        raw = text[line.start : line.end]
        flush = not raw[:1].isspace()
        if flush:
            # The RFC Editor's funding note closes the copyright statement ("Acknowledgement").
            closing = copyright_before and _FUNDING_NOTE.match(raw) is not None
            inside = bool(_BOILERPLATE.match(raw)) or closing
            copyright_before = "Full Copyright" in raw and inside
            if inside:
                line.title = raw.strip()
        if inside and line.kind in (TEXT, HEADING):
            line.kind = FRONT


# The header block that opens an RFC or Internet-Draft: "Request for Comments: 8446", "Category: ...".
_RFC_HEADER_LINE = re.compile(
    r"(?:Request for Comments|Obsoletes|Updates|Category|ISSN|Intended [Ss]tatus|Expires|Internet-Draft"
    r"|Network Working Group|Internet Engineering Task Force)\b"
)
_RFC_NUMBER = re.compile(r"Request for Comments:[ \t]*(\d+)")
HEADER_LINES = 40  # the header block opens the document
CENTRED = 6  # a title line under the header is indented at least this much


def mark_rfc_header(text: str, lines: list[Line]) -> None:
    """An RFC's header block ("Network Working Group / Request for Comments: 2616 / Category: ...")
    and the centred title lines right under it are front matter, not a topic of the text."""
    block = _first_block(lines, 0)
    if not block or block[0] >= HEADER_LINES:
        return
    marked = [i for i in block if _RFC_HEADER_LINE.match(text, lines[i].start, lines[i].end)]
    if len(marked) < 2:
        return
    number = _RFC_NUMBER.search(text, lines[block[0]].start, lines[block[-1]].end)
    title = f"RFC {number.group(1)}" if number else text[lines[marked[0]].start : lines[marked[0]].end].split("  ")[0]
    under = _first_block(lines, block[-1] + 1)
    if under and all(_centred(text, lines[i]) for i in under):
        block += under  # the title, centred
    for i in block:
        lines[i].kind, lines[i].title = FRONT, ""
    lines[block[0]].title = title


def _first_block(lines: list[Line], start: int) -> list[int]:
    """Indexes of the run of text lines after the blank lines at ``start`` (none if something else comes first)."""
    first = start
    while first < len(lines) and lines[first].kind == BLANK:
        first += 1
    end = first
    while end < len(lines) and lines[end].kind == TEXT:
        end += 1
    return list(range(first, end))


def _centred(text: str, line: Line) -> bool:
    raw = text[line.start : line.end]
    return len(raw) - len(raw.lstrip(" ")) >= CENTRED and len(raw.strip()) <= 100


def _skip_producer_lines(text: str, pos: int) -> int:
    """Credits right after the Gutenberg START line ("Produced by …") are front matter too."""
    pos = text.find("\n", pos)
    pos = len(text) if pos < 0 else pos + 1
    while True:
        rest = pos
        while rest < len(text) and text[rest] in " \t\n":
            rest += 1
        m = _PRODUCED.match(text, rest)
        if not m:
            return pos
        para_end = text.find("\n\n", rest)
        pos = len(text) if para_end < 0 else para_end + 1


_MONTH = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December"
    r"|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.?"
)
# A closing attribution: "— CBC.ca, August 15, 2008", "-- Reuters".
_ATTRIBUTION = re.compile(r"(?:[—–]|--)[ \t]*[A-Z][^\n]{0,80}")
_BYLINE = re.compile(
    r"(?:By|BY|Written by|Reporting by|Story by)[ \t]+[A-Z][\w.'’-]*(?:[ \t,]+(?:and[ \t]+)?[A-Z][\w.'’-]*){0,6}"
)
_DATELINE = re.compile(
    rf"(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,?[ \t]+)?(?:{_MONTH}[ \t]+\d{{1,2}},?[ \t]+\d{{4}}"
    rf"|\d{{1,2}}[ \t]+{_MONTH}[ \t]+\d{{4}}|\d{{4}}-\d\d-\d\d)(?:[ \t,]+\d{{1,2}}:\d\d[^\n]{{0,12}})?"
)
TOP_LINES = 6  # bylines and datelines sit among the first lines of an article


def mark_bylines(text: str, lines: list[Line], body_start: int) -> None:
    """A byline ("By Jane Smith") standing alone at the top of an article is front matter; so is a
    dateline there: a date alone on a line that opens a paragraph, or opening the lead's first line
    ("Thursday, May 7, 2015 On Tuesday, the government ..."), which is cut off the line."""
    seen = 0
    i = bisect_left(lines, body_start, key=attrgetter("start"))
    while i < len(lines):
        line = lines[i]
        i += 1
        if line.kind == BLANK:
            continue
        seen += 1
        if seen > TOP_LINES:
            return
        if line.kind != TEXT and line.kind != HEADING:
            continue
        raw = text[line.start : line.end].strip()
        if line.kind == HEADING:  # a date is no heading ("Friday, January 3, 2014" over the lead)
            if _DATELINE.fullmatch(raw):
                line.kind, line.title, line.level = FRONT, raw, 0
            continue
        opens = i == 1 or lines[i - 2].kind != TEXT
        alone = opens and (i == len(lines) or lines[i].kind == BLANK)
        if len(raw) <= 80 and ((opens and _DATELINE.fullmatch(raw)) or (alone and _BYLINE.fullmatch(raw))):
            line.kind, line.title = FRONT, raw
        elif opens and (lead := _lead_after_date(text, line)) is not None:
            lines.insert(i, Line(lead, line.end))
            line.end = line.start + len(text[line.start : lead].rstrip())
            line.kind, line.title = FRONT, text[line.start : line.end].strip()
            i += 1


# A dateline with its year, then the lead's first word: "Thursday, May 7, 2015 On Tuesday, ...".
_DATE_THEN_CAPITAL = re.compile(rf"[ \t]*({_DATELINE.pattern})[ \t]+(?=[A-Z][a-z]*\b)")


def _lead_after_date(text: str, line: Line) -> int | None:
    """Where the lead starts when a dateline opens the line ("May 7, 2015 The ..."), else None."""
    m = _DATE_THEN_CAPITAL.match(text, line.start, line.end)
    return m.end() if m else None


# Where and when a book was written, closing it: "WEYBRIDGE, 1908-1910.", "London, March 1912."
_PLACE_DATE = re.compile(rf"[A-Z][A-Za-z.'’ -]{{1,40}},[ \t]+(?:{_MONTH}[ \t]+)?\d{{4}}(?:[-–]\d{{2,4}})?\.?")


def _trailing_source_line(text: str, lines: list[Line], start: int, end: int) -> int | None:
    """A short last paragraph such as "Source" or "Source: Reuters", or the place and years that close
    a book ("WEYBRIDGE, 1908-1910."), is back matter."""
    last = _last_lines(lines, start, end, 2)
    if len(last) < 2:
        return None
    line = last[-1]
    if last[-2].end + 1 >= line.start:  # part of a longer paragraph
        return None
    raw = text[line.start : line.end].strip()
    closing = (_TRAILER, _ATTRIBUTION, _DATELINE, _PLACE_DATE, END_MARK)
    if len(raw) <= 100 and any(pattern.fullmatch(raw) for pattern in closing):
        return line.start
    return None


def _last_lines(lines: list[Line], start: int, end: int, count: int) -> list[Line]:
    """The last ``count`` lines that are not blank and lie inside ``[start, end)``, in order
    (read from the end: lines are in order)."""
    found: list[Line] = []
    for line in reversed(lines):
        if line.start < start or len(found) == count:
            break
        if line.kind != BLANK and line.end <= end:
            found.insert(0, line)
    return found


METADATA_LINES = 30  # a "Title:" block opens the text, among its first lines


def mark_metadata(text: str, lines: list[Line], body_start: int) -> str:
    """A "Title: The Invisible Man" line among the body's first lines, with the "Author:",
    "Release Date:" lines around it, is front matter: returns the title it gives ("" when none)."""
    i = bisect_left(lines, body_start, key=attrgetter("start"))
    seen = 0
    while i < len(lines) and seen < METADATA_LINES and lines[i].kind in (BLANK, TEXT):
        m = _PG_TITLE.match(text, lines[i].start, lines[i].end)
        if m and lines[i].kind == TEXT:
            _mark_fields(text, lines, i)
            return m.group(1).strip()
        seen += lines[i].kind == TEXT
        i += 1
    return ""


_FIELD = re.compile(r"[A-Z][\w -]{0,30}:[ \t]")


def _mark_fields(text: str, lines: list[Line], i: int) -> None:
    """The block of "Field: value" lines around line ``i`` becomes one front-matter section."""
    first = i
    while first > 0 and lines[first - 1].kind == TEXT and _FIELD.match(text, lines[first - 1].start):
        first -= 1
    last = i
    while last + 1 < len(lines) and lines[last + 1].kind == TEXT and _FIELD.match(text, lines[last + 1].start):
        last += 1
    for line in lines[first : last + 1]:
        line.kind, line.title = FRONT, ""
    lines[first].title = text[lines[first].start : lines[first].end].strip()


def find_title(text: str, lines: list[Line], body_start: int, known: str = "") -> tuple[str, int | None]:
    """The document's own title, and the index of its line when that line is in the body. A title
    in the Gutenberg header comes first, then ``known`` (a "Title:" line, a book's title page)."""
    m = _PG_TITLE.search(text, 0, body_start) if body_start else None
    if m:
        return m.group(1).strip(), None
    if known:
        return known, None
    first = next((i for i, ln in enumerate(lines) if ln.kind != BLANK and ln.start >= body_start), None)
    if first is None:
        return "", None
    line = lines[first]
    if line.kind == HEADING and is_division_title(line.title):
        return "", None  # "PART ONE", "CHAPTER I" name a part of the book, not the book
    if line.kind == HEADING:
        line.title = without_date(line.title)
        return line.title, first
    if line.kind == TEXT and _is_headline(text, lines, first):
        return without_date(text[line.start : line.end].strip()), first
    return _centred_title(text, lines, first), None


# A dateline closing a headline's line: "... about 'self-medicating' ants Tuesday, September 1, 2015".
_DATED = re.compile(
    rf"(.+?)[ \t,]+(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,?[ \t]+{_MONTH}[ \t]+\d{{1,2}},?[ \t]+\d{{4}})"
)


def is_dateline(line: str) -> bool:
    """Whether a line is only a date ("Friday, January 3, 2014"): matter, never a heading or title."""
    return len(line) <= 80 and _DATELINE.fullmatch(line.strip()) is not None


def without_date(title: str) -> str:
    """A headline without the dateline that ends its line (a weekday says it is one)."""
    m = _DATED.fullmatch(title)
    return m.group(1) if m else title


def _centred_title(text: str, lines: list[Line], first: int) -> str:
    """A centred line alone near the top (RFCs, reports) is the title."""
    for i in range(first, min(len(lines), first + 60)):
        raw = text[lines[i].start : lines[i].end]
        alone = (i == 0 or lines[i - 1].kind == BLANK) and (i + 1 == len(lines) or lines[i + 1].kind == BLANK)
        indent = len(raw) - len(raw.lstrip(" "))
        if alone and indent >= 6 and 3 < len(raw.strip()) <= 100 and indent + len(raw.strip()) < 90:
            return raw.strip()
    return ""


def _is_headline(text: str, lines: list[Line], i: int) -> bool:
    """A news article's first line: short, alone, not a finished sentence, body after it."""
    raw = text[lines[i].start : lines[i].end].strip()
    if len(raw) > 150 or raw.endswith((".", ",", ";", ":")):
        return False
    if i + 1 < len(lines) and lines[i + 1].kind != BLANK:
        return False
    return any(ln.kind == TEXT for ln in lines[i + 1 :])


# A licence's own title set centred at the top: "GNU GENERAL PUBLIC LICENSE", "Apache License".
_LICENCE_TITLE = re.compile(r" {8,}(\S[^.\n]{0,60}\blicen[cs]e\b[^.\n]{0,30})", re.IGNORECASE)
_CENTRED_DETAIL = re.compile(r" {8,}(?:version\b|v?\d|https?://|\(c\)|copyright\b)", re.IGNORECASE)
CENTRED_DETAILS = 3  # a version line, a date, an address: at most this many under the title


def mark_licence_title(text: str, lines: list[Line]) -> None:
    """A licence text titled in its own centred lines is one titled document: the title line is its
    title ("GNU GENERAL PUBLIC LICENSE, Version 3, 29 June 2007"), the centred lines under it (version,
    date, address) shown as the title page, not sentences."""
    first = next((i for i, line in enumerate(lines) if line.kind != BLANK), None)
    if first is None or lines[first].kind not in (TEXT, HEADING):
        return
    found = _LICENCE_TITLE.fullmatch(text, lines[first].start, lines[first].end)
    if not found:
        return
    title = " ".join(found.group(1).split())
    details = []
    for line in lines[first + 1 : first + 1 + CENTRED_DETAILS]:
        if line.kind not in (TEXT, HEADING) or not _CENTRED_DETAIL.match(text, line.start, line.end):
            break
        details.append(line)
    if details and text[details[0].start : details[0].end].strip()[:1].isalnum():
        version = " ".join(text[details[0].start : details[0].end].split())
        title = f"{title}, {version}" if not version.startswith("http") else title
    lines[first].kind, lines[first].level, lines[first].title = HEADING, 0, title
    for line in details:
        line.kind = FURNITURE
