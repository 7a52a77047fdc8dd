"""AsciiDoc read into blocks: each construct on a small text written here, and properties over random ones."""

from __future__ import annotations

import subprocess
import sys

from hypothesis import given, settings
from hypothesis import strategies as st

from reader.formats import detect_format
from reader.formats.asciidoc import parse
from reader.model import Document


def read(source: str) -> Document:
    return parse(Document("notes.adoc", source))


def shown(doc: Document, kind: str | None = None) -> list[str]:
    return [doc.text[b.start : b.end] for b in doc.blocks if kind is None or b.kind == kind]


def blocks(doc: Document) -> list[tuple[str, str]]:
    return [(b.kind, doc.text[b.start : b.end]) for b in doc.blocks]


MANUAL = """\
tidy-shelf(1)
=============

NAME
----
tidy-shelf - Put the books back in order

SYNOPSIS
--------
[verse]
'tidy-shelf' [--by-colour] <shelf>...

OPTIONS
-------
--by-colour::
--by-color::
\tSort the spines by colour rather than by author, so the shelf
\tlooks calm from across the room.
+
The order of colours is the rainbow's.

<shelf>::
\tThe shelf to tidy.
"""


def test_a_manual_page_reads_as_its_rendered_page() -> None:
    doc = read(MANUAL)
    assert shown(doc, "heading") == ["tidy-shelf(1)", "NAME", "SYNOPSIS", "OPTIONS"]
    assert [b.level for b in doc.blocks if b.kind == "heading"] == [1, 2, 2, 2]
    assert doc.metadata["title"] == "tidy-shelf(1)"
    assert doc.metadata["subtitle"] == "tidy-shelf - Put the books back in order"
    assert shown(doc, "preformatted") == ["tidy-shelf [--by-colour] <shelf>..."]
    items = [(b.depth, doc.text[b.start : b.end]) for b in doc.blocks if b.kind == "list_item"]
    assert items[:4] == [
        (1, "--by-colour"),
        (1, "--by-color"),
        (1, "Sort the spines by colour rather than by author, so the shelf looks calm from across the room."),
        (1, "The order of colours is the rainbow's."),
    ]
    assert items[4:] == [(1, "<shelf>"), (1, "The shelf to tidy.")]  # a term's text at its depth, as in man
    terms = {doc.text[e.start : e.end] for e in doc.emphasis if e.kind == "bold"}
    assert {"--by-colour", "<shelf>"} <= terms


ARTICLE = """\
= Keeping Bees in Town
Ann Lee <ann@example.org>
:toc:
:hive: top-bar hive
// a note to myself: check the dates

== Why a {hive}

A *strong* colony needs _little_ room, and `smoker` fuel is cheap.
See https://example.org/bees[the club's page] or link:guide.html[the guide].
Read <<siting,where to put it>> first.footnote:[Ask the neighbours.]

[[siting]]
=== Where to put it

* Out of the wind
** Facing the morning sun
* Near water
. First step
. Second step

[source,python]
----
def inspect(hive):
    return hive.frames  # a comment, not markup
----

NOTE: Wear the veil.

[WARNING]
====
Never open a hive in the rain.
====

____
The bee is more honoured than other animals.
____

.Equipment
|===
|Item |Cost

|Veil |20
|Smoker |35
|===

ifdef::hive[]
Kept when the hive attribute is set.
endif::[]
ifndef::hive[]
Left out when it is.
endif::[]
include::other.adoc[]
"""


def test_an_article_with_every_common_construct() -> None:
    doc = read(ARTICLE)
    assert doc.metadata["title"] == "Keeping Bees in Town"
    assert doc.metadata["author"] == "Ann Lee"
    assert shown(doc, "heading") == ["Keeping Bees in Town", "Why a top-bar hive", "Where to put it"]
    assert [b.level for b in doc.blocks if b.kind == "heading"] == [1, 2, 3]
    paragraph = shown(doc, "paragraph")[0]
    assert paragraph.startswith("A strong colony needs little room, and smoker fuel is cheap.")
    assert "the club's page" in paragraph and "where to put it first.[1]" in paragraph
    marks = {(doc.text[e.start : e.end], e.kind) for e in doc.emphasis}
    assert {("strong", "bold"), ("little", "italic"), ("smoker", "code")} <= marks
    links = {doc.text[k.start : k.end]: k.url for k in doc.links}
    assert links["the club's page"] == "https://example.org/bees"
    assert links["the guide"] == "guide.html"
    assert links["where to put it"] == "#siting"
    assert links["[1]"] == "#_footnotedef_1"
    assert doc.anchors["siting"] == next(b.start for b in doc.blocks if b.kind == "heading" and b.level == 3)
    items = [(b.depth, b.marker, doc.text[b.start : b.end]) for b in doc.blocks if b.kind == "list_item"]
    assert items[:5] == [
        (1, "\u2022", "Out of the wind"),
        (2, "\u2022", "Facing the morning sun"),
        (1, "\u2022", "Near water"),
        (2, "1.", "First step"),  # another marker right after an item nests, as asciidoctor reads it
        (2, "2.", "Second step"),
    ]
    assert items[-1] == (1, "[1]", "Ask the neighbours.")
    code = next(b for b in doc.blocks if b.kind == "preformatted")
    assert code.language == "python"
    assert doc.text[code.start : code.end].endswith("return hive.frames  # a comment, not markup")
    quotes = shown(doc, "block_quote")
    assert quotes == ["Note: Wear the veil.", "Warning: Never open a hive in the rain.", quotes[2]]
    assert quotes[2] == "The bee is more honoured than other animals."
    table = next(b for b in doc.blocks if b.kind == "table")
    assert doc.text[table.start : table.end] == "Item | Cost\nVeil | 20\nSmoker | 35"
    assert table.header == 1
    assert "Kept when the hive attribute is set." in doc.text
    for gone in ("Left out", "include::", ":toc:", "a note to myself", "ifdef", "----", "[source", "<<", "[[", "|==="):
        assert gone not in doc.text.replace("# a comment", "")
    assert any("include::" in note for note in doc.notes)


