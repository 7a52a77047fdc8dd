"""LaTeX sources read as a person reads the paper: small sources written here, one construct each."""

from __future__ import annotations

import json
import subprocess
import sys

from hypothesis import given, settings
from hypothesis import strategies as st

from reader.analysis import analyze
from reader.formats import detect_format
from reader.load import document_from_bytes
from reader.model import Document

PAPER = r"""\documentclass{article}
\usepackage{amsmath}
% a comment in the preamble
\title{Tidal Gardens of the North Coast}
\author{Marta Voss\\ Institute of Shores \and Pieter Lund}
\date{June 2019}
\begin{document}
\maketitle
\begin{abstract}
Kelp beds shelter young fish. We counted them over four summers.
\end{abstract}
\section{Introduction}\label{sec:intro}
The coast is cold.% no space follows
\ Its kelp grows fast, as \emph{Voss} noted~\cite{voss12,lund15}.
Section~\ref{sec:method} says how.

\section{Method}\label{sec:method}
We dove at dawn.
\end{document}
"""


def doc_of(source: str, name: str = "paper.tex") -> Document:
    return document_from_bytes(name, source.encode("utf-8"))


def shown(doc: Document, kind: str) -> list[str]:
    return [doc.text[b.start : b.end] for b in doc.blocks if b.kind == kind]


def body(inner: str) -> Document:
    return doc_of("\\documentclass{article}\n\\begin{document}\n" + inner + "\n\\end{document}\n")


def test_suffix_and_title_page() -> None:
    doc = doc_of(PAPER)
    assert doc.format == "latex" and detect_format("x.latex", b"") == "latex"
    assert doc.metadata == {
        "title": "Tidal Gardens of the North Coast",
        "author": "Marta Voss, Pieter Lund",
        "date": "June 2019",
    }
    assert doc.blocks[0].kind == "heading" and doc.blocks[0].level == 1
    assert shown(doc, "byline") == ["Marta Voss, Pieter Lund"]
    assert shown(doc, "heading")[1:] == ["Abstract", "1 Introduction", "2 Method"]
    assert "usepackage" not in doc.text and "comment" not in doc.text and "\\" not in doc.text


def test_references_citations_and_specials() -> None:
    text = doc_of(PAPER).text
    assert "as Voss noted\u00a0[voss12, lund15]." in text
    assert "Section\u00a02 says how." in text  # a \ref before its \label still gets its number


def test_summary_opens_with_the_abstract_and_authors_are_people() -> None:
    analysis = analyze(doc_of(PAPER), summary=True, participants=True)
    assert analysis.summary is not None
    first = analysis.sentence_text(analysis.summary.ranking[0].sentence)
    assert "Tidal Gardens" not in first and "Marta" not in first
    assert analysis.sentence_text(0).startswith("Kelp beds shelter young fish.")
    people = {p.name for p in analysis.participants if p.kind == "person"}
    assert {"Marta Voss", "Pieter Lund"} <= people
    assert not any(p.name in ("voss12", "sec", "sec:intro") for p in analysis.participants)


def test_headings_levels_stars_and_numbers() -> None:
    doc = body(
        "\\chapter{Start}\\section{One}\\subsection*{Aside}\\subsection{Two}\\paragraph{Run-in} text"
        "\\appendix\\chapter{Proofs}\\section{Lemma}"
    )
    headings = [(doc.text[b.start : b.end], b.level) for b in doc.blocks if b.kind == "heading"]
    assert headings == [
        ("1 Start", 1),
        ("1.1 One", 2),
        ("Aside", 3),
        ("1.1.1 Two", 3),
        ("Run-in", 5),
        ("A Proofs", 1),
        ("A.1 Lemma", 2),
    ]


def test_lists_with_markers_and_depth() -> None:
    doc = body(
        "\\begin{itemize}\\item Apples\n\\item Pears\n\\begin{enumerate}\\item ripe\n\\item green\\end{enumerate}"
        "\\end{itemize}\n\\begin{description}\\item[Plum] a stone fruit\\end{description}"
    )
    items = [(doc.text[b.start : b.end], b.depth, b.marker) for b in doc.blocks if b.kind == "list_item"]
    assert items == [
        ("Apples", 1, "\u2022"),
        ("Pears", 1, "\u2022"),
        ("ripe", 2, "1."),
        ("green", 2, "2."),
        ("Plum a stone fruit", 1, "\u2022"),
    ]
    bold = [doc.text[e.start : e.end] for e in doc.emphasis if e.kind == "bold"]
    assert bold == ["Plum"]


