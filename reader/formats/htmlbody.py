"""One HTML body reader for web pages (after main-content extraction) and EPUB chapters.

Headings keep their levels, ``pre`` is preformatted, tables are preformatted rows, list items and
block quotes are their own blocks; link text stays in the text with its target recorded, and
images are left out of the prose (a run of images alone, like a badge row, is an image block).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from reader.formats.build import Builder, inline, number_label
from reader.model import BlockKind, EmphasisKind

SKIP = frozenset(
    {"script", "style", "noscript", "template", "svg", "head", "title", "meta", "link", "button", "iframe"}
)
PAGE_SKIP = SKIP | {"nav", "footer", "header", "aside", "form", "menu"}
BLOCK = frozenset(
    "p div section article main body html h1 h2 h3 h4 h5 h6 ul ol dl li dt dd blockquote pre table figure "
    "figcaption header footer aside nav hr address details summary form fieldset center menu".split()
)
HEADINGS = {f"h{n}": n for n in range(1, 7)}
EMPHASIS: dict[str, EmphasisKind] = {"strong": "bold", "b": "bold", "em": "italic", "i": "italic", "code": "code"}


def local(tag: Any) -> str:
    """The element's tag without a namespace; comments and processing instructions give ''."""
    if not isinstance(tag, str):
        return ""
    return tag.rsplit("}", 1)[-1].lower()


@dataclass
class _Inline:
    """Inline text with white space collapsed as it comes, so link offsets stay exact."""

    chars: list[str] = field(default_factory=list)
    links: list[tuple[int, int, str]] = field(default_factory=list)
    emphasis: list[tuple[int, int, str]] = field(default_factory=list)
    images: list[str] = field(default_factory=list)

    def add(self, piece: str | None) -> None:
        for ch in piece or "":
            if ch.isspace() or ch == "\u200b":
                if self.chars and self.chars[-1] != " ":
                    self.chars.append(" ")
            else:
                self.chars.append(ch)

    def text(self) -> str:
        return "".join(self.chars).rstrip()


