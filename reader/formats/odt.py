"""OpenDocument text (``.odt``, and flat ``.fodt``) from ``content.xml`` with lxml.

``text:h`` are headings at their outline level (one deeper under a Title paragraph, as DOCX's
headings sit under its Title), ``text:list`` items carry their depth and their number or bullet
from the list style, tables keep their header rows, footnotes and endnotes become ``[1]`` marks
linked to notes after the body. Headers and footers live in ``styles.xml``: they stay out.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from reader.formats import FormatError
from reader.formats.build import Builder, number_label
from reader.model import BlockKind, Document, EmphasisKind

OFFICE = "{urn:oasis:names:tc:opendocument:xmlns:office:1.0}"
TEXT = "{urn:oasis:names:tc:opendocument:xmlns:text:1.0}"
TABLE = "{urn:oasis:names:tc:opendocument:xmlns:table:1.0}"
STYLE = "{urn:oasis:names:tc:opendocument:xmlns:style:1.0}"
FO = "{urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0}"
DRAW = "{urn:oasis:names:tc:opendocument:xmlns:drawing:1.0}"
SVG = "{urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0}"
XLINK = "{http://www.w3.org/1999/xlink}"
META = {
    "{http://purl.org/dc/elements/1.1/}title": "title",
    "{urn:oasis:names:tc:opendocument:xmlns:meta:1.0}initial-creator": "author",
    "{http://purl.org/dc/elements/1.1/}creator": "author",
    "{urn:oasis:names:tc:opendocument:xmlns:meta:1.0}creation-date": "date",
    "{http://purl.org/dc/elements/1.1/}date": "date",
    "{http://purl.org/dc/elements/1.1/}language": "language",
}
# Generated indexes repeat the headings; tracked deletions, comments and forms are not the text.
SKIP = {f"{TEXT}{name}" for name in ("table-of-content", "alphabetical-index", "illustration-index", "bibliography")}
SKIP |= {f"{TEXT}{name}" for name in ("object-index", "table-index", "user-index", "tracked-changes")}
SKIP |= {f"{TEXT}sequence-decls", f"{TEXT}variable-decls", f"{TEXT}user-field-decls", f"{OFFICE}forms"}
INLINE_SKIP = {f"{OFFICE}annotation", f"{TEXT}note-citation", f"{TEXT}ruby-text", f"{TEXT}tracked-changes"}
# Placeholders for text:s, text:tab and text:line-break while raw white space collapses around them.
SPACE, TAB, BREAK = "\ue000", "\ue001", "\ue002"
_WHITE = re.compile(r"[ \t\r\n]+")
_MONO_FONT = re.compile(r"mono|courier|consol|menlo|typewriter|fixed", re.I)
_CODE_STYLE = re.compile(r"preformatted|source code|code ?block|^code$|verbatim|^listing", re.I)
MAX_REPEAT = 64  # a table:number-columns-repeated larger than this is page filler


def read(source: str, data: bytes, limit: int) -> Document:
    content, styles, meta = _parts(data, limit)
    body = content.find(f"{OFFICE}body/{OFFICE}text")
    if body is None:
        raise FormatError("not a readable OpenDocument text (no text body: a spreadsheet or a drawing?)")
    reader = Reader(Styles.of(styles, content))
    try:
        reader.titled = any(reader.styles.is_title(p.get(f"{TEXT}style-name")) for p in body.iter(f"{TEXT}p"))
        reader.blocks(body)
        reader.notes()
        reader.flush()
    except RecursionError:
        raise FormatError("not a readable OpenDocument text (nested too deeply)") from None
    metadata = _metadata(meta)
    if "title" not in metadata:
        headings = [b for b in reader.builder.blocks if b.kind == "heading"]
        first = next((b for b in headings if b.level == 1), headings[0] if headings else None)
        if first is not None:
            metadata["title"] = reader.builder.text()[first.start : first.end]
    return reader.builder.document(source, "odt", metadata)


def _parts(data: bytes, limit: int) -> tuple[Any, Any, Any]:
    """content.xml, styles.xml and meta.xml (None when absent); a flat ODF is all three in one."""
    if not data.startswith(b"PK\x03\x04"):
        root = _xml(data, "the flat XML")
        return root, root, root
    from reader.formats.zipped import Archive

    try:
        package = Archive(data, limit, "ODT")
        if not package.has("content.xml"):
            raise FormatError("has no content.xml")
        content = _xml(package.read("content.xml"), "content.xml")
        styles = _xml(package.read("styles.xml"), "styles.xml") if package.has("styles.xml") else None
        meta = _xml(package.read("meta.xml"), "meta.xml") if package.has("meta.xml") else None
    except FormatError as exc:
        raise FormatError(f"not a readable OpenDocument text ({_reason(str(exc))})") from None
    return content, styles, meta


def _reason(message: str) -> str:
    """The zip reader's reason, without naming the format twice."""
    if "not a readable zip" in message:
        return "a corrupt or truncated zip"
    return message.removeprefix("is ").replace("ODT member ", "").replace("ODT ", "zip ")


