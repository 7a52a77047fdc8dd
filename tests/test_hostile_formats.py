"""Every format reader on text drawn from its own alphabet of markup: no traceback, and every span
(sections, paragraphs, sentences, blocks, mentions, quotes) is a slice of the text in order, with
sentences inside their paragraphs and sections (the JSON contract's checks).

Bad input may be refused with the reader's one-line error (LoadError); any other exception fails.
scripts/bench_pathological.py --formats times the same kinds of input at sizes 4x apart.
"""

from __future__ import annotations

import io
import json
import zipfile
from xml.sax.saxutils import escape

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from test_contract import check_contract

from reader.analysis import analyze
from reader.load import LoadError, document_from_bytes

WORDS = ["the", "river", "Anna", "Lopez", "said", "council", "met", "on", "Tuesday", "."]
COMMON = WORDS + [" ", " ", "\n", "\n", "\n\n", "\t", "\r", "\r\n", "\ufeff", "\x1b", "\x0c", "\u202e", '"', "'"]

# Each format's own marks: openers without closers, closers without openers, nesting and escapes.
ALPHABETS: dict[str, list[str]] = {
    "text": ["CHAPTER I", "1.", "===", "---", "* ", "> ", "(", ")", "[1]", "_", "...", ":", "Version 1.2 (2024)"],
    "markdown": ["# ", "## ", "```", "~~~", "> ", "- ", "1. ", "[", "](#x)", "*", "**", "_", "`", "|", "---", "<div>"],
    "html": ["<p>", "</p>", "<h2>", "</h2>", "<div>", "</div>", "<ul><li>", "<pre>", "<!--", "-->", "&amp;", "<b>"],
    "rst": ["Title\n=====\n", "----", ".. note::", ".. ", "::", "`", "``", "*", "|x|", "[#]_", "- ", "   ", ":ref:`"],
    "asciidoc": ["= ", "== ", "* ", "____", "----", "|===", "[[", "]]", "<<", ">>", "{x}", "`", "+", "link:"],
    "org": ["* ", "** ", "- ", "#+BEGIN_SRC", "#+END_SRC", "#+TITLE: ", "[[", "]]", "=", "~", "/", ":PROPERTIES:"],
    "latex": ["\\section{", "}", "{", "\\begin{itemize}", "\\item ", "\\end{itemize}", "$", "%", "\\\\", "\\emph{"],
    "man": [".SH ", ".SS ", ".TP", ".IP ", ".RS", ".RE", ".nf", ".fi", "\\fB", "\\fR", "\\(bu", "\\-", '.\\"'],
    "info": ["\x1f\nFile: x.info,  Node: Top,  Next: A\n", "* Menu:\n", "* A::", "*note ", "`", "'", "****\n"],
    "mail": [
        "From a@b.org Mon Jan  1 00:00:00 2024\n",
        "Subject: ",
        "From: ",
        "> ",
        ">> ",
        "--b\n",
        "=?utf-8?q?",
        "=3D",
    ],
    "transcript": ["Anna: ", "Bob Stone: ", "[laughs]", "(", ")", "00:01:02 ", "Project Manager: ", "- "],
    "subtitles": ["1\n", "00:00:01,000 --> 00:00:02,000\n", "<i>", "</i>", "{\\an8}", "-->", "WEBVTT\n"],
    "notebook": ["# ", "```", "- ", "$", "`", "<div>"],
    "docx": ["\u00a7H", "(", ")", "\u201c", "*", "_"],
    "odt": ["\u00a7H", "(", ")", "\u201c", "*", "_"],
    "epub": ["<h2>", "</h2>", "<p>", "<div>", "</div>", "<b>", "&amp;"],
}
PROLOGS = {
    "latex": "\\documentclass{article}\n\\begin{document}\n",
    "man": '.TH X 1 "2024"\n.SH NAME\nx \\- y\n',
    "info": "This is x.info, produced by makeinfo version 7.0 from x.texi.\n\n",
    "mail": "From: Ann <ann@example.org>\nSubject: Hi\n\n",
    "org": "#+TITLE: T\n",
}
SUFFIXES = {"man": ".1", "info": ".info", "mail": ".eml", "transcript": ".txt", "subtitles": ".srt"}


def _xml(text: str) -> str:
    return escape("".join(c for c in text if c in "\t\n" or c >= " "))


