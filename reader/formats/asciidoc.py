"""AsciiDoc (``.adoc``, ``.asciidoc``, git's documentation sources) read by hand into blocks.

asciidoctor is Ruby and asciidoc-py is GPL, so this is our own reader of the common syntax:
section titles (``== Title`` and two-line titles underlined with ``=-~^+``), paragraphs, lists with
their depth and marker, description lists (``term::``), listing and literal blocks (with
``[source,lang]``), quote and verse blocks, admonitions, tables, block macros, inline markup,
links, cross references and footnotes. ``include::`` lines are replaced by the files they name
(``lines=``, ``tag=``, ``leveloffset=``), when the text has a file behind it. Comments, attribute entries
and conditional directives stay out of the text; ``{name}`` references are replaced where defined.
Every scan is linear: no regular expression with nested quantifiers meets the document.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, ClassVar

from reader.formats import includes
from reader.formats.build import Builder, number_label
from reader.model import BlockKind, Document, EmphasisKind

# Attributes every processor defines (git's asciidoc.conf adds litdd and the like).
BUILTIN_ATTRIBUTES = {
    "empty": "", "blank": "", "sp": " ", "nbsp": "\u00a0", "zwsp": "\u200b", "wj": "\u2060",
    "apos": "'", "quot": '"', "lsquo": "\u2018", "rsquo": "\u2019", "ldquo": "\u201c", "rdquo": "\u201d",
    "deg": "\u00b0", "plus": "+", "brvbar": "\u00a6", "vbar": "|", "amp": "&", "lt": "<", "gt": ">",
    "startsb": "[", "endsb": "]", "caret": "^", "asterisk": "*", "tilde": "~", "backslash": "\\",
    "backtick": "`", "two-colons": "::", "two-semicolons": ";;", "cpp": "C++", "pp": "++",
    "litdd": "--", "hash": "#", "apostrophe": "'",
}  # fmt: skip
ADMONITIONS = ("NOTE", "TIP", "IMPORTANT", "WARNING", "CAUTION")
UNDERLINES = "=-~^+"  # two-line section titles, level 1 to 5
# Delimiter character -> what the block is; the line is the character four times or more ("--" exactly).
DELIMITERS = {"-": "listing", ".": "literal", "_": "quote", "=": "example", "*": "sidebar", "+": "pass", "/": "comment"}
VERBATIM = frozenset({"listing", "literal", "pass", "comment"})

_ATTRIBUTE_ENTRY = re.compile(r":(!?)([\w][\w-]*)(!?):(?:[ \t]+(.*))?$")
_CONDITIONAL = re.compile(r"(ifdef|ifndef|ifeval|endif)::([^\[]*)\[(.*)\]$")
_BLOCK_MACRO = re.compile(r"([a-z][\w-]*)::([^\s\[]*)\[(.*)\]$")
_TERM_MARK = re.compile(r":{2,4}|;;")
_TITLE_START = re.compile(r"(={1,6}|#{1,6})[ \t]+(?=\S)")
BREAK = "\x00"  # where a comment line was: no text, but a list ends there
MAX_NESTING = 12  # blocks within blocks deeper than this are read as plain lines: no recursion runs away
_UNORDERED = re.compile(r"[ \t]*(\*{1,5}|-)[ \t]+(\S.*)$")
_ORDERED = re.compile(r"[ \t]*(\.{1,5}|\d{1,9}\.|[a-z]\.|<\d{1,3}>)[ \t]+(\S.*)$")
_CHECKBOX = re.compile(r"\[([ xX*])\][ \t]+")
_AUTHOR = re.compile(r"[\w.'-]+(?: [\w.'-]+){0,3}(?: <[^<>\s]+>)?(?:; .*)?$")
_NAME = re.compile(r"[\w][\w-]*")
_ID = re.compile(r"[\w:.#/-]+")
# Attribute lines that open a block even right under a paragraph's last line, as authors write them.
_BLOCK_STARTS: tuple[str, ...] = (
    "[source",
    "[listing",
    "[literal",
    "[quote",
    "[verse",
    "[[",
    "[#",
    "[cols=",
    "[%header",
)
_BLOCK_STARTS += tuple(f"[{word}]" for word in ADMONITIONS)
_NOTE_LABEL = {"NOTE": "Note", "TIP": "Tip", "IMPORTANT": "Important", "WARNING": "Warning", "CAUTION": "Caution"}


@dataclass
class Spans:
    """Inline text as it is written out, with link and emphasis spans relative to it."""

    parts: list[str] = field(default_factory=list)
    size: int = 0
    links: list[tuple[int, int, str]] = field(default_factory=list)
    marks: list[tuple[int, int, EmphasisKind]] = field(default_factory=list)

    def put(self, piece: str) -> None:
        if piece:
            self.parts.append(piece)
            self.size += len(piece)

    def text(self) -> str:
        return "".join(self.parts)


def emit(builder: Builder, kind: BlockKind, spans: Spans, level: int | None = None, **extra: Any) -> bool:
    """One block from ``spans``, its links and emphasis moved past the white space trimmed off its start."""
    raw = spans.text()
    text = raw.strip()
    if not text:
        return False
    lead = len(raw) - len(raw.lstrip())
    for start, end, url in spans.links:
        a, b = max(0, start - lead), min(len(text), end - lead)
        if a < b:
            builder.link(a, text[a:b], url)
    for start, end, how in spans.marks:
        a, b = max(0, start - lead), min(len(text), end - lead)
        if a < b:
            builder.emphasize(a, b - a, how)
    builder.add(kind, text, level, **extra)
    return True


def plain(text: str) -> Spans:
    out = Spans()
    out.put(text)
    return out


def find_close(src: str, start: int, end: int, opener: str = "[", closer: str = "]") -> int:
    """The index of the ``closer`` that balances an ``opener`` just before ``start``, or -1 (``\\]`` escaped)."""
    depth = 0
    pos = start
    while True:
        j = src.find(closer, pos, end)
        if j < 0:
            return -1
        depth += src.count(opener, pos, j)
        pos = j + 1
        if j > start and src[j - 1] == "\\":
            continue
        if depth == 0:
            return j
        depth -= 1


# -- inline markup --------------------------------------------------------------------------------

_SPECIAL = re.compile(
    r"[\\{*_`'#+^~<\[\"$]|(?<![\w])(?:https?|ftp|irc|mailto|link|linkgit|xref|footnote|footnoteref|kbd|btn|menu"
    r"|image|pass|anchor|icon|stem|indexterm|indexterm2):"
)
MACRO_SPAN = 4096  # a macro's [text] ends within this many characters: an unclosed one costs no more
_ESCAPABLE = frozenset("\\*_`'#+^~{[<\"$")
_CONSTRAINED: dict[str, EmphasisKind | None] = {"*": "bold", "_": "italic", "`": "code", "'": "italic", "#": None}
_CONSTRAINED |= {"+": None}
_URL_END = frozenset(' \t\n[<>"')
_URL_TRAIL = ".,;:!?)'"


def _word(ch: str) -> bool:
    return ch.isalnum() or ch == "_"


class Scanner:
    """The inline scan AsciiDoc and Org share: runs of plain text copied whole, each match of ``SPECIAL``
    handed to ``special``, which says where scanning goes on (its own position: a plain character)."""

    SPECIAL: ClassVar[re.Pattern[str]]

    def render(self, src: str) -> Spans:
        out = Spans()
        self.scan(src, 0, len(src), out, 0)
        return out

    def scan(self, src: str, start: int, end: int, out: Spans, depth: int) -> None:
        closers: dict[str, tuple[int, int]] = {}  # mark -> (searched from, found at or -1): keeps the scan linear
        i = start
        while i < end:
            found = self.SPECIAL.search(src, i, end)
            if found is None:
                out.put(src[i:end])
                return
            out.put(src[i : found.start()])
            i = found.start()
            nxt = self.special(src, i, end, out, depth, closers, found.group())
            if nxt <= i:
                out.put(src[i])
                nxt = i + 1
            i = nxt

    def special(
        self, src: str, i: int, end: int, out: Spans, depth: int, closers: dict[str, tuple[int, int]], hit: str
    ) -> int:
        raise NotImplementedError

    @staticmethod
    def find_closer(
        src: str, mark: str, start: int, end: int, closers: dict[str, tuple[int, int]], closes: Callable[[int], bool]
    ) -> int:
        """The first ``mark`` at or after ``start`` that ``closes`` accepts, or -1; memoised per mark, since
        later openers share the answer: this keeps the scan linear on text full of unclosed marks."""
        known = closers.get(mark)
        if known is not None and known[0] <= start and (known[1] < 0 or known[1] >= start):
            return known[1]
        j = start
        while True:
            j = src.find(mark, j, end)
            if j < 0 or closes(j):
                break
            j += 1
        closers[mark] = (start, j)
        return j


@dataclass
class Inline(Scanner):
    """Inline AsciiDoc -> text with emphasis and links; footnotes are numbered into ``notes``."""

    SPECIAL = _SPECIAL

    attributes: dict[str, str]
    refs: dict[str, str]
    notes: list[Spans] = field(default_factory=list)
    note_ids: dict[str, int] = field(default_factory=dict)

    def special(
        self, src: str, i: int, end: int, out: Spans, depth: int, closers: dict[str, tuple[int, int]], hit: str
    ) -> int:
        """Handle the construct at ``i``; return where scanning goes on (``i`` itself: a plain character)."""
        ch = hit[0]
        if len(hit) > 1:
            return self.macro(src, i, end, out, hit[:-1], depth)
        if ch == "\\":
            if i + 1 < end and src[i + 1] in _ESCAPABLE:
                out.put(src[i + 1])
                return i + 2
            return i
        if ch == "{":
            return self.reference(src, i, end, out)
        if ch == "<":
            return self.xref(src, i, end, out)
        if ch == "[":
            return self.inline_anchor(src, i, end)
        if ch in "\"'" and src.startswith("`", i + 1):
            return self.curved(src, i, end, out, ch, closers)
        if ch == "`" and src.startswith("``", i):
            return self.legacy_quote(src, i, end, out, closers)
        if ch == "+" and src.startswith("+++", i):
            return self.passthrough(src, i, end, out)
        if ch == "$" and src.startswith("$$", i):
            close = src.find("$$", i + 2, end)
            if close < 0:
                return i
            out.put(src[i + 2 : close])
            return close + 2
        if ch in "^~":
            return self.script(src, i, end, out, ch)
        if ch == '"' or ch == "$":
            return i
        return self.quoted(src, i, end, out, depth, closers)

    def passthrough(self, src: str, i: int, end: int, out: Spans) -> int:
        """``+++text+++``: the text as written; an anchor passed through (``+++[[id]]+++``) shows nothing."""
        close = src.find("+++", i + 3, end)
        if close < 0:
            return i
        body = src[i + 3 : close]
        if not (body.startswith("[[") and body.endswith("]]")):
            out.put(body)
        return close + 3

    def reference(self, src: str, i: int, end: int, out: Spans) -> int:
        close = src.find("}", i + 1, min(end, i + 64))
        name = src[i + 1 : close] if close > 0 else ""
        if close < 0 or not _NAME.fullmatch(name):
            return i
        value = self.attributes.get(name.lower())
        if value is None:
            return i
        out.put(value)
        return close + 1

    def quoted(self, src: str, i: int, end: int, out: Spans, depth: int, closers: dict[str, tuple[int, int]]) -> int:
        ch = src[i]
        double = src.startswith(ch * 2, i) and ch != "'"
        if double:
            close = self._find(src, ch * 2, i + 2, end, closers, unconstrained=True)
            inner = i + 2
        else:
            if i > 0 and (_word(src[i - 1]) or src[i - 1] in ";:}" + ch):
                return i
            if i + 1 >= end or src[i + 1].isspace():
                return i
            close = self._find(src, ch, i + 1, end, closers, unconstrained=False)
            inner = i + 1
        if close <= inner:
            return i
        self.span(src, inner, close, out, depth, ch)
        return close + (2 if double else 1)

    def span(self, src: str, start: int, end: int, out: Spans, depth: int, ch: str) -> None:
        at = out.size
        if ch == "`" or ch == "+":
            text = src[start:end]
            if ch == "`" and len(text) > 1 and text[0] == "+" and text[-1] == "+":
                text = text[1:-1]  # `+literal+`
            elif ch == "`":
                text = self.literal(text)
            out.put(text)
        elif depth < 6:
            self.scan(src, start, end, out, depth + 1)
        else:
            out.put(src[start:end])
        how = _CONSTRAINED.get(ch)
        if how is not None and out.size > at:
            out.marks.append((at, out.size, how))

    def literal(self, text: str) -> str:
        """Code text: attribute references and escapes resolved, no markup."""
        if "{" not in text and "\\" not in text:
            return text
        out = Spans()
        i = 0
        while i < len(text):
            nxt = -1
            if text[i] == "{":
                nxt = self.reference(text, i, len(text), out)
            elif text[i] == "\\" and i + 1 < len(text) and text[i + 1] in _ESCAPABLE:
                out.put(text[i + 1])
                nxt = i + 2
            if nxt <= i:
                out.put(text[i])
                nxt = i + 1
            i = nxt
        return out.text()

    def _find(
        self, src: str, mark: str, start: int, end: int, closers: dict[str, tuple[int, int]], unconstrained: bool
    ) -> int:
        """The first closing ``mark`` at or after ``start``: any one for an unconstrained (doubled) mark."""
        return self.find_closer(
            src, mark, start, end, closers, lambda j: unconstrained or self._closes(src, j, end, mark)
        )

    @staticmethod
    def _closes(src: str, j: int, end: int, mark: str) -> bool:
        if src[j - 1].isspace():
            return False
        return j + 1 >= end or not (_word(src[j + 1]) or src[j + 1] == mark)

    def script(self, src: str, i: int, end: int, out: Spans, ch: str) -> int:
        """``^super^`` and ``~sub~``: the text, without the marks (no white space inside)."""
        j = i + 1
        while j < end and not src[j].isspace() and src[j] != ch:
            j += 1
        if j >= end or src[j] != ch or j == i + 1:
            return i
        out.put(src[i + 1 : j])
        return j + 1

    def curved(self, src: str, i: int, end: int, out: Spans, ch: str, closers: dict[str, tuple[int, int]]) -> int:
        close = self._find(src, "`" + ch, i + 2, end, closers, unconstrained=True)
        if close < 0:
            return i
        left, right = ("\u201c", "\u201d") if ch == '"' else ("\u2018", "\u2019")
        out.put(left)
        self.scan(src, i + 2, close, out, 5)
        out.put(right)
        return close + 2

    def legacy_quote(self, src: str, i: int, end: int, out: Spans, closers: dict[str, tuple[int, int]]) -> int:
        """asciidoc-py's ````double quotes''``."""
        close = self._find(src, "''", i + 2, end, closers, unconstrained=True)
        if close < 0 or close - i > 400:
            return i
        out.put("\u201c")
        self.scan(src, i + 2, close, out, 5)
        out.put("\u201d")
        return close + 2

    def xref(self, src: str, i: int, end: int, out: Spans) -> int:
        if not src.startswith("<<", i):
            return i
        close = src.find(">>", i + 2, min(end, i + 300))
        if close < 0:
            return i
        ident, _, label = src[i + 2 : close].partition(",")
        if not _ID.fullmatch(ident):  # "<< and >>", "<<<<<<< and >>>>>>>" are no references
            return i
        self.link_text(label.strip() or self.refs.get(ident.lstrip("#"), ident), "#" + ident.lstrip("#"), out)
        return close + 2

    def inline_anchor(self, src: str, i: int, end: int) -> int:
        if not src.startswith("[[", i):
            return i
        close = src.find("]]", i + 2, min(end, i + 200))
        if close < 0 or not _ID.fullmatch(src[i + 2 : close].partition(",")[0]):
            return i
        return close + 2

    def link_text(self, text: str, url: str, out: Spans) -> None:
        at = out.size
        self.scan(text, 0, len(text), out, 5)
        if out.size > at:
            out.links.append((at, out.size, url))

    def macro(self, src: str, i: int, end: int, out: Spans, name: str, depth: int) -> int:
        """``name:target[text]`` macros and bare URLs."""
        colon = i + len(name)
        if name in ("http", "https", "ftp", "irc"):
            return self.url(src, i, end, out)
        bracket = src.find("[", colon + 1, min(end, colon + 1 + 2048))
        target = src[colon + 1 : bracket] if bracket >= 0 else ""
        if bracket < 0 or any(c.isspace() for c in target):
            return self.url(src, i, end, out) if name == "mailto" else i
        close = find_close(src, bracket + 1, min(end, bracket + 1 + MACRO_SPAN))
        if close < 0:
            return i
        body = src[bracket + 1 : close]
        self.apply_macro(name, target, body, out, depth)
        return close + 1

    def apply_macro(self, name: str, target: str, body: str, out: Spans, depth: int) -> None:
        if name in ("link", "mailto", "xref"):
            text = body.partition(",")[0] if "=" in body else body
            text = text.rstrip("^") or target.removeprefix("mailto:")
            url = "mailto:" + target if name == "mailto" else ("#" + target if name == "xref" else target)
            if name == "xref" and not body:
                text = self.refs.get(target, target)
            self.link_text(text, url, out)
        elif name == "linkgit":
            out.put(f"{target}({body})")
        elif name in ("footnote", "footnoteref"):
            self.footnote(target, body, out, name == "footnoteref")
        elif name in ("kbd", "btn", "stem"):
            at = out.size
            out.put(self.literal(body))
            out.marks.append((at, out.size, "bold" if name == "btn" else "code"))
        elif name == "menu":
            out.put(" \u203a ".join([target, *(p.strip() for p in body.split(">") if p.strip())]))
        elif name == "pass":
            out.put(body)
        elif name == "image":
            out.put(body.partition(",")[0].strip())
        elif name == "indexterm2":
            self.scan(body, 0, len(body), out, depth + 1)

    def footnote(self, target: str, body: str, out: Spans, legacy: bool) -> None:
        ident = target
        if legacy:
            ident, _, body = body.partition(",")
        number = self.note_ids.get(ident) if ident else None
        if number is None:
            if not body.strip():
                return
            self.notes.append(self.render(body.strip()))
            number = len(self.notes)
            if ident:
                self.note_ids[ident] = number
        at = out.size
        out.put(f"[{number}]")
        out.links.append((at, out.size, f"#_footnotedef_{number}"))

    def url(self, src: str, i: int, end: int, out: Spans) -> int:
        j = i
        while j < end and src[j] not in _URL_END:
            j += 1
        if src.startswith("[", j) and j < end:
            close = find_close(src, j + 1, min(end, j + 1 + MACRO_SPAN))
            if close >= 0:
                target, body = src[i:j], src[j + 1 : close]
                text = (body.partition(",")[0] if "=" in body else body).rstrip("^")
                shown = text or target.removeprefix("mailto:")
                self.link_text(shown, target, out)
                return close + 1
        while j > i and src[j - 1] in _URL_TRAIL:
            j -= 1
        target = src[i:j]
        if "//" not in target and not target.startswith("mailto:"):
            return i
        at = out.size
        out.put(target.removeprefix("mailto:"))
        out.links.append((at, out.size, target))
        return j


