"""reStructuredText read as a rendered page shows it: small pages written for these tests."""

from __future__ import annotations

import json
import re
import subprocess
import sys

from conftest import REPO, check_document_spans
from hypothesis import given, settings
from hypothesis import strategies as st
from test_contract import check_contract

from reader.analysis import analyze
from reader.formats import detect_format
from reader.load import document_from_bytes
from reader.model import Document
from reader.text.technical import is_manual


def read(text: str, name: str = "page.rst") -> Document:
    doc = document_from_bytes(name, text.encode("utf-8"))
    check_document_spans(doc)
    for block in doc.blocks:
        assert doc.text[block.start : block.end].strip()
    return doc


def shown(doc: Document, kind: str | None = None) -> list[str]:
    return [doc.text[b.start : b.end] for b in doc.blocks if kind is None or b.kind == kind]


def marked(doc: Document, kind: str) -> list[str]:
    return [doc.text[e.start : e.end] for e in doc.emphasis if e.kind == kind]


def test_heading_levels_follow_the_order_styles_first_appear():
    doc = read(
        "=======\n Guide\n=======\n\nIntro.\n\nSetup\n=====\n\nText.\n\nDetails\n-------\n\nMore.\n\n"
        "Usage\n=====\n\nAgain.\n\nTitle with underline only\n#########################\n\nEnd.\n"
    )
    heads = [(doc.text[b.start : b.end], b.level) for b in doc.blocks if b.kind == "heading"]
    # the overlined "=" is a style of its own: the underline-only "=" comes second
    assert heads == [("Guide", 1), ("Setup", 2), ("Details", 3), ("Usage", 2), ("Title with underline only", 4)]
    assert doc.metadata["title"] == "Guide"
    other = read("Intro\n~~~~~\n\nText.\n\nPart\n****\n\nMore.\n")
    assert [b.level for b in other.blocks if b.kind == "heading"] == [1, 2]
    assert not re.search(r"^[=~*#-]{3,}$", doc.text + other.text, re.M)


def test_short_underlines_and_transitions_are_not_titles():
    doc = read("A paragraph line\n--\n\nText before.\n\n----------\n\nText after.\n")
    assert not [b for b in doc.blocks if b.kind == "heading"]
    assert "----------" not in doc.text and "Text before." in doc.text and "Text after." in doc.text


def test_lists_keep_markers_and_nesting():
    doc = read(
        "- apples\n- pears\n\n  * green ones\n  * red ones\n\n    + tiny\n\n"
        "#. first step\n#. second step\n\n(a) one\n(b) two\n\n3) three\n4) four\n"
    )
    items = [(doc.text[b.start : b.end], b.depth, b.marker) for b in doc.blocks if b.kind == "list_item"]
    assert items == [
        ("apples", 1, "•"),
        ("pears", 1, "•"),
        ("green ones", 2, "•"),
        ("red ones", 2, "•"),
        ("tiny", 3, "•"),
        ("first step", 1, "1."),
        ("second step", 1, "2."),
        ("one", 1, "(a)"),
        ("two", 1, "(b)"),
        ("three", 1, "3)"),
        ("four", 1, "4)"),
    ]


def test_an_enumerator_opening_a_sentence_is_no_list():
    doc = read("A. Smith wrote this line\nand went on here.\n")
    assert shown(doc) == ["A. Smith wrote this line and went on here."]
    assert doc.blocks[0].kind == "paragraph"


def test_literal_blocks_after_double_colon_follow_docutils():
    doc = read(
        "Run this::\n\n    make all\n    make install\n\nOr this ::\n\n    ninja\n\n::\n\n    cmake ..\n\nDone.\n"
    )
    assert shown(doc) == ["Run this:", "make all\nmake install", "Or this", "ninja", "cmake ..", "Done."]
    assert [b.kind for b in doc.blocks] == ["paragraph", "preformatted"] * 2 + ["preformatted", "paragraph"]


def test_code_directives_keep_their_language_and_highlight_sets_the_default():
    doc = read(
        ".. code-block:: python\n   :linenos:\n\n   def f():\n       return 1\n\n"
        ".. highlight:: c\n\nExample::\n\n   int x = 1;\n\n.. code:: bash\n\n   ls -l\n\n"
        ">>> 1 + 1\n2\n"
    )
    code = [(doc.text[b.start : b.end], b.language) for b in doc.blocks if b.kind == "preformatted"]
    assert code == [
        ("def f():\n    return 1", "python"),
        ("int x = 1;", "c"),
        ("ls -l", "bash"),
        (">>> 1 + 1\n2", "pycon"),
    ]
    assert "linenos" not in doc.text and "highlight" not in doc.text


