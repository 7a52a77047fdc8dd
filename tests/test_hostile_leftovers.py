"""Classes of documents the last sweep left: GLib-style NEWS (underlined release titles over `*` items),
a Texinfo HTML node that is a heading and a menu, and MIME parts left inside a text part."""

from __future__ import annotations

from test_structure import check_invariants

from reader.analysis import analyze
from reader.load import document_from_bytes
from reader.model import Document
from reader.text.changelog import releases
from reader.text.structure import segment

GLIB_NEWS = """Overview of changes in GLib 2.74.1
==================================

* Update Unicode data to version 15 (work by Marco Trevisan) (#2735)

* Bump the Meson dependency from 0.48.0 to 0.49.2 (#1796)

* Bugs fixed:
  - #2735 Update to Unicode 15
  - #2751 gtestutils: fix a crash in the runner

* Translation updates:
  - German (Tim Sabsch)


Overview of changes in GLib 2.74.0
==================================

* Fix more issues with the typeof macro from 2.67.3 (work by Ann Lee)

* Bugs fixed:
  - #2740 Fix a leak in the parser
  - #2741 Another bug in the parser

* Translation updates:
  - Georgian (Ekaterine Papava)
"""


def test_glib_news_releases_are_the_sections_and_items_stay_text() -> None:
    a = segment(Document(source="NEWS", text=GLIB_NEWS))
    check_invariants(a)
    titles = [s.title for s in a.sections if s.kind == "heading"]
    assert titles == ["Overview of changes in GLib 2.74.1", "Overview of changes in GLib 2.74.0"]
    found = releases(a)
    assert found is not None  # read as a change log: the newest release first
    first_bug = next(k for k, s in enumerate(a.sentences) if "#2740" in a.text[s.start : s.end])
    assert found[first_bug] == 1


def test_a_manual_whose_headings_name_no_release_keeps_its_star_sections() -> None:
    text = "* Introduction\n\nSome words here.\n\n* Changes in 1.2\n\nMore words.\n\n* Changes in 1.3\n\nLast.\n"
    a = segment(Document(source="NEWS", text=text))
    check_invariants(a)
    assert "Introduction" in [s.title for s in a.sections]


TEXINFO_NODE = """<!DOCTYPE html><html><head><title>Types (libfoo manual)</title></head><body lang="en">
<div class="section" id="Types"><div class="header"><p>
Next: <a href="Abis.html" rel="next">Multiple ABIs</a>, Previous: <a href="Simple.html" rel="prev">Simple</a>,
Up: <a href="Using.html" rel="up">Using libfoo</a></p></div><hr>
<h3 class="section">2.3 Types</h3>
<ul class="section-toc">
<li><a href="Primitive-Types.html">Primitive Types</a></li>
<li><a href="Structures.html">Structures</a></li>
<li><a href="Size.html">Size and Alignment</a></li>
<li><a href="Complex.html">Complex Types</a></li>
</ul></div></body></html>"""


def test_texinfo_node_of_a_heading_and_a_menu_keeps_both() -> None:
    doc = document_from_bytes("Types.html", TEXINFO_NODE.encode())
    shown = [(b.kind, doc.text[b.start : b.end]) for b in doc.blocks]
    assert shown[0] == ("heading", "2.3 Types")
    assert [text for kind, text in shown if kind == "list_item"] == [
        "Primitive Types",
        "Structures",
        "Size and Alignment",
        "Complex Types",
    ]
    assert "Next:" not in doc.text


NESTED_BOUNDARIES = b"""MIME-Version: 1.0
Subject: Tricky
Content-Type: multipart/mixed; boundary="----- =_a0"

------- =_a0
Content-Type: multipart/alternative; boundary="----- =_a1"

------- =_a1
Content-Type: text/plain

The text quotes a boundary
------- =_a0
at the start of a line, which closes nothing.

------- =_a1
Content-Type: application/octet-stream
Content-Description: patch2
Content-Transfer-Encoding: base64

WFhY

------- =_a1--

------- =_a0--
"""

HTML_WITH_BOUNDARY = b"""MIME-Version: 1.0
Subject: Odd
Content-Type: text/html; boundary="--9612842"

----9612842
Content-Type: text/html;
Content-Transfer-Encoding: 7Bit

<html><body><p>The meeting moved to Friday.</p></body></html>

----9612842--
"""


def test_mime_parts_left_inside_a_text_part_are_read_as_parts() -> None:
    for raw in (NESTED_BOUNDARIES, HTML_WITH_BOUNDARY):
        doc = document_from_bytes("m.eml", raw)
        assert "Content-Type" not in doc.text and "----" not in doc.text.replace("------- =_a0\nat", ""), doc.text
        analyze(doc)
    tricky = document_from_bytes("m.eml", NESTED_BOUNDARIES).text
    assert "attachment: patch2" in tricky and "which closes nothing" in tricky
    assert "The meeting moved to Friday." in document_from_bytes("m.eml", HTML_WITH_BOUNDARY).text