def _zip(members: dict[str, str]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as z:
        for name, data in members.items():
            z.writestr(name, data.encode("utf-8", "surrogatepass"))
    return out.getvalue()


def _docx(text: str) -> bytes:
    style = '<w:pPr><w:pStyle w:val="Heading1"/></w:pPr>'
    paras = "".join(
        f'<w:p>{style if line.startswith("§H") else ""}<w:r><w:t xml:space="preserve">{_xml(line)}</w:t></w:r></w:p>'
        for line in text.split("\n")
    )
    ns = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
    return _zip({"word/document.xml": f'<w:document xmlns:w="{ns}"><w:body>{paras}</w:body></w:document>'})


def _odt(text: str) -> bytes:
    paras = "".join(
        f'<text:h text:outline-level="1">{_xml(line)}</text:h>'
        if line.startswith("§H")
        else f"<text:p>{_xml(line)}</text:p>"
        for line in text.split("\n")
    )
    content = (
        '<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
        'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"><office:body><office:text>'
        f"{paras}</office:text></office:body></office:document-content>"
    )
    return _zip({"mimetype": "application/vnd.oasis.opendocument.text", "content.xml": content})


def _epub(text: str) -> bytes:
    page = f'<html xmlns="http://www.w3.org/1999/xhtml"><head><title>c</title></head><body>{text}</body></html>'
    return _zip(
        {
            "mimetype": "application/epub+zip",
            "META-INF/container.xml": '<container xmlns="urn:oasis:names:tc:opendocument:xmlns:container"><rootfiles>'
            '<rootfile full-path="c.opf" media-type="application/oebps-package+xml"/></rootfiles></container>',
            "c.opf": '<package xmlns="http://www.idpf.org/2007/opf" version="3.0"><metadata/><manifest>'
            '<item id="c" href="c.xhtml" media-type="application/xhtml+xml"/></manifest>'
            '<spine><itemref idref="c"/></spine></package>',
            "c.xhtml": page,
        }
    )


def _notebook(text: str) -> bytes:
    chunks = text.split("\n\n")
    cells = [
        {"cell_type": "code" if k % 2 else "markdown", "metadata": {}, "source": chunk}
        | ({"outputs": [{"output_type": "stream", "name": "stdout", "text": chunk}]} if k % 2 else {})
        for k, chunk in enumerate(chunks)
    ]
    return json.dumps({"nbformat": 4, "nbformat_minor": 5, "metadata": {}, "cells": cells}).encode()


WRAPS = {"docx": _docx, "odt": _odt, "epub": _epub, "notebook": _notebook}


def file_bytes(fmt: str, text: str) -> bytes:
    text = PROLOGS.get(fmt, "") + text
    if fmt in WRAPS:
        return WRAPS[fmt](text)
    if fmt == "html":
        text = f"<!DOCTYPE html><html><body>{text}</body></html>"
    return text.encode("utf-8", "surrogatepass")


def read_and_check(fmt: str, data: bytes) -> None:
    try:
        doc = document_from_bytes(f"hostile{SUFFIXES.get(fmt, '.' + fmt)}", data, fmt)
    except LoadError as refused:
        assert "\n" not in str(refused)  # bad input: one clear line
        return
    check_contract(analyze(doc).to_json())


def alphabet_text(fmt: str) -> st.SearchStrategy[str]:
    return st.lists(st.sampled_from(ALPHABETS[fmt] + COMMON), min_size=1, max_size=80).map("".join)


@pytest.mark.parametrize("fmt", sorted(ALPHABETS))
def test_each_format_reads_its_own_markup_soup(fmt: str) -> None:
    @settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow], derandomize=True)
    @given(alphabet_text(fmt))
    def check(text: str) -> None:
        read_and_check(fmt, file_bytes(fmt, text))

    check()


@pytest.mark.parametrize("fmt", sorted(ALPHABETS))
def test_each_format_reads_invalid_utf8_and_stray_bytes(fmt: str) -> None:
    @settings(max_examples=10, deadline=None, suppress_health_check=[HealthCheck.too_slow], derandomize=True)
    @given(alphabet_text(fmt), st.binary(min_size=1, max_size=8), st.integers(0, 200))
    def check(text: str, junk: bytes, at: int) -> None:
        data = file_bytes(fmt, text)
        at = min(at, len(data))
        read_and_check(fmt, data[:at] + junk + data[at:])

    check()


def test_thousands_of_unpunctuated_cues_read_in_linear_time() -> None:
    """A subtitle group's size was summed again at every cue: 40,000 cues with no sentence end took
    minutes (a guard against that, not a speed figure)."""
    from test_pathological import bounded

    cues = "\n".join(f"{n}\n00:00:{n % 60:02d},000 --> 00:00:{n % 60:02d},900\nword{n}\n" for n in range(1, 40001))
    with bounded(30):
        doc = document_from_bytes("many.srt", cues.encode(), "subtitles")
    assert doc.text.startswith("word1 word2 ") and doc.text.rstrip().endswith("word40000")