def test_description_lists_nest_by_their_marks() -> None:
    doc = read("Colours::\n  Red::: warm\n  Blue::: cold\nShapes:: round or square\n")
    items = [(b.depth, doc.text[b.start : b.end]) for b in doc.blocks if b.kind == "list_item"]
    assert items == [
        (1, "Colours"),
        (2, "Red"),
        (2, "warm"),
        (2, "Blue"),
        (2, "cold"),
        (1, "Shapes"),
        (1, "round or square"),
    ]


def test_a_literal_paragraph_and_a_literal_block_keep_their_lines() -> None:
    doc = read("Run it so:\n\n  make all\n  make check\n\n....\nkeep   these  spaces\n....\n")
    assert shown(doc, "preformatted") == ["make all\nmake check", "keep   these  spaces"]


def test_attribute_references_and_escapes() -> None:
    doc = read(":name: Ada\n\nHello {name}, see git log {litdd}follow and \\*not bold* and {unknown}.\n")
    assert shown(doc) == ["Hello Ada, see git log --follow and *not bold* and {unknown}."]
    assert not doc.emphasis


def test_an_apostrophe_or_a_lone_star_is_text() -> None:
    doc = read("Don't panic: 2 * 3 is six, and the users' files stay.\n")
    assert shown(doc) == ["Don't panic: 2 * 3 is six, and the users' files stay."]
    assert not doc.emphasis


def test_checklists_and_callouts() -> None:
    doc = read("* [x] packed\n* [ ] labelled\n")
    assert [(b.marker, doc.text[b.start : b.end]) for b in doc.blocks] == [("\u2611", "packed"), ("\u2610", "labelled")]


def test_title_is_the_first_heading_without_a_document_title() -> None:
    doc = read("== Part one\n\nSome words.\n")
    assert doc.metadata["title"] == "Part one"


def test_sniffing_a_txt_needs_strong_evidence() -> None:
    assert detect_format("git-tidy.txt", MANUAL.encode()) == "asciidoc"
    assert detect_format("notes.txt", ARTICLE.encode()) == "asciidoc"
    underlined = "My holiday\n==========\n\nWe went to the sea.\n\nDay one\n-------\n\nIt rained.\n"
    assert detect_format("holiday.txt", underlined.encode()) == "text"
    assert detect_format("x.txt", b"= Not a title\n\nJust a line that starts with an equals sign.\n") == "text"
    assert detect_format("sig.asc", b"-----BEGIN PGP SIGNATURE-----\n") == "text"
    assert detect_format("x.adoc", b"plain words") == "asciidoc"


def test_plain_text_never_imports_the_reader() -> None:
    code = (
        "import sys\nfrom reader.load import document_from_bytes\n"
        "document_from_bytes('a.txt', b'Just some words.\\n\\nAnd more.\\n')\n"
        "print('reader.formats.asciidoc' in sys.modules, 'reader.formats.org' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.split() == ["False", "False"]


PIECES = [
    "= Title\n", "== Section\n", "Words and more words.\n", "*bold* _it_ `code` #mark#\n", "* item\n", "** deeper\n",
    ". one\n", "term:: text\n", "----\ncode\n----\n", "....\nlit\n....\n", "____\nquoted\n____\n", "NOTE: careful\n",
    "[source,c]\n", "|===\n|a |b\n\n|c |d\n|===\n", "link:x[y] https://e.org[z] <<a,b>> <<c>>\n", "footnote:[n]\n",
    "[[anchor]]\n", ":attr: v\n", "{attr}\n", "// comment\n", "+\n", "\n", "  indented\n", ".Title\n",
    "ifdef::attr[]\n", "endif::[]\n", "[NOTE]\n====\nx\n====\n", "--\nopen\n--\n", "Heading\n-------\n",
    "*unclosed _and `ticks\n",
    "a ** b __ c `` d\n", "image::pic.png[A picture]\n", "'''\n", "\\*escaped*\n", "kbd:[Ctrl+C] menu:File[Save]\n",
]  # fmt: skip


@settings(max_examples=150, deadline=None)
@given(st.lists(st.sampled_from(PIECES), max_size=25))
def test_spans_are_exact_and_no_delimiter_survives(pieces: list[str]) -> None:
    doc = read("".join(pieces))
    text = doc.text
    for b in doc.blocks:
        assert 0 <= b.start < b.end <= len(text) and text[b.start : b.end].rstrip() == text[b.start : b.end]
        assert b.kind == "preformatted" or text[b.start : b.end].strip() == text[b.start : b.end]
    for e in doc.emphasis:
        assert 0 <= e.start < e.end <= len(text) and text[e.start : e.end].strip()
    for k in doc.links:
        assert 0 <= k.start < k.end <= len(text)
    prose = [text[b.start : b.end] for b in doc.blocks if b.kind not in ("preformatted", "table")]
    for block in prose:
        for syntax in ("----", "....", "____", "|===", "[source", "<<", "link:", "[[", "ifdef::", "endif::", ":attr:"):
            assert syntax not in block
        assert not block.startswith(("// ", "== ", "term::"))
