"""Documents as a reader meets them: a paragraph running over a page or a column of a PDF, page
numbers kept in a book's markup. Each document is built here, small, with the case it tests."""

from __future__ import annotations

import io
import zipfile

import format_fixtures as fx

from reader.analysis import analyze
from reader.load import document_from_bytes
from reader.model import Analysis

SENTENCE = "The harbour master said the ferry would leave at noon whatever the weather"


def analysed(name: str, data: bytes) -> Analysis:
    return analyze(document_from_bytes(name, data))


def paragraphs(a: Analysis) -> list[str]:
    return [a.text[p.start : p.end] for p in a.paragraphs]


def pages_pdf(pages: list[list[tuple[float, float, str]]]) -> bytes:
    """Pages of 11-point lines, each placed at (x, y) in points, with a running header."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen.canvas import Canvas

    buffer = io.BytesIO()
    pdf = Canvas(buffer, pagesize=A4)
    for number, lines in enumerate(pages, start=1):
        pdf.setFont("Helvetica", 8)
        pdf.drawCentredString(A4[0] / 2, A4[1] - 30, "THE HARBOUR BOOK")
        pdf.drawCentredString(A4[0] / 2, 25, f"- {number} -")
        pdf.setFont("Helvetica", 11)
        for x, y, text in lines:
            pdf.drawString(x, y, text)
        pdf.showPage()
    pdf.save()
    return buffer.getvalue()


def column(x: float, top: float, paras: list[list[str]]) -> list[tuple[float, float, str]]:
    """Paragraphs of given lines set from ``top`` down, 14 points a line, 8 more between paragraphs."""
    out, y = [], top
    for lines in paras:
        for line in lines:
            out.append((x, y, line))
            y -= 14
        y -= 8
    return out


def test_pdf_sentence_cut_by_the_page_end_goes_on_with_the_next_page():
    first = column(57, 780, [["Chapter one begins here.", "It was a quiet morning in the port."], ["Then", SENTENCE]])
    second = column(57, 780, [["and the passengers believed him.", "Nobody stayed on the pier."]])
    a = analysed("book.pdf", pages_pdf([first, second]))
    paras = paragraphs(a)
    assert f"Then {SENTENCE} and the passengers believed him. Nobody stayed on the pier." in paras
    assert "THE HARBOUR BOOK" not in a.text and "- 2 -" not in a.text


def test_pdf_paragraph_that_ends_at_the_page_end_stays_apart():
    first = column(57, 780, [["A short first paragraph", "that ends on this page."]])
    second = column(57, 780, [["A second paragraph starts", "on the next page."]])
    paras = paragraphs(analysed("book.pdf", pages_pdf([first, second])))
    assert paras == ["A short first paragraph that ends on this page.", "A second paragraph starts on the next page."]


def test_pdf_two_columns_keep_their_paragraphs():
    a1, a2, b1, b2, b3 = (
        "The first column opens with",
        "its own paragraph here.",
        "A sentence cut by the",
        "column end on the left",
        "goes on in the right one",
    )
    left = column(57, 780, [[a1, a2], [b1, b2]])
    right = column(
        320, 780, [[b3, "and ends up there as well.", "Still one paragraph."], ["A new one in the", "second column."]]
    )
    page = column(57, 780, [["A second page with a line", "of text to end the book."]])
    paras = paragraphs(analysed("columns.pdf", pages_pdf([left + right, page])))
    assert paras[:3] == [
        f"{a1} {a2}",
        f"{b1} {b2} {b3} and ends up there as well. Still one paragraph.",
        "A new one in the second column.",
    ]


def test_pdf_lines_opening_with_quotes_or_low_marks_do_not_break_paragraphs():
    # The gap between lines is measured on the font's box, not the glyph's: a line opening with
    # “ or _ (whose ink sits high or low) is no further from its neighbours than any other.
    lines = ["“My boy,” said the landlord, “you’ll have the", "_nightmare_ to a dead certainty,” he", "“said” again."]
    filler = [["One more ordinary line of text here", "and one more again to make a page"]] * 2
    paras = paragraphs(analysed("quotes.pdf", pages_pdf([column(57, 780, [*filler, lines])])))
    assert paras[-1] == " ".join(lines)


def _epub_with_chapter(body: str) -> bytes:
    data = fx.epub_bytes(chapters=1)
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        members = {name: z.read(name) for name in z.namelist()}
    chapter = members["OEBPS/text/ch1.xhtml"].decode()
    start, end = chapter.index("<body>") + 6, chapter.index("</body>")
    members["OEBPS/text/ch1.xhtml"] = (chapter[:start] + body + chapter[end:]).encode()
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as z:
        for name, content in members.items():
            z.writestr(name, content)
    return out.getvalue()


def test_epub_page_numbers_of_the_printed_book_are_not_text():
    body = (
        "<h1>Chapter 1</h1><p>The ferry left the harbour at noon and the gulls followed it out.</p>"
        '<p class="pagenum">7</p>'
        '<p>The passengers stood at the rail<span class="pagenum"><a id="page_8">[Pg 8]</a></span> and watched'
        " the town grow small.</p>"
        '<div epub:type="pagebreak" id="p9" title="9">9</div>'
        '<p>Night fell before they reached the island.<span role="doc-pagebreak" id="p10">10</span></p>'
    )
    a = analysed("book.epub", _epub_with_chapter(body))
    assert paragraphs(a)[-3:] == [
        "The ferry left the harbour at noon and the gulls followed it out.",
        "The passengers stood at the rail and watched the town grow small.",
        "Night fell before they reached the island.",
    ]
    assert "Pg 8" not in a.text and "\n9\n" not in a.text
