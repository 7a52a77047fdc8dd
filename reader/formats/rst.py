"""reStructuredText (``.rst``: Sphinx and docutils documentation) read as a rendered page shows it.

Our own reader, line by line (docutils is not used: parts of it are GPL-licensed). Section titles
take their level from the order in which adornment styles first appear (an overlined style apart
from the underline-only one), as docutils rules; lists, definition, field and option lists,
literal blocks after ``::``, code directives, doctests, admonitions, tables, footnotes and
citations become blocks as the Markdown reader gives them; comments, targets, substitution
definitions and directives that only steer the build (``toctree``, ``index``, ``only``, ``meta``)
stay out of the text; ``include`` reads the file it names in (``literalinclude`` as a code block) when
the page has a file behind it. Inline markup is read by a scanner of its own: roles, literals, emphasis,
links and substitutions are shown as their text, with emphasis and links recorded beside it.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from reader.formats import includes
from reader.formats.build import Builder, inline
from reader.model import Analysis, BlockKind, Document, EmphasisKind

_PUNCT = "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~"
_ADORN = frozenset(_PUNCT)
_BULLETS = frozenset("-*+•‣⁃")
_SIMPLE_BORDER = re.compile(r"=+(?: +=+)+ *$")
_GRID_BORDER = re.compile(r"\+(?:[-=]+\+)+ *$")
_ENUM = re.compile(r"(?:\(([0-9]+|[A-Za-z]|[ivxlcdmIVXLCDM]+|#)\)|([0-9]+|[A-Za-z]|[ivxlcdmIVXLCDM]+|#)([.)]))(?: +|$)")
_FIELD = re.compile(r":((?:[^:`\\\s]|\\.)(?:[^:`\\]|\\.)*):(?: +|$)")
_OPTION_START = re.compile(r"(?:--?[A-Za-z0-9]|/[A-Za-z])")
_DIRECTIVE_NAME = re.compile(r"[A-Za-z0-9][\w.+:-]*")
_FOOTNOTE = re.compile(r"\.\. +\[([^\]\s]+)\](?: +|$)")
_SUBST_DEF = re.compile(r"\.\. +\|([^|]+)\| +([\w:-]+)::(?: +(.*))?$")
_TARGET = re.compile(r"\.\. +_(`[^`]+`|[^:`][^:]*|):(?: +(.*))?$")
_DIR_OPTION = re.compile(r":([\w.-]+):(?: +(.*))?$")
_ROLE = re.compile(r":([A-Za-z][\w.+:-]{0,40}?):`")
_SUFFIX_ROLE = re.compile(r":([A-Za-z][\w.+:-]{0,40}?):")
_FOOTREF = re.compile(r"\[(#?[\w.-]{0,40}|\*)\]_")
_SPECIAL = re.compile(r"[*`:|\[\\_]")
_URL = re.compile(r"(?:https?|ftp)://[^\s<>\"'`]+|mailto:[^\s<>\"'`]+")
_NON_WORD = re.compile(r"[^\w]+")

# Directives whose content is code, with the language as their argument.
CODE = frozenset({"code-block", "code", "sourcecode"})
# sphinx.ext.doctest's blocks: code in their own language (their setup and cleanup are hidden).
DOCTEST = {"doctest": "pycon", "testcode": "python", "testoutput": None}
# Directives that only steer the build or the page, never text a reader reads.
SKIP = frozenset(
    """toctree contents index only highlight meta include raw sectnum section-numbering tabularcolumns
    default-role role program currentmodule module sectionauthor moduleauthor codeauthor footer header
    autosummary
    autoprogram click testsetup testcleanup target-notes cssclass spelling title
    cmake-module ifconfig todolist py:currentmodule py:module c:namespace cpp:namespace
    towncrier-draft-entries date""".split()
)
# Directives whose content reads as if it were not inside one.
TRANSPARENT = frozenset({"container", "compound", "glossary", "class", "rst-class", "tabs", "hlist", "centered"})
ADMONITIONS = {
    "note": "Note",
    "warning": "Warning",
    "tip": "Tip",
    "hint": "Hint",
    "important": "Important",
    "caution": "Caution",
    "danger": "Danger",
    "error": "Error",
    "attention": "Attention",
    "seealso": "See also",
    "todo": "To do",
    "epigraph": "",
    "pull-quote": "",
    "highlights": "",
}
VERSIONS = {
    "versionadded": "New in version",
    "versionchanged": "Changed in version",
    "deprecated": "Deprecated since version",
    "versionremoved": "Removed in version",
}
# Directives that describe one object of the software (Sphinx's domains, CMake's): a signature over its text.
OBJECTS = frozenset(
    """function class method attribute data exception decorator decoratormethod staticmethod classmethod
    describe object option cmdoption envvar confval variable command genex macro type member var struct
    enum enumerator property setting signal""".split()
)
# Roles whose text is prose, not code; every other role (func, class, envvar, CMake's command...) is code.
TEXT_ROLES = frozenset(
    """ref doc term abbr dfn emphasis strong title-reference title t pep rfc menuselection guilabel
    manual numref any download sub subscript sup superscript cite keyword""".split()
)
# Sphinx's file-wide fields: settings of the build, not text.
SPHINX_FIELDS = frozenset({"orphan", "nocomments", "nosearch", "tocdepth", "public", "private"})
DOCINFO = {"author": "author", "authors": "author", "date": "date", "title": "title"}
_SYMBOLS = "*†‡§¶#♠♥♦♣"
MAX_LEVEL = 6
MAX_NESTING = 40  # blocks inside blocks: deeper ones are read flat, so recursion stays bounded


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip(" "))


def _is_adornment(line: str) -> bool:
    """A line of one punctuation character repeated (``=====``, ``~~~~``)."""
    line = line.rstrip()
    return len(line) >= 2 and line[0] in _ADORN and line.count(line[0]) == len(line)


def _dedent(lines: list[str]) -> list[str]:
    width = min((_indent(line) for line in lines if line.strip()), default=0)
    out = [line[width:] if line.strip() else "" for line in lines]
    while out and not out[-1]:
        out.pop()
    while out and not out[0]:
        out.pop(0)
    return out


def _block_end(lines: list[str], start: int, width: int = 1) -> int:
    """The index after the lines from ``start`` indented at least ``width`` (blank lines inside included)."""
    end = index = start
    while index < len(lines):
        line = lines[index]
        if line.strip():
            if _indent(line) < width:
                break
            end = index + 1
        index += 1
    return end


def normalize(name: str) -> str:
    """A reference name as docutils compares them: case and runs of white space do not count."""
    return " ".join(name.strip("`").lower().split())


def ident(name: str) -> str:
    """The id docutils gives a name (``Quick start`` -> ``quick-start``)."""
    return _NON_WORD.sub("-", normalize(name)).strip("-") or "section"


@dataclass
class Refs:
    """What a document defines anywhere, gathered before it is read: targets, substitutions, notes."""

    targets: dict[str, str] = field(default_factory=dict)  # reference name -> URL or "#id"
    anonymous: list[str] = field(default_factory=list)
    substitutions: dict[str, str] = field(default_factory=dict)
    label_titles: dict[str, str] = field(default_factory=dict)  # label -> the section title right after it
    auto_notes: dict[str, int] = field(default_factory=dict)  # "#name" -> its number
    auto_order: list[int] = field(default_factory=list)  # numbers of the anonymous "[#]" notes, in order


def gather(lines: list[str]) -> Refs:
    """One pass over the source for what a reference may point at further down."""
    refs = Refs()
    used: set[int] = set()
    autos: list[str] = []
    for index, raw in enumerate(lines):
        line = raw.strip()
        if not line.startswith((".. ", "__ ")):
            if index + 1 < len(lines) and _is_title(lines, index):
                refs.targets.setdefault(normalize(line), "#" + ident(line))
            continue
        _gather_line(refs, lines, index, line, used, autos)
    number = 0
    for label in autos:
        number += 1
        while number in used:
            number += 1
        if label == "#":
            refs.auto_order.append(number)
        else:
            refs.auto_notes[label] = number
    for name, url in list(refs.targets.items()):  # an indirect target: ".. _a: b_"
        if url.endswith("_") and not url.endswith("\\_") and " " not in url:
            refs.targets[name] = refs.targets.get(normalize(url[:-1]), url)
    return refs


def _is_title(lines: list[str], index: int) -> bool:
    line, under = lines[index], lines[index + 1]
    text = line.strip()
    return bool(text) and _indent(line) == 0 and _is_adornment(under) and len(under.rstrip()) >= min(len(text), 4)


def _gather_line(refs: Refs, lines: list[str], index: int, line: str, used: set[int], autos: list[str]) -> None:
    if line.startswith("__ ") or line.startswith(".. __:"):
        refs.anonymous.append(line.split(maxsplit=1 if line.startswith("__") else 2)[-1].strip())
        return
    target = _TARGET.match(line)
    if target:
        name, url = normalize(target.group(1)), _continued(lines, index, target.group(2) or "", "")
        refs.targets[name] = url if url else "#" + ident(name)
        if not url:
            title = _title_after(lines, index + 1)
            if title:
                refs.label_titles[name] = title
        return
    subst = _SUBST_DEF.match(line)
    if subst:
        refs.substitutions[subst.group(1)] = _substitution(
            subst.group(2), _continued(lines, index, subst.group(3) or "")
        )
        return
    note = _FOOTNOTE.match(line)
    if note and note.group(1).isdigit():
        used.add(int(note.group(1)))
    elif note and note.group(1).startswith("#"):
        autos.append(note.group(1))


def _continued(lines: list[str], index: int, first: str, joint: str = " ") -> str:
    """A one-line construct's value with its indented continuation lines (a long URL, a replacement)."""
    parts = [first.strip()] if first.strip() else []
    base = _indent(lines[index])
    for at in range(index + 1, len(lines)):
        line = lines[at]
        if not line.strip() or _indent(line) <= base or _DIR_OPTION.match(line.strip()):
            break
        parts.append(line.strip())
    return joint.join(parts)


