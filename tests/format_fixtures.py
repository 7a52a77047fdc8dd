"""Documents of every format, built in code: tests and scripts/bench_formats.py share them."""

from __future__ import annotations

import io
import zipfile

WORDS = (
    "The council met on Tuesday to discuss the new bridge over the river. Maria Lopez, the city engineer, "
    "said the work would start in spring. Residents asked about noise and traffic during the building work."
).split(". ")


def prose(i: int) -> str:
    """A paragraph of ordinary sentences, varied by ``i``."""
    return " ".join(f"{WORDS[(i + k) % len(WORDS)].rstrip('.')} in district {i % 17 + k}." for k in range(3))


def pdf_bytes(pages: int = 3, outline: bool = True, title: str = "Bridge Report", per_page: int = 4) -> bytes:
    """A PDF with a running header and footer, page numbers, a hyphenated line end and bookmarks."""
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.utils import simpleSplit
    from reportlab.pdfgen.canvas import Canvas

    buffer = io.BytesIO()
    pdf = Canvas(buffer, pagesize=A4)
    pdf.setTitle(title)
    pdf.setAuthor("Maria Lopez")
    width, height = A4
    left, text_width = 57.0, width - 114.0
    for page in range(pages):
        pdf.setFont("Helvetica", 8)
        pdf.drawCentredString(width / 2, height - 40, "City Council Annual Report")
        pdf.drawCentredString(width / 2, 30, str(page + 1))
        heading = f"Chapter {page + 1}: Works on site {page + 1}"
        if outline:
            pdf.bookmarkPage(f"p{page}")
            pdf.addOutlineEntry(heading, f"p{page}", level=0)
        pdf.setFont("Helvetica-Bold", 16)
        y = height - 75
        pdf.drawString(left, y, heading)
        y -= 28
        pdf.setFont("Helvetica", 11)
        pier = ("old", "north", "south", "east", "west")[page % 5]
        last = ["The engineers checked the founda-", f"tions of the {pier} pier before the winter."]
        for i in range(per_page):
            for line in simpleSplit(prose(page * per_page + i), "Helvetica", 11, text_width):
                pdf.drawString(left, y, line)
                y -= 15
            y -= 10
        for line in last:
            pdf.drawString(left, y, line)
            y -= 15
        pdf.showPage()
    pdf.save()
    return buffer.getvalue()


def paragraphs_pdf(texts: list[str], gap: float = 12.0) -> bytes:
    """One page of 11-point paragraphs, wrapped to the page, with ``gap`` points between them."""
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.utils import simpleSplit
    from reportlab.pdfgen.canvas import Canvas

    buffer = io.BytesIO()
    pdf = Canvas(buffer, pagesize=A4)
    pdf.setFont("Helvetica", 11)
    y = A4[1] - 60
    for text in texts:
        for line in simpleSplit(text, "Helvetica", 11, A4[0] - 114):
            pdf.drawString(57, y, line)
            y -= 15
        y -= gap
    pdf.showPage()
    pdf.save()
    return buffer.getvalue()


def blank_pdf() -> bytes:
    from reportlab.pdfgen.canvas import Canvas

    buffer = io.BytesIO()
    pdf = Canvas(buffer)
    pdf.rect(60, 60, 140, 140)
    pdf.showPage()
    pdf.save()
    return buffer.getvalue()


def encrypted_pdf() -> bytes:
    from reportlab.pdfgen.canvas import Canvas

    buffer = io.BytesIO()
    pdf = Canvas(buffer, encrypt="secret")
    pdf.setFont("Helvetica", 11)
    pdf.drawString(60, 700, "Secret words.")
    pdf.showPage()
    pdf.save()
    return buffer.getvalue()


def docx_bytes(paragraphs: int = 6, title: str = "Bridge Report") -> bytes:
    """A DOCX with Title and Heading styles, a list, a table, a header and a footer."""
    import docx

    d = docx.Document()
    d.core_properties.title = title
    d.core_properties.author = "Maria Lopez"
    d.sections[0].header.paragraphs[0].text = "CONFIDENTIAL HEADER"
    d.sections[0].footer.paragraphs[0].text = "Page footer text"
    d.add_heading(title, level=0)
    for i in range(paragraphs):
        if i % 50 == 0:
            d.add_heading(f"Part {i // 50 + 1}", level=1)
        if i % 50 == 1:
            d.add_heading(f"Details {i // 50 + 1}", level=2)
        d.add_paragraph(prose(i))
    d.add_paragraph("First point of the plan.", style="List Bullet")
    d.add_paragraph("Second point of the plan.", style="List Bullet")
    table = d.add_table(rows=2, cols=2)
    for r, row in enumerate([("Item", "Cost"), ("Steel", "4,000")]):
        for c, value in enumerate(row):
            table.cell(r, c).text = value
    out = io.BytesIO()
    d.save(out)
    return out.getvalue()


