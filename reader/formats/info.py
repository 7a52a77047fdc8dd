"""GNU Info manuals (``sed.info``, split ``find.info`` + ``find.info-1``...), read as ``info`` shows them.

A manual is nodes separated by ``\\x1f``; each starts with a ``File: ... Node: ...`` header line,
which stays out of the text (the node's name becomes an anchor that cross references link to).
Headings are the lines underlined with ``*`` ``=`` ``-`` ``.`` (chapter to subsubsection), menus
are lists of entries (name and description, no ``::`` syntax), ``*note X::`` reads ``see X``,
indented blocks of Texinfo ``@example`` output are preformatted, ``-- Function:`` lines are code,
and the ``Tag Table``, ``Indirect`` table and ``Local Variables`` trailer are dropped. The main
file of a split manual names its parts in ``Indirect:``; they are read from the same folder.
Every line is looked at a bounded number of times, so the time is linear in the manual's size.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from reader.formats.build import Builder, inline
from reader.model import Analysis, Document

SEPARATOR = "\x1f"
_HEADER = re.compile(r"^File:\s*([^,\t]*)[,\t]\s*Node:\s*([^,\t\n]*)", re.M)
_MAKEINFO = re.compile(r"\AThis is [^\n]*\.info, produced by makeinfo")
_UNDERLINE_LEVEL = {"*": 1, "=": 2, "-": 3, ".": 4}
_UNDERLINE = re.compile(r"([*=.-])\1+")
# In-band cookies (``\0\b[index\0\b]``); the loader turns their NUL bytes into nothing, see unmark().
_COOKIE = re.compile(r"\x08\[(\w+)([^\x08]*)\x08\]")
_ALT = re.compile(r'alt="([^"]*)"')
# A cross reference: ``*note Node::`` or ``*note Label: (manual)Node.`` (the name may wrap lines).
_XREF = re.compile(r"\*([Nn])ote[ \n]+([^:*]+?)::|\*([Nn])ote[ \n]+([^:*]+?):[ \n]+(\([^)]*\))?([^.,:*\t]*?)([.,\t])")
_MENU_ENTRY = re.compile(r"^\* +(?:([^:]+?)::|([^:]+?):[ \t]+(\([^)]*\))?([^.,\t\n]*)[.,\t])[ \t]*(.*)$", re.S)
_INDEX_LINE = re.compile(r"\(line +\d+\)\s*$")
# An index entry's own text may hold colons ("* : (label) command:  Programming Commands. (line 14)").
_INDEX_ENTRY = re.compile(r"^\* +(.+):\s+([^:]+?)\.\s+\(line +\d+\)\s*$")
_LIST_MARK = re.compile(r"^( {0,12})(•|\*|-|[0-9]+\.|[a-zA-Z]\.) +(?=\S)")
_DEFINITION = re.compile(r"^ -- [A-Z][\w ]*:")
_FOOTNOTES = re.compile(r"^ *-{5,} Footnotes -{5,}$")
_NOTE = re.compile(r"^ *\((\d+)\) +(?=\S)")  # a footnote's label under the Footnotes line: "   (1) Using ..."
_DIR_ENTRY = re.compile(r"START-INFO-DIR-ENTRY\n(.*?)END-INFO-DIR-ENTRY", re.S)
# @code, @samp, @file, @option...: 'quoted' (ASCII makeinfo) or ‘quoted’ (UTF-8 makeinfo).
_CODE = re.compile(r"‘([^‘’\s](?:[^‘’\n]{0,78}[^‘’\s])?)’|(?<![\w'])'([^'\s](?:[^'\n]{0,58}?[^'\s])?)'(?!\w)")
EXAMPLE_INDENT = 5
MAX_TABLE_DEPTH = 16  # tables nested deeper than this (none in the manuals) are read as their lines


def unmark(data: bytes) -> bytes:
    """The raw bytes with the NUL bytes of Info's cookies removed (they would read as a binary file)."""
    return data.replace(b"\x00\x08[", b"\x08[").replace(b"\x00\x08]", b"\x08]")


def looks_like(text: str) -> bool:
    """An Info file: makeinfo's first line, or a node separator followed by a node header."""
    return bool(_MAKEINFO.match(text)) or bool(re.search(r"\x1f\n?File:[^\n]*Node:", text[:65536]))


@dataclass
class Node:
    name: str
    body: str


