"""Change logs read entry by entry: an unpunctuated entry line is a sentence, the newest release is
summarised first, and a log's licence or address lines are never summary sentences."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st
from test_structure import check_invariants

from reader.analysis import analyze
from reader.load import document_from_bytes
from reader.model import Analysis
from reader.text.sentences import split

LABELLED = """\
v3.2.0 (May 2025)

perf: quicker start when the cache folder is cold
fix: the pager lost its place after a resize
docs: say how the theme is chosen

v3.1.4 (April 2025)

feat(search): accents are ignored by default
fix(outline)!: titles are cut at a word
"""

GNU = """\
2025-05-02  Ada Park  <ada@example.org>

\tpager: keep the place after a resize
\tReported by a reader on a small screen.
\t* src/pager.c (resize): Keep the first line in view when the
\twindow grows or shrinks.
\t(redraw): New function.

2025-04-20  Ada Park  <ada@example.org>

\tcache: start quicker
\t* src/cache.c (open): Read the index lazily.

Copyright (C) 2025 Example Project.
Copying and distribution of this file, with or without modification, are
permitted provided the copyright notice and this notice are preserved.
"""

OLD_FIRST = """\
Version 1.0 (2019)

* The first release reads plain text and splits it into chapters well.

Version 1.1 (2020)

* Bookmarks are kept between runs of the reader, per document.

Version 2.0 (2022)

* Summaries of each chapter can be shown beside the text.
"""


def read(name: str, text: str) -> Analysis:
    a = analyze(document_from_bytes(name, text.encode()))
    check_invariants(a)
    return a


def sentences(a: Analysis) -> list[str]:
    return [a.sentence_text(i) for i in range(len(a.sentences))]


def summary(a: Analysis) -> list[str]:
    assert a.summary is not None
    return [a.sentence_text(i) for i in a.summary.selected]


def test_each_labelled_entry_line_is_a_sentence():
    got = sentences(read("NEWS", LABELLED))
    assert got[:3] == [
        "perf: quicker start when the cache folder is cold",
        "fix: the pager lost its place after a resize",
        "docs: say how the theme is chosen",
    ]
    assert "fix(outline)!: titles are cut at a word" in got


def test_a_gnu_subject_line_ends_before_its_text_and_wrapped_lines_stay_joined():
    got = sentences(read("ChangeLog", GNU))
    assert "pager: keep the place after a resize" in got
    assert "Reported by a reader on a small screen." in got
    wrapped = [s for s in got if s.startswith("* src/pager.c")]
    assert wrapped and "window grows or shrinks." in wrapped[0]
    assert "(redraw): New function." in got


def test_prose_lines_of_the_same_width_are_not_split_outside_a_change_log():
    text = "the pager: keeps its place after a resize\nfix: this line only wraps the one above"
    assert len(split(text)) == 1
    assert len(split(text, entries=True)) == 2


def test_the_newest_release_is_summarised_first_and_the_licence_never():
    got = summary(read("NEWS", LABELLED))
    assert got[0] == "perf: quicker start when the cache folder is cold"
    gnu = read("ChangeLog", GNU)
    assert a_licence_free(summary(gnu))
    first = gnu.summary.ranking[0].sentence  # type: ignore[union-attr]
    assert gnu.sentences[first].start < GNU.index("2025-04-20")


def a_licence_free(lines: list[str]) -> bool:
    return not any("Copyright" in s or "permitted" in s for s in lines)


def test_a_log_that_grows_downwards_is_summarised_from_its_end():
    a = read("NEWS", OLD_FIRST)
    assert a.summary is not None
    top = a.sentence_text(a.summary.ranking[0].sentence)
    assert top.startswith("* Summaries of each chapter")


_WORD = st.sampled_from(["fix", "perf", "docs", "cache", "pager", "the", "a", "start", "theme", "Bump", "Drop"])
_LINE = st.tuples(
    st.sampled_from(["", "* ", "- ", "fix: ", "perf(io): ", "(main): ", "  "]),
    st.lists(_WORD, min_size=1, max_size=9),
    st.sampled_from(["", ".", ",", ";"]),
).map(lambda t: t[0] + " ".join(t[1]) + t[2])
_RELEASE_BLOCK = st.tuples(st.integers(0, 9), st.lists(_LINE, min_size=1, max_size=6)).map(
    lambda t: f"v1.{t[0]}.0 (2024)\n\n" + "\n".join(t[1]) + "\n"
)


@settings(max_examples=60, deadline=None)
@given(st.lists(_RELEASE_BLOCK, min_size=2, max_size=5))
def test_spans_stay_exact_on_generated_logs(blocks):
    text = "\n".join(blocks)
    a = read("NEWS", text)  # check_invariants: spans in order, inside their paragraphs, trimmed
    covered = "".join(a.sentence_text(i) for i in range(len(a.sentences)))
    body = "".join(text[p.start : p.end] for p in a.paragraphs)
    assert "".join(covered.split()) == "".join(body.split())


MARKED = """\
2025-06-01  Ada Park  <ada@example.org>

\t* 4.2 release point.

2025-05-30  Ada Park  <ada@example.org>

\t* src/pager.c (resize): Keep the first line in view on a resize.
\t* src/cache.c:
\tPR 1234

2025-05-01  Ada Park  <ada@example.org>

\t* src/theme.c (pick): Read the theme from the settings file first.
"""


def test_release_marks_and_bare_labels_are_no_summary_sentences():
    got = summary(read("ChangeLog", MARKED))
    assert got[0] == "* src/pager.c (resize): Keep the first line in view on a resize."
    assert not any(s in got for s in ("* 4.2 release point.", "* src/cache.c:", "PR 1234"))
