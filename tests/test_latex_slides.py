"""LaTeX user macros with arguments expanded, and beamer slides read as sections: small sources written here."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from reader.formats import texmacros
from reader.load import document_from_bytes
from reader.model import Document

MACROS = r"""\documentclass{article}
\newcommand{\pair}[2]{(#1, #2)}
\newcommand{\hello}[1][World]{Hello, #1!}
\def\twice#1{#1 and #1}
\renewcommand*{\emphname}[1]{\emph{#1}}
\newcommand{\self}[1]{\self{#1}}
\newcommand{\wrap}[1]{[#1]}
\newcommand{\name}{Ada}
\begin{document}
"""


def doc_of(source: str) -> Document:
    return document_from_bytes("paper.tex", source.encode("utf-8"))


def body(inner: str, preamble: str = MACROS) -> Document:
    return doc_of(preamble + inner + "\n\\end{document}\n")


def shown(doc: Document, kind: str | None = None) -> list[str]:
    return [doc.text[b.start : b.end] for b in doc.blocks if kind is None or b.kind == kind]


def test_macros_with_arguments_are_expanded() -> None:
    doc = body(r"See \pair{x}{y}, \hello{} and \hello[Bob]; \twice{cake}. \wrap\name. \pair{\pair{a}{b}}{c}.")
    assert shown(doc, "paragraph") == ["See (x, y), Hello, World! and Hello, Bob!; cake and cake. [Ada]. ((a, b), c)."]
    assert not doc.notes


def test_expanded_markup_is_read_as_markup_and_comments_and_verbatim_stay() -> None:
    doc = body("A \\emphname{tide} rises. % \\pair{no}{no}\n\\begin{verbatim}\n\\pair{v}{w}\n\\end{verbatim}")
    assert shown(doc, "paragraph") == ["A tide rises."]
    start = doc.text.index("tide")
    assert any(e.start == start and e.kind == "italic" for e in doc.emphasis)
    assert shown(doc, "preformatted") == ["\\pair{v}{w}"]


def test_a_macro_that_expands_to_itself_ends_with_its_text_kept() -> None:
    doc = body(r"Before \self{kept words} after.")
    assert "kept words" in doc.text and "Before" in doc.text and "after." in doc.text
    assert any("left as written" in note for note in doc.notes)


def test_ten_thousand_nested_and_repeated_uses_end_with_the_text_kept() -> None:
    nested = body("\\wrap{" * 10_000 + "core" + "}" * 10_000)
    assert "core" in nested.text and nested.text.count("[") == texmacros.MAX_DEPTH
    repeated = body("\\pair{a}{b} " * 10_000)
    assert repeated.text.count("(a, b)") == 10_000
    source = "\\dbl{" * 10_000 + "z" + "}" * 10_000
    doubled = body(source, MACROS + "\\newcommand{\\dbl}[1]{#1#1}\n")  # 2**10000 copies unbounded
    assert "z" in doubled.text and len(doubled.text) < 4 * len(source) + 2**20


def test_unclosed_arguments_and_options_read_to_the_end() -> None:
    assert body("\\pair{" * 10_000).notes  # read, with a note on the braces
    doc = body("Start " + "\\hello[" * 10_000)
    assert doc.text.startswith("Start")


@settings(max_examples=40, deadline=None)
@given(st.text(alphabet="\\{}[]#%pairxy \n", max_size=80))
def test_any_use_of_a_macro_reads_without_error(inner: str) -> None:
    doc = body(inner)
    assert all(0 <= b.start <= b.end <= len(doc.text) for b in doc.blocks)


SLIDES = r"""\documentclass[11pt]{beamer}
\usetheme{Madrid}
\title{Tide Pools}
\author{Ann Lee}
\begin{document}
\frame{\titlepage}
\section{Life}
\begin{frame}{Who lives there}{A census}
\begin{itemize}[<+->]
\item<1-> Crabs hide under rocks.
\item<2-> Anemones close at low tide.
\end{itemize}
\pause
Snails \only<3>{graze} \alt<2>{slowly}{fast}.
\end{frame}
\begin{frame}<1-2>[fragile]
\frametitle<presentation>{Counting}
We count \alert<2>{every} shell.
\begin{block}{Method}
Quadrats of one metre.
\end{block}
\begin{columns}[t]
\column{.5\textwidth}
Left column text.
\end{columns}
\note{Say this slowly.}
\end{frame}
\section{Tides}
\begin{frame}
\frametitle{Timing}
Two tides a day \uncover<2->{roughly}; compare $a<b$.
\end{frame}
\end{document}
"""


def test_beamer_frames_are_sections_with_their_titles() -> None:
    doc = doc_of(SLIDES)
    headings = [(doc.text[b.start : b.end], b.level) for b in doc.blocks if b.kind == "heading"]
    assert headings == [
        ("Tide Pools", 1),
        ("Life", 2),
        ("Who lives there", 3),
        ("Counting", 3),
        ("Tides", 2),
        ("Timing", 3),
    ]
    assert "A census" in shown(doc, "paragraph")  # the frame's subtitle, under its title


def test_beamer_overlays_never_show_as_text() -> None:
    doc = doc_of(SLIDES)
    assert shown(doc, "list_item") == ["Crabs hide under rocks.", "Anemones close at low tide."]
    assert "Snails graze slowly." in shown(doc, "paragraph")
    assert "We count every shell." in shown(doc, "paragraph")
    assert "Two tides a day roughly; compare a<b." in shown(doc, "paragraph")
    assert "Method" in shown(doc, "paragraph") and "Left column text." in shown(doc, "paragraph")
    for mark in ("<1->", "<2->", "<+->", "<3>", "pause", "Say this slowly", "textwidth", "fast"):
        assert mark not in doc.text


def test_angle_brackets_outside_slides_are_text() -> None:
    doc = doc_of("\\documentclass{article}\n\\begin{document}\nWe know \\textbf<b> and x <2-> y.\n\\end{document}\n")
    assert "<2->" in doc.text


def test_an_overlay_with_an_action_is_no_text() -> None:
    source = (
        "\\documentclass{beamer}\n\\begin{document}\n\\begin{frame}{Primes}\n\\begin{enumerate}\n"
        "\\item<1-| alert@1> Suppose p were the largest prime.\n\\item<2-> Let q be their product.\n"
        "\\end{enumerate}\n\\end{frame}\n\\end{document}\n"
    )
    assert shown(doc_of(source), "list_item") == ["Suppose p were the largest prime.", "Let q be their product."]


def test_texorpdfstring_shows_the_tex_text_once() -> None:
    source = (
        "\\documentclass{article}\n\\title{Notes on \\texorpdfstring{$\\alpha$ rays}{alpha rays}}\n"
        "\\begin{document}\n\\maketitle\n\\section{Why \\texorpdfstring{\\emph{tides}}{tides} turn}\nText.\n"
        "\\end{document}\n"
    )
    doc = doc_of(source)
    assert doc.metadata["title"].count("rays") == 1
    assert "alpha rays" not in doc.text
    assert "1 Why tides turn" in shown(doc, "heading")