def test_admonitions_and_version_notes_open_with_their_title_word():
    doc = read(
        ".. note:: Keep the file small.\n\n.. warning::\n\n   Never run as root.\n\n"
        ".. versionadded:: 2.1\n   The ``--fast`` flag.\n\n.. deprecated:: 3.0\n"
    )
    quotes = shown(doc, "block_quote")
    assert quotes == ["Note: Keep the file small.", "Warning: Never run as root."]
    assert "New in version 2.1: The --fast flag." in shown(doc)
    assert "Deprecated since version 3.0." in shown(doc)
    assert "Note:" in marked(doc, "bold") and "--fast" in marked(doc, "code")


def test_simple_and_grid_tables_become_table_blocks_with_their_header():
    doc = read(
        "=====  ======\nName   Value\n=====  ======\nalpha  1\nbeta   two\n       lines\n=====  ======\n\n"
        "+-------+-------+\n| Key   | Means |\n+=======+=======+\n| ``a`` | all   |\n+-------+-------+\n"
    )
    tables = [(doc.text[b.start : b.end], b.header) for b in doc.blocks if b.kind == "table"]
    assert tables == [("Name | Value\nalpha | 1\nbeta | two lines", 1), ("Key | Means\na | all", 1)]


def test_list_table_and_csv_table_directives():
    doc = read(
        ".. list-table:: Sizes\n   :header-rows: 1\n\n   * - Size\n     - Bytes\n   * - small\n     - 10\n\n"
        '.. csv-table::\n   :header: "Word", "Count"\n\n   "tree", 3\n   "leaf", 12\n'
    )
    assert shown(doc, "table") == ["Size | Bytes\nsmall | 10", "Word | Count\ntree | 3\nleaf | 12"]
    assert "Sizes" in marked(doc, "bold")


def test_roles_show_their_text_and_code_roles_are_code():
    doc = read(
        ".. _install-guide:\n\nInstalling\n==========\n\n"
        "Call :func:`os.path.join` or :meth:`~pathlib.Path.open`, set :envvar:`HOME`, see "
        ":ref:`the guide <install-guide>`, :ref:`install-guide`, :doc:`usage`, :doc:`/topics/index`, :pep:`8` and "
        ":term:`wheel`; ``pip install`` is *easy* and **fast**, `tree`:code: too.\n"
    )
    text = shown(doc, "paragraph")[0]
    assert text == (
        "Call os.path.join or open, set HOME, see the guide, Installing, usage, topics, PEP 8 and wheel; "
        "pip install is easy and fast, tree too."
    )
    assert marked(doc, "code") == ["os.path.join", "open", "HOME", "pip install", "tree"]
    assert marked(doc, "italic") == ["easy"] and marked(doc, "bold") == ["fast"]
    assert {doc.text[k.start : k.end]: k.url for k in doc.links}["the guide"] == "#install-guide"
    assert doc.anchors["install-guide"] == doc.blocks[0].start


def test_links_named_anonymous_embedded_and_bare():
    doc = read(
        "Read `the docs <https://docs.example.org/>`_, the `tracker`_, `this page`__, Python_ "
        "and https://example.com/x.\n\n.. _tracker: https://bugs.example.org\n.. _Python: https://python.org\n"
        "__ https://anon.example.org\n"
    )
    assert shown(doc) == ["Read the docs, the tracker, this page, Python and https://example.com/x."]
    links = {doc.text[k.start : k.end]: k.url for k in doc.links}
    assert links == {
        "the docs": "https://docs.example.org/",
        "tracker": "https://bugs.example.org",
        "this page": "https://anon.example.org",
        "Python": "https://python.org",
        "https://example.com/x": "https://example.com/x",
    }


def test_footnotes_citations_substitutions_and_comments():
    doc = read(
        "Claim [#]_ and another [#note]_ from [CIT2002]_, |project| is |copy| ok.\n\n"
        ".. [#] First note.\n.. [#note] Second note.\n.. [CIT2002] A book.\n\n"
        ".. |project| replace:: *Gizmo*\n.. |copy| unicode:: U+00A9\n\n"
        ".. This comment\n   is not shown.\n\n..\n\n   A quote after an empty comment.\n"
    )
    assert shown(doc)[0] == "Claim [1] and another [2] from [CIT2002], Gizmo is © ok."
    notes = [(doc.text[b.start : b.end], b.marker) for b in doc.blocks if b.kind == "list_item"]
    assert notes == [("First note.", "[1]"), ("Second note.", "[2]"), ("A book.", "[CIT2002]")]
    assert "is not shown" not in doc.text and "Gizmo" in marked(doc, "italic")
    assert shown(doc, "block_quote") == ["A quote after an empty comment."]
    links = {doc.text[k.start : k.end]: k.url for k in doc.links}
    assert doc.anchors[links["[1]"][1:]] == doc.blocks[1].start