@dataclass
class Manual:
    file: str = ""
    nodes: list[Node] = field(default_factory=list)
    parts: list[str] = field(default_factory=list)
    preamble: str = ""


def split(text: str) -> Manual:
    """Nodes in order, the Indirect table's part names; the tag table and trailers dropped."""
    chunks = text.split(SEPARATOR)
    manual = Manual(preamble=chunks[0])
    for chunk in chunks[1:]:
        chunk = chunk.lstrip("\n\f")
        if chunk.startswith("Indirect:"):
            manual.parts = [line.rsplit(":", 1)[0].strip() for line in chunk.split("\n")[1:] if ":" in line]
            continue
        header = _HEADER.match(chunk)
        if header is None:
            continue  # Tag Table, Local Variables, anything else of Info's own
        manual.file = manual.file or header.group(1).strip()
        newline = chunk.find("\n")
        body = chunk[newline + 1 :] if newline >= 0 else ""
        manual.nodes.append(Node(header.group(2).strip(), body))
    return manual


def read_parts(source: str, parts: list[str]) -> tuple[list[Node], list[str]]:
    """The nodes of a split manual's parts, read from the main file's folder; notes for parts not found."""
    from reader.load import GZIP_MAGIC, LoadError, _gunzip, decode, max_bytes, normalise_newlines

    folder = Path(source).parent
    nodes: list[Node] = []
    notes: list[str] = []
    for part in parts:
        path = next((p for p in (folder / part, folder / f"{part}.gz") if p.is_file()), None)
        if path is None:
            notes.append(f"part {part} not found")
            continue
        data = path.read_bytes()
        if data.startswith(GZIP_MAGIC):
            try:
                data = _gunzip(str(path), data, max_bytes())
            except LoadError as exc:
                notes.append(f"part {part}: {exc.reason}")
                continue
        text, _ = decode(unmark(data))
        nodes.extend(split(normalise_newlines(text)).nodes)
    return nodes, notes


def node_id(name: str) -> str:
    return "-".join(name.split())


def parse(document: Document) -> Document:
    manual = split(document.text)
    notes: list[str] = []
    if manual.parts and document.source != "-":
        more, notes = read_parts(document.source, manual.parts)
        manual.nodes.extend(more)
    writer = Writer(names={node_id(n.name) for n in manual.nodes})
    if not manual.nodes:  # no node at all: the text as paragraphs, without Info's trailers
        writer.body(manual.preamble)
    for node in manual.nodes:
        writer.node(node)
    meta = {"title": writer.title or _file_title(manual.file, document.source)}
    entry = _DIR_ENTRY.search(manual.preamble)
    if entry:
        meta["dir_entry"] = " ".join(entry.group(1).split())
    if manual.file:
        meta["file"] = manual.file
    return writer.builder.document(document.source, "info", meta, document.encoding, (*document.notes, *notes))


def _file_title(file: str, source: str) -> str:
    name = file or Path(source).name
    if name == "dir":
        return "Info directory"
    return re.sub(r"\.info(?:-\d+)?(?:\.gz)?$", "", name)


