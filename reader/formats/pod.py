"""Perl's POD (``.pod`` pages, and the POD inside ``.pm``/``.pl`` files) read as perldoc shows it.

Our own reader of perlpodspec: paragraphs split at blank lines, each a command (``=head1``,
``=over``/``=item``/``=back``, ``=begin``/``=end``/``=for``, ``=encoding``, ``=pod``/``=cut``), a
verbatim paragraph (indented: code) or an ordinary one, whose formatting codes (``B<>``, ``I<>``,
``C<>``, ``F<>``, ``L<>``, ``E<>``, ``S<>``, ``X<>``, ``Z<>``, and the ``C<< ... >>`` forms) become
emphasis, links and characters. Outside POD blocks (a module's Perl code) nothing is read. The NAME
section's line (``Foo::Bar - what it does``) gives the title, as a manual page's does.
Every scan is linear: the codes are read into a tree with an explicit stack, never by recursion.
"""

from __future__ import annotations

import codecs
import html.entities
import re
from dataclasses import dataclass, field
from typing import Any

from reader.formats.asciidoc import Spans, emit
from reader.formats.build import Builder, inline
from reader.model import BlockKind, Document, EmphasisKind

_COMMAND = re.compile(r"=([a-zA-Z][a-zA-Z0-9]*)(?=\s|$)")
_CODE_TOKEN = re.compile(r"[BCEFILSXZ]<|>+")
_MULTI_OPEN = re.compile(r"(<+)\s+")
_NUMBER_ITEM = re.compile(r"(\d{1,9})([.)]?)(?:\s+|$)")
_URL = re.compile(r"[a-zA-Z][\w+.-]*:[^:\s]\S*$")
_MAN_PAGE = re.compile(r"[\w.+-]+\(\d\w*\)$")
_POD_NAME = re.compile(r"[\w:.-]+$")
_NAME_LINE = re.compile(r"\s+[-\u2013\u2014]+\s+")
_ENCODING = re.compile(r"^=encoding[ \t]+(\S+)", re.M)
_PACKAGE = re.compile(r"^package[ \t]+([\w:]+)", re.M)
# Any POD command at a line start: a module with one holds POD; one without is read as text.
POD_BYTES = re.compile(rb"^=(?:head[1-6]|pod|over|item|begin|for|encoding)\b", re.M)
_SNIFF_START = re.compile(r"^=(?:head1|pod|encoding)\b", re.M)
_SNIFF_MORE = re.compile(r"^=(?:cut|head[1-4]|over|item)\b", re.M)
MARKS: dict[str, EmphasisKind] = {"B": "bold", "I": "italic", "F": "italic", "C": "code"}
# Formats whose =begin/=for regions a text reader shows (perldoc's Pod::Text takes "text").
SHOWN_REGIONS = frozenset({"text"})
ENTITIES = {"lt": "<", "gt": ">", "verbar": "|", "sol": "/"}
SNIFF_LINES = 40  # the first POD command of a page or script sits near its top
MAX_HEAD = 6
MAX_DEPTH = 12  # lists nested deeper are drawn at this depth
CPAN = "https://metacpan.org/pod/"


# -- paragraphs ---------------------------------------------------------------------------------


@dataclass
class Para:
    """One POD paragraph: a command (its name and text), a verbatim block or an ordinary paragraph."""

    kind: str  # "command", "verbatim", "ordinary"
    text: str
    name: str = ""


def _make(lines: list[str]) -> Para:
    first = lines[0]
    command = _COMMAND.match(first)
    if command:
        rest = "\n".join([first[command.end() :], *lines[1:]]).strip()
        return Para("command", rest, command.group(1))
    if first[:1] in (" ", "\t"):
        return Para("verbatim", "\n".join(lines))
    return Para("ordinary", "\n".join(lines))


def paragraphs(text: str) -> list[Para]:
    """The POD paragraphs of ``text``, in order: what lies outside ``=pod``..``=cut`` (code) left out."""
    out: list[Para] = []
    lines: list[str] = []
    in_pod = False
    for line in text.split("\n"):
        command = _COMMAND.match(line) if line.startswith("=") else None
        if not in_pod and (command is None or command.group(1) == "cut"):
            continue
        in_pod = True
        if command and lines:
            out.append(_make(lines))
            lines = []
        if command and command.group(1) == "cut":
            in_pod = False
        elif line.strip():
            lines.append(line)
        elif lines:
            out.append(_make(lines))
            lines = []
    if lines:
        out.append(_make(lines))
    return out


