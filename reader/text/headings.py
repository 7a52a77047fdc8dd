"""Headings the document names itself: Markdown, WikiText, numbered, chapters, ALL CAPS.

Each heading gets a rank; ``normalise_levels`` later turns ranks into levels 1, 2, …
so that a book with only chapters has chapters at level 1.
"""

from __future__ import annotations

import re
from bisect import bisect_left

from reader.text.lines import BLANK, CONTENTS, FENCE, FRONT, FURNITURE, HEADING, TEXT, Line, indexes

_ATX = re.compile(r" {0,3}(#{1,6})[ \t]+(.+?)(?:[ \t]+#+)?[ \t]*$")
_SETEXT = re.compile(r" {0,3}(=+|-+)[ \t]*$")
# "7.4. (EC)DHE Shared Secret Calculation", "8. 0-RTT and Anti-Replay", "10.1.1 100 Continue".
_NUMBERED = re.compile(r"((?:\d{1,3}\.)*\d{1,3})\.?[ \t]+([\w(][^\n]{0,78})$")
_CAPITAL_FIRST_WORD = re.compile(r"\(?[\w-]*[A-Z]")
# "Appendix A.  State Machine", "A.1.  Client", "E.1.2.  Client Authentication" (RFCs, reports).
_APPENDIX = re.compile(
    r"(?:Appendix|APPENDIX)[ \t]+[A-Z]\b\.?[ \t:]+\S[^\n]{0,78}$"
    r"|[A-Z]((?:\.\d{1,3})+)\.?[ \t]+\(?[\w-]*[A-Z][^\n]{0,78}$"
)
_NUMBER_PREFIX = re.compile(r"(?:(?:Appendix|APPENDIX)[ \t]+)?\S+[ \t]+")
# Front-matter parts of papers and books that stand alone as a word.
_NAMED_PART = re.compile(
    r"(?:Abstract|Foreword|Acknowledge?ments?|Contributors|Author(?:'s|s'|s)? Address(?:es)?|Index)\.?$", re.IGNORECASE
)
# An act of a play holds its scenes ("ACT I." over "SCENE II. A room in the castle."); "ACT I. SCENE I."
# on one line is a scene.
_BOOK = re.compile(
    r"((?:BOOK|PART|VOLUME)\s+(?:THE\s+)?(?:[0-9]+|[IVXLCDM]+|[A-Z]+)\b[^\n]{0,60}"
    r"|(?:ACT|Act)[ \t]+(?:[0-9]+|[IVX]+|[A-Z][a-zA-Z]+)\b(?![^\n]*\b(?:SCENE|Scene)\b)[^\n]{0,60}"
    r"|(?:FIRST |SECOND |THIRD )?EPILOGUE\b[^\n]{0,60}"
    r"|(?:Book|Part|Volume)\s+(?:the\s+)?(?:[0-9]+|[IVXLCDM]+|[A-Z][a-z]+)\b[^\n]{0,60}"
    r"|(?:VOL|Vol)\.\s*(?:[0-9]+|[IVXLCDM]+)\b\.?"
    r"|(?:ARTICLE|Article)\.?[ \t]+(?:[0-9]+|[IVXLC]+)\.?(?:[ \t]+[A-Z][^\n]{0,60})?)$"
)
# A roman numeral alone on a line, or with a short title ("XIV", "I.", "III. The Return"): a chapter
# only in a sequence (``keep_roman_chapters``), never a lone "I." in verse or a list.
_ROMAN_LINE = re.compile(
    r"([IVXLC]{1,7})\.?(?:(?:[ \t]+|[ \t]*(?:—|--|:)[ \t]*)([A-Z][^\n]{0,60}))?$"
)  # "I.—THE RIVER"
_ROMAN_VALUES = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100}
_END_FIRST = frozenset("EFT")  # what an END_MARK line opens with: the cheap test first
# A line that closes a book or one of its volumes ("THE END", "FINIS.", "END OF VOL. I."): no heading.
END_MARK = re.compile(
    r"(?:THE[ \t]+)?END(?:[ \t]+OF[ \t]+(?:THE[ \t]+)?(?:[A-Z]+[ \t]+)?(?:VOL(?:UME)?|BOOK|PART)\b[^\n]{0,20})?\.?"
    r"|FINIS\.?|The[ \t]+End\.?",
)
# "STAVE I." (A Christmas Carol) and "ADVENTURE I. A SCANDAL IN BOHEMIA" number chapters as "CHAPTER" does.
# Numbers spelled in lower case after a chapter word ("Chapter one", "Chapter twenty-one").
_SPELLED = r"(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|[a-z]+teen|twenty|thirty|forty|fifty)"
_CHAPTER = re.compile(
    r"((?:CHAPTER|Chapter|STAVE|Stave|ADVENTURE|Adventure)\s+(?:(?:THE|the)\s+)?"
    r"(?:[0-9]+|[IVXLCDM]+|[A-Z][a-zA-Z-]+)\b[^\n]{0,100}"
    rf"|(?:CHAPTER|Chapter)[ \t]+{_SPELLED}(?:-[a-z]+)?(?:[.:]?[ \t]+[A-Z][^\n]{{0,100}}|[.:])?"  # no sentence after
    r"|(?:SECTION|Section)\.?[ \t]+(?:[0-9]+|[IVXLC]+)\.?(?:[ \t]+[A-Z][^\n]{0,60})?"
    r"|(?:THE[ \t]+|The[ \t]+)?(?:PROLOGUE|Prologue|EPILOGUE|Epilogue|PREFACE|Preface|INTRODUCTION"
    r"|AFTERWORD|Afterword|POSTSCRIPT|Postscript|CONCLUSION|Conclusion)\.?"
    r"|(?:LETTER|Letter)\s+(?:[0-9]+|[IVXLCDM]+)\.?"
    r"|(?:(?:ACT|Act)[ \t]+(?:[0-9]+|[IVX]+|[A-Z][a-zA-Z]+)\.?[ \t]+)?"
    r"(?:SCENE|Scene)[ \t]+(?:[0-9]+|[IVX]+|[A-Z][a-zA-Z]+)\b[^\n]{0,100})$"
)
# A part that opens or closes a book beside its chapters: at their level unless chapters sit under it
# (War and Peace's "FIRST EPILOGUE: 1813 - 20" holds sixteen).
_END_PART = re.compile(
    r"(?:(?:THE|The|FIRST|SECOND|THIRD|First|Second|Third)[ \t]+)?"
    r"(?:PROLOGUE|EPILOGUE|PREFACE|INTRODUCTION|AFTERWORD|POSTSCRIPT|CONCLUSION"
    r"|Prologue|Epilogue|Preface|Introduction|Afterword|Postscript|Conclusion)\b"
)
_FENCE = re.compile(r" {0,3}(```|~~~)")
_CONTENTS_TITLE = re.compile(r"\s*(table of )?contents\.?\s*$", re.IGNORECASE)