@dataclass
class Writer:
    """Turns node bodies into blocks; ``names`` are the node ids a cross reference may link to."""

    names: set[str]
    builder: Builder = field(default_factory=Builder)
    title: str = ""
    top: bool = False
    in_menu: bool = False
    body_indent: int | None = None  # a two-column table's body indent while inside one
    in_notes: bool = False  # after a node's "---------- Footnotes ----------" line

    def node(self, node: Node) -> None:
        self.builder.pending_ids.append(node_id(node.name))
        self.top = node.name == "Top"
        self.in_menu = False
        self.in_notes = False
        self.body_indent = None
        self.body(node.body)

    def body(self, text: str) -> None:
        for group in _groups(text):
            self.group(group)

    def group(self, lines: list[str]) -> None:
        """One run of lines between blank lines."""
        lines = [_COOKIES_OUT(line) for line in lines]
        lines = [line for line in lines if line.strip()] or []
        if not lines:
            return
        if lines[0].startswith("* Menu:"):
            self.in_menu = True
            rest = lines[0][len("* Menu:") :].strip()
            lines = ([rest] if rest else []) + lines[1:]
        if len(lines) >= 2 and _is_underline(lines[0], lines[1]):
            self.heading(lines[0], lines[1])
            lines = lines[2:]
        if lines:
            self.content(lines)

    def heading(self, line: str, underline: str) -> None:
        text = inline(line)
        level = _UNDERLINE_LEVEL[underline.strip()[0]]
        if self.top:  # the title is the Top node's heading, never a chapter's
            self.title = self.title or text
        self.in_menu = False
        self.body_indent = None
        self.add("heading", text, level=level)

    def content(self, lines: list[str]) -> None:
        entry = next((i for i, line in enumerate(lines) if line.startswith("* ")), None) if self.in_menu else None
        if entry is not None:
            if entry:
                self.indented(lines[:entry])
            self.menu(lines[entry:])
        elif _FOOTNOTES.match(lines[0]):
            self.add("paragraph", "Footnotes")
            self.in_notes = True
            if lines[1:]:
                self.content(lines[1:])
        elif self.in_notes and _NOTE.match(lines[0]):
            self.footnote(lines)
        elif _DEFINITION.match(lines[0]):
            self.definition(lines)
        elif lines[0].lstrip().startswith("\x08[image"):
            self.image(lines)
        else:
            self.indented(lines)

    def indented(self, lines: list[str], depth: int = 0) -> None:
        """Prose, list items, a table's terms and body, or an example, by indentation.

        A loop over the table's entries and examples, not a call for each: a table of thousands of
        entries, or lines each indented deeper than the last, once overflowed Python's stack; a table
        nested more than MAX_TABLE_DEPTH deep is read as its lines."""
        at = 0
        while at < len(lines):
            at = self._indented_part(lines, at, depth)

    def _indented_part(self, lines: list[str], at: int, depth: int) -> int:
        """Reads one table entry, one example after its prose, or the rest; returns where it stopped."""
        terms = _table_terms(lines, at) if depth < MAX_TABLE_DEPTH else 0
        if terms:
            self.add("list_item", ", ".join(line.strip() for line in lines[at : at + terms]))
            self.body_indent = _indent(lines[at + terms])
            back = next((i for i in range(at + terms, len(lines)) if _indent(lines[i]) < self.body_indent), len(lines))
            self.indented(lines[at + terms : back], depth + 1)
            if back < len(lines):
                self.body_indent = _indent(lines[back]) + EXAMPLE_INDENT  # the next term's body, as a rule
            return back
        deeper = self._deeper(lines, at)
        if deeper:
            self.indented(lines[at:deeper], depth + 1)
            cut = _indent(lines[deeper])
            back = next((i for i in range(deeper, len(lines)) if _indent(lines[i]) < cut), len(lines))
            self.add("preformatted", _dedent(lines[deeper:back]))
            return back
        if _LIST_MARK.match(lines[at]):
            self.list_items(lines[at:])
        else:
            self.block(lines[at:])
        return len(lines)

    def _deeper(self, lines: list[str], at: int = 0) -> int:
        """Where an example starts under prose with no blank line between them (0: nowhere)."""
        base = _indent(lines[at])
        for index in range(at + 1, len(lines)):
            prose = base < EXAMPLE_INDENT or (self.body_indent is not None and base <= self.body_indent)
            if not prose:
                return 0
            if _indent(lines[index]) >= base + EXAMPLE_INDENT:
                return index
            base = min(base, _indent(lines[index]))
        return 0

    def list_items(self, lines: list[str]) -> None:
        """Items that start with a bullet or a number at one indentation; the lines under each go with it."""
        mark = _LIST_MARK.match(lines[0])
        assert mark is not None
        width = len(mark.group(1))
        starts = [i for i, line in enumerate(lines) if (m := _LIST_MARK.match(line)) and len(m.group(1)) == width]
        for begin, end in zip(starts, [*starts[1:], len(lines)]):
            item = _LIST_MARK.match(lines[begin])
            assert item is not None
            text = "\n".join(lines[begin:end])[item.end() :]
            self.add("list_item", text, depth=1 + width // EXAMPLE_INDENT, marker=item.group(2))

    def block(self, lines: list[str]) -> None:
        first = min(_indent(line) for line in lines)
        if self.body_indent is not None and first == self.body_indent:
            self.add("list_item", "\n".join(lines), depth=1)
        elif first >= EXAMPLE_INDENT and not _prose(lines):
            self.add("preformatted", _dedent(lines))
        else:
            if self.body_indent is not None and first < self.body_indent:
                self.body_indent = None
            self.add("paragraph", "\n".join(lines))

    def menu(self, lines: list[str]) -> None:
        """Menu entries, each with its continuation lines (a long description wraps); an index as a table."""
        entry: list[str] = []
        rows: list[tuple[str, str]] = []
        for line in [*lines, "* "]:  # the sentinel ends the last entry
            if line.startswith("* ") or not line.startswith(" "):
                index = _INDEX_ENTRY.match(" ".join(part.strip() for part in entry))
                if index:
                    rows.append((index.group(1).strip(), index.group(2).strip()))
                elif entry:
                    self.index_table(rows)
                    self.menu_entry(entry)
                entry = []
            if line.startswith(("* ", " ")):
                entry.append(line)
            else:
                self.index_table(rows)
                self.add("paragraph", line)  # a heading line between a menu's entries ("Basics")
        self.index_table(rows)

    def index_table(self, rows: list[tuple[str, str]]) -> None:
        """An index's entries as a table of entry and node, each entry linked to its node: no sentences."""
        lines: list[str] = []
        size = 0
        for entry, target in rows:
            if node_id(target) in self.names:
                self.builder.link(size, entry, f"#{node_id(target)}")
            line = f"{entry} | {target}"
            lines.append(line)
            size += len(line) + 1
        rows.clear()
        if lines:
            self.builder.add("table", "\n".join(lines))

    def menu_entry(self, lines: list[str]) -> None:
        text = " ".join(line.strip() for line in lines)
        match = _MENU_ENTRY.match(text)
        if match is None:
            self.add("paragraph", text)
            return
        name = (match.group(1) or match.group(2)).strip()
        target = (match.group(1) or match.group(4) or "").strip()
        external = match.group(3)
        description = _INDEX_LINE.sub("", match.group(5)).strip()
        shown = name if not external or target else f"{name} ({external.strip('()')} manual)"
        if match.group(2) and target and target != name and not external:
            shown = f"{name}: {target}"  # an index entry: where it is
        if description and description.strip(" .") != name:
            shown = f"{shown} — {description}"
        url = f"#{node_id(target)}" if not external and node_id(target) in self.names else None
        self.add("list_item", shown, marker="•", depth=1, link=(name, url) if url else None)

    def footnote(self, lines: list[str]) -> None:
        """``(1) text`` under the Footnotes line: an item labelled ``[1]``, as other formats give a note."""
        mark = _NOTE.match(lines[0])
        assert mark is not None
        text = "\n".join(lines)[mark.end() :]
        self.add("list_item", text, depth=1, marker=f"[{mark.group(1)}]")

    def definition(self, lines: list[str]) -> None:
        """``-- Function: int f (int X)`` and its wrapped arguments as code, the text after as an item."""
        end = 1
        while end < len(lines) and _indent(lines[end]) > 2 * EXAMPLE_INDENT - 1:
            end += 1
        self.add("preformatted", "\n".join(line.strip() for line in lines[:end]))
        self.body_indent = EXAMPLE_INDENT  # the definition's text, here or after a blank line
        if lines[end:]:
            self.indented(lines[end:])

    def image(self, lines: list[str]) -> None:
        alt = _ALT.search(lines[0])
        self.add("image", alt.group(1) if alt else "image")
        if lines[1:]:
            self.content(lines[1:])

    def add(self, kind: str, text: str, link: tuple[str, str] | None = None, **extra: object) -> None:
        """A block: prose joined into one line with its cross references made readable; code kept."""
        links: list[tuple[int, int, str]] = []
        if kind in ("paragraph", "list_item", "heading"):
            text, links = self.readable(inline(text))
        elif "*" in text:
            text, links = self.readable(text)
        text = text.strip("\n").rstrip()
        if not text.strip():
            return
        if link is not None:
            links.insert(0, (0, len(link[0]), link[1]))
        for start, end, url in links:
            self.builder.link(start, text[start:end], url)
        if kind != "preformatted":
            for match in _CODE.finditer(text):
                group = 1 if match.group(1) is not None else 2
                self.builder.emphasize(match.start(group), len(match.group(group)), "code")
        self.builder.add(kind, text, **extra)  # type: ignore[arg-type]

    def readable(self, text: str) -> tuple[str, list[tuple[int, int, str]]]:
        """``*note X::`` -> ``see X`` (linked to node X when it is in the manual)."""
        out: list[str] = []
        links: list[tuple[int, int, str]] = []
        size = last = 0
        for match in _XREF.finditer(text):
            piece = text[last : match.start()]
            out.append(piece)
            size += len(piece)
            see, label, target, tail = _reference(match, text)
            word = "See " if see == "N" else "see "
            url = f"#{node_id(target)}" if target and node_id(target) in self.names else None
            if url:
                links.append((size + len(word), size + len(word) + len(label), url))
            shown = word + label + tail
            out.append(shown)
            size += len(shown)
            last = match.end()
        out.append(text[last:])
        return "".join(out), links


def _reference(match: re.Match[str], text: str) -> tuple[str, str, str, str]:
    """(N or n, label, target node or "", punctuation kept after it) for one cross reference."""
    if match.group(1) is not None:
        name = " ".join(match.group(2).split())
        return match.group(1), name, name, ""
    label = " ".join(match.group(4).split())
    external = match.group(5)
    target = "" if external else " ".join(match.group(6).split())
    if external and not label:
        label = " ".join(match.group(6).split())
    if external:
        label = f"{label} in the {external.strip('()')} manual" if label else external
    end = match.group(7)
    after = text[match.end() : match.end() + 2].lstrip()
    tail = end if end == "," or (end == "." and not after.startswith(")")) else ""
    return match.group(3), label, target, tail


def _COOKIES_OUT(line: str) -> str:  # noqa: N802 - used like a constant table
    """Index cookies dropped; image cookies kept for content() to read."""
    return _COOKIE.sub(lambda m: m.group(0) if m.group(1) == "image" else "", line)


def _groups(text: str) -> list[list[str]]:
    groups: list[list[str]] = []
    current: list[str] = []
    for line in text.split("\n"):
        if line.strip():
            current.append(line.rstrip())
        elif current:
            groups.append(current)
            current = []
    if current:
        groups.append(current)
    return groups


def _is_underline(line: str, underline: str) -> bool:
    under = underline.strip()
    return (
        bool(_UNDERLINE.fullmatch(under))
        and abs(len(under) - len(line.rstrip())) <= 2
        and not line.startswith(" " * EXAMPLE_INDENT)
        and bool(line.strip())
    )


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip(" "))