# -- formatting codes ---------------------------------------------------------------------------


@dataclass(eq=False)
class Code:
    """A formatting code (``letter`` "" for the paragraph itself) and what it holds, in source order."""

    letter: str
    brackets: int
    start: int  # where its content starts in the source
    end: int = -1  # where it ends (an unclosed code ends with the paragraph)
    children: list[str | Code] = field(default_factory=list)
    bar: int = -1  # L<text|target>: where the "|" stands in the source
    bar_child: int = -1  # the children before it are the link's text
    url: str = ""


def _add_text(node: Code, src: str, start: int, end: int) -> None:
    if start >= end:
        return
    if node.letter == "L" and node.bar < 0:
        at = src.find("|", start, end)
        if at >= 0:
            if at > start:
                node.children.append(src[start:at])
            node.bar, node.bar_child = at, len(node.children)
            start = at + 1
    if start < end:
        node.children.append(src[start:end])


def _open(src: str, found: re.Match[str], stack: list[Code], text_from: int) -> int:
    _add_text(stack[-1], src, text_from, found.start())
    content = found.end()
    brackets = 1
    multi = _MULTI_OPEN.match(src, content)
    if multi:  # C<< ... >>: two or more brackets and white space open it
        brackets, content = 1 + len(multi.group(1)), multi.end()
    code = Code(src[found.start()], brackets, content)
    stack[-1].children.append(code)
    stack.append(code)
    return content


def _close(src: str, found: re.Match[str], stack: list[Code], text_from: int) -> int:
    """Close what a run of ``>`` closes; the rest of the run is text. Returns where text goes on from."""
    at, end = found.start(), found.end()
    while at < end and len(stack) > 1:
        top = stack[-1]
        if top.brackets > 1:
            closes = at == found.start() and at > 0 and src[at - 1].isspace() and end - at >= top.brackets
            if not closes:
                break
            _add_text(top, src, text_from, at)
            _rstrip(top)
        else:
            _add_text(top, src, text_from, at)
        top.end = at
        stack.pop()
        at += top.brackets
        text_from = at
    return text_from


def _rstrip(node: Code) -> None:
    """A multi-bracket code's content ends before the white space of its closer."""
    if node.children and isinstance(node.children[-1], str):
        piece = node.children[-1].rstrip()
        if piece:
            node.children[-1] = piece
        else:
            node.children.pop()


def parse_codes(src: str) -> Code:
    """A paragraph's text as a tree of formatting codes, built with a stack (10,000 nested codes are fine)."""
    root = Code("", 0, 0, len(src))
    stack = [root]
    pos = text_from = 0
    while True:
        found = _CODE_TOKEN.search(src, pos)
        if found is None:
            break
        if found.group()[0] == ">":
            text_from = _close(src, found, stack, text_from)
        else:
            text_from = _open(src, found, stack, text_from)
        pos = max(found.end(), text_from)
    _add_text(stack[-1], src, text_from, len(src))
    for code in stack[1:]:
        code.end = len(src)
    return root


def entity(name: str) -> str:
    """What ``E<name>`` stands for: ``lt``, ``gt``, ``verbar``, ``sol``, an HTML name, or a number."""
    name = name.strip()
    if name in ENTITIES:
        return ENTITIES[name]
    point = html.entities.name2codepoint.get(name)
    if point is None:
        point = _number(name)
    if point is None or point < 32 or 127 <= point < 160 or 0xD800 <= point < 0xE000 or point > 0x10FFFF:
        return f"E<{name}>"  # unknown, a control character or no character: shown as written
    return chr(point)


def _number(name: str) -> int | None:
    try:
        if name[:2].lower() == "0x":
            return int(name[2:], 16)
        if name[:1] == "0" and len(name) > 1:
            return int(name[1:], 8)
        return int(name) if name.isdigit() else None
    except ValueError:
        return None


def slug(text: str) -> str:
    """The anchor of a heading or an item, as a link to it names it (``L</Some Section>``)."""
    return "-".join(text.strip().strip('"').lower().split())


