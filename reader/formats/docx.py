"""DOCX from its XML (zipfile + lxml): Title and Heading N styles are headings, numbered paragraphs
are list items, tables are preformatted rows. Headers and footers live in other parts of the
package, so they stay out of the body. Style ids are read from the XML, not through python-docx,
whose ``paragraph.style`` costs milliseconds a paragraph.
"""

from __future__ import annotations

import re
from typing import Any

from reader.formats import FormatError
from reader.formats.build import Builder
from reader.formats.zipped import Archive
from reader.model import Document

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
CORE = {
    "{http://purl.org/dc/elements/1.1/}title": "title",
    "{http://purl.org/dc/elements/1.1/}creator": "author",
    "{http://purl.org/dc/elements/1.1/}language": "language",
    "{http://purl.org/dc/terms/}created": "date",
}
_HEADING = re.compile(r"^heading\s*(\d)$")


def read(source: str, data: bytes, limit: int) -> Document:
    package = Archive(data, limit, "DOCX")
    if not package.has("word/document.xml"):
        raise FormatError("DOCX has no word/document.xml (not a Word document)")
    root = _xml(package, "word/document.xml")
    levels = _style_levels(package)
    body = root.find(f"{W}body")
    builder = Builder()
    _body(builder, body if body is not None else [], levels)
    metadata = _core(package)
    if "title" not in metadata:
        first = next((b for b in builder.blocks if b.kind == "heading" and b.level == 1), None)
        if first is not None:
            metadata["title"] = builder.text()[first.start : first.end]
    return builder.document(source, "docx", metadata)


def _body(builder: Builder, parent: Any, levels: dict[str, int]) -> None:
    for el in parent:
        if el.tag == f"{W}p":
            _paragraph(builder, el, levels)
        elif el.tag == f"{W}tbl":
            text, header = _table(el)
            builder.add("table", text, header=header or None)
        elif el.tag in (f"{W}sdt", f"{W}sdtContent", f"{W}customXml"):
            _body(builder, el, levels)  # content controls hold ordinary paragraphs


def _xml(package: Archive, name: str) -> Any:
    from lxml import etree

    parser = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=True)
    try:
        return etree.fromstring(package.read(name), parser)
    except etree.XMLSyntaxError:
        raise FormatError(f"DOCX's {name} is not readable XML") from None


def _style_levels(package: Archive) -> dict[str, int]:
    """Style id -> heading level, from the style names ("Title" is 1, "heading N" is N + 1)."""
    out = {"Title": 1}
    out.update({f"Heading{n}": n + 1 for n in range(1, 10)})
    if not package.has("word/styles.xml"):
        return out
    for style in _xml(package, "word/styles.xml").iter(f"{W}style"):
        name_el = style.find(f"{W}name")
        name = (name_el.get(f"{W}val") if name_el is not None else "") or ""
        sid = style.get(f"{W}styleId") or ""
        match = _HEADING.match(name.lower())
        if name.lower() == "title":
            out[sid] = 1
        elif match:
            out[sid] = int(match.group(1)) + 1
    return out


def _paragraph(builder: Builder, p: Any, levels: dict[str, int]) -> None:
    props = p.find(f"{W}pPr")
    style = ""
    listed = False
    if props is not None:
        style_el = props.find(f"{W}pStyle")
        style = style_el.get(f"{W}val", "") if style_el is not None else ""
        listed = props.find(f"{W}numPr") is not None
    text = _runs(p)
    if style.upper().startswith("TOC"):
        return  # a generated table of contents repeats the headings
    if style in levels:
        builder.add("heading", " ".join(text.split()), levels[style])
    else:
        builder.add("list_item" if listed or style.startswith("List") else "paragraph", text)


def _runs(p: Any) -> str:
    parts = []
    for el in p.iter(f"{W}t", f"{W}tab", f"{W}br", f"{W}cr"):
        parts.append(el.text or "" if el.tag == f"{W}t" else ("\t" if el.tag == f"{W}tab" else "\n"))
    return "".join(parts).strip()


def _table(tbl: Any) -> tuple[str, int]:
    """The rows, cells joined by " | ", and how many leading rows repeat as a header (w:tblHeader)."""
    rows: list[str] = []
    header = 0
    for tr in tbl.iter(f"{W}tr"):
        cells = [" ".join(_runs(p) for p in tc.iter(f"{W}p")).strip() for tc in tr.iter(f"{W}tc")]
        if not any(cells):
            continue
        mark = tr.find(f"{W}trPr/{W}tblHeader")
        if mark is not None and mark.get(f"{W}val", "1") not in ("0", "false", "off") and header == len(rows):
            header += 1
        rows.append(" | ".join(cells))
    return "\n".join(rows), header


def _core(package: Archive) -> dict[str, str]:
    if not package.has("docProps/core.xml"):
        return {}
    out = {}
    for el in _xml(package, "docProps/core.xml"):
        key = CORE.get(el.tag)
        if key and el.text and el.text.strip():
            out[key] = el.text.strip()[:10] if key == "date" else el.text.strip()
    return out