def _dedent(lines: list[str]) -> str:
    cut = min(_indent(line) for line in lines)
    return "\n".join(line[cut:] for line in lines)


def _table_terms(lines: list[str], at: int = 0) -> int:
    """How many lines from ``at`` are a two-column table's terms (``‘-n’``) over an indented body; 0 if none."""
    first = _indent(lines[at])
    end = at
    while end < len(lines) and end - at <= 6 and _indent(lines[end]) == first and len(lines[end]) - first <= 100:
        end += 1
    count = end - at
    if count == 0 or end == len(lines) or count > 6 or _indent(lines[end]) < first + EXAMPLE_INDENT:
        return 0
    if _LIST_MARK.match(lines[at]) or lines[end - 1].rstrip().endswith((".", ",", ";", ":")):
        return 0
    return count


_PROSE_WORD = re.compile(r"[\"'‘“(]?[A-Za-z][a-z'’-]*[\"'’”),.;:]*")


def _prose(lines: list[str]) -> bool:
    """An indented block that is prose (an ``@quotation``, a sentence), not an example: words ending in a stop."""
    if not lines[-1].rstrip().endswith((".", ":")) or not lines[0].lstrip()[:1].isupper():
        return False
    words = " ".join(lines).split()
    wordy = sum(1 for word in words if _PROSE_WORD.fullmatch(word))
    return len(words) >= 3 and all(len(line.strip()) >= 50 for line in lines[:-1]) and wordy >= 0.6 * len(words)


_NUMBERING = re.compile(r"^(?:appendix\s+)?(?:[A-Z]|\d+)(?:\.\d+)*\.?\s+", re.I)


def keep_participants(analysis: Analysis) -> None:
    """A manual's node and section names ("Case Folding", "Unknown Directives") are no participants."""
    doc = analysis.document
    titles = {" ".join(key.split("-")).casefold() for key in doc.anchors}
    titles |= {_NUMBERING.sub("", doc.text[b.start : b.end]).casefold() for b in doc.blocks if b.kind == "heading"}
    padded = [f" {title} " for title in titles]

    def a_title(name: str) -> bool:
        key = " ".join(name.split()).casefold()
        return key in titles or (" " in key and any(f" {key} " in title for title in padded))

    kept = [p for p in analysis.participants if not any(a_title(n) for n in (p.name, *p.aliases))]
    ids = {p.id for p in kept}
    analysis.participants = kept
    analysis.quotes = [q for q in analysis.quotes if q.speaker is None or q.speaker in ids]
