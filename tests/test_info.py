"""GNU Info manuals: nodes as one readable manual, menus, cross references, split files, detection."""

from __future__ import annotations

import gzip
import json
import re

from conftest import check_document_spans
from hypothesis import given, settings
from hypothesis import strategies as st
from test_contract import check_contract

from reader.analysis import analyze
from reader.load import document_from_bytes, load, load_all
from reader.model import Document

PREAMBLE = """This is tool.info, produced by makeinfo version 6.8 from tool.texi.

This manual documents GNU Tool, a program that counts words.

   Copyright © 2024 Free Software Foundation, Inc.
INFO-DIR-SECTION Text creation
START-INFO-DIR-ENTRY
* tool: (tool).                 Count words.
END-INFO-DIR-ENTRY

"""

TOP = """\x1f
File: tool.info,  Node: Top,  Next: Overview,  Up: (dir)

GNU Tool
********

This manual documents GNU Tool, a program that counts the words of its input files.

* Menu:

* Overview::                   What ‘tool’ does.
* Invoking tool::              How to run it.
* GNU Free Documentation License:: Copying and sharing this manual.
* Concept Index::              Every topic.

"""

BODY = """\x1f
File: tool.info,  Node: Overview,  Next: Invoking tool,  Prev: Top,  Up: Top

1 Overview
**********

‘tool’ counts the words of its input.  It reads each file named on
the command line, or the standard input.  *Note Invoking tool::, for
the options.  The counting rules are those of ‘wc’ (*note Word rules:
Invoking tool.).

     tool README NEWS
     tool < notes.txt

\x1f
File: tool.info,  Node: Invoking tool,  Next: GNU Free Documentation License,  Prev: Overview,  Up: Top

2 Invoking ‘tool’
*****************

2.1 Options
===========

‘-l’
‘--lines’
     Count lines instead of words.  See also *note Overview::.

‘--help’
     Print a usage message and exit.

2.1.1 Exit status
-----------------

An exit status of zero means success.

 -- Function: int tool_count (const char *NAME,
          size_t SIZE)
     Count the words of NAME.

   • The first item.
   • The second item, which is long enough
     to wrap onto a second line.

"""

BACK = """\x1f
File: tool.info,  Node: GNU Free Documentation License,  Next: Concept Index,  Prev: Invoking tool,  Up: Top

Appendix A GNU Free Documentation License
*****************************************

Everyone is permitted to copy and distribute verbatim copies of this license document.

\x1f
File: tool.info,  Node: Concept Index,  Prev: GNU Free Documentation License,  Up: Top

Concept Index
*************

\x00\x08[index\x00\x08]
* Menu:

* counting words:                        Overview.             (line 6)
* options:                               Invoking tool.        (line 8)
* : (label) command:                     Invoking tool.        (line 9)

\x1f
Tag Table:
Node: Top\x7f120
Node: Overview\x7f500
\x1f
End Tag Table

\x1f
Local Variables:
coding: utf-8
End:
"""

MANUAL = PREAMBLE + TOP + BODY + BACK
INFO_SYNTAX = re.compile(r"\x1f|\x08|^File: .*Node:|\*note|::|Tag Table|Indirect:|START-INFO-DIR-ENTRY", re.M | re.I)


def read(text: str, name: str = "tool.info") -> Document:
    return document_from_bytes(name, text.encode())


def blocks(doc: Document, kind: str) -> list[str]:
    return [doc.text[b.start : b.end] for b in doc.blocks if b.kind == kind]


def test_nodes_read_as_one_manual_with_headings_at_their_levels():
    doc = read(MANUAL)
    assert doc.format == "info"
    headings = [(doc.text[b.start : b.end], b.level) for b in doc.blocks if b.kind == "heading"]
    assert headings == [
        ("GNU Tool", 1),
        ("1 Overview", 1),
        ("2 Invoking ‘tool’", 1),
        ("2.1 Options", 2),
        ("2.1.1 Exit status", 3),
        ("Appendix A GNU Free Documentation License", 1),
        ("Concept Index", 1),
    ]
    assert doc.metadata["title"] == "GNU Tool"
    assert "Count words" in doc.metadata["dir_entry"]
    assert not INFO_SYNTAX.search(doc.text), INFO_SYNTAX.search(doc.text)
    assert "Local Variables" not in doc.text and "coding: utf-8" not in doc.text
    assert doc.text.count("This manual documents GNU Tool") == 1  # the preamble is Top's copy
    check_document_spans(doc)


