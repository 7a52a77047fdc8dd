"""Documents as a reader meets them: a paragraph running over a page or a column of a PDF, page
numbers kept in a book's markup. Each document is built here, small, with the case it tests."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import format_fixtures as fx
import pytest

from reader.analysis import analyze
from reader.load import LoadError, document_from_bytes, load_all
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


def _zipped(members: dict[str, bytes]) -> bytes:
    """A zip archive holding ``members`` (an EPUB rebuilt after an edit)."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as z:
        for name, content in members.items():
            z.writestr(name, content)
    return out.getvalue()


def _epub_with_chapter(body: str) -> bytes:
    data = fx.epub_bytes(chapters=1)
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        members = {name: z.read(name) for name in z.namelist()}
    chapter = members["OEBPS/text/ch1.xhtml"].decode()
    start, end = chapter.index("<body>") + 6, chapter.index("</body>")
    members["OEBPS/text/ch1.xhtml"] = (chapter[:start] + body + chapter[end:]).encode()
    return _zipped(members)


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


def _srt(texts: list[str]) -> bytes:
    cues = [f"{i}\n00:00:{i:02},000 --> 00:00:{i:02},900\n{text}\n" for i, text in enumerate(texts, start=1)]
    return "\n".join(cues).encode()


def test_srt_cues_opening_with_speaker_labels_are_turns():
    texts = [
        "Ann: We should open the meeting.",
        "Ben: Agreed, the budget comes first.",
        "It is late again this year.",  # Ben goes on in the next cue
        "Ann: Then the budget it is.",
        "- Ben: And the bridge after that.",
    ]
    a = analysed("meeting.srt", _srt(texts))
    turns = [(b.speaker, a.text[b.start : b.end]) for b in a.document.blocks if b.kind == "turn"]
    assert turns == [
        ("Ann", "Ann: We should open the meeting."),
        ("Ben", "Ben: Agreed, the budget comes first. It is late again this year."),
        ("Ann", "Ann: Then the budget it is."),
        ("Ben", "Ben: And the bridge after that."),
    ]


def test_srt_with_a_label_once_is_not_a_transcript():
    texts = ["Note: the recording starts late.", "The council met on Tuesday.", "Maria Lopez spoke first."]
    a = analysed("talk.srt", _srt(texts))
    assert not any(b.kind == "turn" for b in a.document.blocks)
    assert "Note: the recording starts late." in a.text


def test_gzip_is_read_as_the_format_inside(tmp_path):
    import gzip

    text = "# Harbour notes\n\nThe ferry left at noon. The gulls followed it out of the bay.\n"
    (tmp_path / "notes.md.gz").write_bytes(gzip.compress(text.encode()))
    (tmp_path / "logs.tar.gz").write_bytes(gzip.compress(b"not a document"))
    docs = list(load_all([str(tmp_path)]))
    assert [Path(d.source).name for d in docs] == ["notes.md.gz"]
    doc = docs[0].document
    assert doc is not None and doc.format == "markdown" and doc.text.startswith("Harbour notes")
    two_members = gzip.compress(b"First part. ") + gzip.compress(b"Second part.\n")
    assert document_from_bytes("parts.txt.gz", two_members).text == "First part. Second part.\n"