# -- blocks ---------------------------------------------------------------------------------------


@dataclass
class Context:
    """Where blocks land: their kind outside lists, the depth of the list item they continue, a label to open with."""

    kind: BlockKind = "paragraph"
    depth: int | None = None
    label: str | None = None
    nest: int = 0  # blocks around this one


@dataclass
class Attrs:
    """A block's attribute line (``[source,python]``), title (``.Title``) and anchors."""

    style: str = ""
    positional: list[str] = field(default_factory=list)
    named: dict[str, str] = field(default_factory=dict)
    options: set[str] = field(default_factory=set)
    title: str | None = None

    def empty(self) -> bool:
        return not (self.style or self.positional or self.named or self.options or self.title)


def split_attributes(body: str) -> list[str]:
    """``source, python, title="a, b"`` -> its comma-separated items, quotes respected."""
    items: list[str] = []
    current: list[str] = []
    quote = ""
    last = ""  # the item's last character that is not a space, so far
    for ch in body:
        if quote:
            if ch == quote:
                quote = ""
            current.append(ch)
        elif ch in "\"'" and (not current or last == "="):
            quote = ch
            current.append(ch)
        elif ch == ",":
            items.append("".join(current).strip())
            current, last = [], ""
            continue
        else:
            current.append(ch)
        if not ch.isspace():
            last = ch
    items.append("".join(current).strip())
    return items


