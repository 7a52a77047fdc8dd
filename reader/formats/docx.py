"""DOCX from its XML (zipfile + lxml): Title and Heading N styles are headings, numbered paragraphs
are list items, tables are preformatted rows. Headers and footers live in other parts of the
package, so they stay out of the body. Style ids are read from the XML, not through python-docx,
whose ``paragraph.style`` costs milliseconds a paragraph.
"""

from __future__ import annotations

import re
from typing import Any

from reader.formats import FormatError
from reader.formats.build import Builder, number_label
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
    numbering = Numbering(_formats(package), _style_numbers(package))
    body = root.find(f"{W}body")
    builder = Builder()
    _body(builder, body if body is not None else [], levels, numbering)
    metadata = _core(package)
    if "title" not in metadata:
        first = next((b for b in builder.blocks if b.kind == "heading" and b.level == 1), None)
        if first is not None:
            metadata["title"] = builder.text()[first.start : first.end]
    return builder.document(source, "docx", metadata)


def _body(builder: Builder, parent: Any, levels: dict[str, int], numbering: Numbering) -> None:
    for el in parent:
        if el.tag == f"{W}p":
            _paragraph(builder, el, levels, numbering)
        elif el.tag == f"{W}tbl":
            text, header = _table(el)
            builder.add("table", text, header=header or None)
        elif el.tag in (f"{W}sdt", f"{W}sdtContent", f"{W}customXml"):
            _body(builder, el, levels, numbering)  # content controls hold ordinary paragraphs


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


def _paragraph(builder: Builder, p: Any, levels: dict[str, int], numbering: Numbering) -> None:
    props = p.find(f"{W}pPr")
    style = ""
    number_props = None
    if props is not None:
        style_el = props.find(f"{W}pStyle")
        style = style_el.get(f"{W}val", "") if style_el is not None else ""
        number_props = props.find(f"{W}numPr")
    text = _runs(p)
    if style.upper().startswith("TOC"):
        return  # a generated table of contents repeats the headings
    if style in levels:
        builder.add("heading", " ".join(text.split()), levels[style])
        return
    item = numbering.item(number_props, style) if text.strip() else None
    if item is not None:
        builder.add("list_item", text, None, depth=item[0], marker=item[1] or None)
    else:
        builder.add("list_item" if style.startswith("List") else "paragraph", text)


# numId -> (ilvl -> (start, numFmt, lvlText))
Levels = dict[int, tuple[int, str, str]]
_STYLE_DEPTH = re.compile(r"^List\w*?(\d)$")  # "List Bullet 2": the template's second-level list, at ilvl 0


class Numbering:
    """Counts numbered paragraphs as Word does: each list (numId) keeps a counter per level, and a
    level's counter restarts when a shallower level of that list moves on."""

    def __init__(self, formats: dict[str, Levels], style_numbers: dict[str, tuple[str, int]]) -> None:
        self.formats = formats
        self.style_numbers = style_numbers
        self.counters: dict[str, list[int]] = {}

    def item(self, number_props: Any, style: str) -> tuple[int, str] | None:
        """(depth, marker) of a numbered paragraph, or None when it is not numbered."""
        num, level = self.style_numbers.get(style, ("", 0))
        if number_props is not None:
            num = _val(number_props.find(f"{W}numId")) or num
            ilvl = _val(number_props.find(f"{W}ilvl"))
            level = int(ilvl) if ilvl.isdigit() else level
        levels = self.formats.get(num)
        if not num or num == "0" or levels is None:
            return None
        level = max(0, min(level, 8))
        start, fmt, pattern = levels.get(level, (1, "decimal", f"%{level + 1}."))
        counts = self.counters.setdefault(num, [0] * 9)
        counts[level] = counts[level] + 1 if counts[level] else start
        for deeper in range(level + 1, 9):
            counts[deeper] = 0
        found = _STYLE_DEPTH.match(style)
        depth = level + 1 if level or not found else int(found.group(1))
        return depth, _marker(fmt, pattern, counts, levels)


def _val(el: Any) -> str:
    return (el.get(f"{W}val") or "") if el is not None else ""


def _marker(fmt: str, pattern: str, counts: list[int], levels: Levels) -> str:
    """The marker as Word shows it: ``•`` for a bullet, else the level text (``%1.``, ``%1.%2)``)
    with each level's counter in that level's format."""
    if fmt == "bullet":
        return "•"
    if fmt == "none":
        return ""

    def one(found: re.Match[str]) -> str:
        index = int(found.group(1)) - 1
        how = levels.get(index, (1, "decimal", ""))[1]
        return number_label(max(counts[index], 1), _NUMBER_FORMATS.get(how, "1"))

    return _LEVEL_REF.sub(one, pattern).strip()


_LEVEL_REF = re.compile(r"%([1-9])")
_NUMBER_FORMATS = {"decimal": "1", "lowerLetter": "a", "upperLetter": "A", "lowerRoman": "i", "upperRoman": "I"}


def _formats(package: Archive) -> dict[str, Levels]:
    """numId -> its levels' start, format and text, from the numbering part (with start overrides)."""
    if not package.has("word/numbering.xml"):
        return {}
    root = _xml(package, "word/numbering.xml")
    abstract: dict[str, Levels] = {}
    for el in root.iter(f"{W}abstractNum"):
        abstract[el.get(f"{W}abstractNumId") or ""] = _levels(el)
    out: dict[str, Levels] = {}
    for num in root.iter(f"{W}num"):
        levels = dict(abstract.get(_val(num.find(f"{W}abstractNumId")), {}))
        for override in num.iter(f"{W}lvlOverride"):
            start = _val(override.find(f"{W}startOverride"))
            level = int(override.get(f"{W}ilvl") or 0)
            if start.isdigit() and level in levels:
                levels[level] = (int(start), *levels[level][1:])
        out[num.get(f"{W}numId") or ""] = levels
    return out


def _levels(abstract: Any) -> Levels:
    out: Levels = {}
    for lvl in abstract.iter(f"{W}lvl"):
        start = _val(lvl.find(f"{W}start"))
        out[int(lvl.get(f"{W}ilvl") or 0)] = (
            int(start) if start.isdigit() else 1,
            _val(lvl.find(f"{W}numFmt")) or "decimal",
            _val(lvl.find(f"{W}lvlText")),
        )
    return out


def _style_numbers(package: Archive) -> dict[str, tuple[str, int]]:
    """Style id -> the list (numId, ilvl) its paragraphs are numbered in ("List Number", "List Bullet")."""
    if not package.has("word/styles.xml"):
        return {}
    out = {}
    for style in _xml(package, "word/styles.xml").iter(f"{W}style"):
        number_props = style.find(f"{W}pPr/{W}numPr")
        num = _val(number_props.find(f"{W}numId")) if number_props is not None else ""
        if num:
            level = _val(number_props.find(f"{W}ilvl"))
            out[style.get(f"{W}styleId") or ""] = (num, int(level) if level.isdigit() else 0)
    return out


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
