"""Org-mode (``.org``) read by hand into blocks, as an export shows the page.

Headings at their ``*`` count (a TODO keyword kept, the priority cookie and tags dropped), paragraphs,
lists with their depth and marker (checkboxes as ``☐``/``☑``), ``term :: text`` definitions, source
and example blocks and ``: `` lines as code, quote and verse blocks, tables with their header rows,
links, inline markup and footnotes. ``#+`` settings (``#+TITLE:`` becomes the title), comments,
drawers (``:PROPERTIES:``) and planning lines (``SCHEDULED:``) stay out of the text. ``#+INCLUDE:``
reads the file it names in (as a source or example block when it says so), when the text has a file.
Every scan is linear: no regular expression with nested quantifiers meets the document.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field, replace
from pathlib import Path

from reader.formats import includes
from reader.formats.asciidoc import Scanner, Spans, emit, plain, strip_indent
from reader.formats.asciidoc import join_lines as asciidoc_join
from reader.formats.build import Builder
from reader.model import BlockKind, Document, EmphasisKind

META_KEYS = {"title": "title", "author": "author", "date": "date", "language": "language", "email": "email"}
TODO_SETTINGS = ("todo", "seq_todo", "typ_todo")
_HEADING = re.compile(r"(\*+)[ \t]+(.*)$")
_KEYWORD = re.compile(r"[ \t]*#\+(\w[\w-]*)(?:\[[^\]\n]*\])?:[ \t]*(.*)$")  # #+RESULTS[hash]: too
_BEGIN = re.compile(r"[ \t]*#\+begin_(\w+)[ \t]*(.*)$", re.I)
_DRAWER = re.compile(r"[ \t]*:([\w-]+):[ \t]*$")
_PLANNING = re.compile(r"[ \t]*(?:CLOSED|SCHEDULED|DEADLINE):")
_ITEM = re.compile(r"([ \t]*)([-+*]|\d{1,9}[.)]|[a-zA-Z][.)])(?:[ \t]+|$)(.*)$")
_CHECKBOX = re.compile(r"\[([ xX-])\][ \t]*")
_COUNTER = re.compile(r"\[@\w+\][ \t]*")
_PRIORITY = re.compile(r"\[#[A-Za-z0-9]\][ \t]*")
_TAG_WORDS = re.compile(r":[\w@#%:]+:")
_FOOTNOTE_DEF = re.compile(r"\[fn:([\w-]+)\][ \t]*(.*)$")
_LABELS = {"note": "Note", "tip": "Tip", "warning": "Warning", "important": "Important", "caution": "Caution"}

# Emphasis: the mark, what it is; ``=`` and ``~`` hold their text verbatim.
_MARKS: dict[str, EmphasisKind | None] = {
    "*": "bold",
    "/": "italic",
    "_": "italic",
    "=": "code",
    "~": "code",
    "+": None,
}
_PRE = frozenset(" \t\n-({'\"")
_POST = frozenset(" \t\n-.,;:!?')}[\"\\")
_SPECIAL = re.compile(r"[*/_=~+\[<@\\]|(?<![\w])(?:https?|ftp|mailto):")


@dataclass
class Inline(Scanner):
    """Inline Org -> text with emphasis and links; footnotes numbered in order of first reference."""

    SPECIAL = _SPECIAL

    definitions: dict[str, str]
    notes: list[Spans] = field(default_factory=list)
    numbers: dict[str, int] = field(default_factory=dict)

    def special(
        self, src: str, i: int, end: int, out: Spans, depth: int, closers: dict[str, tuple[int, int]], hit: str
    ) -> int:
        ch = hit[0]
        if len(hit) > 1:
            return self.url(src, i, end, out)
        if ch == "[":
            return self.bracket(src, i, end, out, depth)
        if ch == "<":
            return self.target(src, i, end, out)
        if ch == "@":
            return self.snippet(src, i, end)
        if ch == "\\":
            return i + 2 if src.startswith("\\\\", i) and i + 2 >= end else i
        return self.emphasis(src, i, end, out, depth, closers)

    def emphasis(self, src: str, i: int, end: int, out: Spans, depth: int, closers: dict[str, tuple[int, int]]) -> int:
        ch = src[i]
        if i > 0 and src[i - 1] not in _PRE:
            return i
        if i + 1 >= end or src[i + 1].isspace() or src[i + 1] == ch:
            return i
        close = self._find(src, ch, i + 1, end, closers)
        if close < 0:
            return i
        at = out.size
        if ch in "=~":
            out.put(src[i + 1 : close])
        elif depth < 6:
            self.scan(src, i + 1, close, out, depth + 1)
        else:
            out.put(src[i + 1 : close])
        how = _MARKS[ch]
        if how is not None and out.size > at:
            out.marks.append((at, out.size, how))
        return close + 1

    def _find(self, src: str, mark: str, start: int, end: int, closers: dict[str, tuple[int, int]]) -> int:
        """The first closing ``mark`` after ``start``: after a non-space, before a space or punctuation."""

        def closes(j: int) -> bool:
            return j > start and not src[j - 1].isspace() and (j + 1 >= end or src[j + 1] in _POST)

        return self.find_closer(src, mark, start, end, closers, closes)

    def bracket(self, src: str, i: int, end: int, out: Spans, depth: int) -> int:
        if src.startswith("[[", i):
            return self.link(src, i, end, out)
        if src.startswith("[fn:", i):
            return self.footnote(src, i, end, out)
        return i

    def link(self, src: str, i: int, end: int, out: Spans) -> int:
        """``[[target][description]]`` and ``[[target]]``: the description (else the target), linked."""
        close = src.find("]", i + 2, min(end, i + 4096))
        if close < 0:
            return i
        target = src[i + 2 : close]
        label = ""
        if src.startswith("][", close):
            finish = src.find("]]", close + 2, min(end, close + 4096))
            if finish < 0:
                return i
            label, after = src[close + 2 : finish], finish + 2
        elif src.startswith("]]", close):
            after = close + 2
        else:
            return i
        url = link_url(target)
        at = out.size
        if label:
            self.scan(label, 0, len(label), out, 5)
        else:
            out.put(target.removeprefix("file:").removeprefix("*").removeprefix("#"))
        if out.size > at:
            out.links.append((at, out.size, url))
        return after

    def footnote(self, src: str, i: int, end: int, out: Spans) -> int:
        """``[fn:1]``, ``[fn:name]`` (defined elsewhere) and ``[fn::text]``, ``[fn:name:text]`` (inline)."""
        colon = i + 4
        name_end = colon
        while name_end < end and (src[name_end].isalnum() or src[name_end] in "_-"):
            name_end += 1
        if name_end >= end or src[name_end] not in ":]":
            return i
        name = src[colon:name_end]
        close = name_end
        text = self.definitions.get(name, "")
        if src[name_end] == ":":
            close = find_bracket(src, name_end + 1, min(end, name_end + 4096))  # bounded: unclosed ones stay linear
            if close < 0:
                return i
            text = src[name_end + 1 : close]
        if not name and not text.strip():
            return i
        number = self.numbers.get(name) if name else None
        if number is None:
            self.notes.append(plain(f"fn:{name}"))
            number = len(self.notes)
            if name:
                self.numbers[name] = number  # before its text is read: a note may cite itself
            if text.strip():
                self.notes[number - 1] = self.render(text.strip())
        at = out.size
        out.put(f"[{number}]")
        out.links.append((at, out.size, f"#fn.{number}"))
        return close + 1

    def target(self, src: str, i: int, end: int, out: Spans) -> int:
        """``<<target>>`` marks a place (nothing shown); ``<<<radio>>>`` shows its text."""
        if not src.startswith("<<", i):
            return i
        radio = src.startswith("<<<", i)
        close = src.find(">>>" if radio else ">>", i + 2, min(end, i + 200))
        if close < 0 or "\n" in src[i:close]:
            return i
        if radio:
            out.put(src[i + 3 : close])
            return close + 3
        return close + 2

    def snippet(self, src: str, i: int, end: int) -> int:
        """``@@html:<b>@@`` export snippets: for one back end only, so nothing is shown."""
        if not src.startswith("@@", i):
            return i
        colon = src.find(":", i + 2, min(end, i + 40))
        close = src.find("@@", i + 2, end) if colon > 0 else -1
        if close < 0 or not src[i + 2 : colon].replace("-", "").isalnum():
            return i
        return close + 2

    def url(self, src: str, i: int, end: int, out: Spans) -> int:
        j = i
        while j < end and not src[j].isspace() and src[j] not in '<>[]"':
            j += 1
        while j > i and src[j - 1] in ".,;:!?)'":
            j -= 1
        target = src[i:j]
        if "//" not in target and not target.startswith("mailto:"):
            return i
        at = out.size
        out.put(target.removeprefix("mailto:"))
        out.links.append((at, out.size, target))
        return j


def find_bracket(src: str, start: int, end: int) -> int:
    """The ``]`` that closes a ``[`` opened before ``start``, nested brackets counted."""
    depth = 0
    for j in range(start, end):
        if src[j] == "[":
            depth += 1
        elif src[j] == "]":
            if depth == 0:
                return j
            depth -= 1
    return -1


def link_url(target: str) -> str:
    """A link's target as the view follows it: web and mail as written, ``*Heading``/``#id``/a target as a fragment."""
    if target.startswith(("http:", "https:", "ftp:", "mailto:", "news:", "doi:")):
        return target
    if target.startswith("file:"):
        return target[5:].partition("::")[0]
    if target.startswith(("*", "#")):
        return "#" + target[1:]
    if target.startswith(("./", "/", "~/")) or "." in target.rpartition("/")[2]:
        return target
    return "#" + target


def without_tags(title: str) -> str:
    """A heading's title without its tags (``Call Ann   :work:phone:``)."""
    title = title.rstrip()
    cut = max(title.rfind(" "), title.rfind("\t"))
    if cut > 0 and _TAG_WORDS.fullmatch(title[cut + 1 :]):
        return title[:cut].rstrip()
    return title


def heading_parts(line: str, keywords: frozenset[str]) -> tuple[int, str] | None:
    """(level, title) of a heading line: the TODO keyword kept, the priority and tags dropped."""
    found = _HEADING.match(line)
    if found is None:
        return None
    title = found.group(2)
    title = without_tags(title)
    word, _, rest = title.partition(" ")
    keyword = word if word in keywords else ""
    body = rest if keyword else title
    body = body.lstrip()
    priority = _PRIORITY.match(body)
    if priority is not None:
        body = body[priority.end() :]
    if body.startswith("COMMENT "):
        body = body[8:]
    title = f"{keyword} {body}".strip() if keyword else body.strip()
    return len(found.group(1)), title


@dataclass
class Reader:
    lines: list[str]
    inline: Inline
    keywords: frozenset[str]
    builder: Builder = field(default_factory=Builder)
    metadata: dict[str, str] = field(default_factory=dict)
    label: str | None = None  # an admonition's word (Note), for the first paragraph of its block
    nest: int = 0  # blocks around the one being read
    closers: Closers | None = None

    def blocks(self, start: int, end: int, kind: BlockKind = "paragraph", depth: int | None = None) -> None:
        i = start
        while i < end:
            i = self.block(i, end, kind, depth)

    def block(self, i: int, end: int, kind: BlockKind, depth: int | None) -> int:
        line = self.lines[i]
        stripped = line.strip()
        if not stripped or stripped == "#" or stripped.startswith("# ") or _PLANNING.match(line):
            return i + 1
        if kind == "paragraph" and depth is None:
            heading = heading_parts(line, self.keywords)
            if heading is not None:
                return self.heading(i, end, *heading)
        begin = _BEGIN.match(line)
        if begin is not None:
            return self.special_block(i, end, begin.group(1).lower(), begin.group(2), kind)
        keyword = _KEYWORD.match(line)
        if keyword is not None:
            self.setting(keyword.group(1).lower(), keyword.group(2))
            return i + 1
        if stripped.startswith("#+"):  # a setting of some tool (#+BEGIN RECEIVE ORGTBL): never text
            return i + 1
        drawer = self.drawer_end(i, end)
        if drawer is not None:
            return drawer
        if stripped.startswith("|"):
            return self.table(i, end)
        if stripped == ":" or stripped.startswith(": "):
            return self.fixed_width(i, end)
        if len(stripped) >= 5 and stripped == "-" * len(stripped):
            return i + 1
        if line.startswith("[fn:"):
            return self.skip_definition(i, end)
        if _item(line) is not None:
            return self.parse_list(i, end, depth or 0)
        return self.paragraph(i, end, kind, depth)

    def heading(self, i: int, end: int, level: int, title: str) -> int:
        spans = self.inline.render(title)
        shown = spans.text().strip()
        self.builder.pending_ids.append(shown)
        j = i + 1
        while j < end and (_PLANNING.match(self.lines[j]) or self.lines[j].strip().upper() == ":PROPERTIES:"):
            if _PLANNING.match(self.lines[j]):
                j += 1
                continue
            j = self.properties(j, end)
        emit(self.builder, "heading", spans, level)
        self.metadata.setdefault("first_heading", shown)
        return j

    def properties(self, i: int, end: int) -> int:
        """A heading's property drawer: its ``CUSTOM_ID`` is an anchor of the heading."""
        close = self.marks().drawer_end(i)
        if close is None or close >= end:
            return i + 1
        j = i + 1
        while j < close:
            key, _, value = self.lines[j].strip().partition(" ")
            if key.upper() == ":CUSTOM_ID:" and value.strip():
                self.builder.pending_ids.append(value.strip())
            j += 1
        return close + 1

    def drawer_end(self, i: int, end: int) -> int | None:
        """The line after a drawer (``:LOGBOOK:`` ... ``:END:``) starting at ``i``, or None."""
        found = _DRAWER.match(self.lines[i])
        if found is None or found.group(1).upper() == "END":
            return None
        close = self.marks().drawer_end(i)
        return close + 1 if close is not None and close < end else None

    def marks(self) -> Closers:
        if self.closers is None:
            self.closers = Closers.of(self.lines)
        return self.closers

    def setting(self, key: str, value: str) -> None:
        name = META_KEYS.get(key)
        if name and value.strip() and name not in self.metadata:
            spans = self.inline.render(value.strip())
            self.metadata[name] = spans.text().strip()

    def special_block(self, i: int, end: int, name: str, args: str, kind: BlockKind) -> int:
        close = self.marks().after(self.marks().block_ends.get(name, []), i)
        if close is None or close >= end:  # never closed: the line is text
            return self.paragraph(i, end, kind, None)
        if self.nest >= MAX_NESTING:
            self.builder.add("preformatted", "\n".join(self.lines[i + 1 : close]))
            return close + 1
        self.nest += 1
        try:
            self.read_block(i, close, name, args, kind)
        finally:
            self.nest -= 1
        return close + 1

    def read_block(self, i: int, close: int, name: str, args: str, kind: BlockKind) -> None:
        body = self.lines[i + 1 : close]
        if name in ("src", "example"):
            language = args.split()[0].lower() if name == "src" and args.split() else None
            extra = {"language": language} if language else {}
            self.builder.add("preformatted", dedent(unescape_code(body)), **extra)  # type: ignore[arg-type]
        elif name == "verse":
            emit(self.builder, "preformatted", self.inline.render(dedent(body)))
        elif name in ("comment", "export"):
            pass
        elif name == "quote" or name in _LABELS:
            self.labelled(i + 1, close, _LABELS.get(name))
        else:
            self.blocks(i + 1, close, kind)

    def labelled(self, start: int, end: int, label: str | None) -> None:
        count = len(self.builder.blocks)
        self.label = label
        self.blocks(start, end, "block_quote")
        if self.label and len(self.builder.blocks) == count:
            self.builder.add("block_quote", self.label)
        self.label = None

    def table(self, i: int, end: int) -> int:
        rows: list[str] = []
        header = 0
        j = i
        while j < end and self.lines[j].strip().startswith("|"):
            row = self.lines[j].strip()
            if row.startswith("|-"):
                if rows and not header:
                    header = len(rows)
            else:
                cells = [c.strip() for c in row.strip("|").split("|")]
                rows.append(" | ".join(" ".join(self.inline.render(c).text().split()) for c in cells))
            j += 1
        if header == len(rows):
            header = 0
        extra = {"header": header} if header else {}
        self.builder.add("table", "\n".join(rows), **extra)
        return j

    def fixed_width(self, i: int, end: int) -> int:
        j = i
        lines: list[str] = []
        while j < end and (self.lines[j].strip() == ":" or self.lines[j].lstrip().startswith(": ")):
            lines.append(self.lines[j].lstrip()[2:])
            j += 1
        self.builder.add("preformatted", "\n".join(lines))
        return j

    def skip_definition(self, i: int, end: int) -> int:
        """A footnote's definition is shown with the notes, after the text."""
        j = i + 1
        while (
            j < end
            and self.lines[j].strip()
            and not starts_block(self.lines[j])
            and not self.lines[j].startswith("[fn:")
        ):
            j += 1
        return j

    def paragraph(self, i: int, end: int, kind: BlockKind, depth: int | None) -> int:
        j = i + 1
        while j < end and self.lines[j].strip() and not starts_block(self.lines[j]):
            if depth is not None and _item(self.lines[j]) is not None:
                break
            j += 1
        spans = self.inline.render(join_lines(self.lines[i:j]))
        if self.label and kind == "block_quote":
            spans = labelled(self.label, spans)
            self.label = None
        if depth is not None:
            emit(self.builder, "list_item", spans, depth=depth)
        else:
            emit(self.builder, kind, spans)
        return j

    # -- lists ------------------------------------------------------------------------------------

    def parse_list(self, i: int, end: int, base: int) -> int:
        indents: list[int] = []
        counts: dict[int, int] = {}
        while i < end:
            item = _item(self.lines[i])
            if item is None:
                break
            indent, bullet, text = item
            while indents and indent < indents[-1]:
                indents.pop()
            if not indents or indent > indents[-1]:
                indents.append(indent)
            depth = base + len(indents)
            counts = {d: c for d, c in counts.items() if d <= depth}
            counts[depth] = counts.get(depth, 0) + 1
            i = self.item(i, end, indent, bullet, text, depth)
            j = i
            while j < end and not self.lines[j].strip():
                j += 1
            if j >= end or _item(self.lines[j]) is None or j - i > 1:
                break
            i = j
        return i

    def item(self, i: int, end: int, indent: int, bullet: str, text: str, depth: int) -> int:
        j = i + 1
        while j < end and self.lines[j].strip() and self.continues(self.lines[j], indent):
            j += 1
        body = [text, *self.lines[i + 1 : j]]
        first, marker = item_marker(bullet, body[0])
        term, sep, definition = first.partition(" :: ")
        if not sep and first.endswith(" ::"):
            term, sep, definition = first[:-3], " ::", ""
        if sep and bullet in "-+*":
            spans = self.inline.render(term.strip())
            spans.marks.append((0, spans.size, "bold"))
            emit(self.builder, "list_item", spans, depth=depth)
            emit(self.builder, "list_item", self.inline.render(join_lines([definition, *body[1:]])), depth=depth)
            inner = depth  # the text at its term's depth, as the man reader gives a definition
        else:
            spans = self.inline.render(join_lines([first, *body[1:]]))
            emit(self.builder, "list_item", spans, depth=depth, marker=marker)
            inner = depth
        return self.item_blocks(j, end, indent, inner)

    def continues(self, line: str, indent: int) -> bool:
        """A line of an item's text: indented past its bullet, and no item, block or drawer of its own."""
        width = len(line) - len(line.lstrip())
        if width <= indent or _item(line) is not None:
            return False
        return not starts_block(line)

    def item_blocks(self, j: int, end: int, indent: int, depth: int) -> int:
        """Blocks after an item's first paragraph, indented under it (a blank line between), belong to it."""
        while j < end:
            k = j
            while k < end and not self.lines[k].strip():
                k += 1
            if k >= end or k - j > 1:
                return j
            line = self.lines[k]
            width = len(line) - len(line.lstrip())
            if width <= indent or _HEADING.match(line):
                return j
            if _item(line) is not None:
                return k if _item(line)[0] > indent else j  # type: ignore[index]
            j = self.block(k, end, "paragraph", depth)
        return j


def starts_block(line: str) -> bool:
    """A line that opens a block of its own (a heading, a setting, a table, a drawer), ending a paragraph."""
    stripped = line.lstrip()
    return (
        _HEADING.match(line) is not None
        or stripped.startswith(("#+", "|", ": ", "# "))
        or stripped in (":", "#")
        or _DRAWER.match(line) is not None
        or _PLANNING.match(line) is not None
    )


MAX_NESTING = 12  # blocks within blocks deeper than this are shown as written: no recursion runs away


@dataclass
class Closers:
    """Where the lines that close things are, found once, so no search runs past them again."""

    ends: list[int]  # ":END:" lines
    headings: list[int]
    block_ends: dict[str, list[int]]  # "src" -> the "#+end_src" lines

    @classmethod
    def of(cls, lines: list[str]) -> Closers:
        ends: list[int] = []
        headings: list[int] = []
        block_ends: dict[str, list[int]] = {}
        for n, line in enumerate(lines):
            stripped = line.strip()
            if stripped.upper() == ":END:":
                ends.append(n)
            elif line.startswith("*") and _HEADING.match(line):
                headings.append(n)
            elif stripped[:6].lower() == "#+end_":
                block_ends.setdefault(stripped[6:].split()[0].lower() if stripped[6:].split() else "", []).append(n)
        return cls(ends, headings, block_ends)

    @staticmethod
    def after(where: list[int], i: int) -> int | None:
        at = bisect.bisect_right(where, i)
        return where[at] if at < len(where) else None

    def drawer_end(self, i: int) -> int | None:
        """The ``:END:`` closing a drawer opened on line ``i``, unless a heading comes first."""
        close = self.after(self.ends, i)
        heading = self.after(self.headings, i)
        if close is None or (heading is not None and heading < close):
            return None
        return close


def labelled(label: str, spans: Spans) -> Spans:
    """``spans`` opened with ``Label: `` in bold."""
    out = Spans()
    out.put(label + ": ")
    out.marks.append((0, len(label) + 1, "bold"))
    shift = out.size
    for part in spans.parts:
        out.put(part)
    out.links = [(a + shift, b + shift, url) for a, b, url in spans.links]
    out.marks += [(a + shift, b + shift, how) for a, b, how in spans.marks]
    return out


def _item(line: str) -> tuple[int, str, str] | None:
    """(indent, bullet, text) of a list item line; an unindented ``*`` is a heading, not a bullet."""
    found = _ITEM.match(line)
    if found is None:
        return None
    indent, bullet, text = found.groups()
    if bullet == "*" and not indent:
        return None
    if not text.strip() and not bullet[0].isdigit() and bullet not in "-+":
        return None
    if len(bullet) == 2 and bullet[0].isalpha() and not text[:1].isupper():
        return None  # "a) word" opens items; "e.g. word" does not
    return len(indent.expandtabs(8)), bullet, text


def item_marker(bullet: str, first: str) -> tuple[str, str]:
    first = _COUNTER.sub("", first, count=1) if first.startswith("[@") else first
    box = _CHECKBOX.match(first)
    if box is not None:
        return first[box.end() :], "\u2610" if box.group(1) == " " else ("\u2611" if box.group(1) in "xX" else "\u229f")
    if bullet in "-+*":
        return first, "\u2022"
    return first, bullet


def join_lines(lines: list[str]) -> str:
    """A paragraph's lines as one; ``\\\\`` at a line's end is a hard break."""
    return asciidoc_join(lines, hard_break="\\\\")


def unescape_code(lines: list[str]) -> list[str]:
    """Org escapes ``*`` and ``#+`` at a code line's start with a comma: ``,* not a heading``."""
    return [line.replace(",", "", 1) if line.lstrip().startswith((",*", ",#+")) else line for line in lines]


def dedent(lines: list[str]) -> str:
    return strip_indent("\n".join(lines)).strip("\n")


def todo_keywords(lines: list[str]) -> frozenset[str]:
    """TODO and DONE, and the words a ``#+TODO:`` line names (``TODO WAIT(w) | DONE(d)``)."""
    words = {"TODO", "DONE"}
    for line in lines:
        found = _KEYWORD.match(line)
        if found is not None and found.group(1).lower() in TODO_SETTINGS:
            words.update(w.partition("(")[0] for w in found.group(2).split() if w != "|")
    return frozenset(w for w in words if w)


def footnote_definitions(lines: list[str]) -> dict[str, str]:
    """``[fn:name] text`` lines (at a line's start) -> the note's text, with its following lines."""
    out: dict[str, str] = {}
    for n, line in enumerate(lines):
        found = _FOOTNOTE_DEF.match(line) if line.startswith("[fn:") else None
        if found is None:
            continue
        text = [found.group(2)]
        for nxt in lines[n + 1 : n + 40]:
            if not nxt.strip() or nxt.startswith("[fn:") or starts_block(nxt) or _item(nxt) is not None:
                break
            text.append(nxt.strip())
        out.setdefault(found.group(1), " ".join(t for t in text if t))
    return out


def parse(document: Document) -> Document:
    lines = document.text.split("\n")
    lines[0] = without_mode_line(lines[0])
    session = includes.session(len(document.text))
    if session is not None and _INCLUDE_HINT.search(document.text):
        lines = _Includes(session).merge(lines, (session.root,))
        document = replace(document, notes=(*document.notes, *session.notes))
    reader = Reader(lines, Inline(footnote_definitions(lines)), todo_keywords(lines))
    reader.blocks(0, len(lines))
    for n, note in enumerate(reader.inline.notes, 1):
        reader.builder.pending_ids.append(f"fn.{n}")
        emit(reader.builder, "list_item", note, depth=1, marker=f"[{n}]")
    meta = reader.metadata
    first = meta.pop("first_heading", None)
    if "title" not in meta and first:
        meta["title"] = first
    return reader.builder.document(document.source, "org", meta, document.encoding, document.notes)


# -- included files --------------------------------------------------------------------------------

_INCLUDE = re.compile(r"[ \t]*#\+include:[ \t]*(.*)$", re.I)
_INCLUDE_HINT = re.compile(r"^[ \t]*#\+include:", re.I | re.M)
_END = re.compile(r"[ \t]*#\+end_(\w+)", re.I)
_INCLUDE_ARG = re.compile(r'"((?:[^"\\]|\\.)*)"|(\S+)')
# What an include's block words make of the file: Org's own block of that kind.
_INCLUDE_BLOCKS = {"src": "SRC", "example": "EXAMPLE", "export": "EXPORT", "quote": "QUOTE", "verse": "VERSE"}


@dataclass
class _Includes:
    """``#+INCLUDE: "file"`` lines replaced by the file's lines (Org's export does it), within the limits."""

    session: includes.Session

    def merge(self, lines: list[str], chain: tuple[Path, ...]) -> list[str]:
        out: list[str] = []
        block: str | None = None  # the block being read: an include line in it is an example
        for line in lines:
            if block is not None:
                end = _END.match(line)
                block = None if end is not None and end.group(1).lower() == block else block
                out.append(line)
                continue
            begin = _BEGIN.match(line)
            found = _INCLUDE.match(line) if begin is None else None
            if found is None:
                block = begin.group(1).lower() if begin is not None else None
                out.append(line)
                continue
            out.extend(self.one(found.group(1), chain))
        return out

    def one(self, value: str, chain: tuple[Path, ...]) -> list[str]:
        words = [a if a is not None and q == "" else q for q, a in _INCLUDE_ARG.findall(value)]
        if not words:
            return []
        name, rest = words[0].split("::", 1)[0], words[1:]
        read = self.session.read(name, chain, (chain[-1].parent,))
        if read is None:
            return []
        text, path = read
        options = {w: v for w, v in zip(rest, rest[1:]) if w.startswith(":")}
        kind = rest[0].lower() if rest and not rest[0].startswith(":") else ""
        lines = text.split("\n")
        if lines and not lines[-1]:
            lines.pop()
        lines = includes.lines_range(lines, options.get(":lines", ""))
        if kind in _INCLUDE_BLOCKS:
            extra = " ".join(w for w in rest[1:2] if not w.startswith(":"))
            name = _INCLUDE_BLOCKS[kind]
            return [
                f"#+BEGIN_{name} {extra}".rstrip(),
                *(("," + x) if x.startswith(("*", "#+")) else x for x in lines),
                f"#+END_{name}",
            ]
        return _min_level(self.merge(lines, (*chain, path)), options.get(":minlevel"))


def _min_level(lines: list[str], level: str | None) -> list[str]:
    """Headings moved so the top one is at ``level`` (``:minlevel``)."""
    if level is None or not level.isdigit():
        return lines
    depths = [len(m.group(1)) for m in map(_HEADING.match, lines) if m is not None]
    shift = int(level) - min(depths, default=int(level))
    if shift <= 0:
        return lines
    return ["*" * shift + x if _HEADING.match(x) else x for x in lines]


def without_mode_line(line: str) -> str:
    """The first line without its Emacs file variables (``-*- mode: org -*-``): settings, not text."""
    start = line.find("-*-")
    stop = line.rfind("-*-")
    if start < 0 or stop <= start:
        return line
    return (line[:start] + line[stop + 3 :]).rstrip()


def looks_like(text: str) -> bool:
    """Org in a ``.txt`` file or standard input: an Emacs mode line naming Org, or a ``#+TITLE:`` header
    over ``*`` headings with other ``#+`` settings or blocks."""
    head = text[:4096]
    first = head.split("\n", 1)[0].lower()
    if "-*-" in first and ("mode: org" in first or "mode:org" in first or "-*- org -*-" in first):
        return True
    lines = text.split("\n", 2000)[:2000]
    titled = any(line.upper().startswith("#+TITLE:") for line in lines[:20])
    settings = sum(1 for line in lines if line.lstrip().startswith("#+"))
    headings = sum(1 for line in lines if _HEADING.match(line) and not line.startswith("**** "))
    return titled and settings >= 2 and headings >= 2