def parse_attributes(body: str, into: Attrs, ids: list[str]) -> None:
    for n, item in enumerate(split_attributes(body)):
        key, eq, value = item.partition("=")
        if eq and _NAME.fullmatch(key.strip()):
            key, value = key.strip(), value.strip().strip("\"'")
            if key == "options" or key == "opts":
                into.options.update(v.strip() for v in value.split(","))
            elif key == "id":
                ids.append(value)
            else:
                into.named[key] = value
            continue
        item = item.strip("\"'")
        if n == 0:
            shorthand(item, into, ids)
        else:
            into.positional.append(item)


def shorthand(item: str, into: Attrs, ids: list[str]) -> None:
    """``source#id.role%option`` -> the style, the id, the options."""
    cut = min((item.find(c) for c in "#.%" if item.find(c) >= 0), default=len(item))
    into.style = item[:cut].strip()
    rest = item[cut:]
    kind = ""
    piece: list[str] = []
    for ch in rest + "#":
        if ch in "#.%":
            word = "".join(piece)
            if kind == "#" and word:
                ids.append(word)
            elif kind == "%" and word:
                into.options.add(word)
            kind, piece = ch, []
        else:
            piece.append(ch)


def delimiter(line: str) -> str | None:
    """The delimiter a line is (``----``, ``====``, ``|===``, ``--``), or None."""
    stripped = line.rstrip()
    if stripped == "--":
        return "--"
    if len(stripped) >= 4 and stripped[0] in DELIMITERS and stripped == stripped[0] * len(stripped):
        return stripped
    if len(stripped) >= 4 and stripped[0] in "|!,:" and stripped[1:] == "=" * (len(stripped) - 1):
        return stripped
    return None