INFO_TOP = (
    "This is x.info, produced by makeinfo version 7.0 from x.texi.\n\n\x1f\nFile: x.info,  Node: Top,  Up: (dir)\n\n"
)


def test_info_table_of_thousands_of_entries_without_blank_lines() -> None:
    """Each entry of a two-column table was read by one more nested call: 2,000 entries overflowed the stack."""
    body = "\n".join(f"-o{i}\n     Sets option {i} to a value." for i in range(3000))
    doc = document_from_bytes("x.info", (INFO_TOP + "Top\n***\n\n" + body).encode(), "info")
    items = [doc.text[b.start : b.end] for b in doc.blocks if b.kind == "list_item"]
    assert items[:2] == ["-o0", "Sets option 0 to a value."] and items[-1] == "Sets option 2999 to a value."


def test_info_lines_each_indented_deeper_than_the_last() -> None:
    """Each line a table term over the next: one nested call per line once, now a bounded depth."""
    body = "\n".join(" " * (5 * i) + f"word{i}" for i in range(1500))
    doc = document_from_bytes("x.info", (INFO_TOP + body).encode(), "info")
    assert all(f"word{i}" in doc.text for i in (0, 750, 1499))
    check_contract(analyze(doc).to_json())


def test_a_readers_bug_is_one_line_not_a_traceback(monkeypatch: pytest.MonkeyPatch) -> None:
    from reader.formats import markdown

    def broken(document: object) -> object:
        raise RecursionError("maximum recursion depth exceeded\nwhile reading")

    monkeypatch.setattr(markdown, "parse", broken)
    monkeypatch.delenv("READER_DEBUG", raising=False)
    with pytest.raises(LoadError) as refused:
        document_from_bytes("x.md", b"# Title\n\nText.\n", "markdown")
    assert "\n" not in str(refused.value) and "RecursionError" in str(refused.value)
    monkeypatch.setenv("READER_DEBUG", "1")
    with pytest.raises(RecursionError):
        document_from_bytes("x.md", b"# Title\n\nText.\n", "markdown")


def test_html_nested_past_the_parsers_depth_limit_keeps_its_text() -> None:
    """libxml2 drops a page whose elements nest over 256 deep, text before and after included."""
    page = (
        "<html><head><title>Deep &amp; odd</title><style>p {}</style></head><body><h1>Title</h1>"
        "<p>Before the deep part.</p>" + "<div>" * 3000 + "Deep words here." + "</div>" * 3000 + "<p>After it.</p>"
    )
    doc = document_from_bytes("deep.html", page.encode(), "html")
    assert doc.text.split("\n\n") == ["Title", "Before the deep part.", "Deep words here.", "After it.\n"]
    assert doc.metadata.get("title") == "Deep & odd"
    check_contract(analyze(doc).to_json())


def test_markdown_nested_past_twenty_levels_keeps_the_rest() -> None:
    """CommonMark's preset stopped at 20 levels of nesting and dropped the rest of the document."""
    src = "# Title\n\nFirst.\n\n" + "> " * 25 + "Deep quote.\n\n- item\n"
    src += "".join("  " * i + f"- nested {i}\n" for i in range(1, 30)) + "\nLast paragraph after it.\n"
    doc = document_from_bytes("deep.md", src.encode(), "markdown")
    assert "Deep quote." in doc.text and "nested 29" in doc.text and "Last paragraph after it." in doc.text


def test_epub_chapter_nested_past_the_depth_limit_keeps_its_text() -> None:
    body = "<p>Before.</p>" + "<div>" * 3000 + "Deep words here." + "</div>" * 3000 + "<p>After.</p>"
    doc = document_from_bytes("deep.epub", _epub(body), "epub")
    assert [part.strip() for part in doc.text.split("\n\n")] == ["Before.", "Deep words here.", "After."]


def test_rst_alias_said_only_in_code_is_no_alias() -> None:
    """A mention inside code was dropped but its alias kept: the contract wants every alias a mention's text."""
    src = (
        "Notes\n=====\n\nLopez met the council on Tuesday. Lopez said the river rose.\n\n"
        "The log shows ``note by Anna Lopez today`` again. Later Lopez spoke to the council.\n"
    )
    result = analyze(document_from_bytes("a.rst", src.encode(), "rst")).to_json()
    check_contract(result)
    assert [p["aliases"] for p in result["participants"] if p["name"] == "Lopez"] == [["Lopez"]]


def test_markdown_control_character_before_the_first_element() -> None:
    """A stray closing tag then a control character: lxml refused the text before the first element."""
    doc = document_from_bytes("x.md", b"</div>\x1b\n\n<p>The council met.</p>\n\nA paragraph.\n", "markdown")
    assert "The council met." in doc.text and "A paragraph." in doc.text
