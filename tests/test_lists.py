"""Lists as written: each list item's depth (1 = top level) and marker ("1.", "c.", "•", a footnote's "[1]"),
in Markdown, HTML, EPUB, DOCX and man pages; the block text stays without the marker."""

from __future__ import annotations

import io
import zipfile

import format_fixtures as fx
from hypothesis import given, settings
from hypothesis import strategies as st

from reader.load import document_from_bytes
from reader.model import Document

PROSE = "The bridge over the river opened in May after three years of careful building work by the town. " * 3


def items(doc: Document) -> list[tuple[str, int | None, str | None]]:
    return [(doc.text[b.start : b.end], b.depth, b.marker) for b in doc.blocks if b.kind == "list_item"]


def load(name: str, data: str | bytes) -> Document:
    return document_from_bytes(name, data.encode() if isinstance(data, str) else data)


# --- Markdown ---------------------------------------------------------------------------------


def test_markdown_ordered_list_keeps_its_numbers():
    doc = load("steps.md", "# Steps\n\n1. First do this.\n2. Then that.\n\n3) A third.\n4) A fourth.\n")
    assert items(doc) == [
        ("First do this.", 1, "1."),
        ("Then that.", 1, "2."),
        ("A third.", 1, "3)"),
        ("A fourth.", 1, "4)"),
    ]


def test_markdown_nested_lists_keep_their_depth():
    doc = load("n.md", "- top\n  - nested\n    1. deep\n    2. deeper still\n- back at the top\n")
    assert items(doc) == [
        ("top", 1, "•"),
        ("nested", 2, "•"),
        ("deep", 3, "1."),
        ("deeper still", 3, "2."),
        ("back at the top", 1, "•"),
    ]


def test_markdown_footnote_is_labelled_like_its_mark():
    doc = load("f.md", "Text with a note.[^a] And another.[^b]\n\n[^a]: The note text.\n[^b]: The second note.\n")
    assert items(doc) == [("The note text.", 1, "[1]"), ("The second note.", 1, "[2]")]
    assert "[1]" in doc.text.split("\n")[0] and "[2]" in doc.text.split("\n")[0]


def test_markdown_second_paragraph_of_an_item_has_no_second_number():
    doc = load("p.md", "1. First step.\n\n   More about the first step.\n2. Second step.\n")
    assert items(doc) == [("First step.", 1, "1."), ("More about the first step.", 1, None), ("Second step.", 1, "2.")]


def test_markdown_list_text_stays_without_marker():
    doc = load("t.md", "10. Ten.\n11. Eleven.\n")
    assert "10." not in doc.text and doc.text.startswith("Ten.")
    assert [m for _, _, m in items(doc)] == ["10.", "11."]


# --- HTML and EPUB ----------------------------------------------------------------------------


def page(body: str) -> str:
    head = "<html><head><title>Steps</title></head><body><main><h1>Steps</h1>"
    return f"{head}<p>{PROSE}</p>{body}<p>{PROSE}</p></main></body></html>"


def test_html_ol_start_and_type():
    body = (
        '<ol start="3"><li>Third step of the plan for the bridge.</li><li>Fourth step of the plan.</li></ol>'
        '<ol type="a"><li>First lettered item here.</li><li>Second lettered item here.</li></ol>'
        '<ol type="I" start="4"><li>Fourth roman item here.</li></ol>'
    )
    assert items(load("a.html", page(body))) == [
        ("Third step of the plan for the bridge.", 1, "3."),
        ("Fourth step of the plan.", 1, "4."),
        ("First lettered item here.", 1, "a."),
        ("Second lettered item here.", 1, "b."),
        ("Fourth roman item here.", 1, "IV."),
    ]


def test_html_nested_lists_and_value():
    body = (
        "<ul><li>Top item of the list<ul><li>Nested item of the list<ol><li>Deep item</li>"
        '<li value="7">Seventh item</li><li>Eighth item</li></ol></li></ul></li><li>Another top item</li></ul>'
    )
    assert items(load("n.html", page(body))) == [
        ("Top item of the list", 1, "•"),
        ("Nested item of the list", 2, "•"),
        ("Deep item", 3, "1."),
        ("Seventh item", 3, "7."),
        ("Eighth item", 3, "8."),
        ("Another top item", 1, "•"),
    ]


