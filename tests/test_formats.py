"""The format layer: each format's structure, metadata, detection, bad input and folders.

Every fixture is built in code (tests/format_fixtures.py): reportlab for PDFs, python-docx, zipfile.
"""

from __future__ import annotations

import io
import json
import subprocess
import sys
import zipfile

import format_fixtures as fx
import pytest
from conftest import REPO, SEED
from hypothesis import given, settings
from hypothesis import strategies as st
from test_contract import check_contract

from reader.analysis import analyze
from reader.formats import detect_format
from reader.load import LoadError, document_from_bytes, load_all
from reader.model import NON_PROSE, Analysis

LIMIT_MB = 64


def analysed(name: str, data: bytes | str, as_format: str | None = None) -> Analysis:
    raw = data.encode() if isinstance(data, str) else data
    return analyze(document_from_bytes(name, raw, as_format))


def block_texts(a: Analysis, kind: str) -> list[str]:
    return [a.text[b.start : b.end] for b in a.document.blocks if b.kind == kind]


def section_outline(a: Analysis) -> list[tuple[str, int]]:
    return [(s.title, s.level) for s in a.sections if s.kind == "heading"]


def sentence_texts(a: Analysis) -> list[str]:
    return [a.sentence_text(i) for i in range(len(a.sentences))]


def assert_contract(a: Analysis) -> None:
    check_contract(json.loads(json.dumps(a.to_json())))


def reader(*args: str, stdin: bytes | None = None) -> subprocess.CompletedProcess:
    env = {"NO_COLOR": "1", "PATH": "/usr/bin:/bin"}
    return subprocess.run(
        [sys.executable, "-m", "reader", *args], input=stdin, capture_output=True, cwd=REPO, env=env, timeout=120
    )


# --- detection -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "data", "expected"),
    [
        ("a.pdf", b"%PDF-1.7 whatever", "pdf"),
        ("-", fx.pdf_bytes(pages=1), "pdf"),
        ("-", fx.epub_bytes(chapters=1), "epub"),
        ("book.zip", fx.epub_bytes(chapters=1), "epub"),
        ("-", fx.docx_bytes(paragraphs=1), "docx"),
        ("-", fx.html_page(2).encode(), "html"),
        ("page.htm", b"no tags at all", "html"),
        ("-", b"<!-- saved page -->\n<!DOCTYPE html><html><body><p>x</p></body></html>", "html"),
        (
            "-",
            b"Ann: I wrote the first part\nof the plan.\n\nBob: And I the second\npart of it.\n\n"
            b"Ann: Good.\n\nBob: Yes.\n",
            "transcript",
        ),
        ("-", fx.SRT.encode(), "subtitles"),
        ("-", fx.VTT.encode(), "subtitles"),
        ("-", fx.TRANSCRIPT.encode(), "transcript"),
        ("meeting.txt", fx.TRANSCRIPT.encode(), "transcript"),
        ("-", fx.MARKDOWN.encode(), "markdown"),
        ("notes.txt", b"# not a heading in a text file\n\nJust text.", "text"),
        ("x.conllu", b"# newdoc id = a\n# newpar\n# sent_id = 1\n1\tHi\thi\tINTJ\n", "text"),
        ("notes.txt", b"<html><body>kept as text</body></html>", "text"),
        ("-", b"Plain words. Nothing else.", "text"),
    ],
)
def test_detection_by_suffix_then_content(name, data, expected):
    assert detect_format(name, data) == expected


def test_seed_and_news_text_stay_plain_text(seed_text):
    assert detect_format("seed.txt", seed_text.encode()) == "text"
    assert document_from_bytes("seed.txt", seed_text.encode()).blocks == ()


def test_as_overrides_detection():
    doc = document_from_bytes("notes.txt", b"# Title\n\nSome words here.", "markdown")
    assert doc.format == "markdown" and [b.kind for b in doc.blocks] == ["heading", "paragraph"]
    out = reader("outline", "--as", "markdown", "-", stdin=b"# Big title\n\n## Part\n\nWords in a part.")
    assert out.returncode == 0, out.stderr
    assert out.stdout.decode().splitlines()[0] == "# Big title"
    assert reader("outline", "--as", "nonsense", "-", stdin=b"x").returncode == 2