def _xml(data: bytes, name: str) -> Any:
    from lxml import etree

    parser = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=True)
    try:
        return etree.fromstring(data, parser)
    except etree.XMLSyntaxError as exc:
        raise FormatError(f"not a readable OpenDocument text ({name} is not XML: {exc.msg})") from None


@dataclass
class Styles:
    """What the styles say that a reader sees: Title paragraphs, bold and italic spans, list markers."""

    parents: dict[str, str] = field(default_factory=dict)
    display: dict[str, str] = field(default_factory=dict)
    emphasis: dict[str, EmphasisKind] = field(default_factory=dict)
    mono: set[str] = field(default_factory=set)
    lists: dict[str, dict[int, Any]] = field(default_factory=dict)

    @classmethod
    def of(cls, *roots: Any) -> Styles:
        out = cls()
        for root in (r for r in roots if r is not None):
            for style in root.iter(f"{STYLE}style"):
                out._style(style)
            for list_style in root.iter(f"{TEXT}list-style"):
                out.lists[list_style.get(f"{STYLE}name") or ""] = {
                    int(level.get(f"{TEXT}level") or 1): level for level in list_style
                }
        return out

    def _style(self, style: Any) -> None:
        name = style.get(f"{STYLE}name") or ""
        self.parents[name] = style.get(f"{STYLE}parent-style-name") or ""
        self.display[name] = style.get(f"{STYLE}display-name") or name
        props = style.find(f"{STYLE}text-properties")
        if props is None:
            return
        if _MONO_FONT.search(props.get(f"{STYLE}font-name") or props.get(f"{FO}font-family") or ""):
            self.mono.add(name)
        if props.get(f"{FO}font-weight") in ("bold", "600", "700", "800", "900"):
            self.emphasis[name] = "bold"
        elif props.get(f"{FO}font-style") == "italic":
            self.emphasis[name] = "italic"

    def chain(self, name: str | None) -> list[str]:
        """The style and its parents, nearest first (eight at most: never a loop)."""
        out: list[str] = []
        while name and len(out) < 8:
            out.append(name)
            name = self.parents.get(name)
        return out

    def _shown(self, name: str) -> str:
        return self.display.get(name) or name.replace("_20_", " ")

    def is_title(self, name: str | None) -> bool:
        return any(self._shown(n) == "Title" for n in self.chain(name))

    def is_code(self, name: str | None) -> bool:
        """A code paragraph: "Preformatted Text" (LibreOffice), a code or verbatim style, a monospace font."""
        return any(n in self.mono or _CODE_STYLE.search(self._shown(n)) for n in self.chain(name))

    def span(self, name: str | None) -> EmphasisKind | None:
        for n in self.chain(name):
            if n in self.emphasis:
                return self.emphasis[n]
            if n in self.mono or self._shown(n) in ("Source Text", "Teletype"):
                return "code"
        return None

    def marker(self, name: str, depth: int, counts: list[int]) -> str | None:
        """A list item's marker at ``depth``: ``•`` for a bullet, else the number as the level formats it."""
        level = self.lists.get(name, {}).get(depth)
        if level is None or level.tag == f"{TEXT}list-level-style-bullet":
            return "•"
        if level.tag != f"{TEXT}list-level-style-number" or not level.get(f"{STYLE}num-format"):
            return None
        shown = _int(level.get(f"{TEXT}display-levels"), 1)
        numbers = []
        for d in range(max(1, depth - shown + 1), depth + 1):
            how = self.lists[name].get(d)
            fmt = how.get(f"{STYLE}num-format") if how is not None else "1"
            numbers.append(number_label(max(counts[d], 1), fmt or "1"))
        prefix = level.get(f"{STYLE}num-prefix") or ""
        return prefix + ".".join(numbers) + (level.get(f"{STYLE}num-suffix") or "")

    def start(self, name: str, depth: int) -> int:
        level = self.lists.get(name, {}).get(depth)
        return _int(level.get(f"{TEXT}start-value") if level is not None else None, 1)


