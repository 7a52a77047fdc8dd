"""OpenDocument text: headings, nested lists, tables, spacing elements, notes and metadata.

Every document is written in the test as ODF XML (our own words), zipped as an office suite
writes it (``mimetype`` first, stored), or kept flat as ``.fodt``.
"""

from __future__ import annotations

import io
import json
import subprocess
import sys
import zipfile

import pytest
from conftest import REPO
from hypothesis import given, settings
from hypothesis import strategies as st
from test_contract import check_contract

from reader.analysis import analyze
from reader.formats import detect_format
from reader.load import LoadError, document_from_bytes
from reader.model import Document

NS = (
    'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
    'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
    'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
    'xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" '
    'xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" '
    'xmlns:draw="urn:oasis:names:tc:opendocument:xmlns:drawing:1.0" '
    'xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0" '
    'xmlns:xlink="http://www.w3.org/1999/xlink" '
    'xmlns:dc="http://purl.org/dc/elements/1.1/" '
    'xmlns:meta="urn:oasis:names:tc:opendocument:xmlns:meta:1.0"'
)
MIME = "application/vnd.oasis.opendocument.text"
AUTO_STYLES = """
<office:automatic-styles>
  <style:style style:name="T1" style:family="text"><style:text-properties fo:font-weight="bold"/></style:style>
  <style:style style:name="P9" style:family="paragraph" style:parent-style-name="Title"/>
  <text:list-style style:name="L1">
    <text:list-level-style-number text:level="1" style:num-suffix="." style:num-format="1"/>
    <text:list-level-style-number text:level="2" style:num-suffix=")" style:num-format="a"/>
    <text:list-level-style-bullet text:level="3" text:bullet-char="-"/>
  </text:list-style>
  <text:list-style style:name="L2"><text:list-level-style-bullet text:level="1" text:bullet-char="*"/></text:list-style>
</office:automatic-styles>"""
BODY = """
<text:sequence-decls><text:sequence-decl text:display-outline-level="0" text:name="Table"/></text:sequence-decls>
<text:table-of-content text:name="Contents"><text:index-body>
  <text:p>Ferry timetable ........ 1</text:p></text:index-body></text:table-of-content>
<text:h text:outline-level="1">Ferry timetable</text:h>
<text:p>The ferry leaves the  <text:span text:style-name="T1">north pier</text:span> at seven.<text:note
  text:id="ftn1" text:note-class="footnote"><text:note-citation>1</text:note-citation><text:note-body>
  <text:p>Except on public holidays.</text:p></text:note-body></text:note> It returns at noon.</text:p>
<text:h text:outline-level="2">Stops</text:h>
<text:list text:style-name="L1">
  <text:list-item><text:p>North pier</text:p>
    <text:list><text:list-item><text:p>Ticket office</text:p>
      <text:list><text:list-item><text:p>Open at six</text:p></text:list-item></text:list>
    </text:list-item><text:list-item><text:p>Cafe</text:p></text:list-item></text:list>
  </text:list-item>
  <text:list-item><text:p>Island quay</text:p></text:list-item>
</text:list>
<text:list text:style-name="L2"><text:list-item><text:p>Bring a coat.</text:p></text:list-item></text:list>
<table:table table:name="Times">
  <table:table-column table:number-columns-repeated="2"/>
  <table:table-header-rows><table:table-row>
    <table:table-cell><text:p>Stop</text:p></table:table-cell><table:table-cell><text:p>Time</text:p></table:table-cell>
  </table:table-row></table:table-header-rows>
  <table:table-row>
    <table:table-cell><text:p>North pier</text:p></table:table-cell>
    <table:table-cell><text:p>07:00</text:p></table:table-cell>
  </table:table-row>
</table:table>
<text:p>Line one<text:line-break/>col<text:tab/>two<text:s text:c="3"/>three</text:p>
<text:p><text:a xlink:href="https://example.org/ferry">Timetable online</text:a> for changes.</text:p>
<text:p><draw:frame draw:name="Map"><svg:title>Harbour map</svg:title>
  <draw:image xlink:href="Pictures/m.png"/></draw:frame></text:p>
"""
META = """<office:meta><dc:title>Island ferry</dc:title><meta:initial-creator>Ines Rowe</meta:initial-creator>
<dc:creator>Someone Else</dc:creator><meta:creation-date>2024-03-05T10:00:00</meta:creation-date>
<dc:language>en-GB</dc:language></office:meta>"""
STYLES = """<office:master-styles><style:master-page style:name="Standard">
<style:header><text:p>RUNNING HEADER TEXT</text:p></style:header>
<style:footer><text:p>Page footer words</text:p></style:footer></style:master-page></office:master-styles>"""


