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
