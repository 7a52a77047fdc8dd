"""EPUB 2 and 3 with zipfile and lxml: container.xml -> OPF -> spine order; nav or NCX gives the chapters.

Chapters go through the same body reader as web pages (books carry no boilerplate to remove);
a table-of-contents entry becomes a heading at its place, at the contents' nesting level.
"""

from __future__ import annotations

import posixpath
from typing import Any
from urllib.parse import unquote

from reader.formats import FormatError
from reader.formats.build import Builder
from reader.formats.htmlbody import local, walk_body
from reader.formats.zipped import Archive
from reader.model import Document

Entry = tuple[str, int, str, str]  # title, level, file, fragment ("" for the top of the file)
DC = "{http://purl.org/dc/elements/1.1/}"
META = {"title": "title", "creator": "author", "language": "language", "date": "date"}


def read(source: str, data: bytes, limit: int) -> Document:
    book = Archive(data, limit, "EPUB")
    opf_path = _opf_path(book)
    opf = _xml(book, opf_path)
    base = posixpath.dirname(opf_path)
    manifest = {i.get("id"): i for i in opf.iter() if local(i.tag) == "item"}
    spine = [manifest[r.get("idref")] for r in opf.iter() if local(r.tag) == "itemref" and r.get("idref") in manifest]
    entries = _contents(book, opf, manifest, base)
    builder = Builder()
    for item in spine:
        path = _join(base, item.get("href", ""))
        is_nav = "nav" in (item.get("properties") or "").split()
        if is_nav or not item.get("media-type", "").endswith(("html+xml", "html")) or not book.has(path):
            continue
        anchors = {frag: (t, lv) for t, lv, f, frag in entries if f == path and frag}
        first = next(((t, lv) for t, lv, f, frag in entries if f == path and not frag), None)
        walk_body(_html(book, path), builder, anchors=anchors, first=first)
    if not builder.blocks:
        raise FormatError("EPUB has no text in its spine")
    return builder.document(source, "epub", _metadata(opf))


def _opf_path(book: Archive) -> str:
    if not book.has("META-INF/container.xml"):
        opfs = sorted(n for n in book.names if n.endswith(".opf"))
        if not opfs:
            raise FormatError("EPUB has no package document (no container.xml and no .opf)")
        return opfs[0]
    container = _xml(book, "META-INF/container.xml")
    for el in container.iter():
        if local(el.tag) == "rootfile" and el.get("full-path"):
            path = unquote(el.get("full-path"))
            if book.has(path):
                return str(path)
            raise FormatError(f"EPUB has no package document (container.xml names {path}, which is missing)")
    raise FormatError("EPUB has no package document (container.xml names no OPF)")


def _xml(book: Archive, name: str) -> Any:
    from lxml import etree

    parser = etree.XMLParser(resolve_entities=False, no_network=True, recover=True)
    try:
        root = etree.fromstring(book.read(name), parser)
    except etree.XMLSyntaxError:
        root = None
    if root is None:
        raise FormatError(f"EPUB's {name} is not readable XML")
    return root


def _html(book: Archive, name: str) -> Any:
    from lxml import etree
    from lxml import html as lxml_html

    try:
        parser = lxml_html.HTMLParser()
        root = lxml_html.document_fromstring(book.read(name), parser=parser)
        if any("Excessive depth" in error.message for error in parser.error_log):  # libxml2 dropped it all
            from reader.formats.html import flat_page

            root = lxml_html.document_fromstring(flat_page(book.read(name).decode("utf-8", "replace")))
        return root
    except (etree.ParserError, ValueError):
        return lxml_html.fromstring("<html><body></body></html>")


def _join(base: str, href: str) -> str:
    return posixpath.normpath(posixpath.join(base, unquote(href.split("#", 1)[0])))


def _metadata(opf: Any) -> dict[str, str]:
    out: dict[str, str] = {}
    for el in opf.iter():
        tag = el.tag if isinstance(el.tag, str) else ""
        if tag.startswith(DC) and tag[len(DC) :] in META and el.text:
            out.setdefault(META[tag[len(DC) :]], " ".join(el.text.split()))
    return out


def _contents(book: Archive, opf: Any, manifest: dict[Any, Any], base: str) -> list[Entry]:
    """The table of contents as (title, level, file, fragment): the EPUB 3 nav, else the EPUB 2 NCX."""
    nav = next((i for i in manifest.values() if "nav" in (i.get("properties") or "").split()), None)
    if nav is not None and book.has(_join(base, nav.get("href", ""))):
        path = _join(base, nav.get("href", ""))
        found = _nav_entries(_html(book, path), posixpath.dirname(path))
        if found:
            return found
    spine = next((e for e in opf.iter() if local(e.tag) == "spine"), None)
    ncx = manifest.get(spine.get("toc")) if spine is not None else None
    if ncx is None:
        ncx = next((i for i in manifest.values() if i.get("media-type") == "application/x-dtbncx+xml"), None)
    if ncx is None or not book.has(_join(base, ncx.get("href", ""))):
        return []
    path = _join(base, ncx.get("href", ""))
    return _ncx_entries(_xml(book, path), posixpath.dirname(path))


def _entry(title: str, level: int, base: str, href: str) -> Entry:
    frag = unquote(href.split("#", 1)[1]) if "#" in href else ""
    return (" ".join(title.split()), level, _join(base, href), frag)


def _nav_entries(root: Any, base: str) -> list[Entry]:
    navs = [e for e in root.iter() if local(e.tag) == "nav"]
    toc = next((n for n in navs if "toc" in (n.get("epub:type") or n.get("type") or "")), navs[0] if navs else None)
    out: list[Entry] = []

    def visit(ol: Any, level: int) -> None:
        for li in ol:
            if local(li.tag) != "li":
                continue
            link = next((a for a in li if local(a.tag) in ("a", "span")), None)
            if link is not None and link.get("href"):
                out.append(_entry(link.text_content(), level, base, link.get("href")))
            for sub in li:
                if local(sub.tag) == "ol":
                    visit(sub, level + 1)

    top = next((e for e in toc.iter() if local(e.tag) == "ol"), None) if toc is not None else None
    if top is not None:
        visit(top, 1)
    return out


def _ncx_entries(root: Any, base: str) -> list[Entry]:
    out: list[Entry] = []

    def visit(parent: Any, level: int) -> None:
        for point in parent:
            if local(point.tag) != "navPoint".lower():
                continue
            label = next((e for e in point.iter() if local(e.tag) == "text"), None)
            content = next((e for e in point if local(e.tag) == "content"), None)
            if label is not None and content is not None and content.get("src"):
                out.append(_entry(label.text or "", level, base, content.get("src")))
            visit(point, level + 1)

    nav_map = next((e for e in root.iter() if local(e.tag) == "navmap"), None)
    if nav_map is not None:
        visit(nav_map, 1)
    return out