def content(body: str = BODY, auto: str = AUTO_STYLES) -> str:
    text = f"<office:body><office:text>{body}</office:text></office:body>"
    return f'<?xml version="1.0"?><office:document-content {NS}>{auto}{text}</office:document-content>'


def odt(body: str = BODY, meta: str = META, auto: str = AUTO_STYLES) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr(zipfile.ZipInfo("mimetype"), MIME)  # stored, first: how the format is recognised
        z.writestr("content.xml", content(body, auto))
        z.writestr("styles.xml", f'<?xml version="1.0"?><office:document-styles {NS}>{STYLES}</office:document-styles>')
        z.writestr("meta.xml", f'<?xml version="1.0"?><office:document-meta {NS}>{meta}</office:document-meta>')
    return out.getvalue()


def flat(body: str = BODY) -> bytes:
    return (
        f'<?xml version="1.0"?><office:document {NS} office:mimetype="{MIME}">{META}{AUTO_STYLES}'
        f"{STYLES}<office:body><office:text>{body}</office:text></office:body></office:document>"
    ).encode()


def blocks(doc: Document) -> list[tuple]:
    return [(b.kind, doc.text[b.start : b.end], b.level, b.depth, b.marker) for b in doc.blocks]


EXPECTED = [
    ("heading", "Ferry timetable", 1, None, None),
    ("paragraph", "The ferry leaves the north pier at seven.[1] It returns at noon.", None, None, None),
    ("heading", "Stops", 2, None, None),
    ("list_item", "North pier", None, 1, "1."),
    ("list_item", "Ticket office", None, 2, "a)"),
    ("list_item", "Open at six", None, 3, "•"),
    ("list_item", "Cafe", None, 2, "b)"),
    ("list_item", "Island quay", None, 1, "2."),
    ("list_item", "Bring a coat.", None, 1, "•"),
    ("table", "Stop | Time\nNorth pier | 07:00", None, None, None),
    ("paragraph", "Line one\ncol\ttwo   three", None, None, None),
    ("paragraph", "Timetable online for changes.", None, None, None),
    ("image", "Harbour map", None, None, None),
    ("list_item", "Except on public holidays.", None, 1, "[1]"),
]


@pytest.mark.parametrize("name, data", [("ferry.odt", odt()), ("ferry.fodt", flat())])
def test_structure_lists_tables_spacing_and_notes(name: str, data: bytes):
    doc = document_from_bytes(name, data)
    assert doc.format == "odt"
    assert blocks(doc) == EXPECTED
    assert [b.header for b in doc.blocks if b.kind == "table"] == [1]
    assert "RUNNING HEADER" not in doc.text and "footer" not in doc.text and "........" not in doc.text


def test_metadata_from_meta_xml():
    doc = document_from_bytes("ferry.odt", odt())
    assert doc.metadata == {"title": "Island ferry", "author": "Ines Rowe", "date": "2024-03-05", "language": "en-GB"}


def test_note_mark_links_to_its_note_and_links_and_emphasis_land_on_their_words():
    doc = document_from_bytes("ferry.odt", odt())
    spans = {doc.text[k.start : k.end]: k.url for k in doc.links}
    assert spans == {"[1]": "#ftn1", "Timetable online": "https://example.org/ferry"}
    assert doc.text[doc.anchors["ftn1"] :].startswith("Except on public holidays.")
    assert [(doc.text[e.start : e.end], e.kind) for e in doc.emphasis] == [("north pier", "bold")]


def test_title_from_the_first_heading_and_a_title_paragraph_sets_headings_one_deeper():
    body = '<text:p text:style-name="P9">Harbour report</text:p><text:h text:outline-level="1">Ships</text:h>'
    doc = document_from_bytes("r.odt", odt(body, meta="<office:meta/>"))
    assert blocks(doc) == [("heading", "Harbour report", 1, None, None), ("heading", "Ships", 2, None, None)]
    assert doc.metadata == {"title": "Harbour report"}


def test_a_list_continues_its_numbering_when_it_says_so():
    item = "<text:list-item><text:p>{}</text:p></text:list-item>"
    body = (
        f'<text:list text:style-name="L1">{item.format("one")}{item.format("two")}</text:list><text:p>Between.</text:p>'
        f'<text:list text:style-name="L1" text:continue-numbering="true">{item.format("three")}</text:list>'
        f'<text:list text:style-name="L1">{item.format("again")}</text:list>'
    )
    doc = document_from_bytes("l.odt", odt(body))
    assert [b.marker for b in doc.blocks if b.kind == "list_item"] == ["1.", "2.", "3.", "1."]


