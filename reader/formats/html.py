"""Web pages: the main content (trafilatura), else the whole page without script, style and nav."""

from __future__ import annotations

import html as htmllib
import logging
import re
from typing import Any

from reader.formats import FormatError
from reader.formats.build import Builder, inline
from reader.formats.htmlbody import walk_body
from reader.model import Document

_LANG = re.compile(r"<html\b[^>]*?\blang\s*=\s*[\"']?([A-Za-z-]{2,12})", re.I)
_CANONICAL = re.compile(
    r"<link\b(?=[^>]*\brel\s*=\s*[\"']?canonical)[^>]*?\bhref\s*=\s*[\"']([^\"']+)"
    r"|<meta\b(?=[^>]*\bproperty\s*=\s*[\"']og:url)[^>]*?\bcontent\s*=\s*[\"']([^\"']+)",
    re.I,
)


def parse(document: Document) -> Document:
    page = document.text
    tree, main = _tree(page)
    # A manual page set as HTML (cargo's, git's): every section of its main landmark is content, and the
    # extractor drops a SEE ALSO that is only links, heading and all.
    if _manual_page(tree, main):
        builder, metadata = Builder(), {"title": _content_title(tree) or _page_title(tree)}
    else:
        builder, metadata = _main_content(tree)
    if (
        not builder.blocks
        or _kept_too_little(builder, main)
        or _lost_headings(builder, tree, main)
        or _flattened(builder, tree)
    ):
        # No main content found, or the page declares its content and the extractor kept too little
        # of it (a page that is a list of links): read the page (its main landmark) as it is.
        builder = Builder()
        walk_body(_tree(page)[0], builder, page=True)
    if not builder.blocks:
        raise FormatError("HTML page has no text to read")
    for key, value in _page_metadata(page).items():
        metadata.setdefault(key, value)
    return builder.document(document.source, "html", metadata, document.encoding, document.notes)


MAIN_SHARE = 0.5  # of a declared main landmark's text and headings, the extractor must keep


def _kept_too_little(builder: Builder, main: tuple[int, int]) -> bool:
    chars = sum(block.end - block.start for block in builder.blocks)
    heads = sum(block.kind == "heading" for block in builder.blocks)
    return chars < MAIN_SHARE * main[0] or heads < MAIN_SHARE * main[1]


LOST_HEADINGS = 4  # a page with this many section headings whose extract keeps at most one lost its outline
_ASIDES = frozenset({"aside", "nav", "header", "footer", "form"})


def _lost_headings(builder: Builder, tree: Any, main: tuple[int, int]) -> bool:
    """A page with no main landmark whose extract kept at most one of its many headings (GCC's release
    notes: a page of h2 sections, each read as loose paragraphs): it is read whole."""
    if main[1] or sum(block.kind == "heading" for block in builder.blocks) > 1:
        return False
    heads = 0
    for head in tree.iter("h2", "h3", "h4", "h5", "h6"):
        heads += not any(parent.tag in _ASIDES for parent in head.iterancestors())
    return heads >= LOST_HEADINGS


def _flattened(builder: Builder, tree: Any) -> bool:
    """An extract with no heading whose first paragraph opens with a page heading's text: the extractor
    fell back to the page's bare text (a Texinfo node of a heading and a menu, libffi's "2.3 Types"),
    merging the heading and the menu's entries into one paragraph."""
    first = builder.blocks[0] if builder.blocks else None
    if first is None or first.kind != "paragraph" or any(block.kind == "heading" for block in builder.blocks):
        return False
    opening = "".join(builder.parts)[first.start : first.end]
    for head in tree.iter(*_HEADS):
        title = inline(head.text_content())
        if title and opening.startswith(title) and len(opening) > len(title):
            return True
    return False


_MAN_SECTIONS = frozenset({"synopsis", "description"})


def _manual_page(tree: Any, main: tuple[int, int]) -> bool:
    """A declared main landmark headed as a manual page is: NAME (after the title at most), then SYNOPSIS
    or DESCRIPTION. A whole book on one page (mdBook's print.html) holds such pages further down: no."""
    if not main[1]:
        return False
    heads = [" ".join(h.text_content().split()).lower() for h in tree.iter("h1", "h2", "h3")]
    return "name" in heads[:2] and bool(_MAN_SECTIONS.intersection(heads[:4]))