def blank(line: str) -> bool:
    return not line.strip() or line == BREAK


def one_line_title(line: str) -> tuple[int, str] | None:
    """(level, title) of ``== Title`` (or ``## Title``), a closing ``==`` dropped, else None."""
    found = _TITLE_START.match(line)
    if found is None:
        return None
    marks = found.group(1)
    title = line[found.end() :].rstrip()
    if title.endswith((" " + marks, "\t" + marks)):
        title = title[: -len(marks)].rstrip()
    return len(marks), title


def underline_level(title: str, under: str) -> int | None:
    """The level of a two-line section title, or None when ``under`` does not underline ``title``."""
    under = under.rstrip()
    title = title.rstrip()
    if len(under) < 2 or under[0] not in UNDERLINES or under != under[0] * len(under):
        return None
    if abs(len(under) - len(title)) > 2 or not any(c.isalnum() for c in title):
        return None
    if title[0] in " \t.[/:|*-=" or delimiter(title) is not None:
        return None
    return UNDERLINES.index(under[0]) + 1


def list_item(line: str) -> tuple[str, str, str] | None:
    """(signature, marker as written, text) of a list item line, or None."""
    found = _UNORDERED.match(line) or _ORDERED.match(line)
    if found is not None and delimiter(line) is None:
        marker = found.group(1)
        sig = marker if marker[0] in "*-." else ("<>" if marker[0] == "<" else ("1." if marker[0].isdigit() else "a."))
        return sig, marker, found.group(2)
    return description(line)


def description(line: str) -> tuple[str, str, str] | None:
    """A description list's term line: ``term:: text`` (also ``:::``, ``::::``, ``;;``)."""
    for found in _TERM_MARK.finditer(line):
        j, k = found.span()
        after = line[k : k + 1]
        if (not after or after in " \t") and line[:j].strip():  # "term ::" too, as asciidoctor reads it
            return "dl" + found.group(), line[:j].strip(), line[k:].strip()
    return None


