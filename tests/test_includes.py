"""Included files read into the document: LaTeX, RST, AsciiDoc and Org sources written to a temporary folder."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from reader.analysis import analyze
from reader.formats import includes
from reader.load import document_from_bytes, load
from reader.model import Document


def write(folder: Path, files: dict[str, str]) -> None:
    for name, text in files.items():
        path = folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")


def shown(doc: Document, kind: str | None = None) -> list[str]:
    return [doc.text[b.start : b.end] for b in doc.blocks if kind is None or b.kind == kind]


def spans_hold(doc: Document) -> None:
    """Every span of the document and its analysis is an index into the merged text."""
    text = doc.text
    assert all(0 <= b.start <= b.end <= len(text) for b in doc.blocks)
    analysis = analyze(doc)
    for sentence in analysis.sentences:
        assert text[sentence.start : sentence.end].strip() == text[sentence.start : sentence.end]
    for section in analysis.sections:
        assert 0 <= section.start <= section.end <= len(text)


THESIS = {
    "thesis.tex": (
        "\\documentclass{report}\n\\input{macros}\n\\begin{document}\n\\chapter{Opening}\nFirst words.\n"
        "\\include{chapters/tides}\n% \\input{chapters/old}\n\\input chapters/kelp\n"
        "\\begin{verbatim}\n\\input{shown-as-code}\n\\end{verbatim}\n\\subfile{chapters/shore}\n"
        "\\import{parts/}{birds}\n\\input{chapters/gone}\n\\end{document}\n"
    ),
    "macros.tex": "\\newcommand{\\site}{Skagen}\n",
    "chapters/tides.tex": "\\chapter{Tides}\nThe tides at \\site{} run high.\n\\input{chapters/moon}\n",
    "chapters/moon.tex": "The moon pulls the sea.\n",
    "chapters/kelp.tex": "\\section{Kelp}\nKelp grows in the cold.\n",
    "chapters/shore.tex": (
        "\\documentclass[../thesis.tex]{subfiles}\n\\begin{document}\n\\section{Shore}\nSand and stones.\n"
        "\\end{document}\n"
    ),
    "parts/birds.tex": "\\section{Birds}\nGulls nest here. \\input{wings}\n",
    "parts/wings.tex": "Their wings are wide.\n",
}


def test_latex_reads_the_chapters_a_thesis_includes(tmp_path: Path) -> None:
    write(tmp_path, THESIS)
    doc = load(str(tmp_path / "thesis.tex"))
    assert shown(doc, "heading") == ["1 Opening", "2 Tides", "2.1 Kelp", "2.2 Shore", "2.3 Birds"]
    paragraphs = shown(doc, "paragraph")
    assert "The tides at Skagen run high. The moon pulls the sea." in paragraphs
    assert "Gulls nest here. Their wings are wide." in paragraphs  # \import's folder holds wings.tex
    assert shown(doc, "preformatted") == ["\\input{shown-as-code}"]  # verbatim is never followed
    assert "chapters/old" not in doc.text and "chapters/gone: included file not found" in doc.notes
    assert not any("not followed" in note for note in doc.notes)
    spans_hold(doc)


def test_latex_without_a_file_leaves_includes_as_before(tmp_path: Path) -> None:
    write(tmp_path, THESIS)
    doc = document_from_bytes(str(tmp_path / "thesis.tex"), THESIS["thesis.tex"].encode())
    assert shown(doc, "heading") == ["1 Opening"]
    assert any("not followed" in note for note in doc.notes)


def test_include_loops_and_self_inclusion_end_with_the_text_kept(tmp_path: Path) -> None:
    write(
        tmp_path,
        {
            "a.tex": (
                "\\documentclass{article}\n\\begin{document}\nAlpha text.\n\\input{b}\n\\input{a}\n\\end{document}\n"
            ),
            "b.tex": "Beta text.\n\\input{a}\n\\input{b}\n",
        },
    )
    doc = load(str(tmp_path / "a.tex"))
    assert shown(doc, "paragraph") == ["Alpha text. Beta text."]
    assert any("loop" in note and note.startswith("a:") for note in doc.notes)
    assert any("loop" in note and note.startswith("b:") for note in doc.notes)


def test_include_depth_and_fan_out_are_bounded(tmp_path: Path) -> None:
    chain = {f"d{n}.tex": f"Level {n}.\n\\input{{d{n + 1}}}\n" for n in range(40)}
    # Each file includes the next ten times: 10**6 inclusions unless the file count stops it.
    fan = {f"f{n}.tex": f"Fan {n}.\n" + f"\\input{{f{n + 1}}}\n" * 10 for n in range(6)}
    top = "\\documentclass{article}\n\\begin{document}\n\\input{d0}\n\\input{f0}\n\\end{document}\n"
    write(tmp_path, {"top.tex": top, **chain, **fan, "f6.tex": "Leaf.\n"})
    doc = load(str(tmp_path / "top.tex"))
    assert f"Level {includes.MAX_DEPTH - 1}." in doc.text and "Level 30." not in doc.text
    assert any("deeper than" in note for note in doc.notes)
    assert doc.text.count("Leaf.") < includes.MAX_FILES
    assert any(f"more than {includes.MAX_FILES}" in note for note in doc.notes)


def test_size_limit_urls_devices_and_binary_files_are_not_read(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    write(
        tmp_path,
        {
            "main.tex": (
                "\\documentclass{article}\n\\begin{document}\nMain text.\n\\input{big}\n\\input{http://example.com/x}\n"
                "\\input{/dev/zero}\n\\input{data.bin}\n\\input{folder}\n\\end{document}\n"
            ),
            "big.tex": "Big words. " * 200_000,
            "folder/x.tex": "x",
        },
    )
    (tmp_path / "data.bin").write_bytes(b"\x00\x01\x02binary")
    os.mkfifo(tmp_path / "pipe.tex")  # nobody writes to it: opening it would wait for ever
    (tmp_path / "zeros.tex").symlink_to("/dev/zero")
    main = tmp_path / "main.tex"
    main.write_text(main.read_text().replace("\\end{document}", "\\input{pipe}\n\\input{zeros}\n\\end{document}"))
    monkeypatch.setenv("READER_MAX_MB", "1")
    doc = load(str(tmp_path / "main.tex"))
    assert shown(doc, "paragraph") == ["Main text."]
    notes = "\n".join(doc.notes)
    assert "big: not read: the document reached the size limit" in notes
    assert "http://example.com/x: a URL: not read" in notes
    assert "/dev/zero: a system file: not read" in notes
    assert "data.bin: not a text file: not read" in notes
    assert "folder: included file not found" in notes
    assert "pipe: not a regular file: not read" in notes and "zeros: a system file: not read" in notes


SPHINX = {
    "docs/conf.py": "project = 'x'\n",
    "docs/index.rst": (
        "Garden guide\n============\n\n.. include:: intro.rst\n\n.. note::\n\n   .. include:: parts/tip.rst\n\n"
        "Write it so::\n\n   .. include:: example.rst\n\n.. code-block:: rst\n\n   .. include:: example2.rst\n\n"
        ".. literalinclude:: parts/water.py\n   :language: python\n   :lines: 2-3\n\n"
        ".. include:: /parts/seasons.rst\n   :start-after: BEGIN\n   :end-before: END\n\n"
        ".. include:: <isonum.txt>\n\n.. include:: nowhere.rst\n"
    ),
    "docs/intro.rst": "Planting\n--------\n\nDig a hole for each bulb.\n",
    "docs/parts/tip.rst": "Water in the morning.\n",
    "docs/parts/water.py": "import time\ndef water(bed):\n    return bed.soak()\nwater(None)\n",
    "docs/parts/seasons.rst": "hidden\nBEGIN\nSow in spring.\nEND\nhidden too\n",
}


def test_rst_include_and_literalinclude(tmp_path: Path) -> None:
    write(tmp_path, SPHINX)
    doc = load(str(tmp_path / "docs" / "index.rst"))
    assert shown(doc, "heading") == ["Garden guide", "Planting"]
    assert "Dig a hole for each bulb." in shown(doc, "paragraph")
    assert "Note: Water in the morning." in shown(doc, "block_quote")
    code = [b for b in doc.blocks if b.kind == "preformatted"]
    assert [doc.text[b.start : b.end] for b in code] == [
        ".. include:: example.rst",
        ".. include:: example2.rst",
        "def water(bed):\n    return bed.soak()",
    ]
    assert code[2].language == "python"
    assert "Sow in spring." in shown(doc, "paragraph") and "hidden" not in doc.text
    assert doc.notes == ("nowhere.rst: included file not found",)
    spans_hold(doc)


def test_rst_from_a_string_keeps_the_directive_out_as_before(tmp_path: Path) -> None:
    doc = document_from_bytes("index.rst", SPHINX["docs/index.rst"].encode())
    assert "Dig a hole" not in doc.text and not doc.notes


def test_asciidoc_includes_with_level_offset_lines_and_tags(tmp_path: Path) -> None:
    write(
        tmp_path,
        {
            "book.adoc": (
                "= Field Book\n:chapters: chapters\n\n== Start\n\nFirst words.\n\n"
                "include::{chapters}/second.adoc[leveloffset=+1]\n\n[source,python]\n----\n"
                "include::chapters/code.py[lines=2..3]\n----\n\ninclude::chapters/tagged.adoc[tag=kept]\n\n"
                "include::book.adoc[]\ninclude::missing.adoc[]\n"
            ),
            "chapters/second.adoc": "= Second\n\nSecond words.\n\n== Deeper\n\nDeep words.\n",
            "chapters/code.py": "import os\ndef dig():\n    return 1\n",
            "chapters/tagged.adoc": "dropped\n// tag::kept[]\nKept words.\n// end::kept[]\ndropped too\n",
        },
    )
    doc = load(str(tmp_path / "book.adoc"))
    headings = [(doc.text[b.start : b.end], b.level) for b in doc.blocks if b.kind == "heading"]
    assert headings == [("Field Book", 1), ("Start", 2), ("Second", 2), ("Deeper", 3)]
    assert shown(doc, "preformatted") == ["def dig():\n    return 1"]
    assert "Kept words." in shown(doc, "paragraph") and "dropped" not in doc.text
    assert any("loop" in note for note in doc.notes) and "missing.adoc: included file not found" in doc.notes
    spans_hold(doc)


def test_asciidoc_without_a_file_counts_includes_as_before() -> None:
    doc = document_from_bytes("book.adoc", b"= Book\n\n== One\n\nText.\n\ninclude::x.adoc[]\n")
    assert any("include:: line not read" in note for note in doc.notes)


def test_org_include_with_minlevel_and_src(tmp_path: Path) -> None:
    write(
        tmp_path,
        {
            "notes.org": (
                '#+TITLE: Notes\n\n* Top\nTop words.\n#+INCLUDE: "part.org" :minlevel 2\n'
                '#+INCLUDE: "code.py" src python :lines "2-3"\n#+BEGIN_EXAMPLE\n#+INCLUDE: "shown.org"\n#+END_EXAMPLE\n'
                '#+INCLUDE: "notes.org"\n'
            ),
            "part.org": "* Part\nPart words.\n** Sub\nSub words.\n",
            "code.py": "import os\ndef dig():\n    return 1\n",
        },
    )
    doc = load(str(tmp_path / "notes.org"))
    headings = [(doc.text[b.start : b.end], b.level) for b in doc.blocks if b.kind == "heading"]
    assert headings == [("Top", 1), ("Part", 2), ("Sub", 3)]
    code = [b for b in doc.blocks if b.kind == "preformatted"]
    assert [doc.text[b.start : b.end] for b in code] == ["def dig():\n    return 1", '#+INCLUDE: "shown.org"']
    assert code[0].language == "python"
    assert any("loop" in note for note in doc.notes)
    spans_hold(doc)


def test_lines_ranges() -> None:
    lines = [str(n) for n in range(1, 11)]
    assert includes.lines_range(lines, "1..3;5") == ["1", "2", "3", "5"]
    assert includes.lines_range(lines, "8..-1") == ["8", "9", "10"]
    assert includes.lines_range(lines, '"-3"') == ["1", "2", "3"]
    assert includes.lines_range(lines, "2-3,9-") == ["2", "3", "9", "10"]
    assert includes.lines_range(lines, "") == lines


def test_a_macro_that_inputs_its_argument_reads_the_file_its_use_names(tmp_path: Path) -> None:
    write(
        tmp_path,
        {
            "main.tex": (
                "\\documentclass{article}\n\\newcommand{\\chapterfile}[1]{\\input{#1}}\n\\begin{document}\n"
                "Opening.\n\n\\chapterfile{part}\n\\end{document}\n"
            ),
            "part.tex": "Part text.\n",
        },
    )
    doc = load(str(tmp_path / "main.tex"))
    assert not any(note.startswith("#1") for note in doc.notes)
    assert shown(doc, "paragraph") == ["Opening.", "Part text."]  # the use names the file: read
    assert not doc.notes


def test_rst_absolute_include_without_conf_py_and_nested_substitutions(tmp_path: Path) -> None:
    write(
        tmp_path,
        {
            "Help/command/find.rst": (
                "find\n----\n\n.. |sub| replace:: ``<prefix>/include``\n"
                ".. |entry| replace:: the folder |sub| first\n\n.. include:: /include/NOTE.txt\n\nLook in |entry|.\n"
            ),
            "Help/include/NOTE.txt": "A shared note.\n",
        },
    )
    doc = load(str(tmp_path / "Help" / "command" / "find.rst"))
    assert shown(doc, "paragraph") == ["A shared note.", "Look in the folder <prefix>/include first."]
    assert not doc.notes


def test_latex_code_files_read_in_as_code_blocks(tmp_path: Path) -> None:
    write(
        tmp_path,
        {
            "main.tex": (
                "\\documentclass{article}\n\\begin{document}\nCode follows.\n"
                "\\lstinputlisting[language=Python, firstline=2, lastline=3]{src/dig.py}\n"
                "\\inputminted{python}{src/dig.py}\n\\verbatiminput{src/dig.py}\n\\lstinputlisting{gone.c}\n"
                "\\end{document}\n"
            ),
            "src/dig.py": "import os\ndef dig():\n    return 1\nprint(dig())\n",
        },
    )
    doc = load(str(tmp_path / "main.tex"))
    whole = "import os\ndef dig():\n    return 1\nprint(dig())"
    code = [(doc.text[b.start : b.end], b.language) for b in doc.blocks if b.kind == "preformatted"]
    assert code == [("def dig():\n    return 1", "python"), (whole, "python"), (whole, None)]
    assert doc.notes == ("gone.c: included file not found",)