def _xhtml(title: str, body: str) -> str:
    return (
        '<?xml version="1.0" encoding="utf-8"?>\n<html xmlns="http://www.w3.org/1999/xhtml" '
        f'xmlns:epub="http://www.idpf.org/2007/ops"><head><title>{title}</title></head><body>{body}</body></html>'
    )


def epub_bytes(
    chapters: int = 3, version: int = 3, paragraphs: int = 4, opf: bool = True, stored: bool = False
) -> bytes:
    """An EPUB (2 with an NCX, or 3 with a nav document) whose chapters have sections."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_STORED if stored else zipfile.ZIP_DEFLATED) as z:
        z.writestr(zipfile.ZipInfo("mimetype"), "application/epub+zip", zipfile.ZIP_STORED)
        z.writestr(
            "META-INF/container.xml",
            '<?xml version="1.0"?><container version="1.0" xmlns="urn:oasis:names:tc:opendocument:xmlns:container">'
            '<rootfiles><rootfile full-path="OEBPS/content.opf" media-type="application/oebps-package+xml"/>'
            "</rootfiles></container>",
        )
        items, spine, nav, ncx = [], [], [], []
        for c in range(1, chapters + 1):
            paras = "".join(f"<p>{prose(c * paragraphs + i)}</p>" for i in range(paragraphs))
            # Chapter 1 has no heading of its own: the contents name it.
            head = f"<h1>Chapter {c}</h1>" if c > 1 else ""
            body = f'{head}{paras}<h2 id="s{c}">Section {c}.1</h2><p>{prose(c)}</p><pre>x = {c}\ny = 2</pre>'
            z.writestr(f"OEBPS/text/ch{c}.xhtml", _xhtml(f"Chapter {c}", body))
            items.append(f'<item id="ch{c}" href="text/ch{c}.xhtml" media-type="application/xhtml+xml"/>')
            spine.append(f'<itemref idref="ch{c}"/>')
            nav.append(
                f'<li><a href="text/ch{c}.xhtml">Chapter {c}</a>'
                f'<ol><li><a href="text/ch{c}.xhtml#s{c}">Section {c}.1</a></li></ol></li>'
            )
            ncx.append(
                f'<navPoint id="n{c}"><navLabel><text>Chapter {c}</text></navLabel><content src="text/ch{c}.xhtml"/>'
                f'<navPoint id="n{c}s"><navLabel><text>Section {c}.1</text></navLabel>'
                f'<content src="text/ch{c}.xhtml#s{c}"/></navPoint></navPoint>'
            )
        if version == 3:
            nav_doc = f'<nav epub:type="toc"><h1>Contents</h1><ol>{"".join(nav)}</ol></nav>'
            z.writestr("OEBPS/nav.xhtml", _xhtml("Contents", nav_doc))
            items.append('<item id="nav" href="nav.xhtml" media-type="application/xhtml+xml" properties="nav"/>')
            spine.insert(0, '<itemref idref="nav"/>')
        else:
            z.writestr(
                "OEBPS/toc.ncx",
                '<?xml version="1.0"?><ncx xmlns="http://www.daisy.org/z3986/2005/ncx/" version="2005-1">'
                f"<navMap>{''.join(ncx)}</navMap></ncx>",
            )
            items.append('<item id="ncx" href="toc.ncx" media-type="application/x-dtbncx+xml"/>')
        if opf:
            z.writestr(
                "OEBPS/content.opf",
                f'<?xml version="1.0"?><package xmlns="http://www.idpf.org/2007/opf" version="{version}.0">'
                '<metadata xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:title>The Bridge Book</dc:title>'
                "<dc:creator>Maria Lopez</dc:creator><dc:language>en</dc:language><dc:date>2020-09-24</dc:date>"
                f'</metadata><manifest>{"".join(items)}</manifest><spine toc="ncx">{"".join(spine)}</spine></package>',
            )
    return out.getvalue()


def html_page(paragraphs: int = 10) -> str:
    """A news page with navigation, a cookie banner, comments and a footer around the article."""
    body = "".join(
        (f"<h2>Part {i // 5 + 1}</h2>" if i % 5 == 0 else "") + f"<p>{prose(i)} &ldquo;We will see,&rdquo; he said.</p>"
        for i in range(paragraphs)
    )
    return (
        '<!DOCTYPE html><html lang="en"><head><title>Bridge news &ndash; The Daily</title>'
        '<meta name="author" content="Maria Lopez"><meta property="article:published_time" content="2020-09-24">'
        '<link rel="canonical" href="https://example.org/bridge">'
        "<style>body { font-family: Georgia, serif }</style><script>var tracker = 1;</script></head><body>"
        '<nav><a href="/">Home</a> <a href="/news">News</a> <a href="/sport">Sport</a></nav>'
        '<div id="cookie">We use cookies to improve your experience. Accept cookies.</div>'
        f"<article><h1>The bridge will open in May</h1>{body}"
        "<blockquote><p>It is the longest bridge in the region.</p></blockquote>"
        "<pre>timeline = [2024, 2025]\nbudget = 12</pre>"
        "<table><tr><th>Year</th><th>Cost</th></tr><tr><td>2024</td><td>5</td></tr></table></article>"
        '<section class="comments"><h3>Comments</h3><p>First comment by a reader here.</p></section>'
        "<footer>Copyright 2024 The Daily. All rights reserved.</footer></body></html>"
    )


MARKDOWN = """---
title: Rich notes
author: Will
---
[![PyPI](https://img.shields.io/pypi/v/rich.svg)](https://pypi.org/project/rich/) [![Tests](https://x/b.svg)](https://x)

# Rich

Rich is a Python library for *rich* text and [beautiful formatting](https://rich.readthedocs.io) in the terminal.
The library was written by Will McGugan in Edinburgh.

## Compatibility

Rich works with Linux, macOS and Windows.

```python
>>> from rich import pretty
>>> pretty.install()
```

- Tables with unicode boxes.
- Progress bars for long tasks.

> "Rich makes the terminal pretty," said Will McGugan.

| Feature | Works |
|---------|-------|
| Tables  | yes   |

![screenshot](shot.png)
"""

TRANSCRIPT = """Design meeting

Project Manager: Okay, good morning everyone. Today we talk about the new remote control.
Marketing: Good morning. I looked at the market research from last week and the users want fancy designs.
Industrial Designer: I think we should use a rubber case, because it is cheaper and looks good.
Project Manager: That sounds fine to me. Let us decide on the colours next time.
Marketing: The users also want the remote to be easy to find.
Industrial Designer: Okay, I will make a few drawings.
"""

SRT = """1
00:00:01,000 --> 00:00:03,500
The bridge will open in May,

2
00:00:03,600 --> 00:00:06,000
said the <i>city engineer</i> on Tuesday.

3
00:00:07,000 --> 00:00:09,000
Residents asked about the noise.
"""

VTT = """WEBVTT

NOTE made for the tests

00:00:01.000 --> 00:00:03.000
<v Maria Lopez>The bridge will open in May.

00:00:03.500 --> 00:00:05.000
<v Maria Lopez>We are on time.

00:00:05.500 --> 00:00:08.000
<v John Smith>And the budget is fine?

00:00:08.500 --> 00:00:10.000
<v Maria Lopez>Yes, it is.
"""


def zip_bomb(size: int) -> bytes:
    """An EPUB whose one chapter inflates to ``size`` bytes of spaces."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr(zipfile.ZipInfo("mimetype"), "application/epub+zip", zipfile.ZIP_STORED)
        z.writestr(
            "META-INF/container.xml", '<container><rootfiles><rootfile full-path="c.opf"/></rootfiles></container>'
        )
        z.writestr(
            "c.opf",
            '<package><manifest><item id="a" href="a.xhtml" media-type="application/xhtml+xml"/></manifest>'
            '<spine><itemref idref="a"/></spine></package>',
        )
        z.writestr("a.xhtml", b"<html><body><p>" + b" " * size + b"</p></body></html>")
    return out.getvalue()