_ENTRY_KINDS, _HEADING_KIND = frozenset({HEADING, CONTENTS}), frozenset({HEADING})

# Ranks: Markdown/WikiText/numbered use their depth (1-6); books and chapters sit
# above and between them so that mixed documents still nest sensibly.
RANK_BOOK, RANK_CHAPTER, RANK_CAPS = 1, 2, 1


# A number alone on a line ("1", "12.", "§ 3"): a chapter only in a sequence, as a roman numeral.
_NUMBER_LINE = re.compile(r"(?:§[ \t]*)?([1-9][0-9]{0,2})\.?")


def _roman_value(stripped: str) -> int:
    """The number of a chapter line in roman numerals ("XIV" -> 14, "IV. The Return" -> 4) or in
    figures alone ("12.", "§ 3"); 0 when it is none (a malformed numeral such as "IIII" or "VX" too)."""
    m = _ROMAN_LINE.match(stripped)
    if not m:
        number = _NUMBER_LINE.fullmatch(stripped)
        return int(number.group(1)) if number else 0
    values = [_ROMAN_VALUES[c] for c in m.group(1)]
    total = sum(-v if i + 1 < len(values) and v < values[i + 1] else v for i, v in enumerate(values))
    return total if total > 0 and _roman(total) == m.group(1) else 0