def test_prose_only_in_sentences_and_the_contract_holds():
    a = analyze(document_from_bytes("ferry.odt", odt()))
    texts = [a.sentence_text(i) for i in range(len(a.sentences))]
    assert "The ferry leaves the north pier at seven.[1]" in texts[0]
    assert not any("07:00" in t or "Harbour map" in t for t in texts)
    check_contract(json.loads(json.dumps(a.to_json())))


def test_detected_by_the_zip_mimetype_and_the_flat_document_element():
    assert detect_format("-", odt()) == "odt"
    assert detect_format("-", flat()) == "odt"
    assert detect_format("notes.txt", flat()) != "odt"


@pytest.mark.parametrize(
    "data, reason",
    [
        (odt()[:300], "corrupt or truncated"),
        (b"PK\x03\x04" + b"\x00" * 40, "corrupt or truncated"),
        (flat()[:200], "not XML"),
        (flat().replace(b"office:text>", b"office:spreadsheet>"), "no text body"),
    ],
)
def test_bad_documents_are_one_error(data: bytes, reason: str):
    with pytest.raises(LoadError, match="not a readable OpenDocument text") as found:
        document_from_bytes("x.odt", data)
    assert reason in str(found.value)


def test_deeply_nested_spans_are_one_error_or_read_never_a_crash():
    body = "<text:p>" + "<text:span>" * 3000 + "deep" + "</text:span>" * 3000 + "</text:p>"
    try:
        doc = document_from_bytes("deep.odt", odt(body))
    except LoadError as exc:
        assert "not a readable OpenDocument text" in str(exc)
    else:
        assert "deep" in doc.text


def test_cli_says_one_line_for_a_broken_odt(tmp_path):
    path = tmp_path / "broken.odt"
    path.write_bytes(odt()[:500])
    env = {"NO_COLOR": "1", "PATH": "/usr/bin:/bin"}
    run = subprocess.run(
        [sys.executable, "-m", "reader", "analyze", str(path)], capture_output=True, cwd=REPO, env=env, timeout=120
    )
    assert run.returncode == 1
    lines = run.stderr.decode().strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith(f"reader: {path}: not a readable OpenDocument text (")


def test_preformatted_paragraphs_are_one_code_block_and_monospace_spans_are_code():
    auto = """<office:automatic-styles>
      <style:style style:name="P1" style:family="paragraph" style:parent-style-name="Preformatted_20_Text"/>
      <style:style style:name="T2" style:family="text"><style:text-properties style:font-name="Liberation Mono"/>
      </style:style></office:automatic-styles>"""
    body = (
        '<text:p>Run <text:span text:style-name="T2">tide --today</text:span> first.</text:p>'
        '<text:p text:style-name="P1">def high(tides):</text:p>'
        '<text:p text:style-name="P1"><text:s text:c="4"/>return max(tides)</text:p>'
        "<text:p>It prints the highest tide.</text:p>"
    )
    doc = document_from_bytes("code.odt", odt(body, auto=auto))
    assert [(k, t) for k, t, *_ in blocks(doc)] == [
        ("paragraph", "Run tide --today first."),
        ("preformatted", "def high(tides):\n    return max(tides)"),
        ("paragraph", "It prints the highest tide."),
    ]
    assert [(doc.text[e.start : e.end], e.kind) for e in doc.emphasis] == [("tide --today", "code")]


TAGS = ["text:p", "text:h", "text:span", "text:list", "text:list-item", "text:list-header", "table:table"]
TAGS += ["table:table-header-rows", "table:table-row", "table:table-cell", "text:note", "text:note-body", "text:s"]
TAGS += ["text:a", "draw:frame", "draw:text-box", "text:section", "text:line-break", "text:tab"]
ATTRS = ['text:outline-level="{}"', 'text:c="{}"', 'text:style-name="L1"', 'table:number-columns-repeated="{}"']
TREE = st.recursive(
    st.text(alphabet="ab .", max_size=6),
    lambda inner: st.tuples(
        st.sampled_from(TAGS), st.sampled_from(["", *ATTRS]), st.integers(-2, 99), st.lists(inner, max_size=3)
    ),
    max_leaves=25,
)


def xml_of(node) -> str:
    if isinstance(node, str):
        return node
    tag, attr, number, children = node
    return f"<{tag} {attr.format(number)}>{''.join(xml_of(c) for c in children)}</{tag}>"


@settings(max_examples=150, deadline=None)
@given(st.lists(TREE, max_size=4))
def test_any_nesting_of_odf_elements_is_a_document_or_one_error(nodes: list):
    try:
        doc = document_from_bytes("fuzz.odt", odt("".join(xml_of(n) for n in nodes)))
    except LoadError as exc:
        assert "not a readable OpenDocument text" in str(exc)
    else:
        assert all(0 <= b.start < b.end <= len(doc.text) for b in doc.blocks)
        assert all(doc.text[k.start : k.end] for k in doc.links)