def test_code_with_language_and_verbatim_as_written() -> None:
    doc = body(
        "\\begin{lstlisting}[language=Python]\nif x:\n    y = 1 % 2\n\\end{lstlisting}\n"
        "\\begin{minted}{rust}\nfn main() {}\n\\end{minted}\n"
        "\\begin{verbatim}\n\\section{not a heading}\n\\end{verbatim}"
    )
    code = [(doc.text[b.start : b.end], b.language) for b in doc.blocks if b.kind == "preformatted"]
    assert code == [("if x:\n    y = 1 % 2", "python"), ("fn main() {}", "rust"), ("\\section{not a heading}", None)]
    assert not any(b.kind == "heading" for b in doc.blocks)


def test_inline_styles_links_and_accents() -> None:
    doc = body(
        "A \\emph{soft} and \\textbf{firm} \\texttt{key} at \\href{https://example.org/x}{the page} or "
        "\\url{https://example.org/a\\_b}. Caf\\'e, na\\\"{\\i}ve, \\c{c}a --- yes -- no ``so'' \\& 5\\%."
    )
    text = doc.text
    spans = {(text[e.start : e.end], e.kind) for e in doc.emphasis}
    assert spans == {("soft", "italic"), ("firm", "bold"), ("key", "code")}
    links = {(text[k.start : k.end], k.url) for k in doc.links}
    assert links == {("the page", "https://example.org/x"), ("https://example.org/a_b", "https://example.org/a_b")}
    assert "Café, naïve, ça \u2014 yes \u2013 no \u201cso\u201d & 5%." in text


def test_math_inline_and_display() -> None:
    doc = body(
        "Let $x^2 + \\alpha \\leq \\frac{1}{2}$ hold.\n"
        "\\begin{equation}\\label{eq:e}\nE = mc^2\n\\end{equation}\nBy \\eqref{eq:e}."
    )
    assert "Let x^2 + α ≤ 1/2 hold." in doc.text
    assert shown(doc, "preformatted") == ["E = mc^2    (1)"]
    assert "By (1)." in doc.text


def test_quotes_figures_tables_and_footnotes() -> None:
    doc = body(
        "\\begin{quote}Stay a while.\\end{quote}\n"
        "\\begin{figure}\\includegraphics[width=3cm]{a.png}\\caption{A tide chart.}\\label{f}\\end{figure}\n"
        "\\begin{table}\\begin{tabular}{lr}\\toprule Site & Depth \\\\ \\midrule North & 4 \\\\ "
        "South & \\textbf{7} \\\\\\bottomrule\\end{tabular}\\caption{Sites.}\\end{table}\n"
        "See Figure~\\ref{f}.\\footnote{Measured at noon.}"
    )
    assert shown(doc, "block_quote") == ["Stay a while."]
    assert shown(doc, "caption") == ["Figure 1: A tide chart.", "Table 1: Sites."]
    tables = [b for b in doc.blocks if b.kind == "table"]
    assert [doc.text[b.start : b.end] for b in tables] == ["Site | Depth\nNorth | 4\nSouth | 7"]
    assert tables[0].header == 1
    assert "See Figure\u00a01.[1]" in doc.text
    note = doc.blocks[-1]
    assert (doc.text[note.start : note.end], note.marker) == ("Measured at noon.", "[1]")
    assert any(k.url == "#fn1" and doc.text[k.start : k.end] == "[1]" for k in doc.links)


def test_unknown_macros_keep_text_arguments_only() -> None:
    doc = body("Use \\pkg{hyperref} here.\\vspace{2em}\\setlength{\\parskip}{1ex} \\hypersetup{colorlinks=true}Done.")
    assert doc.text.strip() == "Use hyperref here. Done."


def test_input_not_followed_and_malformed_source_still_reads() -> None:
    doc = body("\\input{chapter1}\nText \\emph{open and \\begin{itemize}\\item one")
    assert any("not followed" in note and "chapter1" in note for note in doc.notes)
    assert "Text open and" in doc.text and "one" in doc.text
    assert any("braces" in note or "without" in note for note in doc.notes)
    fragment = doc_of("\\section{Only a part}\nNo preamble here.")
    assert shown(fragment, "heading") == ["1 Only a part"]