# --- HTML ------------------------------------------------------------------------------------


def test_html_keeps_the_article_and_drops_the_page_around_it():
    a = analysed("page.html", fx.html_page(10))
    text = a.text
    for boilerplate in ("Home", "cookies", "Copyright", "tracker", "font-family", "DOCTYPE", "&ldquo;"):
        assert boilerplate not in text
    assert "“We will see,” he said." in text
    assert a.title == "The bridge will open in May"
    assert section_outline(a) == [("Part 1", 1), ("Part 2", 1)]  # the title heads the document, not a section
    assert block_texts(a, "block_quote") == ["It is the longest bridge in the region."]
    assert block_texts(a, "table") == ["Year | Cost\n2024 | 5"]
    assert any("timeline = [2024, 2025]" in t for t in block_texts(a, "preformatted"))
    meta = a.document.metadata
    assert meta["author"] == "Maria Lopez" and meta["date"] == "2020-09-24"
    assert meta["language"] == "en" and meta["url"] == "https://example.org/bridge"
    assert not any("timeline" in s or "2024 | 5" in s for s in sentence_texts(a))
    assert "Georgia" not in {p.name for p in a.participants}
    assert_contract(a)


def test_html_without_main_content_falls_back_to_the_page_text():
    page = "<html><head><script>x()</script></head><body><nav>Menu</nav><div>Short note.</div></body></html>"
    a = analysed("tiny.html", page)
    assert "Short note." in a.text and "Menu" not in a.text and "x()" not in a.text


def test_html_title_heading_stays_when_the_extractor_lifts_it_into_metadata():
    page = (
        '<html><head><title>Paragraphs</title></head><body><div id="wrapper"><h1>The first level heading</h1>'
        "<p>This is the first paragraph and that is fine.</p>"
        "<p>This text is here to fill the empty space in the heart of the file. Files have feelings too.</p>"
        "</div></body></html>"
    )
    a = analysed("p.html", page)
    assert a.text.startswith("The first level heading\n\n")
    assert section_outline(a) == [("The first level heading", 1)]


def test_html_with_no_text_is_one_error():
    with pytest.raises(LoadError, match="HTML page has no text"):
        document_from_bytes("empty.html", b"<html><head><style>p{}</style></head><body> </body></html>")


# --- Markdown --------------------------------------------------------------------------------


def test_markdown_structure_links_badges_and_code():
    a = analysed("README.md", fx.MARKDOWN)
    assert a.title == "Rich notes" and a.document.metadata["author"] == "Will"
    assert section_outline(a) == [("Rich", 1), ("Compatibility", 2)]
    sentences = sentence_texts(a)
    assert sentences[0].startswith("Rich is a Python library for rich text and beautiful formatting")
    assert not any("pypi" in s.lower() or ">>>" in s or "screenshot" in s for s in sentences)
    assert block_texts(a, "image")[0] == "PyPI Tests"
    assert block_texts(a, "preformatted") == [">>> from rich import pretty\n>>> pretty.install()"]
    assert block_texts(a, "list_item") == ["Tables with unicode boxes.", "Progress bars for long tasks."]
    links = {a.text[k.start : k.end]: k.url for k in a.document.links}
    assert links["beautiful formatting"] == "https://rich.readthedocs.io"
    assert all(">>>" not in a.text[q.start : q.end] for q in a.quotes)
    assert_contract(a)


def test_markdown_title_is_the_first_level_one_heading_without_front_matter():
    a = analysed("x.md", "Intro line.\n\nThe Title\n=========\n\n## Part\n\nText here.\n\n    indented code\n")
    assert a.title == "The Title" and block_texts(a, "preformatted") == ["indented code"]