_CONTROLS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def _tree(page: str) -> tuple[Any, tuple[int, int]]:
    """The parsed page without navigation menus and page controls, which are never the content,
    and the length of the main landmark's text and its headings when the page declares one."""
    from lxml import etree
    from lxml import html as lxml_html

    # The page is decoded already: a <meta charset> must not make lxml decode it a second time.
    # Control characters are no text, and lxml refuses them when it moves a dropped element's tail.
    parser = lxml_html.HTMLParser(encoding="utf-8")
    try:
        root = lxml_html.document_fromstring(_CONTROLS.sub("", page).encode("utf-8"), parser=parser)
        if any("Excessive depth" in error.message for error in parser.error_log):
            root = lxml_html.document_fromstring(flat_page(page).encode("utf-8"), parser=parser)
    except (etree.ParserError, ValueError):
        return lxml_html.document_fromstring("<html><body></body></html>"), (0, 0)
    for el in [el for el in root.iter() if _is_page_control(el)] + _navigation_lines(root):
        el.drop_tree()
    for figure in [el for el in root.iter("figure") if el.find(".//pre") is not None]:
        # A code listing in a <figure> (mdBook, Sphinx): the extractor drops every figure as an illustration.
        figure.tag = "div"
        for caption in figure.iter("figcaption"):
            caption.tag = "p"
    for box in [el for el in root.iter("div", "section", "aside") if _is_admonition(el)]:
        _as_quote(box)
    for br in root.xpath("//pre//br"):
        if not (br.tail or "").startswith("\n"):
            br.tail = "\n" + (br.tail or "")  # a line break in code is a line end in its text
    for pre in [el for el in root.iter("pre") if sum(child.tag == "code" for child in el) > 1]:
        _split_variants(pre)
    for div in [el for el in root.iter("div") if _inline_only(el)]:
        div.tag = "p"  # text in a <div>: the extractor would split it at each link and drop the spaces
    return root, _keep_main(root)


_FLAT_BLOCKS = frozenset(
    "address article aside blockquote body dd div dl dt figcaption figure footer h1 h2 h3 h4 h5 h6 header "
    "hr li main nav ol p pre section table td th tr ul br".split()
)


_FLAT_SKIPPED = frozenset({"script", "style", "template", "title"})


def flat_page(page: str) -> str:
    """A page nested past libxml2's depth limit (256 levels), which it drops whole: its text, a paragraph
    for each run between block tags, read by the standard library's event parser (no tree, no depth)."""
    from html.parser import HTMLParser

    runs: list[list[str]] = [[]]
    skipping = [0]

    class Flat(HTMLParser):
        def handle_starttag(self, tag: str, attrs: object) -> None:
            if tag in _FLAT_SKIPPED:
                skipping[0] += 1
            elif tag in _FLAT_BLOCKS and runs[-1]:
                runs.append([])

        def handle_endtag(self, tag: str) -> None:
            if tag in _FLAT_SKIPPED:
                skipping[0] = max(0, skipping[0] - 1)
            elif tag in _FLAT_BLOCKS and runs[-1]:
                runs.append([])

        def handle_data(self, data: str) -> None:
            if not skipping[0]:
                runs[-1].append(data)

    flat = Flat(convert_charrefs=True)
    flat.feed(page)
    flat.close()
    paragraphs = (htmllib.escape(" ".join("".join(run).split())) for run in runs)
    title = _TITLE.search(page)
    head = f"<head><title>{htmllib.escape(htmllib.unescape(title.group(1)))}</title></head>" if title else ""
    return f"<html>{head}<body>" + "".join(f"<p>{text}</p>" for text in paragraphs if text) + "</body></html>"


_TITLE = re.compile(r"<title\b[^>]*>([^<]{1,300})</title>", re.I)