def _title_after(lines: list[str], index: int) -> str:
    """The section title a label stands over, if one follows it (after other labels and blank lines)."""
    while index < len(lines) and (not lines[index].strip() or lines[index].startswith(".. _")):
        index += 1
    if index + 2 < len(lines) and _is_adornment(lines[index]) and lines[index + 2].rstrip() == lines[index].rstrip():
        return lines[index + 1].strip()
    if index + 1 < len(lines) and _is_title(lines, index):
        return lines[index].strip()
    return ""


def _substitution(kind: str, data: str) -> str:
    if kind == "replace":
        return data
    if kind == "unicode":
        return "".join(_unicode_piece(piece) for piece in data.split(" .. ")[0].split())
    return ""  # an image or a date: badges and build stamps are no text


def _unicode_piece(piece: str) -> str:
    digits = piece
    for prefix in ("U+", "u+", "0x", "0X", "\\x", "\\u", "&#x", "&#X"):
        if piece.startswith(prefix):
            digits = piece[len(prefix) :].rstrip(";")
            break
    else:
        return piece
    try:
        return chr(int(digits, 16))
    except (ValueError, OverflowError):
        return piece


@dataclass
class Span:
    """Inline text as shown, with its emphasis and links as offsets into it."""

    text: str = ""
    emphasis: list[tuple[int, int, EmphasisKind]] = field(default_factory=list)
    links: list[tuple[int, int, str]] = field(default_factory=list)


