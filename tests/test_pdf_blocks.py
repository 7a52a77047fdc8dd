"""A PDF's lines set as written: a contents page with dotted leaders, code in a monospace font and
code in the body font, kept one line a line with their indentation; prose around them stays prose."""

from __future__ import annotations

import io

from test_formats import analysed, block_texts, sentence_texts

PROSE = (
    "The parser reads a schema and builds a tree of its definitions. Every definition has a name and "
    "a type, and a program looks them up by name. The tree is freed when the program closes it."
)
# (text, x, font): one line each, drawn 15 points apart; a None text leaves a blank line.
Body = list[tuple[str | None, float, str]]


def blocks_pdf(pages: list[Body], marks: dict[int, str] | None = None) -> bytes:
    """A page a body; ``marks`` gives a bookmark (an outline entry) to pages by index."""
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.utils import simpleSplit
    from reportlab.pdfgen.canvas import Canvas

    buffer = io.BytesIO()
    pdf = Canvas(buffer, pagesize=A4)
    width, height = A4
    for index, body in enumerate(pages):
        if marks and index in marks:
            pdf.bookmarkPage(f"p{index}")
            pdf.addOutlineEntry(marks[index], f"p{index}", level=0)
        y = height - 70
        for text, x, font in body:
            if text is None:
                y -= 15
                continue
            size = {"Times-Bold": 26, "Helvetica-Bold": 17, "Courier-Bold": 17}.get(font, 11)
            pdf.setFont(font, size)
            for line in simpleSplit(text, font, size, width - 120) if x == 60 else [text]:
                pdf.drawString(x, y, line)
                y -= size + 4
        pdf.showPage()
    pdf.save()
    return buffer.getvalue()


CONTENTS: Body = [
    ("Contents", 60, "Helvetica-Bold"),
    ("1 Introduction . . . . . . . . . . . . . . . . . . . . 2", 60, "Helvetica"),
    ("1.1 Schemas. . . . . . . . . . . . . . . . . . . . 2", 75, "Helvetica"),
    ("1.2 Trees . . . . . . . . . . . . . . . . . . . . . 2", 75, "Helvetica"),
    ("2 Reference . . . . . . . . . . . . . . . . . . . . . 3", 60, "Helvetica"),
]
CODE_IN_COURIER: Body = [
    ("A schema looks like this:", 60, "Helvetica"),
    ("Example ::= SEQUENCE {", 80, "Courier"),
    ("id INTEGER,", 100, "Courier"),
    ("name UTF8String", 100, "Courier"),
    ("}", 80, "Courier"),
    ("The parser checks every field of the sequence.", 60, "Helvetica"),
]
CODE_IN_BODY_FONT: Body = [
    ("The definitions follow this syntax:", 60, "Helvetica"),
    ("Group ::= SEQUENCE {", 80, "Helvetica"),
    ("value Value,", 100, "Helvetica"),
    ("flags BOOLEAN", 100, "Helvetica"),
    ("}", 80, "Helvetica"),
    (None, 0, ""),
    (PROSE, 60, "Helvetica"),
]


def test_a_contents_page_is_one_entry_a_line_with_its_leaders():
    a = analysed(
        "schema.pdf", blocks_pdf([[("Schema Library", 60, "Helvetica-Bold")], CONTENTS, [(PROSE, 60, "Helvetica")]])
    )
    contents = [b for b in block_texts(a, "preformatted") if "Introduction" in b]
    assert len(contents) == 1
    lines = contents[0].splitlines()
    assert [line.split(" .")[0] for line in lines] == [
        "1 Introduction",
        "    1.1 Schemas",
        "    1.2 Trees",
        "2 Reference",
    ]
    assert all(line.endswith(page) for line, page in zip(lines, "2223"))
    assert len({len(line) for line in lines}) == 1  # the leaders line the page numbers up
    said = " ".join(sentence_texts(a))
    assert "Introduction" not in said and "The tree is freed when the program closes it." in said


def test_code_in_a_monospace_font_keeps_its_lines_and_indentation():
    a = analysed("code.pdf", blocks_pdf([CODE_IN_COURIER + [(PROSE, 60, "Helvetica")]]))
    code = block_texts(a, "preformatted")
    assert code == ["Example ::= SEQUENCE {\n   id INTEGER,\n   name UTF8String\n}"]
    said = sentence_texts(a)
    assert "A schema looks like this:" in said and "The parser checks every field of the sequence." in said
    assert not any("SEQUENCE {" in s for s in said)