@dataclass
class Reader:
    """The block parser over preprocessed lines; writes into ``builder``."""

    lines: list[str]
    inline: Inline
    builder: Builder = field(default_factory=Builder)
    metadata: dict[str, str] = field(default_factory=dict)

    # Each parse_* takes the index of the block's first line and returns the index after the block.

    def blocks(self, start: int, end: int, ctx: Context) -> None:
        i = start
        while i < end:
            i = self.block(i, end, ctx, Attrs())

    def block(self, i: int, end: int, ctx: Context, attrs: Attrs) -> int:
        while i < end and blank(self.lines[i]):
            i += 1
        if i >= end:
            return i
        line = self.lines[i]
        while self.block_meta(line, attrs):  # attribute, anchor and title lines, one after another
            i += 1
            while i < end and blank(self.lines[i]):
                i += 1
            if i >= end:
                return i
            line = self.lines[i]
        if line.rstrip() in ("'''", "<<<", "---", "***", "- - -", "* * *"):
            return i + 1
        heading = self.heading(i, end)
        if heading is not None:
            return heading
        mark = delimiter(line)
        if mark is not None:
            return self.delimited(i, end, ctx, attrs, mark)
        macro = _BLOCK_MACRO.match(line)
        if macro is not None and not line[:1].isspace():
            self.block_macro(macro.group(1), macro.group(2), macro.group(3))
            return i + 1
        self.title(attrs, ctx)
        if list_item(line) is not None:
            return self.parse_list(i, end, ctx)
        if line[:1] in " \t" and ctx.depth is None:
            return self.literal_paragraph(i, end, attrs)
        return self.paragraph(i, end, ctx, attrs)

    def block_meta(self, line: str, attrs: Attrs) -> bool:
        """An anchor, attribute or title line: stored for the block that follows."""
        stripped = line.strip()
        if stripped.startswith("[[") and stripped.endswith("]]") and _ID.fullmatch(stripped[2:-2].partition(",")[0]):
            self.builder.pending_ids.append(stripped[2:-2].partition(",")[0])
            return True
        if stripped.startswith("[") and stripped.endswith("]") and len(stripped) > 2 and line[0] == "[":
            inner = stripped[1:-1]
            if inner[:1].isalnum() or inner[:1] in "#.%\"',":
                parse_attributes(inner, attrs, self.builder.pending_ids)
                return True
        if line[:1] == "." and len(stripped) > 1 and stripped[1] not in ". \t" and delimiter(line) is None:
            attrs.title = stripped[1:]
            return True
        return False

    def title(self, attrs: Attrs, ctx: Context) -> None:
        """A block title, shown in bold over its block as a rendered page does."""
        if attrs.title:
            spans = self.inline.render(attrs.title)
            spans.marks.append((0, spans.size, "bold"))
            emit(self.builder, ctx.kind, spans)
            attrs.title = None

    def heading(self, i: int, end: int) -> int | None:
        line = self.lines[i]
        found = one_line_title(line)
        if found is not None:
            self.add_heading(found[1], found[0])
            return i + 1
        if i + 1 < end:
            level = underline_level(line, self.lines[i + 1])
            if level is not None:
                self.add_heading(line.strip(), level)
                return i + 2
        return None

    def add_heading(self, title: str, level: int) -> None:
        spans = self.inline.render(title)
        shown = spans.text().strip()
        self.builder.pending_ids.append(auto_id(shown))
        emit(self.builder, "heading", spans, level)
        if level == 1 and "title" not in self.metadata:
            self.metadata["title"] = shown
        self.metadata.setdefault("first_heading", shown)

    def block_macro(self, name: str, target: str, body: str) -> None:
        if name == "image":
            alt = body.partition(",")[0].strip() or target.rsplit("/", 1)[-1]
            self.builder.add("image", alt)

    def delimited(self, i: int, end: int, ctx: Context, attrs: Attrs, mark: str) -> int:
        close = i + 1
        while close < end and self.lines[close].rstrip() != mark:
            close += 1
        if mark[0] in "|!,:" and mark[1] == "=":
            self.title(attrs, ctx)
            self.table(i + 1, close, attrs, mark[0] if mark[0] != ":" else ":")
            return close + 1
        kind = "open" if mark == "--" else DELIMITERS[mark[0]]
        style = attrs.style
        if kind == "comment":
            return close + 1
        self.title(attrs, ctx)
        if ctx.nest >= MAX_NESTING and kind not in VERBATIM:
            self.prose(self.lines[i + 1 : close], ctx.kind, ctx, None)
        elif kind in VERBATIM or style in ("source", "listing", "literal", "verse") and kind != "quote":
            self.verbatim(i + 1, close, attrs, kind)
        elif kind == "quote" and style == "verse":
            self.verbatim(i + 1, close, attrs, "verse")
        elif style.upper() in ADMONITIONS or kind == "quote":
            label = _NOTE_LABEL.get(style.upper())
            self.blocks(i + 1, close, Context("block_quote", None, label, ctx.nest + 1))
            self.attribution(attrs)
        else:
            self.blocks(i + 1, close, Context(ctx.kind, ctx.depth, ctx.label, ctx.nest + 1))
        return close + 1

    def attribution(self, attrs: Attrs) -> None:
        who = ", ".join(p for p in attrs.positional if p)
        if attrs.style == "quote" and who:
            self.builder.add("block_quote", "\u2014 " + who)

    def verbatim(self, start: int, end: int, attrs: Attrs, kind: str) -> None:
        text = "\n".join(self.lines[start:end])
        if kind == "verse" or attrs.style == "verse":
            emit(self.builder, "preformatted", self.inline.render(text.strip("\n")))
            return
        language = None
        if attrs.style == "source" or (attrs.style == "" and attrs.positional):
            language = (attrs.positional[0] if attrs.positional else "") or self.inline.attributes.get(
                "source-language"
            )
        text = strip_indent(text.strip("\n"))
        extra = {"language": language.lower()} if language else {}
        self.builder.add("preformatted", text, **extra)  # type: ignore[arg-type]

    def literal_paragraph(self, i: int, end: int, attrs: Attrs) -> int:
        j = i
        while j < end and not blank(self.lines[j]):
            j += 1
        self.verbatim(i, j, attrs, "literal")
        return j

    def paragraph(self, i: int, end: int, ctx: Context, attrs: Attrs) -> int:
        j = i
        while j < end and not blank(self.lines[j]) and (j == i or not self.breaks_paragraph(self.lines[j], ctx)):
            j += 1
        style = attrs.style
        if style in ("source", "listing", "literal", "verse"):
            self.verbatim(i, j, attrs, style)
            return j
        first = self.lines[i].lstrip()
        word, colon, rest = first.partition(": ")
        label = ctx.label
        if colon and word in ADMONITIONS:
            label, first = _NOTE_LABEL[word], rest
        elif style.upper() in ADMONITIONS:
            label = _NOTE_LABEL[style.upper()]
        kind: BlockKind = "block_quote" if label or style == "quote" else ctx.kind
        self.prose([first, *self.lines[i + 1 : j]], kind, ctx, label)
        if label == ctx.label:
            ctx.label = None
        if style == "quote":
            self.attribution(attrs)
        return j

    def breaks_paragraph(self, line: str, ctx: Context) -> bool:
        if delimiter(line) is not None or line.startswith(_BLOCK_STARTS):
            return True
        if ctx.depth is not None:
            return line.strip() == "+" or list_item(line) is not None
        return False

    def prose(self, lines: list[str], kind: BlockKind, ctx: Context, label: str | None, **extra: Any) -> None:
        spans = self.inline.render(join_lines(lines))
        if label:
            shifted = Spans()
            shifted.put(label + ": ")
            shifted.marks.append((0, len(label) + 1, "bold"))
            for part in spans.parts:
                shifted.put(part)
            n = len(label) + 2
            shifted.links = [(a + n, b + n, u) for a, b, u in spans.links]
            shifted.marks += [(a + n, b + n, h) for a, b, h in spans.marks]
            spans = shifted
        if kind == "paragraph" and ctx.depth is not None:
            kind, extra = "list_item", {"depth": ctx.depth, **extra}
        emit(self.builder, kind, spans, **extra)

    # -- lists ------------------------------------------------------------------------------------

    def parse_list(self, i: int, end: int, ctx: Context) -> int:
        stack: list[str] = []
        counts: dict[int, int] = {}
        base = ctx.depth or 0
        while i < end:
            item = list_item(self.lines[i])
            if item is None:
                break
            sig, marker, text = item
            if sig in stack:
                del stack[stack.index(sig) + 1 :]
            else:
                stack.append(sig)
            depth = base + len(stack)
            for deeper in [d for d in counts if d > depth]:
                del counts[deeper]
            counts[depth] = counts.get(depth, 0) + 1
            i = self.item(i, end, (sig, marker, text), depth, counts[depth], ctx.nest)
            j = i
            while j < end and not self.lines[j].strip():
                j += 1
            if j < end and list_item(self.lines[j]) is not None:
                i = j
            else:
                break
        return i

    def item(self, i: int, end: int, found: tuple[str, str, str], depth: int, n: int, nest: int) -> int:
        sig, marker, text = found
        j = i + 1
        while j < end and self.lines[j].strip() and not self.ends_item(self.lines[j]):
            j += 1
        body = [text, *self.lines[i + 1 : j]]
        if sig.startswith("dl") and not "".join(body).strip():
            j = self.detached_text(j, end, body)
        if sig.startswith("dl"):
            self.term(marker, depth)
            inner = depth  # the text at its term's depth, as the man reader gives a definition
            if any(line.strip() for line in body):
                self.prose(body, "list_item", Context(), None, depth=inner)
        else:
            inner = depth
            shown, body[0] = item_marker(sig, marker, n, body[0])
            self.prose(body, "list_item", Context(), None, depth=depth, marker=shown)
        while j < end and self.lines[j].strip() == "+" and nest < MAX_NESTING:
            if j + 1 < end and list_item(self.lines[j + 1]) is not None:
                return j + 1  # the list goes on: its loop reads the item, with no recursion
            j = self.block(j + 1, end, Context("paragraph", inner, None, nest + 1), Attrs())
        return j

    def detached_text(self, j: int, end: int, body: list[str]) -> int:
        """A term's indented text after a blank line (``term::``, blank, tab-indented text) is its definition."""
        k = j
        while k < end and not self.lines[k].strip():
            k += 1
        if k == j or k >= end or self.lines[k][:1] not in " \t" or self.ends_item(self.lines[k]):
            return j
        while k < end and self.lines[k].strip() and not self.ends_item(self.lines[k]):
            body.append(self.lines[k])
            k += 1
        return k

    def ends_item(self, line: str) -> bool:
        if line.strip() == "+" or line == BREAK or line.startswith(_BLOCK_STARTS):
            return True
        return list_item(line) is not None or delimiter(line) is not None

    def term(self, term: str, depth: int) -> None:
        spans = self.inline.render(term)
        spans.marks.append((0, spans.size, "bold"))
        emit(self.builder, "list_item", spans, depth=depth)

    # -- tables -----------------------------------------------------------------------------------

    def table(self, start: int, end: int, attrs: Attrs, sep: str) -> None:
        sep = "," if sep == "," else (":" if sep == ":" else sep)
        cells, first_line, header_gap = table_cells(self.lines[start:end], sep)
        columns = column_count(attrs.named.get("cols", "")) or first_line or 1
        header = 1 if ("header" in attrs.options or (header_gap and "noheader" not in attrs.options)) else 0
        rows = [cells[k : k + columns] for k in range(0, len(cells), columns)]
        shown = [" | ".join(" ".join(self.inline.render(c).text().split()) for c in row) for row in rows]
        extra = {"header": header} if header else {}
        self.builder.add("table", "\n".join(r for r in shown if r.strip(" |")), **extra)