def pod_url(name: str) -> str:
    """Where another page lives: a module's or perl page's documentation; a man page has no link."""
    if _MAN_PAGE.match(name) or not _POD_NAME.match(name):
        return ""
    return CPAN + name


def link_target(target: str) -> tuple[str, str]:
    """``L<...>`` without a text: what perldoc shows for it, and the link's target."""
    target = " ".join(target.split())
    if _URL.match(target):
        return target, target
    name, sep, section = target.partition("/")
    if not sep and (target.startswith('"') or " " in target and not _MAN_PAGE.match(target)):
        name, section = "", target  # the old L<"Section"> and L<Some Section> forms
    section = section.strip().strip('"')
    if section and name:
        url = pod_url(name)
        return f'"{section}" in {name}', url + "#" + slug(section) if url else ""
    if section:
        return f'"{section}"', "#" + slug(section)
    return name, pod_url(name)


def plain(src: str) -> str:
    """A code's content as plain text (a link's target): entities decoded, other codes' marks dropped."""
    out = Spans()
    render(parse_codes(src), src, out, links=False)
    return out.text()


def render(root: Code, src: str, out: Spans, links: bool = True) -> None:
    """Write ``root``'s text into ``out`` with its emphasis and links; an explicit stack, no recursion."""
    stack: list[tuple[Code, int, int]] = [(root, 0, out.size)]
    while stack:
        node, index, start = stack[-1]
        if index == 0 and not _enter(node, src, out, links):
            stack.pop()
            continue
        limit = len(node.children) if node.bar_child < 0 else node.bar_child
        if index < limit:
            stack[-1] = (node, index + 1, start)
            child = node.children[index]
            if isinstance(child, str):
                _put(out, child)
            else:
                stack.append((child, 0, out.size))
            continue
        stack.pop()
        _leave(node, start, out)


def _put(out: Spans, piece: str) -> None:
    """Text into ``out``; a dropped ``X<>`` leaves no double space behind."""
    if piece[:1] == " " and out.parts and out.parts[-1][-1:] == " ":
        piece = piece[1:]
    out.put(piece)


def _enter(node: Code, src: str, out: Spans, links: bool) -> bool:
    """Handle what a code shows on its own; False when its children are not to be written."""
    letter = node.letter
    if letter in ("X", "Z"):
        return False
    if letter == "E":
        _put(out, entity("".join(c for c in node.children if isinstance(c, str))))
        return False
    if letter != "L" or not links:
        return True
    if node.bar >= 0:
        node.url = link_target(plain(src[node.bar + 1 : node.end]))[1]
        return True
    shown, url = link_target(plain(src[node.start : node.end]))
    begin = out.size
    _put(out, shown)
    if url and out.size > begin:
        out.links.append((begin, out.size, url))
    return False


def _leave(node: Code, start: int, out: Spans) -> None:
    if node.letter in MARKS and out.size > start:
        out.marks.append((start, out.size, MARKS[node.letter]))
    elif node.letter == "L" and node.url and out.size > start:
        out.links.append((start, out.size, node.url))


def trimmed(out: Spans) -> Spans:
    """``out`` with each emphasis span on its text only (no white space at its ends)."""
    text = out.text()
    marks = []
    for a, b, how in out.marks:
        while a < b and text[a].isspace():
            a += 1
        while b > a and text[b - 1].isspace():
            b -= 1
        if a < b:
            marks.append((a, b, how))
    out.marks = marks
    return out


def spans(text: str) -> Spans:
    """An ordinary paragraph's or a command's text, its white space collapsed, read into text and marks."""
    src = inline(text)
    out = Spans()
    render(parse_codes(src), src, out)
    return trimmed(out)


# -- blocks -------------------------------------------------------------------------------------


@dataclass
class Level:
    """One ``=over`` region: a list once an ``=item`` is met, else an indented block."""

    items: bool = False
    kind: str = ""  # "bullet", "number" or "term": what its first =item is, as Pod::Simple decides