@settings(max_examples=30, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            [
                "# Head",
                "## Sub",
                "Maria Lopez said “yes” in Paris.",
                "- item one",
                "> quoted words",
                "```\ncode()\n```",
                "| a | b |\n|---|---|\n| 1 | 2 |",
                "![img](x.png)",
                "[link](http://x.y) text.",
                "",
                "Text: more text.",
            ]
        ),
        max_size=10,
    )
)
def test_any_markdown_meets_the_contract(parts):
    assert_contract(analysed("g.md", "\n\n".join(parts)))


# --- EPUB ------------------------------------------------------------------------------------


@pytest.mark.parametrize("version", [2, 3])
def test_epub_chapters_in_spine_order_with_contents_nesting(version):
    a = analysed("book.epub", fx.epub_bytes(chapters=3, version=version))
    assert a.document.format == "epub" and a.title == "The Bridge Book"
    assert a.document.metadata == {
        "title": "The Bridge Book",
        "author": "Maria Lopez",
        "language": "en",
        "date": "2020-09-24",
    }
    expected = []
    for c in range(1, 4):
        expected += [(f"Chapter {c}", 1), (f"Section {c}.1", 2)]
    assert section_outline(a) == expected, "chapter 1 has no heading: the contents title it"
    assert "Contents" not in a.text, "the nav document is not a chapter"
    assert block_texts(a, "preformatted")[0] == "x = 1\ny = 2"
    assert_contract(a)


def test_epub_contents_anchor_inside_a_heading_sets_its_level():
    data = fx.epub_bytes(chapters=2)
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        members = {name: z.read(name) for name in z.namelist()}
    chapter = members["OEBPS/text/ch2.xhtml"].decode()
    members["OEBPS/text/ch2.xhtml"] = (
        chapter.replace('<h2 id="s2">', '<h4><a id="s2"></a>').replace("Section 2.1</h2>", "Section 2.1</h4>").encode()
    )
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as z:
        for name, body in members.items():
            z.writestr(name, body)
    a = analysed("book.epub", out.getvalue())
    assert ("Section 2.1", 2) in section_outline(a)


def test_epub_without_opf_is_one_error():
    data = fx.epub_bytes(opf=False)
    with pytest.raises(LoadError, match="no package document"):
        document_from_bytes("book.epub", data)


def test_truncated_epub_is_one_error():
    with pytest.raises(LoadError, match="corrupt or truncated EPUB"):
        document_from_bytes("book.epub", fx.epub_bytes()[:1000])


def test_zip_bomb_stops_at_the_size_limit(monkeypatch):
    monkeypatch.setenv("READER_MAX_MB", "1")
    with pytest.raises(LoadError, match="inflates past the 1 MB limit"):
        document_from_bytes("bomb.epub", fx.zip_bomb(2 * 2**20))


# --- PDF -------------------------------------------------------------------------------------


def test_pdf_outline_furniture_and_hyphens():
    a = analysed("report.pdf", fx.pdf_bytes(pages=3))
    assert a.title == "Bridge Report" and a.document.metadata["author"] == "Maria Lopez"
    assert section_outline(a) == [(f"Chapter {p}: Works on site {p}", 1) for p in (1, 2, 3)]
    assert "City Council Annual Report" not in a.text, "running header dropped"
    assert not any(line.strip().isdigit() for line in a.text.splitlines()), "page numbers dropped"
    assert "foundations of the north pier" in a.text and "founda-" not in a.text
    first = a.text[a.paragraphs[0].start : a.paragraphs[0].end]
    assert first.startswith("The council met") and first.endswith("district 2."), "lines joined into a paragraph"
    assert_contract(a)


def test_pdf_paragraphs_break_at_vertical_gaps():
    texts = ["Budget items", fx.prose(1), "Open questions for the council", fx.prose(2)]
    a = analysed("gaps.pdf", fx.paragraphs_pdf(texts))
    paragraphs = [a.text[p.start : p.end] for p in a.paragraphs]
    assert paragraphs[0] == "Budget items" and paragraphs[2] == "Open questions for the council"


def test_pdf_without_outline_takes_headings_from_font_size():
    a = analysed("plain.pdf", fx.pdf_bytes(pages=2, outline=False))
    assert section_outline(a) == [("Chapter 1: Works on site 1", 1), ("Chapter 2: Works on site 2", 1)]