def table_cells(lines: list[str], sep: str) -> tuple[list[str], int, bool]:
    """The cells in order, how many the first row's line holds, and whether a blank line follows it."""
    cells: list[str] = []
    first_line = 0
    header_gap = False
    seen_line = False
    for n, line in enumerate(lines):
        if line == BREAK:
            continue
        if not line.strip():
            if seen_line and n > 0 and not header_gap and len(cells) == first_line and first_line > 0:
                header_gap = n == first_index(lines) + 1
            continue
        pieces = split_cells(line, sep)
        if pieces is None:
            if cells:
                cells[-1] += " " + line.strip()
            continue
        if not seen_line:
            first_line, seen_line = len(pieces), True
        cells += pieces
    return cells, first_line, header_gap


def first_index(lines: list[str]) -> int:
    return next((n for n, line in enumerate(lines) if line.strip()), 0)


def split_cells(line: str, sep: str) -> list[str] | None:
    """A table line's cells (``a|text``, ``2+|text`` specifiers dropped), or None for a cell's continued text."""
    stripped = line.strip()
    if sep in ",:":
        return [c.strip() for c in stripped.split(sep)]
    at = stripped.find(sep)
    if at < 0 or not all(c.isdigit() or c in "+*.<>^ahdemlsv" for c in stripped[:at]):
        return None
    cells: list[str] = []
    current: list[str] = []
    i = at + 1
    while i < len(stripped):
        ch = stripped[i]
        if ch == "\\" and stripped.startswith(sep, i + 1):
            current.append(sep)
            i += 2
            continue
        if ch == sep:
            cells.append(trim_spec("".join(current)))
            current = []
        else:
            current.append(ch)
        i += 1
    cells.append("".join(current).strip())
    return cells


def trim_spec(cell: str) -> str:
    """A cell's text without the next cell's specifier left at its end (``one 2+`` before ``|two``)."""
    cell = cell.rstrip()
    head, _, spec = cell.rpartition(" ")
    if spec and all(c.isdigit() or c in "+*.<>^ahdemlsv" for c in spec) and any(c in "+*" for c in spec):
        return head.strip()
    return cell.strip()