@dataclass
class Walker:
    builder: Builder
    skip: frozenset[str] = SKIP
    anchors: dict[str, tuple[str, int]] = field(default_factory=dict)  # element id -> (heading, level)
    pending: tuple[str, int] | None = None
    depth: int = 0  # lists open around the element being walked
    quotes: int = 0  # block quotes open around it: a nested quote's level, for the view's bars
    marker: str | None = None  # the number or bullet of the list item whose first block comes next

    def walk(self, el: Any, kind: BlockKind = "paragraph") -> None:
        tag = local(el.tag)
        if not tag or tag in self.skip:
            return
        if is_page_marker(el):
            self._anchors_within(el)
            return
        self._anchor(el)
        if tag in HEADINGS:
            for inner in el.iterdescendants():
                self._anchor(inner)  # <h2><a id="ch1"></a>Chapter I</h2>, as Project Gutenberg writes it
            self.add("heading", _text(el, self.skip), HEADINGS[tag])
        elif tag == "pre":
            self.add("preformatted", "".join(el.itertext()).strip("\n"), language=_language(el))
        elif tag == "table" and _layout(el):
            for cell in _cells(el):  # a page laid out in a table: its cells are the page's blocks
                self.container(cell, kind)
        elif tag == "table":
            text, header = _table(el, self.skip)
            self.add("table", text, header=header)
        elif tag == "img":
            self.add("image", inline(el.get("alt") or ""))
        elif tag in ("ul", "ol", "dl", "menu"):
            self._list(el)
        elif tag == "blockquote" and len(el) == 0 and "\n" in (el.text or "").strip():
            # The main-content extractor hands back <pre> as a bare multi-line <blockquote>.
            self.add("preformatted", (el.text or "").strip("\n"))
        elif tag == "blockquote":
            self.quotes += 1
            self.container(el, "block_quote")
            self.quotes -= 1
        elif tag == "hr":
            return
        else:
            self.container(el, "list_item" if tag in ("li", "dt", "dd") else kind)

    def _list(self, el: Any) -> None:
        """Each item at one level deeper, its first block carrying its number or bullet."""
        markers = list_markers(el)
        self.depth += 1
        for child in el:
            self.marker = markers.get(child)
            self.walk(child, "list_item")
        self.depth -= 1
        self.marker = None  # text after a nested list continues its item: no second number

    def container(self, el: Any, kind: BlockKind) -> None:
        buf = _Inline()
        buf.add(el.text)
        for child in el:
            tag = local(child.tag)
            if tag == "code" and "\n" in "".join(child.itertext()).strip():
                self.flush(buf, kind)
                buf = _Inline()
                self.add("preformatted", "".join(child.itertext()).strip("\n"))
            elif tag in BLOCK or tag in ("pre", "table"):
                self.flush(buf, kind)
                buf = _Inline()
                self.walk(child, kind)
            elif is_page_marker(child):
                self._anchors_within(child)
            elif tag and tag not in self.skip:
                self._anchor(child)
                _inline_into(buf, child, self.skip)
            buf.add(child.tail)
        self.flush(buf, kind)

    def flush(self, buf: _Inline, kind: BlockKind) -> None:
        text = buf.text()
        if not text.strip():
            if buf.images:
                self.add("image", " ".join(buf.images))
            return
        lead = len(text) - len(text.lstrip())
        self._pending_heading()
        for a, b, url in buf.links:
            a, b = max(a, lead), min(b, len(text))
            if a < b:
                self.builder.link(a - lead, text[a:b], url)
        for a, b, how in buf.emphasis:
            a, b = max(a, lead), min(b, len(text))
            if a < b:
                self.builder.emphasize(a - lead, b - a, EMPHASIS[how])
        self.builder.add(kind, text[lead:], None, **self._item(kind))

    def add(
        self, kind: BlockKind, text: str, level: int | None = None, language: str | None = None, header: int = 0
    ) -> None:
        if kind == "heading":
            text = text.rstrip(" #¶§🔗").lstrip(" ¶§🔗")  # self-link marks beside documentation headings
        if not text.strip():
            return
        if self.pending is not None and kind == "heading":
            level = self.pending[1]  # the table of contents knows the nesting better than h1-h6
            self.pending = None
        else:
            self._pending_heading()
        extra: dict[str, str | int] = {"language": language} if language else {}
        if header:
            extra["header"] = header
        extra.update(self._item(kind))
        self.builder.add(kind, text, level, **extra)

    def _item(self, kind: BlockKind) -> dict[str, str | int]:
        """A list item's depth and, on its first block only, its marker; the depth of code or a table inside
        an item too, so the view draws it under the item's text; a block quote's nesting (two bars for two),
        and, for any other block inside quotes, how many it is in."""
        if kind == "block_quote":
            return {"depth": self.quotes}
        # A list or code inside a quote stays quoted: the view bars it as it bars the quote's paragraphs.
        out: dict[str, str | int] = {"quote": self.quotes} if self.quotes and kind != "heading" else {}
        if kind not in ("list_item", "preformatted", "table") or not self.depth:
            return out
        out["depth"] = self.depth
        if kind == "list_item" and self.marker is not None:
            out["marker"] = self.marker
            self.marker = None
        return out

    def _pending_heading(self) -> None:
        """A chapter the table of contents names but the page does not title: title it."""
        if self.pending is not None:
            title, level = self.pending
            self.pending = None
            self.builder.add("heading", title, level)

    def _anchors_within(self, el: Any) -> None:
        for inner in el.iter():
            self._anchor(inner)

    def _anchor(self, el: Any) -> None:
        ident = el.get("id") or (el.get("name") if local(el.tag) == "a" else None)
        if ident:
            self.builder.pending_ids.append(ident)  # a target of internal links
        if ident and ident in self.anchors:
            self.pending = self.anchors.pop(ident)