def test_html_unstyled_list_has_depth_but_no_marker():
    body = '<ul style="list-style: none"><li>A plain entry of a list</li><li>Another plain entry</li></ul>'
    assert items(load("u.html", page(body))) == [("A plain entry of a list", 1, None), ("Another plain entry", 1, None)]


def test_epub_chapter_lists_and_endnotes():
    chapter = (
        '<h1>Chapter 1</h1><p>The note is here.<a href="#n1">1</a></p>'
        '<ol start="2"><li>Second.</li><li>Third.</li></ol>'
        '<section role="doc-endnotes"><ol><li id="n1"><p>The note text.</p></li></ol></section>'
    )
    data = fx.epub_bytes(chapters=1)
    src = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as z:
        for info in src.infolist():
            body = src.read(info.filename)
            if info.filename.endswith("ch1.xhtml"):
                body = fx._xhtml("Chapter 1", chapter).encode()
            z.writestr(info, body)
    assert items(load("b.epub", out.getvalue())) == [
        ("Second.", 1, "2."),
        ("Third.", 1, "3."),
        ("The note text.", 1, "[1]"),
    ]


# --- every format: blocks tile the body, spans stay text[start:end] ------------------------------

_WORDS = st.text(alphabet="abcdefgh ", min_size=1, max_size=12).map(lambda s: s.strip() or "word")


@st.composite
def markdown_lists(draw: st.DrawFn) -> str:
    lines = []
    depth = 0
    for _ in range(draw(st.integers(1, 8))):
        depth = draw(st.integers(0, min(depth + 1, 3)))
        bullet = draw(st.sampled_from(["-", "*", "1.", "3)"]))
        lines.append("    " * depth + f"{bullet} {draw(_WORDS)}")
    if draw(st.booleans()):
        lines += ["", f"Text.[^n] {draw(_WORDS)}", "", f"[^n]: {draw(_WORDS)}"]
    return "\n".join(lines) + "\n"


@settings(max_examples=60, deadline=None)
@given(markdown_lists())
def test_list_blocks_tile_the_text(source: str):
    doc = load("h.md", source)
    pos = 0
    for b in doc.blocks:
        assert pos <= b.start < b.end <= len(doc.text)
        assert doc.text[b.start : b.end].strip() == doc.text[b.start : b.end]
        assert doc.text[pos : b.start].strip() == ""
        pos = b.end
        if b.kind == "list_item":
            assert b.depth is not None and 1 <= b.depth <= 4
            assert b.marker is None or not doc.text[b.start : b.end].startswith(b.marker)
    assert doc.text[pos:].strip() == ""


# --- DOCX -------------------------------------------------------------------------------------


def _numbered(paragraph, num_id: int, level: int) -> None:
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    number_props = OxmlElement("w:numPr")
    for tag, value in (("w:ilvl", level), ("w:numId", num_id)):
        el = OxmlElement(tag)
        el.set(qn("w:val"), str(value))
        number_props.append(el)
    paragraph._p.get_or_add_pPr().append(number_props)


def _abstract_list(document, formats: list[tuple[str, str]]) -> int:
    """A multi-level list in the numbering part (levels' numFmt and lvlText), returning its numId."""
    from docx.oxml import parse_xml

    part = document.part.numbering_part.element
    levels = "".join(
        f'<w:lvl w:ilvl="{i}"><w:start w:val="1"/><w:numFmt w:val="{fmt}"/><w:lvlText w:val="{text}"/></w:lvl>'
        for i, (fmt, text) in enumerate(formats)
    )
    ns = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
    part.insert(0, parse_xml(f'<w:abstractNum {ns} w:abstractNumId="90">{levels}</w:abstractNum>'))
    part.append(parse_xml(f'<w:num {ns} w:numId="90"><w:abstractNumId w:val="90"/></w:num>'))
    return 90