def _split_variants(pre: Any) -> None:
    """A ``<pre>`` holding two versions of one example (Node.js's ES module and CommonJS ``<code>``, one
    shown at a time by a toggle): each version its own code block, never run together on one line."""
    from lxml import etree

    after = pre
    for code in [child for child in pre if child.tag == "code"][1:]:
        block = etree.Element("pre", {key: value for key, value in pre.attrib.items() if key != "id"})
        after.addnext(block)
        block.append(code)  # its tail goes with it, and pre's own tail stays after the last block
        after = block
    if after is not pre:
        after.tail, pre.tail = pre.tail, None


_ADMONITIONS = frozenset("note warning tip caution important admonition callout hint attention danger".split())


def _is_admonition(el: Any) -> bool:
    """A note or warning box set apart in the text (mdBook's ``<section class="note">``, Sphinx's admonitions)."""
    classes = set((el.get("class") or "").lower().split())
    boxed = el.get("role") == "note" or el.get("aria-role") == "note" or bool(_ADMONITIONS & classes)
    return boxed and next(el.iter("h1", "h2", "h3", "h4", "h5", "h6"), None) is None  # a titled box is a section


def _as_quote(box: Any) -> None:
    """The box as a block quote, as a Markdown reader shows ``> Note: ...``; its bare text as a paragraph."""
    from lxml import etree

    box.tag = "blockquote"
    if len(box) == 0 or (box.text or "").strip():
        para = etree.SubElement(box, "p")
        para.text, box.text = box.text, None
        box.insert(0, para)
        for child in list(box)[1:]:
            if child.tag in _INLINE or not isinstance(child.tag, str):
                para.append(child)


_INLINE = frozenset(
    "a abbr b bdi bdo br cite code data dfn em i kbd mark q s samp small span strong sub sup time u var wbr".split()
)


def _inline_only(div: Any) -> bool:
    """A ``<div>`` holding a run of text: words of its own and inline elements only."""
    words = (div.text or "").strip() or any((child.tail or "").strip() for child in div)
    return bool(words) and all(isinstance(child.tag, str) and child.tag in _INLINE for child in div.iterdescendants())


def _keep_main(root: Any) -> tuple[int, int]:
    """A page that marks its content as ``<main>`` (or ``role="main"``) and titles it: only that is read.

    Documentation sites put their site name in an ``h1`` and version pickers in the page header,
    outside the main landmark; the extractor would take them as content.
    """
    mains = root.xpath("//main|//*[@role='main']")
    body = next(root.iter("body"), None)
    if len(mains) != 1 or body is None or mains[0] is body:
        return 0, 0
    main = mains[0]
    chars = len(inline(main.text_content()))
    heads = sum(1 for _ in main.iter("h1", "h2", "h3", "h4", "h5", "h6"))
    if not heads or chars < 200:
        return 0, 0
    main.getparent().remove(main)
    for child in list(body):
        body.remove(child)
    body.text = None
    body.append(main)
    return chars, heads


# A page's own controls, never its content: a table of contents box, "[edit]" links beside
# headings (MediaWiki), "jump to content" links, navigation landmarks.
# mdBook's keyboard help dialog and the "boring" lines it hides in code examples are not shown either;
# nor are rustdoc's "Expand description" toggles and "§" anchors.
_CONTROL_CLASSES = frozenset(
    {
        "toc",
        "mw-editsection",
        "mw-jump-link",
        "printfooter",
        "catlinks",
        "skip-link",
        "boring",
        "mdbook-help-title",
        "menu-bar",
        "hideme",
        "doc-anchor",
    }
)
_CONTROL_IDS = frozenset({"toc", "catlinks", "mw-navigation", "jump-to-nav", "mdbook-help-container"})


def _is_page_control(el: Any) -> bool:
    if not isinstance(el.tag, str):
        return False
    if el.tag in ("nav", "button") or el.get("role") == "navigation":
        return True
    if el.get("hidden") not in (None, "until-found"):  # hidden="until-found" is collapsed text, still content
        return True
    return el.get("id") in _CONTROL_IDS or bool(_CONTROL_CLASSES.intersection((el.get("class") or "").split()))


