"""Hostile documents of every format, built in code for scripts/bench_pathological.py --formats.

Each format has a kit: how it writes a heading, a list item, a quote, the marks that open a
construct it may leave unclosed, a pair that nests, and how a body of such lines becomes the
file's bytes (a container format wraps the lines in its XML, zip or PDF). Each family draws a
body of about ``size`` characters from a kit, so the same family means the same thing in
every format: many headings are `# x` lines in Markdown, `.SH X` in a manual page and
`<h2>` in HTML.
"""

from __future__ import annotations

import io
import json
import random
import zipfile
from collections.abc import Callable
from dataclasses import dataclass, field
from xml.sax.saxutils import escape

WORDS = (
    "the of and to in a is that for it as was with be by on not he this are or his from at which "
    "river market council winter letter garden engine village doctor answer morning window"
).split()
RUN_CHARS = "[(*_`\\<{:="
CONTROLS = "\x01\x02\x07\x08\x0b\x0c\x0e\x1b\x1f\x7f\x85\x9b"


def _plain_wrap(lines: list[str]) -> bytes:
    return "\n".join(lines).encode("utf-8", "surrogateescape")


@dataclass
class Kit:
    """How one format writes the constructs the families use."""

    suffix: str
    heading: Callable[[int, str], str]
    item: Callable[[str], str]
    quote: Callable[[str], str]
    opens: list[str]
    nest: tuple[str, str]  # an opening and a closing mark; an empty close means a line prefix
    prolog: str = ""
    wrap: Callable[[list[str]], bytes] = _plain_wrap
    paragraph_gap: str = ""  # what separates paragraphs besides a line break ("" = a blank line)
    extra: dict[str, str] = field(default_factory=dict)


def _sentence(rng: random.Random) -> str:
    return " ".join(rng.choice(WORDS) for _ in range(rng.randint(4, 14))).capitalize() + "."


def _fill(size: int, unit: Callable[[random.Random, int], str]) -> list[str]:
    rng = random.Random(size)
    lines: list[str] = []
    total, i = 0, 0
    while total < size:
        piece = unit(rng, i)
        lines.append(piece)
        total += len(piece) + 1
        i += 1
    return lines


def _unclosed(kit: Kit, size: int) -> list[str]:
    return _fill(size, lambda r, i: f"{r.choice(kit.opens)}{r.choice(WORDS)} {_sentence(r)}")