class Inline:
    """The inline markup of one paragraph (white space already collapsed) read into plain text."""

    def __init__(self, text: str, reader: Reader, nested: int = 0):
        self.src = text
        self.reader = reader
        self.nested = nested
        self.out: list[str] = []
        self.size = 0
        self.span = Span()
        self.ends: dict[str, list[int]] = {}

    def run(self) -> Span:
        src, i = self.src, 0
        while i < len(src):
            found = _SPECIAL.search(src, i)  # plain text is copied a run at a time
            if found is None:
                self.emit(src[i:])
                break
            if found.start() > i:
                self.emit(src[i : found.start()])
            i = self.special(found.start())
        self.span.text = "".join(self.out)
        self._urls()
        return self.span

    def special(self, i: int) -> int:
        """Markup, an escape or a reference's underscore at ``i``: the index after it."""
        step = self.markup(i)
        if step:
            return step
        src, ch = self.src, self.src[i]
        if ch == "\\" and i + 1 < len(src):
            if not src[i + 1].isspace():
                self.emit(src[i + 1])
            return i + 2
        if ch == "_" and self.simple_reference(i):
            return i + (2 if src.startswith("__", i) else 1)
        self.emit(ch)
        return i + 1

    def emit(self, piece: str) -> None:
        self.out.append(piece)
        self.size += len(piece)

    def mark(self, start: int, kind: EmphasisKind) -> None:
        if self.size > start:
            self.span.emphasis.append((start, self.size, kind))

    def markup(self, i: int) -> int:
        """The index after the inline markup starting at ``i``, or 0 when none starts there."""
        ch = self.src[i]
        if ch not in "*`:|[" or not self._start_ok(i):
            return 0
        if ch == "*":
            return self.emphasis(i, "**", "bold") if self.src.startswith("**", i) else self.emphasis(i, "*", "italic")
        if ch == "`":
            return self.literal(i) if self.src.startswith("``", i) else self.interpreted(i, None)
        if ch == ":":
            role = _ROLE.match(self.src, i)
            return self.interpreted(role.end() - 1, role.group(1)) if role else 0
        if ch == "|":
            return self.substitution(i)
        return self.footnote(i)

    def _start_ok(self, i: int) -> bool:
        before = self.src[i - 1] if i else " "
        return before.isspace() or before in "-:/'\"<([{‘“«" or not before.isalnum() and before not in "*`|_"

    def _end(self, token: str, start: int) -> int:
        """The first valid end of ``token`` at or after ``start`` (-1: none): found once per token."""
        ends = self.ends.get(token)
        if ends is None:
            ends = self.ends[token] = self._valid_ends(token)
        at = bisect_left(ends, start)
        return ends[at] if at < len(ends) else -1

    def _valid_ends(self, token: str) -> list[int]:
        src, out, at = self.src, [], self.src.find(token)
        while at >= 0:
            if at and not src[at - 1].isspace() and self._end_ok(at + len(token), token):
                out.append(at)
            at = src.find(token, at + 1)
        return out

    def _end_ok(self, after: int, token: str) -> bool:
        src = self.src
        if token == "`":  # a reference's "_" or "__", or a role after it
            if src.startswith("__", after):
                after += 2
            elif src.startswith("_", after):
                after += 1
            elif src.startswith(":", after):
                role = _SUFFIX_ROLE.match(src, after)
                after = role.end() if role else after
        if token in ("*", "`") and src.startswith(token, after):
            return False
        return after >= len(src) or src[after].isspace() or src[after] in "-.,:;!?\\/'\")]}>’”»…"

    def emphasis(self, i: int, token: str, kind: EmphasisKind) -> int:
        start = i + len(token)
        end = self._end(token, start + 1)
        if end < 0 or self.src[start].isspace():
            return 0
        begin = self.size
        self.emit(_unescape(self.src[start:end]))  # docutils nests no markup inside emphasis
        self.mark(begin, kind)
        return end + len(token)

    def literal(self, i: int) -> int:
        end = self._end("``", i + 3)
        if end < 0 or self.src[i + 2].isspace():
            return 0
        begin = self.size
        self.emit(self.src[i + 2 : end])
        self.mark(begin, "code")
        return end + 2

    def interpreted(self, i: int, role: str | None) -> int:
        """`` `text` `` with its role before or after it, or a reference (`` `text`_ ``)."""
        end = self._end("`", i + 2)
        if end < 0 or self.src[i + 1].isspace():
            return 0
        content, after = self.src[i + 1 : end], end + 1
        if self.src.startswith("__", after):
            self.reference(content, anonymous=True)
            return after + 2
        if self.src.startswith("_", after):
            self.reference(content)
            return after + 1
        suffix = _SUFFIX_ROLE.match(self.src, after) if role is None else None
        if suffix:
            role, after = suffix.group(1), suffix.end()
        self.role(role, content)
        return after

    def role(self, role: str | None, content: str) -> None:
        name = (role or "").lower().rsplit(":", 1)[-1]
        content = _unescape(content)
        title, target = _title_target(content)
        shown, kind, url = self.reader.role_text(name, title, target)
        begin = self.size
        self.emit(shown)
        if url:
            self.span.links.append((begin, self.size, url))
        if kind:
            self.mark(begin, kind)

    def reference(self, content: str, anonymous: bool = False) -> None:
        title, target = _title_target(_unescape(content))
        refs = self.reader.refs
        if target is not None and target.endswith("_") and not target.startswith(("http", "mailto")):
            url = refs.targets.get(normalize(target[:-1]), "")
        elif target is not None:
            url = "".join(target.split())
            refs.targets.setdefault(normalize(title), url)  # `text <url>`_ names a target too
        elif anonymous:
            url = self.reader.next_anonymous()
        else:
            url = refs.targets.get(normalize(title), "")
        shown = title or (target or "")
        begin = self.size
        self.emit(shown)
        if url and self.size > begin:
            self.span.links.append((begin, self.size, url))

    def simple_reference(self, i: int) -> bool:
        """``word_``: a reference to a target named ``word``, shown without its underscore."""
        src = self.src
        after = i + 2 if src.startswith("__", i) else i + 1
        if (
            not i
            or not src[i - 1].isalnum()
            or not (after >= len(src) or src[after].isspace() or src[after] in ".,;:!?)'\"")
        ):
            return False
        start = i
        while start > 0 and (
            src[start - 1].isalnum() or src[start - 1] in "-.+" and start > 1 and src[start - 2].isalnum()
        ):
            start -= 1
        name = src[start:i]
        anonymous = after == i + 2
        url = self.reader.next_anonymous() if anonymous else self.reader.refs.targets.get(normalize(name))
        if url is None or not self.out or len(name) > self.size:
            return False
        if url:
            self.span.links.append((self.size - len(name), self.size, url))
        return True

    def substitution(self, i: int) -> int:
        end = self._end("|", i + 2)
        if end < 0 or self.src[i + 1].isspace():
            return 0
        name = self.src[i + 1 : end]
        after = end + 1
        after += 2 if self.src.startswith("__", after) else 1 if self.src.startswith("_", after) else 0
        value = self.reader.refs.substitutions.get(name)
        if value is None:
            value = name
        if self.nested < 4:  # a value may use another substitution (CMake's find_* pages nest two)
            sub = Inline(inline(value), self.reader, self.nested + 1)
            self._splice(sub.run())
        else:
            self.emit(inline(value))
        return after

    def footnote(self, i: int) -> int:
        found = _FOOTREF.match(self.src, i)
        if found is None:
            return 0
        label, url = self.reader.note_label(found.group(1))
        begin = self.size
        self.emit(f"[{label}]")
        self.span.links.append((begin, self.size, url))
        return found.end()

    def _splice(self, span: Span) -> None:
        base = self.size
        self.emit(span.text)
        self.span.emphasis.extend((a + base, b + base, k) for a, b, k in span.emphasis)
        self.span.links.extend((a + base, b + base, u) for a, b, u in span.links)

    def _urls(self) -> None:
        """A bare URL in the text is a link too."""
        if "://" not in self.span.text and "mailto:" not in self.span.text:
            return
        taken = [(a, b) for a, b, _ in self.span.links]
        for found in _URL.finditer(self.span.text):
            url = found.group().rstrip(".,;:!?)]'\"")
            start, end = found.start(), found.start() + len(url)
            if all(end <= a or start >= b for a, b in taken):
                self.span.links.append((start, end, url))


def _unescape(text: str) -> str:
    if "\\" not in text:
        return text
    out, i = [], 0
    while i < len(text):
        if text[i] == "\\" and i + 1 < len(text):
            if not text[i + 1].isspace():
                out.append(text[i + 1])
            i += 2
        else:
            out.append(text[i])
            i += 1
    return "".join(out)


def _title_target(content: str) -> tuple[str, str | None]:
    """``Title <target>`` -> ("Title", "target"); plain text -> (text, None)."""
    if content.endswith(">"):
        at = content.rfind("<")
        if at == 0:
            return content[1:-1], content[1:-1]
        if at > 0 and content[at - 1].isspace():
            return content[:at].strip(), content[at + 1 : -1].strip()
    return content, None


@dataclass
class Context:
    """Where blocks land: what a paragraph becomes, its list depth, and whether sections may start."""

    kind: BlockKind = "paragraph"
    depth: int = 0
    top: bool = True

    def item(self) -> Context:
        return Context("list_item", self.depth + 1, False)

    def quote(self) -> Context:
        return Context("block_quote", 0, False)


_PROSE: frozenset[str] = frozenset({"paragraph", "block_quote", "list_item", "heading"})