def test_menus_are_lists_of_names_with_their_descriptions_linked_to_the_nodes():
    doc = read(MANUAL)
    items = blocks(doc, "list_item")
    assert "Overview — What ‘tool’ does." in items
    assert "Invoking tool — How to run it." in items
    # an index is a table of entry and node, without line numbers: no sentences, no participants
    assert blocks(doc, "table") == [
        "counting words | Overview\noptions | Invoking tool\n: (label) command | Invoking tool"
    ]
    links = {doc.text[k.start : k.end]: k.url for k in doc.links}
    assert links["Overview"] == "#Overview"
    assert links["counting words"] == "#Overview" and links[": (label) command"] == "#Invoking-tool"
    assert doc.anchors["Invoking-tool"] == doc.text.index("2 Invoking")


def test_cross_references_read_as_see_and_link_inside_the_manual():
    doc = read(MANUAL)
    assert "See Invoking tool, for the options." in doc.text
    assert "(see Word rules)" in doc.text  # the label shown, the node linked
    assert "See also see Overview." in doc.text
    linked = [(doc.text[k.start : k.end], k.url) for k in doc.links]
    assert ("Word rules", "#Invoking-tool") in linked
    assert ("Invoking tool", "#Invoking-tool") in linked


def test_examples_tables_and_definitions_are_code_and_items():
    doc = read(MANUAL)
    pre = blocks(doc, "preformatted")
    assert "tool README NEWS\ntool < notes.txt" in pre
    assert "-- Function: int tool_count (const char *NAME,\nsize_t SIZE)" in pre
    items = blocks(doc, "list_item")
    assert "‘-l’, ‘--lines’" in items
    assert "Count lines instead of words. See also see Overview." in items
    assert "Count the words of NAME." in items
    assert "The second item, which is long enough to wrap onto a second line." in items
    code = {doc.text[e.start : e.end] for e in doc.emphasis if e.kind == "code"}
    assert {"tool", "wc", "-l", "--help"} <= code


def test_licence_and_index_are_back_matter_and_the_summary_opens_with_the_manual():
    a = analyze(read(MANUAL))
    kinds = {s.title: s.kind for s in a.sections}
    assert kinds["Concept Index"] == "back"
    assert kinds["Appendix A GNU Free Documentation License"] == "back"
    assert a.summary is not None
    first = a.sentence_text(a.summary.selected[0])
    assert "counts the words" in first or "counts words" in first or "counts the words" in first, first
    picked = " ".join(a.sentence_text(i) for i in a.summary.selected)
    assert "verbatim copies" not in picked and "counting words" not in picked


def test_detection_by_suffix_and_by_content():
    assert read(MANUAL, "manual").format == "info"  # content: makeinfo's first line
    assert read(TOP + BODY, "notes").format == "info"  # content: a node separator and header
    assert read(BODY, "tool.info-2").format == "info"  # a split manual's part, by suffix
    assert read("Plain words, File: x Node: y.\n", "plain.txt").format == "text"


def test_nul_cookies_of_the_index_do_not_make_it_binary():
    doc = read(MANUAL)
    assert "index" not in blocks(doc, "paragraph")


def test_images_keep_their_alt_text():
    doc = read(TOP + '\x1f\nFile: t.info,  Node: Pic\n\n\x00\x08[image src="a.png" alt="Modules"\x00\x08]\n\nAfter.\n')
    assert blocks(doc, "image") == ["Modules"]


def _split_manual(tmp_path):
    main = PREAMBLE + "\x1f\nIndirect:\ntool.info-1: 100\ntool.info-2: 2000\n\x1f\nTag Table:\n(Indirect)\n"
    (tmp_path / "tool.info.gz").write_bytes(gzip.compress(main.encode()))
    (tmp_path / "tool.info-1.gz").write_bytes(gzip.compress((PREAMBLE + TOP + BODY).encode()))
    (tmp_path / "tool.info-2").write_bytes((PREAMBLE + BACK).encode())


def test_a_split_manual_reads_every_part_in_order_and_a_part_alone_reads_itself(tmp_path):
    _split_manual(tmp_path)
    whole = load(str(tmp_path / "tool.info.gz"))
    assert whole.format == "info" and whole.metadata["title"] == "GNU Tool"
    assert whole.text.index("1 Overview") < whole.text.index("Concept Index\n\ncounting")
    assert set(whole.anchors) >= {"Top", "Overview", "Invoking-tool", "Concept-Index"}
    part = load(str(tmp_path / "tool.info-2"))
    assert "Concept Index" in part.text and "1 Overview" not in part.text
    assert part.metadata["title"] == "tool"  # no Top node in this part: the File: name