def test_docx_numbered_paragraphs():
    import docx

    d = docx.Document()
    d.add_heading("Bridge Report", level=1)
    d.add_paragraph("Open the gates.", style="List Number")
    d.add_paragraph("Close the gates.", style="List Number")
    d.add_paragraph("A bullet point.", style="List Bullet")
    num = _abstract_list(d, [("decimal", "%1."), ("lowerLetter", "%2)"), ("bullet", "\uf0b7")])
    for text, level in (("Top one", 0), ("Sub a", 1), ("Sub b", 1), ("Deep", 2), ("Top two", 0), ("Sub again", 1)):
        _numbered(d.add_paragraph(text), num, level)
    d.add_paragraph("A plain paragraph at the end of the report.")
    out = io.BytesIO()
    d.save(out)
    assert items(load("r.docx", out.getvalue())) == [
        ("Open the gates.", 1, "1."),
        ("Close the gates.", 1, "2."),
        ("A bullet point.", 1, "•"),
        ("Top one", 1, "1."),
        ("Sub a", 2, "a)"),
        ("Sub b", 2, "b)"),
        ("Deep", 3, "•"),
        ("Top two", 1, "2."),
        ("Sub again", 2, "a)"),
    ]


# --- man pages --------------------------------------------------------------------------------

MAN = r""".TH STEPS 1 2024
.SH NAME
steps \- do things in order
.SH DESCRIPTION
Follow these steps.
.IP 1. 4
Open the gate before the flock arrives.
.IP 2. 4
Close the gate behind the last sheep.
.IP \(bu 2
A bulleted remark about gates.
.RS 4
.IP (a) 4
An indented lettered item.
.RE
.TP
.B \-v
Say more.
"""


def test_man_ip_items_carry_their_number_or_bullet():
    found = items(load("steps.1", MAN))
    assert found[:4] == [
        ("Open the gate before the flock arrives.", 1, "1."),
        ("Close the gate behind the last sheep.", 1, "2."),
        ("A bulleted remark about gates.", 1, "•"),
        ("An indented lettered item.", 2, "(a)"),
    ]
    assert found[4:] == [("-v", 1, None), ("Say more.", 1, None)]  # a tag and its text: a depth, no marker


@st.composite
def html_lists(draw: st.DrawFn) -> tuple[str, list[int]]:
    """Nested <ul>/<ol> with the depth each item is written at."""
    depths: list[int] = []

    def items(depth: int) -> str:
        out = []
        for _ in range(draw(st.integers(1, 3))):
            depths.append(depth)
            inner = items(depth + 1) if depth < 3 and draw(st.booleans()) else ""
            out.append(f"<li>{draw(_WORDS)} item{inner}</li>")
        tag = draw(st.sampled_from(["ul", "ol"]))
        return f"<{tag}>{''.join(out)}</{tag}>"

    return page(items(1)), depths


@settings(max_examples=40, deadline=None)
@given(html_lists())
def test_html_list_depths_follow_the_nesting(page_and_depths: tuple[str, list[int]]):
    source, depths = page_and_depths
    doc = load("l.html", source)
    found = [b for b in doc.blocks if b.kind == "list_item"]
    assert [b.depth for b in found] == depths
    assert all(b.marker and not doc.text[b.start : b.end].startswith(b.marker) for b in found)
    assert all(doc.text[b.start : b.end].endswith("item") for b in found)


def test_html_bulleted_and_numbered_lists_alike_are_not_confused():
    body = "<ul><li>Same first item</li><li>Bullet</li></ul><ol><li>Same first item</li><li>Number</li></ol>"
    markers = [m for _, _, m in items(load("s.html", page(body)))]
    assert markers in (["•", "•", "•", "•"], ["•", "•", "1.", "2."])  # never a bullet list numbered


MDOC = r""".Dd March 1, 2024
.Dt STEPS 1
.Os
.Sh NAME
.Nm steps
.Nd do things in order
.Sh DESCRIPTION
Follow these steps.
.Bl -enum
.It
Open the gate.
.It
Close the gate.
.Bl -bullet
.It
A remark inside the second step.
.El
.El
.Bl -tag -width Ds
.It Fl v
Say more.
.El
"""


def test_mdoc_enum_and_bullet_lists():
    found = items(load("steps.1", MDOC))
    assert found[:3] == [
        ("Open the gate.", 1, "1."),
        ("Close the gate.", 1, "2."),
        ("A remark inside the second step.", 2, "•"),
    ]
    assert found[3][0] == "-v" and found[3][2] is None  # a tag list's tag, as before