@dataclass
class Reader:
    refs: Refs
    builder: Builder = field(default_factory=Builder)
    metadata: dict[str, str] = field(default_factory=dict)
    styles: list[tuple[str, bool]] = field(default_factory=list)  # adornment styles in order of appearance
    language: str | None = None  # the default language of literal blocks (``.. highlight::``)
    marker: str | None = None  # the marker of the list item whose first block comes next
    label: str | None = None  # an admonition's title word, for its first block
    label_kind: EmphasisKind = "bold"
    anonymous_used: int = 0
    auto_refs: int = 0
    auto_notes: int = 0
    nesting: int = 0
    content_seen: bool = False  # a block other than a heading is written (docinfo fields come before)

    # -- blocks -------------------------------------------------------------------------------------

    def blocks(self, lines: list[str], ctx: Context) -> None:
        if self.nesting >= MAX_NESTING:  # a list nested hundreds deep: its lines read as one paragraph
            self.add(ctx.kind, Span(inline(" ".join(lines))))
            return
        self.nesting += 1
        try:
            self._blocks(lines, ctx)
        finally:
            self.nesting -= 1

    def _blocks(self, lines: list[str], ctx: Context) -> None:
        index = 0
        while index < len(lines):
            if not lines[index].strip():
                index += 1
                continue
            index = self.block(lines, index, ctx)

    def block(self, lines: list[str], i: int, ctx: Context) -> int:
        line = lines[i]
        if _indent(line) > 0:
            end = _block_end(lines, i)
            self.blocks(_dedent(lines[i:end]), ctx.quote() if ctx.kind != "list_item" else ctx)
            return end
        if line.startswith(".. ") or line.rstrip() == "..":
            return self.explicit(lines, i, ctx)
        if line.startswith(("+-", "+=")) and _GRID_BORDER.match(line):
            return self.grid_table(lines, i)
        if line.startswith("=") and (_SIMPLE_BORDER.match(line) or self._one_column(lines, i)):
            return self.simple_table(lines, i)
        if _is_adornment(line) and line.rstrip() != "::":
            return self.adornment(lines, i, ctx)
        if i + 1 < len(lines) and _is_title(lines, i):
            return self.section(line.strip(), (lines[i + 1].strip()[0], False), i + 2, ctx)
        return self.list_or_text(lines, i, ctx)

    def _one_column(self, lines: list[str], i: int) -> bool:
        """A one-column simple table: a border, rows, a border, where an overlined title has one row."""
        if not _is_adornment(lines[i]) or i + 3 >= len(lines) or not lines[i + 1].strip():
            return False
        return lines[i + 2].strip() != "" and not _is_adornment(lines[i + 2]) and lines[i + 2][:1] != " "

    def list_or_text(self, lines: list[str], i: int, ctx: Context) -> int:
        line = lines[i]
        if line.startswith("__ "):
            return _block_end(lines, i + 1)
        if line[0] in _BULLETS and (len(line) == 1 or line[1] == " "):
            return self.list_item(lines, i, ctx, "•", 2 if len(line) > 1 else 1)
        enum = _ENUM.match(line)
        if enum and self._enum_ok(lines, i):
            return self.enumerated(lines, i, ctx)
        if line.startswith(":") and _FIELD.match(line):
            return self.field(lines, i, ctx)
        if _OPTION_START.match(line) and self._option_ok(lines, i):
            return self.option(lines, i, ctx)
        if line.startswith(">>>"):
            end = self._paragraph_end(lines, i)
            self.add("preformatted", "\n".join(lines[i:end]), language="pycon")
            return end
        if line.startswith("| ") or line == "|":
            return self.line_block(lines, i, ctx)
        if i + 1 < len(lines) and lines[i + 1].strip() and _indent(lines[i + 1]) > 0:
            return self.definition(lines, i, ctx)
        return self.paragraph(lines, i, ctx)

    def adornment(self, lines: list[str], i: int, ctx: Context) -> int:
        """An overlined title, or a transition (a lone line of punctuation): out of the text."""
        line = lines[i].rstrip()
        over = i + 2 < len(lines) and lines[i + 2].rstrip() == line and lines[i + 1].strip()
        if over:
            return self.section(lines[i + 1].strip(), (line[0], True), i + 3, ctx)
        if len(line) >= 4 or i + 1 >= len(lines) or not lines[i + 1].strip():
            return i + 1
        return self.paragraph(lines, i, ctx)

    def section(self, title: str, style: tuple[str, bool], after: int, ctx: Context) -> int:
        if not ctx.top:  # a title inside a list or a directive: docutils refuses it; shown as a bold line
            self.add(ctx.kind, _bold(Inline(inline(title), self).run()), **self._item(ctx))
            return after
        if style not in self.styles:
            self.styles.append(style)
        level = min(self.styles.index(style) + 1, MAX_LEVEL)
        self.builder.pending_ids.append(ident(title))
        span = Inline(inline(title), self).run()
        if span.text and "title" not in self.metadata:
            self.metadata["title"] = span.text
        self.add("heading", span, level=level)
        return after

    def paragraph(self, lines: list[str], i: int, ctx: Context) -> int:
        end = self._paragraph_end(lines, i)
        text = inline(" ".join(line.strip() for line in lines[i:end]))
        literal = text.endswith("::")
        if text == "::":
            text = ""
        elif text.endswith(" ::"):
            text = text[:-3]
        elif literal:
            text = text[:-1]
        if text:
            self.add(ctx.kind, Inline(text, self).run(), **self._item(ctx))
        if end < len(lines) and _indent(lines[end]) > 0:
            return self.indented_after(lines, end, ctx, literal)
        if literal:
            return self.literal_after(lines, end)
        return end

    def _paragraph_end(self, lines: list[str], i: int) -> int:
        end = i + 1
        while end < len(lines) and lines[end].strip() and _indent(lines[end]) == 0:
            end += 1
        return end

    def indented_after(self, lines: list[str], i: int, ctx: Context, literal: bool) -> int:
        end = _block_end(lines, i)
        if literal:
            self.add("preformatted", "\n".join(_dedent(lines[i:end])), language=self.language)
        else:
            self.blocks(_dedent(lines[i:end]), ctx.quote() if ctx.kind != "list_item" else ctx)
        return end

    def literal_after(self, lines: list[str], i: int) -> int:
        """The literal block after ``::``: the next indented lines (or quoted ones, each opening alike)."""
        while i < len(lines) and not lines[i].strip():
            i += 1
        if i >= len(lines):
            return i
        if _indent(lines[i]) > 0:
            end = _block_end(lines, i)
            self.add("preformatted", "\n".join(_dedent(lines[i:end])), language=self.language)
            return end
        mark = lines[i][0]
        end = i
        while end < len(lines) and lines[end].startswith(mark) and mark in _ADORN:
            end += 1
        if end > i:
            self.add("preformatted", "\n".join(lines[i:end]))
        return end

    def line_block(self, lines: list[str], i: int, ctx: Context) -> int:
        end = i
        shown: list[str] = []
        while end < len(lines) and lines[end].strip():
            line = lines[end]
            if line.startswith("| ") or line == "|":
                shown.append(line[2:].strip())
            elif shown:
                shown[-1] += " " + line.strip()
            end += 1
        text = "\n".join(Inline(inline(piece), self).run().text for piece in shown)
        self.add(ctx.kind, Span(text), **self._item(ctx))
        return end

    # -- lists --------------------------------------------------------------------------------------

    def list_item(self, lines: list[str], i: int, ctx: Context, marker: str, width: int) -> int:
        end = _block_end(lines, i + 1)
        first, rest = lines[i][width:].strip(), _dedent_keep(lines[i + 1 : end])
        body = [first, *rest] if first else rest
        self.marker = marker
        self.blocks(body, ctx.item())
        self.marker = None
        return end

    def _enum_ok(self, lines: list[str], i: int) -> bool:
        """docutils' rule: an item's line is followed by a blank, indented or item line."""
        if i + 1 >= len(lines):
            return True
        following = lines[i + 1]
        return not following.strip() or _indent(following) > 0 or bool(_ENUM.match(following))

    def enumerated(self, lines: list[str], i: int, ctx: Context) -> int:
        number = 0
        while i < len(lines):
            enum = _ENUM.match(lines[i])
            if enum is None or not self._enum_ok(lines, i):
                break
            number += 1
            label = enum.group(1) or enum.group(2)
            shown = str(number) if label == "#" else label
            marker = f"({shown})" if enum.group(1) else shown + enum.group(3)
            i = self.list_item(lines, i, ctx, marker, enum.end())
            while i < len(lines) and not lines[i].strip():
                i += 1
        return i

    def definition(self, lines: list[str], i: int, ctx: Context) -> int:
        """A term and, indented under it, its definition: a tag and its text, as man pages give them."""
        term = lines[i].strip()
        if " : " in term:  # classifiers: "name : type"
            head, _, kinds = term.partition(" : ")
            term = f"{head} ({kinds.replace(' : ', ', ')})"
        end = _block_end(lines, i + 1)
        return self._tagged(Inline(inline(term), self).run(), _dedent(lines[i + 1 : end]), ctx, end)

    def _tagged(self, tag: Span, body: list[str], ctx: Context, end: int) -> int:
        inner = ctx.item()
        self.add("list_item", tag, depth=inner.depth)
        self.blocks(body, Context("list_item", inner.depth, False))
        return end

    def field(self, lines: list[str], i: int, ctx: Context) -> int:
        found = _FIELD.match(lines[i])
        assert found is not None
        name = _unescape(found.group(1))
        end = _block_end(lines, i + 1)
        body = [lines[i][found.end() :].strip(), *_dedent_keep(lines[i + 1 : end])]
        key = name.lower()
        docinfo = ctx.top and not self.content_seen
        if docinfo and (key in SPHINX_FIELDS or key.startswith(("og:", "html_meta"))):
            return end
        if docinfo and key in DOCINFO and body[0]:
            self.metadata.setdefault(DOCINFO[key], inline(" ".join(body)))
        self._tagged(Inline(inline(name), self).run(), body if body[0] else body[1:], ctx, end)
        self.content_seen = not docinfo  # the fields at the top are the document's, all of them
        return end

    def _option_ok(self, lines: list[str], i: int) -> bool:
        line = lines[i]
        options = line.split("  ", 1)[0].strip()
        if not all(part.strip()[:1] in "-/" for part in options.split(", ")):
            return False
        described = "  " in line.strip()
        return described or (i + 1 < len(lines) and lines[i + 1].strip() != "" and _indent(lines[i + 1]) > 0)

    def option(self, lines: list[str], i: int, ctx: Context) -> int:
        options, _, description = lines[i].strip().partition("  ")
        end = _block_end(lines, i + 1)
        body = [description.strip(), *_dedent_keep(lines[i + 1 : end])]
        tag = Span(options.strip(), [(0, len(options.strip()), "code")])
        return self._tagged(tag, body if body[0] else body[1:], ctx, end)

    # -- explicit markup ----------------------------------------------------------------------------

    def explicit(self, lines: list[str], i: int, ctx: Context) -> int:
        line = lines[i]
        end = _block_end(lines, i + 1)
        if line.strip() == ".." and (i + 1 >= len(lines) or not lines[i + 1].strip()):
            return i + 1  # an empty comment: the block after it is not part of it
        if not line.startswith(".. "):
            return self.paragraph(lines, i, ctx)
        note = _FOOTNOTE.match(line)
        if note:
            return self.note(note.group(1), [line[note.end() :].strip(), *_dedent_keep(lines[i + 1 : end])], end)
        if _SUBST_DEF.match(line) or _TARGET.match(line) or line.startswith(".. __:"):
            target = _TARGET.match(line)
            if target and not target.group(2):
                self.builder.pending_ids.append(ident(target.group(1)))
            return end
        rest = line[3:].lstrip()
        at = rest.find("::")
        name = rest[:at] if at > 0 else ""
        if not name or not _DIRECTIVE_NAME.fullmatch(name) or rest[at + 2 : at + 3] not in ("", " "):
            return end  # a comment
        self.directive(name.lower(), rest[at + 2 :].strip(), lines[i + 1 : end], ctx)
        return end

    def note(self, label: str, body: list[str], end: int) -> int:
        """A footnote or citation: an item labelled ``[1]`` (the label a reference to it shows)."""
        shown, url = self.note_label(label, definition=True)
        self.builder.pending_ids.append(url[1:])
        self.marker = f"[{shown}]"
        self.blocks(body if body[0] else body[1:], Context("list_item", 1, False))
        self.marker = None
        return end

    def note_label(self, label: str, definition: bool = False) -> tuple[str, str]:
        """What a footnote or citation label shows (``#`` numbered, ``*`` a symbol) and its anchor."""
        if label == "#":
            if definition:
                order, self.auto_notes = self.refs.auto_order, self.auto_notes + 1
                number = order[self.auto_notes - 1] if self.auto_notes <= len(order) else self.auto_notes
            else:
                order, self.auto_refs = self.refs.auto_order, self.auto_refs + 1
                number = order[self.auto_refs - 1] if self.auto_refs <= len(order) else self.auto_refs
            return str(number), f"#footnote-{number}"
        if label.startswith("#"):
            number = self.refs.auto_notes.get(label, 0)
            return (str(number), f"#footnote-{number}") if number else (label[1:], f"#footnote-{ident(label)}")
        if label == "*":
            return _SYMBOLS[0], "#footnote-symbol"
        if label.isdigit():
            return label, f"#footnote-{label}"
        return label, f"#citation-{ident(label)}"

    def next_anonymous(self) -> str:
        self.anonymous_used += 1
        anonymous = self.refs.anonymous
        return anonymous[self.anonymous_used - 1] if self.anonymous_used <= len(anonymous) else ""

    def directive(self, name: str, rest: str, raw: list[str], ctx: Context) -> None:
        block = _dedent_keep(raw)
        short = name.rsplit(":", 1)[-1]
        if short in CODE or name in ("math", "productionlist"):
            return self.code(short, rest, block)
        if name in DOCTEST:
            return self.add("preformatted", "\n".join(_directive_parts(rest, block)[2]), language=DOCTEST[name])
        if name == "highlight":
            self.language = rest.split()[0].lower() if rest.split() else None
            return None
        if name == "title" and rest:  # the page's title for the browser: the document's title here
            self.metadata.setdefault("title", inline(rest))
        if name in SKIP:
            return None
        if short in ADMONITIONS or name == "admonition":
            title = ADMONITIONS.get(short, "") or (rest if name == "admonition" else "")
            body = _content(rest, block, takes_args=name == "admonition")
            return self.admonition(title, body, ctx)
        if short in VERSIONS:
            return self.version(VERSIONS[short], rest, block, ctx)
        return self.other(name, rest, block, ctx)

    def code(self, name: str, rest: str, block: list[str]) -> None:
        args, options, content = _directive_parts(rest, block)
        if name in ("math", "productionlist") and not content:
            content = args
        language = (args[0].split()[0].lower() if args and args[0].split() else None) if name in CODE else None
        self.add("preformatted", "\n".join(_dedent(content)), language=language or self.language)

    def admonition(self, title: str, body: list[str], ctx: Context) -> None:
        """A note or warning: a block quote (in a list, more of the item) opening with its title word."""
        self.labelled(title, "bold", body, ctx.quote() if ctx.kind != "list_item" else ctx)

    def version(self, words: str, rest: str, block: list[str], ctx: Context) -> None:
        """``versionadded`` and its kin: a paragraph opening "New in version 3.2:", in italic as Sphinx sets it."""
        version, _, text = rest.partition(" ")
        args, _, content = _directive_parts(text, block)
        lead = [" ".join(args)] if args else []
        self.labelled(f"{words} {version}".strip(), "italic", [*lead, "", *content] if lead else content, ctx)

    def labelled(self, label: str, how: EmphasisKind, body: list[str], ctx: Context) -> None:
        self.label, self.label_kind = label or None, how
        self.blocks(body, ctx)
        if self.label:  # nothing to say but the title: "New in version 3.2."
            label, self.label = self.label, None
            self.add(ctx.kind, Span(label + ".", [(0, len(label) + 1, how)]), **self._item(ctx))
        self.label = None

    def other(self, name: str, rest: str, block: list[str], ctx: Context) -> None:
        args, options, content = _directive_parts(rest, block)
        short = name.rsplit(":", 1)[-1]
        if short in ("image", "figure"):
            return self.image(args, options, content)
        if short in ("list-table", "csv-table"):
            return self.table_directive(short, args, options, content, ctx)
        if short in TRANSPARENT:
            return self.blocks(args + [""] + content if short == "centered" else content, ctx)
        if short in ("rubric", "table", "topic", "sidebar") and args:
            self.add(ctx.kind, _bold(Inline(inline(" ".join(args)), self).run()), **self._item(ctx))
            return self.blocks(content, ctx)
        if short == "parsed-literal":
            text = "\n".join(Inline(line, self).run().text for line in _dedent(content))
            return self.add("preformatted", Span(text))
        if not content and args and short in OBJECTS:
            signature = " ".join(args)
            self.add("list_item", Span(signature, [(0, len(signature), "code")]), depth=ctx.depth + 1)
            return None
        if not content:
            return None
        if args:  # an object a domain describes (``py:function``, CMake's ``command``): signature, then text
            signature = " ".join(args)
            self._tagged(Span(signature, [(0, len(signature), "code")]), content, ctx, 0)
            return None
        return self.blocks(content, ctx.quote())

    def image(self, args: list[str], options: dict[str, str], content: list[str]) -> None:
        caption = inline(" ".join(_first_paragraph(content)))
        shown = caption or options.get("alt", "") or (args[0].rsplit("/", 1)[-1] if args else "image")
        self.add("image", Inline(inline(shown), self).run() if caption else Span(inline(shown)))
        legend = content[len(_first_paragraph(content)) :]
        if legend:
            self.blocks(legend, Context("paragraph", 0, False))

    def table_directive(
        self, name: str, args: list[str], options: dict[str, str], content: list[str], ctx: Context
    ) -> None:
        if args:
            self.add(ctx.kind, _bold(Inline(inline(" ".join(args)), self).run()), **self._item(ctx))
        rows = _list_table(content) if name == "list-table" else _csv_rows(options.get("header", ""), content)
        header = 1 if name == "csv-table" and options.get("header") else 0
        header = _int(options.get("header-rows"), header)
        self.table([[self._cell(cell) for cell in row] for row in rows], header)

    # -- tables -------------------------------------------------------------------------------------

    def _cell(self, text: str) -> str:
        return Inline(inline(text), self).run().text.replace("|", "¦")

    def table(self, rows: list[list[str]], header: int) -> None:
        rows = [row for row in rows if any(cell for cell in row)]
        if rows:
            self.add("table", Span("\n".join(" | ".join(row) for row in rows)), header=min(header, len(rows)) or None)

    def simple_table(self, lines: list[str], i: int) -> int:
        columns = [(m.start(), m.end()) for m in re.finditer(r"=+", lines[i])]
        rows: list[list[str]] = []
        header, j = 0, i + 1
        while j < len(lines):
            line = lines[j]
            if _SIMPLE_BORDER.match(line) or line.strip() and set(line.strip()) == {"="}:
                j += 1
                if j >= len(lines) or not lines[j].strip():
                    break
                header = len(rows)
                continue
            if not line.strip() and not self._table_goes_on(lines, j):
                break
            if line.strip() and set(line.strip()) - {"-", " "}:
                cells = [
                    line[a : (columns[k + 1][0] if k + 1 < len(columns) else len(line))]
                    for k, (a, _) in enumerate(columns)
                ]
                if rows and not cells[0].strip():
                    rows[-1] = [f"{old} {new.strip()}".strip() for old, new in zip(rows[-1], cells)]
                else:
                    rows.append([cell.strip() for cell in cells])
            j += 1
        self.table([[self._cell(cell) for cell in row] for row in rows], header)
        return j

    def _table_goes_on(self, lines: list[str], j: int) -> bool:
        """After a blank line, a simple table goes on only to its closing border (a table never closed ends)."""
        while j < len(lines) and not lines[j].strip():
            j += 1
        return j < len(lines) and lines[j].startswith("=") and set(lines[j].strip()) <= {"=", " "}

    def grid_table(self, lines: list[str], i: int) -> int:
        end = i
        while end < len(lines) and lines[end].strip().startswith(("+", "|")):
            end += 1
        bounds = [k for k, ch in enumerate(lines[i].rstrip()) if ch == "+"]
        rows: list[list[str]] = []
        current: list[list[str]] = []
        header = 0
        for line in lines[i + 1 : end]:
            stripped = line.strip()
            if stripped.startswith("+") and set(stripped) <= set("+-=: "):
                if current:
                    rows.append([" ".join(part) for part in current])
                    current = []
                header = len(rows) if "=" in stripped else header
                continue
            cells = _grid_cells(line, bounds)
            while len(current) < len(cells):
                current.append([])
            for k, cell in enumerate(cells):
                if cell.strip():
                    current[k].append(cell.strip())
        if current:
            rows.append([" ".join(part) for part in current])
        self.table([[self._cell(cell) for cell in row] for row in rows], header)
        return end

    # -- writing ------------------------------------------------------------------------------------

    def _item(self, ctx: Context) -> dict[str, Any]:
        return {"depth": ctx.depth} if ctx.kind == "list_item" and ctx.depth else {}

    def add(self, kind: BlockKind, text: str | Span, **extra: Any) -> None:
        span = Span(text) if isinstance(text, str) else text
        if self.label and kind in _PROSE:
            span = _labelled(self.label, span, self.label_kind)
            self.label = None
        elif self.label:
            label, self.label = self.label, None
            self.add("block_quote", Span(label + ":", [(0, len(label) + 1, self.label_kind)]))
        shown = span.text.strip("\n").rstrip()
        if not shown.strip():
            return
        if kind == "list_item" and self.marker is not None:
            extra["marker"], self.marker = self.marker, None
        lead = 0 if kind == "preformatted" else len(shown) - len(shown.lstrip())
        shown = shown[lead:]
        for a, b, how in span.emphasis:
            a, b = max(a - lead, 0), min(b - lead, len(shown))
            if a < b and kind != "preformatted":
                self.builder.emphasize(a, b - a, how)
        for a, b, url in span.links:
            a, b = max(a - lead, 0), min(b - lead, len(shown))
            if a < b:
                self.builder.link(a, shown[a:b], url)
        if kind != "heading":
            self.content_seen = True
        self.builder.add(kind, shown, **extra)

    def role_text(self, role: str, title: str, target: str | None) -> tuple[str, EmphasisKind | None, str]:
        """What an interpreted text shows, how it is set (code for names of code), and where it links."""
        if role == "doc" and target is None:  # Sphinx shows the page's title; its name is the nearest
            parts = [part for part in title.strip("/").split("/") if part and part != "index"]
            return (parts[-1] if parts else title), None, ""
        if role in ("ref", "numref", "any", "doc", "term", "keyword", "download"):
            label = normalize(target if target is not None else title)
            titled = self.refs.label_titles.get(label) if target is None else None
            shown = Inline(inline(titled), self, 2).run().text if titled else title
            url = self.refs.targets.get(label, "") if role != "doc" else ""
            return shown, None, url if url.startswith("#") else ""
        if role == "abbr":
            return title, None, ""
        if role in ("pep", "rfc"):
            return f"{role.upper()} {title}", None, ""
        if role == "menuselection":
            return title.replace("-->", "›"), None, ""
        if role == "guilabel":
            return title.replace("&&", "\0").replace("&", "").replace("\0", "&"), None, ""
        if role in ("emphasis", "dfn", "title-reference", "title", "t", "cite"):
            return title, "italic", ""
        if role == "strong":
            return title, "bold", ""
        if role in TEXT_ROLES:
            return title, None, ""
        shown = title.lstrip("!")
        if shown.startswith("~"):
            shown = shown[1:].rsplit(".", 1)[-1]
        return shown, "code", ""