def test_a_folder_lists_the_main_file_not_its_parts(tmp_path):
    _split_manual(tmp_path)
    sources = [item.source for item in load_all([str(tmp_path)])]
    assert [s.rsplit("/", 1)[-1] for s in sources] == ["tool.info.gz"]


def test_a_missing_part_is_a_note_not_a_crash(tmp_path):
    main = PREAMBLE + "\x1f\nIndirect:\ntool.info-1: 100\n\x1f\nTag Table:\n(Indirect)\n"
    (tmp_path / "tool.info").write_text(main, encoding="utf-8")
    doc = load(str(tmp_path / "tool.info"))
    assert any("tool.info-1" in note for note in doc.notes)


DIR = """-*- Text -*-
This is the file .../info/dir, which contains the
topmost node of the Info hierarchy.

\x1f
File: dir\tNode: Top\tThis is the top of the INFO tree
  This (the Directory node) gives a menu of major topics.

* Menu: The list of major topics begins on the next line.

Basics
* Coreutils: (coreutils).       Core GNU (file, text, shell) utilities.
* Find: (find).                 Operating on files matching certain criteria.
"""


def test_the_directory_file_reads_as_a_list_of_manuals():
    doc = read(DIR, "dir")
    assert doc.format == "info"
    assert doc.metadata["title"] == "Info directory"
    items = blocks(doc, "list_item")
    assert "Coreutils (coreutils manual) — Core GNU (file, text, shell) utilities." in items
    assert not INFO_SYNTAX.search(doc.text)


PIECES = [
    "\x1f\nFile: g.info,  Node: N{i},  Up: Top\n",
    "Heading {i}\n=========\n",
    "Chapter\n*******\n",
    "Some words, *note N{i}::, and more.",
    "See *Note Label: (other)Node{i}. here",
    "a ref *note Label{i}: N{i}, inside",
    "* Menu:\n\n* N{i}::  Description {i}.\n* Label: N{i}.  (line 3)",
    "     example --flag 'x'",
    "‘-x’\n     Body of {i}.",
    " -- Command: run {i}\n     Runs.",
    "\x00\x08[index\x00\x08]",
    "   ---------- Footnotes ----------\n\n   (1) Note.",
    "* broken *note",
    "",
]


@settings(max_examples=120, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(PIECES), st.integers(0, 3)), max_size=30))
def test_no_info_syntax_survives_and_every_span_is_exact(pieces):
    body = "\n\n".join(piece.format(i=i) for piece, i in pieces)
    doc = read("This is g.info, produced by makeinfo version 7.1.\n\x1f\nFile: g.info,  Node: Top\n\n" + body + "\n")
    assert "\x1f" not in doc.text and "\x00" not in doc.text and "\x08" not in doc.text
    assert not re.search(r"\*note [^\n]*::|\*note \w+: \w+\.", doc.text, re.I), doc.text
    assert not re.search(r"^File: .*Node:", doc.text, re.M)
    check_document_spans(doc)
    check_contract(json.loads(json.dumps(analyze(doc).to_json())))


def test_a_long_manual_reads_every_node():
    node = BODY.replace("Node: Overview", "Node: Overview{i}").replace("Node: Invoking tool,", "Node: Inv{i},")
    text = PREAMBLE + TOP + "".join(node.replace("{i}", str(i)) for i in range(600))
    doc = read(text)
    assert sum(1 for b in doc.blocks if b.kind == "heading") == 1 + 600 * 4


PEOPLE = (
    PREAMBLE
    + TOP
    + """\x1f
File: tool.info,  Node: Overview,  Prev: Top,  Up: Top

1 Overview
**********

‘tool’ was written by David MacKenzie and Jim Meyering.  Arguments marked
“Non-POSIX” are extensions.

‘parenb’
     Generate parity bit in output.  Non-POSIX.  May be negated.

‘crtscts’
     Enable RTS/CTS flow control.  Non-POSIX.  May be negated.

"""
    + "".join(f"‘opt{i}’\n     Set flag {i} of the line.  Non-POSIX.  May be negated.\n\n" for i in range(12))
    + """‘Trace’
     Trace the counting, as ‘tool --trace’ does.  *Note Invoking tool::.

     tool --trace README

   Case Folding was added by Jim Meyering.  *Note Case Folding::.  Case Folding is off.

\x1f
File: tool.info,  Node: Case Folding,  Prev: Overview,  Up: Top

1.1 Case Folding
================

Case Folding makes ‘tool’ count ‘Word’ and ‘word’ as one.  Case Folding asks ‘-i’.
"""
)