def test_build_directives_stay_out_and_images_are_captions():
    doc = read(
        "Title\n=====\n\n.. contents::\n   :local:\n\n.. toctree::\n   :maxdepth: 2\n\n   install\n   usage\n\n"
        ".. index:: single: thing\n\n.. only:: html\n\n   Web only.\n\n.. meta::\n   :keywords: a, b\n\n"
        ".. image:: img/logo.png\n   :alt: The logo\n\n.. figure:: img/plot.png\n\n   A plot of *growth*.\n\n"
        "   The legend.\n\nBody.\n"
    )
    assert shown(doc) == ["Title", "The logo", "A plot of growth.", "The legend.", "Body."]
    assert [b.kind for b in doc.blocks] == ["heading", "image", "image", "paragraph", "paragraph"]


def test_definition_field_and_option_lists_are_tags_over_their_text():
    doc = read(
        "term one\n   What it means.\n\n   More of it.\n\nname : str\n   Typed.\n\n"
        ":param path: where to look\n:returns: the file\n\n-v, --verbose  say more\n--size=N\n   how big\n"
    )
    items = [(doc.text[b.start : b.end], b.depth, b.marker) for b in doc.blocks]
    assert items == [
        ("term one", 1, None),
        ("What it means.", 1, None),
        ("More of it.", 1, None),
        ("name (str)", 1, None),
        ("Typed.", 1, None),
        ("param path", 1, None),
        ("where to look", 1, None),
        ("returns", 1, None),
        ("the file", 1, None),
        ("-v, --verbose", 1, None),
        ("say more", 1, None),
        ("--size=N", 1, None),
        ("how big", 1, None),
    ]
    assert "-v, --verbose" in marked(doc, "code")


def test_docinfo_fields_give_metadata_and_sphinx_fields_stay_out():
    doc = read(":orphan:\n:Author: Ann Lee\n:Date: 2024-05-01\n\nGuide\n=====\n\nText.\n")
    assert doc.metadata == {"author": "Ann Lee", "date": "2024-05-01", "title": "Guide"}
    assert "orphan" not in doc.text


def test_unknown_and_domain_directives_read_as_a_signature_over_its_text():
    doc = read(
        ".. command:: add_thing\n\n   Adds a thing.\n\n.. py:function:: spam(eggs)\n\n   Cook it.\n\n"
        ".. custom-box::\n\n   Boxed words.\n\n.. pip-usage:: install\n"
    )
    assert shown(doc) == ["add_thing", "Adds a thing.", "spam(eggs)", "Cook it.", "Boxed words."]
    assert marked(doc, "code") == ["add_thing", "spam(eggs)"]
    assert doc.blocks[-1].kind == "block_quote"