def _bold(span: Span) -> Span:
    span.emphasis.append((0, len(span.text), "bold"))
    return span


def _labelled(label: str, span: Span, how: EmphasisKind) -> Span:
    """``Note: text`` with ``Note:`` in bold, the text's emphasis and links moved along."""
    head = label + ": "
    shift = len(head)
    return Span(
        head + span.text.lstrip(),
        [(0, len(label) + 1, how), *((a + shift, b + shift, k) for a, b, k in span.emphasis)],
        [(a + shift, b + shift, u) for a, b, u in span.links],
    )


def _dedent_keep(lines: list[str]) -> list[str]:
    """An item's continuation lines dedented, a leading blank line kept (it ends the first paragraph)."""
    if not lines:
        return []
    blank = not lines[0].strip()
    out = _dedent(lines)
    return [""] + out if blank and out else out


def _content(rest: str, block: list[str], takes_args: bool) -> list[str]:
    """The content of a directive that takes no arguments: text on its first line opens it."""
    if takes_args:
        return _directive_parts(rest, block)[2]
    if rest:
        return [rest, *block]
    _, _, content = _directive_parts("", block, args=False)
    return content


def _directive_parts(rest: str, block: list[str], args: bool = True) -> tuple[list[str], dict[str, str], list[str]]:
    """A directive's argument lines, its ``:option: value`` lines and its content."""
    arguments = [rest] if rest else []
    j = 0
    while args and j < len(block) and block[j].strip() and not _DIR_OPTION.match(block[j].strip()):
        arguments.append(block[j].strip())
        j += 1
    options: dict[str, str] = {}
    while j < len(block) and block[j].strip():
        found = _DIR_OPTION.match(block[j].strip())
        if found is None:
            break
        options[found.group(1).lower()] = (found.group(2) or "").strip()
        j += 1
    if arguments and not args:
        arguments = []
    return arguments, options, _dedent(block[j:])