def _roman(n: int) -> str:
    out = ""
    for value, digits in ((100, "C"), (90, "XC"), (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV")):
        while n >= value:
            out, n = out + digits, n - value
    return out + "I" * n


ROMAN_RUN = 3  # chapters numbered I, II, III ... in a row: that many at least (two when they open at I)


def keep_roman_chapters(lines: list[Line]) -> None:
    """Roman numerals alone on a line are chapters when they count up in a run (I, II, III ..., each
    the one before plus one; a new run may start at I in the next part or volume); any other, a lone
    "I." in verse or "X" in a list, is text. Numerals with a title ("I. A SCANDAL IN BOHEMIA") and bare
    ones (the parts of each story) count apart."""
    found = [
        (i, value)
        for i in indexes(lines, _HEADING_KIND)
        if lines[i].level == RANK_CHAPTER and not lines[i].marked and (value := _roman_value(lines[i].title))
    ]
    for i, _ in found:
        if _NUMBER_LINE.fullmatch(lines[i].title) and not _prose_under(lines, i):
            _unmark(lines, i)  # a page number or a cell of a table extracted from print: no chapter
    found = [(i, value) for i, value in found if lines[i].kind == HEADING]
    for titled in (False, True):
        _keep_runs(lines, [(i, v) for i, v in found if _titled(lines[i].title) == titled])


PROSE_LINE = 50  # a chapter's text has lines this wide, where a table's cells do not


def _prose_under(lines: list[Line], i: int) -> bool:
    """A line as wide as prose comes under line ``i`` before the next heading."""
    for j in range(i + 1, len(lines)):  # stops at the first heading or wide line: no copy of the rest
        line = lines[j]
        if line.kind == HEADING:
            return False
        if line.kind == TEXT and line.end - line.start > PROSE_LINE:
            return True
    return False


def _titled(title: str) -> bool:
    m = _ROMAN_LINE.match(title)
    return bool(m and m.group(2))


def _keep_runs(lines: list[Line], found: list[tuple[int, int]]) -> None:
    run: list[int] = []
    previous = 0
    for i, value in [*found, (-1, 0)]:
        if value == previous + 1:
            run.append(i)
        else:
            if len(run) < ROMAN_RUN and not (len(run) == 2 and previous == 2):
                for j in run:
                    _unmark(lines, j)
            run = [i]
        previous = value
    # the sentinel (-1) closes the last run and is never a line


# A numbered division's kind and number: "ADVENTURE II." -> ("ADVENTURE", 2), "IV." -> ("", 4).
_DIVISION_NUMBER = re.compile(
    r"(?:(CHAPTER|STAVE|ADVENTURE|LETTER|BOOK|PART)[ \t]+)?([IVXLC]{1,7}|[1-9][0-9]{0,2})\b", re.I
)


def nest_restarting(lines: list[Line]) -> None:
    """Divisions of one kind whose every one is followed by a division of another kind numbered 1 (a
    story "ADVENTURE I." over its parts "I.", "II."; "I. A SCANDAL IN BOHEMIA" over "I.") hold them:
    they go a level up."""
    styled = []
    for i in indexes(lines, _HEADING_KIND):
        line = lines[i]
        if line.marked or line.level != RANK_CHAPTER:
            continue
        m = _DIVISION_NUMBER.match(line.title)
        if m:
            value = int(m.group(2)) if m.group(2).isdigit() else _roman_value(m.group(2))
            styled.append((i, (m.group(1) or "").upper() + ("+" if _titled(line.title) else ""), value))
    kinds = {kind for _, kind, _ in styled}
    if len(kinds) < 2:
        return
    for kind in kinds:
        places = [k for k, (_, own, _) in enumerate(styled) if own == kind]
        after = [styled[k + 1] if k + 1 < len(styled) else None for k in places]
        if len(places) >= 2 and all(a is not None and a[1] != kind and a[2] == 1 for a in after):
            for k in places:
                lines[styled[k][0]].level = RANK_BOOK


def settle_end_parts(lines: list[Line]) -> None:
    """In a book of chapters, a prologue, preface, epilogue, afterword or conclusion ("THE EPILOGUE" in
    capitals too) is a division at the chapters' level; only one with chapters right under it, no text
    between ("FIRST EPILOGUE: 1813 - 20" / "CHAPTER I"), sits above them."""
    heads = [i for i in indexes(lines, _HEADING_KIND) if not lines[i].marked and lines[i].level > 0]
    parts = {i for i in heads if _END_PART.match(lines[i].title)}
    if sum(lines[i].level == RANK_CHAPTER and is_division_title(lines[i].title) for i in heads) - len(parts) < 2:
        return
    for k, i in enumerate(heads):
        if i not in parts:
            continue
        after = heads[k + 1] if k + 1 < len(heads) else len(lines)
        holds = (
            after < len(lines)
            and after not in parts
            and lines[after].level == RANK_CHAPTER
            and not any(line.kind == TEXT for line in lines[i + 1 : after])
        )
        lines[i].level = RANK_BOOK if holds else RANK_CHAPTER


# A chapter line that gives only its number: "CHAPTER I", "Chapter 12.", "XIV".
_BARE_CHAPTER = re.compile(
    r"(?:(?:CHAPTER|Chapter|STAVE|Stave)[ \t]+(?:[0-9]+|[IVXLCDM]+)|[IVXLC]{1,7}|(?:§[ \t]*)?[1-9][0-9]{0,2})\.?"
)
SUBTITLE_GAP = 4  # blank lines at most between a chapter's number and its title


def join_chapter_subtitles(text: str, lines: list[Line]) -> None:
    """A chapter that gives only its number, with its title alone on a line below it ("CHAPTER I" /
    "THE STRANGE MAN'S ARRIVAL", "CHAPTER I." / "Down the Rabbit-Hole"), has one heading: the title
    joins the number, and never heads a part above the chapters or opens their text."""
    for i in indexes(lines, _HEADING_KIND):
        line = lines[i]
        if line.marked or line.level != RANK_CHAPTER or not _BARE_CHAPTER.fullmatch(line.title):
            continue
        j, blanks = i + 1, 0
        while j < len(lines) and blanks < SUBTITLE_GAP and lines[j].kind in (BLANK, FURNITURE):
            blanks += lines[j].kind == BLANK  # a picture between the number and the title ("[Illustration]")
            j += 1
        if j == i + 1 or j >= len(lines) or not _alone(lines, j) or lines[j].kind not in (TEXT, HEADING):
            continue
        below = lines[j]
        subtitle = text[below.start : below.end].strip()
        if (below.kind == HEADING and below.level != RANK_CAPS) or not _title_like(subtitle):
            continue
        if is_division_title(subtitle):
            continue
        joint = " " if line.title.endswith(".") else ". "
        line.title = f"{line.title}{joint}{subtitle}"
        below.kind, below.level, below.title = HEADING, -1, ""


def mark_headings(text: str, lines: list[Line]) -> None:
    in_fence = False
    last = len(lines) - 1
    for i, line in enumerate(lines):
        if line.kind != TEXT:
            continue
        if not in_fence and text[line.start].islower() and (i == last or not _may_underline(text, lines[i + 1])):
            continue  # a line opening in lower case is a heading only when underlined (setext)
        raw = text[line.start : line.end]
        if _FENCE.match(raw):
            in_fence = not in_fence
            line.kind = FENCE
            continue
        if in_fence:
            line.kind = FENCE
            continue
        if raw.lstrip()[:1] in _END_FIRST and _alone(lines, i) and END_MARK.fullmatch(raw.strip()):
            line.kind = FURNITURE  # "END OF VOL. I.", "FINIS.": page furniture, neither heading nor text
            continue
        found = _heading(raw, lines, i, text)
        if found:
            line.kind, line.level, line.title = HEADING, found[0], found[1]


def _may_underline(text: str, line: Line) -> bool:
    """Whether ``line`` could be a setext underline (``_SETEXT``: up to three spaces, = or -)."""
    return line.kind == TEXT and text[line.start] in " =-"


def _heading(raw: str, lines: list[Line], i: int, text: str) -> tuple[int, str] | None:
    marked = _marked_heading(raw, lines, i, text)
    if marked:
        lines[i].marked = True
        return marked
    stripped = raw.strip()
    if stripped[:1].islower():
        return None  # every other rule wants a capital, a digit or "(" first
    if _alone(lines, i):
        return _alone_heading(raw, stripped)
    return _wrapped_heading(raw, stripped, lines, i, text)


def _marked_heading(raw: str, lines: list[Line], i: int, text: str) -> tuple[int, str] | None:
    """Markdown ATX and setext headings, WikiText's "= = Title = =": (rank, title)."""
    m = _ATX.match(raw)
    if m:
        return len(m.group(1)), m.group(2).strip()
    stripped = raw.strip()
    if stripped.startswith("="):
        wiki = _wiki_heading(stripped)
        if wiki:
            return wiki
    setext = _setext_level(text, lines, i)
    return (setext, stripped) if setext else None


def _alone_heading(raw: str, stripped: str) -> tuple[int, str] | None:
    """A line standing alone: numbered, a named part, a book or chapter, or capitals."""
    if not raw[:1].isspace() and not stripped.endswith((",", ";", ":")):
        numbered = _numbered_rank(raw, stripped)
        if numbered:
            return numbered, stripped
    if _roman_value(stripped):
        return RANK_CHAPTER, stripped
    if _NAMED_PART.match(stripped) or _BOOK.match(stripped):
        return RANK_BOOK, stripped
    if _CHAPTER.match(stripped):
        return RANK_CHAPTER, stripped
    if _all_caps(stripped):
        return RANK_CAPS, stripped
    return None


def _wrapped_heading(raw: str, stripped: str, lines: list[Line], i: int, text: str) -> tuple[int, str] | None:
    """A long chapter or numbered title wrapped onto a second short line ("CHAPTER 73. Stubb and
    Flask kill a Right Whale; and Then Have a Talk / over Him."); or a short numbered title with
    its section's text right under it, indented but not at the title's column (RFCs)."""
    if i + 1 >= len(lines) or lines[i + 1].kind != TEXT or (i > 0 and lines[i - 1].kind == TEXT):
        return None
    below = text[lines[i + 1].start : lines[i + 1].end]
    follow = below.strip()
    one_more = i + 2 < len(lines) and lines[i + 2].kind == TEXT
    if _CHAPTER.match(stripped):
        if not one_more:
            return None if len(follow) > 60 else _joined(lines, i, RANK_CHAPTER, stripped, follow)
        return _long_chapter_title(text, lines, i, stripped)
    if _BOOK.match(stripped) and not one_more and _title_like(follow):  # "PART ONE" / "THE CITY"
        return _joined(lines, i, RANK_BOOK, stripped if stripped.endswith((".", ":")) else f"{stripped}.", follow)
    rank = 0 if raw[:1].isspace() or stripped.endswith((".", ",", ";", ":")) else _numbered_rank(raw, stripped)
    if not rank:
        return None
    indent = len(below) - len(below.lstrip())
    if abs(indent - _title_column(raw)) <= 1:  # a title wrapped under itself (RFC 2616's 19.6.1.1)
        wrapped = not one_more and len(follow) <= 60 and _continues_title(stripped, follow)
        return _joined(lines, i, rank, stripped, follow) if wrapped else None
    return (rank, stripped) if indent and len(stripped) <= 60 else None  # "3.3.  Numbers" over its text


CHAPTER_TITLE_LINES = 4  # a chapter's title may run over this many lines (a list of who drives out, and where)


def _long_chapter_title(text: str, lines: list[Line], i: int, stripped: str) -> tuple[int, str] | None:
    """A chapter title wrapped over three or four lines ("Chapter VI: The Reverend Arthur Beebe, ... /
    ... Drive Out in Carriages to See a / View; Italians Drive Them."): the block ends at a blank
    line and reads in title case, where a chapter's first paragraph does not."""
    end = i + 1
    while end < len(lines) and lines[end].kind == TEXT:
        end += 1
    if end - i > CHAPTER_TITLE_LINES or any(line.end - line.start > 75 for line in lines[i:end]):
        return None
    title = " ".join(text[line.start : line.end].strip() for line in lines[i:end])
    if _capital_share(title) < 0.75:
        return None
    for line in lines[i + 1 : end]:
        line.kind, line.level = HEADING, -1
    return RANK_CHAPTER, title


def _capital_share(title: str) -> float:
    """The share of a title's words, small words apart, that open with a capital."""
    content = [w for w in _WORD.findall(title) if w.lower() not in _SMALL_WORDS]
    return sum(w[0].isupper() for w in content) / len(content) if content else 1.0


def _joined(lines: list[Line], i: int, rank: int, stripped: str, follow: str) -> tuple[int, str]:
    """The title and its second line, which belongs to the heading ("Multi-" + "homed": no space)."""
    lines[i + 1].kind, lines[i + 1].level = HEADING, -1
    return rank, f"{stripped}{follow}" if stripped.endswith("-") else f"{stripped} {follow}"


def _title_column(raw: str) -> int:
    """Where the title's words start after its number: 9 in "19.6.1.1 Changes", 13 in "Appendix B.  Protocol"."""
    m = _NUMBER_PREFIX.match(raw)
    return m.end() if m else 0


def _continues_title(stripped: str, follow: str) -> bool:
    """A title's second line: no sentence or clause ends it, and it goes on in title case
    ("Conserve IP / Addresses") or a hyphenated word ("Multi- / homed")."""
    if follow.endswith((".", ",", ";", ":", "!", "?")):
        return False
    return follow[0].isupper() or follow[0].isdigit() or follow[0] == "(" or stripped.endswith("-")


def _wiki_heading(stripped: str) -> tuple[int, str] | None:
    """WikiText's " = = Title = = ": as many spaced markers open as close it (a scan, not a regex,
    so a line of markers stays linear)."""
    i = left = 0
    while i + 1 < len(stripped) and stripped[i] == "=" and stripped[i + 1].isspace():
        left, i = left + 1, i + 2
    j, right = len(stripped), 0
    while j > i and (stripped[j - 1] == "=" or stripped[j - 1].isspace()):
        right += stripped[j - 1] == "="
        j -= 1
    title = stripped[i:j].strip()
    if not left or left != right or not title or not stripped[j].isspace():
        return None
    return left, title


def _numbered_rank(raw: str, stripped: str) -> int:
    """Depth of "2.1. Title" (2) or "Appendix B." (1) / "B.2.1. Title" (3); 0 when not numbered."""
    m = _NUMBERED.match(raw)
    if m and not stripped.endswith("."):
        depth = m.group(1).count(".") + 1
        title = m.group(2)
        # "2.1.3 http URL" names a section; "3 apples" or "1. the item" does not.
        if _CAPITAL_FIRST_WORD.match(title) or (depth > 1 and any(c.isupper() for c in title)):
            return depth
    m = _APPENDIX.match(raw)
    if m:
        return 1 + (m.group(1) or "").count(".")
    return 0


# Words that stay lower case inside a title ("Resumption and Pre-Shared Key").
_SMALL_WORDS = frozenset("a an and as at by for from in into is not of on or over per the to via vs with".split())
_WORD = re.compile(r"[^\W\d_][\w'’/-]*")
_TITLE_WORDS = 12  # a numbered line longer than this is a sentence or a list item


def drop_lone_numbers(lines: list[Line]) -> None:
    """A numbered line is a heading only with heading evidence: a title-like line, or a short
    one numbered in sequence with other numbered headings that head text ("7.3." and "7.4.",
    "2." under "1."). A lone "2. Second item" between paragraphs, "1. Residents were told ...",
    or a list of numbered lines with nothing under them ("1. Open the box" / "2. Read the manual")
    is text."""
    numbers = {}
    headings = [i for i in indexes(lines, _HEADING_KIND) if lines[i].level != -1]  # not a title's second line
    for i in headings:
        line = lines[i]
        if not line.marked and line.level > 0:
            m = _NUMBERED.match(line.title)
            if m:
                numbers[i] = tuple(int(n) for n in m.group(1).split("."))
    present = {number for i, number in numbers.items() if _heads_text(lines, i, headings, numbers)}
    for i, number in numbers.items():
        title = _NUMBERED.match(lines[i].title)
        if title is not None and not _numbered_evidence(number, title.group(2), present):
            _unmark(lines, i)


def _heads_text(lines: list[Line], i: int, headings: list[int], numbers: dict[int, tuple[int, ...]]) -> bool:
    """Text comes under heading ``i`` before the next heading, or that heading is its first child."""
    k = bisect_left(headings, i + 1)
    end = headings[k] if k < len(headings) else len(lines)
    if any(line.kind == TEXT for line in lines[i + 1 : end]):
        return True
    return end in numbers and numbers[end] == numbers[i] + (1,)


def _numbered_evidence(number: tuple[int, ...], title: str, present: set[tuple[int, ...]]) -> bool:
    words = _WORD.findall(title)
    if len(words) > _TITLE_WORDS:
        return False
    capitals = _capital_share(title)
    if capitals >= 0.75:
        return True  # title case: "Presentation Language", "(EC)DHE Shared Secret Calculation"
    if not _in_sequence(number, present):
        return False
    return len(number) > 1 or capitals >= 0.5  # "3.2.2 http URL" has its number's depth as evidence


def _in_sequence(number: tuple[int, ...], present: set[tuple[int, ...]]) -> bool:
    """A sibling just before or after it, its parent, or a first child is numbered too."""
    head, last = number[:-1], number[-1]
    return (
        head + (last - 1,) in present
        or head + (last + 1,) in present
        or (bool(head) and head in present)
        or number + (1,) in present
    )


def _unmark(lines: list[Line], i: int) -> None:
    lines[i].kind, lines[i].level, lines[i].title = TEXT, 0, ""
    if i + 1 < len(lines) and lines[i + 1].kind == HEADING and lines[i + 1].level == -1:
        lines[i + 1].kind, lines[i + 1].level = TEXT, 0  # the title's second line goes back too


def _setext_level(text: str, lines: list[Line], i: int) -> int:
    """A line underlined with === or --- (and preceded by a break) is a heading."""
    if i + 1 >= len(lines) or lines[i + 1].kind != TEXT:
        return 0
    under = text[lines[i + 1].start : lines[i + 1].end]
    m = _SETEXT.match(under)
    if not m or len(m.group(1)) < 3:
        return 0
    if i > 0 and lines[i - 1].kind == TEXT:
        return 0
    lines[i + 1].kind = HEADING  # the underline belongs to the heading
    lines[i + 1].level = -1
    return 1 if m.group(1)[0] == "=" else 2


def _alone(lines: list[Line], i: int) -> bool:
    """A heading candidate stands alone: no text line right before or after it."""
    before = i == 0 or lines[i - 1].kind != TEXT
    after = i + 1 >= len(lines) or lines[i + 1].kind != TEXT
    return before and after


_CAPS_LINE = re.compile(r"[A-Z0-9][A-Z0-9 .,:;'’&()!?/–—-]*")


def _all_caps(s: str) -> bool:
    if len(s) > 70 or len(s) < 4 or not _CAPS_LINE.fullmatch(s):
        return False
    letters = [c for c in s if c.isalpha()]
    if len(letters) < 4 or not all(c.isupper() for c in letters):
        return False
    words = [w for w in s.split() if any(c.isalpha() for c in w)]
    # One short shouted word ("OK", "NOTE:") or a sentence in capitals is not a heading.
    return len(words) >= 1 and not s.endswith((",", ";")) and sum(len(w) >= 3 for w in words) >= 1


def mark_contents(text: str, lines: list[Line]) -> None:
    """A table of contents is a run of headings with nothing between them: not sections.

    Runs of four or more headings (and dot-leader lines) with only blank lines or
    page furniture between them, plus a preceding "Contents" line, become one
    contents block; the headings that end the run and open the text stay headings,
    unless the same title comes back as a heading later (then it was an entry).
    """
    entries = indexes(lines, _ENTRY_KINDS)
    last_seen = {_key(lines[i].title): i for i in entries if lines[i].kind == HEADING}
    opening = [i for i in entries if not lines[i].marked and not (lines[i].kind == HEADING and lines[i].level == -1)]
    run: list[int] = []
    i, k = 0, 0
    while i < len(lines):
        if not run:  # no run open: only an entry can open one, so go to the next (the common case)
            k = bisect_left(opening, i, k)
            if k == len(opening):
                break
            i = opening[k]
        line = lines[i]
        i += 1
        if line.kind in (BLANK, FURNITURE) or (line.kind == HEADING and line.level == -1):
            continue
        if line.kind in (HEADING, CONTENTS) and not line.marked:
            run.append(i - 1)
        elif line.kind == TEXT and _in_toc(text, lines, run) and _inside_contents(lines, i - 1):
            run.append(i - 1)  # a wrapped entry or a sub-title line between entries
        else:
            _close_run(text, lines, run, last_seen)
            run = []
    _close_run(text, lines, run, last_seen)


CONTENTS_ENTRY = 70  # a contents entry is a short line
LISTED_EVIDENCE = 3  # entries that come back as titles alone, for a listed contents to count


def mark_listed_contents(text: str, lines: list[Line]) -> int | None:
    """A "Contents" line over a list of short lines (indented, numbered or not) whose titles come back
    below as lines alone (a collection of stories titled in capitals, "ADVENTURE I. A SCANDAL IN
    BOHEMIA" for "A Scandal in Bohemia"): the list is one contents block and each title that comes back
    is a heading, even with no chapter word. Returns where the list starts (None when there is none)."""
    opening = _contents_line(text, lines)
    if opening is None:
        return None
    entries = _listed_entries(text, lines, opening)
    keys = {_entry_key(text[lines[i].start : lines[i].end]): i for i in entries}
    found: dict[int, int] = {}  # entry -> the line alone where its title comes back
    for j in range(entries[-1] + 1 if entries else len(lines), len(lines)):
        line = lines[j]
        if line.kind not in (TEXT, HEADING) or not _alone(lines, j) or line.end - line.start > CONTENTS_ENTRY:
            continue
        own = _key(text[line.start : line.end])
        entry = next((keys[k] for k in keys if own == k or own.endswith(" " + k)), None)
        if entry is not None and entry not in found:
            found[entry] = j
    if len(found) < LISTED_EVIDENCE:
        return None
    for line in lines[opening : entries[-1] + 1]:
        if line.kind in (TEXT, HEADING):
            line.kind, line.level, line.marked = CONTENTS, 0, False
    for j in found.values():
        line = lines[j]
        if line.kind == TEXT:  # at the level of the titles in capitals beside it
            line.kind, line.level, line.title = HEADING, RANK_CAPS, text[line.start : line.end].strip()
    return lines[opening].start


_CONTENTS_WORD = re.compile(r"CONTENTS|Contents")  # a title line opens with a capital


def _contents_line(text: str, lines: list[Line]) -> int | None:
    """The first line that is only a contents title, found from the word's few places in the text."""
    for m in _CONTENTS_WORD.finditer(text):
        i = bisect_left(lines, m.start() + 1, key=_line_end)
        if i < len(lines) and _contents_title(text, lines[i]):
            return i
    return None


def _line_end(line: Line) -> int:
    return line.end


def _contents_title(text: str, line: Line) -> bool:
    return line.kind in (TEXT, HEADING) and _CONTENTS_TITLE.match(text, line.start, line.end) is not None


def _listed_entries(text: str, lines: list[Line], opening: int) -> list[int]:
    """The short lines under a contents title, up to a long line or a title listed twice."""
    out: list[int] = []
    seen: set[str] = set()
    for j in range(opening + 1, len(lines)):
        line = lines[j]
        if line.kind in (BLANK, FURNITURE):
            continue
        key = _entry_key(text[line.start : line.end])
        if line.kind not in (TEXT, HEADING) or line.end - line.start > CONTENTS_ENTRY or key in seen or not key:
            break
        if _opens_text(lines, j):
            break
        seen.add(key)
        out.append(j)
    return out


def _opens_text(lines: list[Line], j: int) -> bool:
    """A heading with its title alone under it, or prose under it (the first chapter after the list)."""
    k = j + 1
    while k < len(lines) and lines[k].kind == BLANK:
        k += 1
    if k == len(lines):
        return True
    below = lines[k]
    subtitle = below.kind == HEADING and below.level == -1 and k > j + 1  # "CHAPTER I." / "" / "The Arrival"
    return subtitle or (below.kind == TEXT and below.end - below.start > CONTENTS_ENTRY)


_ENTRY_NUMBER = re.compile(r"^(?:[IVXLC]{1,7}\.|\d{1,3}\.|(?:chapter|stave|adventure)\s+\S+)\s+|\s+\d{1,4}$", re.I)


def _entry_key(raw: str) -> str:
    """An entry's title without its number and page ("I. A Scandal in Bohemia   3" -> "a scandal in bohemia")."""
    return _key(_ENTRY_NUMBER.sub("", raw.strip()))


def _key(title: str) -> str:
    return " ".join(title.split()).rstrip(".").lower()


def _in_toc(text: str, lines: list[Line], run: list[int]) -> bool:
    """Already in a table of contents: entries outnumber loose lines two to one, and there
    are three of them or a "Contents" title opened the run."""
    entries = sum(1 for i in run if lines[i].kind != TEXT)
    if entries < 2 * (len(run) - entries):
        return False
    return entries >= 3 or bool(run and _CONTENTS_TITLE.match(text, lines[run[0]].start, lines[run[0]].end))


def _inside_contents(lines: list[Line], i: int) -> bool:
    """Short blocks of one or two text lines (wrapped entries, sub-titles) followed by an entry."""
    texts = 0
    for j in range(i, min(len(lines), i + 10)):
        kind = lines[j].kind
        if kind in (HEADING, CONTENTS):
            return lines[j].level != -1
        if kind == TEXT:
            texts += 1
            if texts > 2 or lines[j].end - lines[j].start > 80:
                return False
        elif kind in (BLANK, FURNITURE):
            texts = 0
        else:
            return False
    return False


CONTENTS_TITLE_WITHIN = 6  # a title page of capitals may run into the contents: its title opens the block


def _close_run(text: str, lines: list[Line], run: list[int], last_seen: dict[str, int]) -> None:
    headings_only = [i for i in run if lines[i].kind == HEADING]
    if len(run) < 4:
        for i in run:
            if lines[i].kind == CONTENTS:
                lines[i].kind = TEXT
        return
    keep = [i for i in _opening_headings(lines, headings_only) if last_seen[_key(lines[i].title)] == i]
    first = run[0]
    titled = [i for i in run[1:CONTENTS_TITLE_WITHIN] if _CONTENTS_TITLE.match(text, lines[i].start, lines[i].end)]
    if titled and len(run) - run.index(titled[0]) > 4:
        first = titled[0]  # the title page's lines in capitals above "CONTENTS" are no entries
    elif first > 0:
        for j in range(first - 1, max(-1, first - 4), -1):
            if lines[j].kind == BLANK:
                continue
            if _CONTENTS_TITLE.match(text[lines[j].start : lines[j].end]):
                first = j
            break
    last = keep[0] - 1 if keep else run[-1]
    for i in range(first, last + 1):
        if lines[i].kind in (HEADING, CONTENTS, TEXT):
            lines[i].kind = CONTENTS


def _opening_headings(lines: list[Line], run: list[int]) -> list[int]:
    """The last heading of a run and the parents right before it open the real text."""
    if not run:
        return []
    keep = [run[-1]]
    for i in reversed(run[:-1]):
        if lines[i].level >= lines[keep[0]].level:
            break
        keep.insert(0, i)
    return keep


def mark_front_parts(lines: list[Line]) -> None:
    """In a book of chapters, headings in capitals before the first chapter (Moby-Dick's
    ETYMOLOGY and EXTRACTS) are front material, and a rare one between chapters (a scene's
    "HARPOONEERS AND SAILORS.") is text: neither may hold the chapters that follow it."""
    chapters = [i for i in indexes(lines, _HEADING_KIND) if _CHAPTER.match(lines[i].title)]
    if len(chapters) < 5:
        return
    first, last = chapters[0], chapters[-1]
    between = [line for line in lines[first:last] if _caps_part(line)]
    if len(between) * 10 > len(chapters):
        return  # capitals between many chapters: real parts
    for line in between:
        line.kind, line.level = TEXT, 0
    inside = False
    for line in lines[:first]:
        if _caps_part(line):
            inside = True
            line.kind = FRONT
        elif line.kind == HEADING:
            inside = False
        elif inside and line.kind == TEXT:
            line.kind, line.title = FRONT, ""


TITLE_PAGE_LABEL = 60  # a title-page line up to this long names its own front-matter section


TITLE_PAGE_WORDS = 150  # a title page (title, subtitle, author, a note on the edition) is short
VERSE_FRONT_WORDS = 600  # a dedication or epigraph in verse before the first chapter may be longer
VERSE_LINE = 60  # ... but its lines are short, where hard-wrapped prose fills about 70 columns
# Front parts whose name is never the book's title.
_FRONT_WORDS = re.compile(
    r"(?:ETYMOLOGY|EXTRACTS|CONTENTS|DEDICATION|PREFACE|FOREWORD|INTRODUCTION|NOTE|(?:LIST OF )?ILLUSTRATIONS)\b",
    re.IGNORECASE,
)


def mark_book_title_page(text: str, lines: list[Line], body_start: int, listed: int | None = None) -> str:
    """In a book (two chapters, parts or volumes at least), what comes before the first of them is
    its title page when it is short (a title, "By Jane Austen", "(1814)", "IN TWO PARTS"), or verse
    of short lines (a dedication): front matter, with no topic label, and never a heading. Returns
    the book's title from it: its first line in capitals, else its first line in title case ("" when none)."""
    first = bisect_left(lines, body_start, key=_line_start)
    end = _first_division(lines, first, listed)
    if end is None:
        return ""
    stretch = lines[first:end]
    loose = [line for line in stretch if line.kind in (TEXT, HEADING)]
    words = sum(len(text[line.start : line.end].split()) for line in loose)
    widest = max((len(text[line.start : line.end].strip()) for line in loose), default=0)
    title = _title_line(text, stretch)
    opening = next((text[line.start : line.end].strip() for line in loose), "")
    verse = widest <= VERSE_LINE or _all_verse(text, stretch)
    limit = VERSE_FRONT_WORDS if verse else TITLE_PAGE_WORDS
    if not _title_like(opening) or _FRONT_WORDS.match(opening) or words > limit or _has_prose(text, stretch):
        return title  # an editor's note, an introduction or a prologue in prose is the book's text
    run_open = False  # a run of title-page lines is one front section, named by its first line
    for line in stretch:
        if line.kind in (TEXT, HEADING):
            raw = text[line.start : line.end].strip()
            label = "" if run_open else raw if len(raw) <= TITLE_PAGE_LABEL else "Note"
            line.kind, line.level, line.title = FRONT, 0, label
            run_open = True
        elif line.kind != BLANK:
            run_open = line.kind == FRONT
    return title


VOLUME_PAGE_LINES = 8  # the lines of a volume's own title page: title, "A Novel.", "In Three Volumes.", imprint
VOLUME_PAGE_WORDS = 40


def mark_volume_pages(text: str, lines: list[Line]) -> str:
    """In a book in volumes (or parts, or books) of chapters, each volume's own title page is page
    furniture: short lines right before the volume's heading that open with a line in capitals after
    a closing or picture ("PRIDE AND PREJUDICE:" / "A Novel." / "In Three Volumes." / "By the Author
    of ..."), and two or more short lines between the heading and its first chapter (an imprint:
    "London:" / "Printed for T. Egerton," / "1813."). Returns the book's title from the first such
    page before a volume ("PRIDE AND PREJUDICE"; "" when none)."""
    heads = [i for i in indexes(lines, _HEADING_KIND) if lines[i].level != -1]
    volumes = [k for k, i in enumerate(heads) if _volume(lines[i])]
    if len(volumes) < 2:
        return ""
    titles = []
    for k in volumes:
        i = heads[k]
        titles.append(_mark_page_before(text, lines, i))
        n = k + 1
        while n < len(heads) and lines[heads[n]].level == RANK_CAPS and not _is_division(lines[heads[n]]):
            n += 1  # the title again in capitals ("PRIDE & PREJUDICE.") is part of the page
        after = heads[n] if n < len(heads) else len(lines)
        if after < len(lines) and lines[after].level == RANK_CHAPTER and _is_division(lines[after]):
            page = [line for line in lines[i + 1 : after] if line.kind in (TEXT, HEADING)]
            if len(page) >= 2 and _short_lines(text, page):
                for line in page:
                    line.kind, line.level, line.title = FURNITURE, 0, ""
    return next((t for t in titles if t), "")


def _volume(line: Line) -> bool:
    return (
        not line.marked
        and line.level == RANK_BOOK
        and bool(_BOOK.match(line.title))
        and not _END_PART.match(line.title)
    )


def _short_lines(text: str, page: list[Line]) -> bool:
    widths = [len(text[line.start : line.end].strip()) for line in page]
    words = sum(len(text[line.start : line.end].split()) for line in page)
    return max(widths) <= VERSE_LINE and words <= VOLUME_PAGE_WORDS


def _mark_page_before(text: str, lines: list[Line], i: int) -> str:
    """The one-line paragraphs right before a volume's heading, opening with capitals after page
    furniture; returns their first line, the book's title ("" when there is no such page)."""
    page: list[Line] = []
    j = i - 1
    while j >= 0 and len(page) <= VOLUME_PAGE_LINES:
        line = lines[j]
        j -= 1
        if line.kind == BLANK:
            continue
        if line.kind not in (TEXT, HEADING) or not _alone(lines, j + 1):
            break
        page.insert(0, line)
    above = lines[j + 1] if j + 1 >= 0 else None  # the line that stopped the walk
    closed = above is None or above.kind == FURNITURE
    if not page or not closed or len(page) > VOLUME_PAGE_LINES or not _short_lines(text, page):
        return ""
    title = text[page[0].start : page[0].end].strip().rstrip(".:;,")
    if not title.isupper():
        return ""
    for line in page:
        line.kind, line.level, line.title = FURNITURE, 0, ""
    return title if " " in title else ""  # one word a line ("PRIDE." / "and" / "PREJUDICE.") gives no title


def _first_division(lines: list[Line], first: int, listed: int | None) -> int | None:
    """Where a book's divisions begin: its first chapter, part or volume when it has two or more, else
    the contents list (at offset ``listed``) that named the stories or poems of a collection."""
    heads = [i for i in indexes(lines, _HEADING_KIND) if i >= first and lines[i].level != -1]
    divisions = [i for i in heads if _is_division(lines[i])]
    contents = bisect_left(lines, listed, key=_line_start) if listed is not None else len(lines)
    if len(divisions) >= 2:
        return min(contents, _story_title(lines, heads, divisions[0]))
    return contents if contents < len(lines) and sum(i > contents for i in heads) >= 2 else None


def _story_title(lines: list[Line], heads: list[int], division: int) -> int:
    """A title in capitals right over the first division numbered 1, when two titles or more later are
    too (a collection of stories in parts: "A CASE OF IDENTITY" / "I."), opens the first story."""
    k = heads.index(division)
    if k == 0 or not _over_a_first(lines, heads, k - 1):
        return division
    later = sum(_over_a_first(lines, heads, j) for j in range(k + 1, len(heads) - 1))
    return heads[k - 1] if later >= 2 else division


def _over_a_first(lines: list[Line], heads: list[int], k: int) -> bool:
    """Heading ``k`` is in capitals, no division, and the next heading is a division numbered 1."""
    line, below = lines[heads[k]], lines[heads[k + 1]]
    return line.level == RANK_CAPS and not _is_division(line) and _roman_value(below.title) == 1


def drop_title_repeats(text: str, lines: list[Line], title: str, body_start: int, own: int | None = None) -> None:
    """In a book, the title set again in capitals inside it (over each volume, or a word of it a line:
    "PRIDE." / "and" / "PREJUDICE.") is a title page, not a heading: page furniture. The title's own
    line (index ``own``, or the body's first line: an essay's "ON WALKING" over its parts) is kept."""
    words = _letters_words(title)
    if not words:
        return
    first = bisect_left(lines, body_start, key=_line_start)
    heads = [i for i in indexes(lines, _HEADING_KIND) if i >= first]
    if sum(_is_division(lines[i]) for i in heads) < 2:
        return
    opening = next((i for i in range(first, len(lines)) if lines[i].kind != BLANK), None)
    for i in heads:
        line = lines[i]
        if line.marked or line.level != RANK_CAPS or _is_division(line) or i in (own, opening):
            continue
        named = _letters_words(line.title)
        if named and all(w in words for w in named):
            line.kind, line.level, line.title = FURNITURE, 0, ""


def _letters_words(title: str) -> set[str]:
    return {w.casefold() for w in _WORD.findall(title) if w.casefold() not in _SMALL_WORDS}


def _has_prose(text: str, stretch: list[Line]) -> bool:
    """A paragraph of three lines or more, one of them as wide as hard-wrapped prose, that is not
    verse (lines of verse open with capitals, where wrapped prose goes on in lower case)."""
    run: list[str] = []
    for line in [*stretch, Line(0, 0, BLANK)]:
        if line.kind == TEXT:
            run.append(text[line.start : line.end].strip())
            continue
        if len(run) >= 3 and any(len(raw) > VERSE_LINE for raw in run) and not _verse(run):
            return True
        run = []
    return False


def _all_verse(text: str, stretch: list[Line]) -> bool:
    """Every paragraph of three lines or more in the stretch is a stanza (a dedication in long lines)."""
    runs: list[list[str]] = [[]]
    for line in stretch:
        if line.kind == TEXT:
            runs[-1].append(text[line.start : line.end].strip())
        elif runs[-1]:
            runs.append([])
    stanzas = [run for run in runs if len(run) >= 3]
    return bool(stanzas) and all(_verse(run) for run in stanzas)


def _verse(run: list[str]) -> bool:
    """Lines that each open with a capital (after a quote mark): a stanza."""
    return all(raw.lstrip("\"'‘“(")[:1].isupper() for raw in run[1:])


def _is_division(line: Line) -> bool:
    """A chapter, part, volume or book heading (not by markup, not a title's second line)."""
    return not line.marked and line.level != -1 and is_division_title(line.title)


def is_division_title(title: str) -> bool:
    """Whether a heading names a chapter, part, volume or book ("CHAPTER I", "PART ONE", "XIV")."""
    head = title[:60]  # a long chapter title joined from its lines is still a chapter's
    return bool(_CHAPTER.match(head) or _BOOK.match(head) or _END_PART.match(head) or _roman_value(head))


def _title_line(text: str, stretch: list[Line]) -> str:
    """The first line of a title page in capitals ("HOWARDS END"), else the first in title case;
    never a byline, a date, a front part's name or a line without letters ("(1814)")."""
    candidates = []
    for line in stretch:
        if line.kind in (BLANK, CONTENTS, FURNITURE):
            continue
        raw = text[line.start : line.end].strip().rstrip(";:,")
        if _title_like(raw) and not raw.lower().startswith(("by ", "to ", "title:")) and not _FRONT_WORDS.match(raw):
            candidates.append(raw)
    capitals = [c for c in candidates if c.isupper()]
    return (capitals or candidates or [""])[0]


def _title_like(raw: str) -> bool:
    """A short line in capitals, or in title case without a sentence's full stop."""
    if len(raw) > TITLE_PAGE_LABEL or sum(c.isalpha() for c in raw) < 2:
        return False
    return raw.isupper() or (_capital_share(raw) >= 0.75 and not raw.endswith((".", "!", "?")))


def mark_title_page(text: str, lines: list[Line], body_start: int) -> None:
    """In a book whose front parts are in capitals (see ``mark_front_parts``), the text from the
    body's start to the last of them before the first heading is its title page: credits ("An
    Anonymous Volunteer, and David Widger"), the title set over lines, a transcriber's note. Front
    matter, not a topic of the book; each stretch is named by its first line when that is short."""
    first = bisect_left(lines, body_start, key=_line_start)
    end = next((i for i in range(first, len(lines)) if lines[i].kind == HEADING), len(lines))
    parts = [i for i in range(first, end) if _front_part(lines[i])]
    if not parts:
        return
    in_run = False
    for line in lines[first : parts[-1]]:
        if line.kind != TEXT:
            in_run = in_run and line.kind == BLANK  # blank lines do not end a stretch of title page
            continue
        raw = text[line.start : line.end].strip()
        title = "" if in_run else raw if len(raw) <= TITLE_PAGE_LABEL else "Note"
        line.kind, line.title, in_run = FRONT, title, True


def _line_start(line: Line) -> int:
    return line.start


def _front_part(line: Line) -> bool:
    """A front part in capitals that ``mark_front_parts`` set apart (ETYMOLOGY, a title in capitals)."""
    return line.kind == FRONT and line.level == RANK_CAPS and bool(line.title) and _all_caps(line.title)


def _caps_part(line: Line) -> bool:
    title = line.title
    return line.kind == HEADING and line.level == RANK_CAPS and not _BOOK.match(title) and _all_caps(title)


def normalise_levels(ranks: list[int]) -> list[int]:
    """Dense levels 1..n from the ranks present, keeping their order."""
    order = {rank: level for level, rank in enumerate(sorted(set(ranks)), start=1)}
    return [order[r] for r in ranks]