_NAVIGATION_RELS = frozenset({"next", "prev", "previous", "up"})


def _navigation_lines(root: Any) -> list[Any]:
    """A manual's "Next: ..., Previous: ..., Up: ..." line (Texinfo's node header): a paragraph or box with
    two links or more to the next, previous or parent page, and no heading in it."""
    counts: dict[Any, int] = {}
    for link in root.iter("a"):
        if _NAVIGATION_RELS.intersection((link.get("rel") or "").lower().split()):
            holder = next(link.iterancestors("p", "div"), None)
            if holder is not None:
                counts[holder] = counts.get(holder, 0) + 1
    return [el for el, n in counts.items() if n >= 2 and next(el.iter(*_HEADS), None) is None]


_HEADS = ("h1", "h2", "h3", "h4", "h5", "h6")


def _main_content(tree: Any) -> tuple[Builder, dict[str, str]]:
    import trafilatura

    # Its warnings about odd pages would reach stderr through logging's last resort: errors are ours to say.
    for name in ("trafilatura", "htmldate", "courlan", "justext"):
        logger = logging.getLogger(name)
        if not logger.handlers:
            logger.addHandler(logging.NullHandler())

    builder = Builder()
    languages = _code_languages(tree)
    numbered = _numbered_lists(tree)
    found = trafilatura.extract(
        tree,
        output_format="html",
        include_formatting=True,
        include_tables=True,
        include_links=True,
        include_images=False,
        include_comments=False,
        with_metadata=True,
    )
    if not found:
        return builder, {}
    root = _found_tree(found, languages)
    _restore_code(root, _source_code(tree))
    _renumber(root, numbered)
    meta = _meta_tags(root)
    title = _dropped_title(tree, root, meta.get("title", ""))
    meta["title"] = _content_title(root) or title or _page_title(tree) or meta.get("title", "")
    if title:
        builder.add("heading", title, 1)
    elif next(root.iter(*_HEADS), None) is None:
        _add_dropped_heading(tree, root, builder)
    walk_body(root, builder)
    return builder, meta


def _found_tree(found: str, languages: dict[str, str]) -> Any:
    """The extractor's HTML as it wrote it: parsed as XML, an inline ``<pre>`` stays inside its ``<p>``.

    The extractor writes inline code as ``<pre>`` and a code block as ``<pre><pre>``; an HTML parser
    would close the paragraph at each ``<pre>`` and split the sentence around it.
    """
    from lxml import etree
    from lxml import html as lxml_html

    try:
        root = etree.fromstring(found, etree.XMLParser(huge_tree=True, resolve_entities=False))
    except etree.XMLSyntaxError:
        return lxml_html.fromstring(found)
    for el in root.iter("pre", "var"):
        if el.tag == "var" or _inline_pre(el):
            el.tag = "code"  # kbd, samp and tt come back as <var>: all are code
            el.text = " ".join("".join(el.itertext()).split())  # source line wraps inside inline code
            for child in list(el):
                el.remove(child)
        elif el.getparent() is None or el.getparent().tag != "pre":
            _unindent(el)
            language = languages.get(_code_key("".join(el.itertext())))
            if language:
                el.set("class", f"language-{language}")
    return root


def _source_code(tree: Any) -> tuple[dict[str, str], set[str]]:
    """The page's code blocks by their text without white space, and which of them sit in a block quote."""
    code: dict[str, str] = {}
    quoted: set[str] = set()
    for pre in tree.iter("pre"):
        text = "".join(pre.itertext()).strip("\n")
        key = _code_key(text)
        if key:
            code.setdefault(key, text)
            if next(pre.iterancestors("blockquote"), None) is not None:
                quoted.add(key)
    return code, quoted


def _restore_code(root: Any, source: tuple[dict[str, str], set[str]]) -> None:
    """Code blocks the extractor wrote as something else, as code again with their lines: a ``<pre>``
    holding links comes back as a ``<blockquote>`` (a C API's prototypes), and code in a block quote as
    loose text in the quote ("a = 1 b = 2")."""
    code, quoted = source
    for quote in list(root.iter("blockquote")) if code else ():
        key = _code_key("".join(quote.itertext()))
        if key in code and key not in quoted:
            _as_code(quote, code[key])
            continue
        pieces = [(None, quote.text)] + [(child, child.tail) for child in quote]
        for child, text in pieces:
            key = _code_key(text or "")
            if key in quoted and "\n" in code[key]:
                _insert_code(quote, child, code[key])