def _first_paragraph(lines: list[str]) -> list[str]:
    out: list[str] = []
    for line in lines:
        if not line.strip():
            break
        out.append(line)
    return out


def _grid_cells(line: str, bounds: list[int]) -> list[str]:
    """A grid table line cut at the column bars; a bar missing (a spanned cell) joins two columns."""
    cells: list[str] = []
    start = bounds[0] + 1 if bounds else 0
    for bound in bounds[1:]:
        if bound < len(line) and line[bound] in "|+":
            cells.append(line[start:bound])
            start = bound + 1
    if start < len(line.rstrip()):
        cells.append(line[start:].rstrip().rstrip("|"))
    return cells


def _list_table(content: list[str]) -> list[list[str]]:
    """A list-table's rows: each top-level ``*`` item a row, each ``-`` item under it a cell."""
    rows: list[list[str]] = []
    cell: list[str] | None = None
    for line in content:
        stripped = line.strip()
        if line.startswith(("* ", "- ")) or stripped in ("*", "-"):
            rows.append([])
            stripped = line[2:].strip()
            line = "  " + line[2:]
        if not rows:
            continue
        if stripped.startswith(("- ", "* ")) or stripped in ("-", "*"):
            rows[-1].append(stripped[2:].strip())
            cell = rows[-1]
        elif stripped and cell is rows[-1] and rows[-1]:
            rows[-1][-1] = f"{rows[-1][-1]} {stripped}"
    return rows