@dataclass
class Reader:
    builder: Builder = field(default_factory=Builder)
    meta: dict[str, str] = field(default_factory=dict)
    lists: list[Level] = field(default_factory=list)
    regions: list[str] = field(default_factory=list)  # "skip", "data" (shown as written) or "pod"
    code: list[str] = field(default_factory=list)  # verbatim paragraphs waiting to be one code block
    code_extra: dict[str, Any] = field(default_factory=dict)
    marker: str | None = None  # a bullet or number waiting for its item's first paragraph
    language: str | None = None  # =for highlighter language=perl
    section: str = ""  # the =head1 we are under
    item_levels: int = 0  # how many of ``lists`` have items

    def paragraph(self, para: Para) -> None:
        if para.kind != "verbatim":
            self.flush_code()
        if para.kind == "command":
            self.command(para.name, para.text)
        elif "skip" in self.regions:
            return
        elif self.regions and self.regions[-1] == "data":
            self.add("preformatted", _plain_spans(_dedent(para.text)))
        elif para.kind == "verbatim":
            if not self.code:
                self.code_extra = self.depth_extra()
            self.code.append(para.text)
        else:
            self.ordinary(spans(para.text))

    def flush_code(self) -> None:
        if self.code:
            text = _dedent("\n\n".join(self.code))
            self.code = []
            self.add("preformatted", _plain_spans(text), language=self.language, **self.code_extra)

    def depth_extra(self) -> dict[str, Any]:
        depth = self.item_depth()
        return {"depth": depth} if depth else {}

    def item_depth(self) -> int:
        """How many lists (=over with items) we are in; lists nested past MAX_DEPTH are shown at it."""
        return min(self.item_levels, MAX_DEPTH)

    def ordinary(self, out: Spans) -> None:
        if self.section == "NAME" and "subtitle" not in self.meta and not self.lists and out.text().strip():
            self.meta["subtitle"] = out.text().strip()
        depth = self.item_depth()
        if depth:
            self.add("list_item", out, depth=depth)
        elif self.lists:
            self.add("block_quote", out, depth=min(len(self.lists), MAX_DEPTH))
        else:
            self.add("paragraph", out)

    def add(self, kind: BlockKind, out: Spans, level: int | None = None, **extra: Any) -> None:
        if kind == "list_item" and self.marker is not None and out.text().strip():
            extra["marker"], self.marker = self.marker, None
        emit(self.builder, kind, out, level, **extra)

    # -- commands -----------------------------------------------------------------------------------

    def command(self, name: str, text: str) -> None:
        if name in ("begin", "end", "for"):
            return self.region(name, text)
        if "skip" in self.regions:
            return None
        if name.startswith("head") and name[4:].isdigit():
            return self.heading(min(max(int(name[4:]), 1), MAX_HEAD), text)
        if name == "over":
            self.lists.append(Level())
        elif name == "back" and self.lists:
            self.item_levels -= self.lists.pop().items
            self.marker = None
        elif name == "item":
            self.item(text)
        return None  # =pod, =encoding and commands no reader knows show nothing

    def heading(self, level: int, text: str) -> None:
        self.lists.clear()  # a heading ends every list left open
        self.item_levels = 0
        self.marker = None
        out = spans(text)
        title = out.text().strip()
        if level == 1:
            self.section = title.upper()
        if title:
            self.builder.pending_ids.append(slug(title))
        self.add("heading", out, level)

    def item(self, text: str) -> None:
        if not self.lists:
            self.lists.append(Level())
        if not self.lists[-1].items:
            self.lists[-1].items = True
            self.item_levels += 1
        depth = self.item_depth()
        text = inline(text)
        number = _NUMBER_ITEM.match(text)
        kind = self.lists[-1].kind = self.lists[-1].kind or _item_kind(text)
        if kind == "bullet":
            self.marker, text = "•", text[1:].strip() if text[:1] == "*" else text
        elif kind == "number" and number:
            self.marker, text = number.group(1) + (number.group(2) or "."), text[number.end() :]
        else:  # a term: a definition's tag, in bold as man pages set them, its text under it
            return self.term(text, depth)
        if text:
            self.add("list_item", spans(text), depth=depth)
        return None

    def term(self, text: str, depth: int) -> None:
        out = spans(text)
        out.marks.insert(0, (0, out.size, "bold"))
        if out.text().strip():
            self.builder.pending_ids.append(slug(out.text()))
        self.marker = None
        self.add("list_item", trimmed(out), depth=depth)

    def region(self, name: str, text: str) -> None:
        """``=begin``/``=end`` regions and ``=for`` paragraphs: a text reader's kept, others dropped."""
        words = text.split(None, 1)
        target, rest = (words + ["", ""])[:2]
        shown = target.lstrip(":").lower() in SHOWN_REGIONS
        mode = "skip" if not shown else "pod" if target.startswith(":") else "data"
        if name == "begin":
            self.regions.append(mode)
        elif name == "end":
            if self.regions:
                self.regions.pop()
        elif target == "highlighter":
            self.language = _highlighter(rest)
        elif mode == "data" and "skip" not in self.regions:
            self.add("preformatted", _plain_spans(rest.strip("\n")))
        elif mode == "pod" and "skip" not in self.regions:
            self.ordinary(spans(rest))