def _as_code(el: Any, text: str) -> None:
    el.tag = "pre"
    for child in list(el):
        el.remove(child)
    el.text = text


def _insert_code(quote: Any, child: Any, text: str) -> None:
    """A code block in ``quote`` where the text after ``child`` (before the first child, for None) was."""
    from lxml import etree

    pre = etree.Element("pre")
    pre.text = text
    if child is None:
        quote.text = None
        quote.insert(0, pre)
    else:
        child.tail = None
        quote.insert(quote.index(child) + 1, pre)


def _unindent(pre: Any) -> None:
    """``<pre><pre>`` as the extractor pretty-prints it: the white space around the inner one is not code."""
    if len(pre) and not (pre.text or "").strip():
        pre.text = None
    for child in pre:
        if child.tag == "pre" and not (child.tail or "").strip():
            child.tail = None


_TEXT_PARENTS = frozenset("p li td th h1 h2 h3 h4 h5 h6 a i b em strong u sub sup del code dd dt".split())


def _inline_pre(pre: Any) -> bool:
    """A ``<pre>`` inside running text (a paragraph, an item, a cell): text goes on after it, or text
    before it and it does not close the item as a code block does, or it is one line not set apart."""
    parent = pre.getparent()
    if parent is None or parent.tag not in _TEXT_PARENTS or len(pre):
        return False
    if (pre.tail or "").strip():
        return True
    raw = pre.text or ""
    before = pre.getprevious().tail if pre.getprevious() is not None else parent.text
    if (before or "").strip():
        return not _closes_item(raw)
    return "\n" not in raw.strip() and not _set_apart(pre)


def _closes_item(raw: str) -> bool:
    """Code after an item's text with nothing after it ("Add to your Cargo.toml:" over a listing): a code
    block ends in a line end or runs over three lines; inline code wrapped in the source does neither."""
    return raw.endswith("\n") or raw.strip().count("\n") >= 2


_BLOCKS = frozenset("p pre ul ol dl table blockquote div h1 h2 h3 h4 h5 h6".split())


def _set_apart(pre: Any) -> bool:
    """A one-line ``<pre>`` that is a code block of its own: under a paragraph in a list item (mdBook's
    examples: "Add regex as a dependency" over ``cargo add regex``), or ending in a line end as a code block does."""
    previous = pre.getprevious()
    return (previous is not None and previous.tag in _BLOCKS) or (pre.text or "").endswith("\n")


def _code_key(text: str) -> str:
    return "".join(text.split())[:400]


def _code_languages(tree: Any) -> dict[str, str]:
    """Code blocks' declared languages by their text: the extractor drops the ``class`` that says it."""
    out: dict[str, str] = {}
    for code in tree.iter("code"):
        found = _LANGUAGE_CLASS.search(code.get("class") or "")
        if found:
            out.setdefault(_code_key(code.text_content()), found.group(1).lower())
    return out


_LIST_ATTRIBUTES = ("start", "type", "reversed", "style", "class", "role")
Numbering = tuple[str, dict[str, str], list[str | None]]  # tag, its attributes, each item's value


def _items(el: Any) -> list[Any]:
    return [li for li in el if isinstance(li.tag, str) and li.tag.rsplit("}", 1)[-1] == "li"]


def _list_key(el: Any) -> str:
    first = next(iter(_items(el)), None)
    return _code_key("".join(first.itertext()))[:200] if first is not None else ""