def test_pdf_of_one_font_size_gets_topical_sections():
    a = analysed("flat.pdf", fx.paragraphs_pdf([fx.prose(i) for i in range(8)], gap=10.0))
    assert a.sections and all(s.kind == "topic" for s in a.sections)


def test_encrypted_and_textless_pdfs_are_one_error_each():
    with pytest.raises(LoadError, match="encrypted PDF"):
        document_from_bytes("secret.pdf", fx.encrypted_pdf())
    with pytest.raises(LoadError, match="no text layer"):
        document_from_bytes("scan.pdf", fx.blank_pdf())
    with pytest.raises(LoadError, match="not a readable PDF"):
        document_from_bytes("cut.pdf", fx.pdf_bytes(pages=1)[:200])


# --- DOCX ------------------------------------------------------------------------------------


def test_docx_styles_lists_tables_and_no_header_or_footer():
    a = analysed("report.docx", fx.docx_bytes(paragraphs=6))
    assert a.title == "Bridge Report" and a.document.metadata["author"] == "Maria Lopez"
    assert section_outline(a) == [("Part 1", 1), ("Details 1", 2)]  # the Title style is the title, not a section
    assert block_texts(a, "list_item") == ["First point of the plan.", "Second point of the plan."]
    assert block_texts(a, "table") == ["Item | Cost\nSteel | 4,000"]
    assert "CONFIDENTIAL" not in a.text and "footer" not in a.text
    assert_contract(a)


def test_docx_content_controls_are_read_and_a_generated_contents_is_not():
    import docx
    from docx.oxml.ns import qn
    from docx.oxml.parser import OxmlElement

    d = docx.Document()
    d.add_heading("Plan", level=1)
    d.add_paragraph("Plan 1", style=d.styles.add_style("TOC 1", 1))
    d.add_paragraph("Words inside a content control stay in the body.")
    body = d.element.body
    last = body[-2]  # the paragraph just added (the section properties come last)
    sdt, content = OxmlElement("w:sdt"), OxmlElement("w:sdtContent")
    body.remove(last)
    content.append(last)
    sdt.append(content)
    body.insert(len(body) - 1, sdt)
    assert sdt.tag == qn("w:sdt")
    out = io.BytesIO()
    d.save(out)
    a = analysed("c.docx", out.getvalue())
    assert "Words inside a content control" in a.text and "Plan 1" not in a.text


def test_docx_without_document_xml_is_one_error(tmp_path):
    path = tmp_path / "x.docx"
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("[Content_Types].xml", "<Types/>")
    with pytest.raises(LoadError, match=r"no word/document.xml"):
        document_from_bytes("x.docx", path.read_bytes())


# --- transcripts and subtitles ---------------------------------------------------------------


def test_transcript_speakers_are_participants_and_turns_are_quotes():
    a = analysed("meeting.txt", fx.TRANSCRIPT)
    assert a.document.format == "transcript" and a.title == "Design meeting"
    people = {p.name: p for p in a.participants}
    assert {"Project Manager", "Marketing", "Industrial Designer"} <= set(people)
    assert people["Project Manager"].role == "Project Manager" and people["Project Manager"].kind == "person"
    turns = [q for q in a.quotes if q.kind == "turn"]
    assert len(turns) == 6
    first = turns[0]
    assert first.speaker == people["Project Manager"].id
    assert a.text[first.start : first.end].startswith("Okay, good morning everyone.")
    assert not any(s.startswith("Project Manager:") for s in sentence_texts(a)), "labels are not sentence text"
    assert_contract(a)


def test_role_labels_keep_the_role():
    doc = "Grad C: We ran it.\nProfessor B: Good.\nGrad C: And then more.\nProfessor B: Fine.\n"
    a = analysed("m.txt", doc)
    roles = {p.name: p.role for p in a.participants}
    assert roles["Grad C"] == "Grad" and roles["Professor B"] == "Professor"