def test_plain_text_never_imports_the_latex_reader() -> None:
    code = (
        "import sys; from reader.load import document_from_bytes; document_from_bytes('a.txt', b'Hello. World.');"
        "print('pylatexenc' in sys.modules or 'reader.formats.latex' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


WORDS = st.sampled_from(["tide", "kelp", "Voss", "cold", "shore", "fish", "1.5", "and"])
PIECES = st.one_of(
    WORDS,
    WORDS.map(lambda w: f"\\emph{{{w}}}"),
    WORDS.map(lambda w: f"\\section{{{w}}}"),
    WORDS.map(lambda w: f"\\subsection*{{{w}}}"),
    WORDS.map(lambda w: f"\\begin{{itemize}}\\item {w}\\end{{itemize}}"),
    WORDS.map(lambda w: f"\\begin{{quote}}{w}\\end{{quote}}"),
    WORDS.map(lambda w: f"${w}^2$"),
    WORDS.map(lambda w: f"\\footnote{{{w}}}"),
    st.sampled_from(["\n\n", "{", "}", "\\begin{enumerate}", "\\end{enumerate}", "%", "\\item", "~", "&", "\\\\", "$"]),
)


@settings(max_examples=60, deadline=None)
@given(st.lists(PIECES, max_size=30))
def test_generated_sources_read_with_exact_spans(pieces: list[str]) -> None:
    doc = body(" ".join(pieces))
    text = doc.text
    for block in doc.blocks:
        assert 0 <= block.start < block.end <= len(text)
        assert text[block.start : block.end].strip()
    for span in (*doc.emphasis, *doc.links):
        assert 0 <= span.start < span.end <= len(text)
    assert "\\begin{" not in text and "\\section" not in text
    analysis = analyze(doc)
    for s in analysis.sentences:
        assert text[s.start : s.end].strip()


def test_a_float_inside_a_paragraph_comes_after_it() -> None:
    doc = body(
        "\\section{Data}\\label{s:data}\nAs Section~\\ref{s:data} and Table~\\ref{t:a}\n"
        "\\begin{table}[h]\\caption{Counts.}\\label{t:a}\\begin{tabular}{ll}x & 1\\end{tabular}\\end{table}\n"
        "show, it works."
    )
    assert shown(doc, "paragraph") == ["As Section\u00a01 and Table\u00a01 show, it works."]
    assert shown(doc, "caption") == ["Table 1: Counts."] and shown(doc, "table") == ["x | 1"]


def test_deep_or_unbalanced_nesting_reads_without_recursion_errors() -> None:
    for source in ("\\emph{deep " * 3000, "{" * 5000 + "x", "\\begin{itemize}\\item a " * 2000, "\\'{" * 3000):
        doc = body(source)
        assert doc.text.strip() or doc.notes


def test_a_txt_file_opening_with_documentclass_is_latex() -> None:
    doc = doc_of(
        "% draft\n\\documentclass{article}\n\\begin{document}\nHello \\emph{there}.\n\\end{document}\n", "a.txt"
    )
    assert doc.format == "latex" and doc.text == "Hello there.\n"
    assert doc_of("We type \\documentclass{article} first.", "b.txt").format == "text"


def test_a_hand_made_title_page_holds_no_sentences() -> None:
    doc = body(
        "\\begin{titlepage}\\centering University of the Coast\\\\ A Thesis by Ines Alba\\end{titlepage}\n"
        "\\chapter{Introduction}\nSea ice melts in spring. Kelp grows back."
    )
    assert shown(doc, "byline") == ["University of the Coast A Thesis by Ines Alba"]
    analysis = analyze(doc)
    assert [analysis.sentence_text(k) for k in range(len(analysis.sentences))] == [
        "Sea ice melts in spring.",
        "Kelp grows back.",
    ]


def test_a_theorem_declared_with_an_empty_name_reads() -> None:
    doc = body("\\newtheorem{article}{}\n\\begin{article}Members meet yearly.\\end{article}")
    assert shown(doc, "paragraph") == ["Article 1. Members meet yearly."]


def test_the_analysis_of_a_paper_meets_the_json_contract() -> None:
    from test_contract import check_contract

    source = PAPER.replace("dawn.", "dawn.\n\\begin{figure}\\caption{Kelp at dawn.}\\end{figure}")
    doc = analyze(doc_of(source)).to_json()
    check_contract(json.loads(json.dumps(doc)))
    assert doc["format"] == "latex" and {"caption", "byline", "heading"} <= {b["kind"] for b in doc["blocks"]}


def test_the_command_line_reads_a_malformed_source_without_a_traceback(tmp_path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "broken.tex"
    path.write_text(
        "\\documentclass{article}\n\\begin{document}\n\\section{Start\nText $x \\begin{itemize}\\item one\n"
    )
    out = subprocess.run([sys.executable, "-m", "reader", "summarize", str(path)], capture_output=True, text=True)
    assert out.returncode == 0 and "Traceback" not in out.stderr
    assert "reader: " in out.stderr and "without" in out.stderr  # the notes, one line each
