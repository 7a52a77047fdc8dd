"""A software manual as a PDF (Texinfo's layout): title page, licence grant and contents up front,
numbered headings under unnumbered bookmarks, a function reference, a licence appendix and an index."""

from __future__ import annotations

import io

from test_formats import analysed, assert_contract, block_texts, section_outline, sentence_texts

PROSE = (
    "The widget library reads configuration files and builds widgets from them. It keeps every widget "
    "in one registry, so a program can look them up by name. Widgets are freed when the registry closes."
)
LICENCE = (
    "Permission is granted to copy, distribute and/or modify this document under the terms of the GNU Free "
    "Documentation License, Version 1.3 or any later version published by the Free Software Foundation."
)


def manual_pdf() -> bytes:
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.utils import simpleSplit
    from reportlab.pdfgen.canvas import Canvas

    buffer = io.BytesIO()
    pdf = Canvas(buffer, pagesize=A4)  # no setTitle: ReportLab writes "untitled", a placeholder
    width, height = A4

    def lines(y: float, text: str, size: float = 11, font: str = "Helvetica") -> float:
        pdf.setFont(font, size)
        for line in simpleSplit(text, font, size, width - 120):
            pdf.drawString(60, y, line)
            y -= size + 4
        return y - 10

    def page(marks: list[tuple[str, int]], body: list[tuple[str, float, str]]) -> None:
        for n, (title, level) in enumerate(marks):
            key = f"{title}-{n}"
            pdf.bookmarkPage(key)
            pdf.addOutlineEntry(title, key, level=level)
        y = height - 70
        for text, size, font in body:
            y = lines(y, text, size, font)
        pdf.showPage()

    page([], [("Widget Library", 24, "Helvetica-Bold"), ("A library for widgets, version 2.1", 11, "Helvetica")])
    page([], [("Copyright (C) 2024 Free Software Foundation, Inc.", 11, "Helvetica"), (LICENCE, 11, "Helvetica")])
    page([], [("Table of Contents", 16, "Helvetica-Bold"), ("1 Introduction . . . . . . . . . . . 3", 11, "Helvetica")])
    page(
        [("Introduction", 0), ("Usage", 1)],
        [
            ("1 Introduction", 16, "Helvetica-Bold"),
            (PROSE, 11, "Helvetica"),
            ("1.1 Usage", 13, "Helvetica-Bold"),
            (PROSE.replace("configuration files", "settings"), 11, "Helvetica"),
            ("int widget_open (const char * name, unsigned int [Function]", 11, "Courier"),
            ("flags, int * handle)", 11, "Courier"),
            ("Opens the named widget and stores its handle. It returns zero on success.", 11, "Helvetica"),
        ],
    )
    page(
        [("Copying Information", 0), ("GNU Free Documentation License", 1), ("Concept Index", 0)],
        [
            ("Appendix A Copying Information", 16, "Helvetica-Bold"),
            ("A.1 GNU Free Documentation License", 13, "Helvetica-Bold"),
            ("The purpose of this License is to make a manual free in the sense of freedom.", 11, "Helvetica"),
            ("Concept Index", 16, "Helvetica-Bold"),
            ("registry . . . . . . . . . . . . 3", 11, "Helvetica"),
        ],
    )
    pdf.save()
    return buffer.getvalue()


def test_title_comes_from_the_title_page_when_the_metadata_has_none():
    a = analysed("widgets.pdf", manual_pdf())
    assert a.title == "Widget Library"
    assert a.document.metadata["title"] == "Widget Library"


def test_printed_numbers_match_unnumbered_bookmarks():
    a = analysed("widgets.pdf", manual_pdf())
    assert ("1 Introduction", 1) in section_outline(a) and ("1.1 Usage", 2) in section_outline(a)
    assert not any(p.startswith("1.1 Usage") for p in block_texts(a, "paragraph"))


def test_licence_contents_and_index_are_matter_not_summary():
    a = analysed("widgets.pdf", manual_pdf())
    kinds = {s.title: s.kind for s in a.sections}
    assert kinds["Appendix A Copying Information"] == "back"
    assert kinds["A.1 GNU Free Documentation License"] == "back"
    assert kinds["Concept Index"] == "back"
    assert a.sections[0].kind == "front"
    said = " ".join(sentence_texts(a))
    for matter in ("Permission is granted", "Copyright", "Table of Contents", "purpose of this License", "registry ."):
        assert matter not in said
    assert "Widgets are freed when the registry closes." in said
    assert a.summary.selected and all("Permission" not in a.sentence_text(i) for i in a.summary.selected)
    assert_contract(a)


def test_a_definition_line_is_one_signature_without_its_category():
    a = analysed("widgets.pdf", manual_pdf())
    assert "int widget_open (const char * name, unsigned int flags, int * handle)" in block_texts(a, "preformatted")
    assert "[Function]" not in a.text
    assert "Opens the named widget and stores its handle." in sentence_texts(a)


def test_a_symbol_fonts_glyph_codes_leave_no_control_characters_in_a_line():
    from reader.formats.pdf import line_text

    assert line_text("the ratio \x12 x over y \x13 grows") == "the ratio x over y grows"
    assert line_text("  water\x01 boils \x17 ") == "water boils"