def _item_kind(text: str) -> str:
    if text in ("", "*") or text.startswith("* "):
        return "bullet"
    return "number" if _NUMBER_ITEM.match(text) else "term"


def _highlighter(text: str) -> str | None:
    """MetaCPAN's ``=for highlighter language=perl`` (or ``=for highlighter perl``)."""
    words = text.replace("language=", " ").split()
    return words[0].lower() if words else None


def _plain_spans(text: str) -> Spans:
    out = Spans()
    out.put(text)
    return out


def _dedent(text: str) -> str:
    lines = text.expandtabs(8).split("\n")
    width = min((len(line) - len(line.lstrip(" ")) for line in lines if line.strip()), default=0)
    return "\n".join(line[width:].rstrip() for line in lines)


# -- the document -------------------------------------------------------------------------------


def _recode(document: Document) -> tuple[str, str, tuple[str, ...]]:
    """The text as its ``=encoding`` line says, when the loader had to guess (bytes that were not UTF-8)."""
    text, encoding, notes = document.text, document.encoding, document.notes
    declared = _ENCODING.search(text)
    if declared is None or encoding.lower().replace("-", "") in ("utf8", "ascii"):
        return text, encoding, notes
    try:
        name = codecs.lookup(declared.group(1)).name
        if name == codecs.lookup(encoding).name:
            return text, encoding, notes
        recoded = text.encode(encoding).decode(name)
    except (LookupError, UnicodeError):
        return text, encoding, notes
    kept = tuple(note for note in notes if not note.startswith("not UTF-8"))
    return recoded, name, (*kept, f"not UTF-8; decoded as {name}, as its =encoding line says")


def title_of(meta: dict[str, str], text: str) -> None:
    """NAME's line ``Foo::Bar - what it does`` gives the title ``Foo::Bar``; else a module's package."""
    subtitle = meta.get("subtitle", "")
    name = _NAME_LINE.split(subtitle, maxsplit=1)[0].strip() if subtitle else ""
    if name and len(name) <= 80:
        meta["title"] = name
        return
    package = _PACKAGE.search(text)
    if package:
        meta["title"] = package.group(1)


def _drop_dead_links(builder: Builder) -> None:
    """An internal link whose section or item the page lacks would jump nowhere: kept as text."""
    builder.links = [link for link in builder.links if not link.url.startswith("#") or link.url[1:] in builder.anchors]


def parse(document: Document) -> Document:
    text, encoding, notes = _recode(document)
    reader = Reader()
    for para in paragraphs(text):
        reader.paragraph(para)
    reader.flush_code()
    _drop_dead_links(reader.builder)
    title_of(reader.meta, text)
    return reader.builder.document(document.source, "pod", reader.meta, encoding, notes)


def has_pod(data: bytes) -> bool:
    """A Perl module or script with POD in it (a command at a line start)."""
    return POD_BYTES.search(data) is not None


def looks_like(text: str) -> bool:
    """Unmistakable POD in a file named otherwise (or standard input): a ``=head1``, ``=pod`` or ``=encoding``
    line among the first lines (anywhere in a script whose ``#!`` line names perl), then ``=cut`` or two
    more commands (``=head2``, ``=over``, ``=item``)."""
    if text.startswith("#!") and "perl" in text.split("\n", 1)[0]:
        start = _SNIFF_START.search(text)
    else:
        lines = [line for line in text.split("\n", 400)[:400] if line.strip()][:SNIFF_LINES]
        start = next((_SNIFF_START.match(line) for line in lines if _SNIFF_START.match(line)), None)
        start = start and _SNIFF_START.search(text)
    if start is None:
        return False
    more = _SNIFF_MORE.findall(text, start.end())
    return "cut" in [m[1:] for m in more] or len(more) >= 2