def _int(value: str | None, default: int) -> int:
    return int(value) if value and value.isdigit() else default


@dataclass
class Inline:
    """A paragraph's text with its links, emphasis and note marks, white space collapsed as ODF says."""

    chars: list[str] = field(default_factory=list)
    size: int = 0
    spaced: bool = True  # the last character is collapsible white space (or the paragraph's start)
    links: list[tuple[int, int, str]] = field(default_factory=list)
    emphasis: list[tuple[int, int, EmphasisKind]] = field(default_factory=list)
    frames: list[Any] = field(default_factory=list)

    def raw(self, text: str | None) -> None:
        if not text:
            return
        text = _WHITE.sub(" ", text)
        if self.spaced and text.startswith(" "):
            text = text[1:]
        if text:
            self.put(text)
            self.spaced = text.endswith(" ")

    def put(self, text: str) -> None:
        self.chars.append(text)
        self.size += len(text)
        self.spaced = False

    def text(self) -> str:
        joined = "".join(self.chars).rstrip(" ")
        return joined.replace(SPACE, " ").replace(TAB, "\t").replace(BREAK, "\n")


@dataclass
class Note:
    label: str
    ident: str
    body: Any


class Reader:
    """Walks ``office:text`` into a Builder; notes are kept for after the body."""

    def __init__(self, styles: Styles) -> None:
        self.styles = styles
        self.builder = Builder()
        self.titled = False
        self.pending_notes: list[Note] = []
        self.counters: dict[str, list[int]] = {}
        self.note_count = 0
        self.code: list[str] = []  # lines of consecutive code paragraphs: one preformatted block

    def add(self, kind: BlockKind, text: str, level: int | None = None, **extra: Any) -> None:
        self.flush()
        self.builder.add(kind, text, level, **extra)

    def flush(self) -> None:
        if self.code:
            lines, self.code = self.code, []
            self.builder.add("preformatted", "\n".join(lines).strip("\n"))

    def blocks(self, parent: Any, kind: BlockKind = "paragraph") -> None:
        for el in parent:
            self.block(el, kind)

    def block(self, el: Any, kind: BlockKind = "paragraph", **item: Any) -> None:
        tag = el.tag
        if not isinstance(tag, str) or tag in SKIP:
            return
        if tag == f"{TEXT}h":
            level = _int(el.get(f"{TEXT}outline-level"), 1) + (1 if self.titled else 0)
            self.paragraph(el, "heading", min(level, 9))
        elif tag == f"{TEXT}p" and self.styles.is_code(el.get(f"{TEXT}style-name")):
            buf = Inline()
            self.inline(el, buf)
            self.code.append(buf.text())
        elif tag == f"{TEXT}p":
            title = self.styles.is_title(el.get(f"{TEXT}style-name"))
            self.paragraph(el, "heading" if title else kind, 1 if title else None, **item)
        elif tag == f"{TEXT}list":
            self.list(el, 1, el.get(f"{TEXT}style-name") or "")
        elif tag == f"{TABLE}table":
            text, header = table(el, self)
            self.add("table", text, header=header or None)
        elif tag == f"{DRAW}frame":
            self.frame(el)
        else:  # text:section, draw:text-box, table:table-row-group and other containers
            self.blocks(el, kind)

    def paragraph(self, el: Any, kind: BlockKind, level: int | None = None, **item: Any) -> None:
        buf = Inline()
        self.inline(el, buf)
        text = buf.text()
        lead = len(text) - len(text.lstrip("\n "))
        self.flush()
        for a, b, url in buf.links:
            if a - lead >= 0:
                self.builder.link(a - lead, text[a:b], url)
        for a, b, how in buf.emphasis:
            if a - lead >= 0 and b > a:
                self.builder.emphasize(a - lead, b - a, how)
        if kind == "heading":
            text = text.replace("\n", " ").replace("\t", " ")  # one line, offsets kept
            item = {}
        self.add(kind, text[lead:], level, **item)
        for frame in buf.frames:
            self.frame(frame)

    def inline(self, el: Any, buf: Inline) -> None:
        buf.raw(el.text)
        for child in el:
            self.inline_child(child, buf)
            buf.raw(child.tail)

    def inline_child(self, child: Any, buf: Inline) -> None:
        tag = child.tag
        if not isinstance(tag, str) or tag in INLINE_SKIP:
            return
        if tag == f"{TEXT}s":
            buf.put(SPACE * min(_int(child.get(f"{TEXT}c"), 1), 200))
        elif tag == f"{TEXT}tab":
            buf.put(TAB)
        elif tag == f"{TEXT}line-break":
            buf.put(BREAK)
            buf.spaced = True
        elif tag == f"{TEXT}note":
            self.note(child, buf)
        elif tag in (f"{DRAW}frame", f"{DRAW}a"):
            buf.frames.extend(child.iter(f"{DRAW}frame") if tag == f"{DRAW}a" else [child])
        elif tag in (f"{TEXT}a", f"{TEXT}span"):
            start = buf.size
            self.inline(child, buf)
            if tag == f"{TEXT}a" and child.get(f"{XLINK}href") and buf.size > start:
                buf.links.append((start, buf.size, child.get(f"{XLINK}href")))
            how = self.styles.span(child.get(f"{TEXT}style-name"))
            if how and buf.size > start:
                buf.emphasis.append((start, buf.size, how))
        else:  # fields (page numbers, dates, titles), bookmarks, ruby bases: their text as shown
            self.inline(child, buf)

    def note(self, el: Any, buf: Inline) -> None:
        self.note_count += 1
        citation = el.find(f"{TEXT}note-citation")
        label = "".join(citation.itertext()).strip() if citation is not None else ""
        label = label or (citation.get(f"{TEXT}label") if citation is not None else "") or str(self.note_count)
        ident = el.get(f"{TEXT}id") or f"note{self.note_count}"
        mark = f"[{label}]"
        buf.links.append((buf.size, buf.size + len(mark), f"#{ident}"))
        buf.put(mark)
        self.pending_notes.append(Note(label, ident, el.find(f"{TEXT}note-body")))

    def notes(self) -> None:
        """Footnotes and endnotes after the body, each a list item marked as its citation is."""
        self.flush()
        while self.pending_notes:
            notes, self.pending_notes = self.pending_notes, []
            for note in notes:
                self.builder.pending_ids.append(note.ident)
                self.item_blocks(note.body, 1, {"marker": f"[{note.label}]"})

    def item_blocks(self, parent: Any, depth: int, first: dict[str, Any]) -> None:
        """A list item's (or a note's) blocks: the first carries the marker, the rest its depth only."""
        marker = first
        for el in parent if parent is not None else []:
            before = len(self.builder.blocks)
            self.block(el, "list_item", depth=depth, **marker)
            if len(self.builder.blocks) > before:
                marker = {}

    def list(self, el: Any, depth: int, style: str) -> None:
        style = el.get(f"{TEXT}style-name") or style
        continues = el.get(f"{TEXT}continue-numbering") == "true" or el.get(f"{TEXT}continue-list")
        if depth == 1 and not (continues and style in self.counters):
            self.counters[style] = [0] * 12
        counts = self.counters.setdefault(style, [0] * 12)
        for child in el:
            if child.tag not in (f"{TEXT}list-item", f"{TEXT}list-header"):
                continue
            own = [c for c in child if c.tag in (f"{TEXT}p", f"{TEXT}h")]
            marker: dict[str, Any] = {}
            if child.tag == f"{TEXT}list-item" and own and depth < len(counts):
                restart = child.get(f"{TEXT}start-value")
                if restart:
                    counts[depth] = _int(restart, 1)
                else:
                    counts[depth] = counts[depth] + 1 if counts[depth] else self.styles.start(style, depth)
                counts[depth + 1 :] = [0] * (len(counts) - depth - 1)
                found = self.styles.marker(style, depth, counts)
                marker = {"marker": found} if found else {}
            for inner in child:
                if inner.tag == f"{TEXT}list":
                    self.list(inner, depth + 1, style)
                else:
                    before = len(self.builder.blocks)
                    self.block(inner, "list_item", depth=depth, **marker)
                    marker = {} if len(self.builder.blocks) > before else marker

    def frame(self, el: Any) -> None:
        """An image (its title or description as alt text) or a text box's paragraphs."""
        for child in el:
            if child.tag == f"{DRAW}image" and not child.get(f"{XLINK}href", "").startswith("./ObjectReplacements"):
                alt = el.findtext(f"{SVG}title") or el.findtext(f"{SVG}desc") or el.get(f"{DRAW}name") or "image"
                self.add("image", " ".join(alt.split()))
                return
            if child.tag == f"{DRAW}text-box":
                self.blocks(child)
                return