def column_count(cols: str) -> int:
    cols = cols.strip()
    if not cols:
        return 0
    if cols.isdigit():
        return int(cols)
    if "*" in cols and "," not in cols:
        count = cols.partition("*")[0]
        return int(count) if count.isdigit() else 0
    return cols.count(",") + 1


def item_marker(sig: str, marker: str, n: int, first: str) -> tuple[str, str]:
    """The marker as a rendered page shows it, and the item's first line without a checkbox."""
    box = _CHECKBOX.match(first) if sig in ("*", "-") or sig.startswith("*") else None
    if box is not None:
        return ("\u2611" if box.group(1) != " " else "\u2610"), first[box.end() :]
    if sig[0] in "*-":
        return "\u2022", first
    if sig[0] == ".":
        return number_label(n, "1aiAI"[min(len(sig), 5) - 1]) + ".", first
    if sig == "<>":
        return f"({marker[1:-1]})", first
    return marker, first


def join_lines(lines: list[str], hard_break: str = " +") -> str:
    """A paragraph's lines as one line; ``hard_break`` at a line's end (AsciiDoc's `` +``) keeps the line end."""
    out: list[str] = []
    for line in lines:
        line = line.strip()
        if line.endswith(hard_break):
            out.append(line[: -len(hard_break)].rstrip() + "\n")
        else:
            out.append(line + " ")
    return "".join(out).strip()


def strip_indent(text: str) -> str:
    """A block's lines without the indent they all share (a literal paragraph's leading blanks)."""
    lines = text.split("\n")
    widths = [len(line) - len(line.lstrip()) for line in lines if line.strip()]
    cut = min(widths, default=0)
    return "\n".join(line[cut:] for line in lines) if cut else text


def auto_id(title: str) -> str:
    """asciidoctor's generated section id: ``_`` + the title's words in lower case joined by ``_``."""
    words = "".join(c if c.isalnum() else " " for c in title.lower()).split()
    return "_" + "_".join(words)


# -- preprocessing --------------------------------------------------------------------------------


@dataclass
class Preprocessed:
    lines: list[str]
    attributes: dict[str, str]
    includes: int = 0


def preprocess(text: str, session: includes.Session | None = None) -> Preprocessed:
    """Comments, attribute entries, ``include::`` and conditionals resolved line by line.

    With an include ``session`` (the text has a file behind it) ``include::`` lines are replaced by
    the lines of the files they name, as asciidoctor's preprocessor does; without one they are dropped
    and counted."""
    return _Preprocessor(session).run(text)


@dataclass
class _Frame:
    """Lines being read: the document's, or an included file's (with its heading level offset)."""

    lines: Iterator[str]
    path: Path | None
    offset: int = 0


class _Preprocessor:
    def __init__(self, session: includes.Session | None) -> None:
        self.session = session
        self.attributes = dict(BUILTIN_ATTRIBUTES)
        self.out: list[str] = []
        self.skipping: list[bool] = []  # one entry per open conditional: is its body left out?
        self.verbatim: str | None = None
        self.includes = 0
        self.frames: list[_Frame] = []

    def run(self, text: str) -> Preprocessed:
        root = self.session.root if self.session is not None else None
        self.frames = [_Frame(iter(text.split("\n")), root)]
        while self.frames:
            line = next(self.frames[-1].lines, None)
            if line is None:
                self.frames.pop()
            else:
                self.line(line)
        return Preprocessed(self.out, self.attributes, self.includes)

    def line(self, line: str) -> None:
        out = self.out
        conditional = _CONDITIONAL.match(line)
        if conditional is not None:
            _conditional(conditional, self.skipping, self.attributes, out)
            return
        if any(self.skipping):
            return
        if line.startswith("include::") and (self.verbatim is None or self.verbatim[0] != "/"):
            self.include(line)
            return
        if self.verbatim is not None:
            if self.verbatim[0] != "/":
                out.append(line)
            if line.rstrip() == self.verbatim:
                self.verbatim = None
            return
        mark = delimiter(line)
        if mark is not None and mark[0] in "-.+/" and mark != "--" and not _underlines(out, mark):
            self.verbatim = mark
            if mark[0] != "/":
                out.append(line)
            return
        if line.startswith("//") and not line.startswith("///"):
            out.append(BREAK)  # gone from the text, but it still ends a list, as authors use it
            return
        entry = _ATTRIBUTE_ENTRY.match(line)
        if entry is not None:
            _set_attribute(entry, self.attributes)
            return
        offset = self.frames[-1].offset
        if offset and line.startswith("=") and _TITLE_START.match(line):
            line = "=" * offset + line if offset > 0 else line[min(-offset, line.index(" ") - 1) :]
        out.append(line)

    def include(self, line: str) -> None:
        found = _INCLUDE.match(line)
        frame = self.frames[-1]
        if self.session is None or found is None or frame.path is None:
            self.includes += 1
            return
        target = _REFERENCE.sub(lambda m: self.attributes.get(m.group(1).lower(), m.group(0)), found.group(1))
        chain = tuple(f.path for f in self.frames if f.path is not None)
        read = self.session.read(target, chain, (frame.path.parent,))
        if read is None:
            return
        text, path = read
        options = dict(_INCLUDE_OPTION.findall(found.group(2)))
        lines = _include_lines(text.split("\n"), {k: v.strip('"') for k, v in options.items()})
        offset = frame.offset + _int_or(options.get("leveloffset", "0").strip('"'), 0)
        self.frames.append(_Frame(iter(lines), path, offset))


_INCLUDE = re.compile(r"include::(\S(?:[^\[]*\S)?)\[(.*)\]\s*$")
_INCLUDE_OPTION = re.compile(r"(\w+)=(\"[^\"]*\"|[^,]*)")
_REFERENCE = re.compile(r"\{([\w][\w-]*)\}")
_TAG_MARK = re.compile(r"\b(tag|end)::([\w-]+)\[\]")


def _int_or(value: str, default: int) -> int:
    try:
        return int(value)
    except ValueError:
        return default