def _csv_rows(header: str, content: list[str]) -> list[list[str]]:
    import csv

    lines = ([header] if header else []) + [line for line in content if line.strip()]
    try:
        return [[cell.strip() for cell in row] for row in csv.reader(lines, skipinitialspace=True)]
    except csv.Error:
        return [[line] for line in lines]


def _int(value: str | None, default: int) -> int:
    try:
        return int((value or "").strip())
    except ValueError:
        return default


def parse(document: Document) -> Document:
    text, include_notes = with_includes(document)
    lines = text.expandtabs(8).split("\n")
    reader = Reader(gather(lines))
    reader.blocks(lines, Context())
    meta = dict(reader.metadata)
    notes = (*document.notes, *include_notes)
    return reader.builder.document(document.source, "rst", meta, document.encoding, notes)


# -- included files ---------------------------------------------------------------------------------

_INCLUDE = re.compile(r"([ \t]*)\.\.[ \t]+(include|literalinclude)::[ \t]*(.*?)[ \t]*$")
_INCLUDE_HINT = re.compile(r"^[ \t]*\.\.[ \t]+(?:literal)?include::", re.M)
# Directives whose content is literal: an include line in it is an example, never read.
_LITERAL_DIRECTIVE = re.compile(
    r"[ \t]*\.\.[ \t]+(?:[\w-]+:)?(?:code-block|code|sourcecode|literalinclude|parsed-literal|raw|math|"
    r"productionlist|doctest|testcode|testoutput|prompt|code-cell|ipython|jupyter-execute|graphviz)::"
)
_OPTION_LINE = re.compile(r"[ \t]+:([\w.-]+):(?:[ \t]+(.*))?$")