def _numbered_lists(tree: Any) -> dict[str, Numbering]:
    """Ordered and styled lists by their first item's text, with what numbers them: the extractor
    writes every list as a bare ``<ul>``, dropping ``start``, ``type``, ``style`` and items' ``value``."""
    out: dict[str, Numbering | None] = {}
    for el in tree.iter("ol", "ul"):
        key = _list_key(el)
        attributes = {name: el.get(name) for name in _LIST_ATTRIBUTES if el.get(name) is not None}
        found = (el.tag, attributes, [li.get("value") for li in _items(el)])
        if key:
            out[key] = found if out.get(key, found) == found else None  # two lists alike: neither is known
    return {key: found for key, found in out.items() if found and (found[0] == "ol" or "style" in found[1])}


def _renumber(root: Any, numbered: dict[str, Numbering]) -> None:
    """The extractor's lists become what they were in the page again, numbered as there."""
    for ul in list(root.iter("ul")):
        found = numbered.get(_list_key(ul))
        if found is None:
            continue
        ul.tag = found[0]
        for name, value in found[1].items():
            ul.set(name, value)
        items = _items(ul)
        if len(items) == len(found[2]):
            for li, number in zip(items, found[2]):
                if number is not None:
                    li.set("value", number)


_LANGUAGE_CLASS = re.compile(r"\b(?:language|lang)-([\w+#.-]+)")


def _content_title(found: Any) -> str:
    """The content's first h1: the page's own title, whatever its metadata say (mdBook's help dialog)."""
    h1 = next(found.iter("h1"), None)
    return inline("".join(h1.itertext())).rstrip(" #¶§🔗") if h1 is not None else ""


def _page_title(page: Any) -> str:
    """The page's ``<title>`` without its site name (" - The rustdoc book")."""
    title = next(page.iter("title"), None)
    text = inline(title.text_content()) if title is not None else ""
    return _SITE_SUFFIX.sub("", text)


_SITE_SUFFIX = re.compile(r"\s+[-–—|·]\s+[^-–—|·]{2,60}$")


def _dropped_title(page: Any, found: Any, title: str) -> str:
    """The page's h1 when the extractor took it for the title and left it out of the content."""
    if not title or next(found.iter("h1"), None) is not None:
        return ""
    for h1 in page.iter("h1"):
        if inline(h1.text_content()) == inline(title):
            return inline(title)
    return ""


def _add_dropped_heading(page: Any, found: Any, builder: Builder) -> None:
    """The heading right before the content's first paragraph, when the extractor kept no heading at all
    (a manual's one-section page, Texinfo's "2.6 Closure Example"): the content's heading again."""
    texts = (inline("".join(el.itertext())) for el in found.iter("p", "li", "pre", "td"))
    first = next((text for text in texts if text), "")
    if len(first) < 20:
        return
    for head in page.iter(*_HEADS):
        after = head.getnext()
        while after is not None and not isinstance(after.tag, str):
            after = after.getnext()
        if after is not None and inline(after.text_content()).startswith(first[:60]):
            builder.add("heading", inline(head.text_content()).rstrip(" #¶§🔗"), int(head.tag[1]))
            return


def _meta_tags(root: Any) -> dict[str, str]:
    out = {}
    for meta in root.iter("meta"):
        name, content = meta.get("name"), meta.get("content")
        if name in ("title", "author", "date") and content:
            out[name] = htmllib.unescape(content)
    if "author" in out:
        out["author"] = "; ".join(part for part in out["author"].split("; ") if _name_like(part)) or out["author"]
    return out


_PARTICLES = frozenset("von van der den de da di du del della la le bin al ibn y".split())


def _name_like(part: str) -> bool:
    """A byline part that is a name, not a role the extractor split off ("Business reporter")."""
    words = part.split()
    return bool(words) and all(w[:1].isupper() or w in _PARTICLES for w in words)


def _page_metadata(page: str) -> dict[str, str]:
    out = {}
    head = page[:200_000]
    lang = _LANG.search(head)
    if lang:
        out["language"] = lang.group(1)
    url = _CANONICAL.search(head)
    if url:
        out["url"] = htmllib.unescape(url.group(1) or url.group(2))
    title = re.search(r"<title[^>]*>(.*?)</title>", head, re.I | re.S)
    if title:
        out["title"] = " ".join(htmllib.unescape(title.group(1)).split())
    return out