_LANGUAGE = re.compile(r"\b(?:language|lang|highlight(?:-source)?)-([\w+#.-]+)")


def _language(pre: Any) -> str | None:
    """The language a code block declares: ``<pre><code class="language-python">`` (Markdown,
    most site generators) or ``<div class="highlight-python"><pre>`` (Sphinx)."""
    for el in (*pre.iterchildren(), pre, pre.getparent()):
        if el is None or not isinstance(el.tag, str):
            continue
        found = _LANGUAGE.search(el.get("class") or "")
        if found:
            return found.group(1).lower()
    return None


_PAGE_MARKER_CLASSES = frozenset({"pagenum", "pageno", "page-number", "pagenumber", "page-num"})


def is_page_marker(el: Any) -> bool:
    """A printed book's page number kept in the markup (Project Gutenberg's ``<span class="pagenum">``,
    EPUB 3's ``epub:type="pagebreak"``): furniture of the paper edition, never the text."""
    if not local(el.tag):
        return False
    if _PAGE_MARKER_CLASSES.intersection((el.get("class") or "").lower().split()):
        return True
    if el.get("role") == "doc-pagebreak":
        return True
    return any(key.endswith("type") and "pagebreak" in value for key, value in el.attrib.items())


_STYLE_TYPE = re.compile(r"list-style(?:-type)?\s*:\s*([\w-]+)")
_CSS_TYPES = {"decimal": "1", "lower-alpha": "a", "lower-latin": "a", "upper-alpha": "A", "upper-latin": "A"}
_CSS_TYPES |= {"lower-roman": "i", "upper-roman": "I", "none": "", "disc": "•", "circle": "•", "square": "•"}


def _is_footnotes(el: Any) -> bool:
    """The notes list of Markdown's footnotes, pandoc's endnotes, an EPUB's doc-endnotes."""
    for node in (el, el.getparent()):
        if node is None or not local(node.tag):
            continue
        words = f"{node.get('class') or ''} {node.get('role') or ''}".lower()
        if "footnotes" in words or "doc-endnotes" in words or "doc-footnotes" in words:
            return True
    return False


# Class names style sheets give a list drawn without bullets (Texinfo's contents and menus, Bootstrap, Tailwind).
_UNSTYLED = frozenset({"no-bullet", "no-bullets", "nobullet", "list-unstyled", "list-none", "unstyled"})


def _list_type(el: Any, tag: str) -> str:
    found = _STYLE_TYPE.search((el.get("style") or "").lower())
    if found and found.group(1) in _CSS_TYPES:
        return _CSS_TYPES[found.group(1)]
    if _UNSTYLED.intersection((el.get("class") or "").lower().split()):
        return ""
    if tag != "ol":
        return "•"
    how = (el.get("type") or "1").strip()
    return how if how in ("1", "a", "A", "i", "I") else "1"


def _int(value: str | None, default: int) -> int:
    try:
        return int((value or "").strip())
    except ValueError:
        return default


DELIMITER = "data-reader-delimiter"  # what follows an ordered list's numbers when not ".": Markdown's "3)"


def list_markers(el: Any) -> dict[Any, str]:
    """Each ``li`` of a ``ul``/``ol`` -> its marker as the page shows it: ``•``, ``3.``, ``b.``,
    ``[1]`` for a footnote; none for a list styled ``none`` or a definition list."""
    tag = local(el.tag)
    if tag not in ("ul", "ol", "menu"):
        return {}
    items = [child for child in el if local(child.tag) == "li"]
    how = _list_type(el, tag)
    if how in ("•", ""):
        return {li: how for li in items} if how else {}
    notes = _is_footnotes(el)
    step = -1 if el.get("reversed") is not None else 1
    n = _int(el.get("start"), len(items) if step < 0 else 1)
    after = ")" if el.get(DELIMITER) == ")" else "."
    out = {}
    for li in items:
        n = _int(li.get("value"), n)
        out[li] = f"[{n}]" if notes else number_label(n, how) + after
        n += step
    return out