def test_transcript_times_beside_labels_stay_out_of_the_words():
    doc = (
        "Standup\n\n[00:00:05] Ann Lee: We shipped the parser.\n[00:00:09] Bob: Good, any bugs?\n"
        "[00:00:12] Ann Lee: Two, both fixed.\nBob (00:00:15): Then we are done.\n"
    )
    a = analysed("standup.txt", doc)
    assert a.document.format == "transcript"
    names = {p.id: p.name for p in a.participants}
    said = [(names[q.speaker or ""], a.text[q.start : q.end]) for q in a.quotes]
    assert said[-1] == ("Bob", "Then we are done.") and said[0] == ("Ann Lee", "We shipped the parser.")
    assert [b.time for b in a.document.blocks if b.kind == "turn"] == ["00:00:05", "00:00:09", "00:00:12", "00:00:15"]


def test_prose_with_a_few_labels_is_not_a_transcript(seed_text):
    letter = "Note: the office is closed.\n\nDear Ann,\n\nWe met on Monday. Note: bring the keys.\n\nBest, Bob\n"
    assert detect_format("letter.txt", letter.encode()) == "text"
    assert detect_format("seed.txt", seed_text.encode()) == "text"


def test_srt_cues_join_into_sentences_without_timings():
    a = analysed("film.srt", fx.SRT)
    assert "-->" not in a.text and "00:00" not in a.text and "<i>" not in a.text
    assert sentence_texts(a)[0] == "The bridge will open in May, said the city engineer on Tuesday."
    assert a.document.blocks[0].time == "00:00:01.000"
    assert_contract(a)


def test_vtt_voices_are_speakers():
    a = analysed("talk.vtt", fx.VTT)
    names = [a.text[b.start : b.end].split(":")[0] for b in a.document.blocks if b.kind == "turn"]
    assert names == ["Maria Lopez", "John Smith", "Maria Lopez"], "cues of one voice join"
    quotes = [(q.speaker, a.text[q.start : q.end]) for q in a.quotes]
    by_id = {p.id: p.name for p in a.participants}
    assert [(by_id[s], w) for s, w in quotes][0] == ("Maria Lopez", "The bridge will open in May. We are on time.")
    assert_contract(a)


# --- non-prose blocks, folders and the command line ------------------------------------------


def test_code_and_tables_hold_no_sentences_in_any_format():
    for name, data in [("p.html", fx.html_page(5)), ("r.md", fx.MARKDOWN), ("b.epub", fx.epub_bytes())]:
        a = analysed(name, data)
        closed = [(b.start, b.end) for b in a.document.blocks if b.kind in NON_PROSE]
        assert closed, name
        assert all(s.end <= x or s.start >= y for s in a.sentences for x, y in closed), name


def write_every_format(folder):
    (folder / "a.html").write_text(fx.html_page(3))
    (folder / "b.md").write_text(fx.MARKDOWN)
    (folder / "c.epub").write_bytes(fx.epub_bytes(chapters=1))
    (folder / "d.pdf").write_bytes(fx.pdf_bytes(pages=1))
    (folder / "e.docx").write_bytes(fx.docx_bytes(paragraphs=2))
    (folder / "f.srt").write_text(fx.SRT)
    (folder / "g.vtt").write_text(fx.VTT)
    (folder / "h.txt").write_text(fx.TRANSCRIPT)
    (folder / "i.png").write_bytes(b"\x89PNG")


def test_folder_takes_every_supported_format(tmp_path):
    write_every_format(tmp_path)
    loaded = list(load_all([str(tmp_path)]))
    assert [item.error for item in loaded] == [None] * 8
    formats = [item.document.format for item in loaded if item.document]
    assert formats == ["html", "markdown", "epub", "pdf", "docx", "subtitles", "subtitles", "transcript"]


def test_bad_documents_are_one_line_each_and_the_rest_come_out(tmp_path):
    write_every_format(tmp_path)
    (tmp_path / "x1.epub").write_bytes(fx.epub_bytes()[:900])
    (tmp_path / "x2.pdf").write_bytes(fx.encrypted_pdf())
    (tmp_path / "x3.docx").write_bytes(fx.zip_bomb(10))
    (tmp_path / "x4.html").write_text("<html><body></body></html>")
    (tmp_path / "x5.pdf").write_bytes(fx.blank_pdf())
    out = reader("outline", str(tmp_path))
    errors = out.stderr.decode().strip().splitlines()
    assert out.returncode == 1
    assert len(errors) == 5 and all(line.startswith(f"reader: {tmp_path}/x") for line in errors), errors
    assert "Traceback" not in out.stderr.decode()
    titles = [line for line in out.stdout.decode().splitlines() if line.startswith("# ")]
    assert len(titles) == 8