def test_code_in_the_body_font_is_known_by_its_shape():
    a = analysed("body.pdf", blocks_pdf([CODE_IN_BODY_FONT]))
    code = block_texts(a, "preformatted")
    assert len(code) == 1 and code[0].splitlines()[0] == "Group ::= SEQUENCE {"
    assert code[0].splitlines()[1].startswith(" ") and code[0].splitlines()[-1] == "}"
    assert "The definitions follow this syntax:" in sentence_texts(a)
    assert "Every definition has a name and a type, and a program looks them up by name." in sentence_texts(a)


def test_a_monospace_path_inside_a_sentence_and_a_list_of_items_stay_prose():
    body: Body = [
        ("When the defaults are used, the parser loads", 60, "Helvetica"),
        ("/usr/share/schemas/base.asn and /usr/local/share/schemas/base.asn", 60, "Courier"),
        ("in this order, the later one winning.", 60, "Helvetica"),
        ("The types it knows are:", 60, "Helvetica"),
        ("• INTEGER;", 70, "Courier"),
        ("• BOOLEAN;", 70, "Helvetica"),
        ("• SEQUENCE.", 70, "Helvetica"),
    ]
    a = analysed("prose.pdf", blocks_pdf([body + [(None, 0, ""), (PROSE, 60, "Helvetica")]]))
    assert block_texts(a, "preformatted") == []
    assert any("/usr/share/schemas/base.asn" in s and "later one winning" in s for s in sentence_texts(a))


def test_a_title_page_without_a_copyright_line_is_front_matter():
    title: Body = [
        ("Schema Database", 60, "Times-Bold"),
        (None, 0, ""),
        ("Schema Working Group (http://example.org)", 60, "Helvetica-Bold"),
        (None, 0, ""),
        ("Ada Example", 60, "Helvetica-Bold"),
        ("ada at example.org", 60, "Helvetica"),
    ]
    first: Body = [("1. Introduction", 60, "Helvetica-Bold"), (PROSE, 60, "Helvetica")]
    a = analysed("spec.pdf", blocks_pdf([title + [(None, 0, "")] + first], marks={0: "1. Introduction"}))
    assert a.title == "Schema Database"
    assert a.sections[0].kind == "front" and a.sections[1].title == "1. Introduction"
    said = " ".join(sentence_texts(a))
    assert "Ada Example" not in said and "Working Group" not in said
    assert "The tree is freed when the program closes it." in said


def test_a_document_all_in_a_monospace_font_is_read_as_prose():
    typescript: Body = [("A Letter", 60, "Courier-Bold"), (PROSE, 60, "Courier"), (None, 0, ""), (PROSE, 60, "Courier")]
    a = analysed("letter.pdf", blocks_pdf([typescript]))
    assert block_texts(a, "preformatted") == []
    assert "The tree is freed when the program closes it." in sentence_texts(a)


def test_one_line_of_clear_code_in_the_body_font_is_code_and_prose_with_colons_stays_prose():
    body: Body = [
        ("Build the program with this command:", 60, "Helvetica"),
        ("$ cargo build --release", 60, "Helvetica"),
        ("Every source file starts with the header of the library:", 60, "Helvetica"),
        ("#include <stdio.h>", 60, "Helvetica"),
        ("Then the program reads the value of the element:", 60, "Helvetica"),
        ('rc = read value(root, "Group.value", buffer);', 60, "Helvetica"),
        ("The call returns (as the others do) a code: zero on success.", 60, "Helvetica"),
        ("Note: the buffer (see above) must be large enough;", 60, "Helvetica"),
        ("Options (flags) are read first.", 60, "Helvetica"),
    ]
    a = analysed("one.pdf", blocks_pdf([body + [(None, 0, ""), (PROSE, 60, "Helvetica")]]))
    assert block_texts(a, "preformatted") == [
        "$ cargo build --release",
        "#include <stdio.h>",
        'rc = read value(root, "Group.value", buffer);',
    ]
    said = " ".join(sentence_texts(a))
    assert "The call returns (as the others do) a code: zero on success." in said
    assert "Note: the buffer (see above) must be large enough;" in said and "Options (flags) are read first." in said