def _nesting(kit: Kit, size: int) -> list[str]:
    open_, close = kit.nest
    depth = max(1, size // (4 * max(1, len(open_) + len(close))))
    if not close:  # a prefix nests by repetition on one line, in lines of growing depth
        return _fill(size, lambda r, i: open_ * min(i + 1, 2000) + r.choice(WORDS))
    return [open_ * depth + "deep words here" + close * depth]


def _long_line(kit: Kit, size: int) -> list[str]:
    rng = random.Random(size)
    words: list[str] = []
    total = 0
    while total < size:
        words.append(rng.choice(WORDS))
        total += len(words[-1]) + 1
    return [" ".join(words)]


def _tiny_paragraphs(kit: Kit, size: int) -> list[str]:
    return _fill(size, lambda r, i: r.choice(WORDS) + "\n" + kit.paragraph_gap)


def _headings(kit: Kit, size: int) -> list[str]:
    return _fill(size, lambda r, i: kit.heading(i, f"{r.choice(WORDS).title()} {i}"))


def _markup_runs(kit: Kit, size: int) -> list[str]:
    marks = kit.opens + [kit.nest[0], kit.nest[1]]
    marks = [m for m in marks if m]
    return _fill(size, lambda r, i: "".join(r.choice(marks) for _ in range(r.randint(5, 60))))


def _list_items(kit: Kit, size: int) -> list[str]:
    return _fill(size, lambda r, i: kit.item(_sentence(r)))


def _quotes(kit: Kit, size: int) -> list[str]:
    return _fill(size, lambda r, i: kit.quote(_sentence(r)))


def _char_runs(kit: Kit, size: int) -> list[str]:
    run = max(1, size // len(RUN_CHARS))
    return [c * run for c in RUN_CHARS]


def _controls(kit: Kit, size: int) -> list[str]:
    def unit(r: random.Random, i: int) -> str:
        return "".join(ch + (r.choice(CONTROLS) if r.random() < 0.2 else "") for ch in _sentence(r))

    return _fill(size, unit)


def _nul(kit: Kit, size: int) -> list[str]:
    return _fill(size, lambda r, i: _sentence(r) + "\x00" * r.randint(1, 3) + _sentence(r))


def _line_endings(kit: Kit, size: int) -> list[str]:
    ends = ["\r\n", "\r", "\n", "\r\r\n", "\n\r"]
    return ["".join(_fill(size, lambda r, i: kit.heading(i, "Part") + r.choice(ends) + _sentence(r) + r.choice(ends)))]


def _bom_middle(kit: Kit, size: int) -> list[str]:
    return _fill(size, lambda r, i: _sentence(r)[:20] + "\ufeff" + _sentence(r) + ("\ufeff" if i % 3 else ""))


def _invalid_utf8(kit: Kit, size: int) -> list[str]:
    # Lone surrogates stand for bytes that are not UTF-8; the wrapper writes them back as those bytes.
    bad = ["\udcff", "\udcc3", "\udce2\udc82", "\udcf0\udc9f\udc98", "\udcc0\udcaf", "\udced\udca0\udc80"]
    return _fill(size, lambda r, i: _sentence(r) + r.choice(bad) + _sentence(r))


FAMILIES: dict[str, Callable[[Kit, int], list[str]]] = {
    "unclosed": _unclosed,
    "nesting": _nesting,
    "long-line": _long_line,
    "tiny-paragraphs": _tiny_paragraphs,
    "headings": _headings,
    "markup-runs": _markup_runs,
    "list-items": _list_items,
    "quotes": _quotes,
    "char-runs": _char_runs,
    "controls": _controls,
    "nul": _nul,
    "line-endings": _line_endings,
    "bom-middle": _bom_middle,
    "invalid-utf8": _invalid_utf8,
}


# ---------------------------------------------------------------- container formats


def _xml_text(line: str) -> str:
    """XML 1.0 allows no C0 controls but tab and newline, nor lone surrogates: such text is dropped by
    every writer, so it is dropped here too (the controls family still reaches the reader's own code
    through the other formats)."""
    kept = "".join(c for c in line if c in "\t\n" or (c >= " " and not "\ud800" <= c <= "\udfff"))
    return escape(kept)


def _heading_level(line: str) -> tuple[int, str]:
    if line.startswith("\u00a7H"):
        return 2, line[2:]
    return 0, line


def _html_wrap(lines: list[str]) -> bytes:
    body = "\n".join(lines)
    return f"<!DOCTYPE html><html><head><title>Hostile</title></head><body>\n{body}\n</body></html>".encode(
        "utf-8", "surrogateescape"
    )


def _epub_wrap(lines: list[str]) -> bytes:
    out = io.BytesIO()
    chapters = [lines[i : i + 2000] for i in range(0, len(lines), 2000)] or [[]]
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr(zipfile.ZipInfo("mimetype"), "application/epub+zip", zipfile.ZIP_STORED)
        z.writestr(
            "META-INF/container.xml",
            '<?xml version="1.0"?><container version="1.0" xmlns="urn:oasis:names:tc:opendocument:xmlns:container">'
            '<rootfiles><rootfile full-path="content.opf" media-type="application/oebps-package+xml"/>'
            "</rootfiles></container>",
        )
        items, spine = [], []
        for n, chapter in enumerate(chapters):
            body = "\n".join(chapter)
            page = '<?xml version="1.0" encoding="utf-8"?>\n<html xmlns="http://www.w3.org/1999/xhtml"><head>'
            page += f"<title>c{n}</title></head><body>{body}</body></html>"
            z.writestr(f"c{n}.xhtml", page.encode("utf-8", "surrogateescape"))
            items.append(f'<item id="c{n}" href="c{n}.xhtml" media-type="application/xhtml+xml"/>')
            spine.append(f'<itemref idref="c{n}"/>')
        z.writestr(
            "content.opf",
            '<?xml version="1.0"?><package xmlns="http://www.idpf.org/2007/opf" version="3.0">'
            '<metadata xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:title>Hostile</dc:title></metadata>'
            f"<manifest>{''.join(items)}</manifest><spine>{''.join(spine)}</spine></package>",
        )
    return out.getvalue()


def _docx_wrap(lines: list[str]) -> bytes:
    paras = []
    for line in lines:
        level, text = _heading_level(line)
        style = f'<w:pPr><w:pStyle w:val="Heading{level}"/></w:pPr>' if level else ""
        paras.append(f'<w:p>{style}<w:r><w:t xml:space="preserve">{_xml_text(text)}</w:t></w:r></w:p>')
    document = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>'
        + "".join(paras)
        + "</w:body></w:document>"
    )
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr(
            "[Content_Types].xml",
            '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
            '<Default Extension="xml" ContentType="application/xml"/>'
            '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
            '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.'
            'wordprocessingml.document.main+xml"/></Types>',
        )
        z.writestr(
            "_rels/.rels",
            '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
            'officeDocument" Target="word/document.xml"/></Relationships>',
        )
        z.writestr("word/document.xml", document)
    return out.getvalue()


def _odt_wrap(lines: list[str]) -> bytes:
    paras = []
    for line in lines:
        level, text = _heading_level(line)
        tag = f'text:h text:outline-level="{level}"' if level else "text:p"
        paras.append(f"<{tag}>{_xml_text(text)}</{tag.split()[0]}>")
    content = (
        '<?xml version="1.0" encoding="UTF-8"?><office:document-content '
        'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
        'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2">'
        "<office:body><office:text>" + "".join(paras) + "</office:text></office:body></office:document-content>"
    )
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr(zipfile.ZipInfo("mimetype"), "application/vnd.oasis.opendocument.text", zipfile.ZIP_STORED)
        z.writestr(
            "META-INF/manifest.xml",
            '<?xml version="1.0"?><manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:'
            'manifest:1.0"><manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.'
            'oasis.opendocument.text"/></manifest:manifest>',
        )
        z.writestr("content.xml", content)
    return out.getvalue()


def _pdf_wrap(lines: list[str]) -> bytes:
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen.canvas import Canvas

    buffer = io.BytesIO()
    pdf = Canvas(buffer, pagesize=A4)
    y = 800.0
    for line in lines:
        level, text = _heading_level(line)
        kept = "".join(c for c in text if c >= " " and not "\ud800" <= c <= "\udfff")
        for start in range(0, max(1, len(kept)), 95):  # a long line goes on over the next lines
            pdf.setFont("Helvetica-Bold" if level else "Helvetica", 14 if level else 10)
            pdf.drawString(50, y, kept[start : start + 95])
            y -= 14
            if y < 50:
                pdf.showPage()
                y = 800.0
    pdf.save()
    return buffer.getvalue()


def _notebook_wrap(lines: list[str]) -> bytes:
    cells = []
    for n in range(0, len(lines), 20):
        chunk = [line + "\n" for line in lines[n : n + 20]]
        kind = "code" if (n // 20) % 3 == 2 else "markdown"
        cell: dict = {"cell_type": kind, "metadata": {}, "source": chunk}
        if kind == "code":
            cell |= {"execution_count": 1, "outputs": [{"output_type": "stream", "name": "stdout", "text": chunk}]}
        cells.append(cell)
    notebook = {"nbformat": 4, "nbformat_minor": 5, "metadata": {"language_info": {"name": "python"}}, "cells": cells}
    return json.dumps(notebook).encode("utf-8", "surrogateescape")


def _subtitles_wrap(lines: list[str]) -> bytes:
    cues = []
    for n, line in enumerate(lines, 1):
        t = n * 2
        stamp = f"{t // 3600:02d}:{t // 60 % 60:02d}:{t % 60:02d}"
        cues.append(f"{n}\n{stamp},000 --> {stamp},900\n{line}\n")
    return "\n".join(cues).encode("utf-8", "surrogateescape")


def _prolog_wrap(prolog: str, epilog: str = "") -> Callable[[list[str]], bytes]:
    return lambda lines: (prolog + "\n".join(lines) + epilog).encode("utf-8", "surrogateescape")


def _container_kit(suffix: str, wrap: Callable[[list[str]], bytes]) -> Kit:
    return Kit(
        suffix,
        lambda i, t: f"\u00a7H{t}",
        lambda t: f"\u2022 {t}",
        lambda t: f"\u201c{t}\u201d",
        ["(", "[", "\u201c", "*", "_"],
        ("(", ")"),
        wrap=wrap,
    )


def _info_heading(i: int, title: str) -> str:
    return f"\x1f\nFile: hostile.info,  Node: {title},  Next: N{i + 1},  Up: Top\n\n{title}\n{'*' * len(title)}\n"


def _mbox_heading(i: int, title: str) -> str:
    return (
        f"From ann{i}@example.org Mon Jan  1 00:00:00 2024\nFrom: Ann <ann{i}@example.org>\n"
        f"Subject: {title}\nDate: Mon, 1 Jan 2024 00:00:00 +0000\n"
    )


KITS: dict[str, Kit] = {
    "text": Kit(
        ".txt",
        lambda i, t: f"CHAPTER {i}\n",
        lambda t: f"- {t}",
        lambda t: f"> {t}",
        ['"', "(", "[", "*", "_", "\u201c"],
        ("(", ")"),
    ),
    "changelog": Kit(
        ".txt",
        lambda i, t: f"Version 1.{i} (2024-01-01)\n===================\n",
        lambda t: f"  * {t}",
        lambda t: f"    {t}",
        ["* ", "  - ", "(", "Version ", "v1."],
        ("  ", ""),
        prolog="Version 9.9 (2024-02-02)\n\n  * First change.\n\nVersion 9.8 (2024-01-01)\n\n",
    ),
    "markdown": Kit(
        ".md",
        lambda i, t: "#" * (i % 6 + 1) + f" {t}",
        lambda t: f"- {t}",
        lambda t: f"> {t}",
        ["```", "[", "*", "_", "`", "<div>", "[x](", "![", "~~~", "<!--", "|"],
        ("> ", ""),
    ),
    "html": Kit(
        ".html",
        lambda i, t: f"<h{i % 6 + 1}>{t}</h{i % 6 + 1}>",
        lambda t: f"<ul><li>{t}</li></ul>",
        lambda t: f"<blockquote>{t}</blockquote>",
        ["<b>", "<div>", "<!--", "<a href='", "<table><tr><td>", "<p>", "<pre>", "<li>", "<h2>", "&"],
        ("<div>", "</div>"),
        wrap=_html_wrap,
    ),
    "epub": Kit(
        ".epub",
        lambda i, t: f"<h{i % 6 + 1}>{escape(t)}</h{i % 6 + 1}>",
        lambda t: f"<ul><li>{escape(t)}</li></ul>",
        lambda t: f"<blockquote>{escape(t)}</blockquote>",
        ["<b>", "<div>", "<i>", "<p>", "<span>"],
        ("<div>", "</div>"),
        wrap=_epub_wrap,
    ),
    "pdf": _container_kit(".pdf", _pdf_wrap),
    "docx": _container_kit(".docx", _docx_wrap),
    "odt": _container_kit(".odt", _odt_wrap),
    "transcript": Kit(
        ".txt",
        lambda i, t: f"Speaker {i % 7}:",
        lambda t: f"Anna: {t}",
        lambda t: f'Grad C: "{t}"',
        ["Anna:", "(", "[", "Project Manager: ", "{disfmarker}"],
        ("(", ")"),
        prolog="Anna: Good morning, everyone.\nBob: Morning.\n",
    ),
    "subtitles": Kit(
        ".srt",
        lambda i, t: f"<b>{t}</b>",
        lambda t: f"- {t}",
        lambda t: f"\u266a {t}",
        ["<i>", "{\\an8}", "<font color='red'>", "-->", "[", "("],
        ("<i>", "</i>"),
        wrap=_subtitles_wrap,
    ),
    "man": Kit(
        ".1",
        lambda i, t: f".SH {t.upper()}" if i % 2 else f".SS {t}",
        lambda t: f".IP \\(bu 2\n{t}",
        lambda t: f".RS\n{t}\n.RE",
        ["\\fB", "\\f(CW", ".RS", ".nf", "\\*(", "\\(", ".TP", ".de X", ".if n \\{", "\\"],
        (".RS\n", ".RE\n"),
        prolog='.TH HOSTILE 1 "2024" "hostile 1.0"\n.SH NAME\nhostile \\- a hostile page\n.SH DESCRIPTION\n',
    ),
    "notebook": Kit(
        ".ipynb",
        lambda i, t: "#" * (i % 6 + 1) + f" {t}",
        lambda t: f"- {t}",
        lambda t: f"> {t}",
        ["```", "[", "*", "_", "`", "$", "<div>"],
        ("> ", ""),
        wrap=_notebook_wrap,
    ),
    "info": Kit(
        ".info",
        _info_heading,
        lambda t: f"* {t[:20]}::  {t}",
        lambda t: f"     {t}",
        ["*note ", "`", "* Menu:\n", "\x1f", "'", "-- Function: "],
        ("     ", ""),
        prolog="This is hostile.info, produced by makeinfo version 7.0 from hostile.texi.\n\n"
        + _info_heading(0, "Top"),
    ),
    "mail": Kit(
        ".mbox",
        _mbox_heading,
        lambda t: f"  * {t}",
        lambda t: f"> {t}",
        ["=?utf-8?q?", "--b1\n", "Content-Type: multipart/mixed; boundary=b1\n", "=3D", "> ", "From "],
        ("> ", ""),
        prolog=_mbox_heading(0, "Hostile") + "\n",
    ),
    "asciidoc": Kit(
        ".adoc",
        lambda i, t: "=" * (i % 5 + 2) + f" {t}",
        lambda t: f"* {t}",
        lambda t: f"____\n{t}\n____",
        ["*", "_", "`", "[[", "{", "++", "----", "|===", "<<", "link:", "+"],
        ("*", ""),
        prolog="= Hostile Document\n:toc:\n\n",
    ),
    "org": Kit(
        ".org",
        lambda i, t: "*" * (i % 6 + 1) + f" {t}",
        lambda t: f"- {t}",
        lambda t: f"#+BEGIN_QUOTE\n{t}\n#+END_QUOTE",
        ["#+BEGIN_SRC", "[[", "*", "/", "=", "~", "+", ":PROPERTIES:", "#+"],
        ("  ", ""),
        prolog="#+TITLE: Hostile\n\n",
    ),
    "latex": Kit(
        ".tex",
        lambda i, t: ["\\section{", "\\subsection{", "\\chapter{"][i % 3] + t + "}",
        lambda t: f"\\begin{{itemize}}\\item {t}\\end{{itemize}}",
        lambda t: f"\\begin{{quote}}{t}\\end{{quote}}",
        ["{", "\\begin{itemize}", "$", "\\textbf{", "%", "\\verb|", "\\begin{verbatim}", "\\input{", "\\\\", "\\"],
        ("{", "}"),
        prolog="\\documentclass{article}\n\\title{Hostile}\n\\begin{document}\n\\maketitle\n",
    ),
    "rst": Kit(
        ".rst",
        lambda i, t: f"{t}\n{'=-~^'[i % 4] * len(t)}\n",
        lambda t: f"- {t}",
        lambda t: f"    {t}",
        ["`", "*", "**", "|", "[#", ".. ", "::", "_`", ":ref:`", "``"],
        ("   ", ""),
        prolog="=======\nHostile\n=======\n\n",
    ),
}


def build(fmt: str, family: str, size: int) -> bytes:
    """The bytes of a ``fmt`` document holding ``family`` at about ``size`` characters."""
    kit = KITS[fmt]
    lines = FAMILIES[family](kit, size)
    if kit.wrap is _plain_wrap:  # the prolog as written: a mail's blank line ends its header
        return (kit.prolog + "\n".join(lines)).encode("utf-8", "surrogateescape")
    if kit.prolog:
        return kit.wrap([kit.prolog.rstrip("\n")] + lines)
    return kit.wrap(lines)


def reading_format(fmt: str) -> str:
    """The reader's format name for a kit (a change log is plain text read as one)."""
    return "text" if fmt == "changelog" else fmt