def table(el: Any, reader: Reader) -> tuple[str, int]:
    """The rows, cells joined by " | ", and how many leading rows are header rows."""
    rows: list[str] = []
    header = 0
    for tr in el.iter(f"{TABLE}table-row"):
        if _owner(tr) is not el:
            continue  # a row of a table inside a cell
        cells: list[str] = []
        for td in tr:
            if td.tag not in (f"{TABLE}table-cell", f"{TABLE}covered-table-cell"):
                continue
            text = cell_text(td, reader)
            cells.extend([text] * min(_int(td.get(f"{TABLE}number-columns-repeated"), 1), MAX_REPEAT))
        while cells and not cells[-1]:
            cells.pop()
        if not cells:
            continue
        if tr.getparent().tag == f"{TABLE}table-header-rows" and header == len(rows):
            header += 1
        rows.append(" | ".join(cells))
    return "\n".join(rows), header


def _owner(tr: Any) -> Any:
    parent = tr.getparent()
    while parent is not None and parent.tag != f"{TABLE}table":
        parent = parent.getparent()
    return parent


def cell_text(td: Any, reader: Reader) -> str:
    parts = []
    for p in td.iter(f"{TEXT}p", f"{TEXT}h"):
        buf = Inline()
        reader.inline(p, buf)
        parts.append(" ".join(buf.text().split()))
    return " ".join(p for p in parts if p)


def _metadata(meta: Any) -> dict[str, str]:
    out: dict[str, str] = {}
    office_meta = meta.find(f"{OFFICE}meta") if meta is not None else None
    for el in office_meta if office_meta is not None else []:
        key = META.get(el.tag)
        value = " ".join("".join(el.itertext()).split())
        if key and value and key not in out:
            out[key] = value[:10] if key == "date" else value
    return out