def test_detection_by_suffix_and_plain_text_never_imports_the_reader():
    assert detect_format("a.rst", b"x") == "rst"
    assert detect_format("a.rest", b"x") == "rst"
    assert detect_format("_sources/a.rst.txt", b"x") == "rst"
    assert detect_format("a.txt", b"Title\n=====\n") == "text"
    code = (
        "import sys\nfrom reader.load import document_from_bytes\n"
        "document_from_bytes('a.txt', b'Title\\n=====\\n\\nText.\\n')\n"
        "print('reader.formats.rst' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=REPO, check=True)
    assert out.stdout.strip() == "False"


def test_an_rst_page_with_literals_is_a_manual_and_its_code_words_are_no_people():
    page = (
        "Usage\n=====\n\nThe ``Walker`` class reads ``Sphinx`` pages; call :func:`Walker.run` with "
        ":class:`Options`. ``Morgan`` is a setting, as are ``Lee``, ``Baker`` and ``Stone``.\n\n"
        "Set ``Lee`` before ``Morgan``.\n\n::\n\n   Walker(Morgan=1)\n"
    )
    doc = read(page)
    assert is_manual(doc)
    names = {p.name for p in analyze(doc).participants}
    assert not names & {"Walker", "Morgan", "Lee", "Baker", "Stone", "Options"}


def test_the_summary_opens_with_prose_not_directives_or_code():
    page = (
        "Widget\n======\n\n.. contents::\n\n.. code-block:: python\n\n   import widget\n\n"
        "Widget draws charts in the terminal from data files of any size.\n\n"
        "It reads CSV and JSON files and draws bar charts and line charts quickly.\n"
    )
    analysis = analyze(read(page))
    assert analysis.summary is not None
    first = analysis.sentence_text(analysis.summary.selected[0])
    assert first.startswith(("Widget draws", "It reads"))
    assert all("import" not in analysis.sentence_text(i) for i in analysis.summary.selected)


PIECES = [
    "Title {i}\n=========\n",
    "=======\nTop {i}\n=======\n",
    "Part {i}\n--------\n",
    "Plain words {i} with ``code`` and *emphasis* and **bold** and :func:`call{i}`.",
    "A `link {i} <https://x.org/{i}>`_ and `named`_ and word_ and |sub| and [#]_.",
    ".. note:: Careful {i}.",
    ".. versionchanged:: {i}.0\n   Changed.",
    ".. code-block:: python\n\n   x = {i}",
    "Example {i}::\n\n    y = {i}",
    "- item {i}\n\n  - nested {i}",
    "#. step {i}\n#. step",
    "term {i}\n   definition {i}",
    ":field {i}: value",
    "-o FILE  output {i}",
    ".. toctree::\n   :maxdepth: {i}\n\n   page{i}",
    ".. comment {i}",
    ".. _named: https://named.org",
    ".. |sub| replace:: replaced *text*",
    ".. [#] Note {i}.",
    "=====  =====\na {i}   b\n=====  =====",
    "+-----+-----+\n| a   | b {i} |\n+-----+-----+",
    ".. image:: pic{i}.png\n   :alt: picture",
    ".. unknown:: arg {i}\n\n   body {i}",
    "   indented quote {i}",
    ">>> print({i})\n{i}",
    "*unclosed and ``unclosed and `unclosed and :role:`x",
    "",
]
DIRECTIVE_LEFT = re.compile(r"^\.\. |^\.\.$|:[\w-]+:`|``|`_|::$", re.M)


@settings(max_examples=150, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(PIECES), st.integers(0, 3)), max_size=25))
def test_every_span_is_exact_and_no_markup_survives_in_prose(pieces):
    body = "\n\n".join(piece.format(i=i) for piece, i in pieces)
    doc = read(body + "\n")
    for block in doc.blocks:
        if block.kind in ("paragraph", "heading", "list_item", "block_quote"):
            piece = doc.text[block.start : block.end]
            if "unclosed" not in piece:
                assert not DIRECTIVE_LEFT.search(piece), piece
    assert not re.search(r"^([=\-+])\1{4,}$", doc.text, re.M)
    check_contract(json.loads(json.dumps(analyze(doc).to_json())))


def test_a_long_page_reads_in_linear_time_without_losing_sections():
    section = (
        "Section {i}\n==========\n\nText with ``code`` and :ref:`a link <x>` and *more* words.\n\n"
        "- item\n- item\n\n.. note:: A note.\n\n::\n\n   code {i}\n\n"
    )
    page = "".join(section.replace("{i}", str(i)) for i in range(2000))
    doc = read(page)
    assert sum(1 for b in doc.blocks if b.kind == "heading") == 2000
    assert sum(1 for b in doc.blocks if b.kind == "preformatted") == 2000


def test_lists_nested_hundreds_deep_read_without_running_out_of_stack():
    page = "\n\n".join("  " * k + f"- item {k}" for k in range(400))
    doc = read(page + "\n")
    assert "item 0" in doc.text and "item 399" in doc.text
    assert max(b.depth or 0 for b in doc.blocks) >= 30


def test_a_section_title_or_a_name_set_as_code_is_no_participant():
    page = (
        "Usage\n=====\n\nRun it with the :generator:`Marten Quill` generator, which Ann Weller wrote.\n\n"
        "Marten Quill\n------------\n\n``add_thing`` supports the :generator:`Marten Quill` generator. "
        "Ann Weller keeps it small.\n\n.. versionadded:: 3.1\n   Added the :generator:`Marten Quill` generator.\n"
    )
    names = {p.name for p in analyze(read(page)).participants}
    assert names == {"Ann Weller"}


def test_a_title_directive_names_the_page_before_its_first_section():
    doc = read(".. title:: The Widget Handbook\n\nIntroduction\n============\n\nText.\n")
    assert doc.metadata["title"] == "The Widget Handbook"
    assert shown(doc) == ["Introduction", "Text."]