def with_includes(document: Document) -> tuple[str, tuple[str, ...]]:
    """The text with ``.. include::`` files read in (``literalinclude`` as a code block), when it has a
    file behind it; the directives stay as written otherwise. Notes say what could not be read."""
    session = includes.session(len(document.text))
    if session is None or not _INCLUDE_HINT.search(document.text):
        return document.text, ()
    merger = _Includes(session, _source_dirs(session.root))
    text = "\n".join(merger.merge(document.text.split("\n"), (session.root,)))
    return text, tuple(session.notes)


def _source_dirs(root: Path) -> tuple[Path, ...]:
    """Where Sphinx reads an include's ``/path`` from: the source folder, the nearest one holding ``conf.py``;
    without one (a copy of the pages), the page's folder and the three above it, nearest first."""
    folders = list(root.parents)[:8]
    for folder in folders:
        if (folder / "conf.py").is_file():
            return (folder,)
    return tuple(folders[:4])


@dataclass
class _Includes:
    session: includes.Session
    top: tuple[Path, ...]

    def merge(self, lines: list[str], chain: tuple[Path, ...]) -> list[str]:
        out: list[str] = []
        literal: int | None = None  # the indentation a literal block's lines go deeper than
        i = 0
        while i < len(lines):
            line = lines[i]
            i += 1
            if literal is not None and (not line.strip() or _indent(line) > literal):
                out.append(line)
                continue
            literal = None
            found = _INCLUDE.match(line)
            if found is None:
                out.append(line)
                literal = _literal_opener(line)
                continue
            options, i = _options(lines, i)
            out.extend(self.one(found, options, chain))
        return out

    def one(self, found: re.Match[str], options: dict[str, str], chain: tuple[Path, ...]) -> list[str]:
        indent, kind, name = found.group(1), found.group(2), found.group(3)
        if name.startswith("<") and name.endswith(">"):  # docutils' own substitution sets (isonum.txt)
            return []
        here = chain[-1].parent
        bases = self.top if name.startswith("/") else (here,)
        read = self.session.read(name.lstrip("/") if name.startswith("/") else name, chain, bases)
        if read is None:
            return []
        text, path = read
        lines = _cut(text.expandtabs(8).split("\n"), options, kind)
        if kind == "literalinclude" or "literal" in options or "code" in options:
            language = options.get("language") or options.get("code") or ""
            head = f"{indent}.. code-block:: {language}".rstrip()
            body = [f"{indent}   {x}" if x.strip() else "" for x in _dedent_by(lines, options.get("dedent"))]
            return [head, "", *body, ""]
        lines = self.merge(lines, (*chain, path))
        return [f"{indent}{x}" if x.strip() else "" for x in lines]


def _literal_opener(line: str) -> int | None:
    """The indentation a literal block after this line goes deeper than, if the line opens one."""
    stripped = line.rstrip()
    if _LITERAL_DIRECTIVE.match(line) or (stripped.endswith("::") and not stripped.lstrip().startswith("..")):
        return _indent(line)
    return None


def _options(lines: list[str], i: int) -> tuple[dict[str, str], int]:
    """A directive's ``:option: value`` lines from ``i``, and the index after them."""
    options: dict[str, str] = {}
    while i < len(lines):
        found = _OPTION_LINE.match(lines[i])
        if found is None:
            break
        options[found.group(1).lower()] = (found.group(2) or "").strip()
        i += 1
    return options, i


def _cut(lines: list[str], options: dict[str, str], kind: str) -> list[str]:
    """The part of an included file the options choose (docutils' and Sphinx's options)."""
    if "start-line" in options or "end-line" in options:
        lines = lines[_int(options.get("start-line"), 0) : _int(options.get("end-line"), len(lines)) or None]
    if kind == "literalinclude" and options.get("lines"):
        lines = includes.lines_range(lines, options["lines"])
    for key, keep in (("start-after", False), ("start-at", True)):
        mark = options.get(key)
        at = next((n for n, x in enumerate(lines) if mark and mark in x), None)
        if at is not None:
            lines = lines[at if keep else at + 1 :]
    for key, keep in (("end-before", False), ("end-at", True)):
        mark = options.get(key)
        at = next((n for n, x in enumerate(lines) if mark and mark in x), None)
        if at is not None:
            lines = lines[: at + 1 if keep else at]
    while lines and not lines[-1].strip():
        lines.pop()
    return lines


def _dedent_by(lines: list[str], dedent: str | None) -> list[str]:
    if dedent is None:
        return lines
    width = _int(dedent, -1)
    return _dedent(lines) if width < 0 else [x[width:] if x[:width].strip() == "" else x.lstrip() for x in lines]


def keep_participants(analysis: Analysis) -> None:
    """A page's code words (``Walker``, :generator:`Ninja Multi-Config`) and section titles are no people.

    A name the page sets as code anywhere, or that is a section title of it, is a name of the
    software; a mention inside code is no mention.
    """
    doc, text = analysis.document, analysis.text
    code = sorted((e.start, e.end) for e in doc.emphasis if e.kind == "code")
    names = {" ".join(text[a:b].split()).casefold() for a, b in code}
    names |= {" ".join(text[b.start : b.end].split()).casefold() for b in doc.blocks if b.kind == "heading"}
    starts = [a for a, _ in code]
    kept = []
    for person in analysis.participants:
        if any(" ".join(n.split()).casefold() in names for n in (person.name, *person.aliases)):
            continue
        person.mentions = [m for m in person.mentions if not _in_code(code, starts, m.start, m.end)]
        said = {text[m.start : m.end] for m in person.mentions}  # an alias only said in code goes with it
        person.aliases = [a for a in person.aliases if a in said]
        if person.mentions:
            kept.append(person)
    ids = {p.id for p in kept}
    analysis.participants = kept
    analysis.quotes = [q for q in analysis.quotes if q.speaker is None or q.speaker in ids]


def _in_code(spans: list[tuple[int, int]], starts: list[int], start: int, end: int) -> bool:
    at = bisect_left(starts, start + 1) - 1
    return any(a < end and start < b for a, b in spans[max(0, at - 1) : at + 2])