def _include_lines(lines: list[str], options: dict[str, str]) -> list[str]:
    """The lines an include's ``lines=`` or ``tag(s)=`` choose (tag marker lines never shown)."""
    if lines and not lines[-1]:
        lines = lines[:-1]  # the file's last line end
    if options.get("lines"):
        return includes.lines_range(lines, options["lines"])
    tags = {t for t in re.split(r"[;,]", options.get("tag", "") or options.get("tags", "")) if t.strip()}
    if not tags:
        return lines
    kept: list[str] = []
    open_tags: list[str] = []
    for line in lines:
        mark = _TAG_MARK.search(line)
        if mark is None:
            if any(t in tags for t in open_tags):
                kept.append(line)
        elif mark.group(1) == "tag":
            open_tags.append(mark.group(2))
        elif mark.group(2) in open_tags:
            open_tags.remove(mark.group(2))
    return kept


def _underlines(out: list[str], mark: str) -> bool:
    """Whether ``mark`` underlines the line before it (``NAME`` over ``----``) rather than opening a block."""
    return bool(out) and underline_level(out[-1], mark) is not None


def _conditional(found: re.Match[str], skipping: list[bool], attributes: dict[str, str], out: list[str]) -> None:
    kind, names, body = found.groups()
    if kind == "endif":
        if skipping:
            skipping.pop()
        return
    if kind == "ifeval":
        keep = True  # expressions are not evaluated: the text is kept
    elif "+" in names:
        keep = all(n.strip().lower() in attributes for n in names.split("+"))
    else:
        keep = any(n.strip().lower() in attributes for n in names.split(","))
    if kind == "ifndef":
        keep = not keep
    if body and kind != "ifeval":
        if keep and not any(skipping):
            out.append(body)
        return
    skipping.append(not keep)


def _set_attribute(found: re.Match[str], attributes: dict[str, str]) -> None:
    unset_before, name, unset_after, value = found.groups()
    name = name.lower()
    if unset_before or unset_after:
        attributes.pop(name, None)
        return
    value = (value or "").strip()
    if "{" in value:
        value = Inline(attributes, {}).literal(value)
    attributes[name] = value


# -- the document ---------------------------------------------------------------------------------


def header(reader: Reader) -> int:
    """The document title (``= Title`` or underlined with ``=``) and its author and revision lines."""
    lines = reader.lines
    i = 0
    while i < len(lines) and blank(lines[i]):
        i += 1
    if i >= len(lines):
        return i
    found = one_line_title(lines[i])
    if found is not None and found[0] == 1:
        reader.add_heading(found[1], 1)
        i += 1
    elif i + 1 < len(lines) and underline_level(lines[i], lines[i + 1]) == 1:
        reader.add_heading(lines[i].strip(), 1)
        i += 2
    else:
        return i
    if i < len(lines) and lines[i].strip() and _AUTHOR.match(lines[i].strip()):
        reader.metadata["author"] = lines[i].strip().partition(" <")[0].partition(";")[0]
        i += 1
        revision = lines[i].strip() if i < len(lines) else ""
        if revision[:1].isdigit() or (revision[:1] in "vV" and revision[1:2].isdigit()):
            reader.metadata["date"] = lines[i].strip().partition(",")[2].partition(":")[0].strip()
            i += 1
    return i


def section_refs(lines: list[str]) -> dict[str, str]:
    """Anchor ids set on section titles (``[[id]]`` over ``== Title``) -> the title, for ``<<id>>``."""
    refs: dict[str, str] = {}
    for n, line in enumerate(lines[:-1]):
        stripped = line.strip()
        if not (stripped.startswith("[[") and stripped.endswith("]]")):
            continue
        ident, _, label = stripped[2:-2].partition(",")
        nxt = lines[n + 1]
        found = one_line_title(nxt)
        title = (
            found[1] if found else (nxt.strip() if n + 2 < len(lines) and underline_level(nxt, lines[n + 2]) else "")
        )
        if label or title:
            refs[ident] = label or title
    return refs


def parse(document: Document) -> Document:
    session = includes.session(len(document.text))
    pre = preprocess(document.text, session)
    refs = section_refs(pre.lines)
    reader = Reader(pre.lines, Inline(pre.attributes, refs))
    start = header(reader)
    reader.blocks(start, len(pre.lines), Context())
    footnotes(reader)
    subtitle(reader)
    meta = reader.metadata
    first = meta.pop("first_heading", None)
    if "title" not in meta and first:
        meta["title"] = first
    notes = document.notes
    if pre.includes:
        notes = (*notes, f"{pre.includes} include:: line{'s' if pre.includes > 1 else ''} not read")
    if session is not None:
        notes = (*notes, *session.notes)
    return reader.builder.document(document.source, "asciidoc", meta, document.encoding, notes)


def footnotes(reader: Reader) -> None:
    for n, note in enumerate(reader.inline.notes, 1):
        reader.builder.pending_ids.append(f"_footnotedef_{n}")
        emit(reader.builder, "list_item", note, depth=1, marker=f"[{n}]")


def subtitle(reader: Reader) -> None:
    """A manual page's NAME line (``git-log - Show commit logs``), as the man reader keeps it."""
    blocks = reader.builder.blocks
    text = reader.builder.text()
    for a, b in zip(blocks, blocks[1:]):
        if a.kind == "heading" and text[a.start : a.end] == "NAME" and b.kind == "paragraph":
            reader.metadata["subtitle"] = text[b.start : b.end]
            return


def looks_like(text: str) -> bool:
    """Strong evidence of AsciiDoc in a ``.txt`` file or standard input.

    A manual page's title block (a title underlined with ``=``, then ``NAME`` over dashes), or a
    ``= Title`` header with attribute entries and a delimited listing: plain text never has these.
    """
    lines = text.split("\n", 400)[:400]
    first = next((n for n, line in enumerate(lines) if line.strip() and not line.startswith("//")), None)
    if first is None or first + 1 >= len(lines):
        return False
    if underline_level(lines[first], lines[first + 1]) == 1:
        rest = lines[first + 2 : first + 40]
        return any(
            line.strip() in ("NAME", "SYNOPSIS") and nxt.rstrip() == "-" * len(line.strip())
            for line, nxt in zip(rest, rest[1:])
        )
    found = one_line_title(lines[first])
    if found is None or found[0] != 1 or not lines[first].startswith("="):
        return False
    entries = sum(1 for line in lines[first + 1 : first + 30] if _ATTRIBUTE_ENTRY.match(line))
    listings = sum(1 for line in lines if line.rstrip() == "----" or line.startswith("[source"))
    sections = sum(1 for line in lines if line.startswith("== "))
    return entries >= 1 and (listings >= 2 or sections >= 2)