def _inline_into(buf: _Inline, el: Any, skip: frozenset[str]) -> None:
    tag = local(el.tag)
    if is_page_marker(el):
        return
    if tag == "img":
        alt = inline(el.get("alt") or "")
        if alt:
            buf.images.append(alt)
        return
    if tag == "br":
        buf.add("\n")
        return
    start = len(buf.chars)
    buf.add(el.text)
    for child in el:
        ctag = local(child.tag)
        if ctag and ctag not in skip:
            _inline_into(buf, child, skip)
        buf.add(child.tail)
    href = el.get("href") if tag == "a" else None
    if href and not href.startswith("javascript:") and href != "#":
        _mark(buf.links, buf.chars, start, href)
    if tag in EMPHASIS:
        _mark(buf.emphasis, buf.chars, start, tag)


def _mark(into: list[tuple[int, int, str]], chars: list[str], start: int, value: str) -> None:
    """Record ``chars[start:]`` without its outer spaces, if anything is left."""
    while start < len(chars) and chars[start] == " ":
        start += 1
    end = len(chars)
    while end > start and chars[end - 1] == " ":
        end -= 1
    if end > start:
        into.append((start, end, value))


def _text(el: Any, skip: frozenset[str]) -> str:
    buf = _Inline()
    buf.add(el.text)
    for child in el:
        if local(child.tag) not in skip:
            _inline_into(buf, child, skip)
        buf.add(child.tail)
    return buf.text().strip()


_LAYOUT_INSIDE = frozenset({"table", "h1", "h2", "h3", "h4", "h5", "h6"})


def _layout(el: Any) -> bool:
    """A table that lays a page out (old sites, generated API pages): a heading or a table inside it."""
    return any(local(inner.tag) in _LAYOUT_INSIDE for inner in el.iterdescendants())


def _cells(table: Any) -> list[Any]:
    """The table's own cells in order (rows under thead, tbody and tfoot too), not a nested table's."""
    rows = [child for child in table if local(child.tag) == "tr"]
    for group in (child for child in table if local(child.tag) in ("thead", "tbody", "tfoot")):
        rows += [row for row in group if local(row.tag) == "tr"]
    return [cell for row in rows for cell in row if local(cell.tag) in ("td", "th")]


def _table(el: Any, skip: frozenset[str]) -> tuple[str, int]:
    """The rows, cells joined by " | ", and how many leading rows are a header (in thead, or all th)."""
    rows: list[str] = []
    header = 0
    for tr in el.iter():
        if local(tr.tag) != "tr":
            continue
        tds = [td for td in tr if local(td.tag) in ("td", "th")]
        cells = [_text(td, skip) for td in tds]
        if not any(cells):
            continue
        in_head = local(tr.getparent().tag) == "thead" or all(local(td.tag) == "th" for td in tds)
        if in_head and header == len(rows):
            header += 1
        rows.append(" | ".join(cells))
    return "\n".join(rows), header


def walk_body(
    root: Any,
    builder: Builder,
    page: bool = False,
    anchors: dict[str, tuple[str, int]] | None = None,
    first: tuple[str, int] | None = None,
) -> None:
    """Every block of ``root`` (an lxml element) into ``builder``; ``page`` also drops nav, header, footer.

    ``anchors`` maps element ids to table-of-contents entries and ``first`` is the entry for the
    top of the page: they become headings at that place, with the contents' nesting level.
    """
    body = next((e for e in root.iter() if local(e.tag) == "body"), root)
    walker = Walker(builder, PAGE_SKIP if page else SKIP, dict(anchors or {}), first)
    walker.walk(body)
    walker._pending_heading()