def test_cut_gzip_and_plain_zip_are_one_clear_error_each(monkeypatch):
    import gzip

    data = gzip.compress(("The ferry left at noon. " * 2000).encode())
    with pytest.raises(LoadError, match="truncated gzip"):
        document_from_bytes("notes.txt.gz", data[: len(data) // 2])
    with pytest.raises(LoadError, match="corrupt gzip"):
        document_from_bytes("notes.txt.gz", data[:10] + b"\xff" * 40)
    monkeypatch.setenv("READER_MAX_MB", "0.01")
    with pytest.raises(LoadError, match="inflates past the"):
        document_from_bytes("notes.txt.gz", data)
    archive = io.BytesIO()
    with zipfile.ZipFile(archive, "w") as z:
        z.writestr("notes.txt", "The ferry left at noon.")
    with pytest.raises(LoadError, match="zip archive"):
        document_from_bytes("notes.zip", archive.getvalue())


def test_markdown_footnotes_and_strikethrough_are_not_shown_as_syntax():
    source = (
        "# Release notes\n\nVersion 2 adds a strict flag[^1] and drops ~~the old parser~~ nothing else.\n\n"
        "[^1]: The flag is off by default.\n"
    )
    a = analysed("notes.md", source.encode())
    assert "[^1]" not in a.text and "~~" not in a.text and "↩" not in a.text
    assert "a strict flag[1] and drops the old parser nothing else." in a.text
    assert paragraphs(a)[-1] == "The flag is off by default."
    assert any(link.url == "#fn1" and a.text[link.start : link.end] == "[1]" for link in a.document.links)


def test_html_contents_box_and_edit_links_are_not_text():
    paras = "".join(f"<p>{fx.prose(i)} The ferry ran every hour in season {i}.</p>" for i in range(6))
    page = (
        '<!DOCTYPE html><html lang="en"><head><title>Harbour - Wiki</title></head><body>'
        '<a class="mw-jump-link" href="#content">Jump to content</a>'
        '<div role="navigation"><ul><li><a href="/">Main page</a></li><li>Random page</li></ul></div>'
        '<main id="content"><h1>Harbour</h1>'
        '<div id="toc" class="toc"><div class="toctitle"><h2>Contents</h2></div>'
        '<ul><li><a href="#History">1 History</a></li></ul></div>'
        '<h2><span class="mw-headline" id="History">History</span><span class="mw-editsection">'
        '<span class="mw-editsection-bracket">[</span><a href="/edit">edit</a>'
        f'<span class="mw-editsection-bracket">]</span></span></h2>{paras}</main></body></html>'
    )
    a = analysed("harbour.html", page.encode())
    headings = [a.text[b.start : b.end] for b in a.document.blocks if b.kind == "heading"]
    assert headings == ["Harbour", "History"]
    assert "[edit]" not in a.text and "Contents" not in a.text and "Jump to content" not in a.text
    assert "Main page" not in a.text


def test_pdf_placeholder_title_and_author_are_no_title():
    page = column(57, 780, [["The ferry left the harbour at noon.", "Nobody stayed on the pier."]])
    a = analysed("harbour-notes.pdf", pages_pdf([page]))  # ReportLab writes "untitled" and "anonymous"
    assert a.title == "harbour-notes" and a.document.metadata.get("author", "") == ""
    titled = fx.pdf_bytes(pages=1, title="Microsoft Word - harbour.docx")
    assert analysed("report.pdf", titled).title == "Chapter 1: Works on site 1"
    assert analysed("report.pdf", fx.pdf_bytes(pages=1, title="Harbour Report")).title == "Harbour Report"


def test_transcript_with_speaker_and_time_on_their_own_line():
    source = (
        "Ann Lee  0:00\nWe should open the meeting.\nThe budget comes first.\n\n"
        "Ben  0:12\nAgreed.\n\nAnn Lee  0:15\nThen the bridge.\n\nBen  1:02:03\nAnd the ferry after that.\n"
    )
    a = analysed("meeting.txt", source.encode())
    assert a.document.format == "transcript"
    turns = [(b.speaker, b.time, a.text[b.start : b.end]) for b in a.document.blocks if b.kind == "turn"]
    assert turns == [
        ("Ann Lee", "0:00", "Ann Lee: We should open the meeting. The budget comes first."),
        ("Ben", "0:12", "Ben: Agreed."),
        ("Ann Lee", "0:15", "Ann Lee: Then the bridge."),
        ("Ben", "1:02:03", "Ben: And the ferry after that."),
    ]
    names = {p.id: p.name for p in a.participants}
    assert [names[q.speaker] for q in a.quotes if q.speaker] == ["Ann Lee", "Ben", "Ann Lee", "Ben"]


def test_prose_with_a_time_at_a_line_end_is_not_a_transcript():
    source = "Opening times\n\nThe ferry leaves at 9:00\nand the bus at\nNoon 12:00\n\nTickets are sold on board.\n"
    assert analysed("times.txt", source.encode()).document.format == "text"


def test_pdf_slides_ending_in_short_unpunctuated_lines_stay_apart():
    slide1 = column(57, 780, [["Ferry timetable for the summer season"], ["Three boats a day", "Tickets on board"]])
    slide2 = column(
        57, 780, [["Harbour works begin in May"], ["The pier closes for a week", "Buses replace the boats"]]
    )
    paras = paragraphs(analysed("slides.pdf", pages_pdf([slide1, slide2])))
    assert not any("Tickets on board Harbour" in p for p in paras)
    assert any(p.startswith("Harbour works begin in May") for p in paras)


def test_html_byline_role_is_not_an_author():
    paras = "".join(f"<p>{fx.prose(i)} The ferry ran every hour in season {i}.</p>" for i in range(6))
    page = (
        "<!DOCTYPE html><html><head><title>Ferry fares rise</title></head><body><article>"
        '<h1>Ferry fares rise</h1><p class="byline">By Jane Smith, Business reporter</p>'
        f"{paras}</article></body></html>"
    )
    meta = analysed("fares.html", page.encode()).document.metadata
    assert meta.get("author") == "Jane Smith"


def _docx(items: list[tuple[str, str]]) -> bytes:
    """A DOCX of (style, text) paragraphs: "Title", "Heading 1", or "" for body text."""
    import docx

    d = docx.Document()
    for style, text in items:
        d.add_paragraph(text, style=style or None)
    out = io.BytesIO()
    d.save(out)
    return out.getvalue()


def outline(a: Analysis) -> list[tuple[str, int, str, int]]:
    counts = [sum(1 for s in a.sentences if s.section == i) for i in range(len(a.sections))]
    return [(s.title, s.level, s.kind, n) for s, n in zip(a.sections, counts)]


def test_docx_title_style_is_the_document_title_not_an_empty_section():
    items = [("Title", "Harbour Report"), ("Heading 1", "Ferries"), ("", f"{SENTENCE}."), ("Heading 2", "Fares")]
    a = analysed("harbour.docx", _docx([*items, ("", "Fares rose in May. Nobody complained.")]))
    assert a.title == "Harbour Report"
    assert outline(a) == [("Ferries", 1, "heading", 1), ("Fares", 2, "heading", 2)]
    # With an introduction under it the title heading holds text: a section as before.
    a = analysed("harbour.docx", _docx([items[0], ("", "An introduction to the harbour."), *items[1:3]]))
    assert [s.title for s in a.sections] == ["Harbour Report", "Ferries"]
    # Two top-level headings: the first, even empty, is a part of the document, kept.
    a = analysed("harbour.docx", _docx([("Heading 1", "Part A"), ("Heading 2", "Ferries"), ("", "Boats sail.")]))
    b = analysed("parts.docx", _docx([("Heading 1", "Part A"), ("Heading 1", "Part B"), ("", "Boats sail.")]))
    assert [s.title for s in a.sections] == ["Ferries"] and [s.title for s in b.sections] == ["Part A", "Part B"]


def _epub_with_title_page(page: str) -> bytes:
    """The fixture book (titled "The Bridge Book") with a title page file before its first chapter."""
    data = fx.epub_bytes(chapters=2)
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        members = {name: z.read(name) for name in z.namelist()}
    members["OEBPS/text/title.xhtml"] = fx._xhtml("Title", page).encode()
    opf = members["OEBPS/content.opf"].decode()
    opf = opf.replace(
        '<item id="ch1"', '<item id="tp" href="text/title.xhtml" media-type="application/xhtml+xml"/>\n<item id="ch1"'
    )
    members["OEBPS/content.opf"] = opf.replace(
        '<itemref idref="ch1"/>', '<itemref idref="tp"/><itemref idref="ch1"/>'
    ).encode()
    return _zipped(members)


def test_epub_title_page_is_front_matter_not_a_section():
    a = analysed(
        "book.epub", _epub_with_title_page("<h1>THE BRIDGE-BOOK</h1><p>or, The River.</p><p>By Maria Lopez</p>")
    )
    rows = outline(a)
    assert rows[0] == ("THE BRIDGE-BOOK", 1, "front", 0) and rows[1][:3] == ("Chapter 1", 1, "heading")
    assert not any("or, The River" in a.text[p.start : p.end] for p in a.paragraphs)
    # A first chapter under a heading that is not the book's title stays a section with its text.
    a = analysed("book.epub", _epub_with_title_page(f"<h1>Prologue</h1><p>{SENTENCE}.</p>"))
    assert outline(a)[0] == ("Prologue", 1, "heading", 1)


def test_pdf_clause_ending_in_a_semicolon_goes_on_over_the_page():
    # The page's last line is short and ends in ";": the sentence goes on in lower case overleaf.
    first = column(
        57, 780, [["Chapter one begins here.", "It was a quiet morning in the port."], [SENTENCE, "at ten;"]]
    )
    second = column(57, 780, [["the passengers believed him.", "Nobody stayed on the pier."]])
    paras = paragraphs(analysed("book.pdf", pages_pdf([first, second])))
    assert f"{SENTENCE} at ten; the passengers believed him. Nobody stayed on the pier." in paras
    # Items that each end in ";" and open with a mark stay apart, on one page and over two.
    items = ["The rules of the harbour are these:", "(a) no boat moors at the pier;", "(b) the ferry goes first;"]
    prose = [[SENTENCE, SENTENCE, "and that was all."]]
    pages = [column(57, 780, [*prose, *([i] for i in items)]), column(57, 780, [["(c) all pay."], *prose])]
    paras = paragraphs(analysed("rules.pdf", pages_pdf(pages)))
    assert paras[1:5] == [*items, "(c) all pay."]