@pytest.mark.parametrize("command", ["summarize", "outline", "participants", "quotes", "analyze"])
def test_every_command_reads_every_format(tmp_path, command):
    write_every_format(tmp_path)
    out = reader(command, str(tmp_path))
    assert out.returncode == 0, out.stderr
    assert "Traceback" not in out.stderr.decode()


def test_plain_text_json_is_schema_2_with_no_blocks():
    out = reader("analyze", str(SEED), "--format", "json", "--no-summary")
    doc = json.loads(out.stdout)
    assert doc["schema"] == 2 and doc["format"] == "text" and doc["blocks"] == [] and doc["metadata"] == {}


def test_forcing_a_text_format_on_the_wrong_text_is_one_error():
    with pytest.raises(LoadError, match="no speaker turns"):
        document_from_bytes("x.txt", b"Just prose. Nothing else.", "transcript")
    with pytest.raises(LoadError, match="no subtitle cues"):
        document_from_bytes("x.txt", b"Just prose. Nothing else.", "subtitles")
    out = reader("outline", "--as", "pdf", str(SEED))
    assert out.returncode == 1 and out.stderr.decode().count("\n") == 1 and "not a readable PDF" in out.stderr.decode()


def test_format_libraries_are_imported_only_for_their_documents():
    probe = (
        "import sys\n"
        "from reader.load import load\n"
        "from reader.analysis import analyze\n"
        f"analyze(load({str(SEED)!r}))\n"
        "heavy = ['lxml', 'trafilatura', 'pypdfium2', 'markdown_it', 'reader.formats.html', 'textual']\n"
        "print([m for m in heavy if m in sys.modules])\n"
    )
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, timeout=120, cwd=REPO)
    assert out.stdout.strip() == "[]", out.stderr


def test_html_meta_charset_does_not_decode_the_page_twice():
    page = '<html><head><meta charset="windows-1252"></head><body><article><h1>Café naïve</h1>'
    page += "<p>The café opened on the corner with a “welcome” sign, and many people came on the first day.</p>"
    a = analysed("cafe.html", page + "</article></body></html>")
    assert a.title == "Café naïve" and "“welcome”" in a.text


FUZZ_SEEDS = [
    ("x.pdf", fx.pdf_bytes(pages=1)),
    ("x.epub", fx.epub_bytes(chapters=1)),
    ("x.docx", fx.docx_bytes(paragraphs=2)),
    ("x.html", fx.html_page(2).encode()),
    ("x.srt", fx.SRT.encode()),
    ("-", fx.TRANSCRIPT.encode()),
]


@settings(max_examples=60, deadline=None)
@given(st.sampled_from(FUZZ_SEEDS), st.integers(0, 10**6), st.integers(0, 10**6), st.binary(max_size=16))
def test_damaged_documents_are_an_error_or_a_document_never_a_crash(seed, a, b, junk):
    name, data = seed
    a, b = sorted((a % (len(data) + 1), b % (len(data) + 1)))
    try:
        doc = document_from_bytes(name, data[:a] + junk + data[b:])
    except LoadError as exc:
        assert "\n" not in str(exc)
        return
    assert_contract(analyze(doc))


def test_a_text_file_that_only_starts_with_webvtt_is_text():
    from reader.formats import detect_format

    assert detect_format("notes.txt", b"WEBVTT") == "text"
    assert detect_format("notes.txt", b"WEBVTTs are subtitles.\nThey have cues.") == "text"
    assert detect_format("notes.txt", fx.VTT.encode()) == "subtitles"
    assert analysed("notes.txt", "WEBVTT is a format for subtitles.").text.startswith("WEBVTT is")