def test_option_and_node_names_are_not_people_in_a_manual():
    a = analyze(read(PEOPLE))
    names = {p.name for p in a.participants}
    assert {"David MacKenzie", "Jim Meyering"} <= names
    assert not names & {"Non-POSIX", "Trace", "Invoking", "Top", "Case Folding"}, names


NESTED = """\x1f
File: t.info,  Node: Top

'for ( [EXPRESSION1] ; [EXPRESSION2] ; [EXPRESSION3] ) STATEMENT, a long term'
     The 'for' statement controls repeated execution of the statement.

     The fields are:

       1. The inode number of the file.  *Note Top::, for more.

       2. the number of blocks in the file.  The block counts are of 1K
          blocks, unless the variable is set.
"""


def test_long_table_terms_and_numbered_items_inside_a_body_are_not_examples():
    doc = read(NESTED, "t.info")
    assert blocks(doc, "preformatted") == []
    items = blocks(doc, "list_item")
    assert "The 'for' statement controls repeated execution of the statement." in items
    assert "the number of blocks in the file. The block counts are of 1K blocks, unless the variable is set." in items
    assert [b.marker for b in doc.blocks if b.marker and b.marker[0].isdigit()] == ["1.", "2."]


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="\x1f\x08*:.,()[]'‘’-= \n\tFileNodtmuMxabc15", max_size=300))
def test_any_text_after_a_node_header_is_a_document_never_a_crash(body):
    doc = read("This is f.info, produced by makeinfo.\n\x1f\nFile: f.info,  Node: Top\n\n" + body)
    assert doc.format == "info"
    assert "\x1f" not in doc.text and "\x00" not in doc.text
    check_document_spans(doc)
    check_contract(json.loads(json.dumps(analyze(doc).to_json())))


NOTED = """\x1f
File: tool.info,  Node: Sorting,  Prev: Top,  Up: Top

3 Sorting
*********

‘tool’ sorts the counted words by their frequency before it prints them, so the most common
word of the input comes first.(1)  Ties keep the order in which the words first appeared.

   Sorting takes memory in proportion to the number of distinct words, never to the size of
the input itself.

   ---------- Footnotes ----------

   (1) When the locale asks for it, and otherwise in byte order, which is what most readers
of a word list expect anyway in this particular program.

   (2) A second note, long enough to read as a sentence of the manual if it were prose here.

"""


def test_footnotes_under_the_footnotes_line_are_labelled_notes_never_summary_picks():
    doc = read(PREAMBLE + TOP + NOTED)
    notes = [(b.marker, doc.text[b.start : b.end]) for b in doc.blocks if b.kind == "list_item" and b.marker]
    labelled = [marker for marker, _ in notes if marker.startswith("[")]
    assert labelled == ["[1]", "[2]"], notes
    assert any(text.startswith("When the locale asks") for _, text in notes)
    a = analyze(doc)
    from reader.summarize import summarize

    picked = " ".join(a.sentence_text(i) for i in summarize(a, sentences=6).selected)
    assert "When the locale" not in picked and "A second note" not in picked, picked


EDITION_TOP = """\x1f
File: tool.info,  Node: Top,  Next: Overview,  Up: (dir)

Using GNU Tool
**************

This is the 'GNU Tool Manual' (version 3.2.1, March 2024).

   (C) 2019, 2020 Free Software Foundation, Inc.
(C) 2021 Jane Roe.

     Permission is granted to copy, distribute and/or modify this
     document under the terms of the GNU General Public License as
     published by the Free Software Foundation.  The text of the
     license can be found in the section entitled "Copying".

   This manual documents how to count words with GNU Tool and how its
counting rules came to be what they are.

* Menu:

* Overview::                   What ‘tool’ does.
* Invoking tool::              How to run it.

"""


def test_an_edition_line_and_a_licence_notice_do_not_open_a_manuals_summary():
    a = analyze(read(PREAMBLE + EDITION_TOP + BODY + BACK))
    assert a.summary is not None
    picked = [a.sentence_text(i) for i in a.summary.selected]
    assert picked[0].startswith("This manual documents how to count words"), picked
    assert not any("version 3.2.1" in p or "license can be found" in p or "(C)" in p for p in picked), picked
